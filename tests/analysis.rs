//! Change, share, rank, the chart summary and the headline recomputations, on real rows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, ids, range, year};
use museum_lending_explorer::core::analysis::{
    museum_change, share_bases, standings, total_change, Change, ChangeCell, ChangeStatus,
    CompareYears, ExtraColumns, NoChange, Standing, StandingCells, TotalChange,
};
use museum_lending_explorer::core::format::{
    more_or_fewer, signed_percent, signed_percent_to, signed_value,
};
use museum_lending_explorer::core::headlines::{headlines, stated_text, Verdict};
use museum_lending_explorer::core::model::Unit;
use museum_lending_explorer::core::query::{build_table, PublishedComparison};
use museum_lending_explorer::core::summary::{summarise, summarise_view};
use museum_lending_explorer::core::view_state::{SeriesChoice, ViewState};
use std::path::Path;

#[test]
fn iwm_change_uses_the_revised_2017_18_value() {
    let dataset = dataset();
    let (metric, iwm) = ids(dataset, "uk_loan_venues", "imperial-war-museums");
    let change = museum_change(dataset, metric, iwm, year("2017-18"), year("2018-19")).unwrap();
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
    let (metric, smg) = ids(dataset, "uk_loan_venues", "science-museum-group");
    let across = museum_change(dataset, metric, smg, year("2015-16"), year("2016-17")).unwrap();
    assert_eq!((across.from, across.to), (222.0, 174.0));
    assert!(across.crosses_break);
    assert!(
        museum_change(dataset, metric, smg, year("2012-13"), year("2023-24"))
            .unwrap()
            .crosses_break
    );
    assert!(
        !museum_change(dataset, metric, smg, year("2016-17"), year("2023-24"))
            .unwrap()
            .crosses_break
    );
}

#[test]
fn no_change_from_a_missing_value() {
    let dataset = dataset();
    let (metric, wallace) = ids(dataset, "uk_loan_venues", "wallace-collection");
    assert_eq!(
        museum_change(dataset, metric, wallace, year("2017-18"), year("2023-24")),
        Err(NoChange::MissingBase)
    );
    let (metric, bm) = ids(dataset, "uk_loan_venues", "british-museum");
    assert_eq!(
        museum_change(dataset, metric, bm, year("2019-20"), year("2024-25")),
        Err(NoChange::MissingLatest)
    );
}

/// A computed change from `from` to `to`, as `museum_change` would give it.
fn change(from: f64, to: f64, crosses_break: bool) -> Change {
    Change {
        base_year: year("2017-18"),
        latest_year: year("2018-19"),
        from,
        to,
        absolute: to - from,
        percent: (from != 0.0).then(|| (to - from) / from * 100.0),
        crosses_break,
    }
}

#[test]
fn change_cell_of_a_rise_has_plus_signs() {
    // 35 -> 41: +6, and 6 / 35 = 17.142…% -> "17.1".
    let cell = ChangeCell::new(&Ok(change(35.0, 41.0, false)), Unit::Venues);
    assert_eq!(cell.status, ChangeStatus::Computed);
    assert_eq!(cell.status.code(), "computed");
    assert!(!cell.status.is_missing());
    assert_eq!(cell.text, "+6 (+17.1%)");
    assert_eq!(cell.data_absolute, "6");
    assert_eq!(cell.data_percent, "17.1");
    assert!(!cell.crosses_break);
}

#[test]
fn change_cell_of_a_fall_has_minus_signs() {
    // 35 -> 29 (IWM's UK loan venues, 2017/18 to 2018/19): −6, −17.1%.
    let cell = ChangeCell::new(&Ok(change(35.0, 29.0, true)), Unit::Venues);
    assert_eq!(cell.text, "\u{2212}6 (\u{2212}17.1%)");
    assert_eq!(cell.data_absolute, "-6");
    assert_eq!(cell.data_percent, "-17.1");
    assert!(cell.crosses_break);
    let money = ChangeCell::new(&Ok(change(1000.0, 500.0, false)), Unit::Gbp);
    assert_eq!(money.text, "\u{2212}£500 (\u{2212}50.0%)");
}

