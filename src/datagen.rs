//! Builds the embedded JSON from the curated CSVs in `data/` (host only).
//!
//! Every reference is resolved here, so a bad data file fails the build with the file, the
//! row (1 = header line) and the problem, instead of reaching a reader as a wrong figure.
//!
//! Shape: one reader per CSV (`read_museums`, `read_sources`, ..., `read_revisions`). The
//! readers of definitions register each key in one [`Lookup`] (key -> position in the output,
//! plus the file and row that defined it); the readers of references resolve keys through
//! `Row::require`, so a missing key names the referring file and row, and a duplicate key names
//! the row where the duplicate is and the row where the first one was.

use crate::core::model::{
    Aggregation, DataFile, DatasetId, DatasetInfo, EarlierRelease, FactColumns, FactDetail,
    FlagDef, Metric, Museum, Note, Qualifier, Revision, Source, StatedChange, Status, TotalCheck,
    Unit, FORMAT_VERSION, MAX_NOTES,
};
use crate::core::year::FinancialYear;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// The committed JSON, relative to the repository root.
pub const OUTPUT_PATH: &str = "data/explorer-data.json";

/// The DCMS release every `dcms_kpi` value comes from (see `data/dcms_kpi/README.md`).
const DCMS_RELEASE_SOURCE_ID: &str = "dcms-pi-2023-24-release";

/// The flag column is a `u32` bit set, the note column a `u64` one of which the browser
/// reads 53 bits exactly ([`MAX_NOTES`]).
const MAX_FLAGS: usize = 32;

/// Why the curated data cannot be turned into the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenError {
    /// The file at fault, as `data/<folder>/<name>.csv` (or the generator's own source).
    pub file: String,
    /// Line in the file, counting the header as 1; 0 when the problem is the whole file.
    pub row: usize,
    /// What is wrong, in a sentence that names the offending value.
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

/// A curated CSV, named by its path under `data/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CsvFile(&'static str);

const MUSEUMS: CsvFile = CsvFile("partnership/museums.csv");
const MUSEUMS_ADDED: CsvFile = CsvFile("dcms_kpi/museums_added.csv");
const SOURCES: CsvFile = CsvFile("partnership/sources.csv");
const FLAGS: CsvFile = CsvFile("dcms_kpi/flags.csv");
const NOTES: CsvFile = CsvFile("dcms_kpi/notes.csv");
const INDICATORS: CsvFile = CsvFile("dcms_kpi/indicators.csv");
const METRICS: CsvFile = CsvFile("partnership/metrics.csv");
const VALUES: CsvFile = CsvFile("dcms_kpi/values.csv");
const FACTS: CsvFile = CsvFile("partnership/facts.csv");
const TOTAL_CHECKS: CsvFile = CsvFile("dcms_kpi/totals_check.csv");
const STATED_CHANGES: CsvFile = CsvFile("partnership/stated_changes.csv");
const REVISIONS: CsvFile = CsvFile("dcms_kpi/revisions.csv");
const RELEASE_2018_19: CsvFile = CsvFile("dcms_kpi/release_2018_19_thirdparty.csv");

impl CsvFile {
    /// The name errors use, relative to the repository root.
    fn label(self) -> String {
        format!("data/{}", self.0)
    }

    fn error(self, line: usize, problem: impl Into<String>) -> GenError {
        GenError {
            file: self.label(),
            row: line,
            problem: problem.into(),
        }
    }

    /// Rows with where each one is (header = line 1).
    fn read<T: DeserializeOwned>(self, data_dir: &Path) -> Result<Vec<(Row, T)>, GenError> {
        let mut reader = csv::Reader::from_path(data_dir.join(self.0))
            .map_err(|e| self.error(0, e.to_string()))?;
        reader
            .deserialize()
            .enumerate()
            .map(|(i, record)| {
                let row = Row {
                    file: self,
                    line: i + 2,
                };
                record
                    .map(|r| (row, r))
                    .map_err(|e| row.error(e.to_string()))
            })
            .collect()
    }
}

/// One row of a CSV: where a value came from and where an error about it points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    file: CsvFile,
    /// Line in the file, counting the header as 1.
    line: usize,
}

impl Row {
    fn error(self, problem: impl Into<String>) -> GenError {
        self.file.error(self.line, problem)
    }

