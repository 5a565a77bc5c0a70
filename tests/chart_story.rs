//! The chart tells the reports' story (issue 8): sector and published rows always charted,
//! in a panel of their own when they dwarf the museums; a linear time axis with scope
//! changes marked; a fixed colour per museum, at most six colours, every one with 3:1
//! contrast; labels that never overlap; a keyboard walk; downloads that stand alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, view_from_query, year};
use museum_lending_explorer::core::analysis::published_row_change;
use museum_lending_explorer::core::chart::palette::{
    contrast_ratio, museum_colour, BACKGROUND, BACKGROUND_GREY, INK, MUSEUM_PALETTE,
};
use museum_lending_explorer::core::chart::{
    chart_download_svg, chart_for_view, dodge_labels, next_bar, next_point, series_for,
    stagger_labels, thin_year_labels, wrap_text, BreakKind, ChartDownload, ChartLayout, DrawnChart,
    Emphasis, LineChart, PointAt, PointKey, SeriesRole, Swatch,
};
use museum_lending_explorer::core::export::source_line;
use museum_lending_explorer::core::model::Dataset;
use museum_lending_explorer::core::query::TableView;
use museum_lending_explorer::core::view_state::{ChartKind, SeriesChoice};
use museum_lending_explorer::core::year::FinancialYear;

fn line_of(dataset: &Dataset, table: &TableView, width: f64) -> (DrawnChart, LineChart) {
    let drawn = chart_for_view(
        dataset,
        table,
        SeriesChoice::Museums,
        ChartKind::Line,
        width,
    )
    .expect("a line chart");
    let ChartLayout::Line(chart) = drawn.layout.clone() else {
        panic!("not a line chart")
    };
    (drawn, chart)
}

#[test]
fn every_series_colour_has_three_to_one_against_the_background() {
    for colour in MUSEUM_PALETTE.iter().chain([&INK, &BACKGROUND_GREY]) {
        let ratio = contrast_ratio(colour, BACKGROUND).unwrap();
        assert!(ratio >= 3.0, "{colour}: {ratio:.2}:1");
    }
    // The coloured museums' names are printed in their colour: text needs 4.5:1.
    for colour in MUSEUM_PALETTE {
        assert!(
            contrast_ratio(colour, BACKGROUND).unwrap() >= 4.5,
            "{colour}"
        );
    }
}

#[test]
fn sector_rows_are_charted_whenever_the_view_holds_them() {
    let dataset = dataset();
    for metric in [
        "audience_display_uk",
        "objects_display",
        "objects_display_uk",
    ] {
        let table = view_from_query(dataset, &format!("?metric={metric}"));
        assert!(!table.museum_rows.is_empty(), "{metric} has museum rows");
        let inputs = series_for(dataset, &table, SeriesChoice::Museums);
        assert!(
            inputs
                .iter()
                .any(|s| s.role == SeriesRole::Sector && s.key == "all-national-museums"),
            "{metric}: the sector row is a series"
        );
    }
    let table = view_from_query(dataset, "?metric=audience_display_uk");
    let (drawn, chart) = line_of(dataset, &table, 800.0);
    assert_eq!(
        drawn.subtitle,
        "All national museums, as published; British Museum only"
    );
    // 22 million against the British Museum's 10 million: one panel is readable.
    assert!(chart.upper.is_none());
    // The scope changes between 17 museums (2017/18) and 22 (2019/20, no 2018/19 figure):
    // marked halfway between those two figures, like a series break.
    let scope: Vec<_> = chart
        .breaks
        .iter()
        .filter(|m| m.kind == BreakKind::ScopeChange)
        .collect();
    assert_eq!(scope.len(), 1);
    assert_eq!(scope[0].year, year("2019-20"));
    let x = |y: &str| chart.years.iter().find(|(fy, _)| *fy == year(y)).unwrap().1;
    assert!((scope[0].x - (x("2017-18") + x("2019-20")) / 2.0).abs() < 1e-9);
    assert!(scope[0]
        .description()
        .contains("17 national museums, then 22"));
}

