//! Chart geometry, computed here so it is tested on the host; the UI only draws it.
//! Gaps stay gaps (a line is never joined across a missing year, nor drawn to 0), series
//! breaks, scope changes and Covid years are positioned, the time axis is linear in years,
//! and the y axis starts at zero for counts.

mod caption;
mod download;
mod emphasis;
mod line;
mod navigation;
pub mod palette;
mod svg;
mod time_axis;

pub use caption::{chart_subtitle, unit_caption, LegendEntry, Swatch};
pub use download::{chart_download_svg, wrap_text, ChartDownload};
pub use emphasis::{dodge_labels, Emphasis, MAX_COLOURED};
pub use line::{
    line_chart, BreakKind, BreakMarker, EndLabel, LineChart, LinePoint, LineSeries, Panel,
};
pub use navigation::{
    in_view_box, next_bar, next_point, point_at_pointer, PointAt, PointKey, ScreenBox,
    POINTER_REACH,
};
pub use svg::{
    bar_markup, bar_text, chart_markup, line_markup, line_point_text, point_text, push_escaped,
    tooltip_markup, view_box, xml_escape,
};
pub use time_axis::{stagger_labels, thin_year_labels, TimeAxis};

use super::format::{cell_text, format_value, group_thousands};
use super::model::{Dataset, Unit};
use super::order::sort_small_by;
use super::query::{Row, TableView, TotalCell, PUBLISHED_TOTAL_ID};
use super::view_state::{ChartKind, SeriesChoice};
use super::year::span_text;
use super::year::FinancialYear;

/// What a series stands for: it decides its colour, its panel and its place in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesRole {
    Museum,
    /// The total recomputed from the museums on screen.
    Total,
    /// DCMS's published total of every DCMS-sponsored museum.
    PublishedTotal,
    /// The partnership reports' sector figure, as published.
    Sector,
}

impl SeriesRole {
    /// A total or a sector figure rather than one museum.
    pub fn is_aggregate(self) -> bool {
        self != SeriesRole::Museum
    }
}

/// One plotted value with what the reader needs to know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesValue {
    pub year: FinancialYear,
    pub value: Option<f64>,
    pub flags: u32,
    /// Words when there is no value ("not published", "no figure").
    pub missing_words: String,
    /// Which museums a sector figure covers ("22 national museums"); empty when unstated.
    pub scope: String,
}

/// A series as the chart receives it: `key` goes into `data-museum`.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInput {
    pub key: String,
    pub label: String,
    pub role: SeriesRole,
    pub values: Vec<SeriesValue>,
}

