//! Builds the embedded JSON from the curated CSVs in `data/` (host only).
//!
//! Every reference is resolved here, so a bad data file fails the build with the file, the
//! row (1 = header line) and the problem, instead of reaching a reader as a wrong figure.

use crate::core::model::{
    Aggregation, DataFile, DatasetId, DatasetInfo, FactColumns, FactDetail, FlagDef, Metric,
    Museum, Note, Qualifier, Revision, Source, StatedChange, Status, TotalCheck, Unit,
    FORMAT_VERSION,
};
use crate::core::year::FinancialYear;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The committed JSON, relative to the repository root.
pub const OUTPUT_PATH: &str = "data/explorer-data.json";

/// The DCMS release every `dcms_kpi` value comes from (see `data/dcms_kpi/README.md`).
const DCMS_RELEASE_SOURCE_ID: &str = "dcms-pi-2023-24-release";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenError {
    pub file: String,
    /// Line in the file, counting the header as 1; 0 when the problem is the whole file.
    pub row: usize,
    pub problem: String,
}

impl fmt::Display for GenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row == 0 {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}, row {}: {}", self.file, self.row, self.problem)
        }
    }
}

impl std::error::Error for GenError {}

struct CsvFile {
    name: String,
    path: PathBuf,
}

impl CsvFile {
    fn new(data_dir: &Path, name: &str) -> CsvFile {
        CsvFile {
            name: format!("data/{name}"),
            path: data_dir.join(name),
        }
    }

    fn error(&self, row: usize, problem: impl Into<String>) -> GenError {
        GenError {
            file: self.name.clone(),
            row,
            problem: problem.into(),
        }
    }

    /// Rows with their line numbers (header = 1).
    fn read<T: DeserializeOwned>(&self) -> Result<Vec<(usize, T)>, GenError> {
        let mut reader =
            csv::Reader::from_path(&self.path).map_err(|e| self.error(0, e.to_string()))?;
        reader
            .deserialize()
            .enumerate()
            .map(|(i, record)| {
                let row = i + 2;
                record
                    .map(|r| (row, r))
                    .map_err(|e| self.error(row, e.to_string()))
            })
            .collect()
    }
}

#[derive(Deserialize)]
struct MuseumRow {
    museum_id: String,
    name: String,
    short_name: String,
    nation: String,
    sponsor: String,
    kind: String,
    aliases: String,
    is_aggregate: String,
    notes: String,
}

#[derive(Deserialize)]
struct IndicatorRow {
    indicator_id: String,
    label: String,
    unit: String,
    aggregation: String,
    table: u8,
    definition: String,
    caveat: String,
}

#[derive(Deserialize)]
struct MetricRow {
    metric_id: String,
    label: String,
    unit: String,
    family: String,
    aggregation: String,
    definition: String,
}

#[derive(Deserialize)]
struct SourceRow {
    source_id: String,
    title: String,
    publisher: String,
    published: String,
    url: String,
    licence: String,
    kind: String,
    note: String,
}

#[derive(Deserialize)]
struct FlagRow {
    flag: String,
    meaning: String,
    raised_by: String,
    app_treatment: String,
}

#[derive(Deserialize)]
struct NoteRow {
    note_id: u8,
    text: String,
}

#[derive(Deserialize)]
struct ValueRow {
    museum_id: String,
    year: String,
    indicator_id: String,
    value: String,
    status: String,
    flags: String,
    note_ids: String,
    comment: String,
}

#[derive(Deserialize)]
struct FactRow {
    fact_id: String,
    edition: String,
    year: String,
    museum: String,
    scope_museums: String,
    metric_id: String,
    value: String,
    qualifier: String,
    source_id: String,
    note: String,
    status: String,
}

#[derive(Deserialize)]
struct TotalCheckRow {
    indicator_id: String,
    year: String,
    tolerance: f64,
    result: crate::core::model::CheckResult,
    explanation: String,
}

#[derive(Deserialize)]
struct StatedChangeRow {
    claim_id: String,
    metric_id: String,
    museum: String,
    from_year: String,
    to_year: String,
    stated_change_pct: String,
    wording: String,
    source_id: String,
    note: String,
}

#[derive(Deserialize)]
struct RevisionRow {
    museum_id: String,
    year: String,
    indicator_id: String,
    value_2018_19_release: String,
    value_2023_24_release: String,
    change: String,
}

/// One fact before sorting: the columns' values plus its detail text.
struct PendingFact {
    museum: u16,
    year: FinancialYear,
    metric: u16,
    value: Option<f64>,
    status: Status,
    flags: u32,
    notes: u64,
    qualifier: Qualifier,
    source: u16,
    detail: FactDetail,
}

