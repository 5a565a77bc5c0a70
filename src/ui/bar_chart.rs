//! Bar chart: one bar per museum for one year (the sector figure beside them), sorted, each
//! in its museum's colour with the value printed; museums without a figure are listed in
//! words, not drawn. One tab stop: the arrow keys walk the bars.

use crate::core::chart::{Bar, BarChart};
use crate::core::format::format_value;
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::{ChartCaption, ChartSvg};
use crate::ui::line_chart::point_text;
use leptos::prelude::*;

/// Vertical grid lines at the value ticks, labelled under the axis, and the unit under them.
fn value_ticks(chart: &BarChart) -> impl IntoView {
    let (axis, label_y) = (chart.axis_y, chart.tick_label_y);
    let ticks = chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="grid" x1=tick.position x2=tick.position y1="0" y2=axis />
                <text class="tick-label" x=tick.position y=label_y text-anchor="middle">{tick.label.clone()}</text>
            }
        })
        .collect_view();
    let middle = (chart.zero + chart.width) / 2.0;
    view! {
        {ticks}
        <text class="unit-label" x=middle y=chart.unit_label_y text-anchor="middle">{chart.unit_label.clone()}</text>
    }
}

fn bar_text(dataset: &Dataset, bar: &Bar, unit: Unit) -> String {
    point_text(
        dataset,
        &bar.label,
        &bar.year.label(),
        bar.value,
        unit,
        bar.flags,
    )
}

/// One bar with its label on the left and its value printed after it; `active` rings it.
fn bar_mark(
    dataset: &'static Dataset,
    chart: &BarChart,
    (index, bar): (usize, &Bar),
    unit: Unit,
    active: RwSignal<Option<usize>>,
) -> impl IntoView {
    let text = bar_text(dataset, bar, unit);
    // Text baselines sit a little below the bar's middle, so the text looks centred.
    let middle = bar.y + chart.bar_height / 2.0 + 4.0;
    view! {
        <g class="bar" class:active=move || active.get() == Some(index)>
            <text class="bar-label" x=chart.label_width y=middle text-anchor="end">{bar.label.clone()}</text>
            <rect
                x=bar.x0
                y=bar.y
                width=(bar.x1 - bar.x0).max(1.0)
                height=chart.bar_height
                fill=bar.colour
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

/// The bar the arrow key `key` leads to from `current`.
fn next_bar(current: Option<usize>, count: usize, key: &str) -> Option<usize> {
    let last = count.checked_sub(1)?;
    Some(match (key, current) {
        (_, None) => 0,
        ("ArrowDown" | "ArrowRight", Some(at)) => (at + 1).min(last),
        ("ArrowUp" | "ArrowLeft", Some(at)) => at.saturating_sub(1),
        ("Home", _) => 0,
        ("End", _) => last,
        (_, at) => return at,
    })
}

/// The bar chart core laid out, with the entries it could not draw listed under it.
#[component]
pub fn BarChartView(
    dataset: &'static Dataset,
    chart: BarChart,
    unit: Unit,
    title: String,
    subtitle: String,
    summary: String,
) -> impl IntoView {
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let bars = chart
        .bars
        .iter()
        .enumerate()
        .map(|bar| bar_mark(dataset, &chart, bar, unit, active))
        .collect_view();
    let axis = view! { <line class="axis" x1=chart.zero x2=chart.zero y1="0" y2=chart.axis_y /> };
    let marks = (value_ticks(&chart), axis, bars);
    let texts: Vec<String> = chart
        .bars
        .iter()
        .map(|bar| bar_text(dataset, bar, unit))
        .collect();
    let count = texts.len();
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        let key = event.key();
        if key == "Escape" {
            active.set(None);
        } else if let Some(next) = next_bar(active.get_untracked(), count, &key) {
            if key.starts_with("Arrow") || key == "Home" || key == "End" {
                event.prevent_default();
                active.set(Some(next));
            }
        }
    };
    let announce = move || {
        active
            .get()
            .and_then(|i| texts.get(i).cloned())
            .unwrap_or_default()
    };
    view! {
        <figure class="chart bar-chart">
            <ChartCaption title=title.clone() subtitle=subtitle />
            <ChartSvg width=chart.width height=chart.height title=title summary=summary on_key=on_key on_leave=move || active.set(None)>
                {marks}
            </ChartSvg>
            <p class="visually-hidden" id="chart-announce" aria-live="polite">{announce}</p>
            {missing_note(&chart)}
        </figure>
    }
}
