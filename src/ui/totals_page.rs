//! `?page=totals`: every DCMS published total beside the recomputed sum of its museum rows,
//! filterable by metric and verdict.

use crate::core::format::{format_value, number_text};
use crate::core::model::{Dataset, DatasetId};
use crate::core::page_export::totals_table;
use crate::core::query::PUBLISHED_TOTAL_ID;
use crate::core::totals_audit::{
    audit_rows, filtered, headline, AuditFilter, AuditRow, AuditVerdict,
};
use crate::core::url_state::to_query;
use crate::core::view_state::{Page, ViewState};
use crate::ui::page_downloads::{PageDownloads, PageFile};
use crate::ui::store::ViewStore;
use crate::ui::view_link::view_link;
use leptos::prelude::*;

/// The audit's filter in the view state (the default when another page is shown).
fn current_filter(store: ViewStore) -> AuditFilter {
    match store.state.get().page {
        Page::Totals(filter) => filter,
        _ => AuditFilter::default(),
    }
}

fn set_filter(store: ViewStore, change: impl FnOnce(AuditFilter) -> AuditFilter) {
    let filter = change(current_filter_untracked(store));
    store.update(|state| state.with_page(Page::Totals(filter)));
}

fn current_filter_untracked(store: ViewStore) -> AuditFilter {
    match store.state.get_untracked().page {
        Page::Totals(filter) => filter,
        _ => AuditFilter::default(),
    }
}

/// The explorer view of a total's museum rows: the metric, every museum, that year.
fn explorer_query(dataset: &Dataset, row: &AuditRow) -> String {
    let state = ViewState {
        from: Some(row.year),
        to: Some(row.year),
        ..ViewState::for_metric(row.metric)
    };
    to_query(dataset, &state)
}

fn audit_row(store: ViewStore, row: AuditRow, highlighted: bool) -> impl IntoView {
    let dataset = store.dataset;
    let metric = dataset.metric(row.metric);
    let unit = metric.unit;
    view! {
        <tr
            class=format!("audit-row verdict-{}", row.verdict.code())
            class:highlighted=highlighted
            aria-current=highlighted.then_some("true")
            id=format!("total-{}-{}", metric.id, row.year.slug())
            data-metric=metric.id.clone()
            data-year=row.year.slug()
            data-published=number_text(row.published)
            data-recomputed=number_text(row.recomputed)
            data-verdict=row.verdict.code()
        >
            <th scope="row">{metric.label.clone()}", "{row.year.label()}</th>
            <td class="num">{format_value(row.published, unit)}</td>
            <td class="num">{format_value(row.recomputed, unit)}</td>
            <td>{row.coverage()}</td>
            <td class="num">{row.difference_text(dataset)}</td>
            <td class="num">{row.tolerance_text(dataset)}</td>
            <td class="verdict-cell"><strong>{row.verdict.words()}</strong></td>
            <td class="explanation">
                {row.explanation.clone()}" "
                {view_link(store, explorer_query(dataset, &row), "See the museum rows".into())}
            </td>
        </tr>
    }
}