/// One published row as a series, with the unit's words for its missing cells.
fn row_series(
    dataset: &Dataset,
    (key, label, role): (String, String, SeriesRole),
    row: &Row,
    unit: Unit,
) -> SeriesInput {
    let scope = |fact: Option<super::model::Fact>| {
        fact.and_then(|f| dataset.scope(f.index))
            .unwrap_or_default()
            .to_string()
    };
    SeriesInput {
        key,
        label,
        role,
        values: row
            .cells
            .iter()
            .map(|cell| SeriesValue {
                year: cell.year,
                value: cell.value(),
                flags: cell.flags(),
                missing_words: cell_text(cell.fact, unit),
                scope: scope(cell.fact),
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
        role: SeriesRole::Total,
        values: totals
            .iter()
            .map(|total| SeriesValue {
                year: total.year,
                value: total.value,
                flags: total.flags,
                missing_words: "no museum reported".into(),
                scope: String::new(),
            })
            .collect(),
    }
}

/// The rows published as aggregates: DCMS's total and the sector figures.
fn published_series(dataset: &Dataset, table: &TableView, unit: Unit) -> Vec<SeriesInput> {
    let published_total = table.published_total.as_ref().map(|row| {
        let names = (
            PUBLISHED_TOTAL_ID.to_string(),
            "DCMS published total (all DCMS-sponsored museums)".to_string(),
            SeriesRole::PublishedTotal,
        );
        row_series(dataset, names, row, unit)
    });
    let sector = table.sector_row.as_ref().map(|row| {
        let names = (
            dataset.museum(row.museum).id.clone(),
            "All national museums (as published)".to_string(),
            SeriesRole::Sector,
        );
        row_series(dataset, names, row, unit)
    });
    published_total.into_iter().chain(sector).collect()
}

/// Each museum row of the view as a series.
fn museum_series(dataset: &Dataset, table: &TableView, unit: Unit) -> Vec<SeriesInput> {
    table
        .museum_rows
        .iter()
        .map(|row| {
            let museum = dataset.museum(row.museum);
            let names = (museum.id.clone(), museum.name.clone(), SeriesRole::Museum);
            row_series(dataset, names, row, unit)
        })
        .collect()
}

/// The series a line chart draws. "Total": the recomputed total beside the published one.
/// "Each museum": the totals and the sector figure (never dropped, whatever else is on
/// screen), then every museum; a total of a single museum would repeat it, so is left out.
pub fn series_for(dataset: &Dataset, table: &TableView, choice: SeriesChoice) -> Vec<SeriesInput> {
    let unit = dataset.metric(table.metric).unit;
    let computed = table
        .computed_total()
        .map(|totals| total_series(table, totals));
    if let (SeriesChoice::Total, Some(total)) = (choice, computed.clone()) {
        let published = published_series(dataset, table, unit);
        return std::iter::once(total).chain(published).collect();
    }
    let total = computed.filter(|_| table.museum_rows.len() > 1);
    total
        .into_iter()
        .chain(published_series(dataset, table, unit))
        .chain(museum_series(dataset, table, unit))
        .collect()
}

/// The series a bar chart compares: the total alone across its years ("Total"), or the
/// museums beside the sector figure in the last year. DCMS's published total is left to
/// the table and the line chart: as a bar it would squash every museum's bar.
pub fn bar_series_for(
    dataset: &Dataset,
    table: &TableView,
    choice: SeriesChoice,
) -> Vec<SeriesInput> {
    let unit = dataset.metric(table.metric).unit;
    if let (SeriesChoice::Total, Some(totals)) = (choice, table.computed_total()) {
        return vec![total_series(table, totals)];
    }
    let mut published = published_series(dataset, table, unit);
    if !table.museum_rows.is_empty() {
        published.retain(|series| series.role == SeriesRole::Sector);
    }
    published
        .into_iter()
        .chain(museum_series(dataset, table, unit))
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

/// At most one decimal place, rounded half away from zero, no trailing ".0".
fn trim_decimal(value: f64) -> String {
    super::format::fixed_trimmed(value, 1)
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

/// Below this width (SVG units) margins, labels and tick counts shrink, for phones.
const NARROW_WIDTH: f64 = 500.0;

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
/// The unit's caption sits this far under the tick labels.
const BAR_UNIT_LABEL_DROP: f64 = 16.0;
/// About this many value ticks on a bar chart (fewer on phones, where labels are wide).
const BAR_TICK_TARGET: usize = 5;
const BAR_TICK_TARGET_NARROW: usize = 3;

/// The results column spans the page: the controls fold above it ("Change what is shown"),
/// not beside it. The page is at most 1440 CSS pixels wide with 1rem of padding each side.
const PAGE_MAX_WIDTH: f64 = 1440.0;
const PAGE_PADDING: f64 = 32.0;
const MIN_CHART_WIDTH: f64 = 300.0;

/// Chart width in SVG units for a window `window_width` CSS pixels wide: the results
/// column's width, so the chart is drawn at about one SVG unit per pixel and its text at
/// the size it was laid out for (end labels stay inside the page).
pub fn chart_width(window_width: f64) -> f64 {
    (window_width.min(PAGE_MAX_WIDTH) - PAGE_PADDING).max(MIN_CHART_WIDTH)
}

/// The smallest and largest of `values`, widened to include zero.
pub(super) fn range_with_zero(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((0.0f64, 0.0f64), |(low, high), v| (low.min(v), high.max(v)))
}

/// Maps values onto one axis: the first tick at `start`, the last at `end` (SVG units).
#[derive(Debug, Clone, Copy)]
pub(super) struct ValueScale {
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
pub(super) fn ticks_at(values: &[f64], unit: Unit, scale: ValueScale) -> Vec<Tick> {
    values
        .iter()
        .map(|&value| Tick {
            value,
            position: scale.position(value),
            label: tick_label(value, unit),
        })
        .collect()
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

/// One drawn bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub label: String,
    pub year: FinancialYear,
    pub value: f64,
    pub flags: u32,
    /// The museum's own colour, ink for a total or the sector figure.
    pub colour: &'static str,
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
    /// What the value axis counts, printed under its tick labels.
    pub unit_label: String,
    pub unit_label_y: f64,
    pub bars: Vec<Bar>,
    /// Entries without a value, listed in words instead of drawn.
    pub missing: Vec<(String, String)>,
}

/// One bar to be drawn (or listed as missing): whose, under which label, and its value.
struct BarEntry<'a> {
    key: &'a str,
    role: SeriesRole,
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
                    role: input.role,
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
    sort_small_by(entries, |a, b| {
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
        colour: match entry.role {
            SeriesRole::Museum => palette::museum_colour(entry.key),
            _ => palette::INK,
        },
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
        height: axis_y + BAR_TICK_LABEL_BAND + BAR_UNIT_LABEL_DROP,
        label_width,
        bar_height: BAR_HEIGHT,
        zero: scale.position(0.0),
        axis_y,
        tick_label_y: axis_y + BAR_TICK_LABEL_DROP,
        ticks: ticks_at(&tick_values, unit, scale),
        unit_label: unit_caption(unit),
        unit_label_y: axis_y + BAR_TICK_LABEL_DROP + BAR_UNIT_LABEL_DROP,
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

/// The chart a view draws, with its title and a subtitle naming what is plotted.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnChart {
    /// "UK loan venues, 2016/17 to 2023/24"; a bar chart of several series names its year.
    pub title: String,
    /// "All national museums, as published; British Museum only".
    pub subtitle: String,
    pub layout: ChartLayout,
}

impl DrawnChart {
    /// The chart's width and height in SVG units (its `<svg>`'s viewBox).
    pub fn size(&self) -> (f64, f64) {
        match &self.layout {
            ChartLayout::Line(chart) => (chart.width, chart.height),
            ChartLayout::Bar(chart) => (chart.width, chart.height),
        }
    }

    /// The legend a download carries (bar charts label their bars instead).
    pub fn legend(&self) -> Vec<LegendEntry> {
        match &self.layout {
            ChartLayout::Line(chart) => chart.legend(),
            ChartLayout::Bar(_) => Vec::new(),
        }
    }
}

/// The metric's label and the years drawn.
fn chart_title(label: &str, years: &[FinancialYear]) -> String {
    match span_text(years) {
        Some(span) => format!("{label}, {span}"),
        None => label.to_string(),
    }
}

/// The line chart of a view.
fn line_chart_for_view(
    dataset: &Dataset,
    table: &TableView,
    series: SeriesChoice,
    width: f64,
) -> DrawnChart {
    let metric = dataset.metric(table.metric);
    let inputs = series_for(dataset, table, series);
    DrawnChart {
        title: chart_title(&metric.label, &table.years),
        subtitle: chart_subtitle(&inputs, &table.years, table.museum_rows.len(), true),
        layout: ChartLayout::Line(line_chart(
            dataset,
            &inputs,
            &table.years,
            metric.unit,
            width,
        )),
    }
}

/// The bar chart of a view: one series across its years, or several in the last year.
fn bar_chart_for_view(
    dataset: &Dataset,
    table: &TableView,
    series: SeriesChoice,
    width: f64,
) -> Option<DrawnChart> {
    let metric = dataset.metric(table.metric);
    let inputs = bar_series_for(dataset, table, series);
    let year = *table.years.last()?;
    let title_years = if inputs.len() == 1 {
        &table.years[..]
    } else {
        std::slice::from_ref(&year)
    };
    Some(DrawnChart {
        title: chart_title(&metric.label, title_years),
        subtitle: chart_subtitle(&inputs, title_years, table.museum_rows.len(), false),
        layout: ChartLayout::Bar(bar_chart(&inputs, year, metric.unit, width)),
    })
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
    match kind {
        ChartKind::Line => Some(line_chart_for_view(dataset, table, series, width)),
        ChartKind::Bar => bar_chart_for_view(dataset, table, series, width),
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
