//! The query engine: filter by metric, museums and years; recompute totals with coverage;
//! compare them with the published totals.
//!
//! Rules it keeps: missing is never zero (a cell without a number carries its status, or
//! `None` when the data has no row at all); `aggregation = none` metrics are never summed;
//! the published total row is never added to anything; partnership per-museum figures are
//! never summed into a sector total.

use super::model::{Aggregation, Dataset, DatasetId, Fact, Qualifier, Status};
use super::view_state::ViewState;
use super::year::FinancialYear;
use std::collections::BTreeSet;

/// DCMS's published total row in `museums.csv`.
pub const PUBLISHED_TOTAL_ID: &str = "total-dcms-sponsored-museums";
/// The partnership reports' sector figures in `museums.csv`.
pub const SECTOR_ID: &str = "all-national-museums";

/// One museum × year cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub year: FinancialYear,
    /// `None`: the data has no row for this museum and year.
    pub fact: Option<Fact>,
}

impl Cell {
    pub fn value(&self) -> Option<f64> {
        self.fact.and_then(|f| f.value)
    }

    pub fn status(&self) -> Option<Status> {
        self.fact.map(|f| f.status)
    }

    pub fn flags(&self) -> u32 {
        self.fact.map_or(0, |f| f.flags)
    }

    pub fn qualifier(&self) -> Qualifier {
        self.fact.map_or(Qualifier::Exact, |f| f.qualifier)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub museum: u16,
    pub cells: Vec<Cell>,
}

/// How the recomputed total compares with DCMS's published total for the same year.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedComparison {
    pub published: f64,
    /// Published minus recomputed.
    pub difference: f64,
    /// More than the rounding tolerance of the published total.
    pub beyond_rounding: bool,
    /// The curators' explanation, when they found the cause (or found none).
    pub explanation: Option<String>,
}

impl PublishedComparison {
    /// Without a curators' check, only a difference of more than half a unit counts.
    pub const DEFAULT_TOLERANCE: f64 = 0.5;

    /// Compares a published total with the recomputed one, under the curators' check of
    /// that total when there is one (its tolerance, and its explanation of a real
    /// difference).
    pub fn new(
        published: f64,
        computed: f64,
        check: Option<&super::model::TotalCheck>,
    ) -> PublishedComparison {
        let tolerance = check.map_or(Self::DEFAULT_TOLERANCE, |c| c.tolerance);
        let difference = published - computed;
        let beyond_rounding = difference.abs() > tolerance;
        let explanation = check
            .filter(|c| beyond_rounding && c.result.is_difference())
            .map(|c| c.explanation.clone());
        PublishedComparison {
            published,
            difference,
            beyond_rounding,
            explanation,
        }
    }
}

/// A total recomputed from the museum rows of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalCell {
    pub year: FinancialYear,
    /// `None` when no museum reported a number: never 0.
    pub value: Option<f64>,
    /// Museums whose number was added.
    pub reported: usize,
    /// Museums that could have reported (every row that is not "not applicable").
    pub expected: usize,
    /// Numbers left out as suspected copying errors.
    pub left_out: usize,
    /// Break and caution flags of the cells it adds.
    pub flags: u32,
    /// Only when every museum is selected, so both totals cover the same museums.
    pub published: Option<PublishedComparison>,
}

impl TotalCell {
    /// "14 of 15 museums reported".
    pub fn coverage(&self) -> String {
        let museums = if self.expected == 1 {
            "museum"
        } else {
            "museums"
        };
        let mut text = format!("{} of {} {museums} reported", self.reported, self.expected);
        if self.left_out > 0 {
            text.push_str(&format!(
                "; {} left out as suspected copying errors",
                self.left_out
            ));
        }
        text
    }
}

/// Why a metric is never summed across museums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTotal {
    /// A proportion, a count of museums or already a national figure.
    NotAddable,
    /// Partnership per-museum figures: a few museums' own publications, not a sector.
    PartnershipFigures,
}

