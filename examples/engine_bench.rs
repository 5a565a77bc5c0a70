//! Host benchmark of the query engine on synthetic fact tables (not part of the tests:
//! timings are noisy). Run: `cargo run --release --example engine_bench`.
//!
//! The table has 64 museums × 32 metrics × as many years as the size needs, stored as the
//! app stores the real data. The query is the one a reader makes most: one metric, 16 years,
//! every museum (64 × 16 = 1,024 cells). Prints one line per size with the median of 15 runs.

#[path = "synthetic/mod.rs"]
mod synthetic;

use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::build_table;
use std::time::Instant;
use synthetic::{fact_count, synthetic, timed_view, SIZES};

const RUNS: usize = 15;

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Median time of the one-metric, 16-year, every-museum view, and the cells it returned.
fn time_query(dataset: &Dataset, years: u16) -> (f64, usize) {
    let state = timed_view(years);
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
    for years in SIZES {
        let facts = fact_count(years);
        let start = Instant::now();
        let dataset =
            Dataset::from_file(synthetic(&template, years)).expect("synthetic data validates");
        let load_ms = start.elapsed().as_secs_f64() * 1000.0;
        let (query_ms, cells) = time_query(&dataset, years);
        println!("facts={facts} cells={cells} engine_ms={query_ms:.3} load_ms={load_ms:.1}");
    }
}
