//! From/to year choice over the years the metric has figures for.

use crate::core::query::metric_years;
use crate::core::view_state::YearEnd;
use crate::core::year::FinancialYear;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// `<option>`s for `years`, the one whose slug is `current` selected.
pub fn year_options(years: Vec<FinancialYear>, current: &str) -> impl IntoView {
    years
        .into_iter()
        .map(|year| {
            let slug = year.slug();
            let selected = slug == current;
            view! { <option value=slug selected=selected>{year.label()}</option> }
        })
        .collect_view()
}

/// The `<select>` for one end of the range.
fn year_select(store: ViewStore, end: YearEnd) -> impl IntoView {
    let dataset = store.dataset;
    let id = match end {
        YearEnd::From => "year-from",
        YearEnd::To => "year-to",
    };
    let current = move || {
        let bounds = store.state.get().year_bounds(dataset);
        bounds
            .map(|(from, to)| if end == YearEnd::From { from } else { to })
            .map(FinancialYear::slug)
            .unwrap_or_default()
    };
    let years = move || metric_years(dataset, store.state.get().metric);
    let on_change = move |ev| {
        if let Ok(year) = FinancialYear::parse(&event_target_value(&ev)) {
            store.update(|state| state.with_year(dataset, end, year));
        }
    };
    view! {
        <select id=id on:change=on_change prop:value=current>
            {move || year_options(years(), &current())}
        </select>
    }
}

#[component]
pub fn YearRange(store: ViewStore) -> impl IntoView {
    view! {
        <fieldset class="control years">
            <legend>"Years"</legend>
            <label for="year-from">"From"</label>
            {year_select(store, YearEnd::From)}
            <label for="year-to">"To"</label>
            {year_select(store, YearEnd::To)}
        </fieldset>
    }
}