#[test]
fn totals_that_dwarf_the_museums_get_a_panel_above() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=uk_loan_venues");
    let (drawn, chart) = line_of(dataset, &table, 1000.0);
    let upper = chart.upper.as_ref().expect("a panel for the totals");
    assert!(upper.bottom < chart.main.top);
    for line in &chart.series {
        let aggregate = line.role != SeriesRole::Museum;
        assert_eq!(line.in_upper_panel, aggregate, "{}", line.key);
        let (top, bottom) = if aggregate {
            (upper.top, upper.bottom)
        } else {
            (chart.main.top, chart.main.bottom)
        };
        assert!(line
            .points
            .iter()
            .all(|p| p.y >= top - 1e-9 && p.y <= bottom + 1e-9));
    }
    // The default view: totals in ink, the 5 largest museums of 2023/24 in colour.
    let highlighted: Vec<&str> = chart
        .series
        .iter()
        .filter(|l| l.emphasis == Emphasis::Highlight)
        .map(|l| l.key.as_str())
        .collect();
    assert_eq!(highlighted.len(), 5);
    let mut colours: Vec<&str> = chart
        .series
        .iter()
        .filter(|l| l.emphasis != Emphasis::Background)
        .map(|l| l.colour)
        .collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), 6, "ink and five museum colours");
    let last = *table.years.last().unwrap();
    let last_value = |key: &str| {
        chart
            .series
            .iter()
            .find(|l| l.key == key)
            .and_then(|l| l.points.iter().find(|p| p.year == last))
            .map_or(f64::NEG_INFINITY, |p| p.value)
    };
    let weakest_highlight = highlighted
        .iter()
        .map(|k| last_value(k))
        .fold(f64::INFINITY, f64::min);
    assert!(chart
        .series
        .iter()
        .filter(|l| l.emphasis == Emphasis::Background)
        .all(|l| last_value(&l.key) <= weakest_highlight));
    assert!(drawn
        .subtitle
        .contains("the 5 largest in 2023/24 in colour and 12 in grey"));
}

#[test]
fn a_museum_keeps_its_colour_whatever_else_is_selected() {
    let dataset = dataset();
    let colour_in = |query: &str| {
        let (_, chart) = line_of(dataset, &view_from_query(dataset, query), 800.0);
        chart
            .series
            .iter()
            .find(|l| l.key == "tate-gallery-group")
            .map(|l| l.colour)
            .unwrap()
    };
    let alone = colour_in("?metric=visits&museums=tate-gallery-group");
    let beside = colour_in("?metric=visits&museums=tate-gallery-group,national-gallery");
    assert_eq!(alone, beside);
    assert_eq!(alone, museum_colour("tate-gallery-group"));
}

#[test]
fn partnership_years_are_placed_in_proportion_to_time() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=objects_display");
    let (_, chart) = line_of(dataset, &table, 800.0);
    let (first, last) = (chart.years[0], *chart.years.last().unwrap());
    let per_year = (last.1 - first.1) / f64::from(last.0 .0 - first.0 .0);
    for (fy, x) in &chart.years {
        let expected = first.1 + per_year * f64::from(fy.0 - first.0 .0);
        assert!((x - expected).abs() < 1e-9, "{fy}");
    }
    // 2009/10 and 2013/14 are four years apart, not neighbours.
    let x = |y: &str| chart.years.iter().find(|(fy, _)| *fy == year(y)).unwrap().1;
    assert!((x("2013-14") - x("2009-10") - 4.0 * per_year).abs() < 1e-9);
    // Tate's points are never joined: its legend entry is a dot.
    let tate = chart
        .legend()
        .into_iter()
        .find(|e| e.key == "tate-gallery-group")
        .unwrap();
    assert_eq!(tate.swatch, Swatch::Dot);
}

#[test]
fn labels_are_thinned_staggered_and_dodged_by_hand() {
    let years: Vec<(FinancialYear, f64)> = (0..6)
        .map(|i| (FinancialYear(2010 + i), 100.0 + 30.0 * f64::from(i)))
        .collect();
    // 30 apart, labels need 56: every other one, and the last in place of its neighbour.
    let kept: Vec<u16> = thin_year_labels(&years, 56.0)
        .iter()
        .map(|(y, _)| y.0)
        .collect();
    assert_eq!(kept, [2010, 2012, 2015]);
    assert_eq!(stagger_labels(&[0.0, 10.0, 50.0, 55.0], 40.0), [0, 1, 0, 1]);
    // Baselines 100, 104 and 300 with 13 between: the second is pushed to 113.
    assert_eq!(
        dodge_labels(&[104.0, 100.0, 300.0], 13.0, 0.0, 400.0),
        [113.0, 100.0, 300.0]
    );
    // Pushed past the bottom: the stack moves up as one.
    assert_eq!(
        dodge_labels(&[95.0, 100.0], 13.0, 0.0, 100.0),
        [87.0, 100.0]
    );
}