fn lookup(index: &HashMap<String, u16>, key: &str) -> Option<u16> {
    index.get(key).copied()
}

fn parse_number(text: &str) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("'{text}' is not a number")),
    }
}

fn parse_year(text: &str) -> Result<FinancialYear, String> {
    FinancialYear::parse(text).map_err(|e| e.to_string())
}

fn parse_aggregation(text: &str) -> Result<Aggregation, String> {
    match text {
        "sum" => Ok(Aggregation::Sum),
        "none" => Ok(Aggregation::None),
        other => Err(format!("unknown aggregation '{other}'")),
    }
}

fn parse_unit(text: &str) -> Result<Unit, String> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|_| format!("unknown unit '{text}'"))
}

/// The picker groups DCMS indicators by topic; a new indicator needs a decision here.
fn dcms_family(indicator_id: &str) -> Option<&'static str> {
    Some(match indicator_id {
        "uk_loan_venues" => "Loans",
        id if id.starts_with("visits_") || id == "website_visits_unique" => "Visits",
        "recommend_share" => "Visitor satisfaction",
        "edu_visits_u18_formal" | "onsite_activity_u18" => "Children and learning",
        id if id.starts_with("income_") => "Self-generated income (nominal £)",
        _ => return None,
    })
}

fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split('|')
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// Reads every curated CSV under `data_dir` and returns the file the app embeds.
pub fn generate(data_dir: &Path) -> Result<DataFile, GenError> {
    let museums_file = CsvFile::new(data_dir, "partnership/museums.csv");
    let mut museum_rows = museums_file.read::<MuseumRow>()?;
    let added_file = CsvFile::new(data_dir, "dcms_kpi/museums_added.csv");
    museum_rows.extend(added_file.read::<MuseumRow>()?);
    let museums: Vec<Museum> = museum_rows
        .into_iter()
        .map(|(_, row)| Museum {
            id: row.museum_id,
            name: row.name,
            short_name: row.short_name,
            nation: row.nation,
            sponsor: row.sponsor,
            kind: row.kind,
            aliases: split_aliases(&row.aliases),
            is_aggregate: row.is_aggregate == "yes",
            notes: row.notes,
        })
        .collect();
    let museum_by_id = unique_index(&museums_file, &museums, |m| &m.id)?;
    let mut museum_by_name: HashMap<String, u16> = HashMap::new();
    for (i, museum) in museums.iter().enumerate() {
        museum_by_name.insert(museum.name.clone(), i as u16);
    }

    let (mut sources, source_rows_file) = read_sources(data_dir)?;
    sources.push(Source {
        id: DCMS_RELEASE_SOURCE_ID.into(),
        title: "DCMS-Sponsored Museums and Galleries Annual Performance Indicators 2023/24, data tables (Official Statistics)".into(),
        publisher: "Department for Culture, Media and Sport (DCMS)".into(),
        published: "2025-07-17".into(),
        url: "https://www.gov.uk/government/collections/museums-and-galleries-monthly-visits".into(),
        licence: "Open Government Licence v3.0".into(),
        kind: "official_statistics".into(),
        note: "Values as revised in the 2023/24 release; notes, flags and total checks from this project's curated copy (data/dcms_kpi/README.md).".into(),
    });
    let source_by_id = unique_index(&source_rows_file, &sources, |s| &s.id)?;
    let dcms_source = source_by_id[DCMS_RELEASE_SOURCE_ID];

    let flags_file = CsvFile::new(data_dir, "dcms_kpi/flags.csv");
    let flags: Vec<FlagDef> = flags_file
        .read::<FlagRow>()?
        .into_iter()
        .map(|(_, row)| FlagDef {
            code: row.flag,
            meaning: row.meaning,
            raised_by: row.raised_by,
            app_treatment: row.app_treatment,
        })
        .collect();
    if flags.len() > 32 {
        return Err(flags_file.error(0, "more than 32 flags do not fit the flag bit column"));
    }
    let flag_bit = unique_index(&flags_file, &flags, |f| &f.code)?;

    let notes_file = CsvFile::new(data_dir, "dcms_kpi/notes.csv");
    let notes: Vec<Note> = notes_file
        .read::<NoteRow>()?
        .into_iter()
        .map(|(_, row)| Note {
            id: row.note_id,
            text: row.text,
        })
        .collect();
    if notes.len() > 64 {
        return Err(notes_file.error(0, "more than 64 notes do not fit the note bit column"));
    }
    let note_bit: HashMap<String, u16> = notes
        .iter()
        .enumerate()
        .map(|(bit, note)| (note.id.to_string(), bit as u16))
        .collect();

    let (mut metrics, indicators_file) = read_indicators(data_dir)?;
    let metrics_file = CsvFile::new(data_dir, "partnership/metrics.csv");
    for (row_number, row) in metrics_file.read::<MetricRow>()? {
        let error = |p: String| metrics_file.error(row_number, p);
        metrics.push(Metric {
            id: row.metric_id,
            dataset: DatasetId::Partnership,
            label: row.label,
            unit: parse_unit(&row.unit).map_err(error)?,
            family: row.family.replace('_', " "),
            aggregation: parse_aggregation(&row.aggregation).map_err(error)?,
            definition: row.definition,
            caveat: String::new(),
            table: None,
        });
    }
    let metric_by_id = unique_index(&indicators_file, &metrics, |m| &m.id)?;

    let mut pending = Vec::new();
    let values_file = CsvFile::new(data_dir, "dcms_kpi/values.csv");
    for (row_number, row) in values_file.read::<ValueRow>()? {
        let error = |p: String| values_file.error(row_number, p);
        let museum = lookup(&museum_by_id, &row.museum_id)
            .ok_or_else(|| error(format!("unknown museum_id '{}'", row.museum_id)))?;
        let metric = lookup(&metric_by_id, &row.indicator_id)
            .ok_or_else(|| error(format!("unknown indicator_id '{}'", row.indicator_id)))?;
        let status = Status::from_code(&row.status)
            .ok_or_else(|| error(format!("unknown status '{}'", row.status)))?;
        let value = parse_number(&row.value).map_err(error)?;
        check_value_status(value, status).map_err(error)?;
        let mut flag_mask = 0u32;
        for code in split_list(&row.flags) {
            let bit = lookup(&flag_bit, code)
                .ok_or_else(|| error(format!("unknown flag '{code}' (not in flags.csv)")))?;
            flag_mask |= 1 << bit;
        }
        let mut note_mask = 0u64;
        for id in split_list(&row.note_ids) {
            let bit = lookup(&note_bit, id)
                .ok_or_else(|| error(format!("unknown note id '{id}' (not in notes.csv)")))?;
            note_mask |= 1 << bit;
        }
        pending.push(PendingFact {
            museum,
            year: parse_year(&row.year).map_err(error)?,
            metric,
            value,
            status,
            flags: flag_mask,
            notes: note_mask,
            qualifier: Qualifier::Exact,
            source: dcms_source,
            detail: FactDetail {
                comment: row.comment,
                ..FactDetail::default()
            },
        });
    }

    let facts_file = CsvFile::new(data_dir, "partnership/facts.csv");
    for (row_number, row) in facts_file.read::<FactRow>()? {
        let error = |p: String| facts_file.error(row_number, p);
        let museum = lookup(&museum_by_name, &row.museum).ok_or_else(|| {
            error(format!(
                "unknown museum '{}' (not in museums.csv)",
                row.museum
            ))
        })?;
        let metric = lookup(&metric_by_id, &row.metric_id)
            .filter(|m| metrics[usize::from(*m)].dataset == DatasetId::Partnership)
            .ok_or_else(|| error(format!("unknown metric_id '{}'", row.metric_id)))?;
        let source = lookup(&source_by_id, &row.source_id)
            .ok_or_else(|| error(format!("unknown source_id '{}'", row.source_id)))?;
        let value = parse_number(&row.value)
            .map_err(error)?
            .ok_or_else(|| error("value is empty".into()))?;
        let qualifier = Qualifier::from_code(&row.qualifier)
            .ok_or_else(|| error(format!("unknown qualifier '{}'", row.qualifier)))?;
        let derived = match row.status.as_str() {
            "published" => false,
            "derived" => true,
            other => return Err(error(format!("unknown status '{other}'"))),
        };
        pending.push(PendingFact {
            museum,
            year: parse_year(&row.year).map_err(error)?,
            metric,
            value: Some(value),
            status: Status::Reported,
            flags: 0,
            notes: 0,
            qualifier,
            source,
            detail: FactDetail {
                fact_id: row.fact_id,
                edition: row.edition,
                scope: row.scope_museums,
                comment: row.note,
                derived,
                ..FactDetail::default()
            },
        });
    }

    pending.sort_by_key(|f| (f.metric, f.museum, f.year));
    if let Some(pair) = pending
        .windows(2)
        .find(|w| (w[0].metric, w[0].museum, w[0].year) == (w[1].metric, w[1].museum, w[1].year))
    {
        return Err(GenError {
            file: "data/dcms_kpi/values.csv + data/partnership/facts.csv".into(),
            row: 0,
            problem: format!(
                "two facts for {} / {} / {}",
                museums[usize::from(pair[0].museum)].id,
                metrics[usize::from(pair[0].metric)].id,
                pair[0].year
            ),
        });
    }
    let mut facts = FactColumns::default();
    let mut fact_details = Vec::new();
    for (i, fact) in pending.into_iter().enumerate() {
        facts.museum.push(fact.museum);
        facts.year.push(fact.year.0);
        facts.metric.push(fact.metric);
        facts.value.push(fact.value);
        facts.status.push(status_code(fact.status));
        facts.flags.push(fact.flags);
        facts.notes.push(fact.notes);
        facts.qualifier.push(qualifier_code(fact.qualifier));
        facts.source.push(fact.source);
        if fact.detail != FactDetail::default() {
            fact_details.push(FactDetail {
                fact: i as u32,
                ..fact.detail
            });
        }
    }

    let names = |id: &str| {
        museum_by_name
            .get(id)
            .map(|i| museums[usize::from(*i)].id.clone())
    };
    let total_checks = read_total_checks(data_dir, &metric_by_id)?;
    let stated_changes = read_stated_changes(data_dir, &metric_by_id, &source_by_id, names)?;
    let revisions = read_revisions(data_dir, &metric_by_id, &museum_by_id)?;

    Ok(DataFile {
        format_version: FORMAT_VERSION,
        datasets: dataset_infos(),
        status_codes: Status::ALL.iter().map(|s| s.code().to_string()).collect(),
        qualifier_codes: Qualifier::ALL
            .iter()
            .map(|q| q.code().to_string())
            .collect(),
        museums,
        metrics,
        sources,
        notes,
        flags,
        facts,
        fact_details,
        total_checks,
        stated_changes,
        revisions,
    })
}

