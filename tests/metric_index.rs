//! The per-metric index built at load answers exactly what a scan of the fact table would,
//! on the real data and on the hand-built fixture.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::dataset;
use common::fixture::tiny_dataset;
use museum_lending_explorer::core::model::{Dataset, Fact, Status};
use museum_lending_explorer::core::query::{metric_years, museums_with_data_in};
use museum_lending_explorer::core::year::FinancialYear;
use std::collections::BTreeSet;

/// Every fact, by reading the columns from first to last (no index).
fn scan(dataset: &Dataset) -> Vec<Fact> {
    (0..dataset.file.facts.len())
        .map(|i| dataset.fact(i))
        .collect()
}

fn scanned_years(facts: &[Fact], metric: u16) -> Vec<FinancialYear> {
    let years: BTreeSet<FinancialYear> = facts
        .iter()
        .filter(|f| f.metric == metric)
        .map(|f| f.year)
        .collect();
    years.into_iter().collect()
}

fn scanned_museums(
    dataset: &Dataset,
    facts: &[Fact],
    metric: u16,
    bounds: Option<(FinancialYear, FinancialYear)>,
) -> Vec<u16> {
    let museums: BTreeSet<u16> = facts
        .iter()
        .filter(|f| f.metric == metric && f.status != Status::NotApplicable)
        .filter(|f| !dataset.museum(f.museum).is_aggregate)
        .filter(|f| bounds.is_none_or(|(from, to)| (from..=to).contains(&f.year)))
        .map(|f| f.museum)
        .collect();
    let mut museums: Vec<u16> = museums.into_iter().collect();
    dataset.sort_by_name(&mut museums);
    museums
}

/// Every year pair of the metric, and no bounds at all.
fn all_bounds(years: &[FinancialYear]) -> Vec<Option<(FinancialYear, FinancialYear)>> {
    let mut bounds = vec![None];
    for (i, &from) in years.iter().enumerate() {
        bounds.extend(years[i..].iter().map(|&to| Some((from, to))));
    }
    bounds
}

fn index_matches_a_scan(dataset: &Dataset) {
    let facts = scan(dataset);
    for metric in 0..dataset.metrics().len() as u16 {
        let years = scanned_years(&facts, metric);
        assert_eq!(metric_years(dataset, metric), years, "metric {metric}");
        for bounds in all_bounds(&years) {
            assert_eq!(
                museums_with_data_in(dataset, metric, bounds),
                scanned_museums(dataset, &facts, metric, bounds),
                "metric {metric}, {bounds:?}"
            );
        }
        for fact in facts.iter().filter(|f| f.metric == metric) {
            assert_eq!(
                dataset.find_fact(metric, fact.museum, fact.year),
                Some(*fact)
            );
            let between: Vec<Fact> = dataset
                .facts_between(metric, fact.museum, fact.year, fact.year)
                .collect();
            assert_eq!(between, vec![*fact]);
        }
    }
}

#[test]
fn the_index_answers_as_a_scan_does_on_the_real_data() {
    index_matches_a_scan(dataset());
}

#[test]
fn the_index_answers_as_a_scan_does_on_the_fixture() {
    index_matches_a_scan(tiny_dataset());
}

#[test]
fn absent_museums_and_years_have_no_facts() {
    let dataset = tiny_dataset();
    let metric = dataset.metric_by_id("loan_venues").unwrap();
    let delta = dataset.museum_by_id("delta-collection").unwrap();
    // Delta has no row at all for 2020/21, and nobody has figures before 2018/19.
    assert_eq!(dataset.find_fact(metric, delta, FinancialYear(2020)), None);
    let early = dataset.facts_between(metric, delta, FinancialYear(2000), FinancialYear(2017));
    assert_eq!(early.count(), 0);
    let backwards = dataset.facts_between(metric, delta, FinancialYear(2021), FinancialYear(2018));
    assert_eq!(backwards.count(), 0);
}
