//! Chart geometry, computed here so it is tested on the host; the UI only draws it.
//! Gaps stay gaps (a line is never joined across a missing year, nor drawn to 0), series
//! breaks and Covid years are positioned, and the y axis starts at zero for counts.

use super::format::{cell_text, format_value, group_thousands};
use super::model::{Dataset, KnownFlags, Unit};
use super::query::{Row, TableView, TotalCell};
use super::view_state::{ChartKind, SeriesChoice};
use super::year::span_text;
use super::year::FinancialYear;

/// Colour-blind-safe (Okabe-Ito, without yellow, which is unreadable on white).
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000",
];
/// Dash patterns, so series stay apart when colours repeat or cannot be told apart.
pub const DASHES: [&str; 3] = ["", "7 4", "2 3"];

/// One plotted value with what the reader needs to know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesValue {
    pub year: FinancialYear,
    pub value: Option<f64>,
    pub flags: u32,
    /// Words when there is no value ("not published", "no figure").
    pub missing_words: String,
}

/// A series as the chart receives it: `key` goes into `data-museum`.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInput {
    pub key: String,
    pub label: String,
    pub values: Vec<SeriesValue>,
}

/// One published row as a series, with the unit's words for its missing cells.
fn row_series(key: String, label: String, row: &Row, unit: Unit) -> SeriesInput {
    SeriesInput {
        key,
        label,
        values: row
            .cells
            .iter()
            .map(|cell| SeriesValue {
                year: cell.year,
                value: cell.value(),
                flags: cell.flags(),
                missing_words: cell_text(cell.fact, unit),
            })
            .collect(),
    }
}

/// The recomputed total of the museums on screen as one series.
fn total_series(table: &TableView, totals: &[TotalCell]) -> SeriesInput {
    SeriesInput {
        key: "total".into(),
        label: format!(
            "Total of {} selected museums (recomputed)",
            table.museum_rows.len()
        ),
        values: totals
            .iter()
            .map(|total| SeriesValue {
                year: total.year,
                value: total.value,
                flags: total.flags,
                missing_words: "no museum reported".into(),
            })
            .collect(),
    }
}

/// The rows published as aggregates (DCMS's total, the sector figures), for views
/// without museum rows.
fn published_series(dataset: &Dataset, table: &TableView, unit: Unit) -> Vec<SeriesInput> {
    let published_total = table.published_total.as_ref().map(|row| {
        row_series(
            "published-total".into(),
            "DCMS published total".into(),
            row,
            unit,
        )
    });
    let sector = table.sector_row.as_ref().map(|row| {
        row_series(
            dataset.museum(row.museum).id.clone(),
            "All national museums (as published)".into(),
            row,
            unit,
        )
    });
    published_total.into_iter().chain(sector).collect()
}

/// The series a view charts: the total, the museums, or the published rows when the view
/// has no museum rows (sector figures, the national long-run total).
pub fn series_for(dataset: &Dataset, table: &TableView, choice: SeriesChoice) -> Vec<SeriesInput> {
    let unit = dataset.metric(table.metric).unit;
    if let (SeriesChoice::Total, Some(totals)) = (choice, table.computed_total()) {
        return vec![total_series(table, totals)];
    }
    if table.museum_rows.is_empty() {
        return published_series(dataset, table, unit);
    }
    table
        .museum_rows
        .iter()
        .map(|row| {
            let museum = dataset.museum(row.museum);
            row_series(museum.id.clone(), museum.name.clone(), row, unit)
        })
        .collect()
}

/// Round tick steps: 1, 2, 2.5 or 5 times a power of ten, about `target` ticks from
/// `min` (at most 0) to at least `max`.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let low = min.min(0.0);
    let high = if max > low { max } else { low + 1.0 };
    let raw_step = (high - low) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).floor() as i64;
    let last = (high / step).ceil() as i64;
    // Rounded so 3 × 0.2 is 0.6, not 0.6000000000000001.
    (first..=last)
        .map(|i| (i as f64 * step * 1e9).round() / 1e9)
        .collect()
}

