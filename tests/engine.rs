//! The engine on real rows of the embedded data, including the traps the data READMEs name.
#![cfg(not(target_arch = "wasm32"))]

use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::model::{Dataset, Status};
use museum_lending_explorer::core::query::{build_table, TableView, ViewState};
use museum_lending_explorer::core::year::FinancialYear;
use std::path::Path;

fn dataset() -> Dataset {
    load_embedded().expect("embedded data validates")
}

fn year(text: &str) -> FinancialYear {
    FinancialYear::parse(text).unwrap()
}

fn view(
    dataset: &Dataset,
    metric: &str,
    museums: Option<&[&str]>,
    from: &str,
    to: &str,
) -> TableView {
    let state = ViewState {
        metric: dataset.metric_by_id(metric).unwrap(),
        museums: museums.map(|ids| {
            ids.iter()
                .map(|id| dataset.museum_by_id(id).unwrap())
                .collect()
        }),
        from: Some(year(from)),
        to: Some(year(to)),
        ..ViewState::for_metric(0)
    };
    build_table(dataset, &state)
}

/// The value column of one CSV row, read straight from the curated file.
fn csv_value(file: &str, key_columns: &[&str]) -> Option<f64> {
    let mut reader = csv::Reader::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(file),
    )
    .unwrap();
    let headers = reader.headers().unwrap().clone();
    let value_column = headers.iter().position(|h| h == "value").unwrap();
    reader
        .records()
        .map(Result::unwrap)
        .find(|record| {
            key_columns
                .iter()
                .all(|k| record.iter().any(|field| field == *k))
        })
        .and_then(|record| record[value_column].parse().ok())
}

#[test]
fn british_museum_uk_loan_venues_2019_20_is_the_published_figure() {
    let dataset = dataset();
    let table = view(
        &dataset,
        "uk_loan_venues",
        Some(&["british-museum"]),
        "2019-20",
        "2019-20",
    );
    assert_eq!(table.museum_rows.len(), 1);
    let cell = table.museum_rows[0].cells[0];
    let expected = csv_value(
        "dcms_kpi/values.csv",
        &["british-museum", "2019/20", "uk_loan_venues"],
    );
    assert_eq!(cell.value(), expected);
    assert_eq!(
        cell.value(),
        Some(195.0),
        "data/partnership/README.md: 'DCMS KPI has 195'"
    );
}

#[test]
fn uk_loan_venues_2017_18_total_is_recomputed_and_differs_from_published() {
    let dataset = dataset();
    let table = view(&dataset, "uk_loan_venues", None, "2017-18", "2017-18");
    let total = &table.computed_total.as_ref().unwrap()[0];
    assert_eq!(total.value, Some(1279.0));
    assert_eq!((total.reported, total.expected), (14, 15));
    assert_eq!(total.coverage(), "14 of 15 museums reported");
    let published = total
        .published
        .as_ref()
        .expect("all museums selected: compared");
    assert_eq!(published.published, 1336.0);
    assert_eq!(published.difference, 57.0);
    assert!(published.beyond_rounding);
    assert!(published
        .explanation
        .as_deref()
        .unwrap()
        .contains("Imperial War Museums"));
    // The published row itself is shown as published, never added to the museum rows.
    assert_eq!(
        table.published_total.as_ref().unwrap().cells[0].value(),
        Some(1336.0)
    );
}

#[test]
fn published_total_is_not_compared_with_a_subset() {
    let dataset = dataset();
    let table = view(
        &dataset,
        "uk_loan_venues",
        Some(&["british-museum", "tate-gallery-group"]),
        "2017-18",
        "2017-18",
    );
    let total = &table.computed_total.as_ref().unwrap()[0];
    assert_eq!(total.value, Some(165.0 + 149.0));
    assert!(total.published.is_none());
    assert!(!table.all_museums_selected);
}

#[test]
fn missing_cells_are_not_zero() {
    let dataset = dataset();
    let table = view(&dataset, "uk_loan_venues", None, "2017-18", "2017-18");
    let wallace = dataset.museum_by_id("wallace-collection").unwrap();
    let row = table
        .museum_rows
        .iter()
        .find(|r| r.museum == wallace)
        .unwrap();
    assert_eq!(row.cells[0].status(), Some(Status::NotPublished));
    assert_eq!(row.cells[0].value(), None);
    // Not applicable rows (Tyne and Wear after 2014/15, MOSI after 2010/11) are not shown
    // by default and never count as expected.
    let twam = dataset.museum_by_id("tyne-and-wear-museums").unwrap();
    assert!(table.museum_rows.iter().all(|r| r.museum != twam));
}

