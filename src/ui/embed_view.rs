//! `embed=1`: the chart (or table), its summary and source line, and a link back to the
//! full view, for an iframe.

use crate::core::export::{source_line, view_title};
use crate::core::query::TableView;
use crate::core::view_state::ChartKind;
use crate::ui::chart_panel::ChartFigure;
use crate::ui::results_table::ResultsTable;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

#[component]
pub fn EmbedView(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let table_only = move || store.drawn_chart(table) == ChartKind::Table;
    view! {
        <main class="embed" id="embed-view">
            <h1 class="embed-title">{move || view_title(dataset, &table.get())}</h1>
            <ChartFigure store=store table=table />
            <Show when=table_only>
                <ResultsTable store=store table=table />
            </Show>
            <p class="embed-source" id="embed-source">{move || source_line(dataset, &table.get())}</p>
            <p>
                <a href=move || { store.state.track(); store.permalink(false) } target="_blank" rel="noopener" id="embed-full-view">
                    "Open the full view, with the table, sources and downloads"
                </a>
            </p>
        </main>
    }
}
