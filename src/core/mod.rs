//! Everything that is not a view: data model, loading and validation, the query engine,
//! number formatting and the URL state. No Leptos or web-sys here, so all of it is tested
//! with plain `cargo test` on the host.

pub mod analysis;
pub mod chart;
pub mod coverage;
pub mod export;
pub mod format;
pub mod headlines;
pub mod json;
pub mod marker_links;
pub mod markers;
pub mod metric_index;
pub mod model;
pub mod notice;
pub mod order;
pub mod page_export;
pub mod page_url;
pub mod plain;
pub mod query;
pub mod query_api;
pub mod redraw;
pub mod reports;
pub mod revisions;
pub mod sparkline;
pub mod summary;
pub mod table_rows;
pub mod totals_audit;
pub mod url_state;
pub mod view_state;
pub mod year;

use model::{DataError, Dataset};

/// The JSON generated from `data/**/*.csv` by `cargo run --bin gen-data`.
pub const EMBEDDED_JSON: &str = include_str!("../../data/explorer-data.json");

/// Fingerprint of the embedded data, quoted in every download.
pub fn embedded_data_version() -> String {
    export::data_version(EMBEDDED_JSON)
}

/// Loads the embedded dataset (validated; an error, never a panic, if it is broken).
pub fn load_embedded() -> Result<Dataset, DataError> {
    Dataset::from_json(EMBEDDED_JSON)
}
