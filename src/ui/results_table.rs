//! The results table: rows museums, columns years, the recomputed total and the published
//! rows below, with GOV.UK conventions (caption, scoped headers, right-aligned figures,
//! words instead of blanks, visible markers). The change, share and rank columns sit right
//! after the museum's name, where a reader looks first; the header row and the name column
//! stay in view while the years scroll.
//!
//! A change of view updates the table in place: rows are keyed by what they show and cells
//! by their year (`core::table_rows`), and each cell is redrawn only when its own figure,
//! markers or metric change, so a new first year removes one cell per row instead of
//! shifting every figure along.

use crate::core::analysis::{
    museum_change, published_row_change, share_bases, share_words, standings, total_change,
    ChangeCell, CompareYears, ExtraColumns, ShareBases, Standing, StandingCells,
    ACROSS_BREAK_WORDS,
};
use crate::core::export::view_title;
use crate::core::format::{cell_text, format_value};
use crate::core::markers::{markers_in, Marker};
use crate::core::model::{Dataset, Fact, Unit};
use crate::core::query::{breaks_before, TableView};
use crate::core::table_rows::{KeyedCell, KeyedTotal, RowKey};
use crate::core::year::FinancialYear;
use crate::ui::marker_link::{linked_markers, marker_view, MarkerPlace};
use crate::ui::parts::{part, shown_while};
use crate::ui::store::ViewStore;
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

/// What every row of one rendering shares: the table, the chosen base year and what is
/// derived from both (the extra columns, the standings of the last year and, when only some
/// museums are shown, every museum's).
struct TableModel {
    dataset: &'static Dataset,
    table: TableView,
    compare: Option<FinancialYear>,
    extras: ExtraColumns,
    ranked: Vec<Standing>,
    bases: Option<ShareBases>,
    shares_of_all: Option<Vec<Standing>>,
}

impl TableModel {
    fn new(
        dataset: &'static Dataset,
        table: TableView,
        compare: Option<FinancialYear>,
    ) -> TableModel {
        let mut bases = share_bases(dataset, &table);
        let shares_of_all = bases
            .as_mut()
            .and_then(|b| b.all.as_mut())
            .map(|(_, everyone)| std::mem::take(everyone));
        TableModel {
            dataset,
            extras: ExtraColumns::for_table(&table, compare),
            ranked: standings(dataset, &table),
            bases,
            shares_of_all,
            table,
            compare,
        }
    }

    /// Everything else is derived from these two.
    fn changed(old: Option<&TableModel>, new: Option<&TableModel>) -> bool {
        old.map(|m| (&m.table, m.compare)) != new.map(|m| (&m.table, m.compare))
    }

    fn unit(&self) -> Unit {
        self.dataset.metric(self.table.metric).unit
    }

    fn metric_id(&self) -> String {
        self.dataset.metric(self.table.metric).id.clone()
    }

    fn latest(&self) -> Option<FinancialYear> {
        self.table.years.last().copied()
    }
}

/// Where a cell of this table is, for the links of its markers.
fn place(metric: u16, museum: Option<u16>, year: FinancialYear) -> MarkerPlace {
    MarkerPlace {
        metric,
        museum,
        year,
    }
}

/// `data-museum` of a published row's cells: the museum's id, or `published-total`.
fn row_key_text(dataset: &Dataset, key: RowKey, row_museum: u16) -> String {
    match key {
        RowKey::PublishedTotal => "published-total".into(),
        RowKey::Museum(_) | RowKey::Sector => dataset.museum(row_museum).id.clone(),
    }
}

fn value_cell(dataset: &'static Dataset, key: RowKey, keyed: KeyedCell) -> impl IntoView {
    let KeyedCell {
        row_museum,
        metric,
        cell,
    } = keyed;
    let metric_entry = dataset.metric(metric);
    let row_key = row_key_text(dataset, key, row_museum);
    let markers_place = place(metric, dataset.museum_by_id(&row_key), cell.year);
    view! {
        <td
            class="num"
            class:missing=cell.value().is_none()
            class:break-before=breaks_before(dataset, cell.flags())
            data-museum=row_key
            data-year=cell.year.slug()
            data-metric=metric_entry.id.clone()
            data-value=cell.value().map(|v| v.to_string()).unwrap_or_default()
            title=cell_tooltip(dataset, cell.fact)
        >
            <span class="figure">{cell_text(cell.fact, metric_entry.unit)}</span>
            {linked_markers(dataset, cell.flags(), markers_place)}
        </td>
    }
}

