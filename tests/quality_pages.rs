//! The coverage, revisions and published-totals pages against the curated CSVs: every count
//! the pages print is recomputed here from the CSV rows (not from the engine), and checked
//! against the curators' own files (`totals_check.csv`, `revisions.csv`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{csv_reader, dataset, metric, museum, year};
use museum_lending_explorer::core::coverage::{coverage_grid, CoverageState, SCOPE_CHANGE};
use museum_lending_explorer::core::marker_links::marker_target;
use museum_lending_explorer::core::markers::{marker_for_flag, Marker};
use museum_lending_explorer::core::model::Status;
use museum_lending_explorer::core::page_export::{revisions_table, totals_table};
use museum_lending_explorer::core::revisions::{revisions_view, summary, RevisionFilter};
use museum_lending_explorer::core::totals_audit::{
    audit_rows, filtered, headline, plain_explanation, AuditFilter, AuditVerdict,
};
use museum_lending_explorer::core::url_state::{parse_query, to_query};
use museum_lending_explorer::core::view_state::Page;
use std::collections::{BTreeMap, HashMap};

type Record = HashMap<String, String>;

fn rows(file: &str) -> Vec<Record> {
    csv_reader(file).deserialize().map(|r| r.unwrap()).collect()
}

const TOTAL: &str = "total-dcms-sponsored-museums";

#[test]
fn coverage_counts_equal_the_values_csv_for_every_dcms_indicator_and_year() {
    let dataset = dataset();
    // (indicator, year) -> (cells with a number, cells not "not applicable"), museum rows only.
    let mut expected: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for row in rows("dcms_kpi/values.csv") {
        if row["museum_id"] == TOTAL {
            continue;
        }
        let entry = expected
            .entry((row["indicator_id"].clone(), row["year"].clone()))
            .or_default();
        entry.0 += usize::from(matches!(row["status"].as_str(), "reported" | "nil"));
        entry.1 += usize::from(row["status"] != "not_applicable");
    }
    let mut checked = 0;
    for ((indicator, year_text), (reported, possible)) in &expected {
        let grid = coverage_grid(dataset, metric(dataset, indicator));
        let count = grid
            .year_counts
            .iter()
            .find(|c| c.year == year(year_text))
            .unwrap_or_else(|| panic!("{indicator} {year_text} has no count"));
        assert_eq!(
            (count.reported, count.expected),
            (*reported, *possible),
            "{indicator} {year_text}"
        );
        checked += 1;
    }
    // Nine indicators over 16 years and two (Tables 7 and 8) over 12; Table 2 has no museum rows.
    assert_eq!(
        checked,
        9 * 16 + 2 * 12,
        "every DCMS indicator x year with museum rows"
    );
}

#[test]
fn coverage_counts_agree_with_the_curators_totals_check() {
    let dataset = dataset();
    for row in rows("dcms_kpi/totals_check.csv") {
        let grid = coverage_grid(dataset, metric(dataset, &row["indicator_id"]));
        let Some(count) = grid
            .year_counts
            .iter()
            .find(|c| c.year == year(&row["year"]))
        else {
            continue; // visits_total_longrun before 2008/09: no museum rows
        };
        let key = format!("{} {}", row["indicator_id"], row["year"]);
        assert_eq!(count.reported.to_string(), row["museums_reported"], "{key}");
        assert_eq!(count.expected.to_string(), row["museums_expected"], "{key}");
    }
}

#[test]
fn coverage_grid_marks_states_breaks_and_links_each_cell() {
    let dataset = dataset();
    let grid = coverage_grid(dataset, metric(dataset, "uk_loan_venues"));
    // 17 museums (18 DCMS museums less National Coal Mining Museum, which has only visits)
    // and the published total row; 2008/09 to 2023/24.
    assert_eq!((grid.museum_rows.len(), grid.published_rows.len()), (17, 1));
    assert_eq!(grid.years.len(), 16);
    let wallace = grid
        .museum_rows
        .iter()
        .find(|r| r.museum == museum(dataset, "wallace-collection"))
        .unwrap();
    // values.csv: the Wallace Collection's loan venues are 'x' (not published) in every year
    // but 2021/22 (2 venues; it could lend only from September 2019).
    for cell in &wallace.cells {
        let expected = if cell.year == year("2021/22") {
            CoverageState::Status(Status::Reported)
        } else {
            CoverageState::Status(Status::NotPublished)
        };
        assert_eq!(cell.state, expected, "{}", cell.year);
    }
    assert_eq!((wallace.reported, wallace.expected), (1, 16));
    let smg = grid
        .museum_rows
        .iter()
        .find(|r| r.museum == museum(dataset, "science-museum-group"))
        .unwrap();
    let smg_2016 = smg
        .cells
        .iter()
        .find(|c| c.year == year("2016/17"))
        .unwrap();
    assert!(
        smg_2016.markers.contains(&Marker::SERIES_BREAK),
        "method_break on SMG 2016/17"
    );
    let query = &smg_2016.explorer_query;
    let state = parse_query(dataset, query).state;
    assert_eq!(
        state.museums,
        Some(vec![museum(dataset, "science-museum-group")])
    );
    assert_eq!(
        (state.from, state.to),
        (Some(year("2016/17")), Some(year("2016/17")))
    );

    // Website visits 2008/09: ten cells copied from total visits (flag in values.csv).
    let web = coverage_grid(dataset, metric(dataset, "website_visits_unique"));
    let suspects = web
        .museum_rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| c.state == CoverageState::SuspectedCopy)
        .count();
    let flagged = rows("dcms_kpi/values.csv")
        .iter()
        .filter(|r| r["flags"].contains("suspect_duplicate_of_visits"))
        .count();
    assert_eq!(suspects, flagged);
    assert_eq!(flagged, 10);
}

