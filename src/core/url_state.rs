//! The URL query string is the whole view state:
//! `?metric=<id>&museums=<id>,<id>&from=<YYYY-YY>&to=<YYYY-YY>`.
//!
//! Parsing never fails: each unknown or malformed value is dropped with a specific
//! [`Notice`] for the reader, and the rest of the URL still applies.
//!
//! Permalinks carry `v=1`. Older and alias forms (no `v`, museum names or aliases such as
//! `Geffrye Museum` or `tate`, `2019/20` years) parse to the same view, and
//! [`to_query`] gives the canonical form the app rewrites the address bar to.

/// The URL format version this app writes.
pub const URL_VERSION: &str = "1";

use super::analysis::CompareYears;
use super::model::Dataset;
use super::notice::Notice;
use super::page_url::{page_params, parse_page, PageParams};
use super::query::{metric_years, museums_with_data};
use super::view_state::{ChartKind, SeriesChoice, ViewState, YearEnd, DEFAULT_METRIC};
use super::year::FinancialYear;

/// A parsed view plus what had to be dropped or corrected on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedView {
    /// The view the link describes, with whatever could not be used left out.
    pub state: ViewState,
    /// In the order the parameters are read; [`Notice::text`] words them.
    pub notices: Vec<Notice>,
}

/// `museums=none`: the reader unticked every museum.
pub const NO_MUSEUMS: &str = "none";

/// Finds a museum by id, name, short name or alias (case-insensitive), so old links that
/// say `Geffrye Museum` or `tate` still resolve.
pub fn resolve_museum(dataset: &Dataset, text: &str) -> Option<u16> {
    let wanted = text.trim();
    if let Some(index) = dataset.museum_by_id(wanted) {
        return Some(index);
    }
    let matches = |candidate: &str| candidate.eq_ignore_ascii_case(wanted);
    dataset
        .museums()
        .iter()
        .position(|m| {
            matches(&m.id)
                || matches(&m.name)
                || matches(&m.short_name)
                || m.aliases.iter().any(|alias| matches(alias))
        })
        .and_then(|i| u16::try_from(i).ok())
}

/// A from/to pair the right way round: when both are given and `from` is after `to`, the
/// two swap places; otherwise the pair is returned as it is.
pub fn years_in_order(
    from: Option<FinancialYear>,
    to: Option<FinancialYear>,
) -> (Option<FinancialYear>, Option<FinancialYear>) {
    match (from, to) {
        (Some(f), Some(t)) if f > t => (Some(t), Some(f)),
        _ => (from, to),
    }
}

/// Reads a query string (with or without the leading `?`).
pub fn parse_query(dataset: &Dataset, query: &str) -> ParsedView {
    // The parameters are read in a fixed order (not the link's), so the notices always
    // come in the same order; the metric comes first because museums and years depend on it.
    let mut notices = Vec::new();
    let raw = RawParams::read(query, &mut notices);
    let page_params = raw.page_params();
    let metric = parse_metric(dataset, raw.metric.as_deref(), &mut notices);
    let museums = raw
        .museums
        .as_deref()
        .and_then(|text| parse_museums(dataset, metric, text, &mut notices));
    let years = MetricYears {
        metric,
        years: metric_years(dataset, metric),
    };
    let from = years.parse_end(YearEnd::From, raw.from.as_deref(), &mut notices);
    let to = years.parse_end(YearEnd::To, raw.to.as_deref(), &mut notices);
    let (from, to) = order_year_ends(from, to, &mut notices);
    let chart = parse_chart(raw.view.as_deref(), &mut notices);
    let series = parse_series(raw.series.as_deref(), &mut notices);
    let page = parse_page(dataset, &page_params, &mut notices);
    check_version(raw.version, &mut notices);
    let embed = parse_embed(raw.embed.as_deref(), &mut notices);
    let compare = years.parse_compare(raw.compare.as_deref(), to, &mut notices);
    ParsedView {
        state: ViewState {
            metric,
            museums,
            from,
            to,
            chart,
            series,
            compare,
            page,
            embed,
        },
        notices,
    }
}

/// The text of each known parameter, as the link gives it (decoded, untrimmed); the last
/// one wins when a parameter is repeated.
#[derive(Debug, Default)]
struct RawParams {
    metric: Option<String>,
    museums: Option<String>,
    from: Option<String>,
    to: Option<String>,
    view: Option<String>,
    series: Option<String>,
    compare: Option<String>,
    page: Option<String>,
    version: Option<String>,
    embed: Option<String>,
    only_museum: Option<String>,
    only_metric: Option<String>,
    verdict: Option<String>,
    year: Option<String>,
}

