//! Line chart layout: a linear time axis, one panel (or the totals in a panel of their own
//! above when they dwarf the museums), gaps, series breaks and scope changes, Covid years,
//! the museums in colour or in grey behind, and labels at the lines' ends.

use super::emphasis::{
    assign_emphasis, end_label_text, end_labels, fit_end_label, style_of, LABEL_CHAR_WIDTH,
};
use super::time_axis::{stagger_labels, thin_year_labels, TimeAxis};
use super::{
    nice_ticks, range_with_zero, ticks_at, Emphasis, SeriesInput, SeriesRole, SeriesValue, Tick,
    ValueScale, NARROW_WIDTH,
};
use crate::core::model::{Dataset, KnownFlags, Unit};
use crate::core::order::{sort_small_by, sort_small_by_key};
use crate::core::year::FinancialYear;

/// A drawn point of a line series.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    pub year: FinancialYear,
    pub x: f64,
    pub y: f64,
    pub value: f64,
    pub flags: u32,
    /// Before a method change: drawn hollow and labelled "not comparable".
    pub not_comparable: bool,
}

/// A series' name printed after its last point.
#[derive(Debug, Clone, PartialEq)]
pub struct EndLabel {
    pub x: f64,
    /// Baseline, moved so no two labels overlap.
    pub y: f64,
    pub text: String,
}

/// One series of a line chart: its style, its joined runs, its points and its gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub key: String,
    pub label: String,
    pub role: SeriesRole,
    pub emphasis: Emphasis,
    pub colour: &'static str,
    pub dash: &'static str,
    /// Runs of consecutive years with values; a gap, a series break or a scope change
    /// starts a new run.
    pub segments: Vec<Vec<(f64, f64)>>,
    pub points: Vec<LinePoint>,
    /// Years without a value, with the words for why.
    pub missing: Vec<(FinancialYear, String)>,
    /// Drawn in the panel above (the totals, when they dwarf the museums).
    pub in_upper_panel: bool,
    /// What its end label says (drawn only for series in colour, on wide charts).
    end_text: String,
    pub end_label: Option<EndLabel>,
}

impl LineSeries {
    /// Missing years as runs: "not published, 2012/13 to 2023/24".
    pub fn missing_runs(&self) -> Vec<String> {
        let mut runs: Vec<(FinancialYear, FinancialYear, &str)> = Vec::new();
        for (year, words) in &self.missing {
            match runs.last_mut() {
                Some((_, end, run_words)) if *run_words == words && end.0 + 1 == year.0 => {
                    *end = *year
                }
                _ => runs.push((*year, *year, words)),
            }
        }
        runs.into_iter()
            .map(|(start, end, words)| {
                if start == end {
                    format!("{words}, {start}")
                } else {
                    format!("{words}, {start} to {end}")
                }
            })
            .collect()
    }

    /// Some of its points are joined by a line (otherwise the legend shows a dot only).
    pub fn has_lines(&self) -> bool {
        self.segments.iter().any(|segment| segment.len() > 1)
    }
}

/// What a vertical marker between two years marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BreakKind {
    /// The method changed: figures either side are not like for like.
    SeriesBreak,
    /// The sector figure covers a different set of museums from the edition before.
    ScopeChange,
}

impl BreakKind {
    /// The marker's visible label.
    pub fn label(self) -> &'static str {
        match self {
            BreakKind::SeriesBreak => "break",
            BreakKind::ScopeChange => "scope",
        }
    }
}

/// A dashed line marking a series break or scope change, halfway between the years either
/// side.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakMarker {
    /// The first year after the break.
    pub year: FinancialYear,
    pub x: f64,
    pub kind: BreakKind,
    /// Series that break here; for a scope change, "label: old scope, then new scope".
    pub series: Vec<String>,
    /// Baseline of the marker's label, staggered so neighbouring labels do not collide.
    pub label_y: f64,
}

