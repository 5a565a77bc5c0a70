//! The results table: rows museums, columns years, the recomputed total and the published
//! rows below, with GOV.UK conventions (caption, scoped headers, right-aligned figures,
//! words instead of blanks, visible markers), then change, share and rank columns.

use crate::core::analysis::{
    museum_change, standings, total_change, ChangeResult, NoChange, Standing,
};
use crate::core::export::view_title;
use crate::core::format::{cell_text, format_value};
use crate::core::markers::markers_in;
use crate::core::model::{Dataset, Fact, Unit};
use crate::core::query::{Cell, Row, TableView, TotalCell};
use crate::core::summary::signed_percent;
use crate::core::year::FinancialYear;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// `[b]`, `[r]`… after a figure; the legend explains each.
fn marker_list(dataset: &'static Dataset, flags: u32) -> impl IntoView {
    markers_in(dataset, flags)
        .into_iter()
        .map(|marker| view! { <abbr class="marker" title=marker.title>{format!("[{}]", marker.symbol)}</abbr> })
        .collect_view()
}

/// Hover text: everything the data says about one cell beyond its number.
fn cell_tooltip(dataset: &Dataset, fact: Option<Fact>) -> String {
    let Some(fact) = fact else {
        return "The sources hold no figure for this museum and year.".into();
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

/// The attributes and words every value cell shares.
struct CellContext {
    dataset: &'static Dataset,
    unit: Unit,
    metric_id: String,
}

fn value_cell(context: &CellContext, row_key: &str, cell: Cell) -> impl IntoView {
    let dataset = context.dataset;
    view! {
        <td
            class="num"
            class:missing=cell.value().is_none()
            class:break-before=breaks_before(dataset, cell.flags())
            data-museum=row_key.to_string()
            data-year=cell.year.slug()
            data-metric=context.metric_id.clone()
            data-value=cell.value().map(|v| v.to_string()).unwrap_or_default()
            title=cell_tooltip(dataset, cell.fact)
        >
            <span class="figure">{cell_text(cell.fact, context.unit)}</span>
            {marker_list(dataset, cell.flags())}
        </td>
    }
}

fn total_cell(context: &CellContext, total: &TotalCell) -> impl IntoView {
    let (dataset, unit) = (context.dataset, context.unit);
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
            <span class="differs" title=title>
                <abbr class="marker" title="Published total differs from the museum rows">"[t]"</abbr>
                <span class="differs-text">{format!("DCMS published {}", format_value(c.published, unit))}</span>
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
            data-metric=context.metric_id.clone()
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

/// The change column's cell for one museum or the total.
fn change_cell(change: ChangeResult, unit: Unit, row_key: String) -> impl IntoView {
    let (text, status, absolute, percent, crosses) = match change {
        Ok(change) => {
            let sign = if change.absolute > 0.0 { "+" } else { "" };
            let percent = change
                .percent
                .map(signed_percent)
                .unwrap_or_else(|| "base is zero".into());
            (
                format!("{sign}{} ({percent})", format_value(change.absolute, unit)),
                "computed",
                change.absolute.to_string(),
                change
                    .percent
                    .map(|p| format!("{p:.1}"))
                    .unwrap_or_default(),
                change.crosses_break,
            )
        }
        Err(NoChange::MissingBase) => (
            "cannot compute: no figure in the base year".into(),
            "missing-base",
            String::new(),
            String::new(),
            false,
        ),
        Err(NoChange::MissingLatest) => (
            "cannot compute: no figure in the latest year".into(),
            "missing-latest",
            String::new(),
            String::new(),
            false,
        ),
    };
    view! {
        <td
            class="num change"
            class:missing=status != "computed"
            data-change-museum=row_key
            data-change-status=status
            data-change-abs=absolute
            data-change-pct=percent
            data-crosses-break=crosses.to_string()
        >
            <span class="figure">{text}</span>
            {crosses.then(|| view! {
                <abbr class="marker" title="Across a series break: not like for like">"[b]"</abbr>
                <span class="coverage">"across a series break"</span>
            })}
        </td>
    }
}

/// Share and rank cells for a museum row in the view's last year.
fn standing_cells(standing: Option<&Standing>, with_share: bool) -> impl IntoView {
    let share = with_share.then(|| {
        let share = standing.and_then(|s| s.share);
        let text = share.map(|share| format!("{share:.1}%")).unwrap_or_else(|| "not reported".into());
        view! { <td class="num share" data-share=share.map(|s| format!("{s:.1}")).unwrap_or_default()>{text}</td> }
    });
    let rank = standing
        .map(|s| format!("{} of {}", s.rank, s.of))
        .unwrap_or_else(|| "not ranked".into());
    view! {
        {share}
        <td class="num rank" data-rank=standing.map(|s| s.rank.to_string()).unwrap_or_default()>{rank}</td>
    }
}

/// One cell spanning the extra columns of a row they do not apply to.
fn filler(columns: usize, words: &'static str) -> impl IntoView {
    (columns > 0).then(|| view! { <td class="extra-na" colspan=columns>{words}</td> })
}

/// The change and standing columns a view adds after the years.
#[derive(Clone, Copy)]
struct ExtraColumns {
    compare: Option<(FinancialYear, FinancialYear)>,
    standings: bool,
    share: bool,
}

impl ExtraColumns {
    fn count(self) -> usize {
        usize::from(self.compare.is_some()) + usize::from(self.standings) + usize::from(self.share)
    }
}

fn render(store: ViewStore, table: &TableView) -> AnyView {
    let dataset = store.dataset;
    if table.years.is_empty() {
        return view! { <p class="empty">"This metric has no figures."</p> }.into_any();
    }
    let metric = dataset.metric(table.metric);
    let context = CellContext {
        dataset,
        unit: metric.unit,
        metric_id: metric.id.clone(),
    };
    let latest = table.years.last().copied();
    let latest_label = latest.map(|y| y.label()).unwrap_or_default();
    let ranked = standings(dataset, table);
    let extras = ExtraColumns {
        compare: store
            .state
            .get()
            .compare
            .zip(latest)
            .filter(|(base, latest)| base < latest),
        standings: !table.museum_rows.is_empty(),
        share: !table.museum_rows.is_empty() && table.computed_total.is_some(),
    };

    let covid = dataset.known_flags.covid_caution;
    let year_headers = table
        .years
        .iter()
        .enumerate()
        .map(|(column, year)| {
            let column_flags = table.published_rows().filter_map(|row| row.cells[column].fact).fold(0, |mask, fact| mask | fact.flags);
            let is_covid = column_flags & covid != 0;
            view! {
                <th scope="col" class="num" class:covid=is_covid data-year=year.slug()>
                    {year.label()}
                    {is_covid.then(|| view! { <abbr class="marker" title="Covid-19: compare with caution">"[c]"</abbr> })}
                </th>
            }
        })
        .collect_view();
    let extra_headers = view! {
        {extras.compare.map(|(base, latest)| view! { <th scope="col" class="num">{format!("Change, {base} to {latest}")}</th> })}
        {extras.share.then(|| view! { <th scope="col" class="num">{format!("Share of total, {latest_label}")}</th> })}
        {extras.standings.then(|| view! { <th scope="col" class="num">{format!("Rank, {latest_label}")}</th> })}
    };
    let museum_rows = table
        .museum_rows
        .iter()
        .map(|row| {
            let museum = dataset.museum(row.museum);
            let change = extras
                .compare
                .map(|(base, latest)| change_cell(museum_change(dataset, table.metric, row.museum, base, latest), context.unit, museum.id.clone()));
            let standing = extras
                .standings
                .then(|| standing_cells(ranked.iter().find(|s| s.museum == row.museum), extras.share));
            view! {
                <tr class="museum-row">
                    <th scope="row">{museum.name.clone()}</th>
                    {row.cells.iter().map(|cell| value_cell(&context, &museum.id, *cell)).collect_view()}
                    {change}
                    {standing}
                </tr>
            }
        })
        .collect_view();
    let total_row = table.computed_total.as_ref().map(|totals| {
        let change = extras
            .compare
            .and_then(|(base, latest)| total_change(dataset, table, base, latest))
            .map(|total| {
                let note = total
                    .coverage_differs
                    .then(|| format!("{} then {}", total.base_coverage, total.latest_coverage));
                view! {
                    {change_cell(total.change, context.unit, "total".into())}
                    {note.map(|note| view! { <td class="extra-na coverage-note">{note}</td> })}
                }
            });
        let remaining = extras.count() - usize::from(extras.compare.is_some());
        view! {
            <tr class="total-row">
                <th scope="row">"Total of the museums above (recomputed)"</th>
                {totals.iter().map(|total| total_cell(&context, total)).collect_view()}
                {change}
                {filler(remaining, "100% of the total")}
            </tr>
        }
    });
    let published_row = |row: &Row, header: &'static str, key: String, words: &'static str| {
        view! {
            <tr class="published-row">
                <th scope="row">{header}</th>
                {row.cells.iter().map(|cell| value_cell(&context, &key, *cell)).collect_view()}
                {filler(extras.count(), words)}
            </tr>
        }
    };
    let published_total = table.published_total.as_ref().map(|row| {
        published_row(
            row,
            "DCMS published total (all DCMS-sponsored museums)",
            "published-total".into(),
            "published figure, not recomputed",
        )
    });
    let sector = table.sector_row.as_ref().map(|row| {
        published_row(
            row,
            "All national museums (sector figure as published)",
            dataset.museum(row.museum).id.clone(),
            "published figure, not recomputed",
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
            <table class="results-table" id="results-table" data-metric=metric.id.clone()>
                <caption id="results-caption">{view_title(dataset, table)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Museum"</th>
                        {year_headers}
                        {extra_headers}
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
}

#[component]
pub fn ResultsTable(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    view! { <div class="results-table-block">{move || render(store, &table.get())}</div> }
}
