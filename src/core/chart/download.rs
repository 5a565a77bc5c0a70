//! The chart as a file that stands alone: title and subtitle wrapped above it, the legend
//! and the source line (said once, wrapped inside the width) below it, the page's chart
//! styles carried inside, nothing outside the image.

use super::svg::xml_escape;
use super::{chart_markup, DrawnChart, LegendEntry, Swatch};
use crate::core::format::fixed_trimmed;
use crate::core::model::{Dataset, Unit};

/// What the downloaded chart holds besides the marks drawn on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartDownload {
    /// The chart's marks: the same markup the page puts in its `<svg>` ([`chart_markup`]).
    pub inner_markup: String,
    pub width: f64,
    pub height: f64,
    pub title: String,
    pub subtitle: String,
    pub legend: Vec<LegendEntry>,
    pub source: String,
}

/// Chart styles the file needs, since the page's stylesheet does not travel with it. Text
/// inherits its ink from the root, so end labels keep their own `fill` (their line's colour).
const SVG_STYLE: &str = ".grid{stroke:#dcdcdc}.axis{stroke:#0b0c0c}svg{fill:#0b0c0c}text{font-family:Arial,sans-serif;font-size:12px}.end-label{font-weight:bold}.covid-band,.covid-key{fill:#fff7bf}.series-break line{stroke:#0b0c0c;stroke-width:2;stroke-dasharray:4 3}.series-break text{font-size:11px}.chart-tooltip{display:none}.heading{font-size:16px;font-weight:bold}.subtitle{fill:#505a5f}.source{font-size:11px;fill:#505a5f}.unit-label{font-weight:bold}";

const MARGIN: f64 = 8.0;
/// Line heights and the approximate width of a character at each text size.
const TITLE_LINE: f64 = 20.0;
const TITLE_CHAR: f64 = 10.0;
const TEXT_LINE: f64 = 16.0;
const TEXT_CHAR: f64 = 6.6;
const SOURCE_LINE: f64 = 14.0;
const SOURCE_CHAR: f64 = 6.1;
/// A legend entry: swatch, gap, text, then room before the next entry.
const SWATCH_WIDTH: f64 = 24.0;
const SWATCH_GAP: f64 = 6.0;
const ENTRY_GAP: f64 = 16.0;

/// `text` in lines of at most `max_chars` characters, broken between words (a word longer
/// than a line is cut).
pub fn wrap_text(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_string();
        while word.chars().count() > max_chars {
            let head: String = word.chars().take(max_chars).collect();
            word = word.chars().skip(max_chars).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

impl ChartDownload {
    /// The download of `chart` as laid out on screen (same width, same marks), its values
    /// in `unit`, with `source` under it.
    pub fn of(dataset: &Dataset, chart: DrawnChart, unit: Unit, source: String) -> ChartDownload {
        let (width, height) = chart.size();
        ChartDownload {
            inner_markup: chart_markup(dataset, &chart.layout, unit),
            width,
            height,
            legend: chart.legend(),
            title: chart.title,
            subtitle: chart.subtitle,
            source,
        }
    }
}

/// A position in the file: at most two decimal places, written without float formatting.
fn num(value: f64) -> String {
    fixed_trimmed(value, 2)
}

/// `<text>` lines of `class` from baseline `y`, `step` apart; returns them and the y after.
fn text_block(lines: &[String], class: &str, y: f64, step: f64) -> (String, f64) {
    let markup = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                "<text class=\"{class}\" x=\"{}\" y=\"{}\">{}</text>",
                num(MARGIN),
                num(y + i as f64 * step),
                xml_escape(line)
            )
        })
        .collect();
    (markup, y + lines.len() as f64 * step)
}

