//! The engine on real rows of the embedded data, including the traps the data READMEs name.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{csv_reader, dataset, view, year};
use museum_lending_explorer::core::markers::{
    legend_entries, legend_groups, rule_for, FlagRole, LegendItem, LegendTerm, Marker,
};
use museum_lending_explorer::core::model::{
    CheckResult, Dataset, FlagDef, KnownFlags, Qualifier, Status, TotalCheck,
};
use museum_lending_explorer::core::query::{NoTotal, PublishedComparison, Totals};
use museum_lending_explorer::core::EMBEDDED_JSON;

/// The value column of one CSV row, read straight from the curated file.
fn csv_value(file: &str, key_columns: &[&str]) -> Option<f64> {
    let mut reader = csv_reader(file);
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
        dataset,
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
    let table = view(dataset, "uk_loan_venues", None, "2017-18", "2017-18");
    let total = &table.computed_total().unwrap()[0];
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
        dataset,
        "uk_loan_venues",
        Some(&["british-museum", "tate-gallery-group"]),
        "2017-18",
        "2017-18",
    );
    let total = &table.computed_total().unwrap()[0];
    assert_eq!(total.value, Some(165.0 + 149.0));
    assert!(total.published.is_none());
    assert!(!table.all_museums_selected);
}

#[test]
fn missing_cells_are_not_zero() {
    let dataset = dataset();
    let table = view(dataset, "uk_loan_venues", None, "2017-18", "2017-18");
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
    let mut reader = csv_reader("dcms_kpi/totals_check.csv");
    let mut checked = 0;
    for record in reader.records().map(Result::unwrap) {
        let (metric, year_text) = (&record[0], record[1].replace('/', "-"));
        let sum: f64 = record[3].parse().unwrap();
        let reported: usize = record[4].parse().unwrap();
        let expected: usize = record[5].parse().unwrap();
        let table = view(dataset, metric, None, &year_text, &year_text);
        let total = &table.computed_total().unwrap()[0];
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
    let table = view(dataset, "website_visits_unique", None, "2008-09", "2008-09");
    let total = &table.computed_total().unwrap()[0];
    assert_eq!(
        total.left_out, 10,
        "data/dcms_kpi/README.md: 10 cells flagged"
    );
    assert!(total.coverage().contains("10 left out"));
}

#[test]
fn proportions_are_never_summed() {
    let dataset = dataset();
    let table = view(dataset, "recommend_share", None, "2018-19", "2019-20");
    assert!(table.computed_total().is_none());
    assert_eq!(table.totals, Totals::NotSummed(NoTotal::NotAddable));
    assert!(!table.museum_rows.is_empty());
}

#[test]
fn partnership_sector_figures_are_a_row_of_their_own() {
    let dataset = dataset();
    let table = view(dataset, "objects_display", None, "2009-10", "2020-21");
    assert!(
        table.computed_total().is_none(),
        "per-museum figures are never summed to a sector total"
    );
    assert_eq!(table.totals, Totals::NotSummed(NoTotal::PartnershipFigures));
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
    let table = view(dataset, "uk_loan_venues", None, "2015-16", "2016-17");
    let totals = table.computed_total().unwrap();
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
    let table = view(dataset, "visits_total_longrun", None, "2002-03", "2023-24");
    assert!(table.museum_rows.is_empty());
    assert!(table.computed_total().is_none());
    assert_eq!(table.published_total.as_ref().unwrap().cells.len(), 22);
}

#[test]
fn legend_for_uk_loan_venues_2017_18_explains_the_differing_total_and_missing_figures() {
    let dataset = dataset();
    let table = view(dataset, "uk_loan_venues", None, "2017-18", "2017-18");
    let entries = legend_entries(dataset, &table);
    let total_differs = entries
        .iter()
        .find(|e| e.item == LegendItem::Marker(Marker::TOTAL_DIFFERS))
        .expect("the published total row carries [total differs]");
    assert_eq!(total_differs.term().text(), "[total differs]");
    assert!(
        total_differs
            .explanation
            .starts_with("DCMS's published total differs from the sum of the museum rows"),
        "{}",
        total_differs.explanation
    );
    assert!(!total_differs.explanation.is_empty());
    // The Wallace Collection's figure was not published that year.
    let not_published = entries
        .iter()
        .find(|e| e.item == LegendItem::Status(Status::NotPublished))
        .unwrap();
    assert_eq!(
        not_published.explanation,
        Status::NotPublished.explanation().unwrap()
    );
    assert_eq!(not_published.term(), LegendTerm::WordsInTheTable);
    // Markers come first, then the words in the table; no qualifiers on this view.
    let first_words = entries
        .iter()
        .position(|e| e.term() == LegendTerm::WordsInTheTable)
        .unwrap();
    assert!(entries[..first_words]
        .iter()
        .all(|e| matches!(e.item, LegendItem::Marker(_))));
    assert!(table.qualifiers_on_screen().is_empty());
    assert!(entries
        .iter()
        .all(|e| !matches!(e.item, LegendItem::Qualifier(_))));
}

#[test]
fn legend_explains_how_partnership_sources_worded_their_figures() {
    let dataset = dataset();
    let table = view(dataset, "audience_display_uk", None, "2009-10", "2020-21");
    assert_eq!(
        table.qualifiers_on_screen().into_iter().collect::<Vec<_>>(),
        [Qualifier::AtLeast, Qualifier::Rounded]
    );
    let groups = legend_groups(legend_entries(dataset, &table));
    let wording = groups.last().unwrap();
    assert_eq!(wording.term, LegendTerm::SourceWording);
    assert_eq!(wording.term.text(), "How the source worded a figure");
    assert_eq!(
        wording.explanations,
        [
            Qualifier::AtLeast.explanation().unwrap(),
            Qualifier::Rounded.explanation().unwrap()
        ]
    );
    assert!(wording.explanations[0].starts_with("at least: the source says"));
    // Each term is printed once.
    let terms: Vec<LegendTerm> = groups.iter().map(|g| g.term).collect();
    for (i, term) in terms.iter().enumerate() {
        assert!(!terms[i + 1..].contains(term), "{term:?} repeated");
    }
}

fn check(tolerance: f64, result: CheckResult) -> TotalCheck {
    TotalCheck {
        metric: "uk_loan_venues".into(),
        year: year("2017-18"),
        tolerance,
        result,
        explanation: "The curators' reason.".into(),
    }
}

#[test]
fn published_comparison_follows_the_curators_check() {
    let within = PublishedComparison::new(
        47_313_000.0,
        47_312_770.0,
        Some(&check(500.0, CheckResult::Rounding)),
    );
    assert_eq!(within.difference, 230.0);
    assert!(!within.beyond_rounding);
    assert_eq!(within.explanation, None);

    let explained =
        PublishedComparison::new(1336.0, 1279.0, Some(&check(0.5, CheckResult::KnownCause)));
    assert!(explained.beyond_rounding);
    assert_eq!(
        explained.explanation.as_deref(),
        Some("The curators' reason.")
    );

    let unexplained =
        PublishedComparison::new(10.0, 12.0, Some(&check(0.5, CheckResult::Unexplained)));
    assert_eq!(unexplained.difference, -2.0);
    assert!(unexplained.explanation.is_some());

    // A check that found no difference has nothing to explain, whatever the figures say.
    let matched = PublishedComparison::new(10.0, 12.0, Some(&check(0.5, CheckResult::Match)));
    assert!(matched.beyond_rounding);
    assert_eq!(matched.explanation, None);

    // Without a check, only more than half a unit is beyond rounding.
    assert!(!PublishedComparison::new(100.0, 99.5, None).beyond_rounding);
    assert!(PublishedComparison::new(100.0, 99.4, None).beyond_rounding);
}

#[test]
fn check_results_keep_the_curators_words() {
    for (result, text) in [
        (CheckResult::Match, "match"),
        (CheckResult::Rounding, "rounding"),
        (CheckResult::KnownCause, "known_cause"),
        (CheckResult::Unexplained, "unexplained"),
    ] {
        assert_eq!(
            serde_json::to_string(&result).unwrap(),
            format!("\"{text}\"")
        );
        assert_eq!(
            serde_json::from_str::<CheckResult>(&format!("\"{text}\"")).unwrap(),
            result
        );
        assert_eq!(
            result.is_difference(),
            matches!(result, CheckResult::KnownCause | CheckResult::Unexplained)
        );
    }
    let dataset = dataset();
    assert_eq!(dataset.file.total_checks.len(), 152);
    assert!(dataset
        .file
        .total_checks
        .iter()
        .any(|c| c.result == CheckResult::Unexplained));
}

#[test]
fn an_unknown_check_result_is_a_load_error() {
    let broken = EMBEDDED_JSON.replacen("\"result\":\"unexplained\"", "\"result\":\"puzzling\"", 1);
    assert_ne!(
        broken, EMBEDDED_JSON,
        "the embedded data has an unexplained check"
    );
    let error = Dataset::from_json(&broken).unwrap_err();
    assert!(error.0.contains("puzzling"), "{error}");
}

#[test]
fn known_flags_come_from_the_flag_table() {
    let flag = |code: &str| FlagDef {
        code: code.into(),
        meaning: String::new(),
        raised_by: String::new(),
        app_treatment: String::new(),
    };
    let known = KnownFlags::from_flags(&[
        flag("covid_caution"),
        flag("a_code_nobody_wrote"),
        flag("method_break"),
        flag("smg_method_break"),
        flag("break_in_series"),
        flag("suspect_duplicate_of_visits"),
        flag("revised"),
    ]);
    assert_eq!(
        known,
        KnownFlags {
            series_break: 0b10100,
            not_comparable: 0b1000,
            covid_caution: 0b1,
            suspect_duplicate: 0b100000,
        }
    );
    assert_eq!(known.mask(FlagRole::SeriesBreak), 0b10100);
    // On the real data, every flag with a role is one of the table's, bit for bit.
    let dataset = dataset();
    for (bit, def) in dataset.file.flags.iter().enumerate() {
        let role = rule_for(&def.code).and_then(|rule| rule.role);
        for each in [
            FlagRole::SeriesBreak,
            FlagRole::NotComparable,
            FlagRole::CovidCaution,
            FlagRole::SuspectDuplicate,
        ] {
            let set = dataset.known_flags.mask(each) & (1 << bit) != 0;
            assert_eq!(set, role == Some(each), "{}", def.code);
        }
    }
    assert_ne!(dataset.known_flags.series_break.count_ones(), 0);
}

#[test]
fn money_metrics_are_the_dcms_income_indicators() {
    let dataset = dataset();
    let money: Vec<&str> = dataset
        .metrics()
        .iter()
        .filter(|m| m.unit.is_money())
        .map(|m| m.id.as_str())
        .collect();
    assert!(!money.is_empty());
    for metric in dataset.metrics() {
        assert_eq!(
            metric.unit.is_money(),
            metric.id.starts_with("income_"),
            "{}",
            metric.id
        );
    }
}
