//! The `<svg>` both charts draw into: scales with its container, is labelled by the chart's
//! title and generated summary for screen readers, and is the chart's one tab stop (the
//! chart walks its points with the arrow keys). Above it, the visible title and subtitle.

use leptos::prelude::*;

/// The chart's visible title and the subtitle naming what is plotted.
#[component]
pub fn ChartCaption(title: String, subtitle: String) -> impl IntoView {
    view! {
        <figcaption class="chart-caption">
            <span class="chart-title">{title}</span>
            <span class="chart-subtitle">{subtitle}</span>
        </figcaption>
    }
}

/// The chart's `<svg>`, `width` by `height` units, titled and described for screen readers,
/// focusable once: `on_key` gets its key presses, `on_leave` runs when focus leaves it.
#[component]
pub fn ChartSvg(
    width: f64,
    height: f64,
    title: String,
    summary: String,
    /// A series is highlighted: the others are dimmed.
    #[prop(optional, into)]
    dimmed: Signal<bool>,
    #[prop(into)] on_key: Callback<leptos::ev::KeyboardEvent>,
    #[prop(into)] on_leave: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <svg
            viewBox=format!("0 0 {width} {height}")
            width="100%"
            role="img"
            aria-labelledby="chart-title chart-desc"
            aria-describedby="chart-announce"
            class="chart-svg"
            class:dimmed=move || dimmed.get()
            id="chart-svg"
            tabindex="0"
            data-chart-focus=""
            on:keydown=move |event| on_key.run(event)
            on:blur=move |_| on_leave.run(())
        >
            <title id="chart-title">{title}</title>
            <desc id="chart-desc">{summary}</desc>
            {children()}
        </svg>
    }
}