impl BreakMarker {
    /// "Series break before 2016/17: Science Museum Group" (the marker's title).
    pub fn description(&self) -> String {
        let what = match self.kind {
            BreakKind::SeriesBreak => "Series break",
            BreakKind::ScopeChange => "Scope changes",
        };
        format!("{what} before {}: {}", self.year, self.series.join("; "))
    }
}

/// One band of the chart with its own value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub top: f64,
    /// Where its value axis (zero for counts) is drawn.
    pub bottom: f64,
    pub ticks: Vec<Tick>,
}

/// Line chart margins, in SVG units: room left of the plot for the value labels.
const LINE_LEFT: f64 = 80.0;
const LINE_LEFT_NARROW: f64 = 56.0;
/// Approximate width of one character of a 12px tick label, and the gap before the plot.
const TICK_CHAR_WIDTH: f64 = 6.6;
const TICK_LABEL_GAP: f64 = 10.0;
/// Room right of the plot: half the last year label, so it is never clipped.
const LINE_RIGHT_MARGIN: f64 = 28.0;
/// Room right of the plot at most, for the end labels, and as a share of the width.
const END_LABEL_ROOM_MAX: f64 = 210.0;
const END_LABEL_ROOM_SHARE: f64 = 0.24;
/// Gap between a line's last point and its label.
const END_LABEL_GAP: f64 = 6.0;
/// Band above the plot holding the unit of the value axis.
const LINE_TOP: f64 = 28.0;
/// Baseline of the unit label.
const UNIT_LABEL_Y: f64 = 14.0;
/// Height of the main panel.
const MAIN_PANEL_HEIGHT: f64 = 252.0;
/// Height of the panel above, for totals that dwarf the museums.
const UPPER_PANEL_HEIGHT: f64 = 120.0;
/// Between the two panels: the upper axis's zero label and the main panel's top label.
const PANEL_GAP: f64 = 28.0;
/// Totals go to a panel of their own when their largest value is this many times the
/// museums' largest.
const DWARF_RATIO: f64 = 3.0;
/// Room under the axis for the year labels.
const LINE_YEAR_LABEL_BAND: f64 = 40.0;
/// How far under the axis the year labels' baseline sits.
const LINE_YEAR_LABEL_DROP: f64 = 18.0;
/// Band under the year labels for the Covid caption.
const COVID_CAPTION_BAND: f64 = 22.0;
/// Width one year label needs: closer labels are thinned out.
const YEAR_LABEL_WIDTH: f64 = 56.0;
/// Width one marker label ("break", "scope") needs before the next on its row.
const BREAK_LABEL_WIDTH: f64 = 40.0;
/// Baseline of the first row of marker labels below the plot's top, and the row height.
const BREAK_LABEL_DROP: f64 = 10.0;
const BREAK_LABEL_ROW: f64 = 14.0;
/// About this many value ticks in the main and the upper panel.
const LINE_TICK_TARGET: usize = 5;
const UPPER_TICK_TARGET: usize = 3;

/// A line chart laid out in SVG units: the plot spans `left`..`right` and `top`..`bottom`.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    /// Top of the highest panel.
    pub top: f64,
    /// The main panel's axis.
    pub bottom: f64,
    /// The museums' panel (every series when there is one panel).
    pub main: Panel,
    /// The totals' panel above, when they dwarf the museums.
    pub upper: Option<Panel>,
    /// What the value axis counts ("Venues"), printed above it.
    pub unit_label: String,
    pub unit_label_y: f64,
    /// Every year of the view and its x.
    pub years: Vec<(FinancialYear, f64)>,
    /// The years labelled under the axis, thinned so none overlap.
    pub year_labels: Vec<(FinancialYear, f64)>,
    pub series: Vec<LineSeries>,
    pub breaks: Vec<BreakMarker>,
    /// x from and to of each shaded Covid year.
    pub covid: Vec<(f64, f64)>,
}

impl LineChart {
    /// Baseline of the year labels under the axis.
    pub fn year_label_y(&self) -> f64 {
        self.bottom + LINE_YEAR_LABEL_DROP
    }

