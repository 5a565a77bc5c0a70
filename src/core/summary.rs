//! The plain-English sentence under each chart, written from the engine's numbers.

use super::analysis::{percent_change, standings};
use super::format::format_value;
use super::model::{Dataset, Unit};
use super::query::{Row, SeriesChoice, TableView};
use super::year::FinancialYear;

/// "+4.6%" / "−24.5%" / "no change".
pub fn signed_percent(percent: f64) -> String {
    if percent == 0.0 {
        return "no change".into();
    }
    let sign = if percent > 0.0 { "+" } else { "\u{2212}" };
    format!("{sign}{:.1}%", percent.abs())
}

fn movement(from: f64, to: f64) -> &'static str {
    if to > from {
        "rose"
    } else if to < from {
        "fell"
    } else {
        "was unchanged"
    }
}

/// First and last (column, value) with a number.
fn ends(values: &[Option<f64>]) -> Option<((usize, f64), (usize, f64))> {
    let first = values
        .iter()
        .enumerate()
        .find_map(|(i, v)| v.map(|v| (i, v)))?;
    let last = values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i, v)))?;
    Some((first, last))
}

fn change_clause(
    unit: Unit,
    years: &[FinancialYear],
    (first, last): ((usize, f64), (usize, f64)),
) -> String {
    let (a, b) = (format_value(first.1, unit), format_value(last.1, unit));
    let pct = percent_change(first.1, last.1)
        .map(|p| format!(" ({})", signed_percent(p)))
        .unwrap_or_default();
    format!(
        "{} from {a} in {} to {b} in {}{pct}",
        movement(first.1, last.1),
        years[first.0],
        years[last.0]
    )
}

/// Years after `from` up to `to` where one of `rows` with a figure has a series break.
fn breaks_between<'a>(
    dataset: &Dataset,
    rows: impl Iterator<Item = &'a Row>,
    from: usize,
    to: usize,
) -> Vec<FinancialYear> {
    let mask = dataset.known_flags.series_break;
    let mut years: Vec<FinancialYear> = rows
        .flat_map(|row| row.cells[from + 1..=to].iter())
        // A break in a row with no figure does not affect what the sentence compares.
        .filter(|cell| cell.value().is_some() && cell.flags() & mask != 0)
        .map(|cell| cell.year)
        .collect();
    years.sort();
    years.dedup();
    years
}

fn break_warning(years: &[FinancialYear]) -> String {
    let labels: Vec<String> = years.iter().map(|y| y.label()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => format!(", across a series break in {one}, so not like for like"),
        [earlier @ .., last] => format!(
            ", across series breaks in {} and {last}, so not like for like",
            earlier.join(", ")
        ),
    }
}

/// "the 14 reporting museums", "the one reporting museum".
fn reporting_museums(count: usize) -> String {
    match count {
        1 => "the one reporting museum".into(),
        n => format!("the {n} reporting museums"),
    }
}