fn trim_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// ONS-style axis labels: 1,000; 2.5 million; £3.2 million; 85%.
pub fn tick_label(value: f64, unit: Unit) -> String {
    let sign = if value < 0.0 { "\u{2212}" } else { "" };
    let magnitude = value.abs();
    let pound = if unit == Unit::Gbp { "£" } else { "" };
    match unit {
        Unit::Proportion | Unit::Percent => format_value(value, unit),
        _ if magnitude >= 1_000_000_000.0 => {
            format!("{sign}{pound}{} billion", trim_decimal(magnitude / 1e9))
        }
        _ if magnitude >= 1_000_000.0 => {
            format!("{sign}{pound}{} million", trim_decimal(magnitude / 1e6))
        }
        _ if magnitude.fract() != 0.0 => format!("{sign}{pound}{}", trim_decimal(magnitude)),
        _ => format!("{sign}{pound}{}", group_thousands(magnitude as u64)),
    }
}

/// A labelled tick on the value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    /// Position along the value axis, in SVG units.
    pub position: f64,
    pub label: String,
}

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

/// One series of a line chart: its style, its joined runs, its points and its gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub key: String,
    pub label: String,
    pub colour: &'static str,
    pub dash: &'static str,
    /// Runs of consecutive years with values; a gap or a series break starts a new run.
    pub segments: Vec<Vec<(f64, f64)>>,
    pub points: Vec<LinePoint>,
    /// Years without a value, with the words for why.
    pub missing: Vec<(FinancialYear, String)>,
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
}

/// A dashed line marking a series break, halfway between the years either side.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakMarker {
    /// The first year after the break.
    pub year: FinancialYear,
    pub x: f64,
    /// Labels of the series that break here.
    pub series: Vec<String>,
}

/// Below this width (SVG units) margins, labels and tick counts shrink, for phones.
const NARROW_WIDTH: f64 = 500.0;

/// Line chart margins, in SVG units: room left of the plot for the value labels.
const LINE_LEFT: f64 = 80.0;
const LINE_LEFT_NARROW: f64 = 56.0;
const LINE_RIGHT_MARGIN: f64 = 16.0;
const LINE_TOP: f64 = 16.0;
/// Where the value axis (zero for counts) is drawn.
const LINE_BOTTOM: f64 = 280.0;
/// Room under the axis for the year labels.
const LINE_YEAR_LABEL_BAND: f64 = 40.0;
/// How far under the axis the year labels' baseline sits.
const LINE_YEAR_LABEL_DROP: f64 = 18.0;
/// Width one year label needs: narrower columns show only every n-th year.
const YEAR_LABEL_WIDTH: f64 = 56.0;
/// Half the Covid band's width when a single year leaves no column step to halve.
const SINGLE_YEAR_HALF_BAND: f64 = 30.0;
/// About this many value ticks on a line chart.
const LINE_TICK_TARGET: usize = 5;

/// Bar chart layout, in SVG units: the label column, then the plot, then the printed value.
const BAR_LABEL_WIDTH: f64 = 220.0;
const BAR_LABEL_WIDTH_NARROW: f64 = 120.0;
/// Space between the labels and the plot.
const BAR_LABEL_GAP: f64 = 8.0;
/// Room right of the plot for the longest printed value.
const BAR_VALUE_ROOM: f64 = 90.0;
const BAR_TOP: f64 = 8.0;
const BAR_HEIGHT: f64 = 22.0;
const BAR_GAP: f64 = 8.0;
/// The value axis sits this far under the last row of bars.
const BAR_AXIS_DROP: f64 = 6.0;
/// Baseline of the tick labels under the axis.
const BAR_TICK_LABEL_DROP: f64 = 16.0;
/// Room under the axis for the tick labels.
const BAR_TICK_LABEL_BAND: f64 = 26.0;
/// About this many value ticks on a bar chart (fewer on phones, where labels are wide).
const BAR_TICK_TARGET: usize = 5;
const BAR_TICK_TARGET_NARROW: usize = 3;

/// Widest page with the museum picker beside the results, in CSS pixels.
const SIDE_BY_SIDE_FROM: f64 = 800.0;
/// The picker's column (22rem) and the page's padding beside the results.
const PICKER_COLUMN: f64 = 22.0 * 16.0;
const WIDE_PADDING: f64 = 80.0;
const NARROW_PADDING: f64 = 32.0;
const MIN_CHART_WIDTH: f64 = 300.0;
const MAX_CHART_WIDTH: f64 = 1000.0;

