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
    /// The notice in the reader's words, as plain text (echoed link text cut short).
    pub fn text(&self, dataset: &Dataset) -> String {
        self.marked_text(dataset)
            .replace([ECHO_START, ECHO_END], "")
    }

    /// The notice as the page shows it: the app's own words, and the text echoed from the
    /// link in pieces of their own, so the page can isolate them (`<bdi>`) and a
    /// right-to-left character in a link cannot reverse the app's sentence.
    pub fn segments(&self, dataset: &Dataset) -> Vec<NoticeSegment> {
        let marked = self.marked_text(dataset);
        let mut segments = Vec::new();
        for (index, piece) in marked.split([ECHO_START, ECHO_END]).enumerate() {
            if piece.is_empty() {
                continue;
            }
            // Pieces alternate: own words, echo, own words… (an echo is never nested).
            segments.push(if index % 2 == 1 {
                NoticeSegment::Echo(piece.to_string())
            } else {
                NoticeSegment::Words(piece.to_string())
            });
        }
        segments
    }

    /// The notice with each echo of link text between [`ECHO_START`] and [`ECHO_END`].
    fn marked_text(&self, dataset: &Dataset) -> String {
        use Notice::*;
        let metric_label = |metric: &u16| &dataset.metric(*metric).label;
        match self {
            UnknownSetting { key } => {
                format!(
                    "The link has an unknown setting '{}', which was ignored.",
                    echo(key)
                )
            }
            OtherVersion { version } => format!(
                "This link is in format version '{}'; this explorer reads version {}, \
                 so some settings may differ.",
                echo(version),
                super::url_state::URL_VERSION
            ),
            UnknownMetric { text, fallback } => format!(
                "There is no metric '{}'; showing {} instead.",
                echo(text),
                metric_label(fallback)
            ),
            BadYear { .. }
            | YearOutsideRange { .. }
            | SwappedYears { .. }
            | BadCompareYear { .. }
            | CompareWithoutFigures { .. }
            | CompareNotBeforeLast { .. } => self.year_text(dataset),
            BadChart { text } => format!(
                "'view' must be table, bar or line, not '{}'; choosing by the years shown.",
                echo(text)
            ),
            BadSeries { text } => {
                format!(
                    "'series' must be museums or total, not '{}'; charting museums.",
                    echo(text)
                )
            }
            UnknownPage { text } => {
                format!("There is no page '{}'; showing the explorer.", echo(text))
            }
            BadEmbed { text } => {
                format!(
                    "'embed' must be 1 or 0, not '{}'; showing the full page.",
                    echo(text)
                )
            }
            UnknownMuseum { .. }
            | AggregateAsMuseum { .. }
            | MuseumWithoutFigures { .. }
            | NoUsableMuseum
            | UnknownFilter { .. }
            | FilterNotOnThisPage { .. } => self.museum_text(dataset),
        }
    }

    /// [`Notice::marked_text`] for the notices about `museums=` and the pages' filters.
    fn museum_text(&self, dataset: &Dataset) -> String {
        use Notice::*;
        let metric_label = |metric: &u16| &dataset.metric(*metric).label;
        match self {
            UnknownMuseum { text } => {
                format!("There is no museum '{}'; it was left out.", echo(text))
            }
            AggregateAsMuseum { text } => format!(
                "'{}' is a published total, not a museum: \
                 it is shown as its own row where the data has it.",
                echo(text)
            ),
            MuseumWithoutFigures { museum, metric } => format!(
                "{} has no {} figures, so it is not shown.",
                dataset.museum(*museum).name,
                metric_label(metric)
            ),
            UnknownFilter { key, text } => {
                format!(
                    "'{key}': nothing is called '{}', so that filter was dropped.",
                    echo(text)
                )
            }
            FilterNotOnThisPage { key } => {
                format!("'{key}' does not apply to this page; it was ignored.")
            }
            NoUsableMuseum => String::from(
                "None of the museums in the link have figures for this metric; \
                 showing all museums.",
            ),
            _ => unreachable!("Notice::marked_text words the notices that are not about museums"),
        }
    }

    /// [`Notice::text`] for the notices about `from=`, `to=` and `compare=`, kept apart only
    /// so that neither function grows too long to read.
    fn year_text(&self, dataset: &Dataset) -> String {
        use Notice::*;
        let metric_label = |metric: &u16| &dataset.metric(*metric).label;
        match self {
            BadYear { end, error } => {
                format!("'{}': {}; it was ignored.", end.param(), not_a_year(error))
            }
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
            BadCompareYear { error } => {
                format!("'compare': {}; no change is shown.", not_a_year(error))
            }
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

/// "'2019-2020' is not a financial year (expected e.g. 2019-20 or 2019/20)", the text
/// echoed.
fn not_a_year(error: &YearParseError) -> String {
    format!(
        "'{}' is not a financial year (expected e.g. 2019-20 or 2019/20)",
        echo(&error.0)
    )
}

/// One piece of a notice: the app's words, or text echoed from the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeSegment {
    Words(String),
    Echo(String),
}

/// The longest echo of link text a notice repeats, in characters; longer text is cut with
/// "…", so a link of thousands of characters cannot stretch the page.
pub const ECHO_LIMIT: usize = 60;

/// Brackets an echo inside a notice's text until [`Notice::segments`] splits it out. The
/// Unicode isolate marks are never kept: echoes are cleaned of them first.
const ECHO_START: char = '\u{2068}';
const ECHO_END: char = '\u{2069}';

/// Link text as a notice repeats it: bidirectional control characters and other controls
/// removed, cut to [`ECHO_LIMIT`] characters, between the echo marks.
pub fn echo(text: &str) -> String {
    let clean: Vec<char> = text
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let mut shown: String = clean.iter().take(ECHO_LIMIT).collect();
    if clean.len() > ECHO_LIMIT {
        shown.push('…');
    }
    format!("{ECHO_START}{shown}{ECHO_END}")
}

/// The explicit direction marks, embeddings, overrides and isolates of Unicode's
/// bidirectional algorithm.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
