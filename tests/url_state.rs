//! The URL contract: what each parameter accepts, and the notice for each thing dropped.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, museum_ids};
use museum_lending_explorer::core::notice::Notice;
use museum_lending_explorer::core::url_state::{parse_query, to_query, years_in_order};
use museum_lending_explorer::core::view_state::YearEnd;
use museum_lending_explorer::core::year::{FinancialYear, YearParseError};

#[test]
fn the_issue_example_parses_cleanly() {
    let dataset = dataset();
    let query =
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24";
    let parsed = parse_query(dataset, query);
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(
        parsed.state.metric,
        dataset.metric_by_id("uk_loan_venues").unwrap()
    );
    assert_eq!(parsed.state.from, Some(FinancialYear(2016)));
    assert_eq!(parsed.state.to, Some(FinancialYear(2023)));
    let canonical = format!("?v=1&{}", &query[1..]);
    assert_eq!(to_query(dataset, &parsed.state), canonical);
    assert_eq!(parse_query(dataset, &canonical).state, parsed.state);
}

#[test]
fn old_and_alias_forms_upgrade_to_the_canonical_link() {
    let dataset = dataset();
    let old = parse_query(
        dataset,
        "?metric=visits_total&museums=Geffrye%20Museum,tate&from=2019/20&to=2021/22&view=line",
    );
    assert!(old.notices.is_empty(), "{:?}", old.notices);
    assert_eq!(
        to_query(dataset, &old.state),
        "?v=1&metric=visits_total&museums=museum-of-the-home,tate-gallery-group&from=2019-20&to=2021-22&view=line"
    );
    let newer = parse_query(dataset, "?v=2&metric=visits_total");
    assert_eq!(
        newer.notices[0],
        Notice::OtherVersion {
            version: "2".into()
        }
    );
    let embed = parse_query(dataset, "?v=1&metric=visits_total&embed=1");
    assert!(embed.state.embed);
    assert_eq!(
        to_query(dataset, &embed.state),
        "?v=1&metric=visits_total&embed=1"
    );
}

#[test]
fn empty_query_is_the_default_view() {
    let dataset = dataset();
    let parsed = parse_query(dataset, "");
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
        dataset,
        "?metric=visits_total&museums=Geffrye%20Museum,tate&from=2019/20&to=2019%2F20",
    );
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    let ids = museum_ids(dataset, &parsed.state);
    assert_eq!(ids, ["museum-of-the-home", "tate-gallery-group"]);
    assert_eq!(parsed.state.from, Some(FinancialYear(2019)));
}

#[test]
fn bad_values_are_dropped_with_specific_notices() {
    let dataset = dataset();
    let parsed = parse_query(
        dataset,
        "?metric=uk_loan_venues&museums=british-museum,no-such-museum,british-library&from=20x9-10&to=2030-31&colour=red",
    );
    let notices = &parsed.notices;
    assert!(
        notices.contains(&Notice::UnknownMuseum {
            text: "no-such-museum".into()
        }),
        "{notices:?}"
    );
    assert!(
        notices.contains(&Notice::MuseumWithoutFigures {
            museum: dataset.museum_by_id("british-library").unwrap(),
            metric: dataset.metric_by_id("uk_loan_venues").unwrap(),
        }),
        "{notices:?}"
    );
    assert!(
        notices.contains(&Notice::BadYear {
            end: YearEnd::From,
            error: YearParseError("20x9-10".into()),
        }),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|notice| matches!(
            notice,
            Notice::YearOutsideRange {
                end: YearEnd::To,
                year: FinancialYear(2030),
                ..
            }
        )),
        "{notices:?}"
    );
    assert!(
        notices.contains(&Notice::UnknownSetting {
            key: "colour".into()
        }),
        "{notices:?}"
    );
    // The rest still applies.
    let ids = museum_ids(dataset, &parsed.state);
    assert_eq!(ids, ["british-museum"]);
    assert_eq!(parsed.state.from, None);
    assert_eq!(parsed.state.to, Some(FinancialYear(2023)));
}

