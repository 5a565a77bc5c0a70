//! The controls' rules: each state transition a control makes, on the real data.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, metric, museum};
use museum_lending_explorer::core::headlines::sector_levels;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::{build_table, museums_with_data};
use museum_lending_explorer::core::view_state::{
    museum_matches_filter, ChartKind, MuseumSelection, Page, SeriesChoice, ViewState, YearEnd,
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
fn every_museum_ticked_is_all_and_none_ticked_is_no_museum() {
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
    // Unticking the only museum left is "no museum", said as such, not a silent "all".
    let only = ViewState {
        museums: Some(vec![british_museum]),
        ..all.clone()
    };
    let none = only.toggle_museum(dataset, british_museum, false);
    assert_eq!(none.museums, Some(vec![]));
    assert!(none.no_museums());
    assert_eq!(none.museum_selection(dataset), MuseumSelection::NoneChosen);
    assert!(!none.museum_ticked(&available, british_museum));
    // Ticking one from "no museum" is that museum alone.
    assert_eq!(
        none.toggle_museum(dataset, british_museum, true).museums,
        Some(vec![british_museum])
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

#[test]
fn select_all_select_none_and_only_do_what_they_say() {
    let dataset = dataset();
    let view = loan_venues(dataset, 2014, 2023);
    let available = museums_with_data(dataset, view.metric);
    let tate = museum(dataset, "tate-gallery-group");
    let none = view.with_no_museums();
    assert!(available
        .iter()
        .all(|m| !none.museum_ticked(&available, *m)));
    assert_eq!(none.museum_selection(dataset), MuseumSelection::NoneChosen);
    let all = none.with_all_museums();
    assert!(available.iter().all(|m| all.museum_ticked(&available, *m)));
    assert_eq!(
        all.museum_selection(dataset),
        MuseumSelection::All {
            available: available.len()
        }
    );
    let only = all.with_only_museum(dataset, tate);
    assert_eq!(only.museums, Some(vec![tate]));
    assert_eq!(
        only.museum_selection(dataset),
        MuseumSelection::Some {
            chosen: 1,
            available: available.len()
        }
    );
    // The years and the rest of the view are untouched.
    assert_eq!((only.from, only.to), (view.from, view.to));
}

#[test]
fn no_museum_survives_a_metric_change_and_a_lost_selection_becomes_all() {
    let dataset = dataset();
    let none = loan_venues(dataset, 2014, 2023).with_no_museums();
    let visits = metric(dataset, "visits_total");
    assert_eq!(none.with_metric(dataset, visits).museums, Some(vec![]));
}

#[test]
fn a_metric_without_museum_rows_says_so() {
    let dataset = dataset();
    let sector_only = (0..dataset.metrics().len() as u16)
        .find(|m| museums_with_data(dataset, *m).is_empty())
        .expect("the partnership reports have sector-only metrics");
    let view = ViewState::for_metric(sector_only);
    assert_eq!(
        view.museum_selection(dataset),
        MuseumSelection::MetricHasNoMuseums
    );
    assert!(MuseumSelection::MetricHasNoMuseums
        .status_words()
        .contains("no figures for individual museums"));
    assert!(view.choice_summary(dataset).contains("sector figures only"));
}

#[test]
fn the_choice_summary_states_metric_museums_years_and_comparison() {
    let dataset = dataset();
    let tate = museum(dataset, "tate-gallery-group");
    let view = ViewState {
        museums: Some(vec![tate]),
        compare: Some(FinancialYear(2015)),
        ..loan_venues(dataset, 2014, 2023)
    };
    assert_eq!(
        view.choice_summary(dataset),
        "UK loan venues; Tate Gallery Group; 2014/15 to 2023/24; change since 2015/16"
    );
    let all = ViewState::for_metric(view.metric);
    let count = museums_with_data(dataset, view.metric).len();
    assert_eq!(
        all.choice_summary(dataset),
        format!("UK loan venues; all {count} museums; 2008/09 to 2023/24")
    );
    // "All" counts the museums the view shows: those with figures in its years.
    let recent = ViewState {
        from: Some(FinancialYear(2018)),
        ..ViewState::for_metric(metric(dataset, "visits_total"))
    };
    let shown = build_table(dataset, &recent).museum_rows.len();
    assert!(shown < museums_with_data(dataset, recent.metric).len());
    assert!(recent
        .choice_summary(dataset)
        .contains(&format!("; all {shown} museums; 2018/19 to 2023/24")));
    // Only the British Museum publishes its own UK audience figure: no "all 1 museums".
    let audience = ViewState::for_metric(metric(dataset, "audience_display_uk"));
    assert_eq!(museums_with_data(dataset, audience.metric).len(), 1);
    assert!(audience
        .choice_summary(dataset)
        .contains("; British Museum (the one museum with figures);"));
    assert_eq!(
        audience.museum_selection(dataset).status_words(),
        "The one museum with figures is selected."
    );
}

#[test]
fn the_filter_matches_names_short_names_and_aliases() {
    let dataset = dataset();
    let by_id = |id: &str| dataset.museum(museum(dataset, id));
    let matching = |filter: &str| -> Vec<String> {
        dataset
            .museums()
            .iter()
            .filter(|m| !m.is_aggregate && museum_matches_filter(m, filter))
            .map(|m| m.id.clone())
            .collect()
    };
    assert!(museum_matches_filter(by_id("national-gallery"), "nat gal"));
    assert!(museum_matches_filter(by_id("national-gallery"), "NATIONAL"));
    assert!(!museum_matches_filter(
        by_id("tate-gallery-group"),
        "nat gal"
    ));
    // Aliases and short names: an old name, an abbreviation, an ampersand.
    assert_eq!(matching("Geffrye"), vec!["museum-of-the-home"]);
    assert!(matching("v&a").contains(&"victoria-and-albert-museum".to_string()));
    assert!(matching("Tyne & Wear").contains(&"tyne-and-wear-museums".to_string()));
    assert!(museum_matches_filter(
        by_id("sir-john-soanes-museum"),
        "soanes"
    ));
    // An empty filter hides nothing; nonsense finds nothing.
    assert!(museum_matches_filter(by_id("british-museum"), "  "));
    assert!(matching("zzzz").is_empty());
}
