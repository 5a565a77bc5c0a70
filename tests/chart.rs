//! Chart layout: series, gaps, breaks and the geometry core computes for the views, on the
//! real data and on small hand-made series whose positions are worked out by hand.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::chart_input::{museum_series, years_from_2019 as years};
use common::{dataset, range, year};
use museum_lending_explorer::core::chart::{
    bar_chart, bar_series_for, chart_for_view, chart_width, line_chart, series_for, tooltip_box,
    ChartLayout, SeriesInput, TooltipBox,
};
use museum_lending_explorer::core::model::Unit;
use museum_lending_explorer::core::query::build_table;
use museum_lending_explorer::core::view_state::{ChartKind, SeriesChoice};
use museum_lending_explorer::core::year::FinancialYear;

/// A hand-made museum series labelled with its key in capitals (see
/// [`common::chart_input::museum_series`]).
fn series(key: &str, values: &[(Option<f64>, u32)]) -> SeriesInput {
    museum_series(key, &key.to_uppercase(), values)
}

/// Every coordinate of a line chart, to check none is NaN or infinite.
fn line_coordinates(chart: &museum_lending_explorer::core::chart::LineChart) -> Vec<f64> {
    let mut all = vec![chart.width, chart.height, chart.left, chart.right];
    all.extend(chart.years.iter().map(|(_, x)| *x));
    all.extend(chart.main.ticks.iter().map(|tick| tick.position));
    all.extend(chart.covid.iter().flat_map(|(x0, x1)| [*x0, *x1]));
    all.extend(chart.breaks.iter().map(|marker| marker.x));
    for line in &chart.series {
        all.extend(line.points.iter().flat_map(|p| [p.x, p.y]));
        all.extend(line.segments.iter().flatten().flat_map(|(x, y)| [*x, *y]));
    }
    all
}

#[test]
fn line_chart_leaves_gaps_and_marks_breaks() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2014-15", "2019-20"),
    );
    let metric = dataset.metric(table.metric);
    let inputs = series_for(dataset, &table, SeriesChoice::Museums);
    let chart = line_chart(dataset, &inputs, &table.years, metric.unit, 800.0);
    let wallace = chart
        .series
        .iter()
        .find(|s| s.key == "wallace-collection")
        .unwrap();
    assert!(wallace
        .points
        .iter()
        .all(|p| p.value != 0.0 || p.flags != 0));
    assert_eq!(
        wallace.missing.len() + wallace.points.len(),
        table.years.len()
    );
    assert_eq!(
        wallace.missing_runs(),
        ["not published, 2014/15 to 2019/20"]
    );
    let smg = chart
        .series
        .iter()
        .find(|s| s.key == "science-museum-group")
        .unwrap();
    assert_eq!(
        smg.segments.len(),
        2,
        "the line is not joined across the 2016/17 break"
    );
    assert!(smg
        .points
        .iter()
        .filter(|p| p.year < year("2016-17"))
        .all(|p| p.not_comparable));
    assert!(chart.breaks.iter().any(|b| b.year == year("2016-17")));
    assert_eq!(chart.main.ticks[0].value, 0.0, "counts start at zero");

    let inputs = bar_series_for(dataset, &table, SeriesChoice::Museums);
    let bars = bar_chart(&inputs, year("2019-20"), metric.unit, 800.0);
    assert!(
        bars.bars.windows(2).all(|w| w[0].value >= w[1].value),
        "sorted by value"
    );
    assert!(bars
        .missing
        .iter()
        .any(|(label, words)| label == "Wallace Collection" && words == "not published"));
    assert_eq!(bars.bars.len() + bars.missing.len(), inputs.len());
}

#[test]
fn sparse_years_are_not_joined_into_a_line() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "objects_display", "2009-10", "2020-21"),
    );
    // Columns are only the years with figures: 2009/10, 2013/14, 2017/18 … are neighbours.
    assert_eq!(table.years[0..2], [year("2009-10"), year("2013-14")]);
    let metric = dataset.metric(table.metric);
    let inputs = series_for(dataset, &table, SeriesChoice::Museums);
    let chart = line_chart(dataset, &inputs, &table.years, metric.unit, 800.0);
    let tate = chart
        .series
        .iter()
        .find(|s| s.key == "tate-gallery-group")
        .unwrap();
    assert_eq!(tate.points.len(), 3, "2009/10, 2013/14 and 2018/19");
    assert!(
        tate.segments.iter().all(|segment| segment.len() == 1),
        "four years apart: no line"
    );
    // Consecutive years still join: UK loan venues, British Museum, 2016/17 to 2019/20.
    let loans = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2016-17", "2019-20"),
    );
    let inputs = series_for(dataset, &loans, SeriesChoice::Museums);
    let chart = line_chart(dataset, &inputs, &loans.years, Unit::Venues, 800.0);
    let bm = chart
        .series
        .iter()
        .find(|s| s.key == "british-museum")
        .unwrap();
    assert_eq!(bm.segments.len(), 1);
    assert_eq!(bm.segments[0].len(), 4);
}

