//! The URL query string is the whole view state:
//! `?metric=<id>&museums=<id>,<id>&from=<YYYY-YY>&to=<YYYY-YY>`.
//!
//! Parsing never fails: each unknown or malformed value is dropped with a specific notice
//! for the reader, and the rest of the URL still applies.
//!
//! Permalinks carry `v=1`. Older and alias forms (no `v`, museum names or aliases such as
//! `Geffrye Museum` or `tate`, `2019/20` years) parse to the same view, and
//! [`to_query`] gives the canonical form the app rewrites the address bar to.

/// The URL format version this app writes.
pub const URL_VERSION: &str = "1";

use super::model::Dataset;
use super::query::{
    metric_years, museums_with_data, ChartKind, Page, SeriesChoice, ViewState, DEFAULT_METRIC,
};
use super::year::FinancialYear;

/// A parsed view plus what had to be dropped or corrected on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedView {
    pub state: ViewState,
    pub notices: Vec<String>,
}

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

fn default_metric(dataset: &Dataset) -> u16 {
    dataset.metric_by_id(DEFAULT_METRIC).unwrap_or(0)
}

/// Reads a query string (with or without the leading `?`).
pub fn parse_query(dataset: &Dataset, query: &str) -> ParsedView {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Vec::new();
    let mut metric_text = None;
    let mut museums_text = None;
    let mut from_text = None;
    let mut to_text = None;
    let mut chart_text = None;
    let mut series_text = None;
    let mut compare_text = None;
    let mut page_text = None;
    let mut version_text = None;
    let mut embed_text = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let slot = match key.as_ref() {
            "metric" => &mut metric_text,
            "museums" => &mut museums_text,
            "from" => &mut from_text,
            "to" => &mut to_text,
            "view" => &mut chart_text,
            "series" => &mut series_text,
            "compare" => &mut compare_text,
            "page" => &mut page_text,
            "v" => &mut version_text,
            "embed" => &mut embed_text,
            other => {
                notices.push(format!(
                    "The link has an unknown setting '{other}', which was ignored."
                ));
                continue;
            }
        };
        *slot = Some(value.into_owned());
    }

    let metric = match metric_text.as_deref().map(str::trim) {
        None | Some("") => default_metric(dataset),
        Some(id) => dataset.metric_by_id(id).unwrap_or_else(|| {
            let fallback = default_metric(dataset);
            notices.push(format!(
                "There is no metric '{id}'; showing {} instead.",
                dataset.metric(fallback).label
            ));
            fallback
        }),
    };
    let metric_label = dataset.metric(metric).label.clone();

    let museums = museums_text.and_then(|text| parse_museums(dataset, metric, &text, &mut notices));

    let years = metric_years(dataset, metric);
    let mut year_param = |name: &str, text: Option<String>| -> Option<FinancialYear> {
        let text = text?;
        if text.trim().is_empty() {
            return None;
        }
        let year = match FinancialYear::parse(&text) {
            Ok(year) => year,
            Err(error) => {
                notices.push(format!("'{name}': {error}; it was ignored."));
                return None;
            }
        };
        let (first, last) = (*years.first()?, *years.last()?);
        if year < first || year > last {
            let clamped = year.clamp(first, last);
            notices.push(format!(
                "'{name}' {} is outside the years with {metric_label} figures ({first} to {last}); using {clamped}.",
                year.label()
            ));
            return Some(clamped);
        }
        Some(year)
    };
    let mut from = year_param("from", from_text);
    let mut to = year_param("to", to_text);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            notices.push(format!(
                "'from' {f} is after 'to' {t}; the two were swapped."
            ));
            (from, to) = (Some(t), Some(f));
        }
    }

    let chart = match chart_text.as_deref().map(str::trim) {
        None | Some("") => ChartKind::Auto,
        Some(code) => ChartKind::from_code(code).unwrap_or_else(|| {
            notices.push(format!(
                "'view' must be table, bar or line, not '{code}'; choosing by the years shown."
            ));
            ChartKind::Auto
        }),
    };
    let series = match series_text.as_deref().map(str::trim) {
        None | Some("") | Some("museums") => SeriesChoice::Museums,
        Some("total") => SeriesChoice::Total,
        Some(other) => {
            notices.push(format!(
                "'series' must be museums or total, not '{other}'; charting museums."
            ));
            SeriesChoice::Museums
        }
    };
    let page = match page_text.as_deref().map(str::trim) {
        None | Some("") | Some("explorer") => Page::Explorer,
        Some("headlines") => Page::Headlines,
        Some(other) => {
            notices.push(format!("There is no page '{other}'; showing the explorer."));
            Page::Explorer
        }
    };
    if let Some(version) = version_text.filter(|v| v.trim() != URL_VERSION) {
        notices.push(format!(
            "This link is in format version '{version}'; this explorer reads version {URL_VERSION}, so some settings may differ."
        ));
    }
    let embed = match embed_text.as_deref().map(str::trim) {
        None | Some("") | Some("0") | Some("false") => false,
        Some("1") | Some("true") => true,
        Some(other) => {
            notices.push(format!(
                "'embed' must be 1 or 0, not '{other}'; showing the full page."
            ));
            false
        }
    };
    let latest = to.or(years.last().copied());
    let compare = compare_text
        .filter(|text| !text.trim().is_empty())
        .and_then(|text| match FinancialYear::parse(&text) {
            Err(error) => {
                notices.push(format!("'compare': {error}; no change is shown."));
                None
            }
            Ok(year) if !years.contains(&year) => {
                notices.push(format!(
                    "'compare' {year} has no {metric_label} figures; no change is shown."
                ));
                None
            }
            Ok(year) if latest.is_some_and(|latest| year >= latest) => {
                notices.push(format!(
                    "'compare' {year} must be before the last year shown; no change is shown."
                ));
                None
            }
            Ok(year) => Some(year),
        });

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

fn parse_museums(
    dataset: &Dataset,
    metric: u16,
    text: &str,
    notices: &mut Vec<String>,
) -> Option<Vec<u16>> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("all") {
        return None;
    }
    let available = museums_with_data(dataset, metric);
    let metric_label = &dataset.metric(metric).label;
    let mut chosen = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some(museum) = resolve_museum(dataset, part) else {
            notices.push(format!("There is no museum '{part}'; it was left out."));
            continue;
        };
        let entry = dataset.museum(museum);
        if entry.is_aggregate {
            notices.push(format!(
                "'{part}' is a published total, not a museum: it is shown as its own row where the data has it."
            ));
        } else if !available.contains(&museum) {
            notices.push(format!(
                "{} has no {metric_label} figures, so it is not shown.",
                entry.name
            ));
        } else if !chosen.contains(&museum) {
            chosen.push(museum);
        }
    }
    if chosen.is_empty() {
        notices.push(
            "None of the museums in the link have figures for this metric; showing all museums."
                .into(),
        );
        return None;
    }
    dataset.sort_by_name(&mut chosen);
    Some(chosen)
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
        parts.push(format!("museums={}", ids.join(",")));
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
    if state.page == Page::Headlines {
        parts.push("page=headlines".into());
    }
    if state.embed {
        parts.push("embed=1".into());
    }
    format!("?{}", parts.join("&"))
}

/// Percent-encodes one value; the commas between museum ids stay readable.
fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
