//! The results table's stable row and cell keys (`core::table_rows`): a cell is found by
//! what it shows, so a change of years or museums leaves the other cells' contents alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, museum, range, year};
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::table_rows::RowKey;

#[test]
fn a_cell_keeps_its_key_and_contents_when_an_earlier_year_leaves_the_view() {
    let dataset = dataset();
    let wide = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2010-11", "2019-20"),
    );
    let narrow = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2011-12", "2019-20"),
    );
    let british_museum = RowKey::Museum(museum(dataset, "british-museum"));
    for year in &narrow.years {
        let before = wide
            .keyed_cell(british_museum, *year)
            .expect("in the wide view");
        assert_eq!(narrow.keyed_cell(british_museum, *year), Some(before));
        assert_eq!(before.cell.year, *year);
    }
    assert!(wide.keyed_cell(british_museum, year("2010-11")).is_some());
    assert_eq!(narrow.keyed_cell(british_museum, year("2010-11")), None);
}

#[test]
fn rows_are_found_by_what_they_show_not_by_position() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2015-16", "2019-20"),
    );
    assert!(table.museum_rows.len() > 1);
    for row in table.museum_rows.iter().rev() {
        assert_eq!(table.row(RowKey::Museum(row.museum)), Some(row));
    }
    assert_eq!(
        table.row(RowKey::PublishedTotal),
        table.published_total.as_ref()
    );
    assert_eq!(table.row(RowKey::Sector), table.sector_row.as_ref());
    let absent = RowKey::Museum(u16::MAX);
    assert_eq!(table.row(absent), None);
    assert_eq!(table.keyed_cell(absent, year("2019-20")), None);
}

#[test]
fn total_cells_are_found_by_year() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2015-16", "2019-20"),
    );
    let totals = table.computed_total().expect("a summable metric");
    for total in totals {
        let keyed = table.keyed_total(total.year).expect("a year of the view");
        assert_eq!(&keyed.total, total);
        assert_eq!(keyed.metric, table.metric);
    }
    assert_eq!(table.keyed_total(year("2001-02")), None);
}

