//! The results table: rows museums, columns years, the recomputed total and the published
//! rows below, with GOV.UK conventions (caption, scoped headers, right-aligned figures,
//! words instead of blanks, visible markers).

use crate::core::format::{cell_text, format_value, unit_words};
use crate::core::markers::markers_in;
use crate::core::model::{Dataset, Fact};
use crate::core::query::{Cell, Row, TableView, TotalCell};
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// `[b]`, `[r]`… after a figure; the legend explains each.
fn marker_list(dataset: &'static Dataset, flags: u32) -> impl IntoView {
    markers_in(dataset, flags)
        .into_iter()
        .map(|marker| {
            view! { <abbr class="marker" title=marker.title>{format!("[{}]", marker.symbol)}</abbr> }
        })
        .collect_view()
}

/// Hover text: everything the data says about one cell beyond its number.
fn cell_tooltip(dataset: &Dataset, fact: Option<Fact>) -> String {
    let Some(fact) = fact else {
        return "The source publishes no figure for this museum and year.".into();
    };
    let mut lines = vec![format!("Source: {}", dataset.source(fact.source).title)];
    if let Some(detail) = dataset.detail(fact.index) {
        for (label, text) in [
            ("Scope", &detail.scope),
            ("Note", &detail.comment),
            ("Edition", &detail.edition),
        ] {
            if !text.is_empty() {
                lines.push(format!("{label}: {text}"));
            }
        }
        if detail.derived {
            lines.push("Derived by arithmetic on other published figures.".into());
        }
    }
    lines.join("\n")
}

fn breaks_before(dataset: &Dataset, flags: u32) -> bool {
    flags & dataset.known_flags.series_break != 0
}

fn value_cell(
    store: ViewStore,
    row_id: &'static str,
    museum_id: String,
    cell: Cell,
    metric_id: String,
) -> impl IntoView {
    let dataset = store.dataset;
    let unit = dataset.metric(store.state.get_untracked().metric).unit;
    let museum_attr = if row_id.is_empty() {
        museum_id
    } else {
        row_id.to_string()
    };
    let value = cell.value().map(|v| v.to_string()).unwrap_or_default();
    let text = cell_text(cell.fact, unit);
    let missing = cell.value().is_none();
    view! {
        <td
            class="num"
            class:missing=missing
            class:break-before=breaks_before(dataset, cell.flags())
            data-museum=museum_attr
            data-year=cell.year.slug()
            data-metric=metric_id
            data-value=value
            title=cell_tooltip(dataset, cell.fact)
        >
            <span class="figure">{text}</span>
            {marker_list(dataset, cell.flags())}
        </td>
    }
}

fn published_row(
    store: ViewStore,
    row: &Row,
    header: String,
    row_id: &'static str,
    class: &'static str,
) -> impl IntoView {
    let dataset = store.dataset;
    let metric_id = dataset
        .metric(store.state.get_untracked().metric)
        .id
        .clone();
    let museum_id = dataset.museum(row.museum).id.clone();
    let cells = row
        .cells
        .iter()
        .map(|cell| value_cell(store, row_id, museum_id.clone(), *cell, metric_id.clone()))
        .collect_view();
    view! {
        <tr class=class>
            <th scope="row">{header}</th>
            {cells}
        </tr>
    }
}

fn total_cell(store: ViewStore, total: &TotalCell, metric_id: String) -> impl IntoView {
    let dataset = store.dataset;
    let unit = dataset.metric(store.state.get_untracked().metric).unit;
    let text = total
        .value
        .map(|v| format_value(v, unit))
        .unwrap_or_else(|| "no museum reported".into());
    let comparison = total.published.as_ref().filter(|c| c.beyond_rounding).map(|c| {
        let direction = if c.difference > 0.0 { "more" } else { "fewer" };
        let mut title = format!(
            "DCMS's published total is {}, {} {direction} than the sum of the museum rows.",
            format_value(c.published, unit),
            format_value(c.difference.abs(), unit)
        );
        if let Some(explanation) = &c.explanation {
            title.push(' ');
            title.push_str(explanation);
        }
        view! {
            <span class="differs" title=title.clone()>
                <abbr class="marker" title="Published total differs from the museum rows">"[t]"</abbr>
                <span class="differs-text">
                    {format!("DCMS published {}", format_value(c.published, unit))}
                </span>
            </span>
        }
    });
    view! {
        <td
            class="num total"
            class:missing=total.value.is_none()
            class:break-before=breaks_before(dataset, total.flags)
            data-museum="total"
            data-year=total.year.slug()
            data-metric=metric_id
            data-value=total.value.map(|v| v.to_string()).unwrap_or_default()
            data-coverage=total.coverage()
        >
            <span class="figure">{text}</span>
            {marker_list(dataset, total.flags)}
            <span class="coverage">{total.coverage()}</span>
            {comparison}
        </td>
    }
}

