//! Every text the app can show a reader, scanned for the curators' shorthand: internal file
//! and column names, codes with underscores, trust grades, and marker codes such as `[r18]`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::dataset;
use museum_lending_explorer::core::markers::{explain, legend_entries, FLAG_TABLE};
use museum_lending_explorer::core::model::{Dataset, Qualifier, Status};
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::reports::editions;
use museum_lending_explorer::core::summary::summarise;
use museum_lending_explorer::core::view_state::{SeriesChoice, ViewState};

/// What a reader must never see, with why.
fn problems(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for (needle, why) in [
        (".csv", "a file name"),
        (".md", "a file name"),
        ("_id", "a column name"),
        ("note_ids", "a column name"),
        ("trust", "a trust grade"),
        ("discrepancies", "an internal table"),
        ("[r18]", "curator shorthand"),
        ("[nc]", "curator shorthand"),
        ("[tw]", "curator shorthand"),
        ("[dup]", "curator shorthand"),
    ] {
        if lower.contains(needle) {
            found.push(why);
        }
    }
    let code_word = text
        .split(|c: char| c.is_whitespace() || "(),;:.'\"".contains(c))
        .any(|word| word.contains('_'));
    if code_word {
        found.push("a code with an underscore");
    }
    found
}

/// Every default view's summary and legend, and the published-total explanations.
fn view_texts(dataset: &Dataset) -> Vec<String> {
    let mut texts = Vec::new();
    for metric in 0..dataset.metrics().len() as u16 {
        let table = build_table(dataset, &ViewState::for_metric(metric));
        texts.push(summarise(dataset, &table, SeriesChoice::Museums));
        texts.extend(
            legend_entries(dataset, &table)
                .into_iter()
                .flat_map(|e| [e.term().text(), e.explanation]),
        );
        let unit = dataset.metric(metric).unit;
        for total in table.computed_total().into_iter().flatten() {
            if let Some(published) = &total.published {
                texts.push(published.differs_sentence(unit));
            }
        }
    }
    texts
}

/// The reports page's cards and editions.
fn report_texts(dataset: &Dataset) -> Vec<String> {
    let mut texts = Vec::new();
    for edition in editions(dataset) {
        texts.push(edition.title);
        texts.push(edition.scope);
        for card in edition.groups.into_iter().flat_map(|g| g.cards) {
            texts.extend([card.label, card.figure, card.scope, card.note]);
            texts.extend([card.editions_text, card.source_title, card.counts]);
            texts.push(card.no_change.to_string());
            if let Some(change) = card.change {
                texts.push(change.text);
                texts.extend(change.scope_caveat);
            }
        }
    }
    texts
}

/// The data's own text as the app shows it (rewritten for readers when it loads).
fn data_texts(dataset: &Dataset) -> Vec<String> {
    let file = &dataset.file;
    let mut texts: Vec<String> = Vec::new();
    for detail in &file.fact_details {
        texts.extend([
            detail.comment.clone(),
            detail.scope.clone(),
            detail.edition.clone(),
        ]);
    }
    for source in &file.sources {
        texts.extend([
            source.title.clone(),
            source.note.clone(),
            source.publisher.clone(),
        ]);
    }
    for claim in &file.stated_changes {
        texts.extend([claim.wording.clone(), claim.note.clone()]);
    }
    for metric in &file.metrics {
        texts.extend([
            metric.label.clone(),
            metric.definition.clone(),
            metric.caveat.clone(),
        ]);
    }
    texts.extend(file.total_checks.iter().map(|c| c.explanation.clone()));
    texts.extend(file.museums.iter().map(|m| m.name.clone()));
    texts.extend(file.notes.iter().map(|n| n.text.clone()));
    texts.extend(file.datasets.iter().map(|d| d.attribution.clone()));
    texts
}

/// The markers and their explanations, and the words for statuses and qualifiers.
fn key_texts(dataset: &Dataset) -> Vec<String> {
    let every_flag = (1u32 << dataset.file.flags.len()) - 1;
    let mut texts = Vec::new();
    for rule in FLAG_TABLE {
        if let Some(marker) = rule.marker {
            texts.extend([marker.text(), marker.title.to_string()]);
            texts.extend(explain(dataset, marker, every_flag));
        }
    }
    texts.extend(
        Status::ALL
            .iter()
            .filter_map(|s| s.explanation().map(String::from)),
    );
    texts.extend(
        Qualifier::ALL
            .iter()
            .filter_map(|q| q.explanation().map(String::from)),
    );
    texts
}

#[test]
fn no_internal_names_codes_or_grades_reach_the_reader() {
    let dataset = dataset();
    let texts: Vec<String> = [
        view_texts(dataset),
        report_texts(dataset),
        data_texts(dataset),
        key_texts(dataset),
    ]
    .concat();
    assert!(texts.len() > 500, "the scan covers the app's text");
    let offending: Vec<(String, Vec<&str>)> = texts
        .into_iter()
        .map(|text| {
            let found = problems(&text);
            (text, found)
        })
        .filter(|(_, found)| !found.is_empty())
        .collect();
    assert!(offending.is_empty(), "{offending:#?}");
}

#[test]
fn the_scan_would_catch_what_the_data_files_hold() {
    // The raw data does hold such text: the rewrite, not luck, keeps it off the screen.
    let raw: museum_lending_explorer::core::model::DataFile =
        serde_json::from_str(museum_lending_explorer::core::EMBEDDED_JSON).unwrap();
    let flag_meanings: Vec<&str> = raw.flags.iter().map(|f| f.meaning.as_str()).collect();
    assert!(flag_meanings.iter().any(|m| !problems(m).is_empty()));
    assert!(raw
        .fact_details
        .iter()
        .any(|d| problems(&d.comment).contains(&"an internal table")));
    assert!(problems("medium-low trust").contains(&"a trust grade"));
    assert!(problems("[r18]").contains(&"curator shorthand"));
}