#[test]
fn line_chart_positions_by_hand() {
    let dataset = dataset();
    let covid = dataset.known_flags.covid_caution;
    let inputs = [series(
        "a",
        &[(Some(0.0), covid), (Some(50.0), 0), (Some(100.0), 0)],
    )];
    let chart = line_chart(dataset, &inputs, &years(3), Unit::Count, 800.0);
    // Margins 80 and 28 (half a year label; the end label "A" needs less) on an 800-wide
    // chart: two years over 692 units, 346 a year.
    assert_eq!((chart.left, chart.right), (80.0, 772.0));
    let xs: Vec<f64> = chart.years.iter().map(|(_, x)| *x).collect();
    assert_eq!(xs, [80.0, 426.0, 772.0]);
    // Ticks 0 to 100 in 20s; 0 on the axis at 280, 100 at the top, 28 (under the unit).
    let ticks: Vec<(f64, f64)> = chart
        .main
        .ticks
        .iter()
        .map(|t| (t.value, t.position))
        .collect();
    assert_eq!(ticks[0], (0.0, 280.0));
    assert_eq!(ticks[5], (100.0, 28.0));
    assert_eq!(chart.main.ticks.len(), 6);
    assert!(chart.upper.is_none());
    assert_eq!(chart.unit_label, "Number");
    let points: Vec<(f64, f64)> = chart.series[0].points.iter().map(|p| (p.x, p.y)).collect();
    assert_eq!(points, [(80.0, 280.0), (426.0, 154.0), (772.0, 28.0)]);
    assert_eq!(chart.series[0].segments, vec![points]);
    // The label at the line's end: 6 right of the last point, its baseline 4 below it.
    let end = chart.series[0].end_label.as_ref().unwrap();
    assert_eq!((end.x, end.y, end.text.as_str()), (778.0, 32.0, "A"));
    // Year labels 18 under the axis, then 22 for the Covid caption: 280 + 40 + 22.
    assert_eq!(chart.height, 342.0);
    assert_eq!(chart.year_label_y(), 298.0);
    assert_eq!(chart.covid_caption_y(), Some(332.0));
    assert_eq!(chart.year_labels.len(), 3);
    // The Covid band is half a year either side (173), cut at the plot's left edge.
    assert_eq!(chart.covid, [(80.0, 253.0)]);

    let narrow = line_chart(dataset, &inputs, &years(3), Unit::Count, 400.0);
    assert_eq!((narrow.left, narrow.right), (56.0, 372.0));
    assert!(
        narrow.series[0].end_label.is_none(),
        "phones use the legend"
    );
    let many = line_chart(dataset, &inputs, &years(20), Unit::Count, 400.0);
    // 19 years over 316 units, about 16.6 a year: labels need 56, so every 4th year is
    // labelled (66.5 apart) and the last, whose too-close neighbour is dropped.
    let labelled: Vec<u16> = many.year_labels.iter().map(|(y, _)| y.0 - 2019).collect();
    assert_eq!(labelled, [0, 4, 8, 12, 19]);
    assert!(many
        .year_labels
        .windows(2)
        .all(|pair| pair[1].1 - pair[0].1 >= 56.0));
}

