//! Sources, DCMS notes and licence attribution for exactly the cells on screen.

use crate::core::model::{DatasetId, Source};
use crate::core::query::TableView;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

fn source_item(source: &Source) -> impl IntoView {
    let published = if source.published.is_empty() {
        "date not stated".to_string()
    } else {
        source.published.clone()
    };
    view! {
        <li class="source" data-source=source.id.clone()>
            <a href=source.url.clone() rel="noopener">{source.title.clone()}</a>
            <span class="source-meta">
                {format!(" – {}, {}. Licence: {}.", source.publisher, published, source.licence)}
            </span>
            {(!source.note.is_empty()).then(|| view! { <span class="source-note">{format!(" {}", source.note)}</span> })}
        </li>
    }
}

#[component]
pub fn SourcesPanel(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let content = move || {
        let table = table.get();
        let metric = dataset.metric(table.metric);
        let sources = table
            .sources_on_screen()
            .into_iter()
            .map(|index| source_item(dataset.source(index)))
            .collect_view();
        let notes = dataset
            .notes_in(table.notes_on_screen())
            .map(|note| view! { <li data-note=note.id><strong>{format!("Note {}: ", note.id)}</strong>{note.text.clone()}</li> })
            .collect_view();
        let has_notes = table.notes_on_screen() != 0;
        let attribution = dataset
            .dataset_info(metric.dataset)
            .map(|info| info.attribution.clone())
            .unwrap_or_default();
        let nominal = (metric.dataset == DatasetId::DcmsKpi && metric.unit.is_money())
            .then(|| view! { <p>"Income figures are nominal pounds of each year, not adjusted for inflation."</p> });
        view! {
            <h3>"Sources of the figures on screen"</h3>
            <ul class="sources" id="sources">{sources}</ul>
            {has_notes.then(|| view! {
                <h3>"DCMS notes for the figures on screen"</h3>
                <ul class="notes" id="notes">{notes}</ul>
            })}
            {nominal}
            <p class="attribution" id="attribution">{attribution}</p>
        }
    };
    view! {
        <section class="sources-panel" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and notes"</h2>
            {content}
            <p class="licence">
                "Figures published by DCMS are Crown copyright, released under the "
                <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">"Open Government Licence v3.0"</a>
                ". Figures from other publishers are quoted with their source."
            </p>
        </section>
    }
}
