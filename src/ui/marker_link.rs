//! A table marker that leads somewhere: `[t]` to its row of the published-totals audit,
//! `[r18]` to its revision (`core::marker_links` decides which); others stay plain.

use crate::core::marker_links::marker_target;
use crate::core::markers::{markers_in, Marker};
use crate::core::model::Dataset;
use crate::core::year::FinancialYear;
use leptos::prelude::*;

/// Where a cell is, for the links of its markers.
#[derive(Clone, Copy)]
pub struct MarkerPlace {
    pub metric: u16,
    /// The museum or published row; `None` for the recomputed total.
    pub museum: Option<u16>,
    pub year: FinancialYear,
}

/// One marker: a link when it has a page of its own, otherwise `<abbr>` as before.
pub fn marker_view(dataset: &'static Dataset, marker: Marker, place: MarkerPlace) -> AnyView {
    match marker_target(dataset, marker, place.metric, place.museum, place.year) {
        Some(query) => view! {
            <a class="marker marker-link" href=query title=format!("{} (see why)", marker.title)>{marker.text()}</a>
        }
        .into_any(),
        None => view! { <abbr class="marker" title=marker.title>{marker.text()}</abbr> }.into_any(),
    }
}

/// The markers of every flag a cell carries, linked where they have a page.
pub fn linked_markers(dataset: &'static Dataset, flags: u32, place: MarkerPlace) -> impl IntoView {
    markers_in(dataset, flags)
        .into_iter()
        .map(|marker| marker_view(dataset, marker, place))
        .collect_view()
}
