//! Museum multi-select, grouped by sponsor: "Select all", "Select none", a type-ahead filter
//! over names and aliases, and an "only" button beside each museum. Only museums with
//! figures for the metric can be ticked; the rules live in `core::view_state`.

use crate::core::query::museums_with_data;
use crate::core::view_state::{museum_matches_filter, MuseumSelection};
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

/// What the reader typed in the filter, and whether a museum passes it.
#[derive(Clone, Copy)]
struct Filter {
    store: ViewStore,
    text: RwSignal<String>,
}

impl Filter {
    fn shows(self, museum: u16) -> bool {
        museum_matches_filter(self.store.dataset.museum(museum), &self.text.get())
    }
}

/// "Only": this museum alone, in one press.
fn only_button(store: ViewStore, available: Memo<Vec<u16>>, museum: u16) -> impl IntoView {
    let entry = store.dataset.museum(museum);
    let has_data = move || available.get().contains(&museum);
    view! {
        <Show when=has_data>
            <button
                type="button"
                class="only"
                data-only=entry.id.clone()
                aria-label=format!("Show only {}", entry.name)
                on:click=move |_| store.update(|state| state.with_only_museum(store.dataset, museum))
            >
                "only"
            </button>
        </Show>
    }
}

/// One museum's checkbox and "only" button, disabled when the metric has no figures for it.
fn museum_box(filter: Filter, available: Memo<Vec<u16>>, museum: u16) -> impl IntoView {
    let store = filter.store;
    let entry = store.dataset.museum(museum);
    let id = format!("museum-{}", entry.id);
    let has_data = move || available.get().contains(&museum);
    let ticked = move || store.state.get().museum_ticked(&available.get(), museum);
    let on_change = move |ev| {
        let ticked = event_target_checked(&ev);
        store.update(|state| state.toggle_museum(store.dataset, museum, ticked));
    };
    view! {
        <li class="museum-item" class:no-data=move || !has_data() hidden=move || !filter.shows(museum)>
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
            {only_button(store, available, museum)}
        </li>
    }
}

/// "Select all", "Select none" and the words saying what is selected.
fn selection_actions(store: ViewStore) -> impl IntoView {
    let selection = move || store.state.get().museum_selection(store.dataset);
    let has_museums = move || selection() != MuseumSelection::MetricHasNoMuseums;
    view! {
        <p class="museum-status" id="museum-status" class:empty-choice=move || selection() == MuseumSelection::NoneChosen>
            {move || selection().status_words()}
        </p>
        <Show when=has_museums>
            <div class="museum-actions">
                <button type="button" class="tab" data-action="select-all" on:click=move |_| store.update(|state| state.with_all_museums())>
                    "Select all"
                </button>
                <button type="button" class="tab" data-action="select-none" on:click=move |_| store.update(|state| state.with_no_museums())>
                    "Select none"
                </button>
            </div>
        </Show>
    }
}

/// The filter box: typing narrows the list to matching names and aliases.
fn filter_box(filter: Filter) -> impl IntoView {
    view! {
        <div class="museum-filter">
            <label for="museum-filter">"Find a museum"</label>
            <input
                type="search"
                id="museum-filter"
                autocomplete="off"
                aria-describedby="museum-filter-hint"
                prop:value=move || filter.text.get()
                on:input=move |ev| filter.text.set(event_target_value(&ev))
            />
            <span class="hint" id="museum-filter-hint">"Name, short name or former name, e.g. V&A, Geffrye."</span>
        </div>
    }
}

#[component]
pub fn MuseumPicker(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let available = Memo::new(move |_| museums_with_data(dataset, store.state.get().metric));
    let filter = Filter {
        store,
        text: RwSignal::new(String::new()),
    };
    let groups = sponsor_groups(&store)
        .into_iter()
        .map(|(label, members)| {
            let any_shown = {
                let members = members.clone();
                move || members.iter().any(|m| filter.shows(*m))
            };
            let boxes = members
                .into_iter()
                .map(|museum| museum_box(filter, available, museum))
                .collect_view();
            view! {
                <li class="museum-group" hidden=move || !any_shown()>
                    <span class="museum-group-label">{label}</span>
                    <ul>{boxes}</ul>
                </li>
            }
        })
        .collect_view();
    let has_museums = move || !available.get().is_empty();
    view! {
        <fieldset class="control museums">
            <legend>"Museums"</legend>
            {selection_actions(store)}
            <Show when=has_museums>
                {filter_box(filter)}
            </Show>
            <ul class="museum-groups" hidden=move || !has_museums()>{groups}</ul>
        </fieldset>
    }
}