#[test]
fn coverage_works_for_every_metric_and_marks_partnership_scope_changes() {
    let dataset = dataset();
    for index in 0..dataset.metrics().len() as u16 {
        let grid = coverage_grid(dataset, index);
        assert!(
            !grid.museum_rows.is_empty() || !grid.published_rows.is_empty(),
            "{} has rows",
            dataset.metric(index).id
        );
        for row in grid.museum_rows.iter().chain(&grid.published_rows) {
            assert_eq!(row.cells.len(), grid.years.len());
        }
    }
    // facts.csv: the sector's objects lent in the UK cover 17 national museums in 2017/18
    // and 22 in 2018/19 and 2019/20: the scope changes at 2018/19 only.
    let grid = coverage_grid(dataset, metric(dataset, "objects_display_uk"));
    let sector = grid
        .published_rows
        .iter()
        .find(|r| r.museum == museum(dataset, "all-national-museums"))
        .unwrap();
    let changed: Vec<String> = sector
        .cells
        .iter()
        .filter(|c| c.markers.contains(&SCOPE_CHANGE))
        .map(|c| c.year.label())
        .collect();
    assert_eq!(changed, ["2018/19"]);
}

/// (museum id, year, indicator, value in the 2018/19 release, value in the 2023/24 release).
type ReleasePair = (String, String, String, Option<f64>, Option<f64>);

/// 2018/19 and 2023/24 values of every cell, read from the two CSVs.
fn release_pairs() -> Vec<ReleasePair> {
    let names: HashMap<String, String> = rows("partnership/museums.csv")
        .into_iter()
        .map(|r| (r["name"].clone(), r["museum_id"].clone()))
        .collect();
    let current: HashMap<(String, String, String), Option<f64>> = rows("dcms_kpi/values.csv")
        .into_iter()
        .map(|r| {
            let key = (
                r["museum_id"].clone(),
                r["year"].clone(),
                r["indicator_id"].clone(),
            );
            (key, r["value"].parse().ok())
        })
        .collect();
    rows("dcms_kpi/release_2018_19_thirdparty.csv")
        .into_iter()
        .map(|r| {
            let id = names[&r["museum"]].clone();
            let key = (id.clone(), r["year"].clone(), r["indicator_id"].clone());
            let new = current.get(&key).copied().flatten();
            (
                id,
                r["year"].clone(),
                r["indicator_id"].clone(),
                r["value"].parse().ok(),
                new,
            )
        })
        .collect()
}

#[test]
fn revisions_equal_the_two_releases_and_the_curators_list() {
    let dataset = dataset();
    let pairs = release_pairs();
    let in_both = pairs
        .iter()
        .filter(|p| p.3.is_some() && p.4.is_some())
        .count();
    let revised: Vec<_> = pairs
        .iter()
        .filter(|(_, _, indicator, old, new)| match (old, new) {
            (Some(old), Some(new)) => {
                let threshold = if indicator == "recommend_share" {
                    0.0005
                } else {
                    0.5
                };
                (new - old).abs() > threshold
            }
            _ => false,
        })
        .collect();
    let view = revisions_view(dataset, &RevisionFilter::default());
    assert_eq!(view.in_both, in_both);
    assert_eq!(view.revised.len(), revised.len());
    // The curators' revisions.csv lists the same revised cells (and one withdrawn).
    let curated = rows("dcms_kpi/revisions.csv");
    let curated_revised = curated.iter().filter(|r| r["change"] == "revised").count();
    assert_eq!(view.revised.len(), curated_revised);
    assert_eq!(curated_revised, 32);
    for row in &curated {
        let found = view.revised.iter().chain(&view.in_one_only).find(|c| {
            dataset.museum(c.museum).id == row["museum_id"]
                && dataset.metric(c.metric).id == row["indicator_id"]
                && c.year == year(&row["year"])
        });
        let c = found.unwrap_or_else(|| panic!("{row:?} on the page"));
        assert_eq!(c.old, row["value_2018_19_release"].parse().ok());
        assert_eq!(c.new, row["value_2023_24_release"].parse().ok());
    }
    let only_one = pairs
        .iter()
        .filter(|p| p.3.is_some() != p.4.is_some())
        .count();
    assert_eq!(view.in_one_only.len(), only_one);
    assert_eq!(only_one, 1, "Museum of the Home trading 2018/19, withdrawn");
}

