//! Museum multi-select, grouped by sponsor. Only museums with figures for the metric can be
//! ticked; "all" is the default and follows the metric.

use crate::core::query::museums_with_data;
use crate::ui::grouping::group_in_order;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// Non-aggregate museums grouped by sponsor, in the order sponsors first appear.
fn sponsor_groups(store: &ViewStore) -> Vec<(String, Vec<u16>)> {
    let mut groups = group_in_order(
        store
            .dataset
            .museums()
            .iter()
            .enumerate()
            .filter(|(_, museum)| !museum.is_aggregate)
            .map(|(index, museum)| (format!("Sponsored by {}", museum.sponsor), index as u16)),
    );
    for (_, members) in &mut groups {
        store.dataset.sort_by_name(members);
    }
    groups
}

/// One museum's checkbox, disabled when the metric has no figures for it.
fn museum_box(store: ViewStore, available: Memo<Vec<u16>>, museum: u16) -> impl IntoView {
    let entry = store.dataset.museum(museum);
    let id = format!("museum-{}", entry.id);
    let has_data = move || available.get().contains(&museum);
    let ticked = move || store.state.get().museum_ticked(&available.get(), museum);
    let on_change = move |ev| {
        let ticked = event_target_checked(&ev);
        store.update(|state| state.toggle_museum(store.dataset, museum, ticked));
    };
    view! {
        <li class:no-data=move || !has_data()>
            <input
                type="checkbox"
                id=id.clone()
                value=entry.id.clone()
                prop:checked=ticked
                prop:disabled=move || !has_data()
                on:change=on_change
            />
            <label for=id>
                {entry.name.clone()}
                <Show when=move || !has_data()>
                    <span class="visually-hinted">" (no figures for this metric)"</span>
                </Show>
            </label>
        </li>
    }
}

/// The "All museums with figures" box: ticking it selects every museum.
fn all_box(store: ViewStore, available: Memo<Vec<u16>>) -> impl IntoView {
    let on_change = move |ev| {
        if event_target_checked(&ev) {
            store.update(|state| state.with_all_museums());
        }
    };
    view! {
        <div class="all-museums">
            <input
                type="checkbox"
                id="museum-all"
                prop:checked=move || store.state.get().museums.is_none()
                on:change=on_change
            />
            <label for="museum-all">
                "All museums with figures ("
                {move || available.get().len()}
                ")"
            </label>
        </div>
    }
}

#[component]
pub fn MuseumPicker(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let available = Memo::new(move |_| museums_with_data(dataset, store.state.get().metric));
    let groups = sponsor_groups(&store)
        .into_iter()
        .map(|(label, members)| {
            let boxes = members
                .into_iter()
                .map(|museum| museum_box(store, available, museum))
                .collect_view();
            view! {
                <li class="museum-group">
                    <span class="museum-group-label">{label}</span>
                    <ul>{boxes}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="control museums">
            <legend>"Museums"</legend>
            {all_box(store, available)}
            <ul class="museum-groups">{groups}</ul>
        </fieldset>
    }
}