    /// Places a parse failure at this row.
    fn locate<T>(self, result: Result<T, String>) -> Result<T, GenError> {
        result.map_err(|problem| self.error(problem))
    }

    /// The position `key` was registered at in `index`, or an error naming this row, the
    /// `column` that holds the key and the files that define such keys.
    fn require(self, index: &KeyIndex, column: &str, key: &str) -> Result<u16, GenError> {
        index.get(key).ok_or_else(|| {
            self.error(format!(
                "unknown {column} '{key}' (not in {})",
                index.defined_in
            ))
        })
    }
}

impl fmt::Display for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, row {}", self.file.label(), self.line)
    }
}

/// Where a key was defined: a CSV row, or an entry built into the generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Csv(Row),
    /// What the built-in entry is, e.g. "the DCMS release source".
    BuiltIn(&'static str),
}

impl Origin {
    fn error(self, problem: impl Into<String>) -> GenError {
        match self {
            Origin::Csv(row) => row.error(problem),
            Origin::BuiltIn(what) => GenError {
                file: "src/datagen.rs".into(),
                row: 0,
                problem: format!("{what}: {}", problem.into()),
            },
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Csv(row) => write!(f, "at {row}"),
            Origin::BuiltIn(what) => write!(f, "as {what} built into src/datagen.rs"),
        }
    }
}

/// Keys of one kind (museum ids, flag codes, ...) mapped to their position in the output,
/// each with where it was defined so that a duplicate can name both places.
struct KeyIndex {
    /// What a key is, for duplicate errors ("museum id").
    kind: &'static str,
    /// Which files define these keys, for unknown-key errors.
    defined_in: &'static str,
    entries: HashMap<String, (u16, Origin)>,
}

impl KeyIndex {
    fn new(kind: &'static str, defined_in: &'static str) -> KeyIndex {
        KeyIndex {
            kind,
            defined_in,
            entries: HashMap::new(),
        }
    }

    fn get(&self, key: &str) -> Option<u16> {
        self.entries.get(key).map(|(position, _)| *position)
    }

    /// Registers `key` at `position`; a key seen before is an error naming both places.
    fn insert(&mut self, key: &str, position: usize, origin: Origin) -> Result<u16, GenError> {
        let position = u16::try_from(position)
            .map_err(|_| origin.error(format!("more than {} {}s", u16::MAX, self.kind)))?;
        match self.entries.entry(key.to_string()) {
            Entry::Occupied(first) => Err(duplicate_error(self.kind, key, first.get().1, origin)),
            Entry::Vacant(slot) => {
                slot.insert((position, origin));
                Ok(position)
            }
        }
    }
}

/// Points at the row that repeats `key` and names where it was already defined. A built-in
/// entry cannot be edited, so a clash with one points at the CSV row instead.
fn duplicate_error(kind: &str, key: &str, first: Origin, again: Origin) -> GenError {
    let (at, other) = match again {
        Origin::BuiltIn(_) => (first, again),
        Origin::Csv(_) => (again, first),
    };
    at.error(format!(
        "duplicate {kind} '{key}' (already defined {other})"
    ))
}

/// The one lookup context: every key the CSVs refer to, registered by the readers of the
/// files that define them, in the order the output lists them.
struct Lookup {
    museum_ids: KeyIndex,
    /// Display names, which is how `facts.csv` and `stated_changes.csv` name museums.
    museum_names: KeyIndex,
    metric_ids: KeyIndex,
    source_ids: KeyIndex,
    /// Flag code -> bit in the flag column.
    flag_bits: KeyIndex,
    /// Note id -> bit in the note column.
    note_bits: KeyIndex,
    /// Position of the built-in DCMS release source, which every DCMS value cites (set by
    /// `read_sources`).
    dcms_source: u16,
}