    /// Baseline of the caption saying what the shading means, when there is shading.
    pub fn covid_caption_y(&self) -> Option<f64> {
        (!self.covid.is_empty()).then_some(self.bottom + LINE_YEAR_LABEL_BAND + 12.0)
    }

    /// The radius of a point of a series drawn with `emphasis`: smaller in grey, and on
    /// phones, where points crowd.
    pub fn point_radius(&self, emphasis: Emphasis) -> f64 {
        let narrow = self.width < NARROW_WIDTH;
        match (emphasis, narrow) {
            (Emphasis::Background, false) => 3.0,
            (Emphasis::Background, true) => 2.0,
            (_, false) => 4.5,
            (_, true) => 3.5,
        }
    }

    /// The panels, main first.
    pub fn panels(&self) -> impl Iterator<Item = &Panel> {
        std::iter::once(&self.main).chain(self.upper.iter())
    }

    /// Whether any point is drawn hollow (before a method change), so the note explains it.
    pub fn any_not_comparable(&self) -> bool {
        self.series
            .iter()
            .any(|line| line.points.iter().any(|point| point.not_comparable))
    }

    /// "Wallace Collection: not published, 2014/15 to 2019/20" for each series with gaps.
    pub fn missing_by_series(&self) -> Vec<String> {
        self.series
            .iter()
            .filter(|line| !line.missing.is_empty())
            .map(|line| format!("{}: {}", line.label, line.missing_runs().join("; ")))
            .collect()
    }

    /// The series in legend order: totals and sector, coloured museums, museums in grey.
    pub fn legend_order(&self) -> Vec<&LineSeries> {
        let mut ordered: Vec<&LineSeries> = self.series.iter().collect();
        sort_small_by_key(&mut ordered, |line| legend_rank(line.emphasis));
        ordered
    }
}

fn legend_rank(emphasis: Emphasis) -> u8 {
    match emphasis {
        Emphasis::Aggregate => 0,
        Emphasis::Highlight => 1,
        Emphasis::Background => 2,
    }
}

/// Grey first, so coloured lines are drawn over them, and totals last, on top.
fn draw_rank(emphasis: Emphasis) -> u8 {
    2 - legend_rank(emphasis)
}

/// One series' marks, gathered as its values are walked year by year.
#[derive(Default)]
struct SeriesTrace {
    segments: Vec<Vec<(f64, f64)>>,
    points: Vec<LinePoint>,
    missing: Vec<(FinancialYear, String)>,
    /// The year of the point drawn last, if the year before had one.
    previous: Option<FinancialYear>,
}

impl SeriesTrace {
    fn gap(&mut self, entry: &SeriesValue) {
        self.missing.push((entry.year, entry.missing_words.clone()));
        self.previous = None;
    }

    /// Adds `point`, joined to the one before unless a break, a scope change or a gap lies
    /// between.
    fn point(&mut self, point: LinePoint, split: bool) {
        // Sparse sources (the partnership reports) have no figure for most years: join
        // only consecutive years.
        let joined = self.previous.is_some_and(|year| year.0 + 1 == point.year.0);
        let at = (point.x, point.y);
        match self.segments.last_mut() {
            Some(segment) if joined && !split => segment.push(at),
            _ => self.segments.push(vec![at]),
        }
        self.previous = Some(point.year);
        self.points.push(point);
    }
}

/// Adds `detail` to the marker of `kind` before `year`, making the marker if it is the
/// first.
fn mark(
    breaks: &mut Vec<BreakMarker>,
    kind: BreakKind,
    (year, x): (FinancialYear, f64),
    detail: String,
) {
    match breaks
        .iter_mut()
        .find(|marker| marker.year == year && marker.kind == kind)
    {
        Some(marker) => marker.series.push(detail),
        None => breaks.push(BreakMarker {
            year,
            x,
            kind,
            series: vec![detail],
            label_y: 0.0,
        }),
    }
}

/// Where one series is traced: the time axis, its panel's value scale, the known flags.
struct TraceContext<'a> {
    axis: TimeAxis,
    years: &'a [FinancialYear],
    scale: ValueScale,
    flags: KnownFlags,
}

