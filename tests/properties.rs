//! Properties over the real dataset: totals are the sum of the reported cells, filtering
//! never invents a value, and every view survives a trip through the URL.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::dataset;
use museum_lending_explorer::core::query::{build_table, metric_years, museums_with_data};
use museum_lending_explorer::core::url_state::{parse_query, to_query};
use museum_lending_explorer::core::view_state::{ChartKind, Page, SeriesChoice, ViewState};
use proptest::prelude::*;

/// Any view a reader could reach through the controls.
fn any_view() -> impl Strategy<Value = ViewState> {
    let metric_count = dataset().metrics().len() as u16;
    (
        0..metric_count,
        any::<u64>(),
        any::<bool>(),
        any::<(u8, u8, bool, bool)>(),
        any::<(u8, bool, Option<u8>, bool)>(),
    )
        .prop_map(
            |(
                metric,
                museum_bits,
                all_museums,
                (a, b, with_from, with_to),
                (chart, total, compare, headlines),
            )| {
                let dataset = dataset();
                let years = metric_years(dataset, metric);
                let pick = |i: u8| years[usize::from(i) % years.len()];
                let available = museums_with_data(dataset, metric);
                let chosen: Vec<u16> = available
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| museum_bits & (1 << (i % 64)) != 0)
                    .map(|(_, m)| *m)
                    .collect();
                let (from, to) = (pick(a).min(pick(b)), pick(a).max(pick(b)));
                let to = with_to.then_some(to);
                let latest = to.unwrap_or(*years.last().unwrap());
                let charts = [
                    ChartKind::Auto,
                    ChartKind::Table,
                    ChartKind::Bar,
                    ChartKind::Line,
                ];
                ViewState {
                    metric,
                    museums: (!all_museums && !chosen.is_empty()).then_some(chosen),
                    from: with_from.then_some(from),
                    to,
                    chart: charts[usize::from(chart) % charts.len()],
                    series: if total {
                        SeriesChoice::Total
                    } else {
                        SeriesChoice::Museums
                    },
                    compare: compare.map(pick).filter(|year| *year < latest),
                    page: if headlines {
                        Page::Headlines
                    } else {
                        Page::Explorer
                    },
                    embed: museum_bits % 7 == 0,
                }
            },
        )
}

proptest! {
    #[test]
    fn total_is_the_sum_of_the_reported_cells(state in any_view()) {
        let dataset = dataset();
        let table = build_table(dataset, &state);
        if let Some(totals) = table.computed_total() {
            for (column, total) in totals.iter().enumerate() {
                let added: Vec<f64> = table
                    .museum_rows
                    .iter()
                    .filter_map(|row| row.cells[column].fact)
                    .filter(|f| f.flags & dataset.known_flags.suspect_duplicate == 0)
                    .filter_map(|f| f.value)
                    .collect();
                prop_assert_eq!(total.reported, added.len());
                if added.is_empty() {
                    prop_assert_eq!(total.value, None, "no reported cell: no total, never 0");
                } else {
                    let sum: f64 = added.iter().sum();
                    prop_assert!((total.value.unwrap() - sum).abs() < 1e-6);
                }
                prop_assert!(total.reported + total.left_out <= total.expected);
            }
        }
    }

    #[test]
    fn filtering_never_invents_a_value(state in any_view()) {
        let dataset = dataset();
        let table = build_table(dataset, &state);
        for row in table.published_rows() {
            prop_assert_eq!(row.cells.len(), table.years.len());
            for cell in &row.cells {
                let stored = dataset.find_fact(state.metric, row.museum, cell.year);
                prop_assert_eq!(cell.fact, stored);
                if let Some(fact) = cell.fact {
                    prop_assert_eq!(fact.value.is_some(), fact.status.has_value());
                }
            }
        }
        if let (Some(from), Some(first)) = (state.from, table.years.first()) {
            prop_assert!(*first >= from);
        }
        if let (Some(to), Some(last)) = (state.to, table.years.last()) {
            prop_assert!(*last <= to);
        }
        if let Some(chosen) = &state.museums {
            prop_assert!(table.museum_rows.iter().all(|row| chosen.contains(&row.museum)));
        }
    }

    #[test]
    fn url_round_trip_restores_the_view(state in any_view()) {
        let dataset = dataset();
        let query = to_query(dataset, &state);
        let parsed = parse_query(dataset, &query);
        prop_assert!(parsed.notices.is_empty(), "{:?} from {}", parsed.notices, query);
        prop_assert_eq!(parsed.state, state);
    }

    #[test]
    fn any_query_string_parses_without_panicking(query in ".{0,80}") {
        let dataset = dataset();
        let parsed = parse_query(dataset, &query);
        prop_assert!(usize::from(parsed.state.metric) < dataset.metrics().len());
        let _ = build_table(dataset, &parsed.state);
    }
}

#[test]
fn museum_order_in_the_url_does_not_matter() {
    let dataset = dataset();
    let a = parse_query(
        dataset,
        "?metric=uk_loan_venues&museums=tate-gallery-group,british-museum",
    );
    let b = parse_query(
        dataset,
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group",
    );
    assert_eq!(a.state, b.state);
    assert_eq!(
        to_query(dataset, &a.state),
        "?v=1&metric=uk_loan_venues&museums=british-museum,tate-gallery-group"
    );
}
