//! The chart as one string of SVG markup (what the page puts in its `<svg>` and what the
//! downloads carry), on small hand-made charts whose positions are worked out by hand, and
//! the integer fixed-point writer every number in it goes through.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::chart_input::{museum_series as series, years_from_2019 as years};
use common::{dataset, view_from_query};
use museum_lending_explorer::core::chart::palette::{museum_colour, INK};
use museum_lending_explorer::core::chart::{
    bar_chart, bar_markup, chart_download_svg, chart_for_view, chart_markup, in_view_box,
    line_chart, line_markup, line_point_text, point_at_pointer, point_text, tick_label,
    tooltip_markup, view_box, xml_escape, ChartDownload, ChartLayout, LineChart, ScreenBox,
};
use museum_lending_explorer::core::format::{fixed, fixed_trimmed, push_fixed};
use museum_lending_explorer::core::model::Unit;
use museum_lending_explorer::core::view_state::{ChartKind, SeriesChoice};
use museum_lending_explorer::core::year::FinancialYear;

#[test]
fn fixed_rounds_half_away_from_zero() {
    // Halves that binary floats hold exactly, so the rounding rule alone decides.
    assert_eq!(fixed(2.5, 0), "3");
    assert_eq!(fixed(-2.5, 0), "-3");
    assert_eq!(fixed(0.125, 2), "0.13");
    assert_eq!(fixed(-0.125, 2), "-0.13");
    assert_eq!(fixed(12.25, 1), "12.3");
    assert_eq!(fixed(12.5, 1), "12.5");
    assert_eq!(fixed(12.5, 2), "12.50");
    assert_eq!(fixed(0.4, 0), "0");
}

#[test]
fn fixed_writes_zero_negatives_and_large_values() {
    assert_eq!(fixed(0.0, 0), "0");
    assert_eq!(fixed(0.0, 2), "0.00");
    assert_eq!(fixed(-0.0, 1), "0.0");
    // Rounds to zero: no "-0".
    assert_eq!(fixed(-0.001, 2), "0.00");
    assert_eq!(fixed(-3.75, 1), "-3.8");
    assert_eq!(fixed(0.05, 2), "0.05");
    assert_eq!(fixed(1_234_567_890.5, 1), "1234567890.5");
    assert_eq!(fixed(9_007_199_254_740_992.0, 0), "9007199254740992");
    assert_eq!(fixed(7.0, 3), "7.000");
    // At most nine places.
    assert_eq!(fixed(1.0, 12), "1.000000000");
    // Not a number: "0", so the markup stays valid.
    assert_eq!(fixed(f64::NAN, 1), "0.0");
    assert_eq!(fixed(f64::INFINITY, 0), "0");
}

#[test]
fn fixed_trimmed_drops_trailing_zeros() {
    assert_eq!(fixed_trimmed(80.0, 2), "80");
    assert_eq!(fixed_trimmed(-3.1, 2), "-3.1");
    assert_eq!(fixed_trimmed(310.666_666_666, 2), "310.67");
    assert_eq!(fixed_trimmed(0.000_000_1, 7), "0.0000001");
    assert_eq!(fixed_trimmed(1.0 / 3.0, 6), "0.333333");
    assert_eq!(fixed_trimmed(100.0, 0), "100");
    // The axis labels use it too: ONS rounding, half away from zero.
    assert_eq!(tick_label(1_250_000.0, Unit::Visits), "1.3 million");
    assert_eq!(tick_label(2_000_000_000.0, Unit::Gbp), "£2 billion");
    let mut out = String::from("x=");
    push_fixed(&mut out, 4.5, 1, true);
    assert_eq!(out, "x=4.5");
}

#[test]
fn text_is_escaped_for_xml() {
    assert_eq!(
        xml_escape("Tate & <National> \"Gallery\""),
        "Tate &amp; &lt;National&gt; &quot;Gallery&quot;"
    );
    assert_eq!(
        xml_escape("Sir John Soane's Museum"),
        "Sir John Soane's Museum"
    );
}

