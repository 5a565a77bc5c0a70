//! The view switcher (table, bar, line), the chart and its generated summary.

use crate::core::chart::{bar_chart, line_chart, series_for};
use crate::core::query::{ChartKind, SeriesChoice, TableView};
use crate::core::summary::summarise;
use crate::core::year::span_text;
use crate::ui::bar_chart::BarChartView;
use crate::ui::line_chart::LineChartView;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// Chart width in SVG units: the results column's width, so text stays legible on phones.
fn chart_width(window_width: f64) -> f64 {
    let column = if window_width > 800.0 {
        window_width - 22.0 * 16.0 - 80.0
    } else {
        window_width - 32.0
    };
    column.clamp(300.0, 1000.0)
}

/// The generated summary and the chart the view asks for (nothing for table views).
#[component]
pub fn ChartFigure(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let window_width = RwSignal::new(
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0),
    );
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(width) = window().inner_width().ok().and_then(|w| w.as_f64()) {
            window_width.set(width);
        }
    });
    let drawn = move || store.drawn_chart(table);
    let summary = Memo::new(move |_| summarise(dataset, &table.get(), store.state.get().series));

    let chart = move || {
        let table = table.get();
        let state = store.state.get();
        let metric = dataset.metric(table.metric);
        let width = chart_width(window_width.get());
        let inputs = series_for(dataset, &table, state.series);
        let title = match span_text(&table.years) {
            Some(span) => format!("{}, {span}", metric.label),
            None => metric.label.clone(),
        };
        match drawn() {
            ChartKind::Line => view! {
                <LineChartView
                    dataset=dataset
                    chart=line_chart(dataset, &inputs, &table.years, metric.unit, width)
                    unit=metric.unit
                    title=title
                    summary=summary.get()
                />
            }
            .into_any(),
            ChartKind::Bar => {
                let Some(&year) = table.years.last() else {
                    return ().into_any();
                };
                let title = if inputs.len() == 1 {
                    title
                } else {
                    format!("{}, {year}", metric.label)
                };
                view! {
                    <BarChartView
                        dataset=dataset
                        chart=bar_chart(&inputs, year, metric.unit, width)
                        unit=metric.unit
                        title=title
                        summary=summary.get()
                    />
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    };
    view! {
        <p id="view-summary" class="view-summary" aria-live="polite">{move || summary.get()}</p>
        {chart}
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
        table.get().computed_total.is_some().then(|| {
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