#[test]
fn change_cell_from_zero_or_without_change() {
    let from_zero = ChangeCell::new(&Ok(change(0.0, 5.0, false)), Unit::Count);
    assert_eq!(from_zero.text, "+5 (base is zero)");
    assert_eq!(from_zero.data_absolute, "5");
    assert_eq!(from_zero.data_percent, "");
    let flat = ChangeCell::new(&Ok(change(10.0, 10.0, false)), Unit::Count);
    assert_eq!(flat.text, "0 (no change)");
    assert_eq!(
        (flat.data_absolute.as_str(), flat.data_percent.as_str()),
        ("0", "0.0")
    );
}

#[test]
fn change_cell_without_a_figure_says_why() {
    let base = ChangeCell::new(&Err(NoChange::MissingBase), Unit::Venues);
    assert_eq!(base.status.code(), "missing-base");
    assert!(base.status.is_missing());
    assert_eq!(base.text, "cannot compute: no figure in the base year");
    assert_eq!(
        (base.data_absolute.as_str(), base.data_percent.as_str()),
        ("", "")
    );
    assert!(!base.crosses_break);
    let latest = ChangeCell::new(&Err(NoChange::MissingLatest), Unit::Venues);
    assert_eq!(latest.status, ChangeStatus::MissingLatest);
    assert_eq!(latest.status.code(), "missing-latest");
    assert_eq!(latest.text, "cannot compute: no figure in the latest year");
}

#[test]
fn change_cell_of_a_real_museum() {
    let dataset = dataset();
    let (metric, iwm) = ids(dataset, "uk_loan_venues", "imperial-war-museums");
    let change = museum_change(dataset, metric, iwm, year("2017-18"), year("2018-19"));
    let cell = ChangeCell::new(&change, Unit::Venues);
    assert_eq!(cell.text, "\u{2212}6 (\u{2212}17.1%)");
    assert_eq!(cell.data_percent, "-17.1");
}

#[test]
fn signed_wording_lives_in_one_place() {
    assert_eq!(signed_percent(4.6), "+4.6%");
    assert_eq!(signed_percent(-24.5), "\u{2212}24.5%");
    assert_eq!(signed_percent(0.0), "no change");
    assert_eq!(signed_percent_to(-94.0, 0), "\u{2212}94%");
    assert_eq!(signed_percent_to(4.4, 1), "+4.4%");
    assert_eq!(signed_percent_to(0.0, 0), "0%");
    for stated in [-94.0_f64, 4.4, 26.0, -0.5] {
        let decimals = if stated.fract() == 0.0 { 0 } else { 1 };
        assert_eq!(signed_percent_to(stated, decimals), stated_text(stated));
    }
    assert_eq!(signed_value(6.0, Unit::Venues), "+6");
    assert_eq!(signed_value(-500.0, Unit::Gbp), "\u{2212}£500");
    assert_eq!(signed_value(0.0, Unit::Count), "0");
    assert_eq!(more_or_fewer(57.0), "more");
    assert_eq!(more_or_fewer(-389.0), "fewer");
}

#[test]
fn covid_columns_of_2019_20_to_2021_22() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2019-20", "2021-22"),
    );
    assert_eq!(
        table.years,
        [year("2019-20"), year("2020-21"), year("2021-22")]
    );
    // covid_caution marks every 2020/21 and 2021/22 cell (data/dcms_kpi/README.md, item 10).
    assert_eq!(table.covid_columns(dataset), [false, true, true]);
    let mut one_museum = range(dataset, "uk_loan_venues", "2019-20", "2021-22");
    one_museum.museums = Some(vec![ids(dataset, "uk_loan_venues", "british-museum").1]);
    let table = build_table(dataset, &one_museum);
    assert_eq!(table.covid_columns(dataset), [false, true, true]);
}