/// One or two sentences describing the view.
pub fn summarise(dataset: &Dataset, table: &TableView, series: SeriesChoice) -> String {
    let metric = dataset.metric(table.metric);
    let unit = metric.unit;
    let label = &metric.label;
    let Some(&latest) = table.years.last() else {
        return format!("There are no {label} figures for this selection.");
    };
    if let Some(totals) = &table.computed_total {
        let values: Vec<Option<f64>> = totals.iter().map(|t| t.value).collect();
        let Some(span) = ends(&values) else {
            return format!("None of the selected museums reported {label} for these years.");
        };
        let last_total = &totals[span.1 .0];
        let who = reporting_museums(last_total.reported);
        let mut sentence = if span.0 .0 == span.1 .0 {
            format!(
                "In {}, {who} had {} {label} in total",
                table.years[span.1 .0],
                format_value(span.1 .1, unit)
            )
        } else {
            let first_total = &totals[span.0 .0];
            let coverage = if first_total.reported != last_total.reported {
                format!(
                    " ({} reported in {})",
                    first_total.reported, table.years[span.0 .0]
                )
            } else {
                String::new()
            };
            format!(
                "{label} of {who}{coverage} {}{}",
                change_clause(unit, &table.years, span),
                break_warning(&breaks_between(
                    dataset,
                    table.museum_rows.iter(),
                    span.0 .0,
                    span.1 .0
                ))
            )
        };
        if let Some(published) = last_total.published.as_ref().filter(|p| p.beyond_rounding) {
            sentence.push_str(&format!(
                " (DCMS published {})",
                format_value(published.published, unit)
            ));
        }
        if series == SeriesChoice::Museums || table.museum_rows.len() > 1 {
            if let Some(top) = standings(dataset, table).first() {
                sentence.push_str(&format!(
                    "; the highest in {latest} was {} with {}",
                    dataset.museum(top.museum).name,
                    format_value(top.value, unit)
                ));
            }
        }
        return capitalise(sentence + ".");
    }

    let sentences: Vec<String> = [
        published_sentence(dataset, table),
        museums_sentence(dataset, table),
    ]
    .into_iter()
    .flatten()
    .collect();
    if sentences.is_empty() {
        return format!("There are no {label} figures for this selection.");
    }
    sentences.join(" ")
}

/// The latest year's highest and lowest museum, for metrics without a total.
fn museums_sentence(dataset: &Dataset, table: &TableView) -> Option<String> {
    let metric = dataset.metric(table.metric);
    let (unit, label) = (metric.unit, &metric.label);
    let latest = *table.years.last()?;
    if table.museum_rows.is_empty() {
        return None;
    }
    let standings = standings(dataset, table);
    let name = |museum: u16| &dataset.museum(museum).name;
    Some(match (standings.first(), standings.last()) {
        (Some(top), Some(bottom)) if standings.len() > 1 => format!(
            "In {latest}, {} museums reported {label}: the highest was {} ({}) and the lowest {} ({}).",
            standings.len(),
            name(top.museum),
            format_value(top.value, unit),
            name(bottom.museum),
            format_value(bottom.value, unit)
        ),
        (Some(only), _) => format!(
            "In {latest}, {} reported {label} of {}.",
            name(only.museum),
            format_value(only.value, unit)
        ),
        _ => format!("No selected museum reported {label} in {latest}."),
    })
}

/// The published sector (or DCMS total) row: its change over the view, with scope caveats.
fn published_sentence(dataset: &Dataset, table: &TableView) -> Option<String> {
    let metric = dataset.metric(table.metric);
    let (unit, label) = (metric.unit, &metric.label);
    let row = table
        .sector_row
        .as_ref()
        .or(table.published_total.as_ref())?;
    let who = if table.sector_row.is_some() {
        "all national museums (as published)"
    } else {
        "all DCMS-sponsored museums (as published)"
    };
    let values: Vec<Option<f64>> = row.cells.iter().map(|c| c.value()).collect();
    let span = ends(&values)?;
    if span.0 .0 == span.1 .0 {
        return Some(format!(
            "{label} for {who}: {} in {}.",
            format_value(span.0 .1, unit),
            table.years[span.0 .0]
        ));
    }
    let scopes: Vec<String> = [span.0 .0, span.1 .0]
        .iter()
        .filter_map(|&i| row.cells[i].fact)
        .filter_map(|fact| dataset.detail(fact.index).map(|d| d.scope.clone()))
        .collect();
    let scope_note = match scopes.as_slice() {
        [a, b] if a != b => format!("; the figures cover different museums ({a}, then {b})"),
        _ => String::new(),
    };
    Some(capitalise(format!(
        "{label} for {who} {}{}{scope_note}.",
        change_clause(unit, &table.years, span),
        break_warning(&breaks_between(
            dataset,
            std::iter::once(row),
            span.0 .0,
            span.1 .0
        ))
    )))
}

fn capitalise(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}
