//! Downloads of the view on screen, its permalink, a citation and an embed snippet.

use crate::core::chart::{chart_download_svg, chart_for_view, chart_width, ChartDownload};
use crate::core::embedded_data_version;
use crate::core::export::{
    citation, embed_snippet, export_view, file_stem, source_line, to_csv, to_json, view_title,
    ExportMeta,
};
use crate::core::query::TableView;
use crate::core::query_api;
use crate::core::view_state::ChartKind;
use crate::ui::download::{download_png, download_text};
use crate::ui::store::ViewStore;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Today as "24 November 2026", for "date accessed".
fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{} {} {}",
        date.get_date(),
        MONTHS[date.get_month() as usize % 12],
        date.get_full_year()
    )
}

/// The chart on screen as a file: the standalone SVG and its size, for the PNG's canvas.
struct ChartFile {
    svg: String,
    width: f64,
    /// The whole file's height: the chart's with the title and source bands.
    height: f64,
}

/// The chart on screen as a standalone SVG: title, subtitle, legend and source line.
fn chart_file(store: ViewStore, table: &TableView) -> Result<ChartFile, String> {
    chart_file_on_screen(store, table).ok_or_else(|| "there is no chart on screen".to_string())
}

/// The chart as drawn on screen (its layout at the same width, its marks from the same
/// markup) as a standalone SVG: the file is made from core, not read back from the page.
fn chart_file_on_screen(store: ViewStore, table: &TableView) -> Option<ChartFile> {
    let state = store.state.get_untracked();
    let kind = state.chart.resolve(table.years.len());
    let width = chart_width(window().inner_width().ok()?.as_f64()?);
    let drawn = chart_for_view(store.dataset, table, state.series, kind, width)?;
    let unit = store.dataset.metric(table.metric).unit;
    let source = source_line(store.dataset, table);
    let download = ChartDownload::of(store.dataset, drawn, unit, source);
    let (svg, height) = chart_download_svg(&download);
    Some(ChartFile { svg, width, height })
}

/// What the JSON and CSV downloads say about themselves.
fn export_meta(store: ViewStore, table: &TableView) -> ExportMeta {
    query_api::export_meta(
        store.dataset,
        table,
        store.permalink(false),
        embedded_data_version(),
    )
}

/// Named after the view: uk_loan_venues_2016-17_to_2023-24.csv.
fn file_name(store: ViewStore, table: &TableView, extension: &str) -> String {
    format!("{}.{extension}", file_stem(store.dataset, table))
}

/// Tells the reader, in the status line, whether the download of `what` was made.
fn report(status: RwSignal<String>, result: Result<(), String>, what: &str) {
    status.set(match result {
        Ok(()) => format!("{what} downloaded."),
        Err(error) => format!("The {what} could not be made: {error}"),
    });
}

fn export_csv(store: ViewStore, table: &TableView) -> Result<(), String> {
    let cells = export_view(store.dataset, table, store.state.get_untracked().compare);
    to_csv(&cells, &export_meta(store, table))
        .and_then(|csv| download_text(&file_name(store, table, "csv"), "text/csv", &csv))
}

fn export_json(store: ViewStore, table: &TableView) -> Result<(), String> {
    let cells = export_view(store.dataset, table, store.state.get_untracked().compare);
    to_json(store.dataset, table, &cells, &export_meta(store, table))
        .and_then(|json| download_text(&file_name(store, table, "json"), "application/json", &json))
}

fn export_svg(store: ViewStore, table: &TableView) -> Result<(), String> {
    chart_file(store, table).and_then(|chart| {
        download_text(&file_name(store, table, "svg"), "image/svg+xml", &chart.svg)
    })
}

/// The PNG is drawn from the SVG by the browser, which takes a moment: reported when done.
fn export_png(store: ViewStore, table: &TableView, status: RwSignal<String>) {
    let name = file_name(store, table, "png");
    let chart = chart_file(store, table);
    leptos::task::spawn_local(async move {
        let result = match chart {
            Ok(chart) => download_png(&name, &chart.svg, chart.width, chart.height).await,
            Err(error) => Err(error),
        };
        report(status, result, "PNG");
    });
}

