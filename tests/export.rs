//! Downloads carry exactly the table's cells, with statuses, flags, sources and metadata.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, view_from_query as view};
use museum_lending_explorer::core::export::{
    citation, data_version, embed_snippet, export_cells, export_view, file_stem, tab_title, to_csv,
    to_json, ExportMeta, ExtraValue, CSV_COLUMNS, EXTRA_COLUMNS,
};
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::url_state::parse_query;
use museum_lending_explorer::core::{embedded_data_version, EMBEDDED_JSON};

fn meta() -> ExportMeta {
    ExportMeta {
        title: "UK loan venues, 2016/17 to 2023/24".into(),
        permalink: "https://example.org/repo/?v=1&metric=uk_loan_venues".into(),
        data_version: embedded_data_version(),
        attribution:
            "Contains public sector information licensed under the Open Government Licence v3.0."
                .into(),
        generated_by: "test".into(),
    }
}

#[test]
fn csv_parses_back_to_the_table_cells() {
    let dataset = dataset();
    let table = view(dataset, "?metric=uk_loan_venues&from=2016-17&to=2023-24");
    let cells = export_cells(dataset, &table);
    let text = to_csv(&cells, &meta()).unwrap();
    assert!(text.starts_with("# title: UK loan venues"));
    assert!(text.contains("# permalink: https://example.org/repo/?v=1&metric=uk_loan_venues\r\n"));
    assert!(text.contains(&format!("# data version: {}\r\n", embedded_data_version())));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );

    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let rows = table.museum_rows.len() + 1 + 1; // museums, recomputed total, published total
    assert_eq!(records.len(), rows * table.years.len());
    let find = |museum: &str, year: &str| {
        records
            .iter()
            .find(|r| &r[0] == museum && &r[3] == year)
            .unwrap()
    };

    let bm = find("british-museum", "2019/20");
    assert_eq!((&bm[7], &bm[8]), ("195", "reported"));
    assert_eq!(
        &bm[13],
        "https://www.gov.uk/government/collections/museums-and-galleries-monthly-visits"
    );
    let wallace = find("wallace-collection", "2017/18");
    assert_eq!((&wallace[7], &wallace[8]), ("", "not published"));
    let iwm = find("imperial-war-museums", "2017/18");
    assert!(
        iwm[10].contains("Revised by DCMS")
            && iwm[10].contains("Changed since the 2018/19 release"),
        "{:?}",
        iwm
    );
    let smg = find("science-museum-group", "2016/17");
    assert!(smg[10].contains("Series break"));
    let total = find("total", "2017/18");
    assert_eq!((&total[7], &total[8]), ("1279", "recomputed"));
    assert!(total[11].contains("14 of 15 museums reported; DCMS published 1336"));
    let published = find("published-total", "2017/18");
    assert_eq!(&published[7], "1336");
    // Every museum cell equals the engine's value for it.
    for row in &table.museum_rows {
        let id = &dataset.museum(row.museum).id;
        for cell in &row.cells {
            let record = find(id, &cell.year.label());
            assert_eq!(record[7].parse::<f64>().ok(), cell.value());
        }
    }
}

#[test]
fn csv_quotes_fields_with_commas_and_quotes() {
    let dataset = dataset();
    let table = view(dataset, "?metric=loans_display_international");
    let text = to_csv(&export_cells(dataset, &table), &meta()).unwrap();
    // The note "Derived: 2,110 - 1,474; ..." contains commas and must be quoted.
    let line = text
        .lines()
        .find(|l| l.contains("all-national-museums") && l.contains("2017/18"))
        .unwrap();
    assert!(
        line.contains("\"17 national museums; Derived: 2,110 - 1,474;"),
        "{line}"
    );
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    assert!(reader
        .records()
        .all(|r| r.unwrap().len() == CSV_COLUMNS.len()));
}

#[test]
fn json_export_has_the_documented_shape() {
    let dataset = dataset();
    let table = view(dataset, "?metric=objects_display");
    let cells = export_cells(dataset, &table);
    let json: serde_json::Value =
        serde_json::from_str(&to_json(dataset, &table, &cells, &meta()).unwrap()).unwrap();
    for key in [
        "title",
        "permalink",
        "data_version",
        "attribution",
        "metric",
        "years",
        "cells",
        "notes",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["metric"]["id"], "objects_display");
    assert_eq!(json["cells"].as_array().unwrap().len(), cells.len());
    let sector = json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["museum_id"] == "all-national-museums" && c["year"] == "2019/20")
        .unwrap();
    assert_eq!(sector["value"], 71205.0);
    assert_eq!(sector["row_kind"], "sector");
    assert!(
        json["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["row_kind"] != "total"),
        "partnership figures are never summed"
    );
}

