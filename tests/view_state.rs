//! The controls' rules: each state transition a control makes, on the real data.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, metric, museum};
use museum_lending_explorer::core::headlines::sector_levels;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::museums_with_data;
use museum_lending_explorer::core::view_state::{
    ChartKind, Page, SeriesChoice, ViewState, YearEnd,
};
use museum_lending_explorer::core::year::FinancialYear;

/// UK loan venues (2008/09 to 2023/24), restricted to `from`..`to` start years.
fn loan_venues(dataset: &Dataset, from: u16, to: u16) -> ViewState {
    ViewState {
        from: Some(FinancialYear(from)),
        to: Some(FinancialYear(to)),
        ..ViewState::for_metric(metric(dataset, "uk_loan_venues"))
    }
}

#[test]
fn moving_one_end_past_the_other_moves_both() {
    let dataset = dataset();
    let view = loan_venues(dataset, 2012, 2016);
    let later_from = view.with_year(dataset, YearEnd::From, FinancialYear(2019));
    assert_eq!(
        (later_from.from, later_from.to),
        (Some(FinancialYear(2019)), Some(FinancialYear(2019)))
    );
    let earlier_to = view.with_year(dataset, YearEnd::To, FinancialYear(2010));
    assert_eq!(
        (earlier_to.from, earlier_to.to),
        (Some(FinancialYear(2010)), Some(FinancialYear(2010)))
    );
    let inside = view.with_year(dataset, YearEnd::To, FinancialYear(2014));
    assert_eq!(
        (inside.from, inside.to),
        (Some(FinancialYear(2012)), Some(FinancialYear(2014)))
    );
}

#[test]
fn setting_one_end_of_an_open_range_fixes_the_other_at_the_metric_edge() {
    let dataset = dataset();
    let open = ViewState::for_metric(metric(dataset, "uk_loan_venues"));
    let next = open.with_year(dataset, YearEnd::From, FinancialYear(2015));
    // UK loan venues run to 2023/24, so "to" is pinned there.
    assert_eq!(
        (next.from, next.to),
        (Some(FinancialYear(2015)), Some(FinancialYear(2023)))
    );
}

#[test]
fn compare_choices_are_the_years_before_the_last_shown() {
    let dataset = dataset();
    let view = loan_venues(dataset, 2016, 2019);
    let expected: Vec<FinancialYear> = (2008..2019).map(FinancialYear).collect();
    assert_eq!(view.compare_choices(dataset), expected);
    let one_year = loan_venues(dataset, 2008, 2008);
    assert!(one_year.compare_choices(dataset).is_empty());
}

#[test]
fn every_museum_ticked_is_all_and_none_ticked_falls_back_to_all() {
    let dataset = dataset();
    let all = loan_venues(dataset, 2016, 2023);
    let british_museum = museum(dataset, "british-museum");
    let without = all.toggle_museum(dataset, british_museum, false);
    let available = museums_with_data(dataset, all.metric);
    let list = without
        .museums
        .clone()
        .expect("a list once one museum is unticked");
    assert_eq!(list.len(), available.len() - 1);
    assert!(!list.contains(&british_museum));
    assert!(!without.museum_ticked(&available, british_museum));
    assert!(without.museum_ticked(&available, museum(dataset, "tate-gallery-group")));
    // Ticking it again is every museum: the same view as "all".
    assert_eq!(
        without.toggle_museum(dataset, british_museum, true).museums,
        None
    );
    // Unticking the only museum left falls back to all rather than showing nothing.
    let only = ViewState {
        museums: Some(vec![british_museum]),
        ..all.clone()
    };
    assert_eq!(
        only.toggle_museum(dataset, british_museum, false).museums,
        None
    );
    assert_eq!(only.with_all_museums().museums, None);
}

#[test]
fn ticked_museums_stay_in_name_order() {
    let dataset = dataset();
    let tate = museum(dataset, "tate-gallery-group");
    let gallery = museum(dataset, "national-gallery");
    let view = ViewState {
        museums: Some(vec![tate]),
        ..loan_venues(dataset, 2016, 2023)
    };
    let both = view.toggle_museum(dataset, gallery, true);
    assert_eq!(both.museums, Some(vec![gallery, tate]));
}

#[test]
fn another_metric_keeps_what_it_has_and_drops_the_rest() {
    let dataset = dataset();
    let british_museum = museum(dataset, "british-museum");
    let view = ViewState {
        museums: Some(vec![british_museum]),
        compare: Some(FinancialYear(2010)),
        ..loan_venues(dataset, 2009, 2023)
    };
    // The partnership audience figures exist only for some report years, and the British
    // Museum's own figure is among them.
    let audience = metric(dataset, "audience_display_uk");
    let next = view.with_metric(dataset, audience);
    assert_eq!(next.metric, audience);
    assert_eq!(next.from, None, "2009/10 has no audience figure");
    assert_eq!(next.compare, None);
    assert_eq!(next.museums, Some(vec![british_museum]));
    // Back to a metric with every year: nothing is lost that it has.
    let visits = next.with_metric(dataset, metric(dataset, "visits_total"));
    assert_eq!(visits.museums, Some(vec![british_museum]));
}

#[test]
fn chart_series_page_and_compare_changes_touch_one_field() {
    let dataset = dataset();
    let view = loan_venues(dataset, 2016, 2023);
    assert_eq!(view.with_chart(ChartKind::Bar).chart, ChartKind::Bar);
    assert_eq!(
        view.with_series(SeriesChoice::Total).series,
        SeriesChoice::Total
    );
    assert_eq!(view.with_page(Page::Headlines).page, Page::Headlines);
    assert!(view.with_embed(true).embed);
    let compared = view.with_compare(Some(FinancialYear(2016)));
    assert_eq!(compared.compare, Some(FinancialYear(2016)));
    assert_eq!(
        ViewState {
            compare: None,
            ..compared
        },
        view
    );
}

#[test]
fn chart_choices_have_codes_and_labels() {
    for (kind, code) in ChartKind::CHOICES {
        assert_eq!(ChartKind::from_code(code), Some(kind));
        assert_eq!(kind.code(), Some(code));
    }
    assert_eq!(ChartKind::Auto.code(), None);
    assert_eq!(ChartKind::Table.label(), "Table only");
    assert_eq!(ChartKind::Auto.resolve(1), ChartKind::Bar);
    assert_eq!(ChartKind::Auto.resolve(2), ChartKind::Line);
}

#[test]
fn sector_levels_are_the_all_national_museums_rows() {
    let dataset = dataset();
    let sector = museum(dataset, "all-national-museums");
    let levels = sector_levels(dataset);
    let audience = metric(dataset, "audience_display_uk");
    let row = levels
        .iter()
        .find(|l| l.metric == audience)
        .expect("UK audience has sector figures");
    // The reports' headline: just over 22m in 2019/20, at least 1.3m in 2020/21.
    let values: Vec<(FinancialYear, Option<f64>)> =
        row.facts.iter().map(|f| (f.year, f.value)).collect();
    assert!(
        values.contains(&(FinancialYear(2020), Some(1_300_000.0))),
        "{values:?}"
    );
    assert!(levels
        .iter()
        .all(|l| l.facts.iter().all(|f| f.museum == sector)));
    assert!(levels.windows(2).all(|w| w[0].metric < w[1].metric));
    // DCMS indicators have no sector row.
    assert!(levels
        .iter()
        .all(|l| l.metric != metric(dataset, "uk_loan_venues")));
}
