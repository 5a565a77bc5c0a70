//! Stable keys for the results table's rows and cells, so the page can update a cell in
//! place when a control changes instead of rebuilding the table: a row is found by what it
//! shows (a museum, DCMS's published total, the sector figure), a cell by its year.

use crate::core::query::{Cell, Row, TableView, TotalCell};
use crate::core::year::FinancialYear;

/// Which row of a table: stays the same across views that show the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// A museum's row, by museum index.
    Museum(u16),
    /// DCMS's published total, as published.
    PublishedTotal,
    /// The partnership reports' sector figure, as published.
    Sector,
}

/// One published cell and the row it sits in (the museum index of the row's figures).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyedCell {
    pub row_museum: u16,
    pub metric: u16,
    pub cell: Cell,
}

/// One recomputed total cell, with the metric it adds up.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedTotal {
    pub metric: u16,
    pub total: TotalCell,
}

impl TableView {
    /// The row `key` names, if the view shows it.
    pub fn row(&self, key: RowKey) -> Option<&Row> {
        match key {
            RowKey::Museum(museum) => self.museum_rows.iter().find(|row| row.museum == museum),
            RowKey::PublishedTotal => self.published_total.as_ref(),
            RowKey::Sector => self.sector_row.as_ref(),
        }
    }

    /// The cell of row `key` in `year`, if the view shows both.
    pub fn keyed_cell(&self, key: RowKey, year: FinancialYear) -> Option<KeyedCell> {
        let row = self.row(key)?;
        let cell = row.cells.iter().find(|cell| cell.year == year)?;
        Some(KeyedCell {
            row_museum: row.museum,
            metric: self.metric,
            cell: *cell,
        })
    }

    /// The recomputed total of `year`, if the view has one.
    pub fn keyed_total(&self, year: FinancialYear) -> Option<KeyedTotal> {
        let total = self.computed_total()?.iter().find(|t| t.year == year)?;
        Some(KeyedTotal {
            metric: self.metric,
            total: total.clone(),
        })
    }
}