#[test]
fn names_versions_and_citation() {
    let dataset = dataset();
    let table = view(dataset, "?metric=uk_loan_venues&from=2016/17&to=2023/24");
    assert_eq!(
        file_stem(dataset, &table),
        "uk_loan_venues_2016-17_to_2023-24"
    );
    assert_eq!(
        file_stem(
            dataset,
            &view(dataset, "?metric=uk_loan_venues&from=2019-20&to=2019-20")
        ),
        "uk_loan_venues_2019-20"
    );
    assert_eq!(data_version(EMBEDDED_JSON), embedded_data_version());
    assert_ne!(
        data_version(EMBEDDED_JSON),
        data_version(&EMBEDDED_JSON[1..])
    );
    assert_eq!(data_version("").len(), 16);

    let text = citation(
        dataset,
        &table,
        "https://example.org/?v=1",
        "24 November 2026",
    );
    assert!(
        text.starts_with(
            "UK loan venues, 2016/17 to 2023/24. Department for Culture, Media and Sport (DCMS)."
        ),
        "{text}"
    );
    assert!(
        text.ends_with("https://example.org/?v=1 (accessed 24 November 2026)."),
        "{text}"
    );
}

#[test]
fn the_tab_is_named_after_what_the_page_shows() {
    let dataset = dataset();
    let title = |query: &str| tab_title(dataset, &parse_query(dataset, query).state);
    assert_eq!(
        title("?metric=uk_loan_venues&from=2016-17&to=2023-24"),
        "UK loan venues by museum, 2016/17 to 2023/24 (venues) – UK national museums explorer"
    );
    assert_eq!(
        title("?metric=uk_loan_venues&page=coverage"),
        "Coverage of UK loan venues – UK national museums explorer"
    );
    assert_eq!(
        title("?page=headlines"),
        "The reports: headline figures – UK national museums explorer"
    );
}

#[test]
fn embed_snippet_escapes_its_link_and_title_for_html() {
    let snippet = embed_snippet(
        "https://example.org/?v=1&metric=uk_loan_venues&embed=1",
        "Visits \"by\" museum, <2019/20> & after",
    );
    assert_eq!(
        snippet,
        "<iframe src=\"https://example.org/?v=1&amp;metric=uk_loan_venues&amp;embed=1\" \
         title=\"Visits &quot;by&quot; museum, &lt;2019/20&gt; &amp; after\" width=\"100%\" \
         height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>"
    );
}

#[test]
fn csv_and_json_carry_the_change_share_and_rank_the_view_shows() {
    let dataset = dataset();
    let query = "?metric=uk_loan_venues&from=2016-17&to=2023-24&compare=2019-20";
    let parsed = parse_query(dataset, query).state;
    let table = build_table(dataset, &parsed);
    let cells = export_view(dataset, &table, parsed.compare);
    let text = to_csv(&cells, &meta()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let expected: Vec<&str> = CSV_COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS.iter())
        .copied()
        .collect();
    assert_eq!(headers, expected);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(records.iter().all(|r| r.len() == headers.len()));
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let find = |museum: &str, year: &str| {
        records
            .iter()
            .find(|r| &r[0] == museum && &r[3] == year)
            .unwrap()
    };
    // values.csv: British Museum 195 (2019/20) → 145 (2023/24): −50, −25.6%; 145 of the
    // recomputed 1,017 is 14.3%, third after the Natural History Museum (202) and the V&A
    // (168), of 14 museums.
    let bm = find("british-museum", "2023/24");
    let field = |record: &csv::StringRecord, name: &str| record[column(name)].to_string();
    assert_eq!(field(bm, "change_from"), "2019/20");
    assert_eq!(field(bm, "change"), "-50");
    assert_eq!(field(bm, "change_pct"), "-25.6");
    assert_eq!(field(bm, "share_pct"), "14.3");
    assert_eq!(field(bm, "rank"), "3");
    assert_eq!(field(bm, "rank_of"), "14");
    // Earlier years of the row leave the extra columns empty.
    let earlier = find("british-museum", "2019/20");
    assert!(EXTRA_COLUMNS.iter().all(|c| field(earlier, c).is_empty()));
    // The recomputed total: 1,265 → 1,017, −248, −19.6%; no share or rank.
    let total = find("total", "2023/24");
    assert_eq!(field(total, "change"), "-248");
    assert_eq!(field(total, "change_pct"), "-19.6");
    assert_eq!(field(total, "rank"), "");

    // JSON: the same keys on every cell, null where empty.
    let json: serde_json::Value =
        serde_json::from_str(&to_json(dataset, &table, &cells, &meta()).unwrap()).unwrap();
    let bm = json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["museum_id"] == "british-museum" && c["year"] == "2023/24")
        .unwrap();
    assert_eq!(bm["change_pct"], -25.6);
    assert_eq!(bm["share_pct"], 14.3);
    assert_eq!(bm["rank"], 3);
    assert!(json["cells"][0]["change_pct"].is_null());

    // Without a compare year the change columns are left out; share and rank stay, as
    // in the table.
    let plain = export_view(dataset, &table, None);
    let keys: Vec<&str> = plain[0].extras.keys().copied().collect();
    assert_eq!(keys, ["rank", "rank_of", "share_pct"]);
    // A view without museum rows (a published national total) shows none of them.
    let national = view(dataset, "?metric=visits_total_longrun");
    assert!(export_view(dataset, &national, None)
        .iter()
        .all(|c| c.extras.is_empty()));
}

