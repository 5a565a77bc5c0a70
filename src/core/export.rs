//! Downloads of exactly the view on screen (CSV, JSON; the chart file is `core::chart`'s)
//! and its citation.
//! Pure functions of the table; the UI only hands the result to the browser.

use super::format::NO_FIGURE;
use super::markers::{markers_in, Marker};
use super::model::{Dataset, DatasetId, Fact, FactDetail};
use super::query::{Row, TableView};
use super::year::span_text;
use serde::Serialize;

/// Stable fingerprint of the embedded data (FNV-1a, 64 bits), so a download says which
/// version of the data it came from. Not a security hash.
pub fn data_version(json: &str) -> String {
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// "UK loan venues by museum, 2016/17 to 2023/24 (venues)": the table caption, and the
/// title of every download of the view.
pub fn view_title(dataset: &Dataset, table: &TableView) -> String {
    let metric = dataset.metric(table.metric);
    let span = span_text(&table.years)
        .map(|span| format!(", {span}"))
        .unwrap_or_default();
    format!("{} by museum{span} ({})", metric.label, metric.unit.words())
}

/// `uk_loan_venues_2016-17_to_2023-24`.
pub fn file_stem(dataset: &Dataset, table: &TableView) -> String {
    let metric = &dataset.metric(table.metric).id;
    match (table.years.first(), table.years.last()) {
        (Some(first), Some(last)) if first != last => {
            format!("{metric}_{}_to_{}", first.slug(), last.slug())
        }
        (Some(only), _) => format!("{metric}_{}", only.slug()),
        _ => metric.clone(),
    }
}

/// One cell of the view as a tidy row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportCell {
    /// As in the table's `data-museum`: a museum id, `total` or `published-total`.
    pub museum_id: String,
    pub museum: String,
    /// `museum`, `total` (recomputed), `published_total` or `sector` (published).
    pub row_kind: &'static str,
    pub year: String,
    pub metric_id: String,
    pub metric: String,
    pub unit: String,
    pub value: Option<f64>,
    /// `reported`, `nil`, `not published`, … or `recomputed` for the total row.
    pub status: String,
    /// How the source worded the figure: at least, approx., rounded.
    pub qualifier: String,
    /// Caveats in words (the table's markers).
    pub flags: String,
    /// Coverage and published-total comparison for the recomputed total.
    pub note: String,
    pub source: String,
    pub source_url: String,
}

/// What goes with every download.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportMeta {
    pub title: String,
    pub permalink: String,
    pub data_version: String,
    pub attribution: String,
    pub generated_by: String,
}

