//! Helpers shared by the native integration tests: the embedded dataset loaded once, ids and
//! years from their text, views and tables built from a few words or a query string, and the
//! curated CSVs. [`fixture`] holds a tiny hand-built dataset for edge cases.
//!
//! A test file uses it with `mod common;` (this lives in `tests/common/mod.rs` so Cargo does
//! not build it as a test crate of its own). Each test crate uses only some of these helpers,
//! hence the module-wide `dead_code` allowance.
#![allow(dead_code)]

pub mod chart_input;
pub mod fixture;

use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::{build_table, TableView};
use museum_lending_explorer::core::url_state::parse_query;
use museum_lending_explorer::core::view_state::ViewState;
use museum_lending_explorer::core::year::FinancialYear;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The embedded (real) dataset, validated once per test crate and shared by its tests.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| load_embedded().expect("embedded data validates"))
}

/// A financial year from `2019-20` or `2019/20`.
pub fn year(text: &str) -> FinancialYear {
    FinancialYear::parse(text).unwrap()
}

/// The index of the metric with this id; panics naming the id when there is none.
pub fn metric(dataset: &Dataset, id: &str) -> u16 {
    dataset
        .metric_by_id(id)
        .unwrap_or_else(|| panic!("no metric '{id}'"))
}

/// The index of the museum (or published row) with this id; panics naming the id when
/// there is none.
pub fn museum(dataset: &Dataset, id: &str) -> u16 {
    dataset
        .museum_by_id(id)
        .unwrap_or_else(|| panic!("no museum '{id}'"))
}

/// The indexes of a metric and a museum, for the per-museum analysis calls.
pub fn ids(dataset: &Dataset, metric_id: &str, museum_id: &str) -> (u16, u16) {
    (metric(dataset, metric_id), museum(dataset, museum_id))
}

/// The ids of the museums a view names (empty when it names none, i.e. all museums).
pub fn museum_ids<'a>(dataset: &'a Dataset, state: &ViewState) -> Vec<&'a str> {
    state
        .museums
        .iter()
        .flatten()
        .map(|m| dataset.museum(*m).id.as_str())
        .collect()
}

/// The default view of `metric` (every museum) from `from` to `to`.
pub fn range(dataset: &Dataset, metric_id: &str, from: &str, to: &str) -> ViewState {
    ViewState {
        from: Some(year(from)),
        to: Some(year(to)),
        ..ViewState::for_metric(metric(dataset, metric_id))
    }
}

/// The table of `metric` from `from` to `to`, for the named museums (`None`: every museum).
pub fn view(
    dataset: &Dataset,
    metric_id: &str,
    museums: Option<&[&str]>,
    from: &str,
    to: &str,
) -> TableView {
    let state = ViewState {
        museums: museums.map(|ids| ids.iter().map(|id| museum(dataset, id)).collect()),
        ..range(dataset, metric_id, from, to)
    };
    build_table(dataset, &state)
}

/// The table a permalink's query string (`?metric=…&from=…`) shows.
pub fn view_from_query(dataset: &Dataset, query: &str) -> TableView {
    build_table(dataset, &parse_query(dataset, query).state)
}

/// A path inside the curated `data/` folder (`data_path("dcms_kpi/values.csv")`).
pub fn data_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(relative)
}

/// A reader over one curated CSV, headers taken from its first row.
pub fn csv_reader(relative: &str) -> csv::Reader<File> {
    csv::Reader::from_path(data_path(relative))
        .unwrap_or_else(|e| panic!("cannot read data/{relative}: {e}"))
}
