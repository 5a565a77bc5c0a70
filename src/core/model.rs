//! The embedded data: its JSON shape ([`DataFile`]) and the validated, indexed [`Dataset`]
//! the engine reads.
//!
//! Facts are stored column-wise (one vector per attribute, small integer keys), sorted by
//! metric, museum and year, so a metric's facts are one contiguous range and the engine
//! scans only that range.

use super::markers::{rule_for, FlagRole};
use super::metric_index::{self, MetricIndex};
use super::order::sort_small_by;
use super::year::FinancialYear;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// Bumped whenever the JSON shape changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;

/// Which publication series a metric comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetId {
    DcmsKpi,
    Partnership,
}

/// What a metric's figures count; also decides how a figure is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Visits,
    Instances,
    Venues,
    #[serde(rename = "GBP")]
    Gbp,
    /// 0 to 1.
    Proportion,
    Count,
    People,
    /// 0 to 100.
    Percent,
}

impl Unit {
    /// What a column of this unit counts, for captions, axis titles and downloads.
    pub fn words(self) -> &'static str {
        match self {
            Unit::Visits => "visits",
            Unit::Instances => "instances",
            Unit::Venues => "venues",
            Unit::Gbp => "pounds (nominal, not adjusted for inflation)",
            Unit::Proportion => "per cent of visitors",
            Unit::Count => "count",
            Unit::People => "people",
            Unit::Percent => "per cent",
        }
    }

    /// Money figures: printed with £, and nominal (never adjusted for inflation).
    pub fn is_money(self) -> bool {
        self == Unit::Gbp
    }
}

/// Whether museums' figures of a metric may be added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Adding museums gives a meaningful total.
    Sum,
    /// Never add (proportions, counts of museums, already-national totals).
    None,
}

/// Why a cell has (or lacks) a number. Stored in the JSON as its index in [`Status::ALL`];
/// ordered as in [`Status::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Reported,
    /// A real zero ("Nil").
    Nil,
    NoActivity,
    NotPublished,
    NotApplicable,
}

impl Status {
    /// Every status, in stored order (the JSON stores the index).
    pub const ALL: [Status; 5] = [
        Status::Reported,
        Status::Nil,
        Status::NoActivity,
        Status::NotPublished,
        Status::NotApplicable,
    ];

    /// The code in the JSON's `status_codes`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Nil => "nil",
            Status::NoActivity => "no_activity",
            Status::NotPublished => "not_published",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The status with this code, if any.
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Only reported and nil cells carry a number.
    pub fn has_value(self) -> bool {
        matches!(self, Status::Reported | Status::Nil)
    }

    /// The words a table cell or download shows for this status ("not published").
    pub fn words(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Nil => "nil",
            Status::NoActivity => "no activity",
            Status::NotPublished => "not published",
            Status::NotApplicable => "not applicable",
        }
    }

    /// The legend's explanation of a cell without a number; `None` for cells with one.
    pub fn explanation(self) -> Option<&'static str> {
        match self {
            Status::Reported | Status::Nil => None,
            Status::NotPublished => Some("not published: the publisher printed no figure (DCMS 'x' or 'N/A')."),
            Status::NotApplicable => Some("not applicable: the figure cannot exist, e.g. the museum was not DCMS-sponsored that year or reports inside another group."),
            Status::NoActivity => Some("no activity: the museum had no such activity that year, but no number was printed."),
        }
    }
}

/// How a published figure was worded. Stored as its index in [`Qualifier::ALL`]; ordered
/// as in [`Qualifier::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    Exact,
    /// "at least", "over", "more than".
    AtLeast,
    /// "around", "nearly".
    Approx,
    /// Stated in rounded form ("10.5 million").
    Rounded,
}

impl Qualifier {
    /// Every qualifier, in stored order (the JSON stores the index).
    pub const ALL: [Qualifier; 4] = [
        Qualifier::Exact,
        Qualifier::AtLeast,
        Qualifier::Approx,
        Qualifier::Rounded,
    ];