#[test]
fn sector_change_in_the_download_is_the_reports_change() {
    let dataset = dataset();
    let query = "?metric=audience_display_uk&from=2019-20&to=2020-21&compare=2019-20";
    let parsed = parse_query(dataset, query).state;
    let table = build_table(dataset, &parsed);
    let cells = export_view(dataset, &table, parsed.compare);
    let sector = cells
        .iter()
        .find(|c| c.row_kind == "sector" && c.year == "2020/21")
        .unwrap();
    // 22m → 1.3m: −94.1%, the exact stored values in `value`.
    assert_eq!(sector.extras["change_pct"], ExtraValue::Number(-94.1));
    assert_eq!(sector.value, Some(1_300_000.0));
}

/// Reads a CSV download back with the csv crate, skipping the `#` lines: its records.
fn read_back(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_csv_writer_quotes_what_rfc_4180_needs_and_the_csv_crate_reads_it_back() {
    use museum_lending_explorer::core::export::csv_document;
    let rows = vec![
        vec![
            "plain",
            "with, comma",
            "say \"hi\"",
            "two\r\nlines",
            "lf\nonly",
        ],
        vec!["#not a comment", "", "café – ü", "a\"", "cr\ronly"],
    ];
    let text = csv_document(&meta(), &["a", "b", "c", "d", "e"], rows.clone());
    assert!(text.ends_with("\r\n"));
    assert!(text.contains(
        "\r\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\"\r\n"
    ));
    // A field starting with `#` is quoted, so `comment='#'` readers keep the row.
    assert!(text.contains("\r\n\"#not a comment\",,café – ü,\"a\"\"\",\"cr\ronly\"\r\n"));
    let mut expected = vec![vec!["a", "b", "c", "d", "e"]];
    expected.extend(rows);
    assert_eq!(read_back(&text), expected);
    // One empty field stays a record, not a blank line.
    let lone = csv_document(&meta(), &["only"], [[""]]);
    assert!(lone.ends_with("only\r\n\"\"\r\n"), "{lone}");
    assert_eq!(read_back(&lone), vec![vec!["only"], vec![""]]);
}

#[test]
fn a_views_csv_reads_back_as_its_cells() {
    let dataset = dataset();
    let table = view(dataset, "?metric=uk_loan_venues&compare=2016-17");
    let cells = export_cells(dataset, &table);
    let records = read_back(&to_csv(&cells, &meta()).unwrap());
    assert_eq!(records.len(), cells.len() + 1);
    for (record, cell) in records[1..].iter().zip(&cells) {
        assert_eq!(record[0], cell.museum_id);
        assert_eq!(record[1], cell.museum);
        assert_eq!(
            record[7],
            cell.value.map(|v| v.to_string()).unwrap_or_default()
        );
        assert_eq!(record[11], cell.note);
    }
}

mod csv_properties {
    use super::{meta, read_back};
    use museum_lending_explorer::core::export::csv_document;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_round_trips_through_the_csv_writer(
            rows in prop::collection::vec(prop::collection::vec(".{0,12}", 3), 1..6)
        ) {
            let text = csv_document(&meta(), &["x", "y", "z"], rows.clone());
            let back = read_back(&text);
            prop_assert_eq!(&back[1..], &rows[..]);
        }
    }
}