#[test]
fn revisions_summary_names_the_largest_change_and_filters_narrow_it() {
    let dataset = dataset();
    let view = revisions_view(dataset, &RevisionFilter::default());
    let text = summary(dataset, &view);
    // IWM loan venues 2008/09: 156 in the 2018/19 release, 10 now (revisions.csv):
    // (10 - 156) / 156 = -93.6%, the largest percentage change of the 32.
    assert!(
        text.starts_with(&format!("32 of {} values present in both releases were revised; the largest is Imperial War Museums, UK loan venues, 2008/09: 156 → 10 (−146, −93.6%).", format_count(view.in_both))),
        "{text}"
    );
    let iwm_loans = RevisionFilter::default()
        .with_museum(Some(museum(dataset, "imperial-war-museums")))
        .with_metric(Some(metric(dataset, "uk_loan_venues")));
    let narrowed = revisions_view(dataset, &iwm_loans);
    let curated = rows("dcms_kpi/revisions.csv")
        .into_iter()
        .filter(|r| {
            r["museum_id"] == "imperial-war-museums" && r["indicator_id"] == "uk_loan_venues"
        })
        .count();
    assert_eq!(narrowed.revised.len(), curated);
    assert_eq!(narrowed.in_both, 11, "2008/09 to 2018/19");
    let table = revisions_table(dataset, &narrowed);
    assert_eq!(
        table.rows.len(),
        narrowed.revised.len() + narrowed.in_one_only.len()
    );
}

fn format_count(n: usize) -> String {
    museum_lending_explorer::core::format::group_thousands(n as u64)
}

#[test]
fn audit_equals_totals_check_row_by_row() {
    let dataset = dataset();
    let audit = audit_rows(dataset);
    let curated = rows("dcms_kpi/totals_check.csv");
    assert_eq!(audit.len(), curated.len());
    for (row, check) in audit.iter().zip(&curated) {
        let key = format!("{} {}", check["indicator_id"], check["year"]);
        assert_eq!(
            dataset.metric(row.metric).id,
            check["indicator_id"],
            "{key}"
        );
        assert_eq!(
            row.published,
            check["published_total"].parse::<f64>().unwrap(),
            "{key}"
        );
        let sum: f64 = check["sum_of_museum_rows"].parse().unwrap();
        assert!(
            (row.recomputed - sum).abs() < 1e-6,
            "{key}: {} vs {sum}",
            row.recomputed
        );
        assert_eq!(row.reported.to_string(), check["museums_reported"], "{key}");
        assert_eq!(row.expected.to_string(), check["museums_expected"], "{key}");
        let verdict = match check["result"].as_str() {
            "match" => AuditVerdict::Exact,
            "rounding" => AuditVerdict::Rounding,
            _ => AuditVerdict::Differs,
        };
        assert_eq!(row.verdict, verdict, "{key}");
    }
}

#[test]
fn audit_headline_counts_the_totals_within_rounding() {
    let dataset = dataset();
    let curated = rows("dcms_kpi/totals_check.csv");
    let within = curated
        .iter()
        .filter(|r| matches!(r["result"].as_str(), "match" | "rounding"))
        .count();
    // README of dcms_kpi: match 15, rounding 131, known_cause 4, unexplained 2.
    assert_eq!((within, curated.len()), (146, 152));
    assert_eq!(
        headline(&audit_rows(dataset)),
        "146 of 152 published totals match the museums' own rows to within rounding."
    );
    let differs = filtered(
        &audit_rows(dataset),
        &AuditFilter::default().with_verdict(Some(AuditVerdict::Differs)),
    );
    assert_eq!(differs.len(), 6);
    let loans = filtered(
        &audit_rows(dataset),
        &AuditFilter::default().with_metric(Some(metric(dataset, "uk_loan_venues"))),
    );
    assert_eq!(loans.len(), 16);
    let iwm = loans.iter().find(|r| r.year == year("2017/18")).unwrap();
    // Published 1,336, the museum rows 1,279 (totals_check.csv).
    assert_eq!(
        (iwm.published, iwm.recomputed, iwm.difference),
        (1336.0, 1279.0, 57.0)
    );
    assert_eq!(iwm.difference_text(dataset), "+57");
    assert_eq!(totals_table(dataset, &loans).rows.len(), 16);
}