impl TraceContext<'_> {
    /// Halfway between column `column`'s year and the year before it.
    fn marker_x(&self, column: usize) -> f64 {
        let x = |c: usize| self.axis.x_of(self.years[c]);
        (x(column - 1) + x(column)) / 2.0
    }
}

/// The last scope stated before a value, and the year of that value.
type StatedScope<'a> = Option<(&'a str, FinancialYear)>;

/// When a value's scope differs from the last one stated: the words, and the year of the
/// last value with the old scope (the change happened somewhere between).
fn scope_change<'a>(
    previous: &mut StatedScope<'a>,
    entry: &'a SeriesValue,
) -> Option<(String, FinancialYear)> {
    if entry.scope.is_empty() || entry.value.is_none() {
        return None;
    }
    let (before, year) = previous.replace((&entry.scope, entry.year))?;
    (before != entry.scope).then(|| (format!("{before}, then {}", entry.scope), year))
}

/// Lays out one series, marking its breaks and scope changes in `breaks`.
fn trace_series(
    input: &SeriesInput,
    context: &TraceContext,
    breaks: &mut Vec<BreakMarker>,
) -> SeriesTrace {
    let mut trace = SeriesTrace::default();
    let mut scope: StatedScope = None;
    for (column, entry) in input.values.iter().enumerate() {
        let after_break = column > 0 && entry.flags & context.flags.series_break != 0;
        let scope_changed = scope_change(&mut scope, entry);
        if after_break {
            let at = (entry.year, context.marker_x(column));
            mark(breaks, BreakKind::SeriesBreak, at, input.label.clone());
        }
        if let Some((change, last_year)) = &scope_changed {
            let x = (context.axis.x_of(*last_year) + context.axis.x_of(entry.year)) / 2.0;
            let detail = format!("{} covers {change}", input.label);
            mark(breaks, BreakKind::ScopeChange, (entry.year, x), detail);
        }
        match entry.value {
            Some(value) => trace.point(
                LinePoint {
                    year: entry.year,
                    x: context.axis.x_of(entry.year),
                    y: context.scale.position(value),
                    value,
                    flags: entry.flags,
                    not_comparable: entry.flags & context.flags.not_comparable != 0,
                },
                after_break || scope_changed.is_some(),
            ),
            None => trace.gap(entry),
        }
    }
    trace
}

/// x from and to of each year where any series has a Covid-caution value.
fn covid_bands(inputs: &[SeriesInput], axis: &TimeAxis, covid_flag: u32) -> Vec<(f64, f64)> {
    let half = axis.half_year();
    let mut years: Vec<FinancialYear> = inputs
        .iter()
        .flat_map(|input| input.values.iter())
        .filter(|value| value.flags & covid_flag != 0)
        .map(|value| value.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let x = axis.x_of(year);
            ((x - half).max(axis.left), (x + half).min(axis.right))
        })
        .collect()
}

/// The largest value of the series for which `pick` holds (0 when none has a value).
fn largest(inputs: &[SeriesInput], pick: impl Fn(&SeriesInput) -> bool) -> f64 {
    range_with_zero(
        inputs
            .iter()
            .filter(|input| pick(input))
            .flat_map(|input| input.values.iter().filter_map(|v| v.value)),
    )
    .1
}

/// The totals dwarf the museums: they get a panel of their own above.
fn needs_upper_panel(inputs: &[SeriesInput]) -> bool {
    let museums = largest(inputs, |input| !input.role.is_aggregate());
    let aggregates = largest(inputs, |input| input.role.is_aggregate());
    museums > 0.0 && aggregates > DWARF_RATIO * museums
}

