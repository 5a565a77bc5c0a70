//! Bar chart: one bar per museum for one year, sorted, with the value printed; museums
//! without a figure are listed in words, not drawn.

use crate::core::chart::{Bar, BarChart, PALETTE};
use crate::core::format::format_value;
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::ChartSvg;
use crate::ui::line_chart::point_text;
use leptos::prelude::*;

/// Vertical grid lines at the value ticks, labelled under the axis.
fn value_ticks(chart: &BarChart) -> impl IntoView {
    let (axis, label_y) = (chart.axis_y, chart.tick_label_y);
    chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="grid" x1=tick.position x2=tick.position y1="0" y2=axis />
                <text class="tick-label" x=tick.position y=label_y text-anchor="middle">{tick.label.clone()}</text>
            }
        })
        .collect_view()
}

/// One focusable bar with its label on the left and its value printed after it.
fn bar_mark(dataset: &'static Dataset, chart: &BarChart, bar: &Bar, unit: Unit) -> impl IntoView {
    let text = point_text(
        dataset,
        &bar.label,
        &bar.year.label(),
        bar.value,
        unit,
        bar.flags,
    );
    let aria_label = text.clone();
    // Text baselines sit a little below the bar's middle, so the text looks centred.
    let middle = bar.y + chart.bar_height / 2.0 + 4.0;
    view! {
        <g class="bar">
            <text class="bar-label" x=chart.label_width y=middle text-anchor="end">{bar.label.clone()}</text>
            <rect
                tabindex="0"
                role="img"
                aria-label=aria_label
                x=bar.x0
                y=bar.y
                width=(bar.x1 - bar.x0).max(1.0)
                height=chart.bar_height
                fill=PALETTE[0]
                data-museum=bar.key.clone()
                data-year=bar.year.slug()
                data-value=bar.value.to_string()
            >
                <title>{text}</title>
            </rect>
            <text class="bar-value" x=bar.x1 + 4.0 y=middle>{format_value(bar.value, unit)}</text>
        </g>
    }
}

/// The entries without a figure, in words, under the chart.
fn missing_note(chart: &BarChart) -> impl IntoView {
    let missing = chart
        .missing
        .iter()
        .map(|(label, words)| view! { <li data-missing=label.clone()>{format!("{label}: {words}")}</li> })
        .collect_view();
    (!chart.missing.is_empty()).then(|| {
        view! {
            <div class="chart-note">
                <p>"Not drawn, no figure:"</p>
                <ul class="missing-bars">{missing}</ul>
            </div>
        }
    })
}

/// The bar chart core laid out, with the entries it could not draw listed under it.
#[component]
pub fn BarChartView(
    dataset: &'static Dataset,
    chart: BarChart,
    unit: Unit,
    title: String,
    summary: String,
) -> impl IntoView {
    let bars = chart
        .bars
        .iter()
        .map(|bar| bar_mark(dataset, &chart, bar, unit))
        .collect_view();
    let axis = view! { <line class="axis" x1=chart.zero x2=chart.zero y1="0" y2=chart.axis_y /> };
    let marks = (value_ticks(&chart), axis, bars);
    view! {
        <figure class="chart bar-chart">
            <ChartSvg width=chart.width height=chart.height title=title summary=summary>
                {marks}
            </ChartSvg>
            {missing_note(&chart)}
        </figure>
    }
}
