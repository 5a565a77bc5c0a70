//! Line chart: the totals and sector figure (in a panel above when they dwarf the museums),
//! the largest museums in colour with their names at the line ends, the others in grey;
//! gaps where a value is missing, break and scope markers, Covid years shaded and captioned.
//! The chart is one tab stop: arrow keys walk the points, announced in a live region.

use crate::core::chart::palette::BACKGROUND_GREY;
use crate::core::chart::{
    next_point, tooltip_box, Emphasis, LegendEntry, LineChart, LinePoint, LineSeries, Panel,
    PointAt, PointKey, Swatch,
};
use crate::core::format::format_value;
use crate::core::markers::markers_in;
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::{ChartCaption, ChartSvg};
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

/// A point's full text: its series, year, value, flags, and "not comparable" when hollow.
fn full_point_text(dataset: &Dataset, line: &LineSeries, point: &LinePoint, unit: Unit) -> String {
    let text = point_text(
        dataset,
        &line.label,
        &point.year.label(),
        point.value,
        unit,
        point.flags,
    );
    if point.not_comparable {
        format!("{text} – not comparable with later years")
    } else {
        text
    }
}

fn path_of(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shaded Covid years, behind everything else, with a visible caption under the axis.
fn covid_bands(chart: &LineChart) -> impl IntoView {
    let (top, height) = (chart.top, chart.bottom - chart.top);
    let bands = chart
        .covid
        .iter()
        .map(|(x0, x1)| {
            view! {
                <rect class="covid-band" x=*x0 y=top width=x1 - x0 height=height>
                    <title>"Covid-19 year: compare with caution"</title>
                </rect>
            }
        })
        .collect_view();
    // From the left edge, so the caption fits on a phone.
    let caption = chart.covid_caption_y().map(|y| {
        view! {
            <g class="covid-caption">
                <rect class="covid-key" x="4" y=y - 10.0 width="14" height="12" />
                <text x="24" y=y>"Shaded: Covid-19 years, compare with caution"</text>
            </g>
        }
    });
    (bands, caption)
}

/// One panel's grid lines at its value ticks, labelled left of the plot, and its axis.
fn panel_grid(chart: &LineChart, panel: &Panel) -> impl IntoView {
    let (left, right) = (chart.left, chart.right);
    let ticks = panel
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="grid" x1=left x2=right y1=tick.position y2=tick.position />
                <text class="tick-label" x=left - 6.0 y=tick.position + 4.0 text-anchor="end">{tick.label.clone()}</text>
            }
        })
        .collect_view();
    let bottom = panel.bottom;
    view! {
        {ticks}
        <line class="axis" x1=left x2=right y1=bottom y2=bottom />
    }
}

/// Every panel's grid, and the unit of the value axis above it.
fn value_grid(chart: &LineChart) -> impl IntoView {
    let grids = chart
        .panels()
        .map(|panel| panel_grid(chart, panel))
        .collect_view();
    view! {
        {grids}
        <text class="unit-label" x="4" y=chart.unit_label_y>{chart.unit_label.clone()}</text>
    }
}

/// Year labels under the axis, thinned so none overlap.
fn year_labels(chart: &LineChart) -> impl IntoView {
    let y = chart.year_label_y();
    chart
        .year_labels
        .iter()
        .map(|(year, x)| view! { <text class="tick-label" x=*x y=y text-anchor="middle">{year.label()}</text> })
        .collect_view()
}

/// A dashed line and "break" or "scope" before each year where a series changes method or
/// the sector figure changes scope.
fn break_markers(chart: &LineChart) -> impl IntoView {
    let (top, bottom) = (chart.top, chart.bottom);
    chart
        .breaks
        .iter()
        .map(|marker| {
            let (break_year, scope_year) = match marker.kind {
                crate::core::chart::BreakKind::SeriesBreak => (Some(marker.year.slug()), None),
                crate::core::chart::BreakKind::ScopeChange => (None, Some(marker.year.slug())),
            };
            view! {
                <g class="series-break" data-break-year=break_year data-scope-year=scope_year>
                    <line x1=marker.x x2=marker.x y1=top y2=bottom />
                    <text x=marker.x + 3.0 y=marker.label_y>{marker.kind.label()}</text>
                    <title>{marker.description()}</title>
                </g>
            }
        })
        .collect_view()
}

