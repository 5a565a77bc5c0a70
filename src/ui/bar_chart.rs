//! Bar chart: one bar per museum for one year (the sector figure beside them), sorted, each
//! in its museum's colour with the value printed; museums without a figure are listed in
//! words, not drawn. The marks are core's markup ([`bar_markup`]), put in once. One tab
//! stop: the arrow keys walk the bars, the active one ringed (`g.bar.active`).

use crate::core::chart::{bar_markup, bar_text, next_bar, BarChart, PointKey};
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::{mark_elements, ChartCaption, ChartSvg};
use leptos::prelude::*;

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

/// Arrow keys, Home and End move between the `count` bars; Escape leaves them.
fn on_bar_key(active: RwSignal<Option<usize>>, count: usize, event: leptos::ev::KeyboardEvent) {
    let key = event.key();
    if key == "Escape" {
        active.set(None);
    } else if let Some(next) =
        PointKey::from_key(&key).and_then(|step| next_bar(active.get_untracked(), count, step))
    {
        event.prevent_default();
        active.set(Some(next));
    }
}

/// Rings the active bar (`g.bar.active`) whenever it changes.
fn ring_active_bar(svg: NodeRef<leptos::svg::Svg>, active: RwSignal<Option<usize>>) {
    Effect::new(move |_| {
        let active = active.get();
        if let Some(svg) = svg.get() {
            mark_elements(&svg, "g.bar", ("bar", "active"), |index, _| {
                active == Some(index)
            });
        }
    });
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
    let svg = NodeRef::new();
    ring_active_bar(svg, active);
    let texts: Vec<String> = chart
        .bars
        .iter()
        .map(|bar| bar_text(dataset, bar, unit))
        .collect();
    let count = texts.len();
    let announce = move || {
        active
            .get()
            .and_then(|i| texts.get(i).cloned())
            .unwrap_or_default()
    };
    view! {
        <figure class="chart bar-chart">
            <ChartCaption title=title.clone() subtitle=subtitle />
            <ChartSvg width=chart.width height=chart.height title=title summary=summary marks=bar_markup(dataset, &chart, unit) overlay=Signal::stored(String::new()) on_key=move |event| on_bar_key(active, count, event) on_leave=move || active.set(None) node_ref=svg />
            <p class="visually-hidden" id="chart-announce" aria-live="polite">{announce}</p>
            {missing_note(&chart)}
        </figure>
    }
}