#[test]
fn every_published_total_check_is_reproduced_from_museum_rows() {
    let dataset = dataset();
    let mut reader = csv::Reader::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dcms_kpi/totals_check.csv"),
    )
    .unwrap();
    let mut checked = 0;
    for record in reader.records().map(Result::unwrap) {
        let (metric, year_text) = (&record[0], record[1].replace('/', "-"));
        let sum: f64 = record[3].parse().unwrap();
        let reported: usize = record[4].parse().unwrap();
        let expected: usize = record[5].parse().unwrap();
        let table = view(&dataset, metric, None, &year_text, &year_text);
        let total = &table.computed_total.as_ref().unwrap()[0];
        // The curators' sum includes cells this app leaves out as copying errors.
        let left_out: f64 = table
            .museum_rows
            .iter()
            .filter_map(|r| r.cells[0].fact)
            .filter(|f| f.flags & dataset.known_flags.suspect_duplicate != 0)
            .filter_map(|f| f.value)
            .sum();
        assert!(
            (total.value.unwrap() + left_out - sum).abs() < 1e-6,
            "{metric} {year_text}"
        );
        assert_eq!(
            total.reported + total.left_out,
            reported,
            "{metric} {year_text}"
        );
        assert_eq!(total.expected, expected, "{metric} {year_text}");
        checked += 1;
    }
    assert_eq!(checked, 152);
}

#[test]
fn suspected_copying_errors_are_left_out_and_counted() {
    let dataset = dataset();
    let table = view(
        &dataset,
        "website_visits_unique",
        None,
        "2008-09",
        "2008-09",
    );
    let total = &table.computed_total.as_ref().unwrap()[0];
    assert_eq!(
        total.left_out, 10,
        "data/dcms_kpi/README.md: 10 cells flagged"
    );
    assert!(total.coverage().contains("10 left out"));
}

#[test]
fn proportions_are_never_summed() {
    let dataset = dataset();
    let table = view(&dataset, "recommend_share", None, "2018-19", "2019-20");
    assert!(table.computed_total.is_none());
    assert!(table.no_total_reason.is_some());
    assert!(!table.museum_rows.is_empty());
}

#[test]
fn partnership_sector_figures_are_a_row_of_their_own() {
    let dataset = dataset();
    let table = view(&dataset, "objects_display", None, "2009-10", "2020-21");
    assert!(
        table.computed_total.is_none(),
        "per-museum figures are never summed to a sector total"
    );
    let sector = table.sector_row.as_ref().unwrap();
    let sector_2019 = sector
        .cells
        .iter()
        .find(|c| c.year == year("2019-20"))
        .unwrap();
    assert_eq!(sector_2019.value(), Some(71205.0));
    // Only years with figures become columns.
    assert!(table
        .years
        .iter()
        .all(|y| [2009, 2013, 2017, 2018, 2019, 2020].contains(&y.0)));
    let smg = dataset.museum_by_id("science-museum-group").unwrap();
    assert!(table.museum_rows.iter().any(|r| r.museum == smg));
}

#[test]
fn smg_break_flags_reach_the_total() {
    let dataset = dataset();
    let table = view(&dataset, "uk_loan_venues", None, "2015-16", "2016-17");
    let totals = table.computed_total.as_ref().unwrap();
    assert_ne!(
        totals[0].flags & dataset.known_flags.not_comparable,
        0,
        "2015/16 includes SMG's old method"
    );
    assert_ne!(
        totals[1].flags & dataset.known_flags.series_break,
        0,
        "2016/17 starts the new SMG series"
    );
}

#[test]
fn national_long_run_total_is_published_only() {
    let dataset = dataset();
    let table = view(&dataset, "visits_total_longrun", None, "2002-03", "2023-24");
    assert!(table.museum_rows.is_empty());
    assert!(table.computed_total.is_none());
    assert_eq!(table.published_total.as_ref().unwrap().cells.len(), 22);
}
