//! The reports page: editions, cards, related figures, the change against the previous
//! edition (the same rule as the explorer's change column), and reader's text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, ids, year};
use museum_lending_explorer::core::analysis::{museum_change, ChangeCell};
use museum_lending_explorer::core::reports::{editions, Edition, ReportCard};
use museum_lending_explorer::core::year::FinancialYear;

fn edition(year_text: &str) -> Edition {
    editions(dataset())
        .into_iter()
        .find(|e| e.year == year(year_text))
        .unwrap_or_else(|| panic!("no edition {year_text}"))
}

fn card(edition: &Edition, metric_id: &str) -> ReportCard {
    edition
        .groups
        .iter()
        .flat_map(|g| g.cards.iter())
        .find(|c| c.metric_id == metric_id)
        .cloned()
        .unwrap_or_else(|| panic!("no card {metric_id}"))
}

#[test]
fn editions_are_the_reports_and_the_2009_study_newest_first() {
    let all = editions(dataset());
    let years: Vec<FinancialYear> = all.iter().map(|e| e.year).collect();
    assert_eq!(
        years,
        ["2020-21", "2019-20", "2018-19", "2017-18", "2008-09"].map(year)
    );
    let titles: Vec<&str> = all.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Museum Partnership Report 2020/21",
            "Museum Partnership Report 2019/20",
            "Museum Partnership Report 2018/19",
            "Museum Partnership Report 2017/18",
            "NMDC 2009 study (2008/09)"
        ]
    );
    let scopes: Vec<&str> = all.iter().map(|e| e.scope.as_str()).collect();
    assert_eq!(
        scopes,
        [
            "22 national museums",
            "22 national museums",
            "22 national museums",
            "17 national museums",
            "16 national museums"
        ]
    );
    // The scope is the edition's heading, not a card.
    assert!(all
        .iter()
        .flat_map(|e| e.groups.iter().flat_map(|g| g.cards.iter()))
        .all(|c| c.metric_id != "museums_in_scope"));
}

#[test]
fn uk_audience_2020_21_reads_as_published_with_the_explorers_change() {
    let latest = edition("2020-21");
    let uk = card(&latest, "audience_display_uk");
    assert_eq!(uk.value, 1_300_000.0);
    assert_eq!(uk.figure, "at least 1.3 million");
    assert_eq!(uk.scope, "22 national museums");
    assert_eq!(uk.counts, "People; 22 national museums");
    let change = uk.change.clone().expect("2019/20 published it");
    assert_eq!(change.base_year, year("2019-20"));
    // (1.3m − 22m) / 22m = −94.09…%, one decimal −94.1, as the report's "down 94%".
    assert_eq!(change.cell.data_percent, "-94.1");
    assert_eq!(
        change.text,
        "\u{2212}94.1% since 2019/20 (at least 22 million)"
    );
    assert_eq!(change.scope_caveat, None, "22 museums in both editions");
    // The same cell the explorer's change column builds for the sector row.
    let dataset = dataset();
    let (metric, sector) = ids(dataset, "audience_display_uk", "all-national-museums");
    let explorer = museum_change(dataset, metric, sector, year("2019-20"), year("2020-21"));
    assert_eq!(
        change.cell,
        ChangeCell::new(&explorer, dataset.metric(metric).unit)
    );
    assert!(uk
        .explorer_query
        .starts_with("?v=1&metric=audience_display_uk"));
    assert!(uk.source_url.starts_with("https://"));
    // 2017/18 18.4m, 2019/20 22m, 2020/21 1.3m: three dots, the last one the card's.
    let line = uk.sparkline.expect("three editions");
    assert_eq!(line.dots.len(), 3);
    assert!(line.dots[2].current && line.dots[2].year == year("2020-21"));
    assert_eq!(
        uk.editions_text,
        "Published for 2017/18, 2019/20 and 2020/21."
    );
}

#[test]
fn a_change_across_editions_of_different_scope_says_so() {
    let international = card(&edition("2020-21"), "audience_display_international");
    assert_eq!(international.figure, "4.6 million");
    let change = international.change.expect("2017/18 published it");
    // The previous edition with the figure is 2017/18: (4.6 − 14.4) / 14.4 = −68.06%.
    assert_eq!(change.base_year, year("2017-18"));
    assert_eq!(change.cell.data_percent, "-68.1");
    assert_eq!(
        change.scope_caveat.as_deref(),
        Some("Not like for like: the 2017/18 figure covers 17 national museums, this one 22 national museums.")
    );
    let objects = card(&edition("2018-19"), "objects_display");
    // 68,049 against 69,299: −1,250, −1.80%.
    assert_eq!(objects.change.unwrap().cell.data_percent, "-1.8");
    let first = card(&edition("2017-18"), "objects_display");
    assert_eq!(first.change, None, "no earlier edition");
    assert_eq!(first.no_change, "The first edition to publish this figure.");
    assert_eq!(objects_no_change(), "");
}

#[test]
fn related_figures_share_a_row() {
    let latest = edition("2020-21");
    let groups: Vec<(String, Vec<String>)> = latest
        .groups
        .iter()
        .map(|g| {
            (
                g.title.clone(),
                g.cards.iter().map(|c| c.metric_id.clone()).collect(),
            )
        })
        .collect();
    let expected = |title: &str, ids: &[&str]| {
        (
            title.to_string(),
            ids.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        groups[..3],
        [
            expected(
                "Audience for loaned objects",
                &["audience_display_uk", "audience_display_international"]
            ),
            expected(
                "Apprenticeships",
                &["apprenticeships", "museums_with_apprenticeships"]
            ),
            expected(
                "New partners",
                &["new_partners_uk", "new_partners_international"]
            ),
        ]
    );
    let apprentices = card(&latest, "apprenticeships");
    assert_eq!(apprentices.figure, "66");
    assert_eq!(apprentices.counts, "22 national museums");
    assert_eq!(card(&latest, "museums_with_apprenticeships").figure, "15");
    assert_eq!(card(&latest, "new_partners_uk").figure, "62");
    assert_eq!(card(&latest, "new_partners_international").figure, "63");
    // A figure published once has no sparkline, and says so in words.
    assert_eq!(apprentices.sparkline, None);
    assert_eq!(apprentices.editions_text, "Published for 2020/21 only.");
    assert_eq!(apprentices.no_change, "", "the editions text says it");
}

/// A card with a change has nothing to explain.
fn objects_no_change() -> &'static str {
    card(&edition("2019-20"), "objects_display").no_change
}
