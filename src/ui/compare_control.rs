//! "Change since" year choice: adds change columns to the table.

use crate::core::query::{metric_years, year_bounds};
use crate::core::year::FinancialYear;
use crate::ui::store::ViewStore;
use crate::ui::year_range::year_options;
use leptos::prelude::*;

#[component]
pub fn CompareControl(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let choices = move || {
        let state = store.state.get();
        let latest = year_bounds(dataset, &state).map(|(_, to)| to);
        metric_years(dataset, state.metric)
            .into_iter()
            .filter(|year| latest.is_some_and(|latest| *year < latest))
            .collect::<Vec<_>>()
    };
    let on_change = move |ev| {
        let mut next = store.state.get_untracked();
        next.compare = FinancialYear::parse(&event_target_value(&ev)).ok();
        store.navigate(next);
    };
    let current = move || {
        store
            .state
            .get()
            .compare
            .map(FinancialYear::slug)
            .unwrap_or_default()
    };
    view! {
        <div class="control">
            <label for="compare">"Show change since"</label>
            <select id="compare" on:change=on_change prop:value=current>
                <option value="" selected=move || current().is_empty()>"No comparison"</option>
                {move || year_options(choices(), &current())}
            </select>
        </div>
    }
}