#[test]
fn published_total_sentence_names_the_direction() {
    let more = PublishedComparison {
        published: 1336.0,
        difference: 57.0,
        beyond_rounding: true,
        explanation: None,
    };
    assert_eq!(more.published_words(Unit::Venues), "DCMS published 1,336");
    assert_eq!(
        more.differs_sentence(Unit::Venues),
        "DCMS's published total is 1,336, 57 more than the sum of the museum rows."
    );
    let fewer = PublishedComparison {
        published: 1_385_000.0,
        difference: -33_662.0,
        beyond_rounding: true,
        explanation: Some("Leaves out one museum.".into()),
    };
    assert_eq!(
        fewer.differs_sentence(Unit::Visits),
        "DCMS's published total is 1,385,000, 33,662 fewer than the sum of the museum rows. Leaves out one museum."
    );
}

#[test]
fn published_total_of_2017_18_differs_from_the_museum_rows() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2017-18", "2017-18"),
    );
    let totals = table.computed_total().unwrap();
    let differs = totals[0].published_differs().unwrap();
    // totals_check.csv: published 1,336, museum rows 1,279, difference 57, known cause.
    let sentence = differs.differs_sentence(Unit::Venues);
    assert!(
        sentence.starts_with("DCMS's published total is 1,336, 57 more than the sum of the museum rows. Published total keeps Imperial War Museums' pre-revision value"),
        "{sentence}"
    );
    assert!(!table.published_total_not_compared());
    let mut subset = range(dataset, "uk_loan_venues", "2017-18", "2017-18");
    subset.museums = Some(vec![ids(dataset, "uk_loan_venues", "british-museum").1]);
    let table = build_table(dataset, &subset);
    assert!(table.computed_total().unwrap()[0]
        .published_differs()
        .is_none());
    assert!(table.published_total_not_compared());
}

#[test]
fn extra_columns_follow_the_view() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2015-16", "2023-24"),
    );
    let with_change = ExtraColumns::for_table(&table, Some(year("2015-16")));
    assert_eq!(
        with_change.compare,
        Some(CompareYears {
            base: year("2015-16"),
            latest: year("2023-24")
        })
    );
    assert!(with_change.share && with_change.standings);
    assert_eq!((with_change.count(), with_change.after_change()), (3, 2));
    assert_eq!(
        with_change.compare.unwrap().heading(),
        "Change, 2015/16 to 2023/24"
    );
    assert!(!with_change.share_of_all, "every museum is shown");
    assert_eq!(ExtraColumns::rank_heading(year("2023-24")), "Rank, 2023/24");
    // A base year that is not before the last year gives no change column.
    for base in [None, Some(year("2023-24")), Some(year("2024-25"))] {
        let extras = ExtraColumns::for_table(&table, base);
        assert_eq!((extras.compare, extras.count()), (None, 2));
    }
    // A metric that is never summed has ranks but no shares.
    let sector = build_table(
        dataset,
        &range(dataset, "audience_display_uk", "2019-20", "2020-21"),
    );
    let extras = ExtraColumns::for_table(&sector, None);
    assert_eq!(
        (extras.share, extras.standings),
        (false, !sector.museum_rows.is_empty())
    );
}

#[test]
fn standing_cells_words_and_values() {
    let standing = Standing {
        museum: 0,
        value: 300.0,
        share: Some(29.498_525),
        rank: 3,
        of: 14,
    };
    let cells = StandingCells::new(Some(&standing));
    assert_eq!(
        (cells.share_text.as_str(), cells.data_share.as_str()),
        ("29.5%", "29.5")
    );
    assert_eq!(
        (cells.rank_text.as_str(), cells.data_rank.as_str()),
        ("3 of 14", "3")
    );
    let unranked = StandingCells::new(None);
    assert_eq!(unranked.share_text, "not reported");
    assert_eq!(unranked.rank_text, "not ranked");
    assert_eq!(
        (unranked.data_share.as_str(), unranked.data_rank.as_str()),
        ("", "")
    );
}