#[test]
fn end_labels_never_overlap_and_stay_inside() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=uk_loan_venues");
    let (_, chart) = line_of(dataset, &table, 1000.0);
    let mut labels: Vec<(bool, f64, f64)> = chart
        .series
        .iter()
        .filter_map(|l| {
            l.end_label.as_ref().map(|e| {
                (
                    l.in_upper_panel,
                    e.y,
                    e.x + e.text.chars().count() as f64 * 7.2,
                )
            })
        })
        .collect();
    assert_eq!(labels.len(), 7, "two totals and five museums");
    labels.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
    assert!(labels
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .all(|w| w[1].1 - w[0].1 >= 13.0 - 1e-9));
    assert!(labels.iter().all(|(_, _, end)| *end <= chart.width));
    // Where the room for labels is capped (a quarter of the width), long names are cut
    // to fit rather than run past the chart's edge.
    for width in [720.0, 768.0, 900.0, 1248.0, 1408.0] {
        let (_, chart) = line_of(dataset, &table, width);
        for label in chart.series.iter().filter_map(|l| l.end_label.as_ref()) {
            let end = label.x + label.text.chars().count() as f64 * 7.2;
            assert!(end <= width, "{width}: \"{}\" ends at {end}", label.text);
        }
    }
    // On a phone the legend names the lines instead.
    let (_, narrow) = line_of(dataset, &table, 328.0);
    assert!(narrow.series.iter().all(|l| l.end_label.is_none()));
}

#[test]
fn arrow_keys_walk_along_and_across_series() {
    let dataset = dataset();
    let table = view_from_query(
        dataset,
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2019-20&to=2021-22",
    );
    let (_, chart) = line_of(dataset, &table, 800.0);
    let start = next_point(&chart, None, PointKey::Right).unwrap();
    // The walk starts with the first series in the legend: the recomputed total.
    assert_eq!(chart.series[start.series].key, "total");
    assert_eq!(start.point, 0);
    let right = next_point(&chart, Some(start), PointKey::Right).unwrap();
    assert_eq!(right, PointAt { point: 1, ..start });
    let end = next_point(&chart, Some(right), PointKey::End).unwrap();
    assert_eq!(
        next_point(&chart, Some(end), PointKey::Right),
        Some(end),
        "stops at the end"
    );
    let down = next_point(&chart, Some(right), PointKey::Down).unwrap();
    assert_ne!(down.series, right.series);
    assert_eq!(
        chart.series[down.series].points[down.point].year,
        chart.series[right.series].points[right.point].year,
        "the same year in the next series"
    );
    assert_eq!(next_point(&chart, Some(down), PointKey::Up), Some(right));
    assert_eq!(PointKey::from_key("ArrowLeft"), Some(PointKey::Left));
    assert_eq!(PointKey::from_key("a"), None);
}

#[test]
fn text_wraps_between_words_inside_the_width() {
    assert_eq!(
        wrap_text("one two three four", 9),
        ["one two", "three", "four"]
    );
    assert_eq!(wrap_text("abcdefghijkl", 8), ["abcdefgh", "ijkl"]);
    assert!(wrap_text("", 20).is_empty());
}

