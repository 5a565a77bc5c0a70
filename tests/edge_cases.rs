//! Edge cases pinned on the tiny hand-built fixture (tests/common/fixture.rs), where every
//! expected figure is worked out by hand from the fixture's tables: rank ties, a year every
//! museum missed, a single museum, a metric with one year, a suspected copying error, a
//! proportion, and when the published total is compared.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::fixture::{
    tiny_dataset, ALPHA, BETA, CEDAR, DELTA, LOANS_ABROAD, LOAN_VENUES, VISITOR_SHARE,
};
use common::{ids, metric, museum, range, view, year};
use museum_lending_explorer::core::analysis::{museum_change, standings, total_change, NoChange};
use museum_lending_explorer::core::model::Status;
use museum_lending_explorer::core::query::{
    build_table, museums_with_data, NoTotal, TableView, Totals,
};
use museum_lending_explorer::core::summary::summarise;
use museum_lending_explorer::core::view_state::{ChartKind, SeriesChoice, ViewState};

/// (museum id, rank, value) of each standing, largest first.
fn ranked(table: &TableView) -> Vec<(&'static str, usize, f64)> {
    let dataset = tiny_dataset();
    standings(dataset, table)
        .iter()
        .map(|s| (dataset.museum(s.museum).id.as_str(), s.rank, s.value))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_published_total_row_is_never_a_museum() {
    let dataset = tiny_dataset();
    let with_data = museums_with_data(dataset, metric(dataset, LOAN_VENUES));
    let ids: Vec<&str> = with_data
        .iter()
        .map(|m| dataset.museum(*m).id.as_str())
        .collect();
    // Sorted by name: Alpha Museum, Beta Gallery, Cedar House, Delta Collection.
    assert_eq!(ids, [ALPHA, BETA, CEDAR, DELTA]);
    // 2018/19: 10 + 20 + 30 + 40 = 100, the published total's own 100 not added (not 200).
    let table = view(dataset, LOAN_VENUES, None, "2018-19", "2018-19");
    assert_eq!(table.computed_total().unwrap()[0].value, Some(100.0));
    assert_eq!(
        table.published_total.as_ref().unwrap().cells[0].value(),
        Some(100.0)
    );
}

#[test]
fn tied_values_share_a_rank() {
    let dataset = tiny_dataset();
    // 2019/20: Alpha 50, Beta 30, Cedar 30, Delta 10 -> ranks 1, 2, 2, 4 (ties by name).
    let table = view(dataset, LOAN_VENUES, None, "2019-20", "2019-20");
    assert_eq!(
        ranked(&table),
        [
            (ALPHA, 1, 50.0),
            (BETA, 2, 30.0),
            (CEDAR, 2, 30.0),
            (DELTA, 4, 10.0)
        ]
    );
    // Shares of the total 120: 50/120 = 41.67%, 30/120 = 25%, 25%, 10/120 = 8.33%.
    let standings = standings(dataset, &table);
    let shares: Vec<f64> = standings.iter().map(|s| s.share.unwrap()).collect();
    for (share, expected) in shares.iter().zip([125.0 / 3.0, 25.0, 25.0, 25.0 / 3.0]) {
        assert!(close(*share, expected), "{shares:?}");
    }
    assert!(standings.iter().all(|s| s.of == 4));
}

#[test]
fn a_year_every_museum_missed_totals_none_not_zero() {
    let dataset = tiny_dataset();
    let table = view(dataset, LOAN_VENUES, None, "2018-19", "2021-22");
    let covid_year = &table.computed_total().unwrap()[2];
    assert_eq!(covid_year.year, year("2020-21"));
    // Alpha not published and Beta no activity are expected but have no number; Cedar is
    // not applicable and Delta has no row, so neither is expected: 0 of 2.
    assert_eq!(covid_year.value, None);
    assert_eq!((covid_year.reported, covid_year.expected), (0, 2));
    assert_eq!(covid_year.coverage(), "0 of 2 museums reported");
    assert_eq!(covid_year.flags, 0, "nothing added, so no flag carried");
    let cell = |id: &str| {
        let row = table
            .museum_rows
            .iter()
            .find(|r| r.museum == museum(dataset, id));
        row.unwrap().cells[2]
    };
    assert_eq!(cell(ALPHA).status(), Some(Status::NotPublished));
    assert_eq!(cell(CEDAR).status(), Some(Status::NotApplicable));
    assert_eq!(cell(DELTA).fact, None, "no row is missing, not zero");
    assert!(table
        .museum_rows
        .iter()
        .all(|r| r.cells[2].value().is_none()));

    // That year alone: only the museums with a cell other than "not applicable" are rows.
    let alone = view(dataset, LOAN_VENUES, None, "2020-21", "2020-21");
    let rows: Vec<u16> = alone.museum_rows.iter().map(|r| r.museum).collect();
    assert_eq!(rows, [museum(dataset, ALPHA), museum(dataset, BETA)]);
    assert_eq!(
        alone.computed_total().unwrap()[0].coverage(),
        "0 of 2 museums reported"
    );
    assert!(
        alone.published_total.is_none(),
        "no published figure either"
    );
    assert!(standings(dataset, &alone).is_empty());
    assert_eq!(
        summarise(dataset, &alone, SeriesChoice::Museums),
        "None of the selected museums reported loan venues for these years."
    );
}

#[test]
fn a_single_selected_museum() {
    let dataset = tiny_dataset();
    let table = view(dataset, LOAN_VENUES, Some(&[ALPHA]), "2018-19", "2019-20");
    assert_eq!(table.museum_rows.len(), 1);
    assert!(!table.all_museums_selected);
    let totals = table.computed_total().unwrap();
    let values: Vec<Option<f64>> = totals.iter().map(|t| t.value).collect();
    assert_eq!(values, [Some(10.0), Some(50.0)]);
    assert_eq!(totals[1].coverage(), "1 of 1 museum reported");
    assert_eq!(ranked(&table), [(ALPHA, 1, 50.0)]);
    assert_eq!(standings(dataset, &table)[0].share, Some(100.0));

    // 10 -> 50: +40, (50 − 10) / 10 = +400%.
    let (loans, alpha) = ids(dataset, LOAN_VENUES, ALPHA);
    let change = museum_change(dataset, loans, alpha, year("2018-19"), year("2019-20")).unwrap();
    assert_eq!(
        (change.from, change.to, change.absolute),
        (10.0, 50.0, 40.0)
    );
    assert_eq!(change.percent, Some(400.0));
    assert!(!change.crosses_break);
    let total = total_change(dataset, &table, year("2018-19"), year("2019-20")).unwrap();
    assert_eq!(total.change.unwrap().absolute, 40.0);
    assert_eq!(total.base_coverage, "1 of 1 museum reported");
    assert!(!total.coverage_differs);

    assert_eq!(
        summarise(dataset, &table, SeriesChoice::Museums),
        "Loan venues of the one reporting museum rose from 10 in 2018/19 to 50 in 2019/20 \
         (+400.0%); the highest in 2019/20 was Alpha Museum with 50."
    );
    // Charting the total of one museum: no leader to name.
    assert_eq!(
        summarise(dataset, &table, SeriesChoice::Total),
        "Loan venues of the one reporting museum rose from 10 in 2018/19 to 50 in 2019/20 \
         (+400.0%)."
    );
}

#[test]
fn a_metric_with_one_year() {
    let dataset = tiny_dataset();
    let table = build_table(
        dataset,
        &ViewState::for_metric(metric(dataset, LOANS_ABROAD)),
    );
    assert_eq!(table.years, [year("2022-23")]);
    assert_eq!(ChartKind::Auto.resolve(table.years.len()), ChartKind::Bar);
    assert!(table.museum_rows.iter().all(|row| row.cells.len() == 1));
    let totals = table.computed_total().unwrap();
    // 7 + 3 = 10.
    assert_eq!(totals.len(), 1);
    assert_eq!(totals[0].value, Some(10.0));
    assert_eq!(totals[0].coverage(), "2 of 2 museums reported");
    assert_eq!(
        summarise(dataset, &table, SeriesChoice::Museums),
        "In 2022/23, the 2 reporting museums had 10 loans abroad in total; \
         the highest in 2022/23 was Alpha Museum with 7."
    );
    // A range outside the metric's only year is clamped onto it.
    let clamped = build_table(dataset, &range(dataset, LOANS_ABROAD, "2018-19", "2019-20"));
    assert_eq!(clamped.years, [year("2022-23")]);
    // A view of several years draws a line instead.
    let two_years = view(dataset, LOAN_VENUES, None, "2018-19", "2019-20");
    assert_eq!(
        ChartKind::Auto.resolve(two_years.years.len()),
        ChartKind::Line
    );
}

#[test]
fn a_suspected_copying_error_is_left_out_of_the_total_and_counted() {
    let dataset = tiny_dataset();
    let table = view(dataset, LOAN_VENUES, None, "2021-22", "2021-22");
    let total = &table.computed_total().unwrap()[0];
    // Alpha 12 + Beta nil 0 + Delta 8 = 20; Cedar's 25 is flagged as a copy and left out.
    assert_eq!(total.value, Some(20.0));
    assert_eq!((total.reported, total.expected, total.left_out), (3, 4, 1));
    assert_eq!(
        total.coverage(),
        "3 of 4 museums reported; 1 left out as suspected copying errors"
    );
    // Nor is it ranked: Alpha 12 (60%), Delta 8 (40%), Beta 0 (0%), of 3.
    assert_eq!(
        ranked(&table),
        [(ALPHA, 1, 12.0), (DELTA, 2, 8.0), (BETA, 3, 0.0)]
    );
    let shares: Vec<Option<f64>> = standings(dataset, &table).iter().map(|s| s.share).collect();
    assert_eq!(shares, [Some(60.0), Some(40.0), Some(0.0)]);
    assert_eq!(
        summarise(dataset, &table, SeriesChoice::Museums),
        "In 2021/22, the 3 reporting museums had 20 loan venues in total; \
         the highest in 2021/22 was Alpha Museum with 12."
    );
}

#[test]
fn a_nil_is_a_real_zero_and_its_series_break_is_carried() {
    let dataset = tiny_dataset();
    let (loans, beta) = ids(dataset, LOAN_VENUES, BETA);
    // Beta 30 -> nil across its 2021/22 break: −30, −100%, flagged.
    let change = museum_change(dataset, loans, beta, year("2019-20"), year("2021-22")).unwrap();
    assert_eq!(
        (change.from, change.to, change.percent),
        (30.0, 0.0, Some(-100.0))
    );
    assert!(change.crosses_break);
    let before = museum_change(dataset, loans, beta, year("2018-19"), year("2019-20"));
    assert!(!before.unwrap().crosses_break);
    // No change to or from a year without a number (not published; no row at all).
    let (_, alpha) = ids(dataset, LOAN_VENUES, ALPHA);
    let (_, delta) = ids(dataset, LOAN_VENUES, DELTA);
    assert_eq!(
        museum_change(dataset, loans, alpha, year("2019-20"), year("2020-21")),
        Err(NoChange::MissingLatest)
    );
    assert_eq!(
        museum_change(dataset, loans, delta, year("2020-21"), year("2021-22")),
        Err(NoChange::MissingBase)
    );

    let table = view(dataset, LOAN_VENUES, None, "2019-20", "2021-22");
    let totals = table.computed_total().unwrap();
    assert_ne!(totals[2].flags & dataset.known_flags.series_break, 0);
    // 120 (4 museums) in 2019/20 -> 20 (3 museums) in 2021/22: (20 − 120) / 120 = −83.3%.
    assert_eq!(
        summarise(dataset, &table, SeriesChoice::Museums),
        "Loan venues of the 3 reporting museums (4 reported in 2019/20) fell from 120 in \
         2019/20 to 20 in 2021/22 (\u{2212}83.3%), across a series break in 2021/22, so not \
         like for like; the highest in 2021/22 was Alpha Museum with 12."
    );
}

#[test]
fn a_proportion_has_no_computed_total() {
    let dataset = tiny_dataset();
    let table = view(dataset, VISITOR_SHARE, None, "2019-20", "2019-20");
    assert!(table.computed_total().is_none());
    assert_eq!(table.totals, Totals::NotSummed(NoTotal::NotAddable));
    assert!(NoTotal::NotAddable
        .text()
        .starts_with("No total is computed: this figure is a proportion"));
    assert_eq!(table.museum_rows.len(), 2);
    // Ranked without shares: Beta 0.5, Alpha 0.25.
    assert_eq!(ranked(&table), [(BETA, 1, 0.5), (ALPHA, 2, 0.25)]);
    assert!(standings(dataset, &table).iter().all(|s| s.share.is_none()));
    assert!(total_change(dataset, &table, year("2019-20"), year("2019-20")).is_none());
    assert_eq!(
        summarise(dataset, &table, SeriesChoice::Museums),
        "In 2019/20, 2 museums reported visitor share: the highest was Beta Gallery (50%) \
         and the lowest Alpha Museum (25%)."
    );
}

#[test]
fn the_published_total_is_compared_only_when_every_museum_is_selected() {
    let dataset = tiny_dataset();
    // Every museum: 2018/19 sums to 100 = published 100; 2019/20 sums to 120, published 125.
    let all = view(dataset, LOAN_VENUES, None, "2018-19", "2019-20");
    assert!(all.all_museums_selected);
    let totals = all.computed_total().unwrap();
    let matched = totals[0].published.as_ref().unwrap();
    assert_eq!((matched.published, matched.difference), (100.0, 0.0));
    assert!(!matched.beyond_rounding);
    let differs = totals[1].published.as_ref().unwrap();
    assert_eq!((differs.published, differs.difference), (125.0, 5.0));
    assert!(differs.beyond_rounding, "5 is more than the default 0.5");
    assert_eq!(differs.explanation, None, "no curators' check for it");
    assert_eq!(
        summarise(dataset, &all, SeriesChoice::Museums),
        "Loan venues of the 4 reporting museums rose from 100 in 2018/19 to 120 in 2019/20 \
         (+20.0%) (DCMS published 125); the highest in 2019/20 was Alpha Museum with 50."
    );

    // Naming every museum, in any order, is the same as naming none.
    let named = view(
        dataset,
        LOAN_VENUES,
        Some(&[DELTA, CEDAR, BETA, ALPHA]),
        "2018-19",
        "2019-20",
    );
    assert!(named.all_museums_selected);
    assert_eq!(named.totals, all.totals);

    // A subset: Alpha + Beta = 30 and 80, never set against the published 100 and 125,
    // though the published row is still shown as published.
    let subset = view(
        dataset,
        LOAN_VENUES,
        Some(&[ALPHA, BETA]),
        "2018-19",
        "2019-20",
    );
    assert!(!subset.all_museums_selected);
    let totals = subset.computed_total().unwrap();
    let values: Vec<Option<f64>> = totals.iter().map(|t| t.value).collect();
    assert_eq!(values, [Some(30.0), Some(80.0)]);
    assert!(totals.iter().all(|t| t.published.is_none()));
    let published = subset.published_total.as_ref().unwrap();
    let published: Vec<Option<f64>> = published.cells.iter().map(|c| c.value()).collect();
    assert_eq!(published, [Some(100.0), Some(125.0)]);
    assert!(!summarise(dataset, &subset, SeriesChoice::Museums).contains("DCMS published"));
}