fn audit_table(
    store: ViewStore,
    rows: Vec<AuditRow>,
    year: Option<crate::core::year::FinancialYear>,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|row| {
            let highlighted = year == Some(row.year);
            audit_row(store, row, highlighted)
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="totals-caption">
            <table class="audit-table" id="totals-table">
                <caption id="totals-caption">"DCMS published totals and the sum of the museum rows beside them"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Indicator, year"</th>
                        <th scope="col" class="num">"Published total"</th>
                        <th scope="col" class="num">"Sum of museum rows"</th>
                        <th scope="col">"Coverage"</th>
                        <th scope="col" class="num">"Difference (published − sum)"</th>
                        <th scope="col" class="num">"Rounding tolerance"</th>
                        <th scope="col">"Verdict"</th>
                        <th scope="col">"Explanation"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The metric and verdict filters.
fn filters(store: ViewStore, rows: &[AuditRow]) -> impl IntoView {
    let dataset = store.dataset;
    let mut metrics: Vec<u16> = rows.iter().map(|r| r.metric).collect();
    metrics.dedup();
    let metric_options = metrics
        .into_iter()
        .map(|m| {
            let id = dataset.metric(m).id.clone();
            view! { <option value=id.clone() selected=move || current_filter(store).metric == Some(m)>{dataset.metric(m).label.clone()}</option> }
        })
        .collect_view();
    let verdict_options = AuditVerdict::ALL
        .into_iter()
        .map(|v| view! { <option value=v.code() selected=move || current_filter(store).verdict == Some(v)>{v.words()}</option> })
        .collect_view();
    let on_metric = move |ev| {
        let metric = dataset.metric_by_id(&event_target_value(&ev));
        set_filter(store, |f| f.with_metric(metric));
    };
    let on_verdict = move |ev| {
        let verdict = AuditVerdict::from_code(&event_target_value(&ev));
        set_filter(store, |f| f.with_verdict(verdict));
    };
    view! {
        <form class="page-filters" aria-label="Filter the totals" on:submit=|ev| ev.prevent_default()>
            <div class="control">
                <label for="totals-metric">"Indicator"</label>
                <select id="totals-metric" on:change=on_metric>
                    <option value="" selected=move || current_filter(store).metric.is_none()>"All indicators"</option>
                    {metric_options}
                </select>
            </div>
            <div class="control">
                <label for="totals-verdict">"Verdict"</label>
                <select id="totals-verdict" on:change=on_verdict>
                    <option value="" selected=move || current_filter(store).verdict.is_none()>"All verdicts"</option>
                    {verdict_options}
                </select>
            </div>
        </form>
    }
}

fn page_file(dataset: &Dataset, rows: &[AuditRow]) -> PageFile {
    PageFile {
        title: "DCMS published totals beside the recomputed sum of the museum rows".into(),
        stem: "published_totals_audit".into(),
        attribution: dataset
            .dataset_info(DatasetId::DcmsKpi)
            .map(|d| d.attribution.clone())
            .unwrap_or_default(),
        table: totals_table(dataset, rows),
    }
}

#[component]
pub fn TotalsPage(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let all = audit_rows(dataset);
    let all_rows = all.clone();
    let shown = Memo::new(move |_| filtered(&all_rows, &current_filter(store)));
    let file = Memo::new(move |_| page_file(dataset, &shown.get()));
    let filter_controls = filters(store, &all);
    let back = to_query(
        dataset,
        &ViewState::for_metric(store.state.get_untracked().metric),
    );
    let excluded = dataset.museum_by_id(PUBLISHED_TOTAL_ID).is_none();
    view! {
        <section class="quality-page totals-page" id="totals">
            <h2>"Published totals, checked"</h2>
            <p class="headline" id="totals-headline">{headline(&all)}</p>
            <p>
                "DCMS publishes a total for each indicator and year. Here each is set beside the sum of the museum rows of the same table, added up by this explorer. Totals of visits and income are published rounded to the nearest thousand, so a difference of up to 500 is rounding; UK loan venues are published exactly."
            </p>
            <p id="totals-copied-note">
                "This check adds up every figure as DCMS printed it, including the few that look copied from the total visits column, because the question is whether DCMS's total is the sum of its own rows. The explorer's own totals leave those figures out and say how many, so for those years the two pages can give different answers."
            </p>
            {excluded.then(|| view! { <p class="notice">"The data has no published total row."</p> })}
            <p>{view_link(store, back, "Back to the explorer".into())}</p>
            {filter_controls}
            <p class="shown-count" role="status">{move || format!("Showing {} of {} totals. {}", shown.get().len(), all.len(), headline(&shown.get()))}</p>
            {move || audit_table(store, shown.get(), current_filter(store).year)}
            <PageDownloads store=store file=file />
        </section>
    }
}
