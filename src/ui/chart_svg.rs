//! The `<svg>` both charts draw into: scales with its container, is labelled by the chart's
//! title and generated summary for screen readers, and is the chart's one tab stop (the
//! chart walks its points with the arrow keys). Its marks are one string of markup from
//! core (`core::chart::chart_markup`, the downloads' too), put in once per chart; what
//! changes as the reader moves (the tooltip, the highlighted series, the active bar) is
//! a small overlay and a class set on the element concerned. The pointer's position is
//! handed over in chart units, for the line chart to find the point under it. Above it,
//! the visible title and subtitle.

use crate::core::chart::{in_view_box, view_box, ScreenBox};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
/// `marks` is drawn once; `overlay` (markup too, empty for none) over it.
#[component]
pub fn ChartSvg(
    width: f64,
    height: f64,
    title: String,
    summary: String,
    marks: String,
    #[prop(into)] overlay: Signal<String>,
    /// A series is highlighted: the others are dimmed.
    #[prop(optional, into)]
    dimmed: Signal<bool>,
    #[prop(into)] on_key: Callback<leptos::ev::KeyboardEvent>,
    #[prop(into)] on_leave: Callback<()>,
    /// Gets where the pointer is, in chart units, as it moves over the chart (a tap on a
    /// touch screen sends a `mousemove` to where it landed, so it comes here too), and
    /// `None` when it leaves the chart.
    #[prop(optional)]
    on_pointer: Option<Callback<Option<(f64, f64)>>>,
    node_ref: NodeRef<leptos::svg::Svg>,
) -> impl IntoView {
    let pointer = move |event| pointer_moved(on_pointer, node_ref, (width, height), &event);
    let pointer_left = move |_| {
        if let Some(on_pointer) = on_pointer {
            on_pointer.run(None);
        }
    };
    view! {
        <svg
            viewBox=view_box(width, height)
            width="100%"
            role="img"
            aria-labelledby="chart-title chart-desc"
            aria-describedby="chart-announce"
            class="chart-svg"
            class:dimmed=move || dimmed.get()
            id="chart-svg"
            tabindex="0"
            data-chart-focus=""
            node_ref=node_ref
            on:keydown=move |event| on_key.run(event)
            on:blur=move |_| on_leave.run(())
            on:mousemove=pointer
            on:mouseleave=pointer_left
        >
            <title id="chart-title">{title}</title>
            <desc id="chart-desc">{summary}</desc>
            <g class="chart-marks" inner_html=marks></g>
            <g class="chart-overlay" inner_html=move || overlay.get()></g>
        </svg>
    }
}

/// The pointer moved over the chart: hands `on_pointer` where it is. A chart without
/// `on_pointer` (the bar chart) measures nothing at each move.
fn pointer_moved(
    on_pointer: Option<Callback<Option<(f64, f64)>>>,
    node_ref: NodeRef<leptos::svg::Svg>,
    view: (f64, f64),
    event: &leptos::ev::MouseEvent,
) {
    let Some(on_pointer) = on_pointer else {
        return;
    };
    let at = node_ref
        .get_untracked()
        .and_then(|svg| in_chart_units(&svg, event, view));
    if let Some(at) = at {
        on_pointer.run(Some(at));
    }
}

/// Where `event` happened inside `svg`, in the units of its viewBox (`width` by `height`);
/// `None` while the chart is not laid out.
fn in_chart_units(
    svg: &web_sys::Element,
    event: &leptos::ev::MouseEvent,
    view: (f64, f64),
) -> Option<(f64, f64)> {
    let shown = svg.get_bounding_client_rect();
    let shown = ScreenBox {
        left: shown.left(),
        top: shown.top(),
        width: shown.width(),
        height: shown.height(),
    };
    let at = (f64::from(event.client_x()), f64::from(event.client_y()));
    in_view_box(shown, view, at)
}

/// Gives each `selector` match in `svg` the class `base`, plus `extra` where `marked`
/// holds (the highlighted series, the active bar). Only elements whose class changes are
/// touched.
pub fn mark_elements(
    svg: &web_sys::Element,
    selector: &str,
    (base, extra): (&str, &str),
    marked: impl Fn(usize, &web_sys::Element) -> bool,
) {
    let Ok(found) = svg.query_selector_all(selector) else {
        return;
    };
    for index in 0..found.length() {
        let Some(element) = found
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let class = if marked(index as usize, &element) {
            format!("{base} {extra}")
        } else {
            base.to_string()
        };
        if element.get_attribute("class").as_deref() != Some(class.as_str()) {
            let _ = element.set_attribute("class", &class);
        }
    }
}

/// Takes focus off the chart (Escape).
pub fn leave_chart(event: &leptos::ev::KeyboardEvent) {
    if let Some(svg) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = svg.blur();
    }
}