impl RawParams {
    /// Splits the query into known parameters; each unknown one becomes a notice.
    fn read(query: &str, notices: &mut Vec<Notice>) -> RawParams {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut raw = RawParams::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match raw.slot(&key) {
                Some(slot) => *slot = Some(value.into_owned()),
                None => notices.push(Notice::UnknownSetting {
                    key: key.into_owned(),
                }),
            }
        }
        raw
    }

    /// Where the value of parameter `key` goes; `None` for a parameter this app does not know.
    fn slot(&mut self, key: &str) -> Option<&mut Option<String>> {
        Some(match key {
            "metric" => &mut self.metric,
            "museums" => &mut self.museums,
            "from" => &mut self.from,
            "to" => &mut self.to,
            "view" => &mut self.view,
            "series" => &mut self.series,
            "compare" => &mut self.compare,
            "page" => &mut self.page,
            "v" => &mut self.version,
            "embed" => &mut self.embed,
            "only-museum" => &mut self.only_museum,
            "only-metric" => &mut self.only_metric,
            "verdict" => &mut self.verdict,
            "year" => &mut self.year,
            _ => return None,
        })
    }
}

/// The trimmed value of a parameter, or `None` when it is missing or blank (which means
/// "the default", never a notice).
fn given(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

fn default_metric(dataset: &Dataset) -> u16 {
    dataset.metric_by_id(DEFAULT_METRIC).unwrap_or(0)
}

/// `metric=`: a metric id; the default metric when missing or unknown.
fn parse_metric(dataset: &Dataset, text: Option<&str>, notices: &mut Vec<Notice>) -> u16 {
    let Some(id) = given(text) else {
        return default_metric(dataset);
    };
    dataset.metric_by_id(id).unwrap_or_else(|| {
        let fallback = default_metric(dataset);
        notices.push(Notice::UnknownMetric {
            text: id.to_string(),
            fallback,
        });
        fallback
    })
}

/// `museums=`: comma-separated ids, names or aliases; `None` (all museums) when missing,
/// empty, `all`, or when none of them is a museum with figures for `metric`; no museum
/// (an empty list) for `none`, which the picker's "Select none" writes.
fn parse_museums(
    dataset: &Dataset,
    metric: u16,
    text: &str,
    notices: &mut Vec<Notice>,
) -> Option<Vec<u16>> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("all") {
        return None;
    }
    if text.eq_ignore_ascii_case(NO_MUSEUMS) {
        return Some(Vec::new());
    }
    let available = museums_with_data(dataset, metric);
    let mut chosen = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some(museum) = resolve_museum(dataset, part) else {
            notices.push(Notice::UnknownMuseum { text: part.into() });
            continue;
        };
        if dataset.museum(museum).is_aggregate {
            notices.push(Notice::AggregateAsMuseum { text: part.into() });
        } else if !available.contains(&museum) {
            notices.push(Notice::MuseumWithoutFigures { museum, metric });
        } else if !chosen.contains(&museum) {
            chosen.push(museum);
        }
    }
    if chosen.is_empty() {
        notices.push(Notice::NoUsableMuseum);
        return None;
    }
    dataset.sort_by_name(&mut chosen);
    Some(chosen)
}

/// The years the view's metric has figures for, which `from=`, `to=` and `compare=` must
/// fall in.
struct MetricYears {
    metric: u16,
    years: Vec<FinancialYear>,
}

impl MetricYears {
    /// `from=` or `to=`: a financial year, moved to the nearest year with figures when
    /// outside them; `None` when missing, malformed, or when the metric has no years.
    fn parse_end(
        &self,
        end: YearEnd,
        text: Option<&str>,
        notices: &mut Vec<Notice>,
    ) -> Option<FinancialYear> {
        let text = text.filter(|text| !text.trim().is_empty())?;
        let year = match FinancialYear::parse(text) {
            Ok(year) => year,
            Err(error) => {
                notices.push(Notice::BadYear { end, error });
                return None;
            }
        };
        let (first, last) = (*self.years.first()?, *self.years.last()?);
        let used = year.clamp(first, last);
        if used != year {
            notices.push(Notice::YearOutsideRange {
                end,
                year,
                metric: self.metric,
                first,
                last,
                used,
            });
        }
        Some(used)
    }

