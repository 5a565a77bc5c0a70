//! The URL contract: what each parameter accepts, and the notice for each thing dropped.
#![cfg(not(target_arch = "wasm32"))]

use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::ViewState;
use museum_lending_explorer::core::url_state::{parse_query, to_query};
use museum_lending_explorer::core::year::FinancialYear;

fn dataset() -> Dataset {
    load_embedded().unwrap()
}

/// The ids of the museums a view names.
fn museum_ids<'a>(dataset: &'a Dataset, state: &ViewState) -> Vec<&'a str> {
    state
        .museums
        .iter()
        .flatten()
        .map(|m| dataset.museum(*m).id.as_str())
        .collect()
}

#[test]
fn the_issue_example_parses_cleanly() {
    let dataset = dataset();
    let query =
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24";
    let parsed = parse_query(&dataset, query);
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(
        parsed.state.metric,
        dataset.metric_by_id("uk_loan_venues").unwrap()
    );
    assert_eq!(parsed.state.from, Some(FinancialYear(2016)));
    assert_eq!(parsed.state.to, Some(FinancialYear(2023)));
    let canonical = format!("?v=1&{}", &query[1..]);
    assert_eq!(to_query(&dataset, &parsed.state), canonical);
    assert_eq!(parse_query(&dataset, &canonical).state, parsed.state);
}

#[test]
fn old_and_alias_forms_upgrade_to_the_canonical_link() {
    let dataset = dataset();
    let old = parse_query(
        &dataset,
        "?metric=visits_total&museums=Geffrye%20Museum,tate&from=2019/20&to=2021/22&view=line",
    );
    assert!(old.notices.is_empty(), "{:?}", old.notices);
    assert_eq!(
        to_query(&dataset, &old.state),
        "?v=1&metric=visits_total&museums=museum-of-the-home,tate-gallery-group&from=2019-20&to=2021-22&view=line"
    );
    let newer = parse_query(&dataset, "?v=2&metric=visits_total");
    assert!(
        newer.notices[0].contains("format version '2'"),
        "{:?}",
        newer.notices
    );
    let embed = parse_query(&dataset, "?v=1&metric=visits_total&embed=1");
    assert!(embed.state.embed);
    assert_eq!(
        to_query(&dataset, &embed.state),
        "?v=1&metric=visits_total&embed=1"
    );
}

#[test]
fn empty_query_is_the_default_view() {
    let dataset = dataset();
    let parsed = parse_query(&dataset, "");
    assert!(parsed.notices.is_empty());
    assert_eq!(dataset.metric(parsed.state.metric).id, "uk_loan_venues");
    assert_eq!(
        (parsed.state.museums, parsed.state.from, parsed.state.to),
        (None, None, None)
    );
}

#[test]
fn slash_years_and_aliases_are_accepted() {
    let dataset = dataset();
    let parsed = parse_query(
        &dataset,
        "?metric=visits_total&museums=Geffrye%20Museum,tate&from=2019/20&to=2019%2F20",
    );
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    let ids = museum_ids(&dataset, &parsed.state);
    assert_eq!(ids, ["museum-of-the-home", "tate-gallery-group"]);
    assert_eq!(parsed.state.from, Some(FinancialYear(2019)));
}

#[test]
fn bad_values_are_dropped_with_specific_notices() {
    let dataset = dataset();
    let parsed = parse_query(
        &dataset,
        "?metric=uk_loan_venues&museums=british-museum,no-such-museum,british-library&from=20x9-10&to=2030-31&colour=red",
    );
    let notices = parsed.notices.join("\n");
    assert!(
        notices.contains("There is no museum 'no-such-museum'"),
        "{notices}"
    );
    assert!(
        notices.contains("British Library has no UK loan venues figures"),
        "{notices}"
    );
    assert!(
        notices.contains("'from': '20x9-10' is not a financial year"),
        "{notices}"
    );
    assert!(notices.contains("'to' 2030/31 is outside"), "{notices}");
    assert!(notices.contains("unknown setting 'colour'"), "{notices}");
    // The rest still applies.
    let ids = museum_ids(&dataset, &parsed.state);
    assert_eq!(ids, ["british-museum"]);
    assert_eq!(parsed.state.from, None);
    assert_eq!(parsed.state.to, Some(FinancialYear(2023)));
}

#[test]
fn unknown_metric_falls_back_with_a_notice() {
    let dataset = dataset();
    let parsed = parse_query(&dataset, "?metric=loans_by_pigeon&from=2019-20");
    assert_eq!(dataset.metric(parsed.state.metric).id, "uk_loan_venues");
    assert_eq!(
        parsed.notices,
        ["There is no metric 'loans_by_pigeon'; showing UK loan venues instead."]
    );
    assert_eq!(parsed.state.from, Some(FinancialYear(2019)));
}

#[test]
fn reversed_years_are_swapped_and_aggregates_refused_as_museums() {
    let dataset = dataset();
    let parsed = parse_query(
        &dataset,
        "?from=2020-21&to=2010-11&museums=total-dcms-sponsored-museums",
    );
    assert_eq!(
        (parsed.state.from, parsed.state.to),
        (Some(FinancialYear(2010)), Some(FinancialYear(2020)))
    );
    let notices = parsed.notices.join("\n");
    assert!(notices.contains("were swapped"), "{notices}");
    assert!(
        notices.contains("is a published total, not a museum"),
        "{notices}"
    );
    assert_eq!(parsed.state.museums, None, "nothing left: all museums");
}

#[test]
fn switching_metric_keeps_what_still_applies() {
    let dataset = dataset();
    let parsed = parse_query(
        &dataset,
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17",
    );
    let objects = dataset.metric_by_id("objects_display").unwrap();
    let switched = parsed.state.with_metric(&dataset, objects);
    let ids = museum_ids(&dataset, &switched);
    assert_eq!(
        ids,
        ["tate-gallery-group"],
        "BM has no objects_display figures"
    );
    assert_eq!(
        switched.from, None,
        "2016/17 has no objects_display figures"
    );
}
