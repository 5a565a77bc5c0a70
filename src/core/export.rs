//! Downloads of exactly the view on screen (CSV, JSON; the chart file is `core::chart`'s)
//! and its citation.
//! Pure functions of the table; the UI only hands the result to the browser.

use super::analysis::{
    museum_change, standings, total_change, ChangeCell, CompareYears, ExtraColumns, Standing,
    ACROSS_BREAK_WORDS,
};
use super::chart::xml_escape;
use super::format::{number_text, NO_FIGURE};
use super::markers::{markers_in, Marker};
use super::model::{Dataset, DatasetId, Fact, FactDetail, Unit};
use super::query::{build_table, Row, TableView};
use super::view_state::{Page, ViewState};
use super::year::{span_text, FinancialYear};
use serde::Serialize;
use std::collections::BTreeMap;

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

/// The browser tab's title for `state`: what the page shows, so bookmarks and history
/// entries say it (the explorer's is its table's title).
pub fn tab_title(dataset: &Dataset, state: &ViewState) -> String {
    let title = match state.page {
        Page::Headlines => "The reports: headline figures".to_string(),
        Page::Coverage => format!("Coverage of {}", dataset.metric(state.metric).label),
        Page::Revisions(_) => "Revisions between DCMS releases".to_string(),
        Page::Totals(_) => "Published totals checked".to_string(),
        Page::Explorer => view_title(dataset, &build_table(dataset, state)),
    };
    format!("{title} – UK national museums explorer")
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
    /// The change, share and rank columns the view shows ([`EXTRA_COLUMNS`]), filled on
    /// each row's last-year cell and empty on the others; no keys when the view shows none.
    #[serde(flatten)]
    pub extras: BTreeMap<&'static str, ExtraValue>,
}

/// One value of a change, share or rank column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ExtraValue {
    Number(f64),
    Whole(usize),
    Text(String),
    /// Not this cell's column (an earlier year) or no figure: empty in CSV, `null` in JSON.
    Empty,
}

impl ExtraValue {
    fn csv_text(&self) -> String {
        match self {
            ExtraValue::Number(n) => number_text(*n),
            ExtraValue::Whole(n) => n.to_string(),
            ExtraValue::Text(text) => text.clone(),
            ExtraValue::Empty => String::new(),
        }
    }
}

/// The extra columns, in the order the CSV gives them after [`CSV_COLUMNS`]: base year,
/// absolute and percentage change (one decimal, as the table's `data-change-pct`) and why
/// there is none or what to beware of; share of the recomputed total (per cent, one
/// decimal); rank and how many museums were ranked.
pub const EXTRA_COLUMNS: [&str; 7] = [
    "change_from",
    "change",
    "change_pct",
    "change_note",
    "share_pct",
    "rank",
    "rank_of",
];

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
                extras: BTreeMap::new(),
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
            extras: BTreeMap::new(),
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

/// The cells of the view as [`export_cells`], with the change (from `compare`), share and
/// rank columns the table shows for it ([`ExtraColumns::for_table`]).
pub fn export_view(
    dataset: &Dataset,
    table: &TableView,
    compare: Option<FinancialYear>,
) -> Vec<ExportCell> {
    let mut cells = export_cells(dataset, table);
    let extras = ExtraColumns::for_table(table, compare);
    let shown = shown_extra_columns(extras);
    if shown.is_empty() {
        return cells;
    }
    let latest = table.years.last().map(|y| y.label());
    let ranked = standings(dataset, table);
    let unit = dataset.metric(table.metric).unit;
    for cell in &mut cells {
        let mut values: BTreeMap<&'static str, ExtraValue> =
            shown.iter().map(|&key| (key, ExtraValue::Empty)).collect();
        if Some(&cell.year) == latest.as_ref() {
            if let Some(years) = extras.compare {
                change_values(dataset, table, cell, years, unit, &mut values);
            }
            if cell.row_kind == "museum" {
                standing_values(dataset, &ranked, cell, &mut values);
            }
        }
        cell.extras = values;
    }
    cells
}

/// The keys of the extra columns `extras` shows, in [`EXTRA_COLUMNS`] order.
fn shown_extra_columns(extras: ExtraColumns) -> Vec<&'static str> {
    EXTRA_COLUMNS
        .into_iter()
        .filter(|key| match *key {
            "share_pct" => extras.share,
            "rank" | "rank_of" => extras.standings,
            _ => extras.compare.is_some(),
        })
        .collect()
}

/// The change of the cell's row from `years.base` to `years.latest`, by the table's rule:
/// the recomputed total's change for the total row, each published row's own otherwise.
fn change_values(
    dataset: &Dataset,
    table: &TableView,
    cell: &ExportCell,
    years: CompareYears,
    unit: Unit,
    values: &mut BTreeMap<&'static str, ExtraValue>,
) {
    let change = if cell.row_kind == "total" {
        match total_change(dataset, table, years.base, years.latest) {
            Some(total) => total.change,
            None => return,
        }
    } else {
        let row = match cell.row_kind {
            "published_total" => table.published_total.as_ref(),
            "sector" => table.sector_row.as_ref(),
            _ => table
                .museum_rows
                .iter()
                .find(|r| dataset.museum(r.museum).id == cell.museum_id),
        };
        let Some(row) = row else { return };
        museum_change(dataset, table.metric, row.museum, years.base, years.latest)
    };
    let words = ChangeCell::new(&change, unit);
    values.insert("change_from", ExtraValue::Text(years.base.label()));
    if let Ok(change) = change {
        values.insert("change", ExtraValue::Number(change.absolute));
        if let Some(percent) = change.percent {
            values.insert(
                "change_pct",
                ExtraValue::Number((percent * 10.0).round() / 10.0),
            );
        }
        if change.crosses_break {
            values.insert("change_note", ExtraValue::Text(ACROSS_BREAK_WORDS.into()));
        }
    } else {
        values.insert("change_note", ExtraValue::Text(words.text));
    }
}