fn status_code(status: Status) -> u8 {
    Status::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or_default() as u8
}

fn qualifier_code(qualifier: Qualifier) -> u8 {
    Qualifier::ALL
        .iter()
        .position(|q| *q == qualifier)
        .unwrap_or_default() as u8
}

fn split_aliases(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect()
}

fn unique_index<T>(
    file: &CsvFile,
    items: &[T],
    id: impl Fn(&T) -> &String,
) -> Result<HashMap<String, u16>, GenError> {
    let mut index = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if index.insert(id(item).clone(), i as u16).is_some() {
            return Err(file.error(i + 2, format!("duplicate id '{}'", id(item))));
        }
    }
    Ok(index)
}

fn check_value_status(value: Option<f64>, status: Status) -> Result<(), String> {
    match (value, status) {
        (None, s) if s.has_value() => Err(format!("status '{}' needs a value", s.code())),
        (Some(_), s) if !s.has_value() => {
            Err(format!("status '{}' must have an empty value", s.code()))
        }
        (Some(v), Status::Nil) if v != 0.0 => Err("status 'nil' must have the value 0".into()),
        _ => Ok(()),
    }
}

fn read_sources(data_dir: &Path) -> Result<(Vec<Source>, CsvFile), GenError> {
    let file = CsvFile::new(data_dir, "partnership/sources.csv");
    let sources = file
        .read::<SourceRow>()?
        .into_iter()
        .map(|(_, row)| Source {
            id: row.source_id,
            title: row.title,
            publisher: row.publisher,
            published: row.published,
            url: row.url,
            licence: row.licence,
            kind: row.kind,
            note: row.note,
        })
        .collect();
    Ok((sources, file))
}

