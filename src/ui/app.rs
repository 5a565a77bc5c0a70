//! The page: a skip link, the header, then the results (summary, chart, table) with the
//! controls in a "Change what is shown" disclosure above them that states the current
//! choice; sources and downloads below. The DOM order is the visual order at every width.

use crate::core::model::{DataError, Dataset};
use crate::core::query::{build_table, TableView};
use crate::core::view_state::Page;
use crate::ui::chart_panel::ChartPanel;
use crate::ui::compare_control::CompareControl;
use crate::ui::coverage_page::CoveragePage;
use crate::ui::data_downloads::DataDownloads;
use crate::ui::embed_view::EmbedView;
use crate::ui::history;
use crate::ui::legend::Legend;
use crate::ui::metric_picker::MetricPicker;
use crate::ui::museum_picker::MuseumPicker;
use crate::ui::notices::Notices;
use crate::ui::reports_page::ReportsPage;
use crate::ui::results_table::ResultsTable;
use crate::ui::revisions_page::RevisionsPage;
use crate::ui::share_panel::SharePanel;
use crate::ui::sources_panel::SourcesPanel;
use crate::ui::store::ViewStore;
use crate::ui::totals_page::TotalsPage;
use crate::ui::year_range::YearRange;
use leptos::prelude::*;
use std::sync::OnceLock;

/// Parsed once per page; every component borrows it for the page's lifetime.
fn embedded_dataset() -> Result<&'static Dataset, &'static DataError> {
    static DATASET: OnceLock<Result<Dataset, DataError>> = OnceLock::new();
    DATASET.get_or_init(crate::core::load_embedded).as_ref()
}

#[component]
pub fn App() -> impl IntoView {
    match embedded_dataset() {
        Ok(dataset) => view! { <Explorer dataset=dataset /> }.into_any(),
        Err(error) => view! {
            <main class="explorer">
                <h1>"UK national museums: lending and partnerships"</h1>
                <div class="notice notice-error" role="alert">
                    <p>"The explorer could not read its data, so no figures are shown."</p>
                    <p>{error.to_string()}</p>
                    <p>
                        "The published data files are in the "
                        <a href="data/">"data folder"</a>"."
                    </p>
                </div>
            </main>
        }
        .into_any(),
    }
}

/// "Explorer" and "The reports": pressed is the page shown.
fn page_nav(store: ViewStore, page: Memo<Page>) -> impl IntoView {
    let tab = move |target: Page, data_page: Option<&'static str>, label: &'static str| {
        view! {
            <button
                type="button"
                class="tab"
                data-page=data_page
                aria-pressed=move || page.get().same_page(target).to_string()
                on:click=move |_| store.update(|state| state.with_page(target))
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="page-nav" aria-label="Pages">
            {tab(Page::Explorer, None, "Explorer")}
            {tab(Page::Headlines, Some("headlines"), "The reports")}
            {tab(Page::Coverage, Some("coverage"), "Coverage")}
            {tab(Page::Revisions(Default::default()), Some("revisions"), "Revisions")}
            {tab(Page::Totals(Default::default()), Some("totals"), "Published totals checked")}
        </nav>
    }
}

/// "Change what is shown", stating the current choice; it opens and closes the controls.
fn controls_toggle(store: ViewStore, open: RwSignal<bool>) -> impl IntoView {
    let dataset = store.dataset;
    view! {
        <div class="choice-bar">
            <button
                type="button"
                class="tab controls-toggle"
                id="controls-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="controls"
                aria-describedby="choice-summary"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {move || if open.get() { "Hide the choices" } else { "Change what is shown" }}
            </button>
            <p class="choice-summary" id="choice-summary">
                <span class="visually-hidden">"Now showing: "</span>
                {move || store.state.get().choice_summary(dataset)}
            </p>
        </div>
    }
}

/// Instead of an empty view when every museum is unticked: say so, and offer them all.
fn no_museum_notice(store: ViewStore, open: RwSignal<bool>) -> impl IntoView {
    let none = move || store.state.get().no_museums();
    view! {
        <Show when=none>
            <div class="notice" role="status" id="no-museums">
                <p class="notice-title">"Pick at least one museum"</p>
                <p>"No museum is selected, so there are no museum figures to show."</p>
                <div class="museum-actions">
                    <button type="button" class="tab" on:click=move |_| open.set(true)>"Choose museums"</button>
                    <button type="button" class="tab" data-action="show-all-museums" on:click=move |_| store.update(|state| state.with_all_museums())>
                        "Show all museums"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The explorer page: the choice and its controls, then the results, then the sources.
fn explorer_page(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="layout">
            {controls_toggle(store, open)}
            <form class="controls" id="controls" class:open=move || open.get() aria-label="Change what is shown" on:submit=|ev| ev.prevent_default()>
                <MetricPicker store=store />
                <YearRange store=store />
                <CompareControl store=store />
                <MuseumPicker store=store />
            </form>
            <section class="results" id="results" tabindex="-1" aria-label="Results">
                {no_museum_notice(store, open)}
                <ChartPanel store=store table=table />
                <ResultsTable store=store table=table />
                <Legend store=store table=table />
                <SharePanel store=store table=table />
            </section>
        </div>
        <SourcesPanel store=store table=table />
    }
}

/// "Skip to results": the first tab stop; moves the focus past the header and controls to
/// the results (or, on another page, to its content).
fn skip_link() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        // The page has a <base> element, so "#results" alone would leave the view's query.
        ev.prevent_default();
        crate::ui::store::focus_first(&["#results", "#page-content"]);
    };
    view! {
        <nav class="skip" aria-label="Skip link">
            <a href="#page-content" id="skip-to-results" class="skip-link" on:click=skip>"Skip to results"</a>
        </nav>
    }
}