/// Chart width in SVG units for a window `window_width` CSS pixels wide: the results
/// column's width, so text stays legible on phones.
pub fn chart_width(window_width: f64) -> f64 {
    let column = if window_width > SIDE_BY_SIDE_FROM {
        window_width - PICKER_COLUMN - WIDE_PADDING
    } else {
        window_width - NARROW_PADDING
    };
    column.clamp(MIN_CHART_WIDTH, MAX_CHART_WIDTH)
}

/// The smallest and largest of `values`, widened to include zero.
fn range_with_zero(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((0.0f64, 0.0f64), |(low, high), v| (low.min(v), high.max(v)))
}

/// Maps values onto one axis: the first tick at `start`, the last at `end` (SVG units).
#[derive(Debug, Clone, Copy)]
struct ValueScale {
    low: f64,
    high: f64,
    start: f64,
    end: f64,
}

impl ValueScale {
    fn new(ticks: &[f64], start: f64, end: f64) -> ValueScale {
        ValueScale {
            low: ticks.first().copied().unwrap_or(0.0),
            high: ticks.last().copied().unwrap_or(1.0),
            start,
            end,
        }
    }

    fn position(&self, value: f64) -> f64 {
        // `max` keeps a zero-height range from dividing by zero.
        let span = (self.high - self.low).max(f64::MIN_POSITIVE);
        self.start + (value - self.low) / span * (self.end - self.start)
    }
}

/// Ticks at `values`, placed by `scale` and labelled in `unit`.
fn ticks_at(values: &[f64], unit: Unit, scale: ValueScale) -> Vec<Tick> {
    values
        .iter()
        .map(|&value| Tick {
            value,
            position: scale.position(value),
            label: tick_label(value, unit),
        })
        .collect()
}

/// A line chart laid out in SVG units: the plot spans `left`..`right` and `top`..`bottom`.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub years: Vec<(FinancialYear, f64)>,
    /// Show every `label_every`-th year label, so narrow charts stay legible.
    pub label_every: usize,
    pub ticks: Vec<Tick>,
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
}

/// Approximate width of one character of tooltip text (12px Arial), in SVG units.
const TOOLTIP_CHAR_WIDTH: f64 = 6.6;
/// Space between the tooltip's edge and its text.
const TOOLTIP_TEXT_INSET: f64 = 6.0;
/// The tooltip keeps this far from the chart's edges.
const TOOLTIP_EDGE: f64 = 4.0;
/// Points lower than this get their tooltip above them; higher ones, below.
const TOOLTIP_FLIP_Y: f64 = 40.0;
const TOOLTIP_ABOVE: f64 = 34.0;
const TOOLTIP_BELOW: f64 = 12.0;

/// Where a point's tooltip box is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
}

/// Baseline of the tooltip's text below the box's top edge (the box is 24 units high).
const TOOLTIP_BASELINE: f64 = 16.0;

impl TooltipBox {
    /// Where the tooltip's text starts.
    pub fn text_at(&self) -> (f64, f64) {
        (self.left + TOOLTIP_TEXT_INSET, self.top + TOOLTIP_BASELINE)
    }
}

/// The tooltip for a point at (`x`, `y`) whose text is `chars` characters long: centred
/// over the point, kept inside a chart `chart_width` units wide.
pub fn tooltip_box(x: f64, y: f64, chars: usize, chart_width: f64) -> TooltipBox {
    let width = (chars as f64 * TOOLTIP_CHAR_WIDTH + 2.0 * TOOLTIP_TEXT_INSET)
        .min(chart_width - 2.0 * TOOLTIP_EDGE);
    let left = (x - width / 2.0).clamp(TOOLTIP_EDGE, chart_width - width - TOOLTIP_EDGE);
    let top = if y > TOOLTIP_FLIP_Y {
        y - TOOLTIP_ABOVE
    } else {
        y + TOOLTIP_BELOW
    };
    TooltipBox { left, top, width }
}

/// Where the year columns of a line chart fall along the x axis.
struct Columns {
    left: f64,
    right: f64,
    count: usize,
    /// Distance between neighbouring columns (0 for a single column).
    step: f64,
}

impl Columns {
    fn new(width: f64, count: usize) -> Columns {
        let left = if width < NARROW_WIDTH {
            LINE_LEFT_NARROW
        } else {
            LINE_LEFT
        };
        let right = width - LINE_RIGHT_MARGIN;
        let step = if count > 1 {
            (right - left) / (count - 1) as f64
        } else {
            0.0
        };
        Columns {
            left,
            right,
            count,
            step,
        }
    }

