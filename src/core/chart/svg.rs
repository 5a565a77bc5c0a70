//! The chart's marks as one string of SVG markup: what the page puts inside its `<svg>` in
//! one go (no reactive node per mark) and what the downloaded SVG and PNG carry, so the
//! file is the chart on screen by construction. Every number goes through
//! [`push_fixed`] (integers, never Rust's float formatting) and every text through
//! [`push_escaped`].

use super::{tooltip_box, Bar, BarChart, BreakKind, ChartLayout, Emphasis, LineChart};
use super::{LinePoint, LineSeries, Panel};
use crate::core::format::{format_value, push_fixed};
use crate::core::markers::markers_in;
use crate::core::model::{Dataset, Unit};

/// Decimal places of positions and sizes: a hundredth of a unit (about a pixel) is finer
/// than the eye, and keeps labels laid out apart from touching.
const COORD_DECIMALS: u32 = 2;
/// Decimal places of the line paths' vertices, the bulk of the markup.
const PATH_DECIMALS: u32 = 1;
/// Decimal places of point centres: close to exact, so the equal spacing of equally far
/// apart years can be checked on the page to a millionth of a unit.
const POINT_DECIMALS: u32 = 7;
/// Decimal places of `data-value`: as many as any published figure has.
const VALUE_DECIMALS: u32 = 6;

/// Appends `text` escaped for XML content and double-quoted attributes (every attribute
/// here is double-quoted, so an apostrophe stays as it is: "Sir John Soane's Museum").
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
}

/// `text` escaped for XML content and attributes.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Markup built element by element: `open`, attributes, then `close` (empty element) or
/// `body` … `end`.
struct Markup(String);

impl Markup {
    fn open(&mut self, tag: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        self
    }

    /// An attribute `name="…"`, its value written by `write_value`.
    fn attribute(&mut self, name: &str, write_value: impl FnOnce(&mut String)) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        write_value(&mut self.0);
        self.0.push('"');
        self
    }

    /// An attribute whose value is text (escaped).
    fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.attribute(name, |out| push_escaped(out, value))
    }

    /// An attribute whose value is a number with at most `decimals` places.
    fn num_to(&mut self, name: &str, value: f64, decimals: u32) -> &mut Self {
        self.attribute(name, |out| push_fixed(out, value, decimals, true))
    }

    /// A position or size.
    fn num(&mut self, name: &str, value: f64) -> &mut Self {
        self.num_to(name, value, COORD_DECIMALS)
    }

    /// Ends an element without content.
    fn close(&mut self) {
        self.0.push_str("/>");
    }

    /// Ends the start tag and writes `text` as the content.
    fn body(&mut self, text: &str) -> &mut Self {
        self.0.push('>');
        push_escaped(&mut self.0, text);
        self
    }

    fn end(&mut self, tag: &str) {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// A vertical `<line>` of `class` at `x` from `top` to `bottom`.
    fn vertical_line(&mut self, class: &str, x: f64, top: f64, bottom: f64) {
        self.open("line")
            .attr("class", class)
            .num("x1", x)
            .num("x2", x)
            .num("y1", top)
            .num("y2", bottom)
            .close();
    }

    /// A horizontal `<line>` of `class` at `y` from `left` to `right`.
    fn horizontal_line(&mut self, class: &str, y: f64, left: f64, right: f64) {
        self.open("line")
            .attr("class", class)
            .num("x1", left)
            .num("x2", right)
            .num("y1", y)
            .num("y2", y)
            .close();
    }

    /// `<title>` with `text`: the browser shows it on hover.
    fn title(&mut self, text: &str) {
        self.open("title").body(text).end("title");
    }
}

/// Text a point announces on hover and focus: "British Museum, 2019/20: 195 (covid-19
/// year)". The markers' words follow the figure in lower case, but only their first letter
/// is lowered, so names keep their capitals ("revised by DCMS").
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
        .map(|m| lower_first(m.title))
        .collect();
    let mut text = format!("{label}, {year}: {}", format_value(value, unit));
    if !markers.is_empty() {
        text.push_str(&format!(" ({})", markers.join("; ")));
    }
    text
}