#[test]
fn total_change_notes_a_change_of_coverage() {
    let mut total = TotalChange {
        change: Ok(change(1347.0, 1017.0, true)),
        base_coverage: "13 of 15 museums reported".into(),
        latest_coverage: "14 of 15 museums reported".into(),
        coverage_differs: true,
    };
    assert_eq!(
        total.coverage_note().as_deref(),
        Some("13 of 15 museums reported then 14 of 15 museums reported")
    );
    total.coverage_differs = false;
    assert_eq!(total.coverage_note(), None);
}

#[test]
fn total_change_2015_16_to_2023_24() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2015-16", "2023-24"),
    );
    let total = total_change(dataset, &table, year("2015-16"), year("2023-24")).unwrap();
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
        dataset,
        &range(dataset, "uk_loan_venues", "2023-24", "2023-24"),
    );
    let standings = standings(dataset, &table);
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
        dataset,
        &range(dataset, "uk_loan_venues", "2015-16", "2023-24"),
    );
    let summary = summarise(dataset, &table, SeriesChoice::Museums);
    // Sums of the museum rows in values.csv: 1,347 (2015/16), 1,270 (2016/17), 1,017
    // (2023/24). The sentence leads with the comparable stretch since the 2016/17 break
    // (−253 / 1,270 = −19.9%), then the whole span (−330 / 1,347 = −24.5%) with its caveat.
    assert!(summary.starts_with("Since the series break in 2016/17, UK loan venues of the 14 reporting museums fell from 1,270 in 2016/17 to 1,017 in 2023/24 (\u{2212}19.9%); the highest in 2023/24 was "), "{summary}");
    assert!(summary.ends_with(". Over the whole span they fell from 1,347 in 2015/16 to 1,017 in 2023/24 (\u{2212}24.5%), across a series break in 2016/17, so not like for like."), "{summary}");
    let leader = standings(dataset, &table)[0];
    assert!(
        summary.contains(&format!(
            "the highest in 2023/24 was {}",
            dataset.museum(leader.museum).name
        )),
        "{summary}"
    );

    let single = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2017-18", "2017-18"),
    );
    let summary = summarise(dataset, &single, SeriesChoice::Museums);
    assert!(summary.contains("In 2017/18, the 14 reporting museums had 1,279 UK loan venues in total (DCMS published 1,336)"), "{summary}");

    let sector = build_table(
        dataset,
        &range(dataset, "audience_display_uk", "2019-20", "2020-21"),
    );
    let summary = summarise(dataset, &sector, SeriesChoice::Museums);
    // The sector's figures worded as the reports published them.
    assert!(
        summary.contains(
            "fell from at least 22 million in 2019/20 to at least 1.3 million in 2020/21 (\u{2212}94.1%)"
        ),
        "{summary}"
    );
}