#[test]
fn the_chart_download_stands_alone() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=uk_loan_venues");
    let width = 600.0;
    let (drawn, chart) = line_of(dataset, &table, width);
    let source = source_line(dataset, &table);
    assert_eq!(source.matches("Source:").count(), 1, "{source}");
    let download = ChartDownload {
        inner_markup: "<g class=\"marks\"/>".into(),
        width,
        height: chart.height,
        legend: drawn.legend(),
        title: drawn.title.clone(),
        subtitle: drawn.subtitle.clone(),
        source: source.clone(),
    };
    let (svg, height) = chart_download_svg(&download);
    assert!(svg.starts_with(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\""
    )));
    assert!(svg.contains(&drawn.title) && svg.contains("<g class=\"marks\"/>"));
    for line in &chart.series {
        assert!(
            svg.contains(&format!(">{}</text>", line.label.replace('&', "&amp;"))),
            "{}",
            line.label
        );
    }
    assert_eq!(svg.matches("Source:").count(), 1);
    // Every text line fits: no source line longer than the width allows at 11px.
    let longest_source_line = svg
        .split("<text class=\"source\"")
        .skip(1)
        .map(|part| {
            part.split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .chars()
                .count()
        })
        .max()
        .unwrap();
    assert!(longest_source_line as f64 * 6.1 <= width - 16.0);
    assert!(
        svg.matches("<text class=\"source\"").count() >= 2,
        "wrapped"
    );
    assert!(height > chart.height + 60.0);
}

#[test]
fn sector_change_is_computed_like_any_other() {
    let dataset = dataset();
    let metric = dataset.metric_by_id("audience_display_uk").unwrap();
    let sector = dataset.museum_by_id("all-national-museums").unwrap();
    let change = published_row_change(dataset, metric, sector, year("2019-20"), year("2020-21"));
    let percent = change.change.unwrap().percent.unwrap();
    assert_eq!(format!("{percent:.1}"), "-94.1");
    assert_eq!(change.scope_note, None, "22 museums both years");
    let across = published_row_change(dataset, metric, sector, year("2017-18"), year("2020-21"));
    assert_eq!(
        across.scope_note.as_deref(),
        Some("covers 17 national museums in 2017/18, 22 national museums in 2020/21: not like for like")
    );
}

#[test]
fn long_tick_labels_widen_the_left_margin_on_phones() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=audience_display_uk");
    let (_, chart) = line_of(dataset, &table, 328.0);
    // "25 million": 10 characters of about 6.6 units, and 10 before the plot.
    assert!(chart.main.ticks.iter().any(|t| t.label == "25 million"));
    assert!((chart.left - 76.0).abs() < 1e-9, "{}", chart.left);
    assert!(
        chart.right - chart.left > 200.0,
        "the plot keeps most of the width"
    );
}

#[test]
fn the_total_alone_names_how_many_museums_it_adds_up() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=uk_loan_venues");
    let museums = table.museum_rows.len();
    assert!(museums > 10);
    for kind in [ChartKind::Line, ChartKind::Bar] {
        for choice in [SeriesChoice::Museums, SeriesChoice::Total] {
            let drawn = chart_for_view(dataset, &table, choice, kind, 1000.0).expect("a chart");
            assert!(
                drawn
                    .subtitle
                    .starts_with(&format!("Total of {museums} museums, recomputed"))
                    || !drawn.subtitle.contains("Total of"),
                "{kind:?} {choice:?}: {}",
                drawn.subtitle
            );
        }
    }
    let total_only = chart_for_view(
        dataset,
        &table,
        SeriesChoice::Total,
        ChartKind::Line,
        1000.0,
    )
    .expect("a line chart");
    assert!(total_only
        .subtitle
        .starts_with(&format!("Total of {museums} museums, recomputed")));
}

#[test]
fn arrow_keys_walk_the_bars_in_the_order_drawn() {
    // The first key press lands on the first bar, whatever the key.
    assert_eq!(next_bar(None, 3, PointKey::Up), Some(0));
    assert_eq!(next_bar(Some(0), 3, PointKey::Down), Some(1));
    assert_eq!(next_bar(Some(1), 3, PointKey::Right), Some(2));
    // The walk stops at either end instead of wrapping round.
    assert_eq!(next_bar(Some(2), 3, PointKey::Down), Some(2));
    assert_eq!(next_bar(Some(0), 3, PointKey::Left), Some(0));
    assert_eq!(next_bar(Some(2), 3, PointKey::Up), Some(1));
    assert_eq!(next_bar(Some(1), 3, PointKey::Home), Some(0));
    assert_eq!(next_bar(Some(0), 3, PointKey::End), Some(2));
    // No bars, nowhere to go.
    assert_eq!(next_bar(None, 0, PointKey::Down), None);
}
