//! Chart geometry, computed here so it is tested on the host; the UI only draws it.
//! Gaps stay gaps (a line is never joined across a missing year, nor drawn to 0), series
//! breaks and Covid years are positioned, and the y axis starts at zero for counts.

use super::format::{format_value, group_thousands};
use super::model::{Dataset, Unit};
use super::query::{SeriesChoice, TableView};
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

/// The series a view charts: the total, the museums, or the published rows when the view
/// has no museum rows (sector figures, the national long-run total).
pub fn series_for(dataset: &Dataset, table: &TableView, choice: SeriesChoice) -> Vec<SeriesInput> {
    let unit = dataset.metric(table.metric).unit;
    let from_row = |key: String, label: String, row: &super::query::Row| SeriesInput {
        key,
        label,
        values: row
            .cells
            .iter()
            .map(|cell| SeriesValue {
                year: cell.year,
                value: cell.value(),
                flags: cell.flags(),
                missing_words: super::format::cell_text(cell.fact, unit),
            })
            .collect(),
    };
    if let (SeriesChoice::Total, Some(totals)) = (choice, &table.computed_total) {
        let label = format!(
            "Total of {} selected museums (recomputed)",
            table.museum_rows.len()
        );
        return vec![SeriesInput {
            key: "total".into(),
            label,
            values: totals
                .iter()
                .map(|total| SeriesValue {
                    year: total.year,
                    value: total.value,
                    flags: total.flags,
                    missing_words: "no museum reported".into(),
                })
                .collect(),
        }];
    }
    if !table.museum_rows.is_empty() {
        return table
            .museum_rows
            .iter()
            .map(|row| {
                let museum = dataset.museum(row.museum);
                from_row(museum.id.clone(), museum.name.clone(), row)
            })
            .collect();
    }
    let mut series = Vec::new();
    if let Some(row) = &table.published_total {
        series.push(from_row(
            "published-total".into(),
            "DCMS published total".into(),
            row,
        ));
    }
    if let Some(row) = &table.sector_row {
        series.push(from_row(
            dataset.museum(row.museum).id.clone(),
            "All national museums (as published)".into(),
            row,
        ));
    }
    series
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

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    /// Position along the value axis, in SVG units.
    pub position: f64,
    pub label: String,
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct BreakMarker {
    /// The first year after the break.
    pub year: FinancialYear,
    pub x: f64,
    /// Labels of the series that break here.
    pub series: Vec<String>,
}

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

/// Lays out a line chart `width` units wide.
pub fn line_chart(
    dataset: &Dataset,
    inputs: &[SeriesInput],
    years: &[FinancialYear],
    unit: Unit,
    width: f64,
) -> LineChart {
    let flags = dataset.known_flags;
    let (left, right, top, bottom) = (
        if width < 500.0 { 56.0 } else { 80.0 },
        width - 16.0,
        16.0,
        280.0,
    );
    let step = if years.len() > 1 {
        (right - left) / (years.len() - 1) as f64
    } else {
        0.0
    };
    let x_of = |i: usize| {
        if years.len() > 1 {
            left + step * i as f64
        } else {
            (left + right) / 2.0
        }
    };
    let values = inputs
        .iter()
        .flat_map(|s| s.values.iter().filter_map(|v| v.value));
    let (min, max) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let tick_values = nice_ticks(min, max, 5);
    let (axis_low, axis_high) = (tick_values[0], *tick_values.last().unwrap_or(&1.0));
    let y_of = |v: f64| {
        bottom - (v - axis_low) / (axis_high - axis_low).max(f64::MIN_POSITIVE) * (bottom - top)
    };
    let ticks = tick_values
        .iter()
        .map(|&value| Tick {
            value,
            position: y_of(value),
            label: tick_label(value, unit),
        })
        .collect();

    let mut breaks: Vec<BreakMarker> = Vec::new();
    let series = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
            let mut points = Vec::new();
            let mut missing = Vec::new();
            // The year of the point just drawn in the previous column, if any.
            let mut previous: Option<FinancialYear> = None;
            for (column, entry) in input.values.iter().enumerate() {
                let breaks_here = column > 0 && entry.flags & flags.series_break != 0;
                if breaks_here {
                    let x = (x_of(column - 1) + x_of(column)) / 2.0;
                    match breaks.iter_mut().find(|b| b.year == entry.year) {
                        Some(marker) => marker.series.push(input.label.clone()),
                        None => breaks.push(BreakMarker {
                            year: entry.year,
                            x,
                            series: vec![input.label.clone()],
                        }),
                    }
                }
                let Some(value) = entry.value else {
                    missing.push((entry.year, entry.missing_words.clone()));
                    previous = None;
                    continue;
                };
                // Sparse sources (the partnership reports) have no column for years without any
                // figure, so neighbouring columns can be years apart: join only consecutive years.
                let joined = previous.is_some_and(|year| year.0 + 1 == entry.year.0);
                let point = (x_of(column), y_of(value));
                if joined && !breaks_here {
                    if let Some(segment) = segments.last_mut() {
                        segment.push(point);
                    }
                } else {
                    segments.push(vec![point]);
                }
                previous = Some(entry.year);
                points.push(LinePoint {
                    year: entry.year,
                    x: point.0,
                    y: point.1,
                    value,
                    flags: entry.flags,
                    not_comparable: entry.flags & flags.not_comparable != 0,
                });
            }
            LineSeries {
                key: input.key.clone(),
                label: input.label.clone(),
                colour: PALETTE[i % PALETTE.len()],
                dash: DASHES[(i / PALETTE.len()) % DASHES.len()],
                segments,
                points,
                missing,
            }
        })
        .collect();
    breaks.sort_by_key(|b| b.year);

    let half = if years.len() > 1 { step / 2.0 } else { 30.0 };
    let covid = years
        .iter()
        .enumerate()
        .filter(|(column, _)| {
            inputs.iter().any(|s| {
                s.values
                    .get(*column)
                    .is_some_and(|v| v.flags & flags.covid_caution != 0)
            })
        })
        .map(|(column, _)| {
            (
                (x_of(column) - half).max(left),
                (x_of(column) + half).min(right),
            )
        })
        .collect();
    let label_width = 56.0;
    LineChart {
        width,
        height: bottom + 40.0,
        left,
        right,
        top,
        bottom,
        years: years
            .iter()
            .enumerate()
            .map(|(i, y)| (*y, x_of(i)))
            .collect(),
        label_every: if step > 0.0 {
            (label_width / step).ceil().max(1.0) as usize
        } else {
            1
        },
        ticks,
        series,
        breaks,
        covid,
    }
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub label_width: f64,
    pub bar_height: f64,
    pub zero: f64,
    pub ticks: Vec<Tick>,
    pub bars: Vec<Bar>,
    /// Entries without a value, listed in words instead of drawn.
    pub missing: Vec<(String, String)>,
}