impl NoTotal {
    /// The sentence under the table.
    pub fn text(self) -> &'static str {
        match self {
            NoTotal::NotAddable => "No total is computed: this figure is a proportion, a count of museums or already a national total, so adding museums would be meaningless.",
            NoTotal::PartnershipFigures => "No total is computed: the per-museum figures come from a handful of museums' own publications, so adding them would not give a sector total. The sector figure published in the reports is shown as its own row.",
        }
    }
}

/// A view's recomputed total row: one cell per year, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Totals {
    Computed(Vec<TotalCell>),
    /// The metric must not be summed.
    NotSummed(NoTotal),
    /// The view has no museum rows to add.
    NoMuseums,
}

impl Totals {
    /// The total cells, year by year, when there is a total.
    pub fn cells(&self) -> Option<&[TotalCell]> {
        match self {
            Totals::Computed(cells) => Some(cells),
            Totals::NotSummed(_) | Totals::NoMuseums => None,
        }
    }

    /// Why the metric is not summed, when that is why there is no total.
    pub fn not_summed(&self) -> Option<NoTotal> {
        match self {
            Totals::NotSummed(reason) => Some(*reason),
            Totals::Computed(_) | Totals::NoMuseums => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableView {
    pub metric: u16,
    pub years: Vec<FinancialYear>,
    pub museum_rows: Vec<Row>,
    /// The recomputed total row, or why there is none.
    pub totals: Totals,
    /// DCMS's published total row, as published.
    pub published_total: Option<Row>,
    /// The partnership reports' sector figures, as published.
    pub sector_row: Option<Row>,
    /// Every museum with data is shown, so published and recomputed totals are comparable.
    pub all_museums_selected: bool,
}

impl TableView {
    /// Every published row on screen (museums, then the published total, then the sector).
    pub fn published_rows(&self) -> impl Iterator<Item = &Row> {
        self.museum_rows
            .iter()
            .chain(self.published_total.iter())
            .chain(self.sector_row.iter())
    }

    /// Facts on screen, for notes, sources and the legend.
    pub fn facts(&self) -> impl Iterator<Item = Fact> + '_ {
        self.published_rows()
            .flat_map(|row| row.cells.iter().filter_map(|cell| cell.fact))
    }

    /// The recomputed total cells, year by year; `None` when the view has no total.
    pub fn computed_total(&self) -> Option<&[TotalCell]> {
        self.totals.cells()
    }

    pub fn flags_on_screen(&self) -> u32 {
        let total_flags = self
            .computed_total()
            .into_iter()
            .flatten()
            .fold(0, |mask, cell| mask | cell.flags);
        self.facts()
            .fold(total_flags, |mask, fact| mask | fact.flags)
    }

    pub fn notes_on_screen(&self) -> u64 {
        self.facts().fold(0, |mask, fact| mask | fact.notes)
    }

    pub fn sources_on_screen(&self) -> BTreeSet<u16> {
        self.facts().map(|fact| fact.source).collect()
    }

    /// Every qualifier other than exact that a figure on screen carries, in
    /// [`Qualifier::ALL`] order.
    pub fn qualifiers_on_screen(&self) -> BTreeSet<Qualifier> {
        self.facts()
            .map(|fact| fact.qualifier)
            .filter(|qualifier| *qualifier != Qualifier::Exact)
            .collect()
    }
}

/// Sorted years for which the data has any row of this metric (indexed at load).
pub fn metric_years(dataset: &Dataset, metric: u16) -> Vec<FinancialYear> {
    dataset.metric_index(metric).years.clone()
}

/// Museums (not aggregates) with at least one cell of this metric in `years` that is not
/// "not applicable", sorted by name. Looks only at each candidate museum's own run of facts.
pub fn museums_with_data_in(
    dataset: &Dataset,
    metric: u16,
    years: Option<(FinancialYear, FinancialYear)>,
) -> Vec<u16> {
    let index = dataset.metric_index(metric);
    let Some((from, to)) = years else {
        return index.museums_with_data.clone();
    };
    index
        .museums_with_data
        .iter()
        .copied()
        .filter(|&museum| dataset.any_applicable(dataset.run_between(metric, museum, from, to)))
        .collect()
}

/// Every museum with any data for the metric (what the museum picker enables).
pub fn museums_with_data(dataset: &Dataset, metric: u16) -> Vec<u16> {
    museums_with_data_in(dataset, metric, None)
}

/// One museum's row over `years`, walking its run of facts once alongside the years (both
/// are in year order), so a row costs its cells, not a search per cell.
fn row_for(dataset: &Dataset, metric: u16, museum: u16, years: &[FinancialYear]) -> Row {
    let (Some(&from), Some(&to)) = (years.first(), years.last()) else {
        return Row {
            museum,
            cells: Vec::new(),
        };
    };
    // Walk the year column of the museum's run once; build a fact only for a cell shown.
    let run = dataset.run_between(metric, museum, from, to);
    let fact_years = &dataset.file.facts.year[run.clone()];
    let mut next = 0;
    let cells = years
        .iter()
        .map(|&year| {
            while fact_years.get(next).is_some_and(|&y| y < year.0) {
                next += 1;
            }
            let found = fact_years.get(next) == Some(&year.0);
            Cell {
                year,
                fact: found.then(|| dataset.fact(run.start + next)),
            }
        })
        .collect();
    Row { museum, cells }
}

fn has_any_fact(row: &Row) -> bool {
    row.cells.iter().any(|cell| cell.fact.is_some())
}

/// Why a metric must not be summed, if it must not.
fn no_total_reason(dataset: &Dataset, metric: u16) -> Option<NoTotal> {
    let metric = dataset.metric(metric);
    if metric.aggregation == Aggregation::None {
        return Some(NoTotal::NotAddable);
    }
    (metric.dataset == DatasetId::Partnership).then_some(NoTotal::PartnershipFigures)
}

/// Sums the museum rows of one year column, keeping coverage and inherited flags.
fn total_for_year(
    dataset: &Dataset,
    rows: &[Row],
    column: usize,
    year: FinancialYear,
) -> TotalCell {
    let carried = dataset.known_flags.series_break
        | dataset.known_flags.not_comparable
        | dataset.known_flags.covid_caution;
    let mut total = TotalCell {
        year,
        value: None,
        reported: 0,
        expected: 0,
        left_out: 0,
        flags: 0,
        published: None,
    };
    for fact in rows.iter().filter_map(|row| row.cells[column].fact) {
        if fact.status == Status::NotApplicable {
            continue;
        }
        total.expected += 1;
        let Some(value) = fact.value else { continue };
        if fact.flags & dataset.known_flags.suspect_duplicate != 0 {
            total.left_out += 1;
            continue;
        }
        total.reported += 1;
        total.value = Some(total.value.unwrap_or(0.0) + value);
        total.flags |= fact.flags & carried;
    }
    total
}

/// The recomputed total against the published total of the same year, when both have a
/// number.
fn compare_with_published(
    dataset: &Dataset,
    metric: u16,
    total: &TotalCell,
    published: &Cell,
) -> Option<PublishedComparison> {
    let check = dataset.total_check(&dataset.metric(metric).id, total.year);
    Some(PublishedComparison::new(
        published.value()?,
        total.value?,
        check,
    ))
}

/// The museums a view shows, in name order, and whether they are every museum with figures
/// (only then is the published total comparable). "All" means every museum with figures
/// in the years shown.
fn chosen_museums(
    dataset: &Dataset,
    state: &ViewState,
    bounds: Option<(FinancialYear, FinancialYear)>,
) -> (Vec<u16>, bool) {
    let Some(list) = &state.museums else {
        return (museums_with_data_in(dataset, state.metric, bounds), true);
    };
    let available = museums_with_data(dataset, state.metric);
    let chosen: Vec<u16> = available
        .iter()
        .copied()
        .filter(|m| list.contains(m))
        .collect();
    let everything = available.iter().all(|m| chosen.contains(m));
    (chosen, everything)
}

/// The recomputed total of each year column, compared with the published total when the
/// view holds every museum.
fn computed_totals(
    dataset: &Dataset,
    metric: u16,
    years: &[FinancialYear],
    museum_rows: &[Row],
    published_total: Option<&Row>,
) -> Vec<TotalCell> {
    years
        .iter()
        .enumerate()
        .map(|(column, &year)| {
            let mut total = total_for_year(dataset, museum_rows, column, year);
            total.published = published_total.and_then(|row| {
                compare_with_published(dataset, metric, &total, &row.cells[column])
            });
            total
        })
        .collect()
}

/// Builds the table for a view: rows museums, columns years, totals below.
pub fn build_table(dataset: &Dataset, state: &ViewState) -> TableView {
    let metric = state.metric;
    let all_years = metric_years(dataset, metric);
    let bounds = state.bounds_within(&all_years);
    let years: Vec<FinancialYear> = all_years
        .into_iter()
        .filter(|year| bounds.is_some_and(|(from, to)| (from..=to).contains(year)))
        .collect();
    let (chosen, all_museums_selected) = chosen_museums(dataset, state, bounds);
    let museum_rows: Vec<Row> = chosen
        .iter()
        .map(|&museum| row_for(dataset, metric, museum, &years))
        .collect();
    let aggregate_row = |id: &str| {
        dataset
            .museum_by_id(id)
            .map(|museum| row_for(dataset, metric, museum, &years))
            .filter(has_any_fact)
    };
    let published_total = aggregate_row(PUBLISHED_TOTAL_ID);
    let sector_row = aggregate_row(SECTOR_ID);
    let comparable = published_total.as_ref().filter(|_| all_museums_selected);
    let totals = match no_total_reason(dataset, metric) {
        Some(reason) => Totals::NotSummed(reason),
        None if museum_rows.is_empty() => Totals::NoMuseums,
        None => Totals::Computed(computed_totals(
            dataset,
            metric,
            &years,
            &museum_rows,
            comparable,
        )),
    };
    TableView {
        metric,
        years,
        museum_rows,
        totals,
        published_total,
        sector_row,
        all_museums_selected,
    }
}

/// A series break lies before the figure with these flags (the cell's left edge is marked).
pub fn breaks_before(dataset: &Dataset, flags: u32) -> bool {
    flags & dataset.known_flags.series_break != 0
}

impl TableView {
    /// Flags of every published cell in one year column (museums, published total, sector).
    pub fn column_flags(&self, column: usize) -> u32 {
        self.published_rows()
            .filter_map(|row| row.cells[column].fact)
            .fold(0, |mask, fact| mask | fact.flags)
    }

    /// For each year column, whether a published cell in it carries the Covid caution, so
    /// its header gets the Covid marker.
    pub fn covid_columns(&self, dataset: &Dataset) -> Vec<bool> {
        let covid = dataset.known_flags.covid_caution;
        (0..self.years.len())
            .map(|column| self.column_flags(column) & covid != 0)
            .collect()
    }

    /// A recomputed and a published total are both on screen but not compared, because
    /// only some museums are selected.
    pub fn published_total_not_compared(&self) -> bool {
        self.computed_total().is_some()
            && self.published_total.is_some()
            && !self.all_museums_selected
    }
}

impl TotalCell {
    /// The comparison with DCMS's published total, when they differ beyond its rounding.
    pub fn published_differs(&self) -> Option<&PublishedComparison> {
        self.published.as_ref().filter(|c| c.beyond_rounding)
    }
}

impl PublishedComparison {
    /// "DCMS published 1,336".
    pub fn published_words(&self, unit: super::model::Unit) -> String {
        format!(
            "DCMS published {}",
            super::format::format_value(self.published, unit)
        )
    }

    /// "DCMS's published total is 1,336, 57 more than the sum of the museum rows.", then
    /// the curators' explanation when there is one.
    pub fn differs_sentence(&self, unit: super::model::Unit) -> String {
        use super::format::{format_value, more_or_fewer};
        let mut sentence = format!(
            "DCMS's published total is {}, {} {} than the sum of the museum rows.",
            format_value(self.published, unit),
            format_value(self.difference.abs(), unit),
            more_or_fewer(self.difference)
        );
        if let Some(explanation) = &self.explanation {
            sentence.push(' ');
            sentence.push_str(explanation);
        }
        sentence
    }
}