    /// The code in the JSON's `qualifier_codes` (empty for exact).
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::AtLeast => "at_least",
            Qualifier::Approx => "approx",
            Qualifier::Rounded => "rounded",
        }
    }

    /// The qualifier with this code, if any.
    pub fn from_code(code: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.code() == code)
    }

    /// The qualifier in words, as downloads give it ("at least"; empty for exact figures).
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::AtLeast => "at least",
            Qualifier::Approx => "approx.",
            Qualifier::Rounded => "rounded",
        }
    }

    /// A printed figure with its qualifier, as the table shows it: "at least 900",
    /// "approx. 80%", "10,500,000 (rounded)".
    pub fn apply_to(self, figure: String) -> String {
        match self {
            Qualifier::Exact => figure,
            Qualifier::AtLeast | Qualifier::Approx => format!("{} {figure}", self.words()),
            Qualifier::Rounded => format!("{figure} ({})", self.words()),
        }
    }

    /// What the qualifier means, for the legend; `None` for exact figures.
    pub fn explanation(self) -> Option<&'static str> {
        match self {
            Qualifier::Exact => None,
            Qualifier::AtLeast => Some("at least: the source says \"at least\", \"over\" or \"more than\"; the true figure may be higher."),
            Qualifier::Approx => Some("approx.: the source says \"around\" or \"nearly\"."),
            Qualifier::Rounded => Some("(rounded): the source states the figure in rounded form, e.g. \"10.5 million\"."),
        }
    }
}

/// A publication series and the attribution its publisher asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetInfo {
    pub id: DatasetId,
    pub title: String,
    pub publisher: String,
    pub licence: String,
    /// The attribution the publisher asks for, shown with every view of this dataset.
    pub attribution: String,
}

/// A museum, museum group, or a published aggregate row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Museum {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub nation: String,
    pub sponsor: String,
    pub kind: String,
    pub aliases: Vec<String>,
    /// A published total row (not a museum): never selectable, never added.
    pub is_aggregate: bool,
    pub notes: String,
}

/// One indicator or partnership measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub id: String,
    pub dataset: DatasetId,
    pub label: String,
    pub unit: Unit,
    /// Grouping in the metric picker (partnership family, or the DCMS topic).
    pub family: String,
    pub aggregation: Aggregation,
    pub definition: String,
    pub caveat: String,
    /// DCMS table number, for the DCMS indicators.
    pub table: Option<u8>,
}

/// A publication figures are quoted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or empty when not known.
    pub published: String,
    pub url: String,
    pub licence: String,
    pub kind: String,
    pub note: String,
}

/// A numbered DCMS note attached to some facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: u8,
    pub text: String,
}

/// A caveat code as the data describes it; see `FLAG_TABLE` for what the app does with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagDef {
    pub code: String,
    pub meaning: String,
    pub raised_by: String,
    pub app_treatment: String,
}

/// The fact table, column-wise. Row `i` of every column is fact `i`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactColumns {
    /// Index into `museums`.
    pub museum: Vec<u16>,
    /// Start year of the financial year (2019 = 2019/20).
    pub year: Vec<u16>,
    /// Index into `metrics`.
    pub metric: Vec<u16>,
    /// `null` unless the status is reported or nil.
    pub value: Vec<Option<f64>>,
    /// Index into `status_codes`.
    pub status: Vec<u8>,
    /// Bit `i` set = `flags[i]` applies.
    pub flags: Vec<u32>,
    /// Bit `i` set = `notes[i]` applies.
    pub notes: Vec<u64>,
    /// Index into `qualifier_codes`.
    pub qualifier: Vec<u8>,
    /// Index into `sources`.
    pub source: Vec<u16>,
}

impl FactColumns {
    /// Number of facts.
    pub fn len(&self) -> usize {
        self.museum.len()
    }

    /// No facts at all.
    pub fn is_empty(&self) -> bool {
        self.museum.is_empty()
    }
}

/// Text that belongs to a few facts only, kept out of the columns.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactDetail {
    /// Index of the fact this describes.
    pub fact: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fact_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition: String,
    /// Which museums a sector figure covers ("22 national museums").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// Caveat or detail (old value, published vs summed total, derivation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
}

/// DCMS's published total for one indicator and year, as checked by the data curators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalCheck {
    pub metric: String,
    pub year: FinancialYear,
    /// Differences up to this size are rounding (totals rounded to thousands).
    pub tolerance: f64,
    pub result: CheckResult,
    pub explanation: String,
}

