//! The committed JSON must be exactly what the CSVs generate, and bad data must fail with
//! the file, row and problem named.
#![cfg(not(target_arch = "wasm32"))]

use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::{load_embedded, EMBEDDED_JSON};
use museum_lending_explorer::datagen::{generate, to_json, OUTPUT_PATH};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A scratch copy of data/, removed when dropped.
struct ScratchData(PathBuf);

impl Drop for ScratchData {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A scratch copy of data/ whose `file` has `from` replaced by `to` once.
fn corrupted_copy(file: &str, from: &str, to: &str) -> ScratchData {
    // Tests run in parallel: each copy gets its own folder.
    static COPIES: AtomicUsize = AtomicUsize::new(0);
    let scratch = std::env::temp_dir().join(format!(
        "explorer-data-{}-{}",
        std::process::id(),
        COPIES.fetch_add(1, Ordering::SeqCst)
    ));
    for folder in ["dcms_kpi", "partnership"] {
        fs::create_dir_all(scratch.join(folder)).unwrap();
        for entry in fs::read_dir(data_dir().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, scratch.join(folder).join(path.file_name().unwrap())).unwrap();
        }
    }
    let target = scratch.join(file);
    let text = fs::read_to_string(&target).unwrap();
    assert!(text.contains(from), "{from} not found in {file}");
    fs::write(&target, text.replacen(from, to, 1)).unwrap();
    ScratchData(scratch)
}

fn line_of(file: &str, needle: &str) -> usize {
    let text = fs::read_to_string(data_dir().join(file)).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn committed_json_matches_the_csvs() {
    let generated = to_json(&generate(&data_dir()).expect("the curated CSVs are valid"))
        .expect("the data file serialises");
    let committed =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(OUTPUT_PATH)).unwrap();
    assert!(
        generated == committed,
        "{OUTPUT_PATH} is out of date: run `cargo run --bin gen-data`"
    );
    assert_eq!(
        EMBEDDED_JSON, committed,
        "the app embeds the committed file"
    );
}

#[test]
fn every_csv_row_becomes_one_fact() {
    let dataset = load_embedded().expect("embedded data validates");
    let csv_rows = |file: &str| {
        fs::read_to_string(data_dir().join(file))
            .unwrap()
            .lines()
            .count()
            - 1
    };
    let expected = csv_rows("dcms_kpi/values.csv") + csv_rows("partnership/facts.csv");
    assert_eq!(dataset.file.facts.len(), expected);
    assert_eq!(
        dataset.metrics().len(),
        csv_rows("dcms_kpi/indicators.csv") + csv_rows("partnership/metrics.csv")
    );
    assert_eq!(dataset.file.notes.len(), csv_rows("dcms_kpi/notes.csv"));
    assert_eq!(dataset.file.flags.len(), csv_rows("dcms_kpi/flags.csv"));
    assert_eq!(
        dataset.file.stated_changes.len(),
        csv_rows("partnership/stated_changes.csv")
    );
    assert_eq!(
        dataset.file.total_checks.len(),
        csv_rows("dcms_kpi/totals_check.csv")
    );
}

#[test]
fn unknown_museum_fails_naming_file_and_row() {
    let row = line_of(
        "dcms_kpi/values.csv",
        "british-museum,2019/20,uk_loan_venues",
    );
    let dir = corrupted_copy(
        "dcms_kpi/values.csv",
        "british-museum,2019/20,uk_loan_venues",
        "british-musem,2019/20,uk_loan_venues",
    );
    assert_fails_at(
        &dir,
        "data/dcms_kpi/values.csv",
        row,
        &["unknown museum_id 'british-musem'"],
    );
}

#[test]
fn unknown_flag_and_bad_value_fail() {
    let dir = corrupted_copy("dcms_kpi/values.csv", "smg_method_break,19", "smg_break,19");
    let error = generate(&dir.0).unwrap_err();
    assert!(
        error.problem.contains("unknown flag 'smg_break'"),
        "{error}"
    );

    let dir = corrupted_copy(
        "partnership/facts.csv",
        "loans_display,2110,",
        "loans_display,2 110,",
    );
    let not_a_number = "'2 110' is not a number";
    assert_fails_at(&dir, "data/partnership/facts.csv", 2, &[not_a_number]);
}

