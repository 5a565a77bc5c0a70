//! The results table: rows museums, columns years, the recomputed total and the published
//! rows below, with GOV.UK conventions (caption, scoped headers, right-aligned figures,
//! words instead of blanks, visible markers). The change, share and rank columns sit right
//! after the museum's name, where a reader looks first; the header row and the name column
//! stay in view while the years scroll.
//!
//! Rows and cells are drawn over fixed slots (`core::table_rows`): every museum and year
//! the metric has, empty where the view leaves one out. So when a year or a museum leaves
//! the view, only its cells go; the others are compared with themselves and left alone.

use crate::core::analysis::{
    museum_change, published_row_change, share_bases, share_words, standings, total_change,
    ChangeCell, CompareYears, ExtraColumns, ShareBases, Standing, StandingCells,
    ACROSS_BREAK_WORDS,
};
use crate::core::export::view_title;
use crate::core::format::{cell_text, format_value, number_text};
use crate::core::markers::{markers_in, Marker};
use crate::core::model::{Dataset, Fact, Unit};
use crate::core::query::{breaks_before, Cell, Row, TableView, TotalCell};
use crate::core::table_rows::in_slots;
use crate::core::year::FinancialYear;
use crate::ui::deferred_redraw::redraw_after_frame_while_hidden;
use crate::ui::marker_link::{linked_markers, marker_view, MarkerPlace};
use crate::ui::store::ViewStore;
use leptos::html::Div;
use leptos::prelude::*;

/// `[b]`: one marker after a figure or heading; the legend explains each.
fn marker_abbr(marker: Marker) -> impl IntoView {
    view! { <abbr class="marker" title=marker.title>{marker.text()}</abbr> }
}

/// `[b]`, `[r]`… after a figure: the markers of every flag it carries.
fn marker_list(dataset: &'static Dataset, flags: u32) -> impl IntoView {
    markers_in(dataset, flags)
        .into_iter()
        .map(marker_abbr)
        .collect_view()
}

/// Hover text: everything the data says about one cell beyond its number. (Written into
/// one string: every cell of the table gets one on every change.)
fn cell_tooltip(dataset: &Dataset, fact: Option<Fact>) -> String {
    let Some(fact) = fact else {
        return "The sources hold no figure for this museum and year.".into();
    };
    let mut text = format!("Source: {}", dataset.source(fact.source).title);
    if let Some(detail) = dataset.detail(fact.index) {
        for (label, line) in [
            ("Scope", &detail.scope),
            ("Note", &detail.comment),
            ("Edition", &detail.edition),
        ] {
            if !line.is_empty() {
                text.push('\n');
                text.push_str(label);
                text.push_str(": ");
                text.push_str(line);
            }
        }
        if detail.derived {
            text.push_str("\nDerived by arithmetic on other published figures.");
        }
    }
    text
}

/// The attributes and words every value cell shares.
struct CellContext {
    dataset: &'static Dataset,
    unit: Unit,
    metric_id: String,
}

impl CellContext {
    /// Where a cell of this table is, for the links of its markers.
    fn place(&self, museum: Option<u16>, year: FinancialYear) -> MarkerPlace {
        MarkerPlace {
            metric: self.dataset.metric_by_id(&self.metric_id).unwrap_or(0),
            museum,
            year,
        }
    }
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
            data-value=cell.value().map(number_text).unwrap_or_default()
            title=cell_tooltip(dataset, cell.fact)
        >
            <span class="figure">{cell_text(cell.fact, context.unit)}</span>
            {linked_markers(dataset, cell.flags(), context.place(dataset.museum_by_id(row_key), cell.year))}
        </td>
    }
}

