//! What reading a link had to drop or correct, as data: one variant per situation, carrying
//! the offending text and the indexes and years involved. [`Notice::text`] is the one place
//! that words them for the reader.

use super::model::Dataset;
use super::view_state::YearEnd;
use super::year::{FinancialYear, YearParseError};

/// Something in a link that was dropped or corrected, and what was used instead.
///
/// Metric and museum fields are indexes into the [`Dataset`] the link was read against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A parameter this app does not know (`key` as the link spells it); ignored.
    UnknownSetting { key: String },
    /// `metric=` names no metric; `fallback` is shown instead.
    UnknownMetric { text: String, fallback: u16 },
    /// `from=` or `to=` is not a financial year; ignored.
    BadYear { end: YearEnd, error: YearParseError },
    /// `from=` or `to=` lies outside the years `metric` has figures for (`first` to `last`);
    /// `used` is the nearest year that has them.
    YearOutsideRange {
        end: YearEnd,
        year: FinancialYear,
        metric: u16,
        first: FinancialYear,
        last: FinancialYear,
        used: FinancialYear,
    },
    /// `from` (as given) is after `to` (as given); the two were swapped.
    SwappedYears {
        from: FinancialYear,
        to: FinancialYear,
    },
    /// `view=` is not a chart code; the chart is chosen by the years shown.
    BadChart { text: String },
    /// `series=` is neither `museums` nor `total`; museums are charted.
    BadSeries { text: String },
    /// `page=` names no page; the explorer is shown.
    UnknownPage { text: String },
    /// `v=` is another URL format version than this app writes.
    OtherVersion { version: String },
    /// `embed=` is neither 1 nor 0; the full page is shown.
    BadEmbed { text: String },
    /// `compare=` is not a financial year; no change is shown.
    BadCompareYear { error: YearParseError },
    /// `compare=` is a year `metric` has no figures for; no change is shown.
    CompareWithoutFigures { year: FinancialYear, metric: u16 },
    /// `compare=` is not before the last year shown; no change is shown.
    CompareNotBeforeLast { year: FinancialYear },
    /// A `museums=` entry names no museum; left out.
    UnknownMuseum { text: String },
    /// A `museums=` entry names a published total row, which is not a museum; left out of
    /// the selection (the row is shown on its own where the data has it).
    AggregateAsMuseum { text: String },
    /// A `museums=` entry names `museum`, which has no `metric` figures; left out.
    MuseumWithoutFigures { museum: u16, metric: u16 },
    /// No `museums=` entry was usable; all museums are shown.
    NoUsableMuseum,
    /// A filter of the revisions or totals page (`key`) names nothing it can filter by;
    /// dropped.
    UnknownFilter { key: &'static str, text: String },
    /// A filter parameter on a page that has no such filter; ignored.
    FilterNotOnThisPage { key: &'static str },
}

impl Notice {
    /// The notice in the reader's words, as the page shows it.
    pub fn text(&self, dataset: &Dataset) -> String {
        use Notice::*;
        let metric_label = |metric: &u16| &dataset.metric(*metric).label;
        match self {
            UnknownSetting { key } => {
                format!("The link has an unknown setting '{key}', which was ignored.")
            }
            OtherVersion { version } => format!(
                "This link is in format version '{version}'; this explorer reads version {}, \
                 so some settings may differ.",
                super::url_state::URL_VERSION
            ),
            UnknownMetric { text, fallback } => format!(
                "There is no metric '{text}'; showing {} instead.",
                metric_label(fallback)
            ),
            BadYear { .. }
            | YearOutsideRange { .. }
            | SwappedYears { .. }
            | BadCompareYear { .. }
            | CompareWithoutFigures { .. }
            | CompareNotBeforeLast { .. } => self.year_text(dataset),
            BadChart { text } => format!(
                "'view' must be table, bar or line, not '{text}'; choosing by the years shown."
            ),
            BadSeries { text } => {
                format!("'series' must be museums or total, not '{text}'; charting museums.")
            }
            UnknownPage { text } => format!("There is no page '{text}'; showing the explorer."),
            BadEmbed { text } => {
                format!("'embed' must be 1 or 0, not '{text}'; showing the full page.")
            }
            UnknownMuseum { text } => format!("There is no museum '{text}'; it was left out."),
            AggregateAsMuseum { text } => format!(
                "'{text}' is a published total, not a museum: \
                 it is shown as its own row where the data has it."
            ),
            MuseumWithoutFigures { museum, metric } => format!(
                "{} has no {} figures, so it is not shown.",
                dataset.museum(*museum).name,
                metric_label(metric)
            ),
            UnknownFilter { key, text } => {
                format!("'{key}': nothing is called '{text}', so that filter was dropped.")
            }
            FilterNotOnThisPage { key } => {
                format!("'{key}' does not apply to this page; it was ignored.")
            }
            NoUsableMuseum => String::from(
                "None of the museums in the link have figures for this metric; \
                 showing all museums.",
            ),
        }
    }

    /// [`Notice::text`] for the notices about `from=`, `to=` and `compare=`, kept apart only
    /// so that neither function grows too long to read.
    fn year_text(&self, dataset: &Dataset) -> String {
        use Notice::*;
        let metric_label = |metric: &u16| &dataset.metric(*metric).label;
        match self {
            BadYear { end, error } => format!("'{}': {error}; it was ignored.", end.param()),
            YearOutsideRange {
                end,
                year,
                metric,
                first,
                last,
                used,
            } => format!(
                "'{}' {year} is outside the years with {} figures ({first} to {last}); \
                 using {used}.",
                end.param(),
                metric_label(metric)
            ),
            SwappedYears { from, to } => {
                format!("'from' {from} is after 'to' {to}; the two were swapped.")
            }
            BadCompareYear { error } => format!("'compare': {error}; no change is shown."),
            CompareWithoutFigures { year, metric } => format!(
                "'compare' {year} has no {} figures; no change is shown.",
                metric_label(metric)
            ),
            CompareNotBeforeLast { year } => {
                format!("'compare' {year} must be before the last year shown; no change is shown.")
            }
            _ => unreachable!("Notice::text words the notices that are not about years"),
        }
    }
}
