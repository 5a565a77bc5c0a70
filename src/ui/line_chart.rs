//! Line chart: the totals and sector figure (in a panel above when they dwarf the museums),
//! the largest museums in colour with their names at the line ends, the others in grey;
//! gaps where a value is missing, break and scope markers, Covid years shaded and captioned.
//! The marks are core's markup ([`line_markup`]), put in once. The chart is one tab stop:
//! arrow keys walk the points, announced in a live region, the active one ringed and
//! labelled in an overlay; the pointer (or a tap) does the same for the point nearest to
//! it ([`point_at_pointer`]); its series (or the one under the pointer in the legend) is
//! highlighted and the others dimmed.

use crate::core::chart::palette::BACKGROUND_GREY;
use crate::core::chart::{
    line_markup, line_point_text, next_point, point_at_pointer, tooltip_markup, Emphasis,
    LegendEntry, LineChart, PointAt, PointKey, Swatch,
};
use crate::core::model::{Dataset, Unit};
use crate::ui::chart_svg::{leave_chart, mark_elements, ChartCaption, ChartSvg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The legend entry under the pointer, if any: `data-legend` of the closest entry.
fn legend_key_at(event: &leptos::ev::MouseEvent) -> Option<String> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("[data-legend]")
        .ok()??
        .get_attribute("data-legend")
}

/// A series in colour (or a total): its swatch beside its name.
fn coloured_entry(entry: LegendEntry) -> impl IntoView {
    let swatch = match entry.swatch {
        Swatch::Line => view! { <line x1="0" x2="36" y1="6" y2="6" stroke=entry.colour stroke-dasharray=entry.dash stroke-width="3" /> }.into_any(),
        Swatch::Dot => view! { <circle cx="18" cy="6" r="4.5" fill=entry.colour /> }.into_any(),
    };
    view! {
        <li data-legend=entry.key data-emphasis=entry.emphasis.code()>
            <svg width="36" height="12" aria-hidden="true">{swatch}</svg>
            {entry.label}
        </li>
    }
}

/// The museums drawn in grey, on one line after one grey swatch ("In grey: …"), each
/// name highlighting its line on hover.
fn grey_entries(entries: Vec<LegendEntry>) -> impl IntoView {
    let count = entries.len();
    let names = entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let separator = if index + 1 < count { ", " } else { "" };
            view! {
                <span class="legend-name" data-legend=entry.key data-emphasis=entry.emphasis.code()>{entry.label}</span>
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
/// The pointer on an entry highlights its series (one handler for the whole list).
fn legend(chart: &LineChart, highlighted: RwSignal<Option<String>>) -> impl IntoView {
    let (grey, coloured): (Vec<LegendEntry>, Vec<LegendEntry>) = chart
        .legend()
        .into_iter()
        .partition(|entry| entry.emphasis == Emphasis::Background);
    let coloured = coloured.into_iter().map(coloured_entry).collect_view();
    let hover = move |event: leptos::ev::MouseEvent| {
        let key = legend_key_at(&event);
        if highlighted.get_untracked() != key {
            highlighted.set(key);
        }
    };
    view! {
        <ul class="chart-legend" aria-label="Series" on:mouseover=hover on:mouseleave=move |_| highlighted.set(None)>
            {coloured}{grey_entries(grey)}
        </ul>
    }
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

/// The active point and the series it highlights, as the arrow keys or the pointer move
/// it. `pointed`: the pointer chose it, so it is shown but not announced (a screen reader
/// would otherwise be spoken to at every move of the mouse).
#[derive(Clone, Copy)]
struct Walk {
    active: RwSignal<Option<PointAt>>,
    highlighted: RwSignal<Option<String>>,
    pointed: RwSignal<bool>,
}

impl Walk {
    /// Moves to the point `key` leads to and highlights its series.
    fn step(self, chart: &LineChart, key: PointKey) {
        let next = next_point(chart, self.active.get_untracked(), key);
        self.pointed.set(false);
        self.active.set(next);
        self.highlighted
            .set(next.map(|at| chart.series[at.series].key.clone()));
    }

    /// Moves to the point under the pointer and highlights its series. Over empty chart
    /// (between years) the last point stays, so the tooltip and the dimming do not flicker
    /// as the pointer crosses the gaps; leaving the chart clears them. Only signals whose
    /// value changes are set: this runs at every move of the mouse.
    fn point_to(self, chart: &LineChart, (x, y): (f64, f64)) {
        let Some(at) = point_at_pointer(chart, x, y) else {
            return;
        };
        set_if_changed(self.pointed, true);
        set_if_changed(self.active, Some(at));
        set_if_changed(self.highlighted, Some(chart.series[at.series].key.clone()));
    }

    /// The pointer left the chart: the point it chose goes, a point the arrow keys chose
    /// stays (a keyboard user's mouse may drift off the chart).
    fn pointer_left(self) {
        if self.pointed.get_untracked() {
            self.leave();
        }
    }

    /// Nothing active or highlighted (signals already clear are left alone).
    fn leave(self) {
        set_if_changed(self.active, None);
        set_if_changed(self.highlighted, None);
    }
}

/// Sets `signal` to `value` only if it differs, so nothing that reads it runs again for
/// a value it already has (the pointer sets these at every move of the mouse).
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// Arrow keys move between points; Escape leaves the chart.
fn on_chart_key(walk: Walk, chart: &LineChart, event: leptos::ev::KeyboardEvent) {
    let key = event.key();
    if key == "Escape" {
        walk.leave();
        leave_chart(&event);
        return;
    }
    if let Some(point_key) = PointKey::from_key(&key) {
        event.prevent_default();
        walk.step(chart, point_key);
    }
}

/// The active point's position and text, for the tooltip and the live region.
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
        line_point_text(dataset, line, point, unit),
    ))
}