/// Series "a": 0, 50 and 100 over three years, the first a Covid year (see
/// tests/chart.rs: on an 800-wide chart the plot runs 80 to 772, 346 a year; 0 sits on the
/// axis at 280 and 100 at the top, 28).
fn hand_chart() -> museum_lending_explorer::core::chart::LineChart {
    let covid = dataset().known_flags.covid_caution;
    let inputs = [series(
        "a",
        "A",
        &[(Some(0.0), covid), (Some(50.0), 0), (Some(100.0), 0)],
    )];
    line_chart(dataset(), &inputs, &years(3), Unit::Count, 800.0)
}

/// How many points `markup` draws: the years listed by its points paths.
fn points_drawn(markup: &str) -> usize {
    markup
        .split("data-years=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].split(' ').count())
        .sum()
}

#[test]
fn line_markup_draws_each_mark_at_its_place() {
    let markup = line_markup(&hand_chart());
    let colour = museum_colour("a");
    // One series: one path through its three points, then the points as one path of
    // circles (radius 4.5: each `M` centre, 4.5 left, two arcs of 9 across), listing their
    // years and values in the same order.
    assert_eq!(markup.matches("<g class=\"series\"").count(), 1);
    assert!(markup.contains("<g class=\"series\" data-series=\"a\" data-emphasis=\"highlight\">"));
    assert_eq!(markup.matches("<path ").count(), 2);
    assert!(markup.contains(&format!(
        "<path d=\"M80,280 L426,154 L772,28\" stroke=\"{colour}\" fill=\"none\" stroke-width=\"2.5\"/>"
    )));
    let circle = "m-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0";
    assert!(markup.contains(&format!(
        "<path class=\"points\" d=\"M80,280{circle}M426,154{circle}M772,28{circle}\" fill=\"{colour}\" stroke=\"{colour}\" stroke-width=\"2\" data-museum=\"a\" data-years=\"2019-20 2020-21 2021-22\" data-values=\"0 50 100\"/>"
    )));
    assert_eq!(points_drawn(&markup), 3);
    assert!(!markup.contains("<circle"), "no element per point");
    // Its name 6 right of the last point, 4 below it.
    assert!(markup.contains(&format!(
        "<text class=\"end-label\" x=\"778\" y=\"32\" fill=\"{colour}\">A</text>"
    )));
    // Ticks every 20 from the axis (280) to the top (28): 252 / 5 = 50.4 apart; labels 6
    // left of the plot and 4 below the line.
    assert!(markup.contains("<line class=\"grid\" x1=\"80\" x2=\"772\" y1=\"229.6\" y2=\"229.6\"/><text class=\"tick-label\" x=\"74\" y=\"233.6\" text-anchor=\"end\">20</text>"));
    assert!(markup.contains("<line class=\"axis\" x1=\"80\" x2=\"772\" y1=\"280\" y2=\"280\"/>"));
    assert!(markup.contains("<text class=\"unit-label\" x=\"4\" y=\"14\">Number</text>"));
    // Years 18 under the axis.
    assert!(markup.contains(
        "<text class=\"tick-label\" x=\"426\" y=\"298\" text-anchor=\"middle\">2020/21</text>"
    ));
    // The Covid year: half a year (173) either side of 80, cut at the plot's edge.
    assert!(markup.contains("<rect class=\"covid-band\" x=\"80\" y=\"28\" width=\"173\" height=\"252\"><title>Covid-19 year: compare with caution</title></rect>"));
    assert!(
        markup.contains("<rect class=\"covid-key\" x=\"4\" y=\"322\" width=\"14\" height=\"12\"/>")
    );
    assert!(
        !markup.contains("chart-tooltip"),
        "the tooltip is an overlay"
    );
}

#[test]
fn line_markup_marks_breaks_hollow_points_and_escapes_names() {
    let flags = dataset().known_flags;
    let inputs = [
        series(
            "tate",
            "Tate & <Modern>",
            &[
                (Some(10.0), flags.not_comparable),
                (Some(20.0), flags.series_break),
            ],
        ),
        series("b", "B \"quoted\"", &[(Some(12.345_678), 0), (None, 0)]),
    ];
    let chart = line_chart(dataset(), &inputs, &years(2), Unit::Count, 800.0);
    let markup = line_markup(&chart);
    assert!(!markup.contains("<Modern>") && !markup.contains("\"quoted\""));
    assert_eq!(markup.matches("<g class=\"series\"").count(), 2);
    assert_eq!(points_drawn(&markup), 3, "B's missing year is not drawn");
    // Tate's 2019/20 is hollow (white inside its colour), in a path of its own; its
    // 2020/21 is filled with its colour.
    let element = |start: &str| {
        let from = markup
            .find(start)
            .unwrap_or_else(|| panic!("{start} not drawn"));
        &markup[from..from + markup[from..].find("/>").unwrap()]
    };
    let tate = museum_colour("tate");
    let points_path = |start: &str, fill: &str, years_and_values: &str| {
        let path = element(start);
        assert!(
            path.contains(&format!("fill=\"{fill}\" stroke=\"{tate}\""))
                && path.ends_with(&format!("data-museum=\"tate\" {years_and_values}")),
            "{path}"
        );
    };
    assert_eq!(markup.matches("class=\"points not-comparable\"").count(), 1);
    points_path(
        "<path class=\"points not-comparable\"",
        "#ffffff",
        "data-years=\"2019-20\" data-values=\"10\"",
    );
    points_path(
        "<path class=\"points\" ",
        tate,
        "data-years=\"2020-21\" data-values=\"20\"",
    );
    // Names are escaped where they are drawn (the end labels).
    assert!(
        markup.contains(">Tate &amp; &lt;Modern&gt;</text>"),
        "{markup}"
    );
    // The raw figure, to six places.
    assert!(markup.contains("data-years=\"2019-20\" data-values=\"12.345678\""));
    // What each point says on hover and to the arrow keys: the name as written, the
    // figure as printed, and "not comparable" once for a hollow point (it was said twice,
    // by its flag and again for being hollow).
    let text = |key: &str, point: usize| {
        let line = chart.series.iter().find(|line| line.key == key).unwrap();
        line_point_text(dataset(), line, &line.points[point], Unit::Count)
    };
    assert_eq!(
        text("tate", 0),
        "Tate & <Modern>, 2019/20: 10 (not comparable with later years)"
    );
    assert_eq!(text("b", 0), "B \"quoted\", 2019/20: 12");
    assert_eq!(
        markup
            .matches("<g class=\"series-break\" data-break-year=\"2020-21\">")
            .count(),
        1
    );
    assert!(
        markup.contains("<title>Series break before 2020/21: Tate &amp; &lt;Modern&gt;</title>")
    );
}

#[test]
fn a_point_s_markers_keep_their_capitals() {
    // A figure revised by DCMS whose total includes Tyne and Wear Museums: the markers'
    // titles follow the figure with only their first letters lowered.
    let bit = |code: &str| {
        1 << dataset()
            .file
            .flags
            .iter()
            .position(|f| f.code == code)
            .unwrap()
    };
    let flags = bit("revised") | bit("total_includes_tyne_wear");
    let text = point_text(dataset(), "Total", "2009/10", 1714.0, Unit::Count, flags);
    assert!(text.starts_with("Total, 2009/10: 1,714 ("), "{text}");
    assert!(text.contains("revised by DCMS"), "{text}");
    assert!(text.contains("includes Tyne and Wear Museums"), "{text}");
}

/// The hand chart with a second series, "b": 100, 60 and 0, whose middle point sits 60
/// per cent up the axis: 280 - 0.6 × 252 = 128.8, 25.2 above a's 154.
fn crossing_chart() -> LineChart {
    let inputs = [
        series(
            "a",
            "A",
            &[(Some(0.0), 0), (Some(50.0), 0), (Some(100.0), 0)],
        ),
        series(
            "b",
            "B",
            &[(Some(100.0), 0), (Some(60.0), 0), (Some(0.0), 0)],
        ),
    ];
    line_chart(dataset(), &inputs, &years(3), Unit::Count, 800.0)
}

#[test]
fn the_pointer_picks_the_nearest_point_within_reach() {
    let chart = crossing_chart();
    let picked = |x: f64, y: f64| {
        point_at_pointer(&chart, x, y).map(|at| {
            let line = &chart.series[at.series];
            (line.key.as_str(), line.points[at.point].year.slug())
        })
    };
    assert_eq!(picked(430.0, 150.0), Some(("a", "2020-21".to_string())));
    // 3.2 from b's point and 22 from a's: the nearer wins.
    assert_eq!(picked(426.0, 132.0), Some(("b", "2020-21".to_string())));
    // Reach is 24: exactly 24 to the right of a's last point still picks it, 25 does not.
    assert_eq!(
        picked(772.0 + 24.0, 28.0),
        Some(("a", "2021-22".to_string()))
    );
    assert_eq!(picked(772.0 + 25.0, 28.0), None);
    assert_eq!(picked(426.0, 154.0 + 25.0), None);
    assert_eq!(
        picked(253.0, 60.0),
        None,
        "between the years, far from every point"
    );
}

#[test]
fn of_points_drawn_on_top_of_each_other_the_pointer_picks_the_one_on_top() {
    // Two series with the same figures: their points coincide, and the one drawn later
    // (later in `series`, so on top) is the one the reader sees and gets.
    let inputs = [
        series("a", "A", &[(Some(0.0), 0), (Some(50.0), 0)]),
        series("b", "B", &[(Some(0.0), 0), (Some(50.0), 0)]),
    ];
    let chart = line_chart(dataset(), &inputs, &years(2), Unit::Count, 800.0);
    let point = &chart.series[0].points[1];
    let at = point_at_pointer(&chart, point.x, point.y).unwrap();
    assert_eq!((at.series, at.point), (1, 1));
}

#[test]
fn the_pointer_s_place_is_found_in_the_chart_s_units() {
    // A 328 × 234 chart in a box at (10, 20) of the given size: where the screen point
    // `at` falls in the chart's units.
    let place = |width: f64, height: f64, at: (f64, f64)| {
        let shown = ScreenBox {
            left: 10.0,
            top: 20.0,
            width,
            height,
        };
        in_view_box(shown, (328.0, 234.0), at)
    };
    // Drawn twice its size.
    assert_eq!(place(656.0, 468.0, (210.0, 120.0)), Some((100.0, 50.0)));
    // A box too wide for it: drawn at its own size, centred, so (800 - 328) / 2 = 236 of
    // empty box to its left.
    assert_eq!(place(800.0, 234.0, (346.0, 70.0)), Some((100.0, 50.0)));
    // Too tall: (500 - 234) / 2 = 133 of empty box above it.
    assert_eq!(place(328.0, 500.0, (110.0, 203.0)), Some((100.0, 50.0)));
    // Not laid out yet: no place.
    assert_eq!(place(0.0, 0.0, (10.0, 20.0)), None);
}

#[test]
fn bar_markup_draws_one_group_per_bar() {
    let inputs = [
        series("b", "Bee", &[(Some(50.0), 0)]),
        series("a", "Ay", &[(Some(100.0), 0)]),
        series("c", "Sea", &[(None, 0)]),
    ];
    let chart = bar_chart(&inputs, FinancialYear(2019), Unit::Count, 800.0);
    let markup = bar_markup(dataset(), &chart, Unit::Count);
    assert_eq!(
        markup.matches("<g class=\"bar\">").count(),
        2,
        "Sea has no figure"
    );
    // Plot from 220 + 8 = 228 to 800 - 90 = 710; ticks 0 to 100, so 100 spans 482 and 50
    // half that. Rows 30 apart from 8; text baselines 11 + 4 below a bar's top.
    assert!(markup.contains(&format!(
        "<g class=\"bar\"><text class=\"bar-label\" x=\"220\" y=\"23\" text-anchor=\"end\">Ay</text><rect x=\"228\" y=\"8\" width=\"482\" height=\"22\" fill=\"{}\" data-museum=\"a\" data-year=\"2019-20\" data-value=\"100\"><title>Ay, 2019/20: 100</title></rect><text class=\"bar-value\" x=\"714\" y=\"23\">100</text></g>",
        museum_colour("a")
    )));
    assert!(markup.contains("<rect x=\"228\" y=\"38\" width=\"241\" height=\"22\""));
    // The axis at zero, from the top to 6 under the last row (8 + 2 × 30 + 6 = 74).
    assert!(markup.contains("<line class=\"axis\" x1=\"228\" x2=\"228\" y1=\"0\" y2=\"74\"/>"));
    assert!(markup.contains(
        "<text class=\"tick-label\" x=\"324.4\" y=\"90\" text-anchor=\"middle\">20</text>"
    ));
}

#[test]
fn the_tooltip_sits_above_its_point() {
    // 14 characters × 6.6 + 2 × 6 = 104.4 wide, centred on 426; 34 above the point.
    let markup = tooltip_markup(426.0, 154.0, "A, 2020/21: 50", 800.0);
    assert!(markup.starts_with("<g class=\"chart-tooltip\" aria-hidden=\"true\"><circle class=\"active-ring\" cx=\"426\" cy=\"154\" r=\"8\" fill=\"none\"/>"));
    assert!(markup.contains("<rect x=\"373.8\" y=\"120\" width=\"104.4\" height=\"24\" rx=\"3\"/>"));
    assert!(markup.contains("<text x=\"379.8\" y=\"136\">A, 2020/21: 50</text></g>"));
    assert_eq!(view_box(1248.0, 342.5), "0 0 1248 342.5");
}

#[test]
fn the_download_carries_the_markup_drawn_on_screen() {
    let dataset = dataset();
    let table = view_from_query(dataset, "?metric=uk_loan_venues");
    let unit = dataset.metric(table.metric).unit;
    for kind in [ChartKind::Line, ChartKind::Bar] {
        let drawn = chart_for_view(dataset, &table, SeriesChoice::Museums, kind, 900.0).unwrap();
        let on_screen = chart_markup(dataset, &drawn.layout, unit);
        let points: usize = match &drawn.layout {
            ChartLayout::Line(chart) => chart.series.iter().map(|line| line.points.len()).sum(),
            ChartLayout::Bar(chart) => chart.bars.len(),
        };
        let marks = match kind {
            ChartKind::Line => points_drawn(&on_screen),
            _ => on_screen.matches("<g class=\"bar\">").count(),
        };
        assert_eq!(marks, points, "{kind:?}: one mark per point");
        let download = ChartDownload::of(dataset, drawn, unit, "Source: DCMS".into());
        assert_eq!(download.inner_markup, on_screen);
        let (svg, _) = chart_download_svg(&download);
        assert!(svg.contains(&on_screen));
        assert_eq!(points_drawn(&svg), points_drawn(&on_screen));
    }
    // "Total": the recomputed total is drawn in ink.
    let total =
        chart_for_view(dataset, &table, SeriesChoice::Total, ChartKind::Line, 900.0).unwrap();
    let markup = chart_markup(dataset, &total.layout, unit);
    assert!(markup.contains(
        "<g class=\"series\" data-series=\"total\" data-emphasis=\"aggregate\"><path d=\"M"
    ));
    assert!(markup.contains(&format!("stroke=\"{INK}\"")));
}