/// The lines of one series: one path per run of joined years (single points get none).
fn series_paths(line: &LineSeries) -> impl IntoView {
    let width = if line.emphasis == Emphasis::Background {
        "1.5"
    } else {
        "2.5"
    };
    line.segments
        .iter()
        .filter(|segment| segment.len() > 1)
        .map(|segment| view! { <path d=path_of(segment) stroke=line.colour stroke-dasharray=line.dash fill="none" stroke-width=width /> })
        .collect_view()
}

/// One point; hover shows its text (keyboard users reach it with the arrow keys).
fn series_point(
    dataset: &Dataset,
    line: &LineSeries,
    (point, radius): (&LinePoint, f64),
    unit: Unit,
) -> impl IntoView {
    let label = full_point_text(dataset, line, point, unit);
    view! {
        <circle
            class="point"
            class:not-comparable=point.not_comparable
            cx=point.x
            cy=point.y
            r=radius
            fill=if point.not_comparable { "#ffffff" } else { line.colour }
            stroke=line.colour
            stroke-width="2"
            data-museum=line.key.clone()
            data-year=point.year.slug()
            data-value=point.value.to_string()
        >
            <title>{label}</title>
        </circle>
    }
}

/// Every series: its lines, its points on top, its end label; the highlighted one marked.
fn series_marks(
    dataset: &'static Dataset,
    chart: &LineChart,
    unit: Unit,
    highlighted: RwSignal<Option<String>>,
) -> impl IntoView {
    chart
        .series
        .iter()
        .map(|line| {
            let radius = chart.point_radius(line.emphasis);
            let points = line
                .points
                .iter()
                .map(|point| series_point(dataset, line, (point, radius), unit))
                .collect_view();
            let key = line.key.clone();
            let is_highlighted = move || highlighted.get().as_deref() == Some(key.as_str());
            let end_label = line.end_label.as_ref().map(|label| {
                view! { <text class="end-label" x=label.x y=label.y fill=line.colour>{label.text.clone()}</text> }
            });
            view! {
                <g class="series" class:highlighted=is_highlighted data-series=line.key.clone() data-emphasis=line.emphasis.code()>
                    {series_paths(line)}{points}{end_label}
                </g>
            }
        })
        .collect_view()
}

/// The active point's text in a box above it (hidden in downloads by their style).
fn tooltip(x: f64, y: f64, text: String, chart_width: f64) -> impl IntoView {
    let place = tooltip_box(x, y, text.chars().count(), chart_width);
    let (text_x, text_y) = place.text_at();
    view! {
        <g class="chart-tooltip" aria-hidden="true">
            <circle class="active-ring" cx=x cy=y r="8" fill="none" />
            <rect x=place.left y=place.top width=place.width height="24" rx="3" />
            <text x=text_x y=text_y>{text}</text>
        </g>
    }
}

/// Hover handlers that highlight series `key` while the pointer is on its legend entry.
fn hover_highlight(
    highlighted: RwSignal<Option<String>>,
    key: String,
) -> (
    impl Fn(leptos::ev::MouseEvent),
    impl Fn(leptos::ev::MouseEvent),
) {
    (
        move |_| highlighted.set(Some(key.clone())),
        move |_| highlighted.set(None),
    )
}

/// A series in colour (or a total): its swatch beside its name.
fn coloured_entry(entry: LegendEntry, highlighted: RwSignal<Option<String>>) -> impl IntoView {
    let swatch = match entry.swatch {
        Swatch::Line => view! { <line x1="0" x2="36" y1="6" y2="6" stroke=entry.colour stroke-dasharray=entry.dash stroke-width="3" /> }.into_any(),
        Swatch::Dot => view! { <circle cx="18" cy="6" r="4.5" fill=entry.colour /> }.into_any(),
    };
    let (enter, leave) = hover_highlight(highlighted, entry.key.clone());
    view! {
        <li data-legend=entry.key.clone() data-emphasis=entry.emphasis.code() on:mouseenter=enter on:mouseleave=leave>
            <svg width="36" height="12" aria-hidden="true">{swatch}</svg>
            {entry.label}
        </li>
    }
}

/// The museums drawn in grey, on one line after one grey swatch ("In grey: …"), each
/// name highlighting its line on hover.
fn grey_entries(entries: Vec<LegendEntry>, highlighted: RwSignal<Option<String>>) -> impl IntoView {
    let count = entries.len();
    let names = entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let (enter, leave) = hover_highlight(highlighted, entry.key.clone());
            let separator = if index + 1 < count { ", " } else { "" };
            view! {
                <span class="legend-name" data-legend=entry.key.clone() data-emphasis=entry.emphasis.code() on:mouseenter=enter on:mouseleave=leave>{entry.label}</span>
                {separator}
            }
        })
        .collect_view();
    (count > 0).then(|| {
        view! {
            <li class="legend-grey">
                <svg width="36" height="12" aria-hidden="true">
                    <line x1="0" x2="36" y1="6" y2="6" stroke=BACKGROUND_GREY stroke-width="2" />
                </svg>
                <span>"In grey: " {names}</span>
            </li>
        }
    })
}

