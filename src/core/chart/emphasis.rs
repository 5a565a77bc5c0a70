//! Which series are drawn in colour and which in grey behind, and where the labels at the
//! end of the coloured lines go.

use super::palette::{museum_colour, BACKGROUND_GREY, INK};
use super::{SeriesInput, SeriesRole};
use crate::core::order::sort_small_by;

/// At most this many colours at once: the totals and sector figure share ink (one colour,
/// told apart by dashes and their panel), the rest go to the museums with the largest
/// figures.
pub const MAX_COLOURED: usize = 6;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// A total or the sector figure, in ink.
    Aggregate,
    /// A museum in its own colour, labelled at the end of its line.
    Highlight,
    /// A museum in grey behind the others, named on focus and in the legend.
    Background,
}

impl Emphasis {
    /// `data-emphasis`: "aggregate", "highlight" or "background".
    pub fn code(self) -> &'static str {
        match self {
            Emphasis::Aggregate => "aggregate",
            Emphasis::Highlight => "highlight",
            Emphasis::Background => "background",
        }
    }
}

/// The series' value in its last year, for ranking (`None` when it has none then).
fn last_year_value(input: &SeriesInput) -> Option<f64> {
    input.values.last().and_then(|value| value.value)
}

/// The emphasis of each input: aggregates in ink; the museums with the largest value in
/// the last year in colour, up to the colours left; every other museum in grey.
pub(super) fn assign_emphasis(inputs: &[SeriesInput]) -> Vec<Emphasis> {
    let any_aggregate = inputs.iter().any(|input| input.role.is_aggregate());
    let museum_colours = MAX_COLOURED - usize::from(any_aggregate);
    let mut museums: Vec<(usize, Option<f64>)> = inputs
        .iter()
        .enumerate()
        .filter(|(_, input)| !input.role.is_aggregate())
        .map(|(index, input)| (index, last_year_value(input)))
        .collect();
    // Largest first; museums without a last-year figure after every one with.
    sort_small_by(&mut museums, |a, b| {
        b.1.unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
            .then(a.0.cmp(&b.0))
    });
    let highlighted: Vec<usize> = museums
        .iter()
        .take(museum_colours)
        .map(|(index, _)| *index)
        .collect();
    inputs
        .iter()
        .enumerate()
        .map(|(index, input)| {
            if input.role.is_aggregate() {
                Emphasis::Aggregate
            } else if highlighted.contains(&index) {
                Emphasis::Highlight
            } else {
                Emphasis::Background
            }
        })
        .collect()
}

/// The colour and dash pattern of a series drawn with `emphasis`.
pub(super) fn style_of(input: &SeriesInput, emphasis: Emphasis) -> (&'static str, &'static str) {
    match (input.role, emphasis) {
        (_, Emphasis::Background) => (BACKGROUND_GREY, ""),
        (SeriesRole::PublishedTotal, _) => (INK, "7 4"),
        (SeriesRole::Total | SeriesRole::Sector, _) => (INK, ""),
        (SeriesRole::Museum, _) => (museum_colour(&input.key), ""),
    }
}

/// Moves label baselines `wanted` (any order) apart by at least `gap`, keeping them within
/// `top`..`bottom` where there is room; returns the new baselines in the same order.
pub fn dodge_labels(wanted: &[f64], gap: f64, top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    sort_small_by(&mut order, |&a, &b| wanted[a].total_cmp(&wanted[b]));
    let mut placed = vec![0.0; wanted.len()];
    let mut previous = f64::NEG_INFINITY;
    for &index in &order {
        let y = wanted[index].max(previous + gap).max(top);
        placed[index] = y;
        previous = y;
    }
    // Pushed past the bottom: shift the whole stack up, as far as the top allows.
    let overflow = previous - bottom;
    if overflow > 0.0 {
        let lowest_first = order.first().map_or(top, |&i| placed[i]);
        let shift = overflow.min((lowest_first - top).max(0.0));
        placed.iter_mut().for_each(|y| *y -= shift);
    }
    placed
}

/// Approximate width of one character of a bold 12px label, in SVG units.
pub(super) const LABEL_CHAR_WIDTH: f64 = 7.2;
/// End labels are cut to this many characters (the legend has the full name).
pub(super) const END_LABEL_CHARS: usize = 28;

/// The name printed at a line's end: short words for the totals and sector figure (the
/// legend has their full names), a museum's name cut to `END_LABEL_CHARS` characters.
pub(super) fn end_label_text(input: &SeriesInput) -> String {
    let label = match input.role {
        SeriesRole::Total => return "Recomputed total".into(),
        SeriesRole::PublishedTotal => return "Published total".into(),
        SeriesRole::Sector => return "All national museums".into(),
        SeriesRole::Museum => input.label.as_str(),
    };
    cut_to(label, END_LABEL_CHARS)
}

/// `text` as is when it has at most `chars` characters, else cut to fit with an ellipsis.
fn cut_to(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// An end label starting at `x` on a chart `width` units wide, cut so that it ends inside
/// the chart (the room right of the plot is capped, so a long name may not fit whole).
pub(super) fn fit_end_label(text: &str, x: f64, width: f64) -> String {
    let room = ((width - x) / LABEL_CHAR_WIDTH).floor().max(1.0);
    cut_to(text, room as usize)
}

/// End labels: beside the last point of each series (index, x, y, text), dodged apart
/// within `top`..`bottom`. Returns (index, x, baseline, text).
pub(super) fn end_labels(
    wanted: Vec<(usize, f64, f64, String)>,
    top: f64,
    bottom: f64,
) -> Vec<(usize, f64, f64, String)> {
    /// Room between label baselines: a 12px line.
    const LINE_GAP: f64 = 13.0;
    /// Text baselines sit a little below the point, so the text looks centred on it.
    const CENTRE_DROP: f64 = 4.0;
    let baselines: Vec<f64> = wanted.iter().map(|w| w.2 + CENTRE_DROP).collect();
    let placed = dodge_labels(
        &baselines,
        LINE_GAP,
        top + CENTRE_DROP,
        bottom + CENTRE_DROP,
    );
    wanted
        .into_iter()
        .zip(placed)
        .map(|((index, x, _, text), y)| (index, x, y, text))
        .collect()
}
