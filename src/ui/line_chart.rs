//! Line chart: one series per museum (or the total), gaps where a value is missing,
//! break markers, Covid years shaded, focusable points.

use crate::core::chart::LineChart;
use crate::core::format::format_value;
use crate::core::markers::markers_in;
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::ChartSvg;
use leptos::prelude::*;

/// Text a point announces on hover and focus.
pub fn point_text(
    dataset: &Dataset,
    label: &str,
    year: &str,
    value: f64,
    unit: Unit,
    flags: u32,
) -> String {
    let markers: Vec<String> = markers_in(dataset, flags)
        .iter()
        .map(|m| m.title.to_lowercase())
        .collect();
    let mut text = format!("{label}, {year}: {}", format_value(value, unit));
    if !markers.is_empty() {
        text.push_str(&format!(" ({})", markers.join("; ")));
    }
    text
}

fn path_of(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn LineChartView(
    dataset: &'static Dataset,
    chart: LineChart,
    unit: Unit,
    title: String,
    summary: String,
) -> impl IntoView {
    let focused: RwSignal<Option<(f64, f64, String)>> = RwSignal::new(None);
    let (width, height) = (chart.width, chart.height);
    let covid = chart
        .covid
        .iter()
        .map(|(x0, x1)| {
            view! {
                <rect class="covid-band" x=*x0 y=chart.top width=x1 - x0 height=chart.bottom - chart.top>
                    <title>"Covid-19 year: compare with caution"</title>
                </rect>
            }
        })
        .collect_view();
    let grid = chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="grid" x1=chart.left x2=chart.right y1=tick.position y2=tick.position />
                <text class="tick-label" x=chart.left - 6.0 y=tick.position + 4.0 text-anchor="end">{tick.label.clone()}</text>
            }
        })
        .collect_view();
    let x_labels = chart
        .years
        .iter()
        .enumerate()
        .filter(|(i, _)| i % chart.label_every == 0 || *i + 1 == chart.years.len())
        .map(|(_, (year, x))| view! { <text class="tick-label" x=*x y=chart.bottom + 18.0 text-anchor="middle">{year.label()}</text> })
        .collect_view();
    let breaks = chart
        .breaks
        .iter()
        .map(|marker| {
            let description = format!(
                "Series break before {}: {}",
                marker.year,
                marker.series.join(", ")
            );
            view! {
                <g class="series-break" data-break-year=marker.year.slug()>
                    <line x1=marker.x x2=marker.x y1=chart.top y2=chart.bottom />
                    <text x=marker.x + 3.0 y=chart.top + 10.0>"break"</text>
                    <title>{description}</title>
                </g>
            }
        })
        .collect_view();
    let series = chart
        .series
        .iter()
        .map(|line| {
            let paths = line
                .segments
                .iter()
                .filter(|segment| segment.len() > 1)
                .map(|segment| view! { <path d=path_of(segment) stroke=line.colour stroke-dasharray=line.dash fill="none" stroke-width="2.5" /> })
                .collect_view();
            let points = line
                .points
                .iter()
                .map(|point| {
                    let text = point_text(dataset, &line.label, &point.year.label(), point.value, unit, point.flags);
                    let label = if point.not_comparable { format!("{text} – not comparable with later years") } else { text };
                    let (x, y) = (point.x, point.y);
                    let announce = label.clone();
                    let aria_label = label.clone();
                    view! {
                        <circle
                            class="point"
                            class:not-comparable=point.not_comparable
                            tabindex="0"
                            role="img"
                            aria-label=aria_label
                            cx=x
                            cy=y
                            r="4.5"
                            fill=if point.not_comparable { "#ffffff" } else { line.colour }
                            stroke=line.colour
                            stroke-width="2"
                            data-museum=line.key.clone()
                            data-year=point.year.slug()
                            data-value=point.value.to_string()
                            on:focus=move |_| focused.set(Some((x, y, announce.clone())))
                            on:blur=move |_| focused.set(None)
                        >
                            <title>{label}</title>
                        </circle>
                    }
                })
                .collect_view();
            view! { <g class="series" data-series=line.key.clone()>{paths}{points}</g> }
        })
        .collect_view();
    let tooltip = move || {
        focused.get().map(|(x, y, text)| {
            let box_width = (text.chars().count() as f64 * 6.6 + 12.0).min(width - 8.0);
            let left = (x - box_width / 2.0).clamp(4.0, width - box_width - 4.0);
            let top = if y > 40.0 { y - 34.0 } else { y + 12.0 };
            view! {
                <g class="chart-tooltip" aria-hidden="true">
                    <rect x=left y=top width=box_width height="24" rx="3" />
                    <text x=left + 6.0 y=top + 16.0>{text}</text>
                </g>
            }
        })
    };
    let legend = chart
        .series
        .iter()
        .map(|line| {
            view! {
                <li>
                    <svg width="36" height="12" aria-hidden="true">
                        <line x1="0" x2="36" y1="6" y2="6" stroke=line.colour stroke-dasharray=line.dash stroke-width="3" />
                    </svg>
                    {line.label.clone()}
                </li>
            }
        })
        .collect_view();
    let missing: Vec<String> = chart
        .series
        .iter()
        .filter(|line| !line.missing.is_empty())
        .map(|line| format!("{}: {}", line.label, line.missing_runs().join("; ")))
        .collect();
    let not_comparable = chart
        .series
        .iter()
        .any(|line| line.points.iter().any(|p| p.not_comparable));
    view! {
        <figure class="chart line-chart">
            <ChartSvg width=width height=height title=title summary=summary>
                {covid}
                {grid}
                <line class="axis" x1=chart.left x2=chart.right y1=chart.bottom y2=chart.bottom />
                {x_labels}
                {breaks}
                {series}
                {tooltip}
            </ChartSvg>
            <ul class="chart-legend" aria-label="Series">{legend}</ul>
            {not_comparable.then(|| view! {
                <p class="chart-note">"Hollow points are not comparable with later years (method change, DCMS note 19)."</p>
            })}
            {(!missing.is_empty()).then(|| view! {
                <p class="chart-note" id="chart-missing">"Not drawn, no figure: " {missing.join(". ")} "."</p>
            })}
        </figure>
    }
}