/// Bars for one year (one per series, largest first), or, for a single series, one bar per
/// year in year order.
pub fn bar_chart(inputs: &[SeriesInput], year: FinancialYear, unit: Unit, width: f64) -> BarChart {
    let by_year = inputs.len() == 1;
    let mut entries: Vec<(String, String, &SeriesValue)> = Vec::new();
    for input in inputs {
        for value in &input.values {
            if by_year || value.year == year {
                let label = if by_year {
                    value.year.label()
                } else {
                    input.label.clone()
                };
                entries.push((input.key.clone(), label, value));
            }
        }
    }
    let (mut present, absent): (Vec<_>, Vec<_>) =
        entries.into_iter().partition(|(_, _, v)| v.value.is_some());
    if !by_year {
        present.sort_by(|a, b| {
            b.2.value
                .unwrap_or(0.0)
                .total_cmp(&a.2.value.unwrap_or(0.0))
                .then_with(|| a.1.cmp(&b.1))
        });
    }
    let label_width = if width < 500.0 { 120.0 } else { 220.0 };
    let (left, right) = (label_width + 8.0, width - 90.0);
    let values = present.iter().filter_map(|(_, _, v)| v.value);
    let (min, max) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let tick_values = nice_ticks(min, max, if width < 500.0 { 3 } else { 5 });
    let (low, high) = (tick_values[0], *tick_values.last().unwrap_or(&1.0));
    let x_of = |v: f64| left + (v - low) / (high - low).max(f64::MIN_POSITIVE) * (right - left);
    let bar_height = 22.0;
    let gap = 8.0;
    let top = 8.0;
    let bars: Vec<Bar> = present
        .iter()
        .enumerate()
        .map(|(i, (key, label, entry))| {
            let value = entry.value.unwrap_or_default();
            let (a, b) = (x_of(0.0), x_of(value));
            Bar {
                key: key.clone(),
                label: label.clone(),
                year: entry.year,
                value,
                flags: entry.flags,
                y: top + i as f64 * (bar_height + gap),
                x0: a.min(b),
                x1: a.max(b),
            }
        })
        .collect();
    let axis = top + bars.len() as f64 * (bar_height + gap);
    BarChart {
        width,
        height: axis + 32.0,
        label_width,
        bar_height,
        zero: x_of(0.0),
        ticks: tick_values
            .iter()
            .map(|&value| Tick {
                value,
                position: x_of(value),
                label: tick_label(value, unit),
            })
            .collect(),
        bars,
        missing: absent
            .into_iter()
            .map(|(_, label, v)| (label, v.missing_words.clone()))
            .collect(),
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
