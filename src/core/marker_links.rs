//! Where a marker in the explorer's table leads: a `[t]` (published total differs from the
//! museum rows) to its row of the published-totals audit, an `[r18]` (changed since the
//! 2018/19 release) to that cell's revision. Other markers are explained by the legend only.

use super::markers::{marker_for_flag, Marker};
use super::model::Dataset;
use super::revisions::RevisionFilter;
use super::totals_audit::AuditFilter;
use super::url_state::to_query;
use super::view_state::{Page, ViewState};
use super::year::FinancialYear;

/// The flag code whose marker leads to the revisions page.
const CHANGED_SINCE_2018_19: &str = "changed_since_2018_19_release";

/// The query string of the page a marker on the cell of `museum` (a museum or a published
/// row), `metric` and `year` links to; `None` for markers with no page of their own.
pub fn marker_target(
    dataset: &Dataset,
    marker: Marker,
    metric: u16,
    museum: Option<u16>,
    year: FinancialYear,
) -> Option<String> {
    let page = if marker == Marker::TOTAL_DIFFERS {
        let id = &dataset.metric(metric).id;
        dataset.total_check(id, year)?;
        Page::Totals(AuditFilter::row_of(metric, year))
    } else if Some(marker) == marker_for_flag(CHANGED_SINCE_2018_19) {
        let museum = museum.filter(|m| !dataset.museum(*m).is_aggregate)?;
        Page::Revisions(RevisionFilter::cell(museum, metric, year))
    } else {
        return None;
    };
    Some(to_query(
        dataset,
        &ViewState::for_metric(metric).with_page(page),
    ))
}