#[test]
fn unknown_metric_falls_back_with_a_notice() {
    let dataset = dataset();
    let parsed = parse_query(dataset, "?metric=loans_by_pigeon&from=2019-20");
    assert_eq!(dataset.metric(parsed.state.metric).id, "uk_loan_venues");
    assert_eq!(
        parsed.notices,
        [Notice::UnknownMetric {
            text: "loans_by_pigeon".into(),
            fallback: dataset.metric_by_id("uk_loan_venues").unwrap(),
        }]
    );
    assert_eq!(parsed.state.from, Some(FinancialYear(2019)));
}

#[test]
fn reversed_years_are_swapped_and_aggregates_refused_as_museums() {
    let dataset = dataset();
    let parsed = parse_query(
        dataset,
        "?from=2020-21&to=2010-11&museums=total-dcms-sponsored-museums",
    );
    assert_eq!(
        (parsed.state.from, parsed.state.to),
        (Some(FinancialYear(2010)), Some(FinancialYear(2020)))
    );
    let notices = &parsed.notices;
    assert!(
        notices.contains(&Notice::SwappedYears {
            from: FinancialYear(2020),
            to: FinancialYear(2010),
        }),
        "{notices:?}"
    );
    assert!(
        notices.contains(&Notice::AggregateAsMuseum {
            text: "total-dcms-sponsored-museums".into()
        }),
        "{notices:?}"
    );
    assert_eq!(parsed.state.museums, None, "nothing left: all museums");
}