/// `text` with its first letter in lower case (the markers' titles start with an ASCII
/// letter; any other first character is left as it is).
fn lower_first(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// A line chart point's full text: its series, year, value and flags (a hollow point's
/// flag already says it is not comparable with later years).
pub fn line_point_text(
    dataset: &Dataset,
    line: &LineSeries,
    point: &LinePoint,
    unit: Unit,
) -> String {
    let year = point.year.label();
    point_text(dataset, &line.label, &year, point.value, unit, point.flags)
}

/// A bar's text: its label, year and value with its flags.
pub fn bar_text(dataset: &Dataset, bar: &Bar, unit: Unit) -> String {
    let year = bar.year.label();
    point_text(dataset, &bar.label, &year, bar.value, unit, bar.flags)
}

/// The marks of either kind of chart, for the inside of its `<svg>`.
pub fn chart_markup(dataset: &Dataset, layout: &ChartLayout, unit: Unit) -> String {
    match layout {
        ChartLayout::Line(chart) => line_markup(chart),
        ChartLayout::Bar(chart) => bar_markup(dataset, chart, unit),
    }
}

/// `0 0 width height`, the `<svg>`'s viewBox.
pub fn view_box(width: f64, height: f64) -> String {
    let mut out = String::from("0 0 ");
    push_fixed(&mut out, width, COORD_DECIMALS, true);
    out.push(' ');
    push_fixed(&mut out, height, COORD_DECIMALS, true);
    out
}

/// A line chart's marks, back to front: Covid shading, grids and axes, year labels, break
/// and scope markers, then every series (lines, points, end label).
pub fn line_markup(chart: &LineChart) -> String {
    let mut markup = Markup(String::with_capacity(16 * 1024));
    covid_bands(&mut markup, chart);
    for panel in chart.panels() {
        panel_grid(&mut markup, chart, panel);
    }
    markup
        .open("text")
        .attr("class", "unit-label")
        .num("x", 4.0)
        .num("y", chart.unit_label_y)
        .body(&chart.unit_label)
        .end("text");
    year_labels(&mut markup, chart);
    break_markers(&mut markup, chart);
    for line in &chart.series {
        series_marks(&mut markup, chart, line);
    }
    markup.0
}

/// Shaded Covid years, behind everything else, with a caption under the axis (from the
/// left edge, so it fits on a phone).
fn covid_bands(markup: &mut Markup, chart: &LineChart) {
    for &(x0, x1) in &chart.covid {
        markup
            .open("rect")
            .attr("class", "covid-band")
            .num("x", x0)
            .num("y", chart.top)
            .num("width", x1 - x0)
            .num("height", chart.bottom - chart.top)
            .0
            .push('>');
        markup.title("Covid-19 year: compare with caution");
        markup.end("rect");
    }
    if let Some(y) = chart.covid_caption_y() {
        markup.0.push_str("<g class=\"covid-caption\">");
        markup
            .open("rect")
            .attr("class", "covid-key")
            .num("x", 4.0)
            .num("y", y - 10.0)
            .num("width", 14.0)
            .num("height", 12.0)
            .close();
        markup
            .open("text")
            .num("x", 24.0)
            .num("y", y)
            .body("Shaded: Covid-19 years, compare with caution")
            .end("text");
        markup.end("g");
    }
}

/// One panel's grid lines at its value ticks, labelled left of the plot, and its axis.
fn panel_grid(markup: &mut Markup, chart: &LineChart, panel: &Panel) {
    let (left, right) = (chart.left, chart.right);
    for tick in &panel.ticks {
        markup.horizontal_line("grid", tick.position, left, right);
        markup
            .open("text")
            .attr("class", "tick-label")
            .num("x", left - 6.0)
            .num("y", tick.position + 4.0)
            .attr("text-anchor", "end")
            .body(&tick.label)
            .end("text");
    }
    markup.horizontal_line("axis", panel.bottom, left, right);
}

/// Year labels under the axis, thinned so none overlap.
fn year_labels(markup: &mut Markup, chart: &LineChart) {
    let y = chart.year_label_y();
    for (year, x) in &chart.year_labels {
        markup
            .open("text")
            .attr("class", "tick-label")
            .num("x", *x)
            .num("y", y)
            .attr("text-anchor", "middle")
            .body(&year.label())
            .end("text");
    }
}

/// A dashed line and "break" or "scope" before each year where a series changes method or
/// the sector figure changes scope.
fn break_markers(markup: &mut Markup, chart: &LineChart) {
    for marker in &chart.breaks {
        let year_attribute = match marker.kind {
            BreakKind::SeriesBreak => "data-break-year",
            BreakKind::ScopeChange => "data-scope-year",
        };
        markup
            .open("g")
            .attr("class", "series-break")
            .attr(year_attribute, &marker.year.slug())
            .0
            .push('>');
        markup
            .open("line")
            .num("x1", marker.x)
            .num("x2", marker.x)
            .num("y1", chart.top)
            .num("y2", chart.bottom)
            .close();
        markup
            .open("text")
            .num("x", marker.x + 3.0)
            .num("y", marker.label_y)
            .body(marker.kind.label())
            .end("text");
        markup.title(&marker.description());
        markup.end("g");
    }
}

/// `M x,y L x,y …` through `points`.
fn path_of(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, &(x, y)) in points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        push_fixed(&mut d, x, PATH_DECIMALS, true);
        d.push(',');
        push_fixed(&mut d, y, PATH_DECIMALS, true);
    }
    d
}

