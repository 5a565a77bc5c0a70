//! The synthetic fact tables of the engine benchmarks (`engine_bench` on the host,
//! `bench_wasm` in the browser through `scripts/bench.sh`): 64 museums × 32 metrics × as
//! many years as the size needs, every museum reporting every year, stored and sorted as the
//! app stores the real data (metric, museum, year). The query timed is the one a reader
//! makes most: one metric, 16 years, every museum (64 × 16 = 1,024 cells).
// Each example uses only part of it.
#![allow(dead_code)]

use museum_lending_explorer::core::model::{DataFile, FactColumns, Metric, Museum};
use museum_lending_explorer::core::view_state::ViewState;
use museum_lending_explorer::core::year::FinancialYear;

pub const MUSEUMS: u16 = 64;
pub const METRICS: u16 = 32;
pub const FIRST_YEAR: u16 = 1000;
/// Years per museum and metric for about 100k, 1M and 4M facts.
pub const SIZES: [u16; 3] = [49, 489, 1954];

/// How many facts a table of `years` years holds.
pub fn fact_count(years: u16) -> usize {
    usize::from(MUSEUMS) * usize::from(METRICS) * usize::from(years)
}

/// The reported value of a museum in a year (the same in every metric).
pub fn value_of(museum: u16, year: u16) -> f64 {
    f64::from(museum * 7 + year % 13)
}

/// The timed view: the middle metric, 16 years in the middle of the table, every museum.
pub fn timed_view(years: u16) -> ViewState {
    let (from, to) = timed_years(years);
    ViewState {
        from: Some(FinancialYear(from)),
        to: Some(FinancialYear(to)),
        ..ViewState::for_metric(timed_metric())
    }
}

pub fn timed_metric() -> u16 {
    METRICS / 2
}

/// First and last year (inclusive) of the timed view.
pub fn timed_years(years: u16) -> (u16, u16) {
    let from = FIRST_YEAR + years / 2 - 8;
    (from, from + 15)
}

/// A copy of the real data's lookup tables with `MUSEUMS` museums, `METRICS` metrics and
/// `years` years of reported figures for every museum and metric.
pub fn synthetic(template: &DataFile, years: u16) -> DataFile {
    let museum = &template.museums[2];
    let metric = &template.metrics[0];
    let mut file = template.clone();
    file.museums = (0..MUSEUMS)
        .map(|i| Museum {
            id: format!("museum-{i:02}"),
            name: format!("Museum {i:02}"),
            short_name: format!("M{i:02}"),
            aliases: Vec::new(),
            ..museum.clone()
        })
        .collect();
    file.metrics = (0..METRICS)
        .map(|i| Metric {
            id: format!("metric_{i:02}"),
            ..metric.clone()
        })
        .collect();
    file.facts = columns(years);
    file.fact_details.clear();
    file.total_checks.clear();
    file.stated_changes.clear();
    file.revisions.clear();
    file
}

/// The fact columns, allocated to their exact length (so memory per fact is the layout's).
fn columns(years: u16) -> FactColumns {
    let n = fact_count(years);
    let mut facts = FactColumns {
        museum: Vec::with_capacity(n),
        year: Vec::with_capacity(n),
        metric: Vec::with_capacity(n),
        value: Vec::with_capacity(n),
        status: vec![0; n],
        flags: vec![0; n],
        notes: vec![0; n],
        qualifier: vec![0; n],
        source: vec![0; n],
    };
    for metric in 0..METRICS {
        for museum in 0..MUSEUMS {
            for year in FIRST_YEAR..FIRST_YEAR + years {
                facts.metric.push(metric);
                facts.museum.push(museum);
                facts.year.push(year);
                facts.value.push(Some(value_of(museum, year)));
            }
        }
    }
    facts
}