#[test]
fn explanations_speak_plain_english() {
    let dataset = dataset();
    for row in audit_rows(dataset) {
        let text = &row.explanation;
        for internal in [
            "REPORT",
            ".md",
            "script",
            ".csv",
            "natural-history-museum",
            "_",
        ] {
            assert!(!text.contains(internal), "{internal} in {text}");
        }
        assert!(text.starts_with(char::is_uppercase), "{text}");
    }
    assert_eq!(
        plain_explanation(
            dataset,
            "unexplained; one row: natural-history-museum (259,900) (REPORT.md section 4, item 4)."
        ),
        "Unexplained: one row: Natural History Museum (259,900)."
    );
}

#[test]
fn quality_page_links_round_trip_and_old_links_still_work() {
    let dataset = dataset();
    let loans = metric(dataset, "uk_loan_venues");
    for query in [
        "?v=1&metric=uk_loan_venues&page=coverage",
        "?v=1&metric=uk_loan_venues&page=revisions&only-museum=imperial-war-museums&only-metric=uk_loan_venues&year=2017-18",
        "?v=1&metric=uk_loan_venues&page=totals&only-metric=uk_loan_venues&verdict=differs",
        "?v=1&metric=uk_loan_venues&page=headlines",
    ] {
        let parsed = parse_query(dataset, query);
        assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
        assert_eq!(to_query(dataset, &parsed.state), query);
    }
    let parsed = parse_query(dataset, "?page=totals&verdict=perfect&only-museum=tate");
    assert_eq!(parsed.state.page, Page::Totals(AuditFilter::default()));
    assert_eq!(parsed.notices.len(), 2, "{:?}", parsed.notices);
    let parsed = parse_query(dataset, "?page=revisions&only-museum=Geffrye Museum");
    assert_eq!(
        parsed.state.page,
        Page::Revisions(
            RevisionFilter::default().with_museum(Some(museum(dataset, "museum-of-the-home")))
        )
    );
    // An explorer link with a page filter: the filter is ignored, with a notice.
    let parsed = parse_query(dataset, "?metric=uk_loan_venues&verdict=exact");
    assert_eq!(parsed.state.page, Page::Explorer);
    assert_eq!(parsed.notices.len(), 1);
    // Markers: [t] leads to its audit row, [r18] to its revision, others nowhere.
    let target = marker_target(dataset, Marker::TOTAL_DIFFERS, loans, None, year("2017/18"));
    assert_eq!(
        target.as_deref(),
        Some("?v=1&metric=uk_loan_venues&page=totals&only-metric=uk_loan_venues&year=2017-18")
    );
    let r18 = marker_for_flag("changed_since_2018_19_release").unwrap();
    let iwm = museum(dataset, "imperial-war-museums");
    assert_eq!(
        marker_target(dataset, r18, loans, Some(iwm), year("2017/18")).as_deref(),
        Some("?v=1&metric=uk_loan_venues&page=revisions&only-museum=imperial-war-museums&only-metric=uk_loan_venues&year=2017-18")
    );
    assert_eq!(
        marker_target(dataset, Marker::COVID, loans, Some(iwm), year("2020/21")),
        None
    );
}

#[test]
fn page_downloads_print_numbers_as_the_explorer_does() {
    use museum_lending_explorer::core::export::ExportMeta;
    use museum_lending_explorer::core::page_export::{to_csv, to_json};
    let dataset = dataset();
    let loans = filtered(
        &audit_rows(dataset),
        &AuditFilter::row_of(metric(dataset, "uk_loan_venues"), year("2017/18")),
    );
    let table = totals_table(dataset, &loans);
    let meta = ExportMeta {
        title: "t".into(),
        permalink: "p".into(),
        data_version: "d".into(),
        attribution: "a".into(),
        generated_by: "g".into(),
    };
    let csv = to_csv(&table, &meta).unwrap();
    assert!(csv.starts_with("# title: t\r\n# permalink: p\r\n"));
    assert!(
        csv.contains("\r\nuk_loan_venues,UK loan venues,2017/18,1336,1279,14,15,57,0.5,differs,"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&to_json(&table, &meta).unwrap()).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 16);
    assert_eq!(json["rows"][9]["published_total"], 1336.0);
    // Counts are whole numbers in every writer (the browser writes 1336.0 as 1336 too).
    assert_eq!(json["rows"][9]["museums_reported"], 14);
    assert_eq!(json["rows"][9]["museums_expected"], 15);
    assert_eq!(json["permalink"], "p");
}