#[test]
fn summary_follows_the_compare_year() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2015-16", "2023-24"),
    );
    // 1,265 in 2019/20 (values.csv, 14 museums) to 1,017: −248 / 1,265 = −19.6%, no break
    // in between, and nothing about the longer span.
    let leader = dataset
        .museum(standings(dataset, &table)[0].museum)
        .name
        .clone();
    assert_eq!(
        summarise_view(dataset, &table, SeriesChoice::Museums, Some(year("2019-20"))),
        format!("UK loan venues of the 14 reporting museums fell from 1,265 in 2019/20 to 1,017 in 2023/24 (\u{2212}19.6%); the highest in 2023/24 was {leader} with 202.")
    );
    // A compare year before the break: the change crosses it and says so.
    let across = summarise_view(
        dataset,
        &table,
        SeriesChoice::Museums,
        Some(year("2015-16")),
    );
    assert!(across.starts_with("UK loan venues of the 14 reporting museums fell from 1,347 in 2015/16 to 1,017 in 2023/24 (\u{2212}24.5%), across a series break in 2016/17, so not like for like;"), "{across}");
    assert!(!across.contains("Over the whole span"), "{across}");
    // No compare year: the same as `summarise`.
    assert_eq!(
        summarise_view(dataset, &table, SeriesChoice::Museums, None),
        summarise(dataset, &table, SeriesChoice::Museums)
    );
    // The sector row follows the compare year too: 2017/18 to 2020/21 is 18.4m to 1.3m,
    // −92.9%, and the two figures cover 17 then 22 museums.
    let sector = build_table(
        dataset,
        &range(dataset, "audience_display_uk", "2017-18", "2020-21"),
    );
    let summary = summarise_view(
        dataset,
        &sector,
        SeriesChoice::Museums,
        Some(year("2019-20")),
    );
    assert!(
        summary.starts_with("Audience for loaned objects in the UK for all national museums (as published) fell from at least 22 million in 2019/20 to at least 1.3 million in 2020/21 (\u{2212}94.1%)."),
        "{summary}"
    );
    let whole = summarise(dataset, &sector, SeriesChoice::Museums);
    assert!(
        whole.contains("fell from at least 18.4 million in 2017/18 to at least 1.3 million in 2020/21 (\u{2212}92.9%); the figures cover different museums (17 national museums, then 22 national museums)"),
        "{whole}"
    );
}

#[test]
fn headlines_match_the_curated_recomputations() {
    let dataset = dataset();
    let headlines = headlines(dataset);
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

#[test]
fn share_headers_say_of_what_and_a_subset_also_gets_the_share_of_all() {
    let dataset = dataset();
    let all = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2023-24", "2023-24"),
    );
    let bases = share_bases(dataset, &all).expect("a summed metric has shares");
    let reporting = all.computed_total().unwrap()[0].reported;
    assert_eq!(
        bases.shown.heading(year("2023-24")),
        format!("Share of the {reporting} reporting museums, 2023/24")
    );
    assert!(bases.all.is_none());

    let tate = dataset.museum_by_id("tate-gallery-group").unwrap();
    let bm = dataset.museum_by_id("british-museum").unwrap();
    let subset_state = ViewState {
        museums: Some(vec![bm, tate]),
        ..range(dataset, "uk_loan_venues", "2023-24", "2023-24")
    };
    let subset = build_table(dataset, &subset_state);
    let extras = ExtraColumns::for_table(&subset, None);
    assert!(extras.share && extras.share_of_all);
    assert_eq!(extras.count(), 3);
    let bases = share_bases(dataset, &subset).unwrap();
    assert_eq!(
        bases.shown.heading(year("2023-24")),
        "Share of the 2 selected museums, 2023/24"
    );
    let (of_all, everyone) = bases.all.expect("a subset has the share of all");
    assert_eq!(
        of_all.heading(year("2023-24")),
        format!("Share of all {reporting} reporting museums, 2023/24")
    );
    // The two shares of one museum: of the pair, and of everyone, from the same figures.
    let value = |museum| {
        subset
            .museum_rows
            .iter()
            .find(|r| r.museum == museum)
            .unwrap()
            .cells[0]
            .value()
            .unwrap()
    };
    let all_total = all.computed_total().unwrap()[0].value.unwrap();
    let tate_of_all = everyone
        .iter()
        .find(|s| s.museum == tate)
        .unwrap()
        .share
        .unwrap();
    assert!((tate_of_all - value(tate) / all_total * 100.0).abs() < 1e-9);
    let pair = standings(dataset, &subset);
    let tate_of_pair = pair
        .iter()
        .find(|s| s.museum == tate)
        .unwrap()
        .share
        .unwrap();
    assert!((tate_of_pair - value(tate) / (value(tate) + value(bm)) * 100.0).abs() < 1e-9);
}