fn read_indicators(data_dir: &Path) -> Result<(Vec<Metric>, CsvFile), GenError> {
    let file = CsvFile::new(data_dir, "dcms_kpi/indicators.csv");
    let mut metrics = Vec::new();
    for (row_number, row) in file.read::<IndicatorRow>()? {
        let error = |p: String| file.error(row_number, p);
        let family = dcms_family(&row.indicator_id).ok_or_else(|| {
            error(format!(
                "no picker group for indicator '{}'",
                row.indicator_id
            ))
        })?;
        metrics.push(Metric {
            dataset: DatasetId::DcmsKpi,
            unit: parse_unit(&row.unit).map_err(error)?,
            aggregation: parse_aggregation(&row.aggregation).map_err(error)?,
            family: family.into(),
            id: row.indicator_id,
            label: row.label,
            definition: row.definition,
            caveat: row.caveat,
            table: Some(row.table),
        });
    }
    Ok((metrics, file))
}

fn read_total_checks(
    data_dir: &Path,
    metric_by_id: &HashMap<String, u16>,
) -> Result<Vec<TotalCheck>, GenError> {
    let file = CsvFile::new(data_dir, "dcms_kpi/totals_check.csv");
    let mut checks = Vec::new();
    for (row_number, row) in file.read::<TotalCheckRow>()? {
        let error = |p: String| file.error(row_number, p);
        lookup(metric_by_id, &row.indicator_id)
            .ok_or_else(|| error(format!("unknown indicator_id '{}'", row.indicator_id)))?;
        checks.push(TotalCheck {
            year: parse_year(&row.year).map_err(error)?,
            metric: row.indicator_id,
            tolerance: row.tolerance,
            result: row.result,
            explanation: row.explanation,
        });
    }
    Ok(checks)
}

