//! The view switcher (table, bar, line), the chart and its generated summary.

use crate::core::chart::{chart_for_view, chart_width, ChartLayout, DrawnChart};
use crate::core::model::Dataset;
use crate::core::query::TableView;
use crate::core::summary::summarise_view;
use crate::core::view_state::{ChartKind, SeriesChoice};
use crate::ui::bar_chart::BarChartView;
use crate::ui::deferred_redraw::redraw_after_frame_while_hidden;
use crate::ui::line_chart::LineChartView;
use crate::ui::store::ViewStore;
use leptos::html::Div;
use leptos::prelude::*;

/// The window's inner width in CSS pixels, kept up to date as the window is resized.
pub fn window_width() -> RwSignal<f64> {
    let inner_width = || window().inner_width().ok().and_then(|w| w.as_f64());
    let width = RwSignal::new(inner_width().unwrap_or(1024.0));
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(now) = inner_width() {
            width.set(now);
        }
    });
    width
}

/// Draws a laid-out chart under its title and subtitle, described by `summary`.
fn draw(
    dataset: &'static Dataset,
    table: &TableView,
    chart: DrawnChart,
    summary: String,
) -> AnyView {
    let unit = dataset.metric(table.metric).unit;
    let (title, subtitle) = (chart.title, chart.subtitle);
    match chart.layout {
        ChartLayout::Line(chart) => view! {
            <LineChartView dataset=dataset chart=chart unit=unit title=title subtitle=subtitle summary=summary />
        }
        .into_any(),
        ChartLayout::Bar(chart) => view! {
            <BarChartView dataset=dataset chart=chart unit=unit title=title subtitle=subtitle summary=summary />
        }
        .into_any(),
    }
}

/// The generated summary and the chart the view asks for (nothing for table views).
#[component]
pub fn ChartFigure(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let window_width = window_width();
    let summary = Memo::new(move |_| {
        let state = store.state.get();
        summarise_view(dataset, &table.get(), state.series, state.compare)
    });
    let drawn = move || {
        let view = table.get();
        let series = store.state.get().series;
        let width = chart_width(window_width.get());
        match chart_for_view(dataset, &view, series, store.drawn_chart(table), width) {
            Some(chart) => draw(dataset, &view, chart, summary.get()),
            None => ().into_any(),
        }
    };
    // Out of view (below the open controls, or scrolled past) the chart waits until the
    // frame showing the rest of the change is drawn; the summary above it never waits.
    let place = NodeRef::<Div>::new();
    let redraw = redraw_after_frame_while_hidden(place, store, move || {
        table.track();
        store.state.track();
        window_width.track();
    });
    view! {
        <p id="view-summary" class="view-summary" aria-live="polite">{move || summary.get()}</p>
        <div class="chart-place" node_ref=place>{move || { redraw.track(); untrack(drawn) }}</div>
    }
}

/// "Table only", "Bar chart", "Line chart": pressed is the chart drawn.
fn view_switch(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let drawn = move || store.drawn_chart(table);
    let tabs = ChartKind::CHOICES
        .iter()
        .map(|&(kind, code)| {
            view! {
                <button
                    type="button"
                    class="tab"
                    data-view=code
                    aria-pressed=move || (drawn() == kind).to_string()
                    on:click=move |_| store.update(|state| state.with_chart(kind))
                >
                    {kind.label()}
                </button>
            }
        })
        .collect_view();
    view! { <div class="view-switch" role="group" aria-label="Show as">{tabs}</div> }
}

/// "Each museum" or "Total", for views with a recomputed total.
fn series_toggle(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let button = move |choice: SeriesChoice, code: &'static str, label: &'static str| {
        let pressed = move || (store.state.get().series == choice).to_string();
        view! {
            <button type="button" class="tab" data-series-choice=code aria-pressed=pressed on:click=move |_| store.update(|state| state.with_series(choice))>
                {label}
            </button>
        }
    };
    move || {
        table.get().computed_total().is_some().then(|| {
            view! {
                <div class="series-choice" role="group" aria-label="Chart series">
                    {button(SeriesChoice::Museums, "museums", "Each museum")}
                    {button(SeriesChoice::Total, "total", "Total")}
                </div>
            }
        })
    }
}

/// The view switcher and series choice above the chart.
#[component]
pub fn ChartPanel(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    view! {
        <section class="chart-panel" aria-label="Chart">
            {view_switch(store, table)}
            {series_toggle(store, table)}
            <ChartFigure store=store table=table />
        </section>
    }
}
