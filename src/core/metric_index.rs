//! Per-metric indexes, built once when the data loads, so that a view costs what it shows
//! rather than what the table holds: a metric's years, its museums with figures and each
//! museum's run of facts are looked up, not scanned for.
//!
//! Facts are sorted by metric, museum and year (checked at load), so a metric's facts are one
//! range, and within it each museum's facts are one run in year order.

use super::model::{DataFile, Status};
use super::order::sort_small_by;
use super::year::FinancialYear;
use std::ops::Range;

/// One museum's facts within a metric's range, in year order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MuseumRun {
    pub museum: u16,
    pub facts: Range<usize>,
}

/// What a view needs to know about one metric before it looks at any cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MetricIndex {
    /// The metric's facts in the fact columns.
    pub facts: Range<usize>,
    /// Sorted years for which any museum or published row has a fact.
    pub years: Vec<FinancialYear>,
    /// Each museum's (and published row's) run, by museum index.
    pub runs: Vec<MuseumRun>,
    /// Museums (not aggregates) with at least one fact that is not "not applicable",
    /// sorted by name: what the museum picker enables and "all museums" means.
    pub museums_with_data: Vec<u16>,
}

impl MetricIndex {
    /// The facts of `museum`, an empty range when it has none for this metric.
    pub fn run_of(&self, museum: u16) -> Range<usize> {
        self.runs
            .binary_search_by_key(&museum, |run| run.museum)
            .map_or(0..0, |i| self.runs[i].facts.clone())
    }
}

/// Splits a metric's fact range into one run per museum (the range is sorted by museum).
fn museum_runs(file: &DataFile, facts: Range<usize>) -> Vec<MuseumRun> {
    let museums = &file.facts.museum;
    let mut runs: Vec<MuseumRun> = Vec::new();
    for i in facts {
        match runs.last_mut() {
            Some(run) if run.museum == museums[i] => run.facts.end = i + 1,
            _ => runs.push(MuseumRun {
                museum: museums[i],
                facts: i..i + 1,
            }),
        }
    }
    runs
}

/// The museums of `runs` with a fact that can carry a figure, sorted by name.
fn museums_with_data(file: &DataFile, runs: &[MuseumRun]) -> Vec<u16> {
    let not_applicable = Status::ALL
        .iter()
        .position(|s| *s == Status::NotApplicable)
        .map(|code| code as u8);
    let mut museums: Vec<u16> = runs
        .iter()
        .filter(|run| !file.museums[usize::from(run.museum)].is_aggregate)
        .filter(|run| {
            run.facts
                .clone()
                .any(|i| Some(file.facts.status[i]) != not_applicable)
        })
        .map(|run| run.museum)
        .collect();
    sort_small_by(&mut museums, |a, b| {
        let name = |m: &u16| &file.museums[usize::from(*m)].name;
        name(a).cmp(name(b))
    });
    museums
}

/// The index of each metric, given each metric's fact range (from validation).
pub fn build(file: &DataFile, ranges: &[Range<usize>]) -> Vec<MetricIndex> {
    ranges
        .iter()
        .map(|facts| {
            let mut years: Vec<FinancialYear> = file.facts.year[facts.clone()]
                .iter()
                .map(|&year| FinancialYear(year))
                .collect();
            years.sort_unstable();
            years.dedup();
            let runs = museum_runs(file, facts.clone());
            MetricIndex {
                museums_with_data: museums_with_data(file, &runs),
                facts: facts.clone(),
                years,
                runs,
            }
        })
        .collect()
}
