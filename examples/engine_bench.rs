//! Host benchmark of the query engine on synthetic fact tables (not part of the tests:
//! timings are noisy). Run: `cargo run --release --example engine_bench`.
//!
//! The table has 64 museums × 32 metrics × as many years as the size needs, stored as the
//! app stores the real data. The query is the one a reader makes most: one metric, 16 years,
//! every museum (64 × 16 = 1,024 cells). Prints one line per size with the median of 15 runs.

use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::model::{DataFile, Dataset, FactColumns, Metric, Museum};
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::view_state::ViewState;
use museum_lending_explorer::core::year::FinancialYear;
use std::time::Instant;

const MUSEUMS: u16 = 64;
const METRICS: u16 = 32;
const FIRST_YEAR: u16 = 1000;
const RUNS: usize = 15;

/// A copy of the real data's lookup tables with `MUSEUMS` museums, `METRICS` metrics and
/// `years` years of reported figures for every museum and metric.
fn synthetic(template: &DataFile, years: u16) -> DataFile {
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
    file.facts = FactColumns::default();
    file.fact_details.clear();
    file.total_checks.clear();
    file.stated_changes.clear();
    file.revisions.clear();
    for metric in 0..METRICS {
        for museum in 0..MUSEUMS {
            for year in FIRST_YEAR..FIRST_YEAR + years {
                let facts = &mut file.facts;
                facts.metric.push(metric);
                facts.museum.push(museum);
                facts.year.push(year);
                facts.value.push(Some(f64::from(museum * 7 + year % 13)));
                facts.status.push(0);
                facts.flags.push(0);
                facts.notes.push(0);
                facts.qualifier.push(0);
                facts.source.push(0);
            }
        }
    }
    file
}

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Median time of the one-metric, 16-year, every-museum view, and the cells it returned.
fn time_query(dataset: &Dataset, years: u16) -> (f64, usize) {
    let from = FIRST_YEAR + years / 2 - 8;
    let state = ViewState {
        from: Some(FinancialYear(from)),
        to: Some(FinancialYear(from + 15)),
        ..ViewState::for_metric(METRICS / 2)
    };
    let mut cells = 0;
    let samples = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let table = build_table(dataset, &state);
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            cells = table.museum_rows.iter().map(|row| row.cells.len()).sum();
            std::hint::black_box(table);
            elapsed
        })
        .collect();
    (median_ms(samples), cells)
}

fn main() {
    let template = load_embedded().expect("the embedded data loads").file;
    for years in [49, 489, 1954] {
        let facts = usize::from(MUSEUMS) * usize::from(METRICS) * usize::from(years);
        let start = Instant::now();
        let dataset =
            Dataset::from_file(synthetic(&template, years)).expect("synthetic data validates");
        let load_ms = start.elapsed().as_secs_f64() * 1000.0;
        let (query_ms, cells) = time_query(&dataset, years);
        println!("facts={facts} cells={cells} engine_ms={query_ms:.3} load_ms={load_ms:.1}");
    }
}