#[test]
fn breaks_split_the_line_halfway_between_columns() {
    let dataset = dataset();
    let flags = dataset.known_flags;
    let inputs = [
        series(
            "a",
            &[
                (Some(10.0), flags.not_comparable),
                (Some(20.0), flags.not_comparable),
                (Some(30.0), flags.series_break),
                (Some(40.0), 0),
            ],
        ),
        series(
            "b",
            &[
                (Some(5.0), 0),
                (None, 0),
                (Some(5.0), flags.series_break),
                (Some(5.0), 0),
            ],
        ),
    ];
    let chart = line_chart(dataset, &inputs, &years(4), Unit::Count, 800.0);
    // Years at 80, 310.67, 541.33, 772: the break sits halfway between the 2nd and 3rd.
    assert_eq!(chart.breaks.len(), 1);
    assert_eq!(chart.breaks[0].year, FinancialYear(2021));
    assert!((chart.breaks[0].x - 426.0).abs() < 1e-9);
    assert_eq!(chart.breaks[0].series, ["A", "B"]);
    let a = &chart.series[0];
    assert_eq!(a.segments.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2]);
    assert_eq!(a.points.iter().filter(|p| p.not_comparable).count(), 2);
    let b = &chart.series[1];
    assert_eq!(b.segments.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(b.missing_runs(), ["not published, 2020/21"]);
    assert!(chart.any_not_comparable());
    assert_eq!(chart.missing_by_series(), ["B: not published, 2020/21"]);
    // Museums are drawn solid, each in its own colour.
    assert_eq!((a.dash, b.dash), ("", ""));
}

#[test]
fn a_single_year_is_centred_and_drawn_as_a_point() {
    let dataset = dataset();
    let covid = dataset.known_flags.covid_caution;
    let inputs = [series("a", &[(Some(7.0), covid)])];
    let chart = line_chart(dataset, &inputs, &years(1), Unit::Count, 800.0);
    // Centred between 80 and 772.
    assert_eq!(chart.years, [(FinancialYear(2019), 426.0)]);
    assert_eq!(
        chart.series[0].segments,
        vec![vec![(426.0, chart.series[0].points[0].y)]]
    );
    assert_eq!(chart.year_labels, chart.years);
    // No year width to halve: the band is 30 either side.
    assert_eq!(chart.covid, [(396.0, 456.0)]);
    assert!(line_coordinates(&chart).iter().all(|v| v.is_finite()));

    let bars = bar_chart(&inputs, FinancialYear(2019), Unit::Count, 800.0);
    assert_eq!(bars.bars.len(), 1);
    assert_eq!(
        bars.bars[0].label, "2019/20",
        "one series: bars are labelled by year"
    );
}

#[test]
fn all_values_missing_draws_nothing_and_stays_finite() {
    let dataset = dataset();
    let inputs = [
        series("a", &[(None, 0), (None, 0), (None, 0)]),
        series("b", &[(None, 0), (None, 0), (None, 0)]),
    ];
    let chart = line_chart(dataset, &inputs, &years(3), Unit::Count, 800.0);
    assert!(chart
        .series
        .iter()
        .all(|s| s.points.is_empty() && s.segments.is_empty()));
    assert_eq!(
        chart.series[0].missing_runs(),
        ["not published, 2019/20 to 2021/22"]
    );
    assert_eq!(chart.main.ticks[0].value, 0.0);
    assert!(line_coordinates(&chart).iter().all(|v| v.is_finite()));
    assert!(!chart.any_not_comparable());

    let bars = bar_chart(&inputs, FinancialYear(2020), Unit::Count, 800.0);
    assert!(bars.bars.is_empty());
    assert_eq!(bars.missing.len(), 2);
    // No rows: the axis sits right under the top margin, 8 + 6; then tick labels (26) and
    // the unit (16).
    assert_eq!((bars.axis_y, bars.height), (14.0, 56.0));
    assert!(bars.zero.is_finite() && bars.ticks.iter().all(|t| t.position.is_finite()));

    let empty = line_chart(dataset, &[], &[], Unit::Count, 800.0);
    assert!(empty.series.is_empty() && empty.years.is_empty());
}

