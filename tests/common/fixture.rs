//! A tiny hand-built dataset, small enough that every figure an edge-case test expects can
//! be worked out by hand from the tables below.
//!
//! `loan_venues` (venues, summed like a DCMS indicator):
//!
//! | museum           | 2018/19 | 2019/20 | 2020/21                 | 2021/22             |
//! |------------------|---------|---------|-------------------------|---------------------|
//! | Alpha Museum     | 10      | 50      | not published [covid]   | 12                  |
//! | Beta Gallery     | 20      | 30      | no activity             | nil (0) [break]     |
//! | Cedar House      | 30      | 30      | not applicable          | 25 [suspected copy] |
//! | Delta Collection | 40      | 10      | (no row)                | 8                   |
//! | published total  | 100     | 125     | (no row)                | (no row)            |
//!
//! `visitor_share` (proportion, never summed): Alpha 0.25 and Beta 0.5 in 2019/20.
//! `loans_abroad` (instances, summed, one year only): Alpha 7 and Beta 3 in 2022/23.

use museum_lending_explorer::core::model::{
    Aggregation, DataFile, Dataset, DatasetId, DatasetInfo, FactColumns, FlagDef, Metric, Museum,
    Qualifier, Source, Status, Unit, FORMAT_VERSION,
};
use museum_lending_explorer::core::query::PUBLISHED_TOTAL_ID;
use std::sync::OnceLock;

/// Alpha Museum: the largest lender in most years.
pub const ALPHA: &str = "alpha-museum";
/// Beta Gallery: ties with Cedar in 2019/20; a nil after a series break in 2021/22.
pub const BETA: &str = "beta-gallery";
/// Cedar House: not applicable in 2020/21; a suspected copy in 2021/22.
pub const CEDAR: &str = "cedar-house";
/// Delta Collection: no row at all for 2020/21.
pub const DELTA: &str = "delta-collection";
/// DCMS's published total row: never a museum, never added.
pub const PUBLISHED_TOTAL: &str = PUBLISHED_TOTAL_ID;

/// Summed across museums, four years (the table above).
pub const LOAN_VENUES: &str = "loan_venues";
/// A proportion (`aggregation: none`): no total is ever computed.
pub const VISITOR_SHARE: &str = "visitor_share";
/// Summed, but published for a single year (2022/23).
pub const LOANS_ABROAD: &str = "loans_abroad";

/// Flag codes, in bit order.
const FLAGS: [&str; 3] = [
    "break_in_series",
    "covid_caution",
    "suspect_duplicate_of_visits",
];

/// The fixture, built and validated once per test crate.
pub fn tiny_dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| Dataset::from_file(data_file()).expect("the fixture validates"))
}

/// One fact as written in the list below, by ids rather than indexes.
struct FactRow {
    metric: &'static str,
    museum: &'static str,
    year: u16,
    value: Option<f64>,
    status: Status,
    flags: &'static [&'static str],
}

impl FactRow {
    fn flagged(self, flags: &'static [&'static str]) -> FactRow {
        FactRow { flags, ..self }
    }
}

/// A reported figure for the financial year starting in `year`.
fn fact(metric: &'static str, museum: &'static str, year: u16, value: f64) -> FactRow {
    FactRow {
        metric,
        museum,
        year,
        value: Some(value),
        status: Status::Reported,
        flags: &[],
    }
}

/// A cell without a number ("not published", "no activity", "not applicable").
fn no_figure(metric: &'static str, museum: &'static str, year: u16, status: Status) -> FactRow {
    FactRow {
        value: None,
        status,
        ..fact(metric, museum, year, 0.0)
    }
}

/// A real zero.
fn nil(metric: &'static str, museum: &'static str, year: u16) -> FactRow {
    FactRow {
        status: Status::Nil,
        ..fact(metric, museum, year, 0.0)
    }
}

fn facts() -> Vec<FactRow> {
    use Status::{NoActivity, NotApplicable, NotPublished};
    let total = PUBLISHED_TOTAL;
    vec![
        fact(LOAN_VENUES, ALPHA, 2018, 10.0),
        fact(LOAN_VENUES, ALPHA, 2019, 50.0),
        no_figure(LOAN_VENUES, ALPHA, 2020, NotPublished).flagged(&["covid_caution"]),
        fact(LOAN_VENUES, ALPHA, 2021, 12.0),
        fact(LOAN_VENUES, BETA, 2018, 20.0),
        fact(LOAN_VENUES, BETA, 2019, 30.0),
        no_figure(LOAN_VENUES, BETA, 2020, NoActivity),
        nil(LOAN_VENUES, BETA, 2021).flagged(&["break_in_series"]),
        fact(LOAN_VENUES, CEDAR, 2018, 30.0),
        fact(LOAN_VENUES, CEDAR, 2019, 30.0),
        no_figure(LOAN_VENUES, CEDAR, 2020, NotApplicable),
        fact(LOAN_VENUES, CEDAR, 2021, 25.0).flagged(&["suspect_duplicate_of_visits"]),
        fact(LOAN_VENUES, DELTA, 2018, 40.0),
        fact(LOAN_VENUES, DELTA, 2019, 10.0),
        fact(LOAN_VENUES, DELTA, 2021, 8.0),
        fact(LOAN_VENUES, total, 2018, 100.0),
        fact(LOAN_VENUES, total, 2019, 125.0),
        fact(VISITOR_SHARE, ALPHA, 2019, 0.25),
        fact(VISITOR_SHARE, BETA, 2019, 0.5),
        fact(LOANS_ABROAD, ALPHA, 2022, 7.0),
        fact(LOANS_ABROAD, BETA, 2022, 3.0),
    ]
}

