//! Change, share, rank, the chart summary and the headline recomputations, on real rows.
#![cfg(not(target_arch = "wasm32"))]

use museum_lending_explorer::core::analysis::{museum_change, standings, total_change, NoChange};
use museum_lending_explorer::core::headlines::{headlines, stated_text, Verdict};
use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::{build_table, SeriesChoice, ViewState};
use museum_lending_explorer::core::summary::summarise;
use museum_lending_explorer::core::year::FinancialYear;
use std::path::Path;

fn dataset() -> Dataset {
    load_embedded().unwrap()
}

fn year(text: &str) -> FinancialYear {
    FinancialYear::parse(text).unwrap()
}

fn ids(dataset: &Dataset, metric: &str, museum: &str) -> (u16, u16) {
    (
        dataset.metric_by_id(metric).unwrap(),
        dataset.museum_by_id(museum).unwrap(),
    )
}

fn range(dataset: &Dataset, metric: &str, from: &str, to: &str) -> ViewState {
    ViewState {
        from: Some(year(from)),
        to: Some(year(to)),
        ..ViewState::for_metric(dataset.metric_by_id(metric).unwrap())
    }
}

#[test]
fn iwm_change_uses_the_revised_2017_18_value() {
    let dataset = dataset();
    let (metric, iwm) = ids(&dataset, "uk_loan_venues", "imperial-war-museums");
    let change = museum_change(&dataset, metric, iwm, year("2017-18"), year("2018-19")).unwrap();
    // 35 is the 2023/24 release's revised value; the 2018/19 release said 92 (revisions.csv).
    let revision = dataset
        .file
        .revisions
        .iter()
        .find(|r| {
            r.museum == "imperial-war-museums"
                && r.year == year("2017-18")
                && r.metric == "uk_loan_venues"
        })
        .unwrap();
    assert_eq!(revision.value_2018_19_release, Some(92.0));
    assert_eq!(change.from, 35.0);
    assert_eq!(change.to, 29.0);
    assert_eq!(change.absolute, -6.0);
    assert!((change.percent.unwrap() - (-6.0 / 35.0 * 100.0)).abs() < 1e-9);
    assert!(!change.crosses_break);
}

#[test]
fn smg_change_across_its_2016_17_break_is_flagged() {
    let dataset = dataset();
    let (metric, smg) = ids(&dataset, "uk_loan_venues", "science-museum-group");
    let across = museum_change(&dataset, metric, smg, year("2015-16"), year("2016-17")).unwrap();
    assert_eq!((across.from, across.to), (222.0, 174.0));
    assert!(across.crosses_break);
    assert!(
        museum_change(&dataset, metric, smg, year("2012-13"), year("2023-24"))
            .unwrap()
            .crosses_break
    );
    assert!(
        !museum_change(&dataset, metric, smg, year("2016-17"), year("2023-24"))
            .unwrap()
            .crosses_break
    );
}

#[test]
fn no_change_from_a_missing_value() {
    let dataset = dataset();
    let (metric, wallace) = ids(&dataset, "uk_loan_venues", "wallace-collection");
    assert_eq!(
        museum_change(&dataset, metric, wallace, year("2017-18"), year("2023-24")),
        Err(NoChange::MissingBase)
    );
    let (metric, bm) = ids(&dataset, "uk_loan_venues", "british-museum");
    assert_eq!(
        museum_change(&dataset, metric, bm, year("2019-20"), year("2024-25")),
        Err(NoChange::MissingLatest)
    );
}

#[test]
fn total_change_2015_16_to_2023_24() {
    let dataset = dataset();
    let table = build_table(
        &dataset,
        &range(&dataset, "uk_loan_venues", "2015-16", "2023-24"),
    );
    let total = total_change(&dataset, &table, year("2015-16"), year("2023-24")).unwrap();
    let change = total.change.unwrap();
    // Both totals equal DCMS's published totals for those years (totals_check.csv: match).
    assert_eq!((change.from, change.to), (1347.0, 1017.0));
    assert!((change.percent.unwrap() - (1017.0 - 1347.0) / 1347.0 * 100.0).abs() < 1e-9);
    assert!(change.crosses_break, "SMG's 2016/17 break lies between");
    assert_eq!(total.base_coverage, "14 of 15 museums reported");
}