/// Share and rank of a museum row in the view's last year.
fn standing_values(
    dataset: &Dataset,
    ranked: &[Standing],
    cell: &ExportCell,
    values: &mut BTreeMap<&'static str, ExtraValue>,
) {
    let Some(standing) = ranked
        .iter()
        .find(|s| dataset.museum(s.museum).id == cell.museum_id)
    else {
        return;
    };
    if let (Some(share), true) = (standing.share, values.contains_key("share_pct")) {
        values.insert(
            "share_pct",
            ExtraValue::Number((share * 10.0).round() / 10.0),
        );
    }
    if values.contains_key("rank") {
        values.insert("rank", ExtraValue::Whole(standing.rank));
        values.insert("rank_of", ExtraValue::Whole(standing.of));
    }
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

/// The extra columns the cells carry (every cell carries the same keys), in
/// [`EXTRA_COLUMNS`] order.
fn extra_columns_of(cells: &[ExportCell]) -> Vec<&'static str> {
    let keys: Vec<&'static str> = cells
        .first()
        .map(|cell| cell.extras.keys().copied().collect())
        .unwrap_or_default();
    EXTRA_COLUMNS
        .into_iter()
        .filter(|key| keys.contains(key))
        .collect()
}

/// An RFC 4180 CSV document (CRLF, quoted where needed) after `#` comment lines with the
/// title, permalink, data version, licence and generator: the shape of every CSV download
/// (readers that skip `#` lines, e.g. pandas `comment='#'`, get the plain table). The one
/// place CSV is written (tested against the csv crate's reader in `tests/export.rs`).
pub fn csv_document<Row, Field>(
    meta: &ExportMeta,
    header: &[&str],
    rows: impl IntoIterator<Item = Row>,
) -> String
where
    Row: IntoIterator<Item = Field>,
    Field: AsRef<str>,
{
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
    push_csv_record(&mut out, header);
    for row in rows {
        push_csv_record(&mut out, row);
    }
    out
}

/// One record and its CRLF. A field is quoted when it holds a comma, a quote (doubled), a
/// line break or a `#` (so a reader skipping `#` comments cannot cut a row short); a record
/// of one empty field is written `""`, so the line is not read as blank.
fn push_csv_record<Field: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = Field>) {
    let start = out.len();
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\r', '\n', '#']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    if out.len() == start {
        out.push_str("\"\"");
    }
    out.push_str("\r\n");
}

/// One cell as a CSV record: the fixed columns, then the `extra` columns the view shows.
fn csv_record(cell: &ExportCell, extra: &[&'static str]) -> Vec<String> {
    let value = cell.value.map(number_text).unwrap_or_default();
    let fixed = [
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
    ];
    let extras = extra.iter().map(|key| {
        cell.extras
            .get(key)
            .map(ExtraValue::csv_text)
            .unwrap_or_default()
    });
    fixed
        .into_iter()
        .map(str::to_string)
        .chain(extras)
        .collect()
}

/// The view's cells as CSV ([`csv_document`]): [`CSV_COLUMNS`], then the change, share and
/// rank columns the view shows. A `Result` like [`to_json`], so every download is handled alike
/// (writing CSV itself cannot fail).
pub fn to_csv(cells: &[ExportCell], meta: &ExportMeta) -> Result<String, String> {
    let extra = extra_columns_of(cells);
    let header: Vec<&str> = CSV_COLUMNS.iter().chain(extra.iter()).copied().collect();
    Ok(csv_document(
        meta,
        &header,
        cells.iter().map(|cell| csv_record(cell, &extra)),
    ))
}

/// The JSON download as data ([`json_document`]); serialise it with [`super::json`].
#[derive(Serialize)]
pub struct JsonExport<'a> {
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
    super::json::to_pretty_string(&json_document(dataset, table, cells, meta))
}

/// What [`to_json`] writes, before it is written: also what the console's
/// `explorer.query(…)` hands back as a JavaScript object (`core::query_api`).
pub fn json_document<'a>(
    dataset: &'a Dataset,
    table: &TableView,
    cells: &'a [ExportCell],
    meta: &'a ExportMeta,
) -> JsonExport<'a> {
    let metric = dataset.metric(table.metric);
    JsonExport {
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
    }
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

/// The HTML that embeds the view at `embed_link` (its permalink in the embed form) in
/// another page: an iframe titled `title`. Both are escaped for a double-quoted attribute,
/// so the `&` between the link's parameters is written `&amp;`, as HTML requires.
pub fn embed_snippet(embed_link: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>",
        xml_escape(embed_link),
        xml_escape(title)
    )
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
