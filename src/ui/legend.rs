//! Explains, in plain English, every marker and word the table on screen uses. What to
//! explain, and under which term, is decided in core ([`legend_entries`]); this only
//! renders it.

use crate::core::markers::{legend_entries, legend_groups, LegendGroup};
use crate::core::query::TableView;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// One `<dd>` per explanation; the group's first one is preceded by the `<dt>` of its term.
fn legend_group(group: LegendGroup) -> impl Iterator<Item = impl IntoView> {
    let term = group.term.text();
    group
        .explanations
        .into_iter()
        .enumerate()
        .map(move |(i, text)| {
            let term = (i == 0).then(|| term.clone());
            view! { {term.map(|term| view! { <dt>{term}</dt> })}<dd>{text}</dd> }
        })
}

#[component]
pub fn Legend(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let entries = move || {
        legend_groups(legend_entries(dataset, &table.get()))
            .into_iter()
            .flat_map(legend_group)
            .collect_view()
    };
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title">"What the markers and words mean"</h2>
            <p class="legend-intro">"A thick line before a year marks a series break: figures either side are not directly comparable."</p>
            <dl id="legend">{entries}</dl>
        </section>
    }
}
