//! The `<svg>` element both charts draw into: scales with its container, and is labelled
//! by the chart's title and generated summary for screen readers.

use leptos::prelude::*;

/// The chart's `<svg>`, `width` by `height` units, titled and described for screen readers.
#[component]
pub fn ChartSvg(
    width: f64,
    height: f64,
    title: String,
    summary: String,
    children: Children,
) -> impl IntoView {
    view! {
        <svg
            viewBox=format!("0 0 {width} {height}")
            width="100%"
            role="img"
            aria-labelledby="chart-title chart-desc"
            class="chart-svg"
            id="chart-svg"
        >
            <title id="chart-title">{title}</title>
            <desc id="chart-desc">{summary}</desc>
            {children()}
        </svg>
    }
}
