//! Downloads of the coverage, revisions and totals pages: one CSV row (and one JSON object)
//! per table row on screen, with the same metadata as the explorer's downloads.

use super::coverage::CoverageGrid;
use super::export::{csv_document, ExportMeta};
use super::format::number_text;
use super::model::Dataset;
use super::revisions::{Comparison, RevisionsView};
use super::totals_audit::AuditRow;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A page's table as plain data: column names and one row of values per line on screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageTable {
    pub columns: Vec<&'static str>,
    /// Numbers stay numbers; missing values are `null` (empty in the CSV).
    pub rows: Vec<Vec<PageValue>>,
}

/// One value of a page's table: text, a count, or a figure (`None`: no figure, `null` in
/// the JSON and empty in the CSV).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum PageValue {
    Text(String),
    Count(usize),
    Figure(Option<f64>),
}

impl PageValue {
    /// As the explorer's CSV prints it: 156, not 156.0; empty for no figure.
    pub fn csv_text(&self) -> String {
        match self {
            PageValue::Text(text) => text.clone(),
            PageValue::Count(count) => count.to_string(),
            PageValue::Figure(figure) => figure.map(number_text).unwrap_or_default(),
        }
    }
}

fn text(value: impl Into<String>) -> PageValue {
    PageValue::Text(value.into())
}

/// A figure; not-a-number and infinities (which JSON cannot hold) as no figure.
fn number(value: Option<f64>) -> PageValue {
    PageValue::Figure(value.filter(|v| v.is_finite()))
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

fn comparison_row(dataset: &Dataset, c: &Comparison, kind: &str) -> Vec<PageValue> {
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
                PageValue::Count(r.reported),
                PageValue::Count(r.expected),
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

/// The rows on screen as CSV, with the same `#` comment lines as the explorer's CSV.
pub fn to_csv(table: &PageTable, meta: &ExportMeta) -> Result<String, String> {
    let rows = table
        .rows
        .iter()
        .map(|row| row.iter().map(PageValue::csv_text));
    Ok(csv_document(meta, &table.columns, rows))
}

/// The JSON download as data ([`json_document`]): the metadata, then the rows as objects
/// keyed by column.
#[derive(Serialize)]
pub struct PageDocument<'a> {
    #[serde(flatten)]
    meta: &'a ExportMeta,
    rows: Vec<RowObject<'a>>,
}

/// One row as `{column: value}`, in column order.
pub struct RowObject<'a> {
    columns: &'a [&'static str],
    values: &'a [PageValue],
}

impl Serialize for RowObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self.columns.iter().zip(self.values) {
            object.serialize_entry(column, value)?;
        }
        object.end()
    }
}

/// `{title, permalink, data_version, attribution, generated_by, rows: [{column: value}]}`.
pub fn to_json(table: &PageTable, meta: &ExportMeta) -> Result<String, String> {
    super::json::to_pretty_string(&json_document(table, meta))
}

/// What [`to_json`] writes, before it is written.
pub fn json_document<'a>(table: &'a PageTable, meta: &'a ExportMeta) -> PageDocument<'a> {
    let rows = table
        .rows
        .iter()
        .map(|values| RowObject {
            columns: &table.columns,
            values,
        })
        .collect();
    PageDocument { meta, rows }
}
