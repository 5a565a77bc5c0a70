//! Line chart: one series per museum (or the total), gaps where a value is missing,
//! break markers, Covid years shaded, focusable points.

use crate::core::chart::{tooltip_box, LineChart, LinePoint, LineSeries};
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

/// The point that has keyboard focus, and what its tooltip says.
#[derive(Debug, Clone, PartialEq)]
struct Focus {
    x: f64,
    y: f64,
    text: String,
}

/// Shaded Covid years, behind everything else.
fn covid_bands(chart: &LineChart) -> impl IntoView {
    let (top, height) = (chart.top, chart.bottom - chart.top);
    chart
        .covid
        .iter()
        .map(|(x0, x1)| {
            view! {
                <rect class="covid-band" x=*x0 y=top width=x1 - x0 height=height>
                    <title>"Covid-19 year: compare with caution"</title>
                </rect>
            }
        })
        .collect_view()
}

/// Horizontal grid lines at the value ticks, labelled left of the plot.
fn value_grid(chart: &LineChart) -> impl IntoView {
    let (left, right) = (chart.left, chart.right);
    chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="grid" x1=left x2=right y1=tick.position y2=tick.position />
                <text class="tick-label" x=left - 6.0 y=tick.position + 4.0 text-anchor="end">{tick.label.clone()}</text>
            }
        })
        .collect_view()
}

/// Year labels under the axis: every `label_every`-th year and always the last.
fn year_labels(chart: &LineChart) -> impl IntoView {
    let y = chart.year_label_y();
    chart
        .years
        .iter()
        .enumerate()
        .filter(|(i, _)| i % chart.label_every == 0 || *i + 1 == chart.years.len())
        .map(|(_, (year, x))| view! { <text class="tick-label" x=*x y=y text-anchor="middle">{year.label()}</text> })
        .collect_view()
}

/// A dashed line and "break" before each year where a series changes method.
fn break_markers(chart: &LineChart) -> impl IntoView {
    let (top, bottom) = (chart.top, chart.bottom);
    chart
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
                    <line x1=marker.x x2=marker.x y1=top y2=bottom />
                    <text x=marker.x + 3.0 y=top + 10.0>"break"</text>
                    <title>{description}</title>
                </g>
            }
        })
        .collect_view()
}

/// The lines of one series: one path per run of joined years (single points get none).
fn series_paths(line: &LineSeries) -> impl IntoView {
    line.segments
        .iter()
        .filter(|segment| segment.len() > 1)
        .map(|segment| view! { <path d=path_of(segment) stroke=line.colour stroke-dasharray=line.dash fill="none" stroke-width="2.5" /> })
        .collect_view()
}

/// One focusable point; focus shows its text in the tooltip.
fn series_point(
    dataset: &'static Dataset,
    line: &LineSeries,
    point: &LinePoint,
    unit: Unit,
    focused: RwSignal<Option<Focus>>,
) -> impl IntoView {
    let text = point_text(
        dataset,
        &line.label,
        &point.year.label(),
        point.value,
        unit,
        point.flags,
    );
    let label = if point.not_comparable {
        format!("{text} – not comparable with later years")
    } else {
        text
    };
    let focus = Focus {
        x: point.x,
        y: point.y,
        text: label.clone(),
    };
    let aria_label = label.clone();
    view! {
        <circle
            class="point"
            class:not-comparable=point.not_comparable
            tabindex="0"
            role="img"
            aria-label=aria_label
            cx=point.x
            cy=point.y
            r="4.5"
            fill=if point.not_comparable { "#ffffff" } else { line.colour }
            stroke=line.colour
            stroke-width="2"
            data-museum=line.key.clone()
            data-year=point.year.slug()
            data-value=point.value.to_string()
            on:focus=move |_| focused.set(Some(focus.clone()))
            on:blur=move |_| focused.set(None)
        >
            <title>{label}</title>
        </circle>
    }
}

/// Every series: its lines, then its points on top.
fn series_marks(
    dataset: &'static Dataset,
    chart: &LineChart,
    unit: Unit,
    focused: RwSignal<Option<Focus>>,
) -> impl IntoView {
    chart
        .series
        .iter()
        .map(|line| {
            let points = line
                .points
                .iter()
                .map(|point| series_point(dataset, line, point, unit, focused))
                .collect_view();
            view! { <g class="series" data-series=line.key.clone()>{series_paths(line)}{points}</g> }
        })
        .collect_view()
}

/// The focused point's text in a box above it (hidden in downloads by their style).
fn tooltip(focus: Focus, chart_width: f64) -> impl IntoView {
    let place = tooltip_box(focus.x, focus.y, focus.text.chars().count(), chart_width);
    let (text_x, text_y) = place.text_at();
    view! {
        <g class="chart-tooltip" aria-hidden="true">
            <rect x=place.left y=place.top width=place.width height="24" rx="3" />
            <text x=text_x y=text_y>{focus.text}</text>
        </g>
    }
}

/// Each series' line style beside its label.
fn legend(chart: &LineChart) -> impl IntoView {
    let entries = chart
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
    view! { <ul class="chart-legend" aria-label="Series">{entries}</ul> }
}

/// Notes under the chart: what hollow points mean, and which years are not drawn.
fn notes(chart: &LineChart) -> impl IntoView {
    let missing = chart.missing_by_series();
    let hollow_note = chart.any_not_comparable().then(|| view! {
        <p class="chart-note">"Hollow points are not comparable with later years (method change, DCMS note 19)."</p>
    });
    let missing_note = (!missing.is_empty()).then(|| view! {
        <p class="chart-note" id="chart-missing">"Not drawn, no figure: " {missing.join(". ")} "."</p>
    });
    (hollow_note, missing_note)
}

/// The line chart core laid out, with its legend and notes.
#[component]
pub fn LineChartView(
    dataset: &'static Dataset,
    chart: LineChart,
    unit: Unit,
    title: String,
    summary: String,
) -> impl IntoView {
    let focused: RwSignal<Option<Focus>> = RwSignal::new(None);
    let (width, height) = (chart.width, chart.height);
    let axis = view! { <line class="axis" x1=chart.left x2=chart.right y1=chart.bottom y2=chart.bottom /> };
    let marks = (
        covid_bands(&chart),
        value_grid(&chart),
        axis,
        year_labels(&chart),
        break_markers(&chart),
        series_marks(dataset, &chart, unit, focused),
    );
    view! {
        <figure class="chart line-chart">
            <ChartSvg width=width height=height title=title summary=summary>
                {marks}
                {move || focused.get().map(|focus| tooltip(focus, width))}
            </ChartSvg>
            {legend(&chart)}
            {notes(&chart)}
        </figure>
    }
}