#[test]
fn switching_metric_keeps_what_still_applies() {
    let dataset = dataset();
    let parsed = parse_query(
        dataset,
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17",
    );
    let objects = dataset.metric_by_id("objects_display").unwrap();
    let switched = parsed.state.with_metric(dataset, objects);
    let ids = museum_ids(dataset, &switched);
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

#[test]
fn every_parameter_reports_its_own_notice_in_order() {
    let dataset = dataset();
    let loan_venues = dataset.metric_by_id("uk_loan_venues").unwrap();
    let parsed = parse_query(
        dataset,
        "?colour=red&v=2&metric=nope&museums=no-such,total-dcms-sponsored-museums,british-library\
         &from=20x9-10&to=2030-31&view=pie&series=x&page=y&embed=maybe&compare=bad",
    );
    let text = |text: &str| text.to_string();
    assert_eq!(
        parsed.notices,
        [
            Notice::UnknownSetting {
                key: text("colour")
            },
            Notice::UnknownMetric {
                text: text("nope"),
                fallback: loan_venues,
            },
            Notice::UnknownMuseum {
                text: text("no-such")
            },
            Notice::AggregateAsMuseum {
                text: text("total-dcms-sponsored-museums")
            },
            Notice::MuseumWithoutFigures {
                museum: dataset.museum_by_id("british-library").unwrap(),
                metric: loan_venues,
            },
            Notice::NoUsableMuseum,
            Notice::BadYear {
                end: YearEnd::From,
                error: YearParseError(text("20x9-10")),
            },
            Notice::YearOutsideRange {
                end: YearEnd::To,
                year: FinancialYear(2030),
                metric: loan_venues,
                first: FinancialYear(2008),
                last: FinancialYear(2023),
                used: FinancialYear(2023),
            },
            Notice::BadChart { text: text("pie") },
            Notice::BadSeries { text: text("x") },
            Notice::UnknownPage { text: text("y") },
            Notice::OtherVersion { version: text("2") },
            Notice::BadEmbed {
                text: text("maybe")
            },
            Notice::BadCompareYear {
                error: YearParseError(text("bad"))
            },
        ]
    );
}

#[test]
fn compare_must_have_figures_and_come_before_the_last_year_shown() {
    let dataset = dataset();
    let after = parse_query(dataset, "?from=2020-21&to=2010-11&compare=2021-22");
    assert_eq!(
        after.notices[1],
        Notice::CompareNotBeforeLast {
            year: FinancialYear(2021)
        }
    );
    let early = parse_query(dataset, "?compare=1999-00");
    assert_eq!(
        early.notices,
        [Notice::CompareWithoutFigures {
            year: FinancialYear(1999),
            metric: dataset.metric_by_id("uk_loan_venues").unwrap(),
        }]
    );
    assert_eq!((after.state.compare, early.state.compare), (None, None));
}

#[test]
fn years_in_order_swaps_only_a_backwards_pair() {
    let (early, late) = (Some(FinancialYear(2010)), Some(FinancialYear(2020)));
    assert_eq!(years_in_order(late, early), (early, late));
    assert_eq!(years_in_order(early, late), (early, late));
    assert_eq!(years_in_order(late, late), (late, late));
    assert_eq!(years_in_order(late, None), (late, None));
    assert_eq!(years_in_order(None, early), (None, early));
}

/// One number per variant, so that a new variant fails to compile here until it is added
/// to the wording check below.
fn variant_number(notice: &Notice) -> usize {
    match notice {
        Notice::UnknownSetting { .. } => 0,
        Notice::UnknownMetric { .. } => 1,
        Notice::BadYear { .. } => 2,
        Notice::YearOutsideRange { .. } => 3,
        Notice::SwappedYears { .. } => 4,
        Notice::BadChart { .. } => 5,
        Notice::BadSeries { .. } => 6,
        Notice::UnknownPage { .. } => 7,
        Notice::OtherVersion { .. } => 8,
        Notice::BadEmbed { .. } => 9,
        Notice::BadCompareYear { .. } => 10,
        Notice::CompareWithoutFigures { .. } => 11,
        Notice::CompareNotBeforeLast { .. } => 12,
        Notice::UnknownMuseum { .. } => 13,
        Notice::AggregateAsMuseum { .. } => 14,
        Notice::MuseumWithoutFigures { .. } => 15,
        Notice::NoUsableMuseum => 16,
        Notice::UnknownFilter { .. } => 17,
        Notice::FilterNotOnThisPage { .. } => 18,
    }
}

/// The English the page shows for each notice (the browser and end-to-end tests read some
/// of these sentences).
#[test]
fn each_notice_reads_as_the_page_shows_it() {
    let dataset = dataset();
    let metric = dataset.metric_by_id("uk_loan_venues").unwrap();
    let text = |text: &str| text.to_string();
    let cases = [
        (
            Notice::UnknownSetting {
                key: text("colour"),
            },
            "The link has an unknown setting 'colour', which was ignored.",
        ),
        (
            Notice::UnknownMetric {
                text: text("loans_by_pigeon"),
                fallback: metric,
            },
            "There is no metric 'loans_by_pigeon'; showing UK loan venues instead.",
        ),
        (
            Notice::BadYear {
                end: YearEnd::From,
                error: YearParseError(text("twenty")),
            },
            "'from': 'twenty' is not a financial year (expected e.g. 2019-20 or 2019/20); \
             it was ignored.",
        ),
        (
            Notice::YearOutsideRange {
                end: YearEnd::To,
                year: FinancialYear(2030),
                metric,
                first: FinancialYear(2008),
                last: FinancialYear(2023),
                used: FinancialYear(2023),
            },
            "'to' 2030/31 is outside the years with UK loan venues figures (2008/09 to 2023/24); \
             using 2023/24.",
        ),
        (
            Notice::SwappedYears {
                from: FinancialYear(2020),
                to: FinancialYear(2010),
            },
            "'from' 2020/21 is after 'to' 2010/11; the two were swapped.",
        ),
        (
            Notice::BadChart { text: text("pie") },
            "'view' must be table, bar or line, not 'pie'; choosing by the years shown.",
        ),
        (
            Notice::BadSeries { text: text("x") },
            "'series' must be museums or total, not 'x'; charting museums.",
        ),
        (
            Notice::UnknownPage { text: text("y") },
            "There is no page 'y'; showing the explorer.",
        ),
        (
            Notice::OtherVersion { version: text("2") },
            "This link is in format version '2'; this explorer reads version 1, \
             so some settings may differ.",
        ),
        (
            Notice::BadEmbed {
                text: text("maybe"),
            },
            "'embed' must be 1 or 0, not 'maybe'; showing the full page.",
        ),
        (
            Notice::BadCompareYear {
                error: YearParseError(text("bad")),
            },
            "'compare': 'bad' is not a financial year (expected e.g. 2019-20 or 2019/20); \
             no change is shown.",
        ),
        (
            Notice::CompareWithoutFigures {
                year: FinancialYear(1999),
                metric,
            },
            "'compare' 1999/00 has no UK loan venues figures; no change is shown.",
        ),
        (
            Notice::CompareNotBeforeLast {
                year: FinancialYear(2021),
            },
            "'compare' 2021/22 must be before the last year shown; no change is shown.",
        ),
        (
            Notice::UnknownMuseum {
                text: text("no-such-museum"),
            },
            "There is no museum 'no-such-museum'; it was left out.",
        ),
        (
            Notice::AggregateAsMuseum {
                text: text("total-dcms-sponsored-museums"),
            },
            "'total-dcms-sponsored-museums' is a published total, not a museum: \
             it is shown as its own row where the data has it.",
        ),
        (
            Notice::MuseumWithoutFigures {
                museum: dataset.museum_by_id("british-library").unwrap(),
                metric,
            },
            "British Library has no UK loan venues figures, so it is not shown.",
        ),
        (
            Notice::NoUsableMuseum,
            "None of the museums in the link have figures for this metric; showing all museums.",
        ),
        (
            Notice::UnknownFilter {
                key: "only-museum",
                text: text("Louvre"),
            },
            "'only-museum': nothing is called 'Louvre', so that filter was dropped.",
        ),
        (
            Notice::FilterNotOnThisPage { key: "verdict" },
            "'verdict' does not apply to this page; it was ignored.",
        ),
    ];
    for (notice, expected) in &cases {
        assert_eq!(notice.text(dataset), *expected, "{notice:?}");
    }
    let numbers: Vec<usize> = cases
        .iter()
        .map(|(notice, _)| variant_number(notice))
        .collect();
    assert_eq!(numbers, (0..=18).collect::<Vec<_>>(), "each variant once");
}

#[test]
fn museums_none_is_no_museum_and_old_forms_of_all_still_mean_all() {
    let dataset = dataset();
    let none = parse_query(dataset, "?v=1&metric=uk_loan_venues&museums=none");
    assert!(none.notices.is_empty(), "{:?}", none.notices);
    assert_eq!(none.state.museums, Some(vec![]));
    assert_eq!(
        to_query(dataset, &none.state),
        "?v=1&metric=uk_loan_venues&museums=none"
    );
    assert_eq!(
        parse_query(dataset, "?museums=NONE").state.museums,
        Some(vec![])
    );
    // Links from before "none" existed: absent, empty and `all` are every museum.
    for query in [
        "?v=1&metric=uk_loan_venues",
        "?v=1&metric=uk_loan_venues&museums=",
        "?v=1&metric=uk_loan_venues&museums=all",
    ] {
        let parsed = parse_query(dataset, query);
        assert_eq!(parsed.state.museums, None, "{query}");
        assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
    }
    // An unusable list is still "all", with its notice, as before.
    let unusable = parse_query(dataset, "?metric=uk_loan_venues&museums=zzz");
    assert_eq!(unusable.state.museums, None);
    assert!(unusable.notices.contains(&Notice::NoUsableMuseum));
}

#[test]
fn echoed_link_text_is_cut_short_and_kept_apart_from_the_apps_words() {
    use museum_lending_explorer::core::notice::{NoticeSegment, ECHO_LIMIT};
    let dataset = dataset();
    let long_id = "x".repeat(20_000);
    let parsed = parse_query(dataset, &format!("?metric={long_id}"));
    let text = parsed.notices[0].text(dataset);
    assert!(
        text.chars().count() < 200,
        "{} characters",
        text.chars().count()
    );
    assert!(
        text.contains(&format!("'{}…'", "x".repeat(ECHO_LIMIT))),
        "{text}"
    );
    // A right-to-left override in the link is dropped and the echo is a segment of its own.
    let parsed = parse_query(dataset, "?museums=abc%E2%80%AEdef");
    let notice = &parsed.notices[0];
    assert_eq!(
        notice.text(dataset),
        "There is no museum 'abcdef'; it was left out."
    );
    assert_eq!(
        notice.segments(dataset),
        vec![
            NoticeSegment::Words("There is no museum '".into()),
            NoticeSegment::Echo("abcdef".into()),
            NoticeSegment::Words("'; it was left out.".into()),
        ]
    );
    // Year errors echo the bad year the same way.
    let bad_year = parse_query(dataset, "?from=2019-2020");
    assert!(bad_year.notices[0]
        .segments(dataset)
        .contains(&NoticeSegment::Echo("2019-2020".into())));
}