/// Marks the highlighted series' `<g>` (`g.series.highlighted`) whenever it changes.
fn highlight_series(svg: NodeRef<leptos::svg::Svg>, highlighted: RwSignal<Option<String>>) {
    Effect::new(move |_| {
        let key = highlighted.get();
        if let Some(svg) = svg.get() {
            mark_elements(&svg, "g.series", ("series", "highlighted"), |_, g| {
                key.is_some() && g.get_attribute("data-series") == key
            });
        }
    });
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
        pointed: RwSignal::new(false),
    };
    let svg = NodeRef::new();
    highlight_series(svg, walk.highlighted);
    let (width, height) = (chart.width, chart.height);
    let marks = line_markup(&chart);
    let (legend, notes) = (legend(&chart, walk.highlighted), notes(&chart));
    let shared = StoredValue::new(chart);
    let active = Memo::new(move |_| {
        shared.with_value(|chart| active_text(dataset, chart, unit, walk.active.get()))
    });
    let overlay = Signal::derive(move || {
        active.with(|at| {
            at.as_ref()
                .map(|(x, y, text)| tooltip_markup(*x, *y, text, width))
                .unwrap_or_default()
        })
    });
    let on_key = move |event| shared.with_value(|chart| on_chart_key(walk, chart, event));
    let on_pointer = Callback::new(move |at| match at {
        Some(at) => shared.with_value(|chart| walk.point_to(chart, at)),
        None => walk.pointer_left(),
    });
    let hint = "Chart: use the arrow keys to move between points, Escape to leave.";
    // What the live region says: the arrow keys' point, or the hint. A point the pointer
    // chose leaves it as it was, so nothing is spoken as the mouse moves.
    let announce = Memo::new(move |said: Option<&String>| match said {
        Some(said) if walk.pointed.get() => said.clone(),
        _ => active.with(|at| {
            at.as_ref()
                .map_or(hint, |(_, _, text)| text.as_str())
                .to_string()
        }),
    });
    view! {
        <figure class="chart line-chart">
            <ChartCaption title=title.clone() subtitle=subtitle />
            <ChartSvg width=width height=height title=title summary=summary marks=marks overlay=overlay dimmed=Signal::derive(move || walk.highlighted.get().is_some()) on_key=on_key on_leave=move || walk.leave() on_pointer=on_pointer node_ref=svg />
            <p class="visually-hidden" id="chart-announce" aria-live="polite">{announce}</p>
            {legend}
            {notes}
        </figure>
    }
}
