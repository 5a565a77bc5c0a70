//! CSV and JSON downloads and the permalink of the coverage, revisions and totals pages.

use crate::core::embedded_data_version;
use crate::core::export::ExportMeta;
use crate::core::page_export::{to_csv, to_json, PageTable};
use crate::ui::download::download_text;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// What a page's downloads hold and are called.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFile {
    pub title: String,
    /// File name without extension, e.g. `revisions_2018-19_to_2023-24`.
    pub stem: String,
    pub attribution: String,
    pub table: PageTable,
}

fn meta(store: ViewStore, file: &PageFile) -> ExportMeta {
    ExportMeta {
        title: file.title.clone(),
        permalink: store.permalink(false),
        data_version: embedded_data_version(),
        attribution: file.attribution.clone(),
        generated_by: "UK national museums: lending and partnerships explorer".into(),
    }
}

fn save(store: ViewStore, file: &PageFile, json: bool) -> Result<(), String> {
    let meta = meta(store, file);
    if json {
        to_json(&file.table, &meta).and_then(|text| {
            download_text(&format!("{}.json", file.stem), "application/json", &text)
        })
    } else {
        to_csv(&file.table, &meta)
            .and_then(|text| download_text(&format!("{}.csv", file.stem), "text/csv", &text))
    }
}

/// The download buttons, a status line and the page's link.
#[component]
pub fn PageDownloads(store: ViewStore, file: Memo<PageFile>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let button = move |json: bool, label: &'static str| {
        view! {
            <button
                type="button"
                class="tab"
                data-export=if json { "json" } else { "csv" }
                on:click=move |_| {
                    status.set(match save(store, &file.get_untracked(), json) {
                        Ok(()) => format!("{label} downloaded."),
                        Err(error) => format!("The {label} could not be made: {error}"),
                    })
                }
            >
                {label}
            </button>
        }
    };
    let link = move || {
        store.state.track();
        store.permalink(false)
    };
    view! {
        <section class="share-panel page-downloads" aria-labelledby="page-share-title">
            <h2 id="page-share-title">"Download, share"</h2>
            <div class="export-buttons" role="group" aria-label="Download this table">
                {button(false, "CSV")}
                {button(true, "JSON")}
            </div>
            <p class="hint">"Downloads hold exactly the rows on screen, with the filters applied."</p>
            <div class="control">
                <label for="page-permalink">"Link to this view"</label>
                <input id="page-permalink" type="text" readonly prop:value=link />
            </div>
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