/// Printed under the page: where the view lives, since a printout has no address bar.
fn print_permalink(store: ViewStore) -> impl IntoView {
    view! {
        <p class="print-only print-permalink">
            "This view online: "
            <span class="permalink-text">{move || { store.state.track(); store.permalink(false) }}</span>
        </p>
    }
}

/// The whole page (not embedded): header, link notices, page tabs, the page, data files.
fn full_page(store: ViewStore, table: Memo<TableView>, page: Memo<Page>) -> impl IntoView {
    let page_kind = Memo::new(move |_| page.get().code());
    view! {
        {skip_link()}
        <main class="explorer">
            <header class="page-header">
                <h1>"UK national museums: lending and partnerships"</h1>
                <p class="lede">
                    "Published figures on the national museums' loans and partnership work, from DCMS's museum performance indicators and the Museum Partnership Reports. Pick a metric, museums and years; the address bar keeps your view, so you can share it."
                </p>
            </header>
            <Notices store=store />
            {page_nav(store, page)}
            <div id="page-content" tabindex="-1">
            {move || {
                // Rebuilt when another page is chosen, not when a page's filter changes
                // (which would lose the keyboard focus on the filter).
                let _kind = page_kind.get();
                match page.get_untracked() {
                Page::Headlines => view! { <ReportsPage store=store /> }.into_any(),
                Page::Coverage => view! { <CoveragePage store=store /> }.into_any(),
                Page::Revisions(_) => view! { <RevisionsPage store=store /> }.into_any(),
                Page::Totals(_) => view! { <TotalsPage store=store /> }.into_any(),
                Page::Explorer => explorer_page(store, table).into_any(),
                }
            }}
            </div>
            <DataDownloads />
            {print_permalink(store)}
        </main>
    }
}

#[component]
fn Explorer(dataset: &'static Dataset) -> impl IntoView {
    let store = ViewStore::from_query(dataset, &history::current_query());
    store.canonicalise_address_bar();
    store.show_tab_title();
    crate::ui::js_api::install(dataset);
    let _ = window_event_listener(leptos::ev::popstate, move |_| store.follow_address_bar());
    let table = Memo::new(move |_| build_table(dataset, &store.state.get()));
    // Memos, so the page is rebuilt only when these change, not on every control change
    // (which would lose the keyboard focus).
    let page = Memo::new(move |_| store.state.get().page);
    let embed = Memo::new(move |_| store.state.get().embed);
    view! {
        <Show when=move || embed.get() fallback=move || full_page(store, table, page)>
            <EmbedView store=store table=table />
        </Show>
    }
}
