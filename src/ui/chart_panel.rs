//! The view switcher (table, bar, line), the chart and its generated summary.

use crate::core::chart::{chart_for_view, chart_width, ChartLayout, DrawnChart};
use crate::core::model::Dataset;
use crate::core::query::{ChartKind, SeriesChoice, TableView};
use crate::core::summary::summarise;
use crate::ui::bar_chart::BarChartView;
use crate::ui::line_chart::LineChartView;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// The window's inner width in CSS pixels, kept up to date as the window is resized.
fn window_width() -> RwSignal<f64> {
    let inner_width = || window().inner_width().ok().and_then(|w| w.as_f64());
    let width = RwSignal::new(inner_width().unwrap_or(1024.0));
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(now) = inner_width() {
            width.set(now);
        }
    });
    width
}

/// Draws a laid-out chart under its title, described by `summary`.
fn draw(
    dataset: &'static Dataset,
    table: &TableView,
    chart: DrawnChart,
    summary: String,
) -> AnyView {
    let unit = dataset.metric(table.metric).unit;
    let title = chart.title;
    match chart.layout {
        ChartLayout::Line(chart) => view! {
            <LineChartView dataset=dataset chart=chart unit=unit title=title summary=summary />
        }
        .into_any(),
        ChartLayout::Bar(chart) => view! {
            <BarChartView dataset=dataset chart=chart unit=unit title=title summary=summary />
        }
        .into_any(),
    }
}

/// The generated summary and the chart the view asks for (nothing for table views).
#[component]
pub fn ChartFigure(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let window_width = window_width();
    let summary = Memo::new(move |_| summarise(dataset, &table.get(), store.state.get().series));
    let chart = move || {
        let view = table.get();
        let series = store.state.get().series;
        let width = chart_width(window_width.get());
        match chart_for_view(dataset, &view, series, store.drawn_chart(table), width) {
            Some(chart) => draw(dataset, &view, chart, summary.get()),
            None => ().into_any(),
        }
    };
    view! {
        <p id="view-summary" class="view-summary" aria-live="polite">{move || summary.get()}</p>
        {chart}
    }
}

/// The view switcher and series choice above the chart.
#[component]
pub fn ChartPanel(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let drawn = move || store.drawn_chart(table);
    let choose = move |kind: ChartKind| {
        let mut next = store.state.get_untracked();
        next.chart = kind;
        store.navigate(next);
    };
    let tabs = ChartKind::CHOICES
        .iter()
        .map(|(kind, code)| {
            let kind = *kind;
            let label = match kind {
                ChartKind::Table => "Table only",
                ChartKind::Bar => "Bar chart",
                _ => "Line chart",
            };
            view! {
                <button
                    type="button"
                    class="tab"
                    data-view=*code
                    aria-pressed=move || (drawn() == kind).to_string()
                    on:click=move |_| choose(kind)
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    let series_toggle = move || {
        let has_total = table.get().computed_total.is_some();
        let current = store.state.get().series;
        has_total.then(|| {
            let set = move |series: SeriesChoice| {
                let mut next = store.state.get_untracked();
                next.series = series;
                store.navigate(next);
            };
            view! {
                <div class="series-choice" role="group" aria-label="Chart series">
                    <button type="button" class="tab" data-series-choice="museums" aria-pressed=(current == SeriesChoice::Museums).to_string() on:click=move |_| set(SeriesChoice::Museums)>
                        "Each museum"
                    </button>
                    <button type="button" class="tab" data-series-choice="total" aria-pressed=(current == SeriesChoice::Total).to_string() on:click=move |_| set(SeriesChoice::Total)>
                        "Total"
                    </button>
                </div>
            }
        })
    };
    view! {
        <section class="chart-panel" aria-label="Chart">
            <div class="view-switch" role="group" aria-label="Show as">{tabs}</div>
            {series_toggle}
            <ChartFigure store=store table=table />
        </section>
    }
}
