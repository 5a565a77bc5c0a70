//! What a chart says about itself: the unit of its value axis, a subtitle naming what is
//! plotted, and its legend entries (also drawn into the downloaded SVG).

use super::emphasis::assign_emphasis;
use super::{Emphasis, LineChart, SeriesInput, SeriesRole};
use crate::core::model::Unit;
use crate::core::year::FinancialYear;

/// The value axis's caption: "Venues", "People", "Pounds (nominal, …)".
pub fn unit_caption(unit: Unit) -> String {
    let words = match unit {
        Unit::Count => "number",
        other => other.words(),
    };
    capitalised(words)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "A", "A and B", "A, B and C".
fn joined_names(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The museums part of a subtitle: "British Museum only", "Tate and National Gallery",
/// "17 museums, the 5 largest in 2023/24 in colour and 12 in grey".
fn museums_part(
    museums: &[(&SeriesInput, Emphasis)],
    latest: Option<FinancialYear>,
) -> Option<String> {
    let names: Vec<&str> = museums
        .iter()
        .map(|(input, _)| input.label.as_str())
        .collect();
    let in_grey = museums
        .iter()
        .filter(|(_, emphasis)| *emphasis == Emphasis::Background)
        .count();
    let text = match names.len() {
        0 => return None,
        1 => format!("{} only", names[0]),
        2..=3 => joined_names(&names),
        many => format!("{many} museums"),
    };
    match (in_grey, latest) {
        (0, _) | (_, None) => Some(text),
        (grey, Some(year)) => Some(format!(
            "{text}, the {} largest in {year} in colour and {grey} in grey",
            names.len() - grey
        )),
    }
}

/// The aggregate part: "total of 17 museums, recomputed", "DCMS published total",
/// "all national museums, as published".
fn aggregate_words(input: &SeriesInput, museums: usize) -> String {
    match input.role {
        SeriesRole::Total => format!("total of {museums} museums, recomputed"),
        SeriesRole::PublishedTotal => "DCMS published total".into(),
        SeriesRole::Sector => "all national museums, as published".into(),
        SeriesRole::Museum => input.label.clone(),
    }
}

/// A subtitle naming what is plotted: "All national museums, as published; British Museum
/// only". `museums_in_total`: how many museums the recomputed total adds up (also when
/// only the total is drawn). `with_emphasis`: the chart draws some museums in grey (line
/// charts).
pub fn chart_subtitle(
    inputs: &[SeriesInput],
    years: &[FinancialYear],
    museums_in_total: usize,
    with_emphasis: bool,
) -> String {
    let emphasis = if with_emphasis {
        assign_emphasis(inputs)
    } else {
        vec![Emphasis::Highlight; inputs.len()]
    };
    let museums: Vec<(&SeriesInput, Emphasis)> = inputs
        .iter()
        .zip(emphasis)
        .filter(|(input, _)| !input.role.is_aggregate())
        .collect();
    let mut parts: Vec<String> = inputs
        .iter()
        .filter(|input| input.role.is_aggregate())
        .map(|input| aggregate_words(input, museums_in_total))
        .collect();
    parts.extend(museums_part(&museums, years.last().copied()));
    capitalised(&parts.join("; "))
}

/// How a legend entry shows its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A short stretch of the line.
    Line,
    /// A dot: the series' points are never joined (editions years apart).
    Dot,
}

/// One legend entry: the series' name beside its swatch.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub key: String,
    pub label: String,
    pub colour: &'static str,
    pub dash: &'static str,
    pub swatch: Swatch,
    pub emphasis: Emphasis,
}

impl LineChart {
    /// The legend, in order: totals and sector, coloured museums, museums in grey.
    pub fn legend(&self) -> Vec<LegendEntry> {
        self.legend_order()
            .into_iter()
            .map(|line| LegendEntry {
                key: line.key.clone(),
                label: line.label.clone(),
                colour: line.colour,
                dash: line.dash,
                swatch: if line.has_lines() || line.points.is_empty() {
                    Swatch::Line
                } else {
                    Swatch::Dot
                },
                emphasis: line.emphasis,
            })
            .collect()
    }
}