    /// A single column is centred.
    fn x_of(&self, column: usize) -> f64 {
        if self.count > 1 {
            self.left + self.step * column as f64
        } else {
            (self.left + self.right) / 2.0
        }
    }

    /// Half a column either side of a year: the width of its Covid band.
    fn half_column(&self) -> f64 {
        if self.count > 1 {
            self.step / 2.0
        } else {
            SINGLE_YEAR_HALF_BAND
        }
    }

    fn label_every(&self) -> usize {
        if self.step > 0.0 {
            (YEAR_LABEL_WIDTH / self.step).ceil().max(1.0) as usize
        } else {
            1
        }
    }
}

/// One series' marks, gathered as its values are walked column by column.
#[derive(Default)]
struct SeriesTrace {
    segments: Vec<Vec<(f64, f64)>>,
    points: Vec<LinePoint>,
    missing: Vec<(FinancialYear, String)>,
    /// The year of the point drawn in the previous column, if any.
    previous: Option<FinancialYear>,
}

impl SeriesTrace {
    fn gap(&mut self, entry: &SeriesValue) {
        self.missing.push((entry.year, entry.missing_words.clone()));
        self.previous = None;
    }

    /// Adds `point`, joined to the one before unless a break or a gap lies between.
    fn point(&mut self, point: LinePoint, after_break: bool) {
        // Sparse sources (the partnership reports) have no column for years without any
        // figure, so neighbouring columns can be years apart: join only consecutive years.
        let joined = self.previous.is_some_and(|year| year.0 + 1 == point.year.0);
        let at = (point.x, point.y);
        match self.segments.last_mut() {
            Some(segment) if joined && !after_break => segment.push(at),
            _ => self.segments.push(vec![at]),
        }
        self.previous = Some(point.year);
        self.points.push(point);
    }
}

/// Adds `label` to the break marker of `year`, making the marker if it is the first.
fn mark_break(breaks: &mut Vec<BreakMarker>, year: FinancialYear, x: f64, label: &str) {
    match breaks.iter_mut().find(|marker| marker.year == year) {
        Some(marker) => marker.series.push(label.to_string()),
        None => breaks.push(BreakMarker {
            year,
            x,
            series: vec![label.to_string()],
        }),
    }
}

/// Lays out the `index`-th series, marking its breaks (halfway between the columns) in `breaks`.
fn trace_series(
    index: usize,
    input: &SeriesInput,
    columns: &Columns,
    values: ValueScale,
    flags: KnownFlags,
    breaks: &mut Vec<BreakMarker>,
) -> LineSeries {
    let mut trace = SeriesTrace::default();
    for (column, entry) in input.values.iter().enumerate() {
        let after_break = column > 0 && entry.flags & flags.series_break != 0;
        if after_break {
            let x = (columns.x_of(column - 1) + columns.x_of(column)) / 2.0;
            mark_break(breaks, entry.year, x, &input.label);
        }
        match entry.value {
            Some(value) => trace.point(
                LinePoint {
                    year: entry.year,
                    x: columns.x_of(column),
                    y: values.position(value),
                    value,
                    flags: entry.flags,
                    not_comparable: entry.flags & flags.not_comparable != 0,
                },
                after_break,
            ),
            None => trace.gap(entry),
        }
    }
    LineSeries {
        key: input.key.clone(),
        label: input.label.clone(),
        colour: PALETTE[index % PALETTE.len()],
        dash: DASHES[(index / PALETTE.len()) % DASHES.len()],
        segments: trace.segments,
        points: trace.points,
        missing: trace.missing,
    }
}

/// x from and to of each column where any series has a Covid-caution value.
fn covid_bands(inputs: &[SeriesInput], columns: &Columns, covid_flag: u32) -> Vec<(f64, f64)> {
    let half = columns.half_column();
    (0..columns.count)
        .filter(|&column| {
            inputs.iter().any(|input| {
                input
                    .values
                    .get(column)
                    .is_some_and(|v| v.flags & covid_flag != 0)
            })
        })
        .map(|column| {
            let x = columns.x_of(column);
            ((x - half).max(columns.left), (x + half).min(columns.right))
        })
        .collect()
}