/// What the data curators found when they added up the museum rows of a published total.
/// Read and written as `match`, `rounding`, `known_cause`, `unexplained`; any other value
/// is a load error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    /// The published total is the sum of the museum rows.
    Match,
    /// It differs by no more than the published total's rounding.
    Rounding,
    /// It differs, and the curators found why.
    KnownCause,
    /// It differs, and the curators found no cause.
    Unexplained,
}

impl CheckResult {
    /// A real difference, so the curators' explanation is worth showing.
    pub fn is_difference(self) -> bool {
        matches!(self, CheckResult::KnownCause | CheckResult::Unexplained)
    }
}

/// A change a publication states in words, recomputed on the headlines page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatedChange {
    pub claim_id: String,
    pub metric: String,
    pub museum: String,
    pub from_year: FinancialYear,
    pub to_year: FinancialYear,
    pub stated_change_pct: Option<f64>,
    pub wording: String,
    pub source: String,
    pub note: String,
}

/// A figure DCMS changed between the 2018/19 and 2023/24 releases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    pub museum: String,
    pub year: FinancialYear,
    pub metric: String,
    pub value_2018_19_release: Option<f64>,
    pub value_2023_24_release: Option<f64>,
    pub change: String,
}

/// The embedded JSON file, exactly as serialised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    pub format_version: u32,
    pub datasets: Vec<DatasetInfo>,
    pub status_codes: Vec<String>,
    pub qualifier_codes: Vec<String>,
    pub museums: Vec<Museum>,
    pub metrics: Vec<Metric>,
    pub sources: Vec<Source>,
    pub notes: Vec<Note>,
    pub flags: Vec<FlagDef>,
    pub facts: FactColumns,
    pub fact_details: Vec<FactDetail>,
    pub total_checks: Vec<TotalCheck>,
    pub stated_changes: Vec<StatedChange>,
    pub revisions: Vec<Revision>,
    /// The DCMS 2018/19 release as re-keyed by a third party, for the revisions page. Absent
    /// from files written before it was added, which read as an empty table.
    #[serde(default)]
    pub release_2018_19: EarlierRelease,
}

/// The values of an earlier DCMS release, column-wise like [`FactColumns`]: museum and metric
/// are indexes into `museums` and `metrics`, sorted by metric, museum and year; `value` is
/// `null` where that release printed no number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EarlierRelease {
    pub museum: Vec<u16>,
    pub metric: Vec<u16>,
    /// Start year of the financial year (2018 = 2018/19).
    pub year: Vec<u16>,
    pub value: Vec<Option<f64>>,
}

/// One value of an earlier release, read back from its columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EarlierValue {
    pub museum: u16,
    pub metric: u16,
    pub year: FinancialYear,
    pub value: Option<f64>,
}

impl EarlierRelease {
    /// Number of values.
    pub fn len(&self) -> usize {
        self.museum.len()
    }

    /// No values at all (a file written before the table existed).
    pub fn is_empty(&self) -> bool {
        self.museum.is_empty()
    }

    /// Value `index`, read back from the columns.
    pub fn get(&self, index: usize) -> EarlierValue {
        EarlierValue {
            museum: self.museum[index],
            metric: self.metric[index],
            year: FinancialYear(self.year[index]),
            value: self.value[index],
        }
    }

    /// Every value, in stored order.
    pub fn values(&self) -> impl Iterator<Item = EarlierValue> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Why the embedded data could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the embedded data is invalid: {}", self.0)
    }
}

impl std::error::Error for DataError {}

/// One fact, read back from the columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    pub index: usize,
    pub museum: u16,
    pub year: FinancialYear,
    pub metric: u16,
    pub value: Option<f64>,
    pub status: Status,
    pub flags: u32,
    pub notes: u64,
    pub qualifier: Qualifier,
    pub source: u16,
}

/// Flag bits the engine acts on, looked up by code once at load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KnownFlags {
    /// A series break before this year (any of the break codes).
    pub series_break: u32,
    /// Earlier points of a series that is not comparable with later ones.
    pub not_comparable: u32,
    pub covid_caution: u32,
    /// Left out of recomputed totals by default (evident copying error).
    pub suspect_duplicate: u32,
}

impl KnownFlags {
    /// The bits of the file's flags (bit `i` = `flags[i]`), grouped by the role
    /// [`FLAG_TABLE`](super::markers::FLAG_TABLE) gives each code. Codes the table does
    /// not know have no role.
    pub fn from_flags(flags: &[FlagDef]) -> KnownFlags {
        let mut known = KnownFlags::default();
        for (bit, flag) in flags.iter().enumerate() {
            if let Some(role) = rule_for(&flag.code).and_then(|rule| rule.role) {
                *known.mask_mut(role) |= 1 << bit;
            }
        }
        known
    }