/// The legend: the totals and coloured museums one by one, the grey museums on one line.
fn legend(chart: &LineChart, highlighted: RwSignal<Option<String>>) -> impl IntoView {
    let (grey, coloured): (Vec<LegendEntry>, Vec<LegendEntry>) = chart
        .legend()
        .into_iter()
        .partition(|entry| entry.emphasis == Emphasis::Background);
    let coloured = coloured
        .into_iter()
        .map(|entry| coloured_entry(entry, highlighted))
        .collect_view();
    view! { <ul class="chart-legend" aria-label="Series">{coloured}{grey_entries(grey, highlighted)}</ul> }
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

/// The active point, its text, and the series it highlights, as the arrow keys move it.
#[derive(Clone, Copy)]
struct Walk {
    active: RwSignal<Option<PointAt>>,
    highlighted: RwSignal<Option<String>>,
}

impl Walk {
    /// Moves to the point `key` leads to and highlights its series.
    fn step(self, chart: &LineChart, key: PointKey) {
        let next = next_point(chart, self.active.get_untracked(), key);
        self.active.set(next);
        self.highlighted
            .set(next.map(|at| chart.series[at.series].key.clone()));
    }

    fn leave(self) {
        self.active.set(None);
        self.highlighted.set(None);
    }
}

/// Arrow keys move between points; Escape leaves the chart.
fn on_chart_key(walk: Walk, chart: &LineChart, event: leptos::ev::KeyboardEvent) {
    let key = event.key();
    if key == "Escape" {
        walk.leave();
        if let Some(target) = event.current_target() {
            use wasm_bindgen::JsCast;
            if let Ok(svg) = target.dyn_into::<web_sys::SvgElement>() {
                let _ = svg.blur();
            }
        }
        return;
    }
    if let Some(point_key) = PointKey::from_key(&key) {
        event.prevent_default();
        walk.step(chart, point_key);
    }
}

/// The active point's text, for the tooltip and the live region.
fn active_text(
    dataset: &Dataset,
    chart: &LineChart,
    unit: Unit,
    at: Option<PointAt>,
) -> Option<(f64, f64, String)> {
    let at = at?;
    let line = chart.series.get(at.series)?;
    let point = line.points.get(at.point)?;
    Some((
        point.x,
        point.y,
        full_point_text(dataset, line, point, unit),
    ))
}

/// The line chart core laid out, with its caption, legend and notes.
#[component]
pub fn LineChartView(
    dataset: &'static Dataset,
    chart: LineChart,
    unit: Unit,
    title: String,
    subtitle: String,
    summary: String,
) -> impl IntoView {
    let walk = Walk {
        active: RwSignal::new(None),
        highlighted: RwSignal::new(None),
    };
    let (width, height) = (chart.width, chart.height);
    let marks = (
        covid_bands(&chart),
        value_grid(&chart),
        year_labels(&chart),
        break_markers(&chart),
        series_marks(dataset, &chart, unit, walk.highlighted),
    );
    let shared = StoredValue::new(chart.clone());
    let active =
        move || shared.with_value(|chart| active_text(dataset, chart, unit, walk.active.get()));
    let on_key = move |event| shared.with_value(|chart| on_chart_key(walk, chart, event));
    let hint = "Chart: use the arrow keys to move between points, Escape to leave.";
    view! {
        <figure class="chart line-chart">
            <ChartCaption title=title.clone() subtitle=subtitle />
            <ChartSvg width=width height=height title=title summary=summary dimmed=Signal::derive(move || walk.highlighted.get().is_some()) on_key=on_key on_leave=move || walk.leave()>
                {marks}
                {move || active().map(|(x, y, text)| tooltip(x, y, text, width))}
            </ChartSvg>
            <p class="visually-hidden" id="chart-announce" aria-live="polite">{move || active().map_or_else(|| hint.to_string(), |(_, _, text)| text)}</p>
            {legend(&chart, walk.highlighted)}
            {notes(&chart)}
        </figure>
    }
}
