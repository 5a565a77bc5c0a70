//! The plain-English sentence under each chart, written from the engine's numbers.

use super::analysis::{percent_change, standings};
use super::format::format_value;
use super::model::{Dataset, Unit};
use super::query::{Row, TableView, TotalCell};
use super::view_state::SeriesChoice;
use super::year::FinancialYear;

/// "+4.6%" / "−24.5%" / "no change" (defined with the other signed wording in `format`).
use super::format::signed_percent;

fn movement(from: f64, to: f64) -> &'static str {
    if to > from {
        "rose"
    } else if to < from {
        "fell"
    } else {
        "was unchanged"
    }
}

/// A column of the view and the figure in it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    column: usize,
    value: f64,
}

/// The first and last columns of a row that have a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Span {
    first: Point,
    last: Point,
}

impl Span {
    /// `None` when no column has a figure.
    fn of(values: &[Option<f64>]) -> Option<Span> {
        let point =
            |(column, value): (usize, &Option<f64>)| value.map(|value| Point { column, value });
        let first = values.iter().enumerate().find_map(point)?;
        let last = values.iter().enumerate().rev().find_map(point)?;
        Some(Span { first, last })
    }

    /// Only one column has a figure, so there is no change to describe.
    fn is_single_year(self) -> bool {
        self.first.column == self.last.column
    }
}

fn change_clause(unit: Unit, years: &[FinancialYear], span: Span) -> String {
    let (first, last) = (span.first, span.last);
    let (a, b) = (
        format_value(first.value, unit),
        format_value(last.value, unit),
    );
    let pct = percent_change(first.value, last.value)
        .map(|p| format!(" ({})", signed_percent(p)))
        .unwrap_or_default();
    format!(
        "{} from {a} in {} to {b} in {}{pct}",
        movement(first.value, last.value),
        years[first.column],
        years[last.column]
    )
}

/// Years after `span`'s first column up to its last where one of `rows` with a figure has
/// a series break.
fn breaks_between<'a>(
    dataset: &Dataset,
    rows: impl Iterator<Item = &'a Row>,
    span: Span,
) -> Vec<FinancialYear> {
    let mask = dataset.known_flags.series_break;
    let mut years: Vec<FinancialYear> = rows
        .flat_map(|row| row.cells[span.first.column + 1..=span.last.column].iter())
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

fn no_figures_sentence(label: &str) -> String {
    format!("There are no {label} figures for this selection.")
}

/// One or two sentences describing the view.
pub fn summarise(dataset: &Dataset, table: &TableView, series: SeriesChoice) -> String {
    let label = &dataset.metric(table.metric).label;
    let Some(&latest) = table.years.last() else {
        return no_figures_sentence(label);
    };
    if let Some(totals) = table.computed_total() {
        return total_summary(dataset, table, totals, series, latest);
    }
    let sentences: Vec<String> = [
        published_sentence(dataset, table),
        museums_sentence(dataset, table),
    ]
    .into_iter()
    .flatten()
    .collect();
    if sentences.is_empty() {
        return no_figures_sentence(label);
    }
    sentences.join(" ")
}

/// The recomputed total over the view, its published counterpart when they differ, and
/// the leading museum.
fn total_summary(
    dataset: &Dataset,
    table: &TableView,
    totals: &[TotalCell],
    series: SeriesChoice,
    latest: FinancialYear,
) -> String {
    let metric = dataset.metric(table.metric);
    let values: Vec<Option<f64>> = totals.iter().map(|t| t.value).collect();
    let Some(span) = Span::of(&values) else {
        return format!(
            "None of the selected museums reported {} for these years.",
            metric.label
        );
    };
    let last_total = &totals[span.last.column];
    let mut sentence = if span.is_single_year() {
        total_in_one_year(dataset, table, last_total, span)
    } else {
        total_over_years(dataset, table, totals, span)
    };
    if let Some(published) = last_total.published_differs() {
        sentence.push_str(&format!(" ({})", published.published_words(metric.unit)));
    }
    if series == SeriesChoice::Museums || table.museum_rows.len() > 1 {
        sentence.push_str(&leader_clause(dataset, table, latest));
    }
    capitalise(sentence + ".")
}

/// "In 2017/18, the 14 reporting museums had 1,279 UK loan venues in total".
fn total_in_one_year(
    dataset: &Dataset,
    table: &TableView,
    total: &TotalCell,
    span: Span,
) -> String {
    let metric = dataset.metric(table.metric);
    format!(
        "In {}, {} had {} {} in total",
        table.years[span.last.column],
        reporting_museums(total.reported),
        format_value(span.last.value, metric.unit),
        metric.label
    )
}

/// "UK loan venues of the 14 reporting museums fell from … (−24.5%), across a series break…".
fn total_over_years(
    dataset: &Dataset,
    table: &TableView,
    totals: &[TotalCell],
    span: Span,
) -> String {
    let metric = dataset.metric(table.metric);
    let (first_total, last_total) = (&totals[span.first.column], &totals[span.last.column]);
    let coverage = if first_total.reported != last_total.reported {
        format!(
            " ({} reported in {})",
            first_total.reported, table.years[span.first.column]
        )
    } else {
        String::new()
    };
    format!(
        "{} of {}{coverage} {}{}",
        metric.label,
        reporting_museums(last_total.reported),
        change_clause(metric.unit, &table.years, span),
        break_warning(&breaks_between(dataset, table.museum_rows.iter(), span))
    )
}

/// "; the highest in 2023/24 was British Museum with 300", or nothing when no museum ranks.
fn leader_clause(dataset: &Dataset, table: &TableView, latest: FinancialYear) -> String {
    let unit = dataset.metric(table.metric).unit;
    standings(dataset, table)
        .first()
        .map(|top| {
            format!(
                "; the highest in {latest} was {} with {}",
                dataset.museum(top.museum).name,
                format_value(top.value, unit)
            )
        })
        .unwrap_or_default()
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
    let span = Span::of(&values)?;
    if span.is_single_year() {
        return Some(format!(
            "{label} for {who}: {} in {}.",
            format_value(span.first.value, unit),
            table.years[span.first.column]
        ));
    }
    let scopes: Vec<String> = [span.first.column, span.last.column]
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
        break_warning(&breaks_between(dataset, std::iter::once(row), span))
    )))
}

fn capitalise(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_skips_columns_without_a_figure() {
        let span = Span::of(&[None, Some(3.0), None, Some(5.0), None]).unwrap();
        assert_eq!(
            span.first,
            Point {
                column: 1,
                value: 3.0
            }
        );
        assert_eq!(
            span.last,
            Point {
                column: 3,
                value: 5.0
            }
        );
        assert!(!span.is_single_year());
        let single = Span::of(&[None, Some(2.0)]).unwrap();
        assert_eq!(single.first, single.last);
        assert!(single.is_single_year());
        assert_eq!(Span::of(&[None, None]), None);
        assert_eq!(Span::of(&[]), None);
    }
}