fn total_cell(context: &CellContext, total: &TotalCell) -> impl IntoView {
    let (dataset, unit) = (context.dataset, context.unit);
    let text = total
        .value
        .map(|v| format_value(v, unit))
        .unwrap_or_else(|| "no museum reported".into());
    let comparison = total.published_differs().map(|c| {
        view! {
            <span class="differs" title=c.differs_sentence(unit)>
                {marker_view(dataset, Marker::TOTAL_DIFFERS, context.place(None, total.year))}
                <span class="differs-text">{c.published_words(unit)}</span>
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
            data-value=total.value.map(number_text).unwrap_or_default()
            data-coverage=total.coverage()
        >
            <span class="figure">{text}</span>
            {marker_list(dataset, total.flags)}
            <span class="coverage">{total.coverage()}</span>
            {comparison}
        </td>
    }
}

/// The change column's cell for one museum or the total; `note` says when the two years'
/// totals add up different museums.
fn change_cell(cell: ChangeCell, row_key: String, note: Option<String>) -> impl IntoView {
    view! {
        <td
            class="num change"
            class:missing=cell.status.is_missing()
            data-change-museum=row_key
            data-change-status=cell.status.code()
            data-change-abs=cell.data_absolute
            data-change-pct=cell.data_percent
            data-crosses-break=cell.crosses_break.to_string()
        >
            <span class="figure">{cell.text}</span>
            {cell.crosses_break.then(|| view! {
                {marker_abbr(Marker::CHANGE_ACROSS_BREAK)}
                <span class="coverage">{ACROSS_BREAK_WORDS}</span>
            })}
            {note.map(|note| view! { <span class="coverage coverage-note">{note}</span> })}
        </td>
    }
}

/// Share (of the museums shown, and of every reporting museum when only some are shown)
/// and rank cells for a museum row in the view's last year.
fn standing_cells(context: &TableContext, museum: u16) -> impl IntoView {
    let extras = context.extras;
    let standing = context.ranked.iter().find(|s| s.museum == museum);
    let cells = StandingCells::new(standing);
    let share = extras.share.then(|| {
        view! {
            <td class="num share" data-share=cells.data_share.clone() data-share-pct=cells.data_share>
                {cells.share_text}
            </td>
        }
    });
    let share_of_all = context.shares_of_all.as_ref().map(|everyone| {
        let (text, pct) = share_words(everyone.iter().find(|s| s.museum == museum));
        view! { <td class="num share share-all" data-share-all-pct=pct>{text}</td> }
    });
    view! {
        {share}
        {share_of_all}
        {extras.standings.then(|| view! { <td class="num rank" data-rank=cells.data_rank>{cells.rank_text}</td> })}
    }
}

/// One cell spanning the extra columns of a row they do not apply to.
fn filler(columns: usize, words: &'static str) -> impl IntoView {
    (columns > 0).then(|| view! { <td class="extra-na" colspan=columns>{words}</td> })
}

/// What every row of one rendering shares: the cell context, the extra columns, the
/// standings of the last year and, when only some museums are shown, every museum's.
struct TableContext<'a> {
    cells: CellContext,
    table: &'a TableView,
    /// Each of the metric's years: its column in the view, or `None`.
    year_slots: Vec<Option<usize>>,
    extras: ExtraColumns,
    ranked: Vec<Standing>,
    bases: Option<ShareBases>,
    shares_of_all: Option<Vec<Standing>>,
}

/// A year's column heading, with the Covid marker when a figure in it carries the caution.
fn year_header(year: FinancialYear, is_covid: bool) -> impl IntoView {
    view! {
        <th scope="col" class="num" class:covid=is_covid data-year=year.slug()>
            {year.label()}
            {is_covid.then(|| marker_abbr(Marker::COVID))}
        </th>
    }
}

fn extra_headers(context: &TableContext, latest: FinancialYear) -> impl IntoView {
    let extras = context.extras;
    let heading = |text: String| view! { <th scope="col" class="num extra">{text}</th> };
    let bases = context.bases.as_ref();
    view! {
        {extras.compare.map(|compare| heading(compare.heading()))}
        {bases.filter(|_| extras.share).map(|b| heading(b.shown.heading(latest)))}
        {bases.and_then(|b| b.all.as_ref()).map(|(of_all, _)| heading(of_all.heading(latest)))}
        {extras.standings.then(|| heading(ExtraColumns::rank_heading(latest)))}
    }
}

fn header_row(context: &TableContext, latest: FinancialYear) -> impl IntoView {
    let table = context.table;
    let covid = table.covid_columns(context.cells.dataset);
    let year_headers = context
        .year_slots
        .iter()
        .map(|slot| {
            let column = (*slot)?;
            Some(year_header(*table.years.get(column)?, *covid.get(column)?))
        })
        .collect_view();
    view! {
        <tr>
            <th scope="col" class="name-col">"Museum"</th>
            {extra_headers(context, latest)}
            {year_headers}
        </tr>
    }
}

/// A row's figures in the table's year slots (nothing where the view leaves a year out).
fn value_cells(context: &TableContext, row_key: &str, row: &Row) -> impl IntoView {
    in_slots(&context.year_slots, &row.cells)
        .into_iter()
        .map(|cell| cell.map(|cell| value_cell(&context.cells, row_key, *cell)))
        .collect_view()
}

fn museum_row(context: &TableContext, row: &Row) -> impl IntoView {
    let cells = &context.cells;
    let (dataset, table, extras) = (cells.dataset, context.table, context.extras);
    let museum = dataset.museum(row.museum);
    let change = extras.compare.map(|CompareYears { base, latest }| {
        let change = museum_change(dataset, table.metric, row.museum, base, latest);
        change_cell(
            ChangeCell::new(&change, cells.unit),
            museum.id.clone(),
            None,
        )
    });
    view! {
        <tr class="museum-row">
            <th scope="row" class="name-col">{museum.name.clone()}</th>
            {change}
            {standing_cells(context, row.museum)}
            {value_cells(context, &museum.id, row)}
        </tr>
    }
}

/// The total's change cell, with a note when the two years' totals add up different museums.
fn total_change_cell(context: &TableContext, compare: CompareYears) -> Option<impl IntoView> {
    let total = total_change(
        context.cells.dataset,
        context.table,
        compare.base,
        compare.latest,
    )?;
    let note = total.coverage_note();
    Some(change_cell(
        ChangeCell::new(&total.change, context.cells.unit),
        "total".into(),
        note,
    ))
}

fn total_row(context: &TableContext, totals: &[TotalCell]) -> impl IntoView {
    let extras = context.extras;
    let change = extras
        .compare
        .and_then(|compare| total_change_cell(context, compare));
    let share = extras
        .share
        .then(|| view! { <td class="num share">"100%"</td> });
    let rest = extras.after_change() - usize::from(extras.share);
    view! {
        <tr class="total-row">
            <th scope="row" class="name-col">"Total of the museums above (recomputed)"</th>
            {change}
            {share}
            {filler(rest, "the total is not ranked")}
            {in_slots(&context.year_slots, totals).into_iter().map(|total| total.map(|total| total_cell(&context.cells, total))).collect_view()}
        </tr>
    }
}

/// A row as published (DCMS's total or the sector figure), never recomputed.
fn published_row(
    context: &TableContext,
    row: &Row,
    header: &'static str,
    key: String,
) -> impl IntoView {
    // The change is computed like any museum's (so it matches the headlines page); only
    // share and rank do not apply to a published total.
    let change = context.extras.compare.map(|CompareYears { base, latest }| {
        let cells = &context.cells;
        let published = published_row_change(
            cells.dataset,
            context.table.metric,
            row.museum,
            base,
            latest,
        );
        change_cell(
            ChangeCell::new(&published.change, cells.unit),
            key.clone(),
            published.scope_note,
        )
    });
    view! {
        <tr class="published-row">
            <th scope="row" class="name-col">{header}</th>
            {change}
            {filler(context.extras.after_change(), "published figure, not recomputed")}
            {value_cells(context, &key, row)}
        </tr>
    }
}

fn footer_rows(context: &TableContext) -> impl IntoView {
    let table = context.table;
    let total_row = table
        .computed_total()
        .map(|totals| total_row(context, totals));
    let published_total = table.published_total.as_ref().map(|row| {
        published_row(
            context,
            row,
            "DCMS published total (all DCMS-sponsored museums)",
            "published-total".into(),
        )
    });
    let sector = table.sector_row.as_ref().map(|row| {
        published_row(
            context,
            row,
            "All national museums (sector figure as published)",
            context.cells.dataset.museum(row.museum).id.clone(),
        )
    });
    view! { {total_row} {published_total} {sector} }
}

/// Why there is no recomputed total, or why the published one is not compared with it.
fn notes(table: &TableView) -> impl IntoView {
    let reason = table
        .totals
        .not_summed()
        .map(|reason| view! { <p class="no-total" id="no-total-reason">{reason.text()}</p> });
    let subset_note = table.published_total_not_compared().then(|| {
        view! {
            <p class="no-total">
                "DCMS's published total covers every DCMS-sponsored museum, so it is compared with the recomputed total only when all museums are selected."
            </p>
        }
    });
    view! {
        {reason}
        {subset_note}
    }
}

fn render(store: ViewStore, table: &TableView, compare: Option<FinancialYear>) -> AnyView {
    let dataset = store.dataset;
    let Some(&latest) = table.years.last() else {
        return view! { <p class="empty">"This metric has no figures."</p> }.into_any();
    };
    let metric = dataset.metric(table.metric);
    let mut bases = share_bases(dataset, table);
    let shares_of_all = bases
        .as_mut()
        .and_then(|b| b.all.as_mut())
        .map(|(_, everyone)| std::mem::take(everyone));
    let context = TableContext {
        cells: CellContext {
            dataset,
            unit: metric.unit,
            metric_id: metric.id.clone(),
        },
        table,
        year_slots: table.year_slots(dataset),
        extras: ExtraColumns::for_table(table, compare),
        ranked: standings(dataset, table),
        bases,
        shares_of_all,
    };
    let rows = in_slots(&table.row_slots(dataset), &table.museum_rows)
        .into_iter()
        .map(|row| row.map(|row| museum_row(&context, row)))
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="results-caption">
            <table class="results-table" id="results-table" data-metric=metric.id.clone()>
                <caption id="results-caption">{view_title(dataset, table)}</caption>
                <thead>{header_row(&context, latest)}</thead>
                <tbody>{rows}</tbody>
                <tfoot>{footer_rows(&context)}</tfoot>
            </table>
        </div>
        {notes(table)}
    }
    .into_any()
}

#[component]
pub fn ResultsTable(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    // Only the table and the base year are read, so a change of chart kind (or of anything
    // else the table does not show) leaves the table alone.
    let compare = Memo::new(move |_| store.state.with(|state| state.compare));
    // Below the chart the table is usually out of view: it then waits until the frame
    // showing the chart is drawn (about half of a change's rendering is the table's).
    let block = NodeRef::<Div>::new();
    let redraw = redraw_after_frame_while_hidden(block, store, move || {
        table.track();
        compare.track();
    });
    let draw = move || {
        redraw.track();
        render(store, &table.get_untracked(), compare.get_untracked())
    };
    view! { <div class="results-table-block" node_ref=block>{draw}</div> }
}