fn flag_words(dataset: &Dataset, flags: u32) -> String {
    markers_in(dataset, flags)
        .iter()
        .map(|m| m.title)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Scope, caveat and derivation of a fact, in words.
fn detail_note(detail: &FactDetail) -> String {
    let derived = if detail.derived {
        "derived from other published figures"
    } else {
        ""
    };
    [detail.scope.as_str(), detail.comment.as_str(), derived]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The cells of one published row; `key` overrides the museum id (`published-total`).
fn fact_cells(
    dataset: &Dataset,
    table: &TableView,
    row: &Row,
    key: Option<&str>,
    kind: &'static str,
) -> Vec<ExportCell> {
    let museum = dataset.museum(row.museum);
    let (museum_id, museum) = (key.unwrap_or(&museum.id), &museum.name);
    let metric = dataset.metric(table.metric);
    row.cells
        .iter()
        .map(|cell| {
            let fact: Option<Fact> = cell.fact;
            let source = fact.map(|f| dataset.source(f.source));
            ExportCell {
                museum_id: museum_id.to_string(),
                museum: museum.to_string(),
                row_kind: kind,
                year: cell.year.label(),
                metric_id: metric.id.clone(),
                metric: metric.label.clone(),
                unit: metric.unit.words().to_string(),
                value: cell.value(),
                status: fact.map_or(NO_FIGURE.to_string(), |f| f.status.words().to_string()),
                qualifier: cell.qualifier().words().to_string(),
                flags: flag_words(dataset, cell.flags()),
                note: fact
                    .and_then(|f| dataset.detail(f.index))
                    .map(detail_note)
                    .unwrap_or_default(),
                source: source.map(|s| s.title.clone()).unwrap_or_default(),
                source_url: source.map(|s| s.url.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// Every cell of the table, in table order: museums, the recomputed total, then the
/// published rows.
pub fn export_cells(dataset: &Dataset, table: &TableView) -> Vec<ExportCell> {
    let metric = dataset.metric(table.metric);
    let mut cells = Vec::new();
    for row in &table.museum_rows {
        cells.extend(fact_cells(dataset, table, row, None, "museum"));
    }
    for total in table.computed_total().into_iter().flatten() {
        let mut note = total.coverage();
        let mut flags = flag_words(dataset, total.flags);
        if let Some(published) = total.published.as_ref().filter(|p| p.beyond_rounding) {
            note.push_str(&format!(
                "; DCMS published {} (difference {})",
                published.published, published.difference
            ));
            // The table marks this with [t]; the download says it in words too.
            let differs = Marker::TOTAL_DIFFERS.title;
            flags = if flags.is_empty() {
                differs.to_string()
            } else {
                format!("{flags}; {differs}")
            };
        }
        cells.push(ExportCell {
            museum_id: "total".into(),
            museum: "Total of the museums above (recomputed)".into(),
            row_kind: "total",
            year: total.year.label(),
            metric_id: metric.id.clone(),
            metric: metric.label.clone(),
            unit: metric.unit.words().to_string(),
            value: total.value,
            status: if total.value.is_some() {
                "recomputed".into()
            } else {
                "no museum reported".into()
            },
            qualifier: String::new(),
            flags,
            note,
            source: "Recomputed by this explorer from the museum rows above".into(),
            source_url: String::new(),
        });
    }
    if let Some(row) = &table.published_total {
        cells.extend(fact_cells(
            dataset,
            table,
            row,
            Some("published-total"),
            "published_total",
        ));
    }
    if let Some(row) = &table.sector_row {
        cells.extend(fact_cells(dataset, table, row, None, "sector"));
    }
    cells
}

/// The attribution of the dataset the metric comes from.
pub fn attribution(dataset: &Dataset, table: &TableView) -> String {
    let metric = dataset.metric(table.metric);
    dataset
        .dataset_info(metric.dataset)
        .map(|d| d.attribution.clone())
        .unwrap_or_default()
}

/// The CSV header: the fields of [`ExportCell`], in order.
pub const CSV_COLUMNS: [&str; 14] = [
    "museum_id",
    "museum",
    "row_kind",
    "year",
    "metric_id",
    "metric",
    "unit",
    "value",
    "status",
    "qualifier",
    "flags",
    "note",
    "source",
    "source_url",
];

/// RFC 4180 CSV (CRLF, quoted where needed), preceded by `#` comment lines with the
/// permalink, data version and attribution (readers that skip `#` lines, e.g. pandas
/// `comment='#'`, get the plain table).
pub fn to_csv(cells: &[ExportCell], meta: &ExportMeta) -> Result<String, String> {
    let mut out = String::new();
    for (key, value) in [
        ("title", &meta.title),
        ("permalink", &meta.permalink),
        ("data version", &meta.data_version),
        ("licence", &meta.attribution),
        ("generated by", &meta.generated_by),
    ] {
        out.push_str(&format!(
            "# {key}: {}\r\n",
            value.replace(['\r', '\n'], " ")
        ));
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(CSV_COLUMNS)
        .map_err(|e| e.to_string())?;
    for cell in cells {
        let value = cell.value.map(|v| v.to_string()).unwrap_or_default();
        writer
            .write_record([
                cell.museum_id.as_str(),
                &cell.museum,
                cell.row_kind,
                &cell.year,
                &cell.metric_id,
                &cell.metric,
                &cell.unit,
                &value,
                &cell.status,
                &cell.qualifier,
                &cell.flags,
                &cell.note,
                &cell.source,
                &cell.source_url,
            ])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    out.push_str(&String::from_utf8(bytes).map_err(|e| e.to_string())?);
    Ok(out)
}

#[derive(Serialize)]
struct JsonExport<'a> {
    #[serde(flatten)]
    meta: &'a ExportMeta,
    metric: JsonMetric<'a>,
    years: Vec<String>,
    cells: &'a [ExportCell],
    notes: Vec<JsonNote<'a>>,
}

#[derive(Serialize)]
struct JsonMetric<'a> {
    id: &'a str,
    label: &'a str,
    unit: &'static str,
    definition: &'a str,
    dataset: DatasetId,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    id: u8,
    text: &'a str,
}

/// The same view as JSON: `{title, permalink, data_version, attribution, generated_by,
/// metric, years, cells: [ExportCell], notes}`. An error rather than an empty download if
/// it cannot be serialised.
pub fn to_json(
    dataset: &Dataset,
    table: &TableView,
    cells: &[ExportCell],
    meta: &ExportMeta,
) -> Result<String, String> {
    let metric = dataset.metric(table.metric);
    let export = JsonExport {
        meta,
        metric: JsonMetric {
            id: &metric.id,
            label: &metric.label,
            unit: metric.unit.words(),
            definition: &metric.definition,
            dataset: metric.dataset,
        },
        years: table.years.iter().map(|y| y.label()).collect(),
        cells,
        notes: dataset
            .notes_in(table.notes_on_screen())
            .map(|n| JsonNote {
                id: n.id,
                text: &n.text,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&export).map_err(|e| e.to_string())
}

/// "Source: DCMS, DCMS-Sponsored Museums … (published 17 July 2025). Contains public
/// sector information licensed under the Open Government Licence v3.0." for chart
/// downloads and the embed view: "Source:" said once.
pub fn source_line(dataset: &Dataset, table: &TableView) -> String {
    let attribution = attribution(dataset, table);
    if let Some((licence, source)) = attribution.split_once("Source:") {
        return format!("Source: {} {}", source.trim(), licence.trim());
    }
    let mut publishers: Vec<String> = Vec::new();
    for source in table.sources_on_screen() {
        let publisher = &dataset.source(source).publisher;
        if !publishers.contains(publisher) {
            publishers.push(publisher.clone());
        }
    }
    format!("Source: {}. {}", publishers.join("; "), attribution.trim())
}

/// A citation for the view: what, who, which years, where, when accessed.
pub fn citation(dataset: &Dataset, table: &TableView, permalink: &str, accessed: &str) -> String {
    let metric = dataset.metric(table.metric);
    let years = span_text(&table.years).unwrap_or_default();
    let publication = dataset
        .dataset_info(metric.dataset)
        .map(|d| format!("{}. {}", d.publisher, d.title))
        .unwrap_or_default();
    format!(
        "{}, {years}. {publication}. Via UK national museums: lending and partnerships explorer. {permalink} (accessed {accessed}).",
        metric.label
    )
}
