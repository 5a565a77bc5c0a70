//! Downloads of the view on screen, its permalink, a citation and an embed snippet.

use crate::core::embedded_data_version;
use crate::core::export::{
    attribution, citation, export_cells, file_stem, source_line, standalone_svg, to_csv, to_json,
    view_title, ExportMeta,
};
use crate::core::query::{ChartKind, TableView};
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

/// The chart on screen as a standalone SVG with its title and source line.
fn chart_svg(store: ViewStore, table: &TableView) -> Result<(String, f64, f64), String> {
    chart_svg_on_screen(store, table).ok_or_else(|| "there is no chart on screen".to_string())
}

fn chart_svg_on_screen(store: ViewStore, table: &TableView) -> Option<(String, f64, f64)> {
    let element = document().get_element_by_id("chart-svg")?;
    let view_box = element.get_attribute("viewBox")?;
    let numbers: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let (width, height) = (*numbers.get(2)?, *numbers.get(3)?);
    let title = document()
        .get_element_by_id("chart-title")
        .and_then(|t| t.text_content())
        .unwrap_or_default();
    let svg = standalone_svg(
        &element.inner_html(),
        width,
        height,
        &title,
        &source_line(store.dataset, table),
    );
    Some((svg, width, height + 64.0))
}

#[component]
pub fn SharePanel(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let status = RwSignal::new(String::new());
    let meta = move |table: &TableView| ExportMeta {
        title: view_title(dataset, table),
        permalink: store.permalink(false),
        data_version: embedded_data_version(),
        attribution: attribution(dataset, table),
        generated_by: "UK national museums: lending and partnerships explorer".into(),
    };
    // Named after the view: uk_loan_venues_2016-17_to_2023-24.csv.
    let file_name = move |table: &TableView, extension: &str| {
        format!("{}.{extension}", file_stem(dataset, table))
    };
    let report = move |result: Result<(), String>, what: &str| {
        status.set(match result {
            Ok(()) => format!("{what} downloaded."),
            Err(error) => format!("The {what} could not be made: {error}"),
        });
    };
    let export_csv = move |_| {
        let table = table.get_untracked();
        let result = to_csv(&export_cells(dataset, &table), &meta(&table))
            .and_then(|csv| download_text(&file_name(&table, "csv"), "text/csv", &csv));
        report(result, "CSV");
    };
    let export_json = move |_| {
        let table = table.get_untracked();
        let result = to_json(
            dataset,
            &table,
            &export_cells(dataset, &table),
            &meta(&table),
        )
        .and_then(|json| download_text(&file_name(&table, "json"), "application/json", &json));
        report(result, "JSON");
    };
    let export_svg = move |_| {
        let table = table.get_untracked();
        let result = chart_svg(store, &table).and_then(|(svg, _, _)| {
            download_text(&file_name(&table, "svg"), "image/svg+xml", &svg)
        });
        report(result, "SVG");
    };
    let export_png = move |_| {
        let table = table.get_untracked();
        let name = file_name(&table, "png");
        let chart = chart_svg(store, &table);
        leptos::task::spawn_local(async move {
            let result = match chart {
                Ok((svg, width, height)) => download_png(&name, &svg, width, height).await,
                Err(error) => Err(error),
            };
            report(result, "PNG");
        });
    };
    let no_chart = move || store.drawn_chart(table) == ChartKind::Table;

    let permalink = move || {
        store.state.track();
        store.permalink(false)
    };
    let copy_link = move |_| {
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
    };
    let citation_text = move || {
        let table = table.get();
        citation(dataset, &table, &permalink(), &today())
    };
    let embed_snippet = move || {
        let title = view_title(dataset, &table.get());
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>",
            store.permalink(true),
            title.replace('"', "&quot;")
        )
    };

    view! {
        <section class="share-panel" aria-labelledby="share-title">
            <h2 id="share-title">"Download, share, cite"</h2>
            <div class="export-buttons" role="group" aria-label="Download this view">
                <button type="button" class="tab" data-export="csv" on:click=export_csv>"CSV"</button>
                <button type="button" class="tab" data-export="json" on:click=export_json>"JSON"</button>
                <button type="button" class="tab" data-export="svg" on:click=export_svg prop:disabled=no_chart>"Chart (SVG)"</button>
                <button type="button" class="tab" data-export="png" on:click=export_png prop:disabled=no_chart>"Chart (PNG)"</button>
            </div>
            <p class="hint">
                "Downloads hold exactly this view: the table's cells with their status, caveats and sources; the chart with its title and source line."
                <Show when=no_chart>" Choose the bar or line chart to download a chart."</Show>
            </p>
            <div class="control">
                <label for="permalink">"Link to this view"</label>
                <div class="copy-row">
                    <input id="permalink" type="text" readonly prop:value=permalink />
                    <button type="button" class="tab" data-action="copy-link" on:click=copy_link>"Copy link"</button>
                </div>
            </div>
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>
            <h3>"Cite this view"</h3>
            <p id="citation" class="citation">{citation_text}</p>
            <h3>"Embed this view"</h3>
            <label for="embed-snippet">"Paste this into a web page:"</label>
            <textarea id="embed-snippet" readonly rows="3" prop:value=embed_snippet></textarea>
        </section>
    }
}
