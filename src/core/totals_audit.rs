//! The published-totals audit (`?page=totals`): every total DCMS publishes, beside the sum
//! of the museum rows of the same table recomputed here, with coverage, the difference, the
//! tolerance of the published rounding and a verdict.
//!
//! The sum adds every museum cell with a number as DCMS printed it (suspected copying
//! errors included, and counted), because the question is whether DCMS's total is the sum
//! of DCMS's own rows. The curators' explanations are reworded for readers here
//! ([`plain_explanation`]); the data keeps their raw text.

use super::format::{format_value, signed_value};
use super::model::{Dataset, Status};
use super::query::PUBLISHED_TOTAL_ID;
use super::year::FinancialYear;

/// Whether a published total equals the recomputed sum of its museum rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AuditVerdict {
    /// No difference at all.
    Exact,
    /// A difference no larger than the published total's rounding.
    Rounding,
    /// A difference beyond rounding.
    Differs,
}

impl AuditVerdict {
    pub const ALL: [AuditVerdict; 3] = [
        AuditVerdict::Exact,
        AuditVerdict::Rounding,
        AuditVerdict::Differs,
    ];

    /// The `verdict=` and `data-verdict` code.
    pub fn code(self) -> &'static str {
        match self {
            AuditVerdict::Exact => "exact",
            AuditVerdict::Rounding => "rounding",
            AuditVerdict::Differs => "differs",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditVerdict> {
        AuditVerdict::ALL.into_iter().find(|v| v.code() == code)
    }

    /// The verdict as the audit's table prints it.
    pub fn words(self) -> &'static str {
        match self {
            AuditVerdict::Exact => "exact",
            AuditVerdict::Rounding => "within rounding",
            AuditVerdict::Differs => "differs",
        }
    }

    /// The verdict for a difference (published − recomputed) and the total's rounding.
    pub fn for_difference(difference: f64, tolerance: f64) -> AuditVerdict {
        // Sums of decimal figures carry binary noise far below a penny.
        if difference.abs() < 1e-6 {
            AuditVerdict::Exact
        } else if difference.abs() <= tolerance {
            AuditVerdict::Rounding
        } else {
            AuditVerdict::Differs
        }
    }
}

/// Which rows the audit shows (`only-metric=`, `verdict=`), and the year a link came for
/// (`year=`, highlighted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AuditFilter {
    pub metric: Option<u16>,
    pub verdict: Option<AuditVerdict>,
    pub year: Option<FinancialYear>,
}

impl AuditFilter {
    /// The audit's rows of one metric, with `year`'s row highlighted: where a `[t]` marker
    /// in the explorer links to.
    pub fn row_of(metric: u16, year: FinancialYear) -> AuditFilter {
        AuditFilter {
            metric: Some(metric),
            verdict: None,
            year: Some(year),
        }
    }

    pub fn with_metric(self, metric: Option<u16>) -> AuditFilter {
        AuditFilter {
            metric,
            year: None,
            ..self
        }
    }

    pub fn with_verdict(self, verdict: Option<AuditVerdict>) -> AuditFilter {
        AuditFilter {
            verdict,
            year: None,
            ..self
        }
    }

    fn keeps(&self, row: &AuditRow) -> bool {
        self.metric.is_none_or(|m| m == row.metric) && self.verdict.is_none_or(|v| v == row.verdict)
    }
}

/// One published total beside the recomputed sum of its museum rows.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub metric: u16,
    pub year: FinancialYear,
    pub published: f64,
    /// The museum cells with a number, added up.
    pub recomputed: f64,
    /// Museum cells with a number.
    pub reported: usize,
    /// Museum cells that could have one (every row that is not "not applicable").
    pub expected: usize,
    /// Of the reported cells, those flagged as evident copying errors.
    pub suspect: usize,
    /// Published minus recomputed.
    pub difference: f64,
    /// The largest difference the published rounding explains.
    pub tolerance: f64,
    pub verdict: AuditVerdict,
    /// The curators' explanation, reworded for readers.
    pub explanation: String,
}

impl AuditRow {
    /// "14 of 15 museums reported", with the suspected copying errors when there are any.
    pub fn coverage(&self) -> String {
        let mut text = format!("{} of {} museums reported", self.reported, self.expected);
        if self.suspect > 0 {
            text.push_str(&format!(
                "; includes {} figure{} suspected to be copied from total visits",
                self.suspect,
                if self.suspect == 1 { "" } else { "s" }
            ));
        }
        text
    }

