//! Change between years, share of the recomputed total, and rank, for the museums and the
//! total of a view. Never from a missing value; a change across a series break is computed
//! but carries a warning.

use super::model::{Dataset, Fact};
use super::query::{build_table, TableView, ViewState};
use super::year::FinancialYear;

/// Why a change could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoChange {
    /// The base year has no number (missing, not published, not applicable…).
    MissingBase,
    /// The latest year has no number.
    MissingLatest,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub base_year: FinancialYear,
    pub latest_year: FinancialYear,
    pub from: f64,
    pub to: f64,
    pub absolute: f64,
    /// `None` when the base is zero.
    pub percent: Option<f64>,
    /// A series break (or a not-comparable base) lies between the two years.
    pub crosses_break: bool,
}

pub type ChangeResult = Result<Change, NoChange>;

fn change_from_levels(
    base_year: FinancialYear,
    latest_year: FinancialYear,
    from: Option<f64>,
    to: Option<f64>,
    crosses_break: bool,
) -> ChangeResult {
    let from = from.ok_or(NoChange::MissingBase)?;
    let to = to.ok_or(NoChange::MissingLatest)?;
    Ok(Change {
        base_year,
        latest_year,
        from,
        to,
        absolute: to - from,
        percent: exact_percent_change(from, to),
        crosses_break,
    })
}

/// (to − from) / from × 100; `None` from a zero base.
fn exact_percent_change(from: f64, to: f64) -> Option<f64> {
    (from != 0.0).then(|| (to - from) / from * 100.0)
}

/// Percentage change rounded to one decimal place, as the headlines compare it.
pub fn percent_change(from: f64, to: f64) -> Option<f64> {
    exact_percent_change(from, to).map(|percent| (percent * 10.0).round() / 10.0)
}

/// True when one museum's series has a break after `base` up to and including `latest`,
/// or its base value is flagged as not comparable with later years.
fn series_breaks_between(
    dataset: &Dataset,
    metric: u16,
    museum: u16,
    base: FinancialYear,
    latest: FinancialYear,
) -> bool {
    let flags = dataset.known_flags;
    dataset
        .facts_of_metric(metric)
        .filter(|f| f.museum == museum)
        .any(|fact: Fact| {
            (fact.year > base && fact.year <= latest && fact.flags & flags.series_break != 0)
                || (fact.year == base && fact.flags & flags.not_comparable != 0)
        })
}

/// Change for one museum from `base` to `latest`.
pub fn museum_change(
    dataset: &Dataset,
    metric: u16,
    museum: u16,
    base: FinancialYear,
    latest: FinancialYear,
) -> ChangeResult {
    let level = |year| {
        dataset
            .find_fact(metric, museum, year)
            .and_then(|f| f.value)
    };
    let crosses = series_breaks_between(dataset, metric, museum, base, latest);
    change_from_levels(base, latest, level(base), level(latest), crosses)
}

/// Change of the recomputed total of the same museums, with the coverage of both years.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalChange {
    pub change: ChangeResult,
    pub base_coverage: String,
    pub latest_coverage: String,
    /// The two totals add up different museums.
    pub coverage_differs: bool,
}

fn single_year_table(
    dataset: &Dataset,
    metric: u16,
    museums: &[u16],
    year: FinancialYear,
) -> TableView {
    build_table(
        dataset,
        &ViewState {
            metric,
            museums: Some(museums.to_vec()),
            from: Some(year),
            to: Some(year),
            ..ViewState::for_metric(metric)
        },
    )
}

pub fn total_change(
    dataset: &Dataset,
    table: &TableView,
    base: FinancialYear,
    latest: FinancialYear,
) -> Option<TotalChange> {
    table.computed_total.as_ref()?;
    let museums: Vec<u16> = table.museum_rows.iter().map(|r| r.museum).collect();
    let total_at = |year| {
        let single = single_year_table(dataset, table.metric, &museums, year);
        let cell = single.computed_total.and_then(|mut totals| totals.pop());
        let reporters: Vec<u16> = single
            .museum_rows
            .iter()
            .filter(|row| row.cells.first().and_then(|c| c.value()).is_some())
            .map(|row| row.museum)
            .collect();
        (cell, reporters)
    };
    let (base_total, base_reporters) = total_at(base);
    let (latest_total, latest_reporters) = total_at(latest);
    let crosses = museums
        .iter()
        .any(|&m| series_breaks_between(dataset, table.metric, m, base, latest));
    Some(TotalChange {
        change: change_from_levels(
            base,
            latest,
            base_total.as_ref().and_then(|t| t.value),
            latest_total.as_ref().and_then(|t| t.value),
            crosses,
        ),
        base_coverage: base_total
            .as_ref()
            .map(|t| t.coverage())
            .unwrap_or_default(),
        latest_coverage: latest_total
            .as_ref()
            .map(|t| t.coverage())
            .unwrap_or_default(),
        coverage_differs: base_reporters != latest_reporters,
    })
}

/// One museum's place in the latest year of a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub museum: u16,
    pub value: f64,
    /// Per cent of the recomputed total; `None` when the metric has no total.
    pub share: Option<f64>,
    /// 1 = largest; tied values share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub of: usize,
}

/// Share and rank of each reporting museum in the view's last year, largest first.
pub fn standings(dataset: &Dataset, table: &TableView) -> Vec<Standing> {
    let Some(column) = table.years.len().checked_sub(1) else {
        return Vec::new();
    };
    let total = table
        .computed_total
        .as_ref()
        .and_then(|totals| totals[column].value);
    let mut reporting: Vec<(u16, f64)> = table
        .museum_rows
        .iter()
        .filter_map(|row| row.cells[column].fact)
        .filter(|fact| fact.flags & dataset.known_flags.suspect_duplicate == 0)
        .filter_map(|fact| Some((fact.museum, fact.value?)))
        .collect();
    reporting.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| dataset.museum(a.0).name.cmp(&dataset.museum(b.0).name))
    });
    let of = reporting.len();
    reporting
        .iter()
        .map(|&(museum, value)| Standing {
            museum,
            value,
            share: total.filter(|t| *t != 0.0).map(|t| value / t * 100.0),
            rank: 1 + reporting.iter().filter(|(_, other)| *other > value).count(),
            of,
        })
        .collect()
}