fn total_cell(dataset: &'static Dataset, keyed: KeyedTotal) -> impl IntoView {
    let KeyedTotal { metric, total } = keyed;
    let metric_entry = dataset.metric(metric);
    let unit = metric_entry.unit;
    let text = total
        .value
        .map(|v| format_value(v, unit))
        .unwrap_or_else(|| "no museum reported".into());
    let comparison = total.published_differs().map(|c| {
        view! {
            <span class="differs" title=c.differs_sentence(unit)>
                {marker_view(dataset, Marker::TOTAL_DIFFERS, place(metric, None, total.year))}
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
            data-metric=metric_entry.id.clone()
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

/// Which line of the table a keyed cell belongs to.
#[derive(Clone, Copy)]
enum Line {
    Heading,
    Row(RowKey),
    Total,
}

/// What one keyed cell shows: all a redraw needs, compared to skip the ones unchanged.
#[derive(Clone, PartialEq)]
enum Shown {
    Heading { year: FinancialYear, covid: bool },
    Value(RowKey, KeyedCell),
    Total(KeyedTotal),
}

impl Line {
    /// This line's cell in `year`, if the view shows both.
    fn find(self, dataset: &Dataset, table: &TableView, year: FinancialYear) -> Option<Shown> {
        match self {
            Line::Heading => {
                covid_column(table, year, dataset).map(|covid| Shown::Heading { year, covid })
            }
            Line::Row(key) => table
                .keyed_cell(key, year)
                .map(|cell| Shown::Value(key, cell)),
            Line::Total => table.keyed_total(year).map(Shown::Total),
        }
    }
}

fn draw(dataset: &'static Dataset, shown: Shown) -> impl IntoView {
    use leptos::either::EitherOf3;
    match shown {
        Shown::Heading { year, covid } => EitherOf3::A(year_header(year, covid)),
        Shown::Value(key, cell) => EitherOf3::B(value_cell(dataset, key, cell)),
        Shown::Total(total) => EitherOf3::C(total_cell(dataset, total)),
    }
}

/// A keyed list drawn once per key and then left to update itself. One instantiation of
/// `For` for the whole table (rows and cells alike), since each costs Wasm bytes.
fn keyed_list(
    each: Box<dyn Fn() -> Vec<u16> + Send>,
    child: std::sync::Arc<dyn Fn(u16) -> AnyView + Send + Sync>,
) -> AnyView {
    view! { <For each=each key=|key| *key children=move |key| child(key) /> }.into_any()
}

/// One keyed cell. While its row or year is on its way out of the view it keeps its last
/// contents, so it is removed rather than first redrawn empty.
fn keyed_cell(model: Memo<TableModel>, line: Line, year: FinancialYear) -> AnyView {
    let dataset = model.with_untracked(|m| m.dataset);
    let shown = Memo::new(move |previous: Option<&Option<Shown>>| {
        model
            .with(|m| line.find(dataset, &m.table, year))
            .or_else(|| previous.cloned().flatten())
    });
    (move || shown.get().map(|shown| draw(dataset, shown))).into_any()
}

/// The year columns of one line, keyed by year: a cell is redrawn only when what it shows
/// changes, and a year entering or leaving the view adds or removes just its cell.
fn year_cells(model: Memo<TableModel>, line: Line) -> AnyView {
    keyed_list(
        Box::new(move || model.with(|m| m.table.years.iter().map(|y| y.0).collect())),
        std::sync::Arc::new(move |year| keyed_cell(model, line, FinancialYear(year))),
    )
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
fn standing_cells(model: &TableModel, museum: u16) -> impl IntoView {
    let extras = model.extras;
    let standing = model.ranked.iter().find(|s| s.museum == museum);
    let cells = StandingCells::new(standing);
    let share = extras.share.then(|| {
        view! {
            <td class="num share" data-share=cells.data_share.clone() data-share-pct=cells.data_share>
                {cells.share_text}
            </td>
        }
    });
    let share_of_all = model.shares_of_all.as_ref().map(|everyone| {
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

/// A year's column heading, with the Covid marker when a figure in it carries the caution.
fn year_header(year: FinancialYear, is_covid: bool) -> impl IntoView {
    view! {
        <th scope="col" class="num" class:covid=is_covid data-year=year.slug()>
            {year.label()}
            {is_covid.then(|| marker_abbr(Marker::COVID))}
        </th>
    }
}

fn extra_headers(model: &TableModel) -> impl IntoView {
    let extras = model.extras;
    let latest = model.latest();
    let heading = |text: String| view! { <th scope="col" class="num extra">{text}</th> };
    let bases = model.bases.as_ref();
    view! {
        {extras.compare.map(|compare| heading(compare.heading()))}
        {bases.filter(|_| extras.share).zip(latest).map(|(b, latest)| heading(b.shown.heading(latest)))}
        {bases.and_then(|b| b.all.as_ref()).zip(latest).map(|((of_all, _), latest)| heading(of_all.heading(latest)))}
        {extras.standings.then(|| latest.map(|latest| heading(ExtraColumns::rank_heading(latest))))}
    }
}

/// Whether a year's column carries the Covid caution (its heading's marker).
fn covid_column(table: &TableView, year: FinancialYear, dataset: &Dataset) -> Option<bool> {
    let column = table.years.iter().position(|y| *y == year)?;
    table.covid_columns(dataset).get(column).copied()
}

/// A museum's change, share and rank cells.
fn museum_extras(model: &TableModel, museum: u16) -> impl IntoView {
    let dataset = model.dataset;
    let change = model.extras.compare.map(|CompareYears { base, latest }| {
        let change = museum_change(dataset, model.table.metric, museum, base, latest);
        change_cell(
            ChangeCell::new(&change, model.unit()),
            dataset.museum(museum).id.clone(),
            None,
        )
    });
    view! {
        {change}
        {standing_cells(model, museum)}
    }
}

/// The total's change cell, with a note when the two years' totals add up different museums.
fn total_change_cell(model: &TableModel, compare: CompareYears) -> Option<impl IntoView> {
    let total = total_change(model.dataset, &model.table, compare.base, compare.latest)?;
    let note = total.coverage_note();
    Some(change_cell(
        ChangeCell::new(&total.change, model.unit()),
        "total".into(),
        note,
    ))
}

/// The total row's change and share cells, and the filler under the rank.
fn total_extras(model: &TableModel) -> impl IntoView {
    let extras = model.extras;
    let change = extras
        .compare
        .and_then(|compare| total_change_cell(model, compare));
    let share = extras
        .share
        .then(|| view! { <td class="num share">"100%"</td> });
    let rest = extras.after_change() - usize::from(extras.share);
    view! {
        {change}
        {share}
        {filler(rest, "the total is not ranked")}
    }
}

/// A published row's change cell and the filler under share and rank.
fn published_extras(model: &TableModel, key: RowKey) -> impl IntoView {
    // The change is computed like any museum's (so it matches the headlines page); only
    // share and rank do not apply to a published total.
    let row = model.table.row(key);
    let change = model
        .extras
        .compare
        .zip(row)
        .map(|(CompareYears { base, latest }, row)| {
            let published =
                published_row_change(model.dataset, model.table.metric, row.museum, base, latest);
            change_cell(
                ChangeCell::new(&published.change, model.unit()),
                row_key_text(model.dataset, key, row.museum),
                published.scope_note,
            )
        });
    view! {
        {change}
        {filler(model.extras.after_change(), "published figure, not recomputed")}
    }
}

/// The cells beside a line's name: headings, a museum's change, share and rank, the
/// total's change and share, or a published row's change.
fn line_extras(model: &TableModel, line: Line) -> impl IntoView {
    use leptos::either::EitherOf4;
    match line {
        Line::Heading => EitherOf4::A(extra_headers(model)),
        Line::Row(RowKey::Museum(museum)) => EitherOf4::B(museum_extras(model, museum)),
        // The change is computed like any museum's (so it matches the headlines page);
        // only share and rank do not apply to a published total.
        Line::Row(key) => EitherOf4::C(published_extras(model, key)),
        Line::Total => EitherOf4::D(total_extras(model)),
    }
}

/// One line of the table: the header row, a museum, the recomputed total or a row as
/// published (DCMS's total or the sector figure, never recomputed). One view for all four,
/// so the Wasm holds its code once.
fn line_row(model: Memo<TableModel>, line: Line) -> AnyView {
    let name = match line {
        Line::Heading => "Museum".to_string(),
        Line::Row(RowKey::Museum(museum)) => {
            model.with_untracked(|m| m.dataset.museum(museum).name.clone())
        }
        Line::Row(RowKey::PublishedTotal) => {
            "DCMS published total (all DCMS-sponsored museums)".into()
        }
        Line::Row(RowKey::Sector) => "All national museums (sector figure as published)".into(),
        Line::Total => "Total of the museums above (recomputed)".into(),
    };
    let (class, scope) = match line {
        Line::Heading => (None, "col"),
        Line::Row(RowKey::Museum(_)) => (Some("museum-row"), "row"),
        Line::Row(_) => (Some("published-row"), "row"),
        Line::Total => (Some("total-row"), "row"),
    };
    view! {
        <tr class=class>
            <th scope=scope class="name-col">{name}</th>
            {part(move || model.with(|m| line_extras(m, line).into_any()))}
            {year_cells(model, line)}
        </tr>
    }
    .into_any()
}

fn footer_rows(model: Memo<TableModel>) -> impl IntoView {
    let has = move |key: Option<RowKey>| -> Box<dyn Fn() -> bool + Send + Sync> {
        Box::new(move || {
            model.with(|m| match key {
                None => m.table.computed_total().is_some(),
                Some(key) => m.table.row(key).is_some(),
            })
        })
    };
    let line =
        |line: Line| -> Box<dyn Fn() -> AnyView + Send> { Box::new(move || line_row(model, line)) };
    view! {
        {shown_while(has(None), line(Line::Total))}
        {shown_while(has(Some(RowKey::PublishedTotal)), line(Line::Row(RowKey::PublishedTotal)))}
        {shown_while(has(Some(RowKey::Sector)), line(Line::Row(RowKey::Sector)))}
    }
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

/// The table itself: caption, header row, museum rows keyed by museum, footer rows.
fn table_view(model: Memo<TableModel>) -> impl IntoView {
    let dataset = model.with_untracked(|m| m.dataset);
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="results-caption">
            <table class="results-table" id="results-table" data-metric=move || model.with(TableModel::metric_id)>
                <caption id="results-caption">{part(move || model.with(|m| view_title(dataset, &m.table)).into_any())}</caption>
                <thead>{line_row(model, Line::Heading)}</thead>
                <tbody>
                    {keyed_list(
                        Box::new(move || model.with(|m| m.table.museum_rows.iter().map(|row| row.museum).collect())),
                        std::sync::Arc::new(move |museum| line_row(model, Line::Row(RowKey::Museum(museum)))),
                    )}
                </tbody>
                <tfoot>{footer_rows(model)}</tfoot>
            </table>
        </div>
    }
}

#[component]
pub fn ResultsTable(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    // Only the table and the base year matter here: the model compares just those, so a
    // change of chart kind (or of anything else the table does not show) stops here.
    let model = Memo::new_with_compare(
        move |_| {
            let compare = store.state.with(|state| state.compare);
            TableModel::new(dataset, table.get(), compare)
        },
        TableModel::changed,
    );
    let has_years = move || model.with(|m| !m.table.years.is_empty());
    let no_years = move || !has_years();
    let empty = || view! { <p class="empty">"This metric has no figures."</p> }.into_any();
    view! {
        <div class="results-table-block">
            {shown_while(Box::new(has_years), Box::new(move || table_view(model).into_any()))}
            {part(move || model.with(|m| (!m.table.years.is_empty()).then(|| notes(&m.table)).into_any()))}
            {shown_while(Box::new(no_years), Box::new(empty))}
        </div>
    }
}