    /// The bits of every flag with this role.
    pub fn mask(&self, role: FlagRole) -> u32 {
        match role {
            FlagRole::SeriesBreak => self.series_break,
            FlagRole::NotComparable => self.not_comparable,
            FlagRole::CovidCaution => self.covid_caution,
            FlagRole::SuspectDuplicate => self.suspect_duplicate,
        }
    }

    fn mask_mut(&mut self, role: FlagRole) -> &mut u32 {
        match role {
            FlagRole::SeriesBreak => &mut self.series_break,
            FlagRole::NotComparable => &mut self.not_comparable,
            FlagRole::CovidCaution => &mut self.covid_caution,
            FlagRole::SuspectDuplicate => &mut self.suspect_duplicate,
        }
    }
}

/// The validated data with its lookup indexes.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub file: DataFile,
    pub known_flags: KnownFlags,
    /// Per metric: its facts, years, museum runs and museums with figures (built at load).
    metric_indexes: Vec<MetricIndex>,
    museum_index: HashMap<String, u16>,
    metric_index: HashMap<String, u16>,
}

fn index_by_id<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, u16>, DataError> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        let i = u16::try_from(i).map_err(|_| DataError(format!("too many {what}")))?;
        if index.insert(id.to_string(), i).is_some() {
            return Err(DataError(format!("duplicate {what} id '{id}'")));
        }
    }
    Ok(index)
}

impl Dataset {
    /// Parses and validates the embedded JSON. Never panics on bad input.
    pub fn from_json(json: &str) -> Result<Dataset, DataError> {
        let file: DataFile = super::json::parse(json).map_err(DataError)?;
        Dataset::from_file(file)
    }

    /// Validates a parsed file and builds its indexes.
    /// The free text the app shows is rewritten for readers here, once
    /// ([`for_reader`](super::plain::for_reader)); the data files keep the curators' text.
    pub fn from_file(file: DataFile) -> Result<Dataset, DataError> {
        validate_header(&file)?;
        let file = super::plain::for_reader(file);
        let museum_index = index_by_id("museum", file.museums.iter().map(|m| m.id.as_str()))?;
        let metric_index = index_by_id("metric", file.metrics.iter().map(|m| m.id.as_str()))?;
        let source_index = index_by_id("source", file.sources.iter().map(|s| s.id.as_str()))?;
        // Only for its duplicate check: a repeated code would make a flag's bit ambiguous.
        index_by_id("flag", file.flags.iter().map(|f| f.code.as_str()))?;
        let metric_ranges = validate_facts(&file)?;
        validate_side_tables(&file, &museum_index, &metric_index, &source_index)?;
        validate_earlier_release(&file)?;
        Ok(Dataset {
            known_flags: KnownFlags::from_flags(&file.flags),
            metric_indexes: metric_index::build(&file, &metric_ranges),
            file,
            museum_index,
            metric_index,
        })
    }

    /// Every museum and aggregate row, in stored order.
    pub fn museums(&self) -> &[Museum] {
        &self.file.museums
    }

    /// Every metric, in stored order.
    pub fn metrics(&self) -> &[Metric] {
        &self.file.metrics
    }

    /// The museum at a fact's museum index.
    pub fn museum(&self, index: u16) -> &Museum {
        &self.file.museums[usize::from(index)]
    }

    /// The metric at a fact's metric index.
    pub fn metric(&self, index: u16) -> &Metric {
        &self.file.metrics[usize::from(index)]
    }

    /// The source at a fact's source index.
    pub fn source(&self, index: u16) -> &Source {
        &self.file.sources[usize::from(index)]
    }

    /// Sorts museum indexes by museum name, the order every list shows them in.
    pub fn sort_by_name(&self, museums: &mut [u16]) {
        sort_small_by(museums, |a, b| {
            self.museum(*a).name.cmp(&self.museum(*b).name)
        });
    }

    /// The index of the museum with this id.
    pub fn museum_by_id(&self, id: &str) -> Option<u16> {
        self.museum_index.get(id).copied()
    }