/// The CSV, JSON, SVG and PNG buttons, and what the downloads hold.
#[component]
fn ExportButtons(
    store: ViewStore,
    table: Memo<TableView>,
    status: RwSignal<String>,
) -> impl IntoView {
    let download = move |export: fn(ViewStore, &TableView) -> Result<(), String>, what| {
        move |_| report(status, export(store, &table.get_untracked()), what)
    };
    let png = move |_| export_png(store, &table.get_untracked(), status);
    let no_chart = move || store.drawn_chart(table) == ChartKind::Table;
    view! {
        <div class="export-buttons" role="group" aria-label="Download this view">
            <button type="button" class="tab" data-export="csv" on:click=download(export_csv, "CSV")>"CSV"</button>
            <button type="button" class="tab" data-export="json" on:click=download(export_json, "JSON")>"JSON"</button>
            <button type="button" class="tab" data-export="svg" on:click=download(export_svg, "SVG") prop:disabled=no_chart>"Chart (SVG)"</button>
            <button type="button" class="tab" data-export="png" on:click=png prop:disabled=no_chart>"Chart (PNG)"</button>
        </div>
        <p class="hint">
            "Downloads hold exactly this view: the table's cells with their status, caveats and sources; the chart with its title and source line."
            <Show when=no_chart>" Choose the bar or line chart to download a chart."</Show>
        </p>
    }
}

/// The permalink of the view; reactive, so it follows every change of view.
fn tracked_permalink(store: ViewStore) -> String {
    store.state.track();
    store.permalink(false)
}

/// Copies the permalink; where the browser refuses, the link is left selected to copy by hand.
fn copy_link(store: ViewStore, status: RwSignal<String>) {
    let link = store.permalink(false);
    if let Some(input) = document().get_element_by_id("permalink") {
        input.unchecked_into::<HtmlInputElement>().select();
    }
    let promise = window().navigator().clipboard().write_text(&link);
    leptos::task::spawn_local(async move {
        status.set(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => "Link copied.".into(),
            Err(_) => {
                "The browser did not allow copying: the link is selected, press Ctrl+C (or ⌘C)."
                    .into()
            }
        });
    });
}

/// The view's permalink in a read-only box, with a copy button.
#[component]
fn PermalinkRow(store: ViewStore, status: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="control">
            <label for="permalink">"Link to this view"</label>
            <div class="copy-row">
                <input id="permalink" type="text" readonly prop:value=move || tracked_permalink(store) />
                <button type="button" class="tab" data-action="copy-link" on:click=move |_| copy_link(store, status)>"Copy link"</button>
            </div>
        </div>
    }
}

/// How to cite the view, dated today.
#[component]
fn Citation(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let text = move || {
        let table = table.get();
        citation(store.dataset, &table, &tracked_permalink(store), &today())
    };
    view! {
        <h3>"Cite this view"</h3>
        <p id="citation" class="citation">{text}</p>
    }
}

/// An iframe of the embed view, titled after the view.
fn view_embed_snippet(store: ViewStore, table: &TableView) -> String {
    embed_snippet(&store.permalink(true), &view_title(store.dataset, table))
}

/// The embed snippet, ready to copy.
#[component]
fn Embed(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    view! {
        <h3>"Embed this view"</h3>
        <label for="embed-snippet">"Paste this into a web page:"</label>
        <textarea id="embed-snippet" readonly rows="3" prop:value=move || view_embed_snippet(store, &table.get())></textarea>
    }
}

/// Downloads, the permalink, the citation and the embed snippet of the view on screen.
#[component]
pub fn SharePanel(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    view! {
        <section class="share-panel" aria-labelledby="share-title">
            <h2 id="share-title">"Download, share, cite"</h2>
            <ExportButtons store=store table=table status=status />
            <PermalinkRow store=store status=status />
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>
            <Citation store=store table=table />
            <Embed store=store table=table />
        </section>
    }
}
