//! The browser's JSON path (`JSON.parse`/`JSON.stringify` through serde-wasm-bindgen, what
//! the app uses) against serde_json's (the generator's and the host tests'): the same data
//! and the same downloads. Part of `tests/web.rs`.

use museum_lending_explorer::core::export::{self, ExportMeta};
use museum_lending_explorer::core::json;
use museum_lending_explorer::core::model::{DataFile, Dataset};
use museum_lending_explorer::core::page_export;
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::totals_audit::audit_rows;
use museum_lending_explorer::core::url_state::parse_query;
use museum_lending_explorer::core::{load_embedded, EMBEDDED_JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn serde_json_file() -> DataFile {
    serde_json::from_str(EMBEDDED_JSON).unwrap()
}

/// The same JSON text, whatever the writer: parsed and written again by the browser (so
/// `1336.0` and `1336` compare equal, and key order counts).
fn normalised(text: &str) -> String {
    let value = js_sys::JSON::parse(text).unwrap();
    String::from(js_sys::JSON::stringify(&value).unwrap())
}

fn meta() -> ExportMeta {
    ExportMeta {
        title: "UK loan venues".into(),
        permalink: "https://example.org/?v=1".into(),
        data_version: "d".into(),
        attribution: "a".into(),
        generated_by: "g".into(),
    }
}

#[wasm_bindgen_test]
fn the_data_loads_the_same_through_both_parsers() {
    let browser: DataFile = json::parse(EMBEDDED_JSON).unwrap();
    let reference = serde_json_file();
    // Missing figures (null) come back as None, note bits as they were.
    assert!(reference.facts.value.iter().any(Option::is_none));
    assert!(reference.facts.notes.iter().any(|&n| n != 0));
    assert_eq!(browser, reference);
    // And the loaded, validated and reworded dataset too.
    let app = load_embedded().unwrap();
    assert_eq!(app.file, Dataset::from_file(reference).unwrap().file);
}

#[wasm_bindgen_test]
fn note_bits_beyond_what_json_parse_holds_are_refused_not_rounded() {
    let mut file = serde_json_file();
    file.facts.notes[0] = (1 << 53) - 1;
    let parsed: DataFile = json::parse(&serde_json::to_string(&file).unwrap()).unwrap();
    assert_eq!(parsed.facts.notes[0], (1 << 53) - 1);
    file.facts.notes[0] = (1 << 60) + 1;
    let text = serde_json::to_string(&file).unwrap();
    assert!(json::parse::<DataFile>(&text).is_err());
    assert!(Dataset::from_json(&text).is_err());
    assert!(json::parse::<DataFile>("{\"format_version\": ").is_err());
}

#[wasm_bindgen_test]
fn the_view_download_is_serde_jsons_document_with_nulls_kept() {
    let dataset = load_embedded().unwrap();
    let table = build_table(
        &dataset,
        &parse_query(&dataset, "?metric=uk_loan_venues").state,
    );
    let cells = export::export_cells(&dataset, &table);
    let meta = meta();
    let browser = export::to_json(&dataset, &table, &cells, &meta).unwrap();
    let document = export::json_document(&dataset, &table, &cells, &meta);
    let reference = serde_json::to_string_pretty(&document).unwrap();
    assert_eq!(normalised(&browser), normalised(&reference));
    // Indented like serde_json's, and an empty value is null, not a missing key.
    assert!(
        browser.starts_with("{\n  \"title\": \"UK loan venues\","),
        "{browser}"
    );
    let empty = cells.iter().position(|c| c.value.is_none()).unwrap();
    let parsed = js_sys::JSON::parse(&browser).unwrap();
    let cell = js_sys::Reflect::get(
        &js_sys::Reflect::get(&parsed, &"cells".into()).unwrap(),
        &JsValue::from(empty as u32),
    )
    .unwrap();
    assert!(js_sys::Reflect::get(&cell, &"value".into())
        .unwrap()
        .is_null());
}

#[wasm_bindgen_test]
fn the_page_download_is_serde_jsons_document() {
    let dataset = load_embedded().unwrap();
    let table = page_export::totals_table(&dataset, &audit_rows(&dataset));
    let meta = meta();
    let browser = page_export::to_json(&table, &meta).unwrap();
    let reference =
        serde_json::to_string_pretty(&page_export::json_document(&table, &meta)).unwrap();
    assert_eq!(normalised(&browser), normalised(&reference));
    assert!(browser.contains("\"published_total\": 1336,"), "{browser}");
}