#[test]
fn missing_value_with_reported_status_fails() {
    let dir = corrupted_copy(
        "dcms_kpi/values.csv",
        "wallace-collection,2017/18,uk_loan_venues,,not_published",
        "wallace-collection,2017/18,uk_loan_venues,,reported",
    );
    let error = generate(&dir.0).unwrap_err();
    assert!(
        error.problem.contains("status 'reported' needs a value"),
        "{error}"
    );
}

#[test]
fn broken_json_is_an_error_not_a_panic() {
    assert!(Dataset::from_json("").is_err());
    assert!(Dataset::from_json("{\"format_version\": 1}").is_err());
    let truncated = &EMBEDDED_JSON[..EMBEDDED_JSON.len() / 2];
    assert!(Dataset::from_json(truncated).is_err());
    let mut file = load_embedded().unwrap().file;
    file.facts.museum[0] = 999;
    let error = Dataset::from_file(file).unwrap_err();
    assert!(error.0.contains("unknown museum"), "{error}");
    let mut file = load_embedded().unwrap().file;
    file.facts.year.swap(0, 1);
    assert!(
        Dataset::from_file(file).is_err(),
        "unsorted facts are rejected"
    );
}

/// The line of `file` that starts with `start` (header = 1).
fn line_starting(file: &str, start: &str) -> usize {
    let text = fs::read_to_string(data_dir().join(file)).unwrap();
    text.lines().position(|l| l.starts_with(start)).unwrap() + 1
}

/// Generating from `dir` fails naming `file` and `row`, with a problem that says each of
/// `words`.
fn assert_fails_at(dir: &ScratchData, file: &str, row: usize, words: &[&str]) {
    let error = generate(&dir.0).unwrap_err();
    assert_eq!((error.file.as_str(), error.row), (file, row), "{error}");
    for word in words {
        assert!(
            error.problem.contains(word),
            "'{word}' missing from: {error}"
        );
    }
}

#[test]
fn duplicate_museum_in_museums_added_names_that_file_and_row() {
    let header_end = "in_partnership_facts,notes\n";
    let dir = corrupted_copy(
        "dcms_kpi/museums_added.csv",
        header_end,
        &format!("{header_end}british-museum,British Museum again,BM again,England,DCMS,museum,yes,,no,no,\n"),
    );
    // The error also names where the first one is.
    let first = line_starting("partnership/museums.csv", "british-museum,");
    assert_fails_at(
        &dir,
        "data/dcms_kpi/museums_added.csv",
        2,
        &[
            "duplicate museum id 'british-museum'",
            &format!("data/partnership/museums.csv, row {first}"),
        ],
    );
}

#[test]
fn duplicate_partnership_metric_names_metrics_csv_and_row() {
    let row = line_starting("partnership/metrics.csv", "loans_display_uk,");
    let first = line_starting("partnership/metrics.csv", "loans_display,");
    let dir = corrupted_copy(
        "partnership/metrics.csv",
        "\nloans_display_uk,",
        "\nloans_display,",
    );
    assert_fails_at(
        &dir,
        "data/partnership/metrics.csv",
        row,
        &[
            "duplicate metric id 'loans_display'",
            &format!("data/partnership/metrics.csv, row {first}"),
        ],
    );

    // A partnership metric may not reuse a DCMS indicator's id either.
    let indicator = line_starting("dcms_kpi/indicators.csv", "uk_loan_venues,");
    let dir = corrupted_copy(
        "partnership/metrics.csv",
        "\nloans_display_uk,",
        "\nuk_loan_venues,",
    );
    let where_first = format!("data/dcms_kpi/indicators.csv, row {indicator}");
    assert_fails_at(&dir, "data/partnership/metrics.csv", row, &[&where_first]);
}

#[test]
fn a_source_reusing_the_built_in_dcms_source_id_names_its_sources_csv_row() {
    let row = line_starting("partnership/sources.csv", "dcms-pi-2023-24,");
    let dir = corrupted_copy(
        "partnership/sources.csv",
        "\ndcms-pi-2023-24,",
        "\ndcms-pi-2023-24-release,",
    );
    assert_fails_at(
        &dir,
        "data/partnership/sources.csv",
        row,
        &[
            "duplicate source id 'dcms-pi-2023-24-release'",
            "built into",
        ],
    );
}