    /// The index of the metric with this id.
    pub fn metric_by_id(&self, id: &str) -> Option<u16> {
        self.metric_index.get(id).copied()
    }

    /// The description of a publication series.
    pub fn dataset_info(&self, id: DatasetId) -> Option<&DatasetInfo> {
        self.file.datasets.iter().find(|d| d.id == id)
    }

    /// Fact `index`, read back from the columns.
    pub fn fact(&self, index: usize) -> Fact {
        let facts = &self.file.facts;
        Fact {
            index,
            museum: facts.museum[index],
            year: FinancialYear(facts.year[index]),
            metric: facts.metric[index],
            value: facts.value[index],
            status: Status::ALL[usize::from(facts.status[index])],
            flags: facts.flags[index],
            notes: facts.notes[index],
            qualifier: Qualifier::ALL[usize::from(facts.qualifier[index])],
            source: facts.source[index],
        }
    }

    /// All facts of one metric, in museum then year order.
    pub fn facts_of_metric(&self, metric: u16) -> impl Iterator<Item = Fact> + '_ {
        self.metric_index(metric)
            .facts
            .clone()
            .map(|i| self.fact(i))
    }

    /// One museum's facts of one metric, in year order (found, not scanned for).
    pub fn facts_of(&self, metric: u16, museum: u16) -> impl Iterator<Item = Fact> + '_ {
        self.metric_index(metric)
            .run_of(museum)
            .map(|i| self.fact(i))
    }

    /// One museum's facts of one metric from `from` to `to` (inclusive), in year order,
    /// found by binary search within the museum's run.
    pub fn facts_between(
        &self,
        metric: u16,
        museum: u16,
        from: FinancialYear,
        to: FinancialYear,
    ) -> impl Iterator<Item = Fact> + '_ {
        self.run_between(metric, museum, from, to)
            .map(|i| self.fact(i))
    }

    /// Where [`Self::facts_between`]'s facts lie in the fact columns: the engine reads a
    /// column over this range when it needs one attribute, not whole facts.
    pub fn run_between(
        &self,
        metric: u16,
        museum: u16,
        from: FinancialYear,
        to: FinancialYear,
    ) -> Range<usize> {
        let run = self.metric_index(metric).run_of(museum);
        let years = &self.file.facts.year[run.clone()];
        let start = run.start + years.partition_point(|&y| y < from.0);
        let end = run.start + years.partition_point(|&y| y <= to.0);
        start..end.max(start)
    }

    /// Whether any fact in `facts` can carry a figure (is not "not applicable").
    pub fn any_applicable(&self, facts: Range<usize>) -> bool {
        self.file.facts.status[facts]
            .iter()
            .any(|&code| Status::ALL.get(usize::from(code)) != Some(&Status::NotApplicable))
    }

    /// What the engine knows about a metric without looking at its cells.
    pub fn metric_index(&self, metric: u16) -> &MetricIndex {
        &self.metric_indexes[usize::from(metric)]
    }

    /// The fact for one museum, metric and year, if the data has one.
    pub fn find_fact(&self, metric: u16, museum: u16, year: FinancialYear) -> Option<Fact> {
        let run = self.metric_index(metric).run_of(museum);
        let years = &self.file.facts.year[run.clone()];
        let offset = years.binary_search(&year.0).ok()?;
        Some(self.fact(run.start + offset))
    }

    /// The extra text of a fact, if it has any.
    pub fn detail(&self, fact: usize) -> Option<&FactDetail> {
        let details = &self.file.fact_details;
        details
            .binary_search_by_key(&fact, |d| d.fact as usize)
            .ok()
            .map(|i| &details[i])
    }

    /// Which museums a figure covers ("22 national museums"), when the source says; `None`
    /// for a fact without that detail.
    pub fn scope(&self, fact: usize) -> Option<&str> {
        self.detail(fact)
            .map(|detail| detail.scope.as_str())
            .filter(|scope| !scope.is_empty())
    }

    /// The flags whose bits are set in `mask`, in bit order.
    pub fn flags_in(&self, mask: u32) -> impl Iterator<Item = &FlagDef> + '_ {
        self.file
            .flags
            .iter()
            .enumerate()
            .filter(move |(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, flag)| flag)
    }

    /// The notes whose bits are set in `mask`, in bit order.
    pub fn notes_in(&self, mask: u64) -> impl Iterator<Item = &Note> + '_ {
        self.file
            .notes
            .iter()
            .enumerate()
            .filter(move |(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, note)| note)
    }

    /// The curators' check of a published total, if they made one.
    pub fn total_check(&self, metric: &str, year: FinancialYear) -> Option<&TotalCheck> {
        self.file
            .total_checks
            .iter()
            .find(|check| check.metric == metric && check.year == year)
    }
}