    /// The tolerance as printed: "±500", "exact (±0.5)".
    pub fn tolerance_text(&self, dataset: &Dataset) -> String {
        let unit = dataset.metric(self.metric).unit;
        if self.tolerance < 1.0 {
            "none: published exactly".into()
        } else {
            format!("±{}", format_value(self.tolerance, unit))
        }
    }

    /// The difference as printed, with its sign: "+57", "−£260,207".
    pub fn difference_text(&self, dataset: &Dataset) -> String {
        let unit = dataset.metric(self.metric).unit;
        if self.verdict == AuditVerdict::Exact {
            "0".into()
        } else {
            signed_value(self.difference, unit)
        }
    }
}

/// The sum, count of cells with a number, count of cells that could have one, and suspected
/// copying errors of one metric's museum rows in one year.
fn museum_sum(dataset: &Dataset, metric: u16, year: FinancialYear) -> (f64, usize, usize, usize) {
    let suspect_bits = dataset.known_flags.suspect_duplicate;
    let mut sum = (0.0, 0, 0, 0);
    for fact in dataset.facts_of_metric(metric).filter(|f| f.year == year) {
        if dataset.museum(fact.museum).is_aggregate || fact.status == Status::NotApplicable {
            continue;
        }
        sum.2 += 1;
        if let Some(value) = fact.value {
            sum.0 += value;
            sum.1 += 1;
            sum.3 += usize::from(fact.flags & suspect_bits != 0);
        }
    }
    sum
}

/// Every published total the curators checked, in their order, recomputed. A check whose
/// published total the data lacks is left out (the data-file tests require none is).
pub fn audit_rows(dataset: &Dataset) -> Vec<AuditRow> {
    let Some(total_row) = dataset.museum_by_id(PUBLISHED_TOTAL_ID) else {
        return Vec::new();
    };
    dataset
        .file
        .total_checks
        .iter()
        .filter_map(|check| {
            let metric = dataset.metric_by_id(&check.metric)?;
            let published = dataset.find_fact(metric, total_row, check.year)?.value?;
            let (recomputed, reported, expected, suspect) = museum_sum(dataset, metric, check.year);
            let difference = published - recomputed;
            Some(AuditRow {
                metric,
                year: check.year,
                published,
                recomputed,
                reported,
                expected,
                suspect,
                difference,
                tolerance: check.tolerance,
                verdict: AuditVerdict::for_difference(difference, check.tolerance),
                explanation: plain_explanation(dataset, &check.explanation),
            })
        })
        .collect()
}

/// The rows a filter keeps, in audit order.
pub fn filtered(rows: &[AuditRow], filter: &AuditFilter) -> Vec<AuditRow> {
    rows.iter().filter(|r| filter.keeps(r)).cloned().collect()
}

/// "146 of 152 published totals match the museums' own rows to within rounding."
pub fn headline(rows: &[AuditRow]) -> String {
    let matching = rows
        .iter()
        .filter(|r| r.verdict != AuditVerdict::Differs)
        .count();
    let total = rows.len();
    let noun = if total == 1 { "total" } else { "totals" };
    let verb = if matching == 1 { "matches" } else { "match" };
    format!(
        "{matching} of {total} published {noun} {verb} the museums' own rows to within rounding."
    )
}

/// Phrases of the curators' explanations that point at their working files, and what a
/// reader is told instead.
const REWORDINGS: [(&str, &str); 4] = [
    (
        " Not listed in REPORT.md section 4 (found by this script).",
        " The data curators found this gap when checking every total; their earlier review of the tables had not listed it.",
    ),
    (
        " REPORT.md section 4, item 4 lists the gap with no known cause.",
        " The curators' review of the tables lists this gap with no known cause.",
    ),
    ("unexplained; ", "Unexplained: "),
    ("within rounding: ", "Within rounding: "),
];

/// The curators' explanation in plain English: museum ids become names, references to
/// their working files are reworded or dropped, and the text starts with a capital.
pub fn plain_explanation(dataset: &Dataset, raw: &str) -> String {
    let mut text = raw.trim().to_string();
    for (from, to) in REWORDINGS {
        text = text.replace(from, to);
    }
    text = drop_file_references(&text);
    for museum in dataset.museums() {
        if museum.id.contains('-') {
            text = text.replace(&museum.id, &museum.name);
        }
    }
    text = text.replacen("matches the sum", "Matches the sum", 1);
    text.replace(" - ", " − ")
}

/// Removes parentheses that cite a working file, e.g. " (REPORT.md section 4, item 2)".
fn drop_file_references(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(at) = out.find(" (REPORT.md") {
        match out[at..].find(')') {
            Some(end) => out.replace_range(at..at + end + 1, ""),
            None => break,
        }
    }
    out
}