#[test]
fn duplicate_museum_name_fails() {
    let row = line_starting("partnership/museums.csv", "horniman-museum,");
    let first = line_starting("partnership/museums.csv", "british-museum,");
    let dir = corrupted_copy(
        "partnership/museums.csv",
        "horniman-museum,Horniman Museum,",
        "horniman-museum,British Museum,",
    );
    assert_fails_at(
        &dir,
        "data/partnership/museums.csv",
        row,
        &[
            "duplicate museum name 'British Museum'",
            &format!("data/partnership/museums.csv, row {first}"),
        ],
    );
}

#[test]
fn an_alias_naming_another_museum_fails() {
    let row = line_starting("partnership/museums.csv", "horniman-museum,");
    let dir = corrupted_copy(
        "partnership/museums.csv",
        "Horniman Museum and Gardens,",
        "the british museum,",
    );
    assert_fails_at(
        &dir,
        "data/partnership/museums.csv",
        row,
        &["'the british museum'", "'british-museum'"],
    );
}

#[test]
fn two_facts_for_one_museum_metric_and_year_name_both_rows() {
    let text = fs::read_to_string(data_dir().join("partnership/facts.csv")).unwrap();
    let first_fact = format!("{}\n", text.lines().nth(1).unwrap());
    let dir = corrupted_copy(
        "partnership/facts.csv",
        &first_fact,
        &format!("{first_fact}{first_fact}"),
    );
    // The later copy is the duplicate; the error points back at the first.
    assert_fails_at(
        &dir,
        "data/partnership/facts.csv",
        3,
        &[
            "two facts for all-national-museums / loans_display / 2017/18",
            "the first at data/partnership/facts.csv, row 2",
        ],
    );
}

const RELEASE_2018_19: &str = "dcms_kpi/release_2018_19_thirdparty.csv";

#[test]
fn earlier_release_is_embedded_whole() {
    let text = fs::read_to_string(data_dir().join(RELEASE_2018_19)).unwrap();
    let rows = text.lines().count() - 1;
    let embedded = &load_embedded().unwrap().file.release_2018_19;
    assert_eq!(embedded.len(), rows);
    let with_value = text.lines().skip(1).filter(|l| !l.ends_with(',')).count();
    assert_eq!(
        embedded.values().filter(|v| v.value.is_some()).count(),
        with_value
    );
}

#[test]
fn earlier_release_with_an_unknown_museum_fails_naming_its_row() {
    let dir = corrupted_copy(
        RELEASE_2018_19,
        "British Museum,2008/09,visits_total",
        "British Musuem,2008/09,visits_total",
    );
    assert_fails_at(
        &dir,
        "data/dcms_kpi/release_2018_19_thirdparty.csv",
        2,
        &["unknown museum 'British Musuem'"],
    );
}

#[test]
fn earlier_release_rejects_totals_partnership_metrics_bad_values_and_repeats() {
    let row = line_starting(RELEASE_2018_19, "British Museum,2009/10,visits_total");
    let cases = [
        (
            "British Museum,2009/10,visits_total,5650388",
            "TOTAL (all DCMS-sponsored museums),2009/10,visits_total,5650388",
            "is a published total row, not a museum",
        ),
        (
            "British Museum,2009/10,visits_total,5650388",
            "British Museum,2009/10,loans_display,5650388",
            "'loans_display' is not a DCMS indicator",
        ),
        (
            "British Museum,2009/10,visits_total,5650388",
            "British Museum,2009/10,visits_total,5.6m",
            "'5.6m' is not a number",
        ),
        (
            "British Museum,2009/10,visits_total,5650388",
            "British Museum,2008/09,visits_total,5650388",
            "already at data/dcms_kpi/release_2018_19_thirdparty.csv, row 2",
        ),
    ];
    for (from, to, words) in cases {
        let dir = corrupted_copy(RELEASE_2018_19, from, to);
        assert_fails_at(
            &dir,
            "data/dcms_kpi/release_2018_19_thirdparty.csv",
            row,
            &[words],
        );
    }
}