/// A panel from `top` to `bottom` scaled to the values of the series `pick` selects.
fn panel_for(
    inputs: &[SeriesInput],
    pick: impl Fn(&SeriesInput) -> bool,
    (top, bottom): (f64, f64),
    (unit, target): (Unit, usize),
) -> (Panel, ValueScale) {
    let values = inputs
        .iter()
        .filter(|input| pick(input))
        .flat_map(|input| input.values.iter().filter_map(|v| v.value));
    let (min, max) = range_with_zero(values);
    let tick_values = nice_ticks(min, max, target);
    // Values grow upwards: the lowest tick sits on the axis at the bottom.
    let scale = ValueScale::new(&tick_values, bottom, top);
    let ticks = ticks_at(&tick_values, unit, scale);
    (Panel { top, bottom, ticks }, scale)
}

/// The panels: one for everything, or the totals above the museums.
fn panels(inputs: &[SeriesInput], unit: Unit) -> (Panel, Option<(Panel, ValueScale)>, ValueScale) {
    if needs_upper_panel(inputs) {
        let upper_bottom = LINE_TOP + UPPER_PANEL_HEIGHT;
        let upper = panel_for(
            inputs,
            |input| input.role.is_aggregate(),
            (LINE_TOP, upper_bottom),
            (unit, UPPER_TICK_TARGET),
        );
        let main_top = upper_bottom + PANEL_GAP;
        let (main, scale) = panel_for(
            inputs,
            |input| !input.role.is_aggregate(),
            (main_top, main_top + MAIN_PANEL_HEIGHT),
            (unit, LINE_TICK_TARGET),
        );
        return (main, Some(upper), scale);
    }
    let (main, scale) = panel_for(
        inputs,
        |_| true,
        (LINE_TOP, LINE_TOP + MAIN_PANEL_HEIGHT),
        (unit, LINE_TICK_TARGET),
    );
    (main, None, scale)
}

/// Room left of the plot: the usual margin, or more when a tick label is longer
/// ("25 million" on a phone).
fn left_margin(main: &Panel, upper: Option<&Panel>, width: f64) -> f64 {
    let usual = if width < NARROW_WIDTH {
        LINE_LEFT_NARROW
    } else {
        LINE_LEFT
    };
    let longest = std::iter::once(main)
        .chain(upper)
        .flat_map(|panel| panel.ticks.iter())
        .map(|tick| tick.label.chars().count())
        .max()
        .unwrap_or(0);
    usual.max(longest as f64 * TICK_CHAR_WIDTH + TICK_LABEL_GAP)
}

/// Room right of the plot: the longest end label on wide charts, half a year label else.
fn right_margin(inputs: &[SeriesInput], emphasis: &[Emphasis], width: f64) -> f64 {
    if width < NARROW_WIDTH {
        return LINE_RIGHT_MARGIN;
    }
    let longest = inputs
        .iter()
        .zip(emphasis)
        .filter(|(_, e)| **e != Emphasis::Background)
        .map(|(input, _)| end_label_text(input).chars().count())
        .max()
        .unwrap_or(0);
    (longest as f64 * LABEL_CHAR_WIDTH + END_LABEL_GAP + 4.0).clamp(
        LINE_RIGHT_MARGIN,
        END_LABEL_ROOM_MAX.min(width * END_LABEL_ROOM_SHARE),
    )
}

/// Labels after the last point of each coloured series, dodged apart within each panel,
/// each cut to end inside the chart's `width`.
fn place_end_labels(
    series: &mut [LineSeries],
    main: &Panel,
    upper_panel: Option<&Panel>,
    width: f64,
) {
    for (upper, panel) in [(false, Some(main)), (true, upper_panel)] {
        let Some(panel) = panel else { continue };
        let wanted: Vec<(usize, f64, f64, String)> = series
            .iter()
            .enumerate()
            .filter(|(_, line)| {
                line.in_upper_panel == upper && line.emphasis != Emphasis::Background
            })
            .filter_map(|(index, line)| {
                let last = line.points.last()?;
                let x = last.x + END_LABEL_GAP;
                Some((index, x, last.y, fit_end_label(&line.end_text, x, width)))
            })
            .collect();
        for (index, x, y, text) in end_labels(wanted, panel.top, panel.bottom) {
            series[index].end_label = Some(EndLabel { x, y, text });
        }
    }
}