#[test]
fn bar_axis_and_positions_by_hand() {
    let inputs = [
        series("small", &[(Some(10.0), 0)]),
        series("large", &[(Some(20.0), 0)]),
        series("none", &[(None, 0)]),
    ];
    let chart = bar_chart(&inputs, FinancialYear(2019), Unit::Count, 800.0);
    // Largest first, rows 30 apart from 8; the axis 6 under the last row (8 + 2 × 30).
    let rows: Vec<(&str, f64)> = chart.bars.iter().map(|b| (b.key.as_str(), b.y)).collect();
    assert_eq!(rows, [("large", 8.0), ("small", 38.0)]);
    assert_eq!(chart.bar_height, 22.0);
    assert_eq!(chart.axis_y, 74.0);
    assert_eq!(chart.tick_label_y, 90.0);
    assert_eq!(chart.unit_label_y, 106.0);
    assert_eq!(chart.height, 116.0);
    // Labels take 220 (+8 gap), values 90 on the right: 0 at 228, 20 at 710.
    assert_eq!(chart.label_width, 220.0);
    assert_eq!(chart.zero, 228.0);
    assert_eq!((chart.bars[0].x0, chart.bars[0].x1), (228.0, 710.0));
    assert_eq!(chart.bars[1].x1, 469.0);
    let ticks: Vec<f64> = chart.ticks.iter().map(|t| t.value).collect();
    assert_eq!(ticks, [0.0, 5.0, 10.0, 15.0, 20.0]);
    assert_eq!(
        chart.missing,
        [("NONE".to_string(), "not published".to_string())]
    );

    let narrow = bar_chart(&inputs, FinancialYear(2019), Unit::Count, 400.0);
    assert_eq!((narrow.label_width, narrow.zero), (120.0, 128.0));
    let ticks: Vec<f64> = narrow.ticks.iter().map(|t| t.value).collect();
    assert_eq!(ticks, [0.0, 10.0, 20.0], "fewer ticks on phones");
    assert_eq!(narrow.axis_y, chart.axis_y, "rows do not depend on width");
}

#[test]
fn negative_bars_run_left_of_zero() {
    let inputs = [
        series("down", &[(Some(-10.0), 0)]),
        series("up", &[(Some(10.0), 0)]),
    ];
    let chart = bar_chart(&inputs, FinancialYear(2019), Unit::Count, 800.0);
    let down = chart.bars.iter().find(|b| b.key == "down").unwrap();
    assert_eq!(down.x1, chart.zero);
    assert!(down.x0 < chart.zero);
}

#[test]
fn chart_width_follows_the_results_column() {
    // The results take the page's width (the controls fold above them), less 32 of
    // padding, up to the page's 1440 and never under 300.
    assert_eq!(chart_width(1024.0), 992.0);
    assert_eq!(chart_width(1280.0), 1248.0);
    assert_eq!(chart_width(800.0), 768.0);
    assert_eq!(chart_width(600.0), 568.0);
    assert_eq!(chart_width(360.0), 328.0);
    assert_eq!(chart_width(200.0), 300.0);
    assert_eq!(chart_width(2000.0), 1408.0);
}

#[test]
fn tooltips_stay_inside_the_chart() {
    assert_eq!(
        tooltip_box(400.0, 100.0, 10, 800.0),
        TooltipBox {
            left: 361.0,
            top: 66.0,
            width: 78.0
        }
    );
    assert_eq!(
        tooltip_box(400.0, 100.0, 10, 800.0).text_at(),
        (367.0, 82.0)
    );
    assert_eq!(tooltip_box(10.0, 100.0, 10, 800.0).left, 4.0);
    assert_eq!(tooltip_box(795.0, 100.0, 10, 800.0).left, 718.0);
    assert_eq!(
        tooltip_box(400.0, 30.0, 10, 800.0).top,
        42.0,
        "below points near the top"
    );
    assert_eq!(tooltip_box(100.0, 100.0, 500, 300.0).width, 292.0);
}

#[test]
fn chart_titles_name_the_years_drawn() {
    let dataset = dataset();
    let table = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2016-17", "2023-24"),
    );
    let title = |series, kind| {
        chart_for_view(dataset, &table, series, kind, 800.0).map(|chart| chart.title)
    };
    let label = &dataset.metric(table.metric).label;
    let span = format!("{label}, 2016/17 to 2023/24");
    assert_eq!(
        title(SeriesChoice::Museums, ChartKind::Line),
        Some(span.clone())
    );
    assert_eq!(
        title(SeriesChoice::Museums, ChartKind::Bar),
        Some(format!("{label}, 2023/24")),
        "museums compared in the last year"
    );
    assert_eq!(
        title(SeriesChoice::Total, ChartKind::Bar),
        Some(span),
        "the total across its years"
    );
    assert_eq!(title(SeriesChoice::Museums, ChartKind::Table), None);
    let drawn =
        chart_for_view(dataset, &table, SeriesChoice::Total, ChartKind::Bar, 800.0).unwrap();
    assert!(matches!(drawn.layout, ChartLayout::Bar(bars) if bars.bars.len() == table.years.len()));
}
