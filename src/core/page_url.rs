//! `page=` and the filters of the quality pages in the URL: `only-museum=`, `only-metric=`
//! (revisions), `only-metric=`, `verdict=` (published totals) and `year=` (the row a link
//! came for, highlighted). Kept apart from `url_state` so that module stays about the
//! explorer's own parameters.

use super::model::Dataset;
use super::notice::Notice;
use super::revisions::RevisionFilter;
use super::totals_audit::{AuditFilter, AuditVerdict};
use super::url_state::resolve_museum;
use super::view_state::Page;
use super::year::FinancialYear;

/// The trimmed, non-blank values of `page=` and the filter parameters.
#[derive(Debug, Default, Clone, Copy)]
pub struct PageParams<'a> {
    pub page: Option<&'a str>,
    pub only_museum: Option<&'a str>,
    pub only_metric: Option<&'a str>,
    pub verdict: Option<&'a str>,
    pub year: Option<&'a str>,
}

/// `page=`: `explorer` (the default), `headlines`, `coverage`, `revisions` or `totals`, with
/// the filters of the page it names. An unknown page shows the explorer; a filter on a page
/// without it, or naming nothing, is dropped; each with a notice.
pub fn parse_page(dataset: &Dataset, params: &PageParams, notices: &mut Vec<Notice>) -> Page {
    let page = match params.page {
        None | Some("explorer") => Page::Explorer,
        Some("headlines") => Page::Headlines,
        Some("coverage") => Page::Coverage,
        Some("revisions") => Page::Revisions(RevisionFilter {
            museum: filter_museum(dataset, params.only_museum, notices),
            metric: filter_metric(dataset, params.only_metric, notices),
            year: filter_year(params.year, notices),
        }),
        Some("totals") => Page::Totals(AuditFilter {
            metric: filter_metric(dataset, params.only_metric, notices),
            verdict: filter_verdict(params.verdict, notices),
            year: filter_year(params.year, notices),
        }),
        Some(other) => {
            notices.push(Notice::UnknownPage { text: other.into() });
            Page::Explorer
        }
    };
    for (key, given) in unused_filters(page, params) {
        if given {
            notices.push(Notice::FilterNotOnThisPage { key });
        }
    }
    page
}

/// The filter parameters `page` does not read, and whether the link gave each.
fn unused_filters(page: Page, params: &PageParams) -> Vec<(&'static str, bool)> {
    let museum = ("only-museum", params.only_museum.is_some());
    let metric = ("only-metric", params.only_metric.is_some());
    let verdict = ("verdict", params.verdict.is_some());
    let year = ("year", params.year.is_some());
    match page {
        Page::Revisions(_) => vec![verdict],
        Page::Totals(_) => vec![museum],
        _ => vec![museum, metric, verdict, year],
    }
}

fn filter_museum(dataset: &Dataset, text: Option<&str>, notices: &mut Vec<Notice>) -> Option<u16> {
    let text = text?;
    let found = resolve_museum(dataset, text).filter(|m| !dataset.museum(*m).is_aggregate);
    if found.is_none() {
        notices.push(Notice::UnknownFilter {
            key: "only-museum",
            text: text.into(),
        });
    }
    found
}

fn filter_metric(dataset: &Dataset, text: Option<&str>, notices: &mut Vec<Notice>) -> Option<u16> {
    let text = text?;
    let found = dataset.metric_by_id(text);
    if found.is_none() {
        notices.push(Notice::UnknownFilter {
            key: "only-metric",
            text: text.into(),
        });
    }
    found
}

fn filter_verdict(text: Option<&str>, notices: &mut Vec<Notice>) -> Option<AuditVerdict> {
    let text = text?;
    let found = AuditVerdict::from_code(text);
    if found.is_none() {
        notices.push(Notice::UnknownFilter {
            key: "verdict",
            text: text.into(),
        });
    }
    found
}

fn filter_year(text: Option<&str>, notices: &mut Vec<Notice>) -> Option<FinancialYear> {
    let text = text?;
    let found = FinancialYear::parse(text).ok();
    if found.is_none() {
        notices.push(Notice::UnknownFilter {
            key: "year",
            text: text.into(),
        });
    }
    found
}

/// The URL parameters of a page and its filters, in a fixed order.
pub fn page_params(dataset: &Dataset, page: Page) -> Vec<String> {
    let mut parts: Vec<String> = page
        .code()
        .map(|c| format!("page={c}"))
        .into_iter()
        .collect();
    let museum = |m: Option<u16>| m.map(|m| format!("only-museum={}", dataset.museum(m).id));
    let metric = |m: Option<u16>| m.map(|m| format!("only-metric={}", dataset.metric(m).id));
    let year = |y: Option<FinancialYear>| y.map(|y| format!("year={}", y.slug()));
    match page {
        Page::Revisions(filter) => {
            parts.extend(museum(filter.museum));
            parts.extend(metric(filter.metric));
            parts.extend(year(filter.year));
        }
        Page::Totals(filter) => {
            parts.extend(metric(filter.metric));
            parts.extend(filter.verdict.map(|v| format!("verdict={}", v.code())));
            parts.extend(year(filter.year));
        }
        _ => {}
    }
    parts
}