fn caption(dataset: &Dataset, table: &TableView) -> String {
    let metric = dataset.metric(table.metric);
    let span = match (table.years.first(), table.years.last()) {
        (Some(first), Some(last)) if first == last => format!(", {first}"),
        (Some(first), Some(last)) => format!(", {first} to {last}"),
        _ => String::new(),
    };
    format!(
        "{} by museum{span} ({})",
        metric.label,
        unit_words(metric.unit)
    )
}

#[component]
pub fn ResultsTable(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let render = move || {
        let table = table.get();
        let metric_id = dataset.metric(table.metric).id.clone();
        if table.years.is_empty() {
            return view! { <p class="empty">"This metric has no figures."</p> }.into_any();
        }
        let covid = dataset.known_flags.covid_caution;
        let headers = table
            .years
            .iter()
            .enumerate()
            .map(|(column, year)| {
                let column_flags = table
                    .published_rows()
                    .filter_map(|row| row.cells[column].fact)
                    .fold(0, |mask, fact| mask | fact.flags);
                let is_covid = column_flags & covid != 0;
                view! {
                    <th scope="col" class="num" class:covid=is_covid data-year=year.slug()>
                        {year.label()}
                        {is_covid.then(|| view! { <abbr class="marker" title="Covid-19: compare with caution">"[c]"</abbr> })}
                    </th>
                }
            })
            .collect_view();
        let museum_rows = table
            .museum_rows
            .iter()
            .map(|row| {
                published_row(
                    store,
                    row,
                    dataset.museum(row.museum).name.clone(),
                    "",
                    "museum-row",
                )
            })
            .collect_view();
        let total_row = table.computed_total.as_ref().map(|totals| {
            let cells = totals
                .iter()
                .map(|total| total_cell(store, total, metric_id.clone()))
                .collect_view();
            view! {
                <tr class="total-row">
                    <th scope="row">"Total of the museums above (recomputed)"</th>
                    {cells}
                </tr>
            }
        });
        let published_total = table.published_total.as_ref().map(|row| {
            published_row(
                store,
                row,
                "DCMS published total (all DCMS-sponsored museums)".into(),
                "published-total",
                "published-row",
            )
        });
        let sector = table.sector_row.as_ref().map(|row| {
            published_row(
                store,
                row,
                "All national museums (sector figure as published)".into(),
                "",
                "published-row sector-row",
            )
        });
        let reason = table
            .no_total_reason
            .map(|reason| view! { <p class="no-total" id="no-total-reason">{reason}</p> });
        let subset_note = (table.computed_total.is_some() && table.published_total.is_some() && !table.all_museums_selected).then(|| {
            view! {
                <p class="no-total">
                    "DCMS's published total covers every DCMS-sponsored museum, so it is compared with the recomputed total only when all museums are selected."
                </p>
            }
        });
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="results-caption">
                <table class="results-table" id="results-table" data-metric=metric_id.clone()>
                    <caption id="results-caption">{caption(dataset, &table)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Museum"</th>
                            {headers}
                        </tr>
                    </thead>
                    <tbody>{museum_rows}</tbody>
                    <tfoot>{total_row} {published_total} {sector}</tfoot>
                </table>
            </div>
            {reason}
            {subset_note}
        }
        .into_any()
    };
    view! { <div class="results-table-block">{render}</div> }
}
