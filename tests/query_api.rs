//! `explorer.query(…)` (the console API): the view a query describes, answered with the JSON
//! download's object, the query read exactly like a link.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::dataset;
use museum_lending_explorer::core::embedded_data_version;
use museum_lending_explorer::core::export::{export_view, to_json};
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::query_api::{answer, EXPLORER_ONLY, GENERATED_BY};
use museum_lending_explorer::core::url_state::parse_query;

const PAGE: &str = "https://example.org/repo/";
const QUERY: &str =
    "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24";

#[test]
fn answers_with_the_cells_the_page_shows_for_the_same_link() {
    let dataset = dataset();
    let got = answer(dataset, PAGE, QUERY, embedded_data_version());
    let state = parse_query(dataset, QUERY).state;
    let table = build_table(dataset, &state);
    assert_eq!(got.cells, export_view(dataset, &table, state.compare));
    assert!(got.notices.is_empty(), "{:?}", got.notices);
    let british_museum_2019 = got
        .cells
        .iter()
        .find(|c| c.museum_id == "british-museum" && c.year == "2019/20")
        .expect("the British Museum's 2019/20 cell");
    assert_eq!(british_museum_2019.value, Some(195.0));
    assert_eq!(got.meta.generated_by, GENERATED_BY);
    assert_eq!(
        got.meta.permalink,
        "https://example.org/repo/?v=1&metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24"
    );
}

#[test]
fn the_object_is_the_json_download_of_the_view() {
    let dataset = dataset();
    let got = answer(dataset, PAGE, QUERY, embedded_data_version());
    let download = to_json(dataset, &got.table, &got.cells, &got.meta).unwrap();
    let object = serde_json::to_value(got.document(dataset)).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&download).unwrap();
    assert_eq!(object, parsed);
    assert_eq!(object["metric"]["id"], "uk_loan_venues");
    assert_eq!(object["years"].as_array().unwrap().len(), 8);
}

#[test]
fn takes_a_whole_permalink_or_a_query_without_its_question_mark() {
    let dataset = dataset();
    let reference = answer(dataset, PAGE, QUERY, embedded_data_version());
    for text in [
        format!("https://example.org/elsewhere/{QUERY}"),
        QUERY.trim_start_matches('?').to_string(),
    ] {
        let got = answer(dataset, PAGE, &text, embedded_data_version());
        assert_eq!(got.cells, reference.cells, "{text}");
        assert_eq!(got.meta.permalink, reference.meta.permalink, "{text}");
    }
}

#[test]
fn says_what_it_dropped_and_answers_with_the_rest() {
    let dataset = dataset();
    let got = answer(
        dataset,
        PAGE,
        "?metric=uk_loan_venues&museums=british-museum,nowhere&colour=red",
        embedded_data_version(),
    );
    assert_eq!(got.notices.len(), 2, "{:?}", got.notices);
    assert!(got.notices.iter().any(|n| n.contains("nowhere")));
    assert!(got.notices.iter().any(|n| n.contains("colour")));
    assert!(got.cells.iter().any(|c| c.museum_id == "british-museum"));
    assert!(!got
        .cells
        .iter()
        .any(|c| c.row_kind == "museum" && c.museum_id != "british-museum"));
}

#[test]
fn another_page_or_the_embed_view_still_answers_with_the_explorer_view() {
    let dataset = dataset();
    for query in [
        "?page=coverage&metric=objects_display",
        "?metric=objects_display&embed=1",
    ] {
        let got = answer(dataset, PAGE, query, embedded_data_version());
        assert_eq!(got.notices, vec![EXPLORER_ONLY.to_string()], "{query}");
        assert!(!got.cells.is_empty(), "{query}");
        assert!(!got.meta.permalink.contains("page="), "{query}");
        assert!(!got.meta.permalink.contains("embed="), "{query}");
    }
}