fn museum(id: &str, name: &str, is_aggregate: bool) -> Museum {
    Museum {
        id: id.into(),
        name: name.into(),
        short_name: name.into(),
        nation: "England".into(),
        sponsor: "DCMS".into(),
        kind: if is_aggregate { "total" } else { "museum" }.into(),
        aliases: Vec::new(),
        is_aggregate,
        notes: String::new(),
    }
}

fn metric(id: &str, label: &str, unit: Unit, aggregation: Aggregation) -> Metric {
    Metric {
        id: id.into(),
        dataset: DatasetId::DcmsKpi,
        label: label.into(),
        unit,
        family: "Loans".into(),
        aggregation,
        definition: format!("Fixture: {label}."),
        caveat: String::new(),
        table: Some(1),
    }
}

fn flag(code: &str) -> FlagDef {
    FlagDef {
        code: code.into(),
        meaning: format!("Fixture flag {code}."),
        raised_by: "fixture".into(),
        app_treatment: String::new(),
    }
}

fn source() -> Source {
    Source {
        id: "fixture-source".into(),
        title: "Fixture indicators".into(),
        publisher: "Department for Culture, Media and Sport".into(),
        published: "2024".into(),
        url: "https://example.org/fixture".into(),
        licence: "OGL-3.0".into(),
        kind: "statistics".into(),
        note: String::new(),
    }
}

/// The JSON shape, facts resolved to indexes and sorted by metric, museum, year as
/// `Dataset::from_file` requires.
fn data_file() -> DataFile {
    let museums = vec![
        museum(ALPHA, "Alpha Museum", false),
        museum(BETA, "Beta Gallery", false),
        museum(CEDAR, "Cedar House", false),
        museum(DELTA, "Delta Collection", false),
        museum(PUBLISHED_TOTAL, "Total DCMS-sponsored museums", true),
    ];
    let metrics = vec![
        metric(LOAN_VENUES, "loan venues", Unit::Venues, Aggregation::Sum),
        metric(
            VISITOR_SHARE,
            "visitor share",
            Unit::Proportion,
            Aggregation::None,
        ),
        metric(
            LOANS_ABROAD,
            "loans abroad",
            Unit::Instances,
            Aggregation::Sum,
        ),
    ];
    let facts = fact_columns(&museums, &metrics);
    DataFile {
        format_version: FORMAT_VERSION,
        datasets: vec![DatasetInfo {
            id: DatasetId::DcmsKpi,
            title: "Fixture indicators".into(),
            publisher: "Department for Culture, Media and Sport".into(),
            licence: "OGL-3.0".into(),
            attribution: "Fixture attribution.".into(),
        }],
        status_codes: Status::ALL.iter().map(|s| s.code().into()).collect(),
        qualifier_codes: Qualifier::ALL.iter().map(|q| q.code().into()).collect(),
        museums,
        metrics,
        sources: vec![source()],
        notes: Vec::new(),
        flags: FLAGS.into_iter().map(flag).collect(),
        facts,
        fact_details: Vec::new(),
        total_checks: Vec::new(),
        stated_changes: Vec::new(),
        revisions: Vec::new(),
        release_2018_19: Default::default(),
    }
}

/// Index of the item whose id is `id`.
fn position<T>(items: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> u16 {
    let index = items.iter().position(|item| id_of(item) == id);
    u16::try_from(index.unwrap_or_else(|| panic!("fixture: unknown id '{id}'"))).unwrap()
}

fn fact_columns(museums: &[Museum], metrics: &[Metric]) -> FactColumns {
    let key = |row: &FactRow| {
        (
            position(metrics, row.metric, |m| m.id.as_str()),
            position(museums, row.museum, |m| m.id.as_str()),
            row.year,
        )
    };
    let mut rows = facts();
    rows.sort_by_key(key);
    let mut columns = FactColumns::default();
    for row in &rows {
        let (metric, museum, year) = key(row);
        let flags = row.flags.iter().map(|code| position(&FLAGS, code, |f| *f));
        columns.metric.push(metric);
        columns.museum.push(museum);
        columns.year.push(year);
        columns.value.push(row.value);
        columns.status.push(status_index(row.status));
        columns
            .flags
            .push(flags.fold(0, |mask, bit| mask | 1 << bit));
        columns.notes.push(0);
        columns.qualifier.push(0); // Qualifier::ALL[0], exact
        columns.source.push(0);
    }
    columns
}

/// The status's code in the JSON: its index in `Status::ALL`.
fn status_index(status: Status) -> u8 {
    let index = Status::ALL.iter().position(|s| *s == status).unwrap();
    u8::try_from(index).unwrap()
}