/// Staggers the marker labels into rows below the plot's top so none collide.
fn stagger_breaks(breaks: &mut [BreakMarker], top: f64) {
    sort_small_by(breaks, |a, b| a.x.total_cmp(&b.x).then(a.kind.cmp(&b.kind)));
    let xs: Vec<f64> = breaks.iter().map(|marker| marker.x).collect();
    for (marker, row) in breaks
        .iter_mut()
        .zip(stagger_labels(&xs, BREAK_LABEL_WIDTH))
    {
        marker.label_y = top + BREAK_LABEL_DROP + row as f64 * BREAK_LABEL_ROW;
    }
}

/// Traces every series in its panel, in drawing order (grey first, totals last).
fn trace_all(
    dataset: &Dataset,
    inputs: &[SeriesInput],
    (axis, years): (TimeAxis, &[FinancialYear]),
    (main_scale, upper_scale): (ValueScale, Option<ValueScale>),
    breaks: &mut Vec<BreakMarker>,
) -> Vec<LineSeries> {
    let emphasis = assign_emphasis(inputs);
    let mut series: Vec<LineSeries> = inputs
        .iter()
        .zip(emphasis)
        .map(|(input, emphasis)| {
            let in_upper_panel = upper_scale.is_some() && input.role.is_aggregate();
            let scale = upper_scale.filter(|_| in_upper_panel).unwrap_or(main_scale);
            let context = TraceContext {
                axis,
                years,
                scale,
                flags: dataset.known_flags,
            };
            let trace = trace_series(input, &context, breaks);
            let (colour, dash) = style_of(input, emphasis);
            LineSeries {
                key: input.key.clone(),
                label: input.label.clone(),
                role: input.role,
                emphasis,
                colour,
                dash,
                segments: trace.segments,
                points: trace.points,
                missing: trace.missing,
                in_upper_panel,
                end_text: end_label_text(input),
                end_label: None,
            }
        })
        .collect();
    sort_small_by_key(&mut series, |line| draw_rank(line.emphasis));
    series
}

/// Lays out a line chart `width` units wide.
pub fn line_chart(
    dataset: &Dataset,
    inputs: &[SeriesInput],
    years: &[FinancialYear],
    unit: Unit,
    width: f64,
) -> LineChart {
    let (main, upper, main_scale) = panels(inputs, unit);
    let left = left_margin(&main, upper.as_ref().map(|(panel, _)| panel), width);
    let right = width - right_margin(inputs, &assign_emphasis(inputs), width);
    let axis = TimeAxis::new(left, right, years);
    let mut breaks: Vec<BreakMarker> = Vec::new();
    let upper_scale = upper.as_ref().map(|(_, scale)| *scale);
    let mut series = trace_all(
        dataset,
        inputs,
        (axis, years),
        (main_scale, upper_scale),
        &mut breaks,
    );
    let upper = upper.map(|(panel, _)| panel);
    let top = upper.as_ref().map_or(main.top, |panel| panel.top);
    if width >= NARROW_WIDTH {
        place_end_labels(&mut series, &main, upper.as_ref(), width);
    }
    stagger_breaks(&mut breaks, top);
    let year_xs: Vec<(FinancialYear, f64)> = years.iter().map(|&y| (y, axis.x_of(y))).collect();
    let covid = covid_bands(inputs, &axis, dataset.known_flags.covid_caution);
    let caption_band = if covid.is_empty() {
        0.0
    } else {
        COVID_CAPTION_BAND
    };
    LineChart {
        width,
        height: main.bottom + LINE_YEAR_LABEL_BAND + caption_band,
        left,
        right,
        top,
        bottom: main.bottom,
        unit_label: super::unit_caption(unit),
        unit_label_y: UNIT_LABEL_Y,
        year_labels: thin_year_labels(&year_xs, YEAR_LABEL_WIDTH),
        years: year_xs,
        main,
        upper,
        series,
        breaks,
        covid,
    }
}
