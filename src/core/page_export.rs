//! Downloads of the coverage, revisions and totals pages: one CSV row (and one JSON object)
//! per table row on screen, with the same metadata as the explorer's downloads.

use super::coverage::CoverageGrid;
use super::export::{csv_document, ExportMeta};
use super::model::Dataset;
use super::revisions::{Comparison, RevisionsView};
use super::totals_audit::AuditRow;
use serde::Serialize;
use serde_json::{Map, Value};

/// A page's table as plain data: column names and one row of values per line on screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageTable {
    pub columns: Vec<&'static str>,
    /// Numbers stay numbers; missing values are `null` (empty in the CSV).
    pub rows: Vec<Vec<Value>>,
}

fn text(value: impl Into<String>) -> Value {
    Value::String(value.into())
}

fn number(value: Option<f64>) -> Value {
    value
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// One row per museum (and published row) and year of the grid.
pub fn coverage_table(dataset: &Dataset, grid: &CoverageGrid) -> PageTable {
    let metric = &dataset.metric(grid.metric).id;
    let rows = grid
        .museum_rows
        .iter()
        .map(|r| (r, "museum"))
        .chain(grid.published_rows.iter().map(|r| (r, "published")))
        .flat_map(|(row, kind)| {
            let museum = dataset.museum(row.museum);
            row.cells.iter().map(move |cell| {
                let markers: Vec<&str> = cell.markers.iter().map(|m| m.title).collect();
                vec![
                    text(museum.id.clone()),
                    text(museum.name.clone()),
                    text(kind),
                    text(cell.year.label()),
                    text(metric.clone()),
                    text(cell.state.code()),
                    text(cell.state.words()),
                    text(markers.join("; ")),
                ]
            })
        })
        .collect();
    PageTable {
        columns: vec![
            "museum_id",
            "museum",
            "row_kind",
            "year",
            "metric_id",
            "status",
            "words",
            "markers",
        ],
        rows,
    }
}

fn comparison_row(dataset: &Dataset, c: &Comparison, kind: &str) -> Vec<Value> {
    vec![
        text(kind),
        text(dataset.museum(c.museum).id.clone()),
        text(dataset.museum(c.museum).name.clone()),
        text(c.year.label()),
        text(dataset.metric(c.metric).id.clone()),
        text(dataset.metric(c.metric).label.clone()),
        number(c.old),
        number(c.new),
        number(c.change()),
        number(c.percent()),
        text(c.new_status_words.unwrap_or("")),
    ]
}

/// The revised values, then the values only one release prints.
pub fn revisions_table(dataset: &Dataset, view: &RevisionsView) -> PageTable {
    let rows = view
        .revised
        .iter()
        .map(|c| comparison_row(dataset, c, "revised"))
        .chain(view.in_one_only.iter().map(|c| {
            let kind = if c.old.is_some() {
                "only_2018_19_release"
            } else {
                "only_2023_24_release"
            };
            comparison_row(dataset, c, kind)
        }))
        .collect();
    PageTable {
        columns: vec![
            "kind",
            "museum_id",
            "museum",
            "year",
            "metric_id",
            "metric",
            "value_2018_19_release",
            "value_2023_24_release",
            "change",
            "change_percent",
            "why_no_2023_24_value",
        ],
        rows,
    }
}

/// One row per published total.
pub fn totals_table(dataset: &Dataset, rows: &[AuditRow]) -> PageTable {
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                text(dataset.metric(r.metric).id.clone()),
                text(dataset.metric(r.metric).label.clone()),
                text(r.year.label()),
                number(Some(r.published)),
                number(Some(r.recomputed)),
                number(Some(r.reported as f64)),
                number(Some(r.expected as f64)),
                number(Some(r.difference)),
                number(Some(r.tolerance)),
                text(r.verdict.code()),
                text(r.explanation.clone()),
            ]
        })
        .collect();
    PageTable {
        columns: vec![
            "metric_id",
            "metric",
            "year",
            "published_total",
            "recomputed_sum",
            "museums_reported",
            "museums_expected",
            "difference",
            "tolerance",
            "verdict",
            "explanation",
        ],
        rows,
    }
}

fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        // As the explorer's CSV prints numbers: 156, not 156.0.
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |v| v.to_string()),
        other => other.to_string(),
    }
}

/// The rows on screen as CSV, with the same `#` comment lines as the explorer's CSV.
pub fn to_csv(table: &PageTable, meta: &ExportMeta) -> Result<String, String> {
    let rows = table.rows.iter().map(|row| row.iter().map(cell_text));
    csv_document(meta, &table.columns, rows)
}

/// `{title, permalink, data_version, attribution, generated_by, rows: [{column: value}]}`.
pub fn to_json(table: &PageTable, meta: &ExportMeta) -> Result<String, String> {
    let rows: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = table
                .columns
                .iter()
                .map(|c| c.to_string())
                .zip(row.iter().cloned())
                .collect();
            Value::Object(object)
        })
        .collect();
    let mut document = serde_json::to_value(meta).map_err(|e| e.to_string())?;
    if let Value::Object(fields) = &mut document {
        fields.insert("rows".into(), Value::Array(rows));
    }
    serde_json::to_string_pretty(&document).map_err(|e| e.to_string())
}
