//! The plain-English sentence under each chart, written from the engine's numbers.

use super::analysis::{percent_change, standings};
use super::format::{cell_text, format_value};
use super::model::{Dataset, Unit};
use super::order::sort_unique;
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

    /// The span of the columns from `start` on; `None` when none of them has a figure.
    fn of_from(values: &[Option<f64>], start: usize) -> Option<Span> {
        let span = Span::of(values.get(start..)?)?;
        let shift = |point: Point| Point {
            column: point.column + start,
            ..point
        };
        Some(Span {
            first: shift(span.first),
            last: shift(span.last),
        })
    }
}

/// What a row's sentence describes: the stretch it leads with and, when that is the
/// stretch since the last series break, the whole (not like-for-like) span after it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stretches {
    lead: Span,
    /// The series break year the lead starts at.
    since_break: Option<FinancialYear>,
    /// The whole span, mentioned after the lead with its caveat.
    longer: Option<Span>,
}

impl Stretches {
    /// The compare year to the last year when a compare year is chosen (and a figure
    /// follows it); otherwise the latest comparable stretch (from the last series break)
    /// followed by the whole span; otherwise the whole span.
    fn choose(
        values: &[Option<f64>],
        years: &[FinancialYear],
        compare: Option<FinancialYear>,
        breaks_in: impl Fn(Span) -> Vec<FinancialYear>,
    ) -> Option<Stretches> {
        let whole = Span::of(values)?;
        let column_of = |year: FinancialYear| years.iter().position(|&y| y == year);
        let from_column =
            |column: usize| Span::of_from(values, column).filter(|span| !span.is_single_year());
        let whole_only = Stretches {
            lead: whole,
            since_break: None,
            longer: None,
        };
        if let Some(compared) = compare.and_then(column_of).and_then(from_column) {
            return Some(Stretches {
                lead: compared,
                ..whole_only
            });
        }
        let last_break = breaks_in(whole).last().copied();
        let recent = last_break
            .and_then(column_of)
            .and_then(from_column)
            .filter(|recent| *recent != whole);
        Some(match recent {
            Some(recent) => Stretches {
                lead: recent,
                since_break: last_break,
                longer: Some(whole),
            },
            None => whole_only,
        })
    }
}

fn change_clause(unit: Unit, years: &[FinancialYear], span: Span) -> String {
    let (first, last) = (span.first, span.last);
    let words = (
        format_value(first.value, unit),
        format_value(last.value, unit),
    );
    worded_change_clause(years, span, words)
}

/// "fell from A in 2019/20 to B in 2020/21 (−94.1%)", with A and B worded by the caller.
fn worded_change_clause(years: &[FinancialYear], span: Span, (a, b): (String, String)) -> String {
    let (first, last) = (span.first, span.last);
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
    sort_unique(&mut years);
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

/// "Over the whole span they fell from … (−24.5%), across series breaks in …, so not like
/// for like." — after a lead that covered only the stretch since the last break.
fn longer_span_sentence(change: String, warning: String) -> String {
    format!(" Over the whole span they {change}{warning}.")
}

/// "Since the series break in 2016/17, " before a lead that starts at that break.
fn since_break_words(since_break: Option<FinancialYear>) -> String {
    since_break
        .map(|year| format!("since the series break in {year}, "))
        .unwrap_or_default()
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

/// One or two sentences describing the view, with no compare year chosen.
pub fn summarise(dataset: &Dataset, table: &TableView, series: SeriesChoice) -> String {
    summarise_view(dataset, table, series, None)
}

/// One to three sentences describing the view. With a compare year, the change is from
/// that year to the last; without one, the sentence leads with the latest comparable
/// stretch (from the last series break) and then gives the whole span with its caveat.
pub fn summarise_view(
    dataset: &Dataset,
    table: &TableView,
    series: SeriesChoice,
    compare: Option<FinancialYear>,
) -> String {
    let label = &dataset.metric(table.metric).label;
    if table.years.is_empty() {
        return no_figures_sentence(label);
    }
    if let Some(totals) = table.computed_total() {
        return total_summary(dataset, table, totals, series, compare);
    }
    let sentences: Vec<String> = [
        published_sentence(dataset, table, compare),
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
    compare: Option<FinancialYear>,
) -> String {
    let metric = dataset.metric(table.metric);
    let values: Vec<Option<f64>> = totals.iter().map(|t| t.value).collect();
    let breaks_in = |span| breaks_between(dataset, table.museum_rows.iter(), span);
    let Some(stretches) = Stretches::choose(&values, &table.years, compare, breaks_in) else {
        return format!(
            "None of the selected museums reported {} for these years.",
            metric.label
        );
    };
    let span = stretches.lead;
    let last_total = &totals[span.last.column];
    let mut sentence = if span.is_single_year() {
        total_in_one_year(dataset, table, last_total, span)
    } else {
        since_break_words(stretches.since_break) + &total_over_years(dataset, table, totals, span)
    };
    if let Some(published) = last_total.published_differs() {
        sentence.push_str(&format!(" ({})", published.published_words(metric.unit)));
    }
    if series == SeriesChoice::Museums || table.museum_rows.len() > 1 {
        // Standings are of the view's last year.
        let latest = table.years[table.years.len() - 1];
        sentence.push_str(&leader_clause(dataset, table, latest));
    }
    let longer = stretches.longer.map(|whole| {
        longer_span_sentence(
            change_clause(metric.unit, &table.years, whole),
            break_warning(&breaks_in(whole)),
        )
    });
    capitalise(sentence + ".") + &longer.unwrap_or_default()
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

/// The published sector (or DCMS total) row: its change over the view (or from the
/// compare year), figures worded as published, with scope caveats.
fn published_sentence(
    dataset: &Dataset,
    table: &TableView,
    compare: Option<FinancialYear>,
) -> Option<String> {
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
    let breaks_in = |span| breaks_between(dataset, std::iter::once(row), span);
    let stretches = Stretches::choose(&values, &table.years, compare, breaks_in)?;
    let span = stretches.lead;
    // As published: "at least 22 million", not 22,000,000.
    let worded = |point: Point| cell_text(row.cells[point.column].fact, unit);
    if span.is_single_year() {
        return Some(format!(
            "{label} for {who}: {} in {}.",
            worded(span.first),
            table.years[span.first.column]
        ));
    }
    let scopes: Vec<String> = [span.first.column, span.last.column]
        .iter()
        .filter_map(|&i| row.cells[i].fact)
        .filter_map(|fact| dataset.scope(fact.index).map(str::to_string))
        .collect();
    let scope_note = match scopes.as_slice() {
        [a, b] if a != b => format!("; the figures cover different museums ({a}, then {b})"),
        _ => String::new(),
    };
    let change = |span: Span| {
        worded_change_clause(&table.years, span, (worded(span.first), worded(span.last)))
    };
    let longer = stretches
        .longer
        .map(|whole| longer_span_sentence(change(whole), break_warning(&breaks_in(whole))));
    Some(
        capitalise(format!(
            "{}{label} for {who} {}{}{scope_note}.",
            since_break_words(stretches.since_break),
            change(span),
            break_warning(&breaks_in(span))
        )) + &longer.unwrap_or_default(),
    )
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