/// One series in a `<g data-series>`: one path per run of joined years (single points get
/// none), its points on top, its end label.
fn series_marks(markup: &mut Markup, chart: &LineChart, line: &LineSeries) {
    markup
        .open("g")
        .attr("class", "series")
        .attr("data-series", &line.key)
        .attr("data-emphasis", line.emphasis.code())
        .0
        .push('>');
    let stroke_width = if line.emphasis == Emphasis::Background {
        "1.5"
    } else {
        "2.5"
    };
    for segment in line.segments.iter().filter(|segment| segment.len() > 1) {
        markup
            .open("path")
            .attr("d", &path_of(segment))
            .attr("stroke", line.colour);
        if !line.dash.is_empty() {
            markup.attr("stroke-dasharray", line.dash);
        }
        markup
            .attr("fill", "none")
            .attr("stroke-width", stroke_width)
            .close();
    }
    let radius = chart.point_radius(line.emphasis);
    for hollow in [false, true] {
        series_points(markup, (line, radius), hollow);
    }
    if let Some(label) = &line.end_label {
        markup
            .open("text")
            .attr("class", "end-label")
            .num("x", label.x)
            .num("y", label.y)
            .attr("fill", line.colour)
            .body(&label.text)
            .end("text");
    }
    markup.end("g");
}

/// A series' points that are (`hollow`) or are not comparable with later years, as one
/// `<path class="points">` of circles: one element per series rather than one per point,
/// since a browser takes several milliseconds to lay out and paint hundreds of circles on
/// every change. Each circle is `M centre` then its two arcs, so the centres can be read
/// from the markup; `data-years` and `data-values` list the points in the same order. What
/// a point says is shown on hover and by the arrow keys ([`line_point_text`]).
fn series_points(markup: &mut Markup, (line, radius): (&LineSeries, f64), hollow: bool) {
    let points: Vec<&LinePoint> = line
        .points
        .iter()
        .filter(|point| point.not_comparable == hollow)
        .collect();
    if points.is_empty() {
        return;
    }
    let class = if hollow {
        "points not-comparable"
    } else {
        "points"
    };
    markup
        .open("path")
        .attr("class", class)
        .attribute("d", |d| circles_path(d, &points, radius))
        .attr("fill", if hollow { "#ffffff" } else { line.colour })
        .attr("stroke", line.colour)
        .attr("stroke-width", "2")
        .attr("data-museum", &line.key)
        .attribute("data-years", |out| {
            push_each(out, &points, |out, point| out.push_str(&point.year.slug()))
        })
        .attribute("data-values", |out| {
            push_each(out, &points, |out, point| {
                push_fixed(out, point.value, VALUE_DECIMALS, true)
            })
        })
        .close();
}

/// Writes each of `points` with `write`, a space between them.
fn push_each(out: &mut String, points: &[&LinePoint], write: impl Fn(&mut String, &LinePoint)) {
    for (i, point) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write(out, point);
    }
}