impl Lookup {
    fn new() -> Lookup {
        const MUSEUM_FILES: &str =
            "data/partnership/museums.csv or data/dcms_kpi/museums_added.csv";
        Lookup {
            museum_ids: KeyIndex::new("museum id", MUSEUM_FILES),
            museum_names: KeyIndex::new("museum name", MUSEUM_FILES),
            metric_ids: KeyIndex::new(
                "metric id",
                "data/dcms_kpi/indicators.csv or data/partnership/metrics.csv",
            ),
            source_ids: KeyIndex::new("source id", "data/partnership/sources.csv"),
            flag_bits: KeyIndex::new("flag", "data/dcms_kpi/flags.csv"),
            note_bits: KeyIndex::new("note id", "data/dcms_kpi/notes.csv"),
            dcms_source: 0,
        }
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

/// One value of the third-party copy of the 2018/19 release; museums are named as that copy
/// names them (display names in `museums.csv`).
#[derive(Deserialize)]
struct EarlierValueRow {
    museum: String,
    year: String,
    indicator_id: String,
    value: String,
}

/// One fact before sorting: the columns' values, its detail text and the row it came from.
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
    origin: Row,
}

impl PendingFact {
    /// What a museum may have only one fact for; also the order the fact table is sorted in.
    fn key(&self) -> (u16, u16, FinancialYear) {
        (self.metric, self.museum, self.year)
    }
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

/// `facts.csv` says whether a figure was published as such or derived by the curators.
fn parse_derived(status: &str) -> Result<bool, String> {
    match status {
        "published" => Ok(false),
        "derived" => Ok(true),
        other => Err(format!("unknown status '{other}'")),
    }
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

fn split_aliases(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect()
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

/// Position of `status` in [`Status::ALL`], the order `status_codes` is written in.
const fn status_code(status: Status) -> u8 {
    match status {
        Status::Reported => 0,
        Status::Nil => 1,
        Status::NoActivity => 2,
        Status::NotPublished => 3,
        Status::NotApplicable => 4,
    }
}

/// Position of `qualifier` in [`Qualifier::ALL`], the order `qualifier_codes` is written in.
const fn qualifier_code(qualifier: Qualifier) -> u8 {
    match qualifier {
        Qualifier::Exact => 0,
        Qualifier::AtLeast => 1,
        Qualifier::Approx => 2,
        Qualifier::Rounded => 3,
    }
}

// The two matches above must agree with the `ALL` orders; checked when compiling.
const _: () = {
    let mut i = 0;
    while i < Status::ALL.len() {
        assert!(status_code(Status::ALL[i]) as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < Qualifier::ALL.len() {
        assert!(qualifier_code(Qualifier::ALL[i]) as usize == i);
        i += 1;
    }
};

/// Reads every curated CSV under `data_dir` and returns the file the app embeds.
pub fn generate(data_dir: &Path) -> Result<DataFile, GenError> {
    let mut lookup = Lookup::new();
    let museums = read_museums(data_dir, &mut lookup)?;
    let sources = read_sources(data_dir, &mut lookup)?;
    let flags = read_flags(data_dir, &mut lookup)?;
    let notes = read_notes(data_dir, &mut lookup)?;
    let metrics = read_metrics(data_dir, &mut lookup)?;
    let mut pending = read_dcms_values(data_dir, &lookup)?;
    pending.extend(read_partnership_facts(data_dir, &lookup, &metrics)?);
    let pending = sorted_facts(pending, &museums, &metrics)?;
    let (facts, fact_details) = fact_columns(pending);
    Ok(DataFile {
        format_version: FORMAT_VERSION,
        datasets: dataset_infos(),
        status_codes: Status::ALL.iter().map(|s| s.code().to_string()).collect(),
        qualifier_codes: Qualifier::ALL
            .iter()
            .map(|q| q.code().to_string())
            .collect(),
        total_checks: read_total_checks(data_dir, &lookup)?,
        stated_changes: read_stated_changes(data_dir, &lookup, &museums)?,
        revisions: read_revisions(data_dir, &lookup)?,
        release_2018_19: read_release_2018_19(data_dir, &lookup, &museums, &metrics)?,
        museums,
        metrics,
        sources,
        notes,
        flags,
        facts,
        fact_details,
    })
}

/// `museums.csv`, then `museums_added.csv` (DCMS museums without partnership facts).
fn read_museums(data_dir: &Path, lookup: &mut Lookup) -> Result<Vec<Museum>, GenError> {
    let mut museums = Vec::new();
    let mut rows = Vec::new();
    for file in [MUSEUMS, MUSEUMS_ADDED] {
        for (row, csv_row) in file.read::<MuseumRow>(data_dir)? {
            let position = museums.len();
            let origin = Origin::Csv(row);
            lookup
                .museum_ids
                .insert(&csv_row.museum_id, position, origin)?;
            lookup
                .museum_names
                .insert(&csv_row.name, position, origin)?;
            museums.push(museum_from_row(csv_row));
            rows.push(row);
        }
    }
    check_museum_names_unambiguous(&museums, &rows)?;
    Ok(museums)
}

fn museum_from_row(row: MuseumRow) -> Museum {
    Museum {
        id: row.museum_id,
        name: row.name,
        short_name: row.short_name,
        nation: row.nation,
        sponsor: row.sponsor,
        kind: row.kind,
        aliases: split_aliases(&row.aliases),
        is_aggregate: row.is_aggregate == "yes",
        notes: row.notes,
    }
}

/// Old links find a museum by id, name, short name or alias, ignoring ASCII case
/// (`url_state::resolve_museum`), so no two museums may share any of these.
fn check_museum_names_unambiguous(museums: &[Museum], rows: &[Row]) -> Result<(), GenError> {
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (position, museum) in museums.iter().enumerate() {
        let names = [&museum.id, &museum.name, &museum.short_name]
            .into_iter()
            .chain(&museum.aliases);
        for name in names {
            let first = *owner.entry(name.to_ascii_lowercase()).or_insert(position);
            if first != position {
                return Err(rows[position].error(format!(
                    "museum '{}' is also called '{name}', like museum '{}' at {}; \
                     a link naming it would be ambiguous",
                    museum.id, museums[first].id, rows[first]
                )));
            }
        }
    }
    Ok(())
}

/// `sources.csv`, then the built-in DCMS release source every DCMS value cites.
fn read_sources(data_dir: &Path, lookup: &mut Lookup) -> Result<Vec<Source>, GenError> {
    let mut sources = Vec::new();
    for (row, csv_row) in SOURCES.read::<SourceRow>(data_dir)? {
        lookup
            .source_ids
            .insert(&csv_row.source_id, sources.len(), Origin::Csv(row))?;
        sources.push(Source {
            id: csv_row.source_id,
            title: csv_row.title,
            publisher: csv_row.publisher,
            published: csv_row.published,
            url: csv_row.url,
            licence: csv_row.licence,
            kind: csv_row.kind,
            note: csv_row.note,
        });
    }
    let built_in = Origin::BuiltIn("the DCMS release source");
    lookup.dcms_source =
        lookup
            .source_ids
            .insert(DCMS_RELEASE_SOURCE_ID, sources.len(), built_in)?;
    sources.push(dcms_release_source());
    Ok(sources)
}

fn dcms_release_source() -> Source {
    Source {
        id: DCMS_RELEASE_SOURCE_ID.into(),
        title: "DCMS-Sponsored Museums and Galleries Annual Performance Indicators 2023/24, data tables (Official Statistics)".into(),
        publisher: "Department for Culture, Media and Sport (DCMS)".into(),
        published: "2025-07-17".into(),
        url: "https://www.gov.uk/government/collections/museums-and-galleries-monthly-visits".into(),
        licence: "Open Government Licence v3.0".into(),
        kind: "official_statistics".into(),
        note: "Values as revised in the 2023/24 release; notes, flags and total checks from this project's curated copy (data/dcms_kpi/README.md).".into(),
    }
}

fn read_flags(data_dir: &Path, lookup: &mut Lookup) -> Result<Vec<FlagDef>, GenError> {
    let rows = FLAGS.read::<FlagRow>(data_dir)?;
    if rows.len() > MAX_FLAGS {
        return Err(FLAGS.error(0, "more than 32 flags do not fit the flag bit column"));
    }
    let mut flags = Vec::new();
    for (row, csv_row) in rows {
        lookup
            .flag_bits
            .insert(&csv_row.flag, flags.len(), Origin::Csv(row))?;
        flags.push(FlagDef {
            code: csv_row.flag,
            meaning: csv_row.meaning,
            raised_by: csv_row.raised_by,
            app_treatment: csv_row.app_treatment,
        });
    }
    Ok(flags)
}

fn read_notes(data_dir: &Path, lookup: &mut Lookup) -> Result<Vec<Note>, GenError> {
    let rows = NOTES.read::<NoteRow>(data_dir)?;
    if rows.len() > MAX_NOTES {
        return Err(NOTES.error(0, "more than 53 notes do not fit the note bit column (the browser reads numbers exactly only up to 2^53)"));
    }
    let mut notes = Vec::new();
    for (row, csv_row) in rows {
        let id = csv_row.note_id.to_string();
        lookup
            .note_bits
            .insert(&id, notes.len(), Origin::Csv(row))?;
        notes.push(Note {
            id: csv_row.note_id,
            text: csv_row.text,
        });
    }
    Ok(notes)
}

/// The DCMS indicators, then the partnership metrics, in one id space.
fn read_metrics(data_dir: &Path, lookup: &mut Lookup) -> Result<Vec<Metric>, GenError> {
    let mut metrics = Vec::new();
    for (row, csv_row) in INDICATORS.read::<IndicatorRow>(data_dir)? {
        let metric = indicator_metric(row, csv_row)?;
        register_metric(lookup, &mut metrics, row, metric)?;
    }
    for (row, csv_row) in METRICS.read::<MetricRow>(data_dir)? {
        let metric = partnership_metric(row, csv_row)?;
        register_metric(lookup, &mut metrics, row, metric)?;
    }
    Ok(metrics)
}

fn register_metric(
    lookup: &mut Lookup,
    metrics: &mut Vec<Metric>,
    row: Row,
    metric: Metric,
) -> Result<(), GenError> {
    lookup
        .metric_ids
        .insert(&metric.id, metrics.len(), Origin::Csv(row))?;
    metrics.push(metric);
    Ok(())
}

fn indicator_metric(row: Row, csv_row: IndicatorRow) -> Result<Metric, GenError> {
    let family = dcms_family(&csv_row.indicator_id).ok_or_else(|| {
        row.error(format!(
            "no picker group for indicator '{}'",
            csv_row.indicator_id
        ))
    })?;
    Ok(Metric {
        dataset: DatasetId::DcmsKpi,
        unit: row.locate(parse_unit(&csv_row.unit))?,
        aggregation: row.locate(parse_aggregation(&csv_row.aggregation))?,
        family: family.into(),
        id: csv_row.indicator_id,
        label: csv_row.label,
        definition: csv_row.definition,
        caveat: csv_row.caveat,
        table: Some(csv_row.table),
    })
}

fn partnership_metric(row: Row, csv_row: MetricRow) -> Result<Metric, GenError> {
    Ok(Metric {
        id: csv_row.metric_id,
        dataset: DatasetId::Partnership,
        label: csv_row.label,
        unit: row.locate(parse_unit(&csv_row.unit))?,
        family: csv_row.family.replace('_', " "),
        aggregation: row.locate(parse_aggregation(&csv_row.aggregation))?,
        definition: csv_row.definition,
        caveat: String::new(),
        table: None,
    })
}

fn read_dcms_values(data_dir: &Path, lookup: &Lookup) -> Result<Vec<PendingFact>, GenError> {
    VALUES
        .read::<ValueRow>(data_dir)?
        .into_iter()
        .map(|(row, csv_row)| dcms_value_fact(lookup, row, csv_row))
        .collect()
}

fn dcms_value_fact(lookup: &Lookup, row: Row, csv_row: ValueRow) -> Result<PendingFact, GenError> {
    let museum = row.require(&lookup.museum_ids, "museum_id", &csv_row.museum_id)?;
    let metric = row.require(&lookup.metric_ids, "indicator_id", &csv_row.indicator_id)?;
    let status = Status::from_code(&csv_row.status)
        .ok_or_else(|| row.error(format!("unknown status '{}'", csv_row.status)))?;
    let value = row.locate(parse_number(&csv_row.value))?;
    row.locate(check_value_status(value, status))?;
    Ok(PendingFact {
        museum,
        year: row.locate(parse_year(&csv_row.year))?,
        metric,
        value,
        status,
        // `read_flags` keeps every flag bit below 32, so the cast loses nothing.
        flags: bit_set(row, &lookup.flag_bits, "flag", &csv_row.flags)? as u32,
        notes: bit_set(row, &lookup.note_bits, "note id", &csv_row.note_ids)?,
        qualifier: Qualifier::Exact,
        source: lookup.dcms_source,
        detail: FactDetail {
            comment: csv_row.comment,
            ..FactDetail::default()
        },
        origin: row,
    })
}

/// The bits of the `|`-separated keys in `list` (flag codes or note ids).
fn bit_set(row: Row, bits: &KeyIndex, column: &str, list: &str) -> Result<u64, GenError> {
    let mut set = 0u64;
    for key in split_list(list) {
        set |= 1 << row.require(bits, column, key)?;
    }
    Ok(set)
}

fn read_partnership_facts(
    data_dir: &Path,
    lookup: &Lookup,
    metrics: &[Metric],
) -> Result<Vec<PendingFact>, GenError> {
    FACTS
        .read::<FactRow>(data_dir)?
        .into_iter()
        .map(|(row, csv_row)| partnership_fact(lookup, metrics, row, csv_row))
        .collect()
}

fn partnership_fact(
    lookup: &Lookup,
    metrics: &[Metric],
    row: Row,
    csv_row: FactRow,
) -> Result<PendingFact, GenError> {
    let museum = row.require(&lookup.museum_names, "museum", &csv_row.museum)?;
    let metric = row.require(&lookup.metric_ids, "metric_id", &csv_row.metric_id)?;
    if metrics[usize::from(metric)].dataset != DatasetId::Partnership {
        return Err(row.error(format!(
            "metric_id '{}' is a DCMS indicator, not a partnership metric (data/partnership/metrics.csv)",
            csv_row.metric_id
        )));
    }
    let value = row
        .locate(parse_number(&csv_row.value))?
        .ok_or_else(|| row.error("value is empty"))?;
    let qualifier = Qualifier::from_code(&csv_row.qualifier)
        .ok_or_else(|| row.error(format!("unknown qualifier '{}'", csv_row.qualifier)))?;
    Ok(PendingFact {
        museum,
        year: row.locate(parse_year(&csv_row.year))?,
        metric,
        value: Some(value),
        status: Status::Reported,
        flags: 0,
        notes: 0,
        qualifier,
        source: row.require(&lookup.source_ids, "source_id", &csv_row.source_id)?,
        detail: FactDetail {
            fact_id: csv_row.fact_id,
            edition: csv_row.edition,
            scope: csv_row.scope_museums,
            comment: csv_row.note,
            derived: row.locate(parse_derived(&csv_row.status))?,
            ..FactDetail::default()
        },
        origin: row,
    })
}

/// Sorts the facts into table order; two facts for one museum, metric and year are an error
/// at the later row, naming the earlier one.
fn sorted_facts(
    mut pending: Vec<PendingFact>,
    museums: &[Museum],
    metrics: &[Metric],
) -> Result<Vec<PendingFact>, GenError> {
    // Stable, so of two equal keys the one read first stays first.
    pending.sort_by_key(PendingFact::key);
    if let Some(pair) = pending.windows(2).find(|w| w[0].key() == w[1].key()) {
        let (first, again) = (&pair[0], &pair[1]);
        return Err(again.origin.error(format!(
            "two facts for {} / {} / {} (the first at {})",
            museums[usize::from(again.museum)].id,
            metrics[usize::from(again.metric)].id,
            again.year,
            first.origin
        )));
    }
    Ok(pending)
}

/// The sorted facts as the file's columns, plus the detail text of those that have some.
fn fact_columns(pending: Vec<PendingFact>) -> (FactColumns, Vec<FactDetail>) {
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
    (facts, fact_details)
}

fn read_total_checks(data_dir: &Path, lookup: &Lookup) -> Result<Vec<TotalCheck>, GenError> {
    let mut checks = Vec::new();
    for (row, csv_row) in TOTAL_CHECKS.read::<TotalCheckRow>(data_dir)? {
        row.require(&lookup.metric_ids, "indicator_id", &csv_row.indicator_id)?;
        checks.push(TotalCheck {
            year: row.locate(parse_year(&csv_row.year))?,
            metric: csv_row.indicator_id,
            tolerance: csv_row.tolerance,
            result: csv_row.result,
            explanation: csv_row.explanation,
        });
    }
    Ok(checks)
}

fn read_stated_changes(
    data_dir: &Path,
    lookup: &Lookup,
    museums: &[Museum],
) -> Result<Vec<StatedChange>, GenError> {
    let mut changes = Vec::new();
    for (row, csv_row) in STATED_CHANGES.read::<StatedChangeRow>(data_dir)? {
        row.require(&lookup.metric_ids, "metric_id", &csv_row.metric_id)?;
        row.require(&lookup.source_ids, "source_id", &csv_row.source_id)?;
        let museum = row.require(&lookup.museum_names, "museum", &csv_row.museum)?;
        changes.push(StatedChange {
            claim_id: csv_row.claim_id,
            metric: csv_row.metric_id,
            museum: museums[usize::from(museum)].id.clone(),
            from_year: row.locate(parse_year(&csv_row.from_year))?,
            to_year: row.locate(parse_year(&csv_row.to_year))?,
            stated_change_pct: row.locate(parse_number(&csv_row.stated_change_pct))?,
            wording: csv_row.wording,
            source: csv_row.source_id,
            note: csv_row.note,
        });
    }
    Ok(changes)
}

fn read_revisions(data_dir: &Path, lookup: &Lookup) -> Result<Vec<Revision>, GenError> {
    let mut revisions = Vec::new();
    for (row, csv_row) in REVISIONS.read::<RevisionRow>(data_dir)? {
        row.require(&lookup.metric_ids, "indicator_id", &csv_row.indicator_id)?;
        row.require(&lookup.museum_ids, "museum_id", &csv_row.museum_id)?;
        revisions.push(Revision {
            year: row.locate(parse_year(&csv_row.year))?,
            value_2018_19_release: row.locate(parse_number(&csv_row.value_2018_19_release))?,
            value_2023_24_release: row.locate(parse_number(&csv_row.value_2023_24_release))?,
            museum: csv_row.museum_id,
            metric: csv_row.indicator_id,
            change: csv_row.change,
        });
    }
    Ok(revisions)
}

/// The third-party copy of the 2018/19 release: every museum a museum (not a total row),
/// every indicator a DCMS one, each cell once, values numeric or empty.
fn read_release_2018_19(
    data_dir: &Path,
    lookup: &Lookup,
    museums: &[Museum],
    metrics: &[Metric],
) -> Result<EarlierRelease, GenError> {
    let mut seen: HashMap<(u16, u16, FinancialYear), Row> = HashMap::new();
    let mut values = Vec::new();
    for (row, csv_row) in RELEASE_2018_19.read::<EarlierValueRow>(data_dir)? {
        let museum = row.require(&lookup.museum_names, "museum", &csv_row.museum)?;
        let metric = row.require(&lookup.metric_ids, "indicator_id", &csv_row.indicator_id)?;
        if museums[usize::from(museum)].is_aggregate {
            return Err(row.error(format!(
                "'{}' is a published total row, not a museum",
                csv_row.museum
            )));
        }
        if metrics[usize::from(metric)].dataset != DatasetId::DcmsKpi {
            return Err(row.error(format!(
                "'{}' is not a DCMS indicator",
                csv_row.indicator_id
            )));
        }
        let year = row.locate(parse_year(&csv_row.year))?;
        let value = row.locate(parse_number(&csv_row.value))?;
        if let Some(first) = seen.insert((metric, museum, year), row) {
            return Err(row.error(format!(
                "duplicate cell {} {} {} (already at {first})",
                csv_row.museum, csv_row.year, csv_row.indicator_id
            )));
        }
        values.push((metric, museum, year, value));
    }
    values.sort_by_key(|(metric, museum, year, _)| (*metric, *museum, *year));
    let mut release = EarlierRelease::default();
    for (metric, museum, year, value) in values {
        release.metric.push(metric);
        release.museum.push(museum);
        release.year.push(year.0);
        release.value.push(value);
    }
    Ok(release)
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

/// The exact text committed at [`OUTPUT_PATH`], or why it could not be written.
pub fn to_json(file: &DataFile) -> Result<String, GenError> {
    let mut json = serde_json::to_string(file).map_err(|e| GenError {
        file: OUTPUT_PATH.into(),
        row: 0,
        problem: format!("cannot serialise the data file: {e}"),
    })?;
    json.push('\n');
    Ok(json)
}
