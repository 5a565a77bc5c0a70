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

#[component]
pub fn MuseumPicker(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let available = Memo::new(move |_| museums_with_data(dataset, store.state.get().metric));
    let all_selected = move || store.state.get().museums.is_none();
    let is_checked = move |museum: u16| match store.state.get().museums {
        None => available.get().contains(&museum),
        Some(list) => list.contains(&museum),
    };

    let toggle = move |museum: u16, checked: bool| {
        let mut next = store.state.get_untracked();
        let available = available.get_untracked();
        let mut chosen = next.museums.clone().unwrap_or_else(|| available.clone());
        chosen.retain(|m| *m != museum);
        if checked {
            chosen.push(museum);
        }
        dataset.sort_by_name(&mut chosen);
        // Every museum ticked is the same view as "all", and has the shorter link.
        next.museums =
            (!available.iter().all(|m| chosen.contains(m)) && !chosen.is_empty()).then_some(chosen);
        store.navigate(next);
    };
    let select_all = move |checked: bool| {
        let mut next = store.state.get_untracked();
        if checked {
            next.museums = None;
            store.navigate(next);
        }
    };

    let groups = sponsor_groups(&store)
        .into_iter()
        .map(|(label, members)| {
            let boxes = members
                .into_iter()
                .map(|museum| {
                    let entry = dataset.museum(museum);
                    let id = format!("museum-{}", entry.id);
                    let has_data = move || available.get().contains(&museum);
                    view! {
                        <li class:no-data=move || !has_data()>
                            <input
                                type="checkbox"
                                id=id.clone()
                                value=entry.id.clone()
                                prop:checked=move || is_checked(museum)
                                prop:disabled=move || !has_data()
                                on:change=move |ev| toggle(museum, event_target_checked(&ev))
                            />
                            <label for=id>
                                {entry.name.clone()}
                                <Show when=move || !has_data()>
                                    <span class="visually-hinted">" (no figures for this metric)"</span>
                                </Show>
                            </label>
                        </li>
                    }
                })
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
            <div class="all-museums">
                <input
                    type="checkbox"
                    id="museum-all"
                    prop:checked=all_selected
                    on:change=move |ev| select_all(event_target_checked(&ev))
                />
                <label for="museum-all">
                    "All museums with figures ("
                    {move || available.get().len()}
                    ")"
                </label>
            </div>
            <ul class="museum-groups">{groups}</ul>
        </fieldset>
    }
}