/// How many notes `facts.notes` can carry: 53, not 64, because the browser reads the data
/// with `JSON.parse`, whose numbers are exact only up to 2^53 ([`super::json`]).
pub const MAX_NOTES: usize = 53;

/// The format version, the status and qualifier code lists, and the bit-column widths.
fn validate_header(file: &DataFile) -> Result<(), DataError> {
    if file.format_version != FORMAT_VERSION {
        return Err(DataError(format!(
            "format_version {} (this app reads {FORMAT_VERSION})",
            file.format_version
        )));
    }
    let expected_status: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    if file.status_codes != expected_status {
        return Err(DataError("status_codes do not match this app".into()));
    }
    let expected_qualifiers: Vec<&str> = Qualifier::ALL.iter().map(|q| q.code()).collect();
    if file.qualifier_codes != expected_qualifiers {
        return Err(DataError("qualifier_codes do not match this app".into()));
    }
    if file.flags.len() > 32 || file.notes.len() > MAX_NOTES {
        return Err(DataError(
            "more flags or notes than the bit columns hold".into(),
        ));
    }
    Ok(())
}

/// Checks every fact and its details; returns each metric's range of facts.
fn validate_facts(file: &DataFile) -> Result<Vec<Range<usize>>, DataError> {
    let facts = &file.facts;
    check_column_lengths(facts)?;
    let mut metric_ranges = vec![0..0; file.metrics.len()];
    let mut previous: Option<(u16, u16, u16)> = None;
    for i in 0..facts.len() {
        check_fact(file, i)?;
        let metric = facts.metric[i];
        let key = (metric, facts.museum[i], facts.year[i]);
        if previous.is_some_and(|p| p >= key) {
            return Err(DataError(format!(
                "fact {i}: facts not sorted by metric, museum, year, or a duplicate key"
            )));
        }
        previous = Some(key);
        let range = &mut metric_ranges[usize::from(metric)];
        if range.start == range.end {
            *range = i..i + 1;
        } else {
            range.end = i + 1;
        }
    }
    check_fact_details(file)?;
    Ok(metric_ranges)
}

fn check_column_lengths(facts: &FactColumns) -> Result<(), DataError> {
    let n = facts.len();
    let lengths = [
        facts.year.len(),
        facts.metric.len(),
        facts.value.len(),
        facts.status.len(),
        facts.flags.len(),
        facts.notes.len(),
        facts.qualifier.len(),
        facts.source.len(),
    ];
    if lengths.iter().any(|&len| len != n) {
        return Err(DataError("fact columns have different lengths".into()));
    }
    Ok(())
}

/// Fact `i` on its own: every index in range, and a value exactly when its status has one.
fn check_fact(file: &DataFile, i: usize) -> Result<(), DataError> {
    let facts = &file.facts;
    let problem = |what: &str| DataError(format!("fact {i}: {what}"));
    if usize::from(facts.museum[i]) >= file.museums.len() {
        return Err(problem("unknown museum"));
    }
    if usize::from(facts.metric[i]) >= file.metrics.len() {
        return Err(problem("unknown metric"));
    }
    if usize::from(facts.source[i]) >= file.sources.len() {
        return Err(problem("unknown source"));
    }
    let status = Status::ALL
        .get(usize::from(facts.status[i]))
        .ok_or_else(|| problem("unknown status"))?;
    if usize::from(facts.qualifier[i]) >= Qualifier::ALL.len() {
        return Err(problem("unknown qualifier"));
    }
    let flag_limit = 1u64 << file.flags.len();
    let note_limit = 1u128 << file.notes.len();
    if u64::from(facts.flags[i]) >= flag_limit || u128::from(facts.notes[i]) >= note_limit {
        return Err(problem("unknown flag or note bit"));
    }
    match facts.value[i] {
        Some(v) if !v.is_finite() => Err(problem("value is not a finite number")),
        Some(_) if !status.has_value() => Err(problem("value with a no-value status")),
        None if status.has_value() => Err(problem("missing value for a reported cell")),
        _ => Ok(()),
    }
}

