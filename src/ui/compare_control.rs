//! "Change since" year choice: adds change columns to the table.

use crate::core::year::FinancialYear;
use crate::ui::store::ViewStore;
use crate::ui::year_range::year_options;
use leptos::prelude::*;

#[component]
pub fn CompareControl(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let choices = move || store.state.get().compare_choices(dataset);
    let current = move || {
        store
            .state
            .get()
            .compare
            .map(FinancialYear::slug)
            .unwrap_or_default()
    };
    // "No comparison" has the empty value, which parses to no year.
    let on_change = move |ev| {
        let compare = FinancialYear::parse(&event_target_value(&ev)).ok();
        store.update(|state| state.with_compare(compare));
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