#[test]
fn shares_and_ranks_of_2023_24() {
    let dataset = dataset();
    let table = build_table(
        &dataset,
        &range(&dataset, "uk_loan_venues", "2023-24", "2023-24"),
    );
    let standings = standings(&dataset, &table);
    let mut reader = csv::Reader::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dcms_kpi/values.csv"),
    )
    .unwrap();
    let mut from_csv: Vec<(String, f64)> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| {
            &r[1] == "2023/24"
                && &r[2] == "uk_loan_venues"
                && &r[0] != "total-dcms-sponsored-museums"
                && !r[3].is_empty()
        })
        .map(|r| (r[0].to_string(), r[3].parse().unwrap()))
        .collect();
    from_csv.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_eq!(standings.len(), from_csv.len());
    assert_eq!(dataset.museum(standings[0].museum).id, from_csv[0].0);
    assert_eq!(standings[0].rank, 1);
    let share_sum: f64 = standings.iter().filter_map(|s| s.share).sum();
    assert!((share_sum - 100.0).abs() < 1e-9);
    for pair in standings.windows(2) {
        assert!(pair[0].value >= pair[1].value);
        assert!(pair[0].rank <= pair[1].rank);
        if pair[0].value == pair[1].value {
            assert_eq!(pair[0].rank, pair[1].rank, "ties share a rank");
        }
    }
}

#[test]
fn summary_states_change_break_and_leader() {
    let dataset = dataset();
    let table = build_table(
        &dataset,
        &range(&dataset, "uk_loan_venues", "2015-16", "2023-24"),
    );
    let summary = summarise(&dataset, &table, SeriesChoice::Museums);
    assert!(summary.starts_with("UK loan venues of the 14 reporting museums fell from 1,347 in 2015/16 to 1,017 in 2023/24 (\u{2212}24.5%)"), "{summary}");
    assert!(summary.contains("series break in 2016/17"), "{summary}");
    let leader = standings(&dataset, &table)[0];
    assert!(
        summary.contains(&format!(
            "the highest in 2023/24 was {}",
            dataset.museum(leader.museum).name
        )),
        "{summary}"
    );

    let single = build_table(
        &dataset,
        &range(&dataset, "uk_loan_venues", "2017-18", "2017-18"),
    );
    let summary = summarise(&dataset, &single, SeriesChoice::Museums);
    assert!(summary.contains("In 2017/18, the 14 reporting museums had 1,279 UK loan venues in total (DCMS published 1,336)"), "{summary}");

    let sector = build_table(
        &dataset,
        &range(&dataset, "audience_display_uk", "2019-20", "2020-21"),
    );
    let summary = summarise(&dataset, &sector, SeriesChoice::Museums);
    assert!(
        summary.contains("fell from 22,000,000 in 2019/20 to 1,300,000 in 2020/21 (\u{2212}94.1%)"),
        "{summary}"
    );
}

#[test]
fn headlines_match_the_curated_recomputations() {
    let dataset = dataset();
    let headlines = headlines(&dataset);
    assert_eq!(headlines.len(), dataset.file.stated_changes.len());
    let mut reader = csv::Reader::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/partnership/stated_changes.csv"),
    )
    .unwrap();
    for record in reader.records().map(Result::unwrap) {
        let headline = headlines
            .iter()
            .find(|h| h.claim.claim_id == record[0])
            .unwrap();
        let curated: Option<f64> = record[9].parse().ok();
        assert_eq!(headline.recomputed, curated, "{}", &record[0]);
        assert_eq!(
            &record[8] == "yes",
            headline.recomputed.is_some(),
            "{}",
            &record[0]
        );
    }
    let verdict = |id: &str| {
        headlines
            .iter()
            .find(|h| h.claim.claim_id == id)
            .unwrap()
            .verdict
            .clone()
    };
    assert_eq!(
        verdict("chg-2020-21-audience_display_uk"),
        Verdict::Reproduced
    );
    assert_eq!(
        verdict("chg-2019-20-objects_display"),
        Verdict::Differs { points: 0.2 }
    );
    assert_eq!(
        verdict("chg-2019-20-audience_display"),
        Verdict::Differs { points: 0.8 }
    );
    assert_eq!(
        verdict("chg-2020-21-formal_networks").code(),
        "not-recomputable"
    );
    assert!(
        matches!(verdict("chg-2020-21-lending"), Verdict::NotRecomputable { reason } if reason.contains("2020/21"))
    );
}

#[test]
fn stated_changes_keep_their_published_precision() {
    assert_eq!(stated_text(-94.0), "\u{2212}94%");
    assert_eq!(stated_text(4.4), "+4.4%");
    assert_eq!(stated_text(26.0), "+26%");
}
