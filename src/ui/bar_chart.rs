//! Bar chart: one bar per museum for one year, sorted, with the value printed; museums
//! without a figure are listed in words, not drawn.

use crate::core::chart::{BarChart, PALETTE};
use crate::core::format::format_value;
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::ChartSvg;
use crate::ui::line_chart::point_text;
use leptos::prelude::*;

#[component]
pub fn BarChartView(
    dataset: &'static Dataset,
    chart: BarChart,
    unit: Unit,
    title: String,
    summary: String,
) -> impl IntoView {
    let (width, height) = (chart.width, chart.height);
    let axis = height - 26.0;
    let ticks = chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="grid" x1=tick.position x2=tick.position y1="0" y2=axis />
                <text class="tick-label" x=tick.position y=axis + 16.0 text-anchor="middle">{tick.label.clone()}</text>
            }
        })
        .collect_view();
    let bars = chart
        .bars
        .iter()
        .map(|bar| {
            let text = point_text(dataset, &bar.label, &bar.year.label(), bar.value, unit, bar.flags);
            let aria_label = text.clone();
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
        })
        .collect_view();
    let missing = chart
        .missing
        .iter()
        .map(|(label, words)| view! { <li data-missing=label.clone()>{format!("{label}: {words}")}</li> })
        .collect_view();
    view! {
        <figure class="chart bar-chart">
            <ChartSvg width=width height=height title=title summary=summary>
                {ticks}
                <line class="axis" x1=chart.zero x2=chart.zero y1="0" y2=axis />
                {bars}
            </ChartSvg>
            {(!chart.missing.is_empty()).then(|| view! {
                <div class="chart-note">
                    <p>"Not drawn, no figure:"</p>
                    <ul class="missing-bars">{missing}</ul>
                </div>
            })}
        </figure>
    }
}