/// Lays out a line chart `width` units wide.
pub fn line_chart(
    dataset: &Dataset,
    inputs: &[SeriesInput],
    years: &[FinancialYear],
    unit: Unit,
    width: f64,
) -> LineChart {
    let flags = dataset.known_flags;
    let values = inputs
        .iter()
        .flat_map(|input| input.values.iter().filter_map(|v| v.value));
    let (min, max) = range_with_zero(values);
    let tick_values = nice_ticks(min, max, LINE_TICK_TARGET);
    // Values grow upwards: the lowest tick sits on the axis at the bottom.
    let scale = ValueScale::new(&tick_values, LINE_BOTTOM, LINE_TOP);
    let columns = Columns::new(width, years.len());
    let mut breaks: Vec<BreakMarker> = Vec::new();
    let series = inputs
        .iter()
        .enumerate()
        .map(|(index, input)| trace_series(index, input, &columns, scale, flags, &mut breaks))
        .collect();
    breaks.sort_by_key(|marker| marker.year);
    LineChart {
        width,
        height: LINE_BOTTOM + LINE_YEAR_LABEL_BAND,
        left: columns.left,
        right: columns.right,
        top: LINE_TOP,
        bottom: LINE_BOTTOM,
        years: years
            .iter()
            .enumerate()
            .map(|(column, year)| (*year, columns.x_of(column)))
            .collect(),
        label_every: columns.label_every(),
        ticks: ticks_at(&tick_values, unit, scale),
        series,
        breaks,
        covid: covid_bands(inputs, &columns, flags.covid_caution),
    }
}

/// One drawn bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub label: String,
    pub year: FinancialYear,
    pub value: f64,
    pub flags: u32,
    pub y: f64,
    /// Start and end along the value axis (start is the zero line for positive values).
    pub x0: f64,
    pub x1: f64,
}

/// A bar chart laid out in SVG units: labels left, bars from the zero line, values after.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub label_width: f64,
    pub bar_height: f64,
    pub zero: f64,
    /// Where the value axis runs, under the last bar; grid lines run from 0 down to it.
    pub axis_y: f64,
    /// Baseline of the tick labels under the axis.
    pub tick_label_y: f64,
    pub ticks: Vec<Tick>,
    pub bars: Vec<Bar>,
    /// Entries without a value, listed in words instead of drawn.
    pub missing: Vec<(String, String)>,
}

/// One bar to be drawn (or listed as missing): whose, under which label, and its value.
struct BarEntry<'a> {
    key: &'a str,
    label: String,
    value: &'a SeriesValue,
}

/// The entries of `year`, one per series; a single series gives one entry per year,
/// labelled with the year.
fn bar_entries(inputs: &[SeriesInput], year: FinancialYear) -> Vec<BarEntry<'_>> {
    let by_year = inputs.len() == 1;
    inputs
        .iter()
        .flat_map(|input| {
            input
                .values
                .iter()
                .filter(move |value| by_year || value.year == year)
                .map(move |value| BarEntry {
                    key: &input.key,
                    label: if by_year {
                        value.year.label()
                    } else {
                        input.label.clone()
                    },
                    value,
                })
        })
        .collect()
}