    /// `compare=`: a year with figures before the last year shown (`to`, else the metric's
    /// last year); `None`, with a notice, otherwise.
    fn parse_compare(
        &self,
        text: Option<&str>,
        to: Option<FinancialYear>,
        notices: &mut Vec<Notice>,
    ) -> Option<FinancialYear> {
        let text = text.filter(|text| !text.trim().is_empty())?;
        let latest = to.or(self.years.last().copied());
        let notice = match FinancialYear::parse(text) {
            Err(error) => Notice::BadCompareYear { error },
            Ok(year) if !self.years.contains(&year) => Notice::CompareWithoutFigures {
                year,
                metric: self.metric,
            },
            Ok(year) if latest.is_some_and(|latest| CompareYears::new(year, latest).is_none()) => {
                Notice::CompareNotBeforeLast { year }
            }
            Ok(year) => return Some(year),
        };
        notices.push(notice);
        None
    }
}

/// [`years_in_order`], saying so when the link gave the range backwards.
fn order_year_ends(
    from: Option<FinancialYear>,
    to: Option<FinancialYear>,
    notices: &mut Vec<Notice>,
) -> (Option<FinancialYear>, Option<FinancialYear>) {
    let ordered = years_in_order(from, to);
    if let (Some(from), Some(to)) = (from, to) {
        if ordered != (Some(from), Some(to)) {
            notices.push(Notice::SwappedYears { from, to });
        }
    }
    ordered
}

/// `view=`: a chart code; chosen by the years shown when missing or unknown.
fn parse_chart(text: Option<&str>, notices: &mut Vec<Notice>) -> ChartKind {
    let Some(code) = given(text) else {
        return ChartKind::Auto;
    };
    ChartKind::from_code(code).unwrap_or_else(|| {
        notices.push(Notice::BadChart { text: code.into() });
        ChartKind::Auto
    })
}

/// `series=`: `museums` (the default) or `total`.
fn parse_series(text: Option<&str>, notices: &mut Vec<Notice>) -> SeriesChoice {
    match given(text) {
        None | Some("museums") => SeriesChoice::Museums,
        Some("total") => SeriesChoice::Total,
        Some(other) => {
            notices.push(Notice::BadSeries { text: other.into() });
            SeriesChoice::Museums
        }
    }
}

impl RawParams {
    /// `page=` and the parameters of the pages' filters, for [`parse_page`].
    fn page_params(&self) -> PageParams<'_> {
        PageParams {
            page: given(self.page.as_deref()),
            only_museum: given(self.only_museum.as_deref()),
            only_metric: given(self.only_metric.as_deref()),
            verdict: given(self.verdict.as_deref()),
            year: given(self.year.as_deref()),
        }
    }
}

/// `v=`: links in another format version are still read, with a warning.
fn check_version(text: Option<String>, notices: &mut Vec<Notice>) {
    if let Some(version) = text.filter(|v| v.trim() != URL_VERSION) {
        notices.push(Notice::OtherVersion { version });
    }
}

/// `embed=`: `1`/`true` for the iframe form, `0`/`false` (the default) for the full page.
fn parse_embed(text: Option<&str>, notices: &mut Vec<Notice>) -> bool {
    match given(text) {
        None | Some("0") | Some("false") => false,
        Some("1") | Some("true") => true,
        Some(other) => {
            notices.push(Notice::BadEmbed { text: other.into() });
            false
        }
    }
}

/// The canonical query string for a view (with the leading `?`).
pub fn to_query(dataset: &Dataset, state: &ViewState) -> String {
    let mut parts = vec![
        format!("v={URL_VERSION}"),
        format!("metric={}", encode(&dataset.metric(state.metric).id)),
    ];
    if let Some(museums) = &state.museums {
        let ids: Vec<String> = museums
            .iter()
            .map(|m| encode(&dataset.museum(*m).id))
            .collect();
        let list = if ids.is_empty() {
            NO_MUSEUMS.to_string()
        } else {
            ids.join(",")
        };
        parts.push(format!("museums={list}"));
    }
    if let Some(from) = state.from {
        parts.push(format!("from={}", from.slug()));
    }
    if let Some(to) = state.to {
        parts.push(format!("to={}", to.slug()));
    }
    if let Some(code) = state.chart.code() {
        parts.push(format!("view={code}"));
    }
    if state.series == SeriesChoice::Total {
        parts.push("series=total".into());
    }
    if let Some(compare) = state.compare {
        parts.push(format!("compare={}", compare.slug()));
    }
    parts.extend(page_params(dataset, state.page));
    if state.embed {
        parts.push("embed=1".into());
    }
    format!("?{}", parts.join("&"))
}

/// Percent-encodes one value; the commas between museum ids stay readable.
fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