/// Details point at existing facts, in fact order (they are binary-searched).
fn check_fact_details(file: &DataFile) -> Result<(), DataError> {
    let mut last = 0;
    for detail in &file.fact_details {
        let fact = detail.fact as usize;
        if fact >= file.facts.len() || (fact < last) {
            return Err(DataError(format!(
                "fact_details: fact {fact} is out of range or out of order"
            )));
        }
        last = fact + 1;
    }
    Ok(())
}

fn validate_side_tables(
    file: &DataFile,
    museums: &HashMap<String, u16>,
    metrics: &HashMap<String, u16>,
    sources: &HashMap<String, u16>,
) -> Result<(), DataError> {
    let require = |table: &str, kind: &str, index: &HashMap<String, u16>, id: &str| {
        if index.contains_key(id) {
            Ok(())
        } else {
            Err(DataError(format!("{table}: unknown {kind} '{id}'")))
        }
    };
    for check in &file.total_checks {
        require("total_checks", "metric", metrics, &check.metric)?;
    }
    for change in &file.stated_changes {
        require("stated_changes", "metric", metrics, &change.metric)?;
        require("stated_changes", "museum", museums, &change.museum)?;
        require("stated_changes", "source", sources, &change.source)?;
    }
    for revision in &file.revisions {
        require("revisions", "metric", metrics, &revision.metric)?;
        require("revisions", "museum", museums, &revision.museum)?;
    }
    Ok(())
}

