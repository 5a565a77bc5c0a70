//! `?page=revisions`: every value DCMS changed between its 2018/19 and 2023/24 releases, old
//! → new, filterable by museum and metric; then the values only one release prints.

use crate::core::format::number_text;
use crate::core::model::{Dataset, DatasetId};
use crate::core::order::sort_unique;
use crate::core::page_export::revisions_table;
use crate::core::revisions::{
    cell_words, change_text, comparisons, percent_text, revisions_view, summary, value_text,
    Comparison, RevisionFilter, RevisionsView,
};
use crate::core::url_state::to_query;
use crate::core::view_state::{Page, ViewState};
use crate::ui::page_downloads::{PageDownloads, PageFile};
use crate::ui::store::ViewStore;
use crate::ui::view_link::view_link;
use leptos::prelude::*;

fn filter_of(page: Page) -> RevisionFilter {
    match page {
        Page::Revisions(filter) => filter,
        _ => RevisionFilter::default(),
    }
}

fn set_filter(store: ViewStore, change: impl FnOnce(RevisionFilter) -> RevisionFilter) {
    let filter = change(filter_of(store.state.get_untracked().page));
    store.update(|state| state.with_page(Page::Revisions(filter)));
}

/// The explorer view of one cell: its metric, its museum, its year.
fn explorer_query(dataset: &Dataset, c: &Comparison) -> String {
    let state = ViewState {
        museums: Some(vec![c.museum]),
        from: Some(c.year),
        to: Some(c.year),
        ..ViewState::for_metric(c.metric)
    };
    to_query(dataset, &state)
}

fn revision_row(store: ViewStore, c: Comparison, highlighted: bool) -> impl IntoView {
    let dataset = store.dataset;
    let number = |v: Option<f64>| v.map(number_text).unwrap_or_default();
    view! {
        <tr
            class="revision-row"
            class:highlighted=highlighted
            aria-current=highlighted.then_some("true")
            data-museum=dataset.museum(c.museum).id.clone()
            data-year=c.year.slug()
            data-metric=dataset.metric(c.metric).id.clone()
            data-old=number(c.old)
            data-new=number(c.new)
        >
            <th scope="row">{view_link(store, explorer_query(dataset, &c), cell_words(dataset, &c))}</th>
            <td class="num">{value_text(dataset, c.metric, c.old)}</td>
            <td class="num">{c.new.map(|_| value_text(dataset, c.metric, c.new)).unwrap_or_else(|| c.new_status_words.unwrap_or("no figure").to_string())}</td>
            <td class="num">{change_text(dataset, &c)}</td>
            <td class="num">{c.change().map(|_| percent_text(&c))}</td>
        </tr>
    }
}

fn comparison_table(
    store: ViewStore,
    id: &'static str,
    caption: &'static str,
    rows: Vec<Comparison>,
    year: Option<crate::core::year::FinancialYear>,
) -> impl IntoView {
    let empty = rows.is_empty();
    let body = rows
        .into_iter()
        .map(|c| revision_row(store, c, year == Some(c.year)))
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=format!("{id}-caption")>
            <table class="revisions-table" id=id>
                <caption id=format!("{id}-caption")>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Museum, indicator, year"</th>
                        <th scope="col" class="num">"2018/19 release"</th>
                        <th scope="col" class="num">"2023/24 release"</th>
                        <th scope="col" class="num">"Change"</th>
                        <th scope="col" class="num">"Change (%)"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p class="empty">"None for this filter."</p> })}
    }
}

/// A `<select>` of `(id, label)` choices with an "all" option, reporting the chosen id.
fn choice(
    id: &'static str,
    label: &'static str,
    all: &'static str,
    choices: Vec<(String, String)>,
    chosen: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    on_pick: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let options = choices
        .into_iter()
        .map(|(value, text)| {
            let mine = value.clone();
            view! { <option value=value selected=move || chosen().as_deref() == Some(mine.as_str())>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="control">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick(event_target_value(&ev))>
                <option value="" selected=move || chosen().is_none()>{all}</option>
                {options}
            </select>
        </div>
    }
}

fn filters(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let all = comparisons(dataset);
    let mut museums: Vec<u16> = all.iter().map(|c| c.museum).collect();
    sort_unique(&mut museums);
    dataset.sort_by_name(&mut museums);
    let mut metrics: Vec<u16> = all.iter().map(|c| c.metric).collect();
    sort_unique(&mut metrics);
    let filter = move || filter_of(store.state.get().page);
    let museum_choices = museums
        .into_iter()
        .map(|m| (dataset.museum(m).id.clone(), dataset.museum(m).name.clone()))
        .collect();
    let metric_choices = metrics
        .into_iter()
        .map(|m| {
            (
                dataset.metric(m).id.clone(),
                dataset.metric(m).label.clone(),
            )
        })
        .collect();
    view! {
        <form class="page-filters" aria-label="Filter the revisions" on:submit=|ev| ev.prevent_default()>
            {choice("revisions-museum", "Museum", "All museums", museum_choices,
                move || filter().museum.map(|m| dataset.museum(m).id.clone()),
                move |id| set_filter(store, |f| f.with_museum(dataset.museum_by_id(&id))))}
            {choice("revisions-metric", "Indicator", "All indicators", metric_choices,
                move || filter().metric.map(|m| dataset.metric(m).id.clone()),
                move |id| set_filter(store, |f| f.with_metric(dataset.metric_by_id(&id))))}
        </form>
    }
}

fn page_file(dataset: &Dataset, view: &RevisionsView) -> PageFile {
    PageFile {
        title: "Values DCMS changed between its 2018/19 and 2023/24 performance indicator releases".into(),
        stem: "revisions_2018-19_to_2023-24".into(),
        attribution: format!(
            "{} 2018/19 figures: Contains public sector information licensed under the Open Government Licence v3.0. Source: DCMS, Sponsored Museums and Galleries Annual Performance Indicators 2018/19 (as re-keyed in github.com/BIGBEARBANG/DataScienceProject).",
            dataset.dataset_info(DatasetId::DcmsKpi).map(|d| d.attribution.as_str()).unwrap_or_default()
        ),
        table: revisions_table(dataset, view),
    }
}

#[component]
pub fn RevisionsPage(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let filter = Memo::new(move |_| filter_of(store.state.get().page));
    let view = Memo::new(move |_| revisions_view(dataset, &filter.get()));
    let file = Memo::new(move |_| page_file(dataset, &view.get()));
    let back = to_query(
        dataset,
        &ViewState::for_metric(store.state.get_untracked().metric),
    );
    view! {
        <section class="quality-page revisions-page" id="revisions">
            <h2>"Revisions between DCMS releases"</h2>
            <p class="headline" id="revisions-summary">{move || summary(dataset, &view.get())}</p>
            <p>
                "Each museum figure of DCMS's 2018/19 release beside the same figure in the 2023/24 release. A value counts as revised when the two differ by more than half a unit (0.05 percentage points for shares), so dropped decimals do not count. The 2018/19 figures come from a copy re-keyed by a third party, not from DCMS's own file, and it has no total rows, so totals are not compared here."
            </p>
            <p>{view_link(store, back, "Back to the explorer".into())}</p>
            {filters(store)}
            <h3>"Revised values"</h3>
            {move || comparison_table(store, "revisions-table", "Values both releases print that differ, largest change first", view.get().revised, filter.get().year)}
            <h3>"Values in only one release"</h3>
            {move || comparison_table(store, "one-release-table", "Values one release prints and the other does not", view.get().in_one_only, filter.get().year)}
            <PageDownloads store=store file=file />
        </section>
    }
}