fn read_stated_changes(
    data_dir: &Path,
    metric_by_id: &HashMap<String, u16>,
    source_by_id: &HashMap<String, u16>,
    museum_id_of_name: impl Fn(&str) -> Option<String>,
) -> Result<Vec<StatedChange>, GenError> {
    let file = CsvFile::new(data_dir, "partnership/stated_changes.csv");
    let mut changes = Vec::new();
    for (row_number, row) in file.read::<StatedChangeRow>()? {
        let error = |p: String| file.error(row_number, p);
        lookup(metric_by_id, &row.metric_id)
            .ok_or_else(|| error(format!("unknown metric_id '{}'", row.metric_id)))?;
        lookup(source_by_id, &row.source_id)
            .ok_or_else(|| error(format!("unknown source_id '{}'", row.source_id)))?;
        let museum = museum_id_of_name(&row.museum)
            .ok_or_else(|| error(format!("unknown museum '{}'", row.museum)))?;
        changes.push(StatedChange {
            claim_id: row.claim_id,
            metric: row.metric_id,
            museum,
            from_year: parse_year(&row.from_year).map_err(error)?,
            to_year: parse_year(&row.to_year).map_err(error)?,
            stated_change_pct: parse_number(&row.stated_change_pct).map_err(error)?,
            wording: row.wording,
            source: row.source_id,
            note: row.note,
        });
    }
    Ok(changes)
}

fn read_revisions(
    data_dir: &Path,
    metric_by_id: &HashMap<String, u16>,
    museum_by_id: &HashMap<String, u16>,
) -> Result<Vec<Revision>, GenError> {
    let file = CsvFile::new(data_dir, "dcms_kpi/revisions.csv");
    let mut revisions = Vec::new();
    for (row_number, row) in file.read::<RevisionRow>()? {
        let error = |p: String| file.error(row_number, p);
        lookup(metric_by_id, &row.indicator_id)
            .ok_or_else(|| error(format!("unknown indicator_id '{}'", row.indicator_id)))?;
        lookup(museum_by_id, &row.museum_id)
            .ok_or_else(|| error(format!("unknown museum_id '{}'", row.museum_id)))?;
        revisions.push(Revision {
            year: parse_year(&row.year).map_err(error)?,
            value_2018_19_release: parse_number(&row.value_2018_19_release).map_err(error)?,
            value_2023_24_release: parse_number(&row.value_2023_24_release).map_err(error)?,
            museum: row.museum_id,
            metric: row.indicator_id,
            change: row.change,
        });
    }
    Ok(revisions)
}

/// Publisher, licence and attribution as the data READMEs state them.
fn dataset_infos() -> Vec<DatasetInfo> {
    vec![
        DatasetInfo {
            id: DatasetId::DcmsKpi,
            title: "DCMS-Sponsored Museums and Galleries Annual Performance Indicators, 2008/09 to 2023/24".into(),
            publisher: "Department for Culture, Media and Sport (DCMS)".into(),
            licence: "Open Government Licence v3.0".into(),
            attribution: "Contains public sector information licensed under the Open Government Licence v3.0. Source: DCMS, DCMS-Sponsored Museums and Galleries Annual Performance Indicators 2023/24 (published 17 July 2025).".into(),
        },
        DatasetInfo {
            id: DatasetId::Partnership,
            title: "DCMS Museum Partnership Reports 2017/18 to 2020/21, the NMDC 2009 study and museums' own published loan figures".into(),
            publisher: "DCMS; National Museum Directors' Council; individual museums".into(),
            licence: "Open Government Licence v3.0 for DCMS material; other figures are quoted, publisher's copyright".into(),
            attribution: "Contains public sector information licensed under the Open Government Licence v3.0 (DCMS figures). Other figures are quoted from the sources listed, each © its publisher.".into(),
        },
    ]
}

/// The exact text committed at [`OUTPUT_PATH`].
pub fn to_json(file: &DataFile) -> String {
    let mut json = serde_json::to_string(file).unwrap_or_default();
    json.push('\n');
    json
}
