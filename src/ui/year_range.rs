//! From/to year choice over the years the metric has figures for.

use crate::core::query::{metric_years, year_bounds};
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

#[derive(Clone, Copy, PartialEq)]
enum End {
    From,
    To,
}

#[component]
pub fn YearRange(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let years = move || metric_years(dataset, store.state.get().metric);
    let bounds = move || year_bounds(dataset, &store.state.get());

    let set_year = move |end: End, text: String| {
        let Ok(year) = FinancialYear::parse(&text) else {
            return;
        };
        let mut next = store.state.get_untracked();
        let (from, to) = year_bounds(dataset, &next).unwrap_or((year, year));
        // Keep the range the right way round: moving one end past the other moves both.
        let (from, to) = match end {
            End::From => (year, to.max(year)),
            End::To => (from.min(year), year),
        };
        next.from = Some(from);
        next.to = Some(to);
        store.navigate(next);
    };

    let select = move |end: End| {
        let id = if end == End::From {
            "year-from"
        } else {
            "year-to"
        };
        let current = move || {
            bounds()
                .map(|(from, to)| if end == End::From { from } else { to })
                .map(FinancialYear::slug)
                .unwrap_or_default()
        };
        view! {
            <select id=id on:change=move |ev| set_year(end, event_target_value(&ev)) prop:value=current>
                {move || year_options(years(), &current())}
            </select>
        }
    };

    view! {
        <fieldset class="control years">
            <legend>"Years"</legend>
            <label for="year-from">"From"</label>
            {select(End::From)}
            <label for="year-to">"To"</label>
            {select(End::To)}
        </fieldset>
    }
}