/// The earlier release's columns: equal lengths, every index in range, finite values, and
/// strictly sorted by metric, museum and year (so no cell appears twice).
fn validate_earlier_release(file: &DataFile) -> Result<(), DataError> {
    let release = &file.release_2018_19;
    let n = release.len();
    if [
        release.metric.len(),
        release.year.len(),
        release.value.len(),
    ] != [n, n, n]
    {
        return Err(DataError(
            "release_2018_19: columns have different lengths".into(),
        ));
    }
    let mut previous: Option<(u16, u16, u16)> = None;
    for i in 0..n {
        let problem = |what: &str| DataError(format!("release_2018_19: value {i}: {what}"));
        let value = release.get(i);
        if usize::from(value.museum) >= file.museums.len() {
            return Err(problem("unknown museum"));
        }
        if usize::from(value.metric) >= file.metrics.len() {
            return Err(problem("unknown metric"));
        }
        if value.value.is_some_and(|v| !v.is_finite()) {
            return Err(problem("value is not a finite number"));
        }
        let key = (value.metric, value.museum, value.year.0);
        if previous.is_some_and(|p| p >= key) {
            return Err(problem(
                "not sorted by metric, museum, year, or a duplicate",
            ));
        }
        previous = Some(key);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::EMBEDDED_JSON;

    fn embedded_file() -> DataFile {
        serde_json::from_str(EMBEDDED_JSON).unwrap()
    }

    fn load_error(file: DataFile) -> String {
        Dataset::from_file(file).unwrap_err().0
    }

    #[test]
    fn statuses_have_words_and_explain_only_missing_numbers() {
        assert_eq!(Status::NoActivity.words(), "no activity");
        assert_eq!(Status::NotApplicable.words(), "not applicable");
        for status in Status::ALL {
            assert_eq!(status.explanation().is_none(), status.has_value());
            if let Some(text) = status.explanation() {
                assert!(text.starts_with(&format!("{}: ", status.words())), "{text}");
            }
        }
    }

    #[test]
    fn qualifiers_word_a_figure_and_its_download() {
        assert_eq!(Qualifier::AtLeast.apply_to("900".into()), "at least 900");
        assert_eq!(Qualifier::Approx.apply_to("80%".into()), "approx. 80%");
        assert_eq!(
            Qualifier::Rounded.apply_to("10,500,000".into()),
            "10,500,000 (rounded)"
        );
        assert_eq!(Qualifier::Exact.apply_to("66".into()), "66");
        assert_eq!(Qualifier::Rounded.words(), "rounded");
        assert_eq!(Qualifier::Exact.words(), "");
        assert_eq!(Qualifier::Exact.explanation(), None);
        assert!(Qualifier::Approx
            .explanation()
            .unwrap()
            .starts_with("approx.: "));
        // Sets of qualifiers list them in stored order.
        assert!(Qualifier::AtLeast < Qualifier::Approx && Qualifier::Approx < Qualifier::Rounded);
    }

    #[test]
    fn units_say_what_they_count() {
        assert_eq!(
            Unit::Gbp.words(),
            "pounds (nominal, not adjusted for inflation)"
        );
        assert_eq!(Unit::Proportion.words(), "per cent of visitors");
        assert!(Unit::Gbp.is_money());
        assert!(!Unit::Visits.is_money());
    }

    #[test]
    fn the_embedded_file_validates() {
        assert!(Dataset::from_file(embedded_file()).is_ok());
    }

    #[test]
    fn header_mismatches_are_load_errors() {
        let mut file = embedded_file();
        file.format_version += 1;
        assert!(load_error(file).starts_with("format_version"));
        let mut file = embedded_file();
        file.status_codes.reverse();
        assert_eq!(load_error(file), "status_codes do not match this app");
        let mut file = embedded_file();
        file.flags.push(file.flags[0].clone());
        assert_eq!(load_error(file), "duplicate flag id 'published_total'");
    }

    #[test]
    fn broken_facts_are_load_errors() {
        let mut file = embedded_file();
        file.facts.source.pop();
        assert_eq!(load_error(file), "fact columns have different lengths");

        let mut file = embedded_file();
        file.facts.museum[3] = u16::MAX;
        assert_eq!(load_error(file), "fact 3: unknown museum");

        let mut file = embedded_file();
        let reported = file.facts.value.iter().position(Option::is_some).unwrap();
        file.facts.value[reported] = Some(f64::NAN);
        assert_eq!(
            load_error(file),
            format!("fact {reported}: value is not a finite number")
        );

        let mut file = embedded_file();
        let without = file.facts.value.iter().position(Option::is_none).unwrap();
        file.facts.value[without] = Some(1.0);
        assert_eq!(
            load_error(file),
            format!("fact {without}: value with a no-value status")
        );

        let mut file = embedded_file();
        file.facts.year.swap(0, 1);
        assert_eq!(
            load_error(file),
            "fact 1: facts not sorted by metric, museum, year, or a duplicate key"
        );

        let mut file = embedded_file();
        file.fact_details.swap(0, 1);
        assert!(load_error(file).starts_with("fact_details: fact"));
    }

    #[test]
    fn broken_earlier_release_is_a_load_error() {
        let mut file = embedded_file();
        assert!(!file.release_2018_19.is_empty());
        file.release_2018_19.value.pop();
        assert_eq!(
            load_error(file),
            "release_2018_19: columns have different lengths"
        );

        let mut file = embedded_file();
        file.release_2018_19.metric[2] = u16::MAX;
        assert_eq!(load_error(file), "release_2018_19: value 2: unknown metric");

        let mut file = embedded_file();
        file.release_2018_19.museum[0] = u16::MAX;
        assert_eq!(load_error(file), "release_2018_19: value 0: unknown museum");

        let mut file = embedded_file();
        let last = file.release_2018_19.len() - 1;
        file.release_2018_19.value[last] = Some(f64::INFINITY);
        assert_eq!(
            load_error(file),
            format!("release_2018_19: value {last}: value is not a finite number")
        );

        let mut file = embedded_file();
        file.release_2018_19.year[1] = file.release_2018_19.year[0];
        assert_eq!(
            load_error(file),
            "release_2018_19: value 1: not sorted by metric, museum, year, or a duplicate"
        );
    }

    #[test]
    fn at_most_53_notes_so_the_browser_reads_every_note_bit_exactly() {
        let mut file = embedded_file();
        file.notes = (0..MAX_NOTES as u8)
            .map(|id| Note {
                id,
                text: format!("note {id}"),
            })
            .collect();
        assert!(validate_header(&file).is_ok());
        file.notes.push(Note {
            id: 53,
            text: "one too many".into(),
        });
        assert_eq!(
            load_error(file),
            "more flags or notes than the bit columns hold"
        );
    }

    #[test]
    fn a_file_without_the_earlier_release_still_loads() {
        let mut json: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        json.as_object_mut().unwrap().remove("release_2018_19");
        let dataset = Dataset::from_json(&json.to_string()).unwrap();
        assert!(dataset.file.release_2018_19.is_empty());
    }
}
