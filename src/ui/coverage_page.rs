//! `?page=coverage&metric=ID`: which museums and years have figures for the metric, as a
//! table with headers (every cell in words and a symbol, never colour alone), counts per year
//! and per museum, series breaks and scope changes marked, each cell linking to the explorer.

use crate::core::coverage::{
    count_text, coverage_grid, headline, states_on_screen, CoverageCell, CoverageGrid, CoverageRow,
};
use crate::core::model::Dataset;
use crate::core::page_export::coverage_table;
use crate::core::url_state::to_query;
use crate::core::view_state::ViewState;
use crate::ui::metric_picker::MetricPicker;
use crate::ui::page_downloads::{PageDownloads, PageFile};
use crate::ui::store::ViewStore;
use leptos::prelude::*;

fn grid_cell(store: ViewStore, museum: &str, metric: &str, cell: CoverageCell) -> impl IntoView {
    let state = cell.state;
    let markers = cell
        .markers
        .iter()
        .map(|m| view! { <abbr class="marker" title=m.title>{m.text()}</abbr> })
        .collect_view();
    let target = cell.explorer_query.clone();
    let is_break = cell.markers.iter().any(|m| m.symbol == "b");
    view! {
        <td
            class=format!("coverage-cell state-{}", state.style())
            class:break-before=is_break
            data-museum=museum.to_string()
            data-year=cell.year.slug()
            data-metric=metric.to_string()
            data-status=state.code()
            data-suspect=(state == crate::core::coverage::CoverageState::SuspectedCopy).then_some("true")
        >
            <a
                href=cell.explorer_query.clone()
                on:click=move |ev| {
                    ev.prevent_default();
                    store.navigate(crate::core::url_state::parse_query(store.dataset, &target).state);
                }
            >
                <span class="symbol" aria-hidden="true">{state.symbol()}</span>
                <span class="state-words">{state.words()}</span>
            </a>
            {markers}
        </td>
    }
}

fn grid_row(store: ViewStore, row: &CoverageRow, metric: &str, counted: bool) -> impl IntoView {
    let museum = store.dataset.museum(row.museum);
    let cells = row
        .cells
        .iter()
        .map(|cell| grid_cell(store, &museum.id, metric, cell.clone()))
        .collect_view();
    let count = if counted {
        count_text(row.reported, row.expected)
    } else {
        "published row, not counted".into()
    };
    view! {
        <tr class:published-row=!counted>
            <th scope="row">{museum.name.clone()}</th>
            {cells}
            <td class="num row-count" data-museum-reported=row.reported.to_string() data-museum-expected=row.expected.to_string()>{count}</td>
        </tr>
    }
}

fn grid_table(store: ViewStore, grid: &CoverageGrid) -> impl IntoView {
    let dataset = store.dataset;
    let metric = dataset.metric(grid.metric);
    let headers = grid
        .years
        .iter()
        .map(|y| view! { <th scope="col" class="num">{y.label()}</th> })
        .collect_view();
    let counts = grid
        .year_counts
        .iter()
        .map(|c| view! {
            <td class="num year-count" data-year=c.year.slug() data-reported=c.reported.to_string() data-expected=c.expected.to_string()>
                {count_text(c.reported, c.expected)}
            </td>
        })
        .collect_view();
    let rows = grid
        .museum_rows
        .iter()
        .map(|r| grid_row(store, r, &metric.id, true))
        .collect_view();
    let published = grid
        .published_rows
        .iter()
        .map(|r| grid_row(store, r, &metric.id, false))
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="coverage-caption">
            <table class="coverage-table" id="coverage-table" data-metric=metric.id.clone()>
                <caption id="coverage-caption">{format!("What the sources hold for {}, by museum and year", metric.label)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Museum"</th>
                        {headers}
                        <th scope="col" class="num">"Years reported"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="count-row">
                        <th scope="row">"Museums reporting"</th>
                        {counts}
                        <td></td>
                    </tr>
                    {published}
                </tfoot>
            </table>
        </div>
    }
}

/// The plain-English key: every state and marker the grid shows.
fn key(grid: &CoverageGrid) -> impl IntoView {
    let (states, markers) = states_on_screen(grid);
    let states = states
        .into_iter()
        .map(|s| view! {
            <dt><span class=format!("key-swatch state-{}", s.style())>{s.symbol()}</span>" "{s.words()}</dt>
            <dd>{s.explanation()}</dd>
        })
        .collect_view();
    let markers = markers
        .into_iter()
        .map(|m| view! { <dt>{m.text()}" "{m.title}</dt><dd>{marker_explanation(m.symbol)}</dd> })
        .collect_view();
    view! {
        <h3>"Key"</h3>
        <dl class="legend coverage-key">{states}{markers}</dl>
    }
}

fn marker_explanation(symbol: &str) -> &'static str {
    match symbol {
        "b" => {
            "the figures from this year on are not comparable with earlier ones (a series break)."
        }
        "nc" => {
            "figures up to here were counted another way and are not comparable with later years."
        }
        _ => "the figure covers a different set of museums from the previous one.",
    }
}

fn page_file(dataset: &Dataset, grid: &CoverageGrid) -> PageFile {
    let metric = dataset.metric(grid.metric);
    PageFile {
        title: format!(
            "Coverage of {}: what the sources hold by museum and year",
            metric.label
        ),
        stem: format!("coverage_{}", metric.id),
        attribution: dataset
            .dataset_info(metric.dataset)
            .map(|d| d.attribution.clone())
            .unwrap_or_default(),
        table: coverage_table(dataset, grid),
    }
}

#[component]
pub fn CoveragePage(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let metric = Memo::new(move |_| store.state.get().metric);
    let grid = Memo::new(move |_| coverage_grid(dataset, metric.get()));
    let file = Memo::new(move |_| page_file(dataset, &grid.get()));
    let back = move || to_query(dataset, &ViewState::for_metric(metric.get()));
    view! {
        <section class="quality-page coverage-page" id="coverage">
            <h2>"Coverage: which museums and years have figures"</h2>
            <p class="headline" id="coverage-headline">{move || headline(dataset, &grid.get())}</p>
            <p>"Each cell says what the sources hold for one museum and year, and links to that figure in the explorer. \"Reported\" counts the cells with a number, out of those that could have one (every cell that is not \"not applicable\")."</p>
            <form class="page-filters" aria-label="Choose the metric" on:submit=|ev| ev.prevent_default()>
                <MetricPicker store=store />
            </form>
            <p>{move || crate::ui::view_link::view_link(store, back(), "Back to the explorer".into())}</p>
            {move || grid_table(store, &grid.get())}
            {move || key(&grid.get())}
            <PageDownloads store=store file=file />
        </section>
    }
}