/// Largest first; equal values by label.
fn sort_largest_first(entries: &mut [BarEntry<'_>]) {
    entries.sort_by(|a, b| {
        b.value
            .value
            .unwrap_or(0.0)
            .total_cmp(&a.value.value.unwrap_or(0.0))
            .then_with(|| a.label.cmp(&b.label))
    });
}

/// The bar of `entry` in row `row`, from the zero line to its value.
fn place_bar(row: usize, entry: &BarEntry<'_>, scale: ValueScale) -> Bar {
    let value = entry.value.value.unwrap_or_default();
    let (zero, end) = (scale.position(0.0), scale.position(value));
    Bar {
        key: entry.key.to_string(),
        label: entry.label.clone(),
        year: entry.value.year,
        value,
        flags: entry.value.flags,
        y: BAR_TOP + row as f64 * (BAR_HEIGHT + BAR_GAP),
        x0: zero.min(end),
        x1: zero.max(end),
    }
}

/// Bars for one year (one per series, largest first), or, for a single series, one bar per
/// year in year order.
pub fn bar_chart(inputs: &[SeriesInput], year: FinancialYear, unit: Unit, width: f64) -> BarChart {
    let (mut present, absent): (Vec<_>, Vec<_>) = bar_entries(inputs, year)
        .into_iter()
        .partition(|entry| entry.value.value.is_some());
    if inputs.len() != 1 {
        sort_largest_first(&mut present);
    }
    let narrow = width < NARROW_WIDTH;
    let label_width = if narrow {
        BAR_LABEL_WIDTH_NARROW
    } else {
        BAR_LABEL_WIDTH
    };
    let (min, max) = range_with_zero(present.iter().filter_map(|entry| entry.value.value));
    let target = if narrow {
        BAR_TICK_TARGET_NARROW
    } else {
        BAR_TICK_TARGET
    };
    let tick_values = nice_ticks(min, max, target);
    let scale = ValueScale::new(
        &tick_values,
        label_width + BAR_LABEL_GAP,
        width - BAR_VALUE_ROOM,
    );
    let bars: Vec<Bar> = present
        .iter()
        .enumerate()
        .map(|(row, entry)| place_bar(row, entry, scale))
        .collect();
    let axis_y = BAR_TOP + bars.len() as f64 * (BAR_HEIGHT + BAR_GAP) + BAR_AXIS_DROP;
    BarChart {
        width,
        height: axis_y + BAR_TICK_LABEL_BAND,
        label_width,
        bar_height: BAR_HEIGHT,
        zero: scale.position(0.0),
        axis_y,
        tick_label_y: axis_y + BAR_TICK_LABEL_DROP,
        ticks: ticks_at(&tick_values, unit, scale),
        bars,
        missing: absent
            .into_iter()
            .map(|entry| (entry.label, entry.value.missing_words.clone()))
            .collect(),
    }
}

/// A laid-out chart of either kind.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartLayout {
    Line(LineChart),
    Bar(BarChart),
}

/// The chart a view draws, with its title.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnChart {
    /// "UK loan venues, 2016/17 to 2023/24"; a bar chart of several series names its year.
    pub title: String,
    pub layout: ChartLayout,
}

/// The metric's label and the years drawn.
fn chart_title(label: &str, years: &[FinancialYear]) -> String {
    match span_text(years) {
        Some(span) => format!("{label}, {span}"),
        None => label.to_string(),
    }
}

/// The chart of `kind` (as resolved for the view) `width` units wide: `None` for the table,
/// or for a bar chart of a view without years.
pub fn chart_for_view(
    dataset: &Dataset,
    table: &TableView,
    series: SeriesChoice,
    kind: ChartKind,
    width: f64,
) -> Option<DrawnChart> {
    let metric = dataset.metric(table.metric);
    let inputs = series_for(dataset, table, series);
    match kind {
        ChartKind::Line => Some(DrawnChart {
            title: chart_title(&metric.label, &table.years),
            layout: ChartLayout::Line(line_chart(
                dataset,
                &inputs,
                &table.years,
                metric.unit,
                width,
            )),
        }),
        ChartKind::Bar => {
            let year = *table.years.last()?;
            // One series is drawn across its years; several are compared in the last year.
            let title_years = if inputs.len() == 1 {
                &table.years[..]
            } else {
                std::slice::from_ref(&year)
            };
            Some(DrawnChart {
                title: chart_title(&metric.label, title_years),
                layout: ChartLayout::Bar(bar_chart(&inputs, year, metric.unit, width)),
            })
        }
        ChartKind::Table | ChartKind::Auto => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_start_at_zero() {
        assert_eq!(nice_ticks(0.0, 1347.0, 5), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(nice_ticks(120.0, 263.0, 5), vec![0.0, 100.0, 200.0, 300.0]);
        assert_eq!(nice_ticks(0.0, 0.95, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let with_negative = nice_ticks(-200_000.0, 900_000.0, 5);
        assert!(with_negative[0] <= -200_000.0 && with_negative.contains(&0.0));
    }

    #[test]
    fn tick_labels_are_ons_style() {
        assert_eq!(tick_label(1000.0, Unit::Venues), "1,000");
        assert_eq!(tick_label(2_500_000.0, Unit::Visits), "2.5 million");
        assert_eq!(tick_label(3_200_000.0, Unit::Gbp), "£3.2 million");
        assert_eq!(tick_label(40_000_000.0, Unit::Gbp), "£40 million");
        assert_eq!(tick_label(0.85, Unit::Proportion), "85%");
        assert_eq!(tick_label(-500_000.0, Unit::Gbp), "\u{2212}£500,000");
        assert_eq!(tick_label(0.0, Unit::Count), "0");
    }
}