/// One legend entry's swatch and name (in `lines`, one under the other) at (`x`, `y`), the
/// first line's baseline.
fn legend_entry(entry: &LegendEntry, lines: &[String], x: f64, y: f64) -> String {
    let swatch = match entry.swatch {
        Swatch::Line => format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-dasharray=\"{}\" stroke-width=\"3\"/>",
            num(x),
            num(x + SWATCH_WIDTH),
            num(y - 4.0),
            num(y - 4.0),
            entry.colour,
            entry.dash
        ),
        // A dot, drawn as a rect with round corners.
        Swatch::Dot => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" rx=\"4.5\" fill=\"{}\"/>",
            num(x + SWATCH_WIDTH / 2.0 - 4.5),
            num(y - 8.5),
            entry.colour
        ),
    };
    let text_x = num(x + SWATCH_WIDTH + SWATCH_GAP);
    let texts: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                "<text x=\"{text_x}\" y=\"{}\">{}</text>",
                num(y + i as f64 * TEXT_LINE),
                xml_escape(line)
            )
        })
        .collect();
    format!(
        "<g class=\"legend-entry\" data-legend=\"{}\">{swatch}{texts}</g>",
        xml_escape(&entry.key)
    )
}

/// The legend entries flowed into rows across `width`, from baseline `y` (a name too long
/// for one row wraps under itself); returns the markup and the y after the last row.
fn legend_rows(legend: &[LegendEntry], width: f64, y: f64) -> (String, f64) {
    if legend.is_empty() {
        return (String::new(), y);
    }
    let text_room = width - 2.0 * MARGIN - SWATCH_WIDTH - SWATCH_GAP;
    let mut markup = String::new();
    let (mut x, mut row_y, mut row_lines) = (MARGIN, y, 1usize);
    for entry in legend {
        let lines = wrap_text(
            &entry.label,
            chars_across(text_room + 2.0 * MARGIN, TEXT_CHAR),
        );
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let entry_width = SWATCH_WIDTH + SWATCH_GAP + longest as f64 * TEXT_CHAR;
        if x > MARGIN && (x + entry_width > width - MARGIN || lines.len() > 1) {
            x = MARGIN;
            row_y += row_lines as f64 * TEXT_LINE;
            row_lines = 1;
        }
        markup.push_str(&legend_entry(entry, &lines, x, row_y));
        row_lines = row_lines.max(lines.len());
        x += entry_width + ENTRY_GAP;
    }
    (markup, row_y + row_lines as f64 * TEXT_LINE)
}

/// Characters of text of `char_width` that fit across a `width`-wide image.
fn chars_across(width: f64, char_width: f64) -> usize {
    ((width - 2.0 * MARGIN) / char_width).floor().max(1.0) as usize
}

/// The standalone SVG file and its height: title, subtitle, the chart, its legend and the
/// source line, each wrapped inside `download.width`.
pub fn chart_download_svg(download: &ChartDownload) -> (String, f64) {
    let width = download.width;
    let title = wrap_text(&download.title, chars_across(width, TITLE_CHAR));
    let (title_markup, y) = text_block(&title, "heading", MARGIN + 16.0, TITLE_LINE);
    let subtitle = wrap_text(&download.subtitle, chars_across(width, TEXT_CHAR));
    let (subtitle_markup, y) = text_block(&subtitle, "subtitle", y, TEXT_LINE);
    let chart_top = y;
    let (legend_markup, y) = legend_rows(
        &download.legend,
        width,
        chart_top + download.height + TEXT_LINE,
    );
    let source = wrap_text(&download.source, chars_across(width, SOURCE_CHAR));
    let (source_markup, y) = text_block(&source, "source", y + 4.0, SOURCE_LINE);
    let height = (y + MARGIN).ceil();
    let (w, h) = (num(width), num(height));
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
<style>{SVG_STYLE}</style><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
{title_markup}{subtitle_markup}<g transform=\"translate(0 {})\">{}</g>{legend_markup}{source_markup}</svg>",
        num(chart_top),
        download.inner_markup
    );
    (svg, height)
}