/// `Mx,y m-r,0 ar,r 0 1,0 2r,0 ar,r 0 1,0 -2r,0` for each point: a circle of `radius`
/// round each centre, drawn as two half-circle arcs from its left edge.
fn circles_path(d: &mut String, points: &[&LinePoint], radius: f64) {
    let fixed = |value: f64| {
        let mut out = String::new();
        push_fixed(&mut out, value, COORD_DECIMALS, true);
        out
    };
    let (r, across) = (fixed(radius), fixed(2.0 * radius));
    let circle = format!("m-{r},0a{r},{r} 0 1,0 {across},0a{r},{r} 0 1,0 -{across},0");
    for point in points {
        d.push('M');
        push_fixed(d, point.x, POINT_DECIMALS, true);
        d.push(',');
        push_fixed(d, point.y, POINT_DECIMALS, true);
        d.push_str(&circle);
    }
}

/// The active point's text in a box above it, with a ring round the point (a download
/// never carries it: it is drawn over the marks only while a point is active).
pub fn tooltip_markup(x: f64, y: f64, text: &str, chart_width: f64) -> String {
    let place = tooltip_box(x, y, text.chars().count(), chart_width);
    let (text_x, text_y) = place.text_at();
    let mut markup = Markup(String::with_capacity(256));
    markup
        .0
        .push_str("<g class=\"chart-tooltip\" aria-hidden=\"true\">");
    markup
        .open("circle")
        .attr("class", "active-ring")
        .num("cx", x)
        .num("cy", y)
        .num("r", 8.0)
        .attr("fill", "none")
        .close();
    markup
        .open("rect")
        .num("x", place.left)
        .num("y", place.top)
        .num("width", place.width)
        .num("height", 24.0)
        .num("rx", 3.0)
        .close();
    markup
        .open("text")
        .num("x", text_x)
        .num("y", text_y)
        .body(text)
        .end("text");
    markup.end("g");
    markup.0
}

/// A bar chart's marks: vertical grid lines at the value ticks labelled under the axis,
/// the unit under them, the zero axis, then one `<g class="bar">` per bar.
pub fn bar_markup(dataset: &Dataset, chart: &BarChart, unit: Unit) -> String {
    let mut markup = Markup(String::with_capacity(8 * 1024));
    for tick in &chart.ticks {
        markup.vertical_line("grid", tick.position, 0.0, chart.axis_y);
        markup
            .open("text")
            .attr("class", "tick-label")
            .num("x", tick.position)
            .num("y", chart.tick_label_y)
            .attr("text-anchor", "middle")
            .body(&tick.label)
            .end("text");
    }
    markup
        .open("text")
        .attr("class", "unit-label")
        .num("x", (chart.zero + chart.width) / 2.0)
        .num("y", chart.unit_label_y)
        .attr("text-anchor", "middle")
        .body(&chart.unit_label)
        .end("text");
    markup.vertical_line("axis", chart.zero, 0.0, chart.axis_y);
    for bar in &chart.bars {
        bar_mark(&mut markup, chart, bar, &bar_text(dataset, bar, unit), unit);
    }
    markup.0
}

/// One bar with its label on the left and its value printed after it, titled with `text`.
fn bar_mark(markup: &mut Markup, chart: &BarChart, bar: &Bar, text: &str, unit: Unit) {
    // Text baselines sit a little below the bar's middle, so the text looks centred.
    let middle = bar.y + chart.bar_height / 2.0 + 4.0;
    markup.0.push_str("<g class=\"bar\">");
    markup
        .open("text")
        .attr("class", "bar-label")
        .num("x", chart.label_width)
        .num("y", middle)
        .attr("text-anchor", "end")
        .body(&bar.label)
        .end("text");
    markup
        .open("rect")
        .num("x", bar.x0)
        .num("y", bar.y)
        .num("width", (bar.x1 - bar.x0).max(1.0))
        .num("height", chart.bar_height)
        .attr("fill", bar.colour)
        .attr("data-museum", &bar.key)
        .attr("data-year", &bar.year.slug())
        .num_to("data-value", bar.value, VALUE_DECIMALS)
        .0
        .push('>');
    markup.title(text);
    markup.end("rect");
    markup
        .open("text")
        .attr("class", "bar-value")
        .num("x", bar.x1 + 4.0)
        .num("y", middle)
        .body(&format_value(bar.value, unit))
        .end("text");
    markup.end("g");
}
