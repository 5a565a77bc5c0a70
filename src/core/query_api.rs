//! The engine from the browser console: `explorer.query("?metric=…&museums=…")` answers with
//! the same object as the view's JSON download. This module is the answer; `ui::js_api` only
//! puts it on `window` and turns it into a JavaScript object.
//!
//! The argument is read exactly like the address bar (a query string, with or without the
//! leading `?`, or a whole permalink), so whatever the page would drop from a link is
//! dropped here too, and said in [`QueryAnswer::notices`].

use super::export::{attribution, export_view, json_document, view_title, ExportCell, ExportMeta};
use super::model::Dataset;
use super::query::{build_table, TableView};
use super::url_state::{parse_query, to_query};
use super::view_state::{Page, ViewState};
use serde::Serialize;

/// What every download says made it.
pub const GENERATED_BY: &str = "UK national museums: lending and partnerships explorer";

/// What goes with every download of the view `table` shows, found at `permalink`.
pub fn export_meta(
    dataset: &Dataset,
    table: &TableView,
    permalink: String,
    data_version: String,
) -> ExportMeta {
    ExportMeta {
        title: view_title(dataset, table),
        permalink,
        data_version,
        attribution: attribution(dataset, table),
        generated_by: GENERATED_BY.into(),
    }
}

/// One answer of `explorer.query`: the view the query describes, its cells as the JSON
/// download has them, and what of the query could not be used.
#[derive(Debug, Clone)]
pub struct QueryAnswer {
    pub state: ViewState,
    pub table: TableView,
    pub cells: Vec<ExportCell>,
    pub meta: ExportMeta,
    /// What of the query was dropped or corrected, in the reader's words (as the page
    /// says it above a link's view).
    pub notices: Vec<String>,
}

/// Said when the query names another page or the embed view.
pub const EXPLORER_ONLY: &str =
    "This answers with the explorer's view; the page and embed settings were ignored.";

/// The query string of `text`: what follows the first `?` of a permalink, else all of it.
fn query_part(text: &str) -> &str {
    text.split_once('?').map_or(text, |(_, query)| query)
}

/// The explorer view `query` describes, as the page at `page_address` (origin and path,
/// for the permalink) would show it; the quality pages' and embed parameters are ignored
/// (their own downloads have another shape), and noted like anything else left out.
pub fn answer(
    dataset: &Dataset,
    page_address: &str,
    query: &str,
    data_version: String,
) -> QueryAnswer {
    let parsed = parse_query(dataset, query_part(query));
    let mut notices: Vec<String> = parsed.notices.iter().map(|n| n.text(dataset)).collect();
    if parsed.state.page != Page::Explorer || parsed.state.embed {
        notices.push(EXPLORER_ONLY.into());
    }
    let state = ViewState {
        page: Page::Explorer,
        embed: false,
        ..parsed.state
    };
    let table = build_table(dataset, &state);
    let cells = export_view(dataset, &table, state.compare);
    let permalink = format!("{page_address}{}", to_query(dataset, &state));
    let meta = export_meta(dataset, &table, permalink, data_version);
    QueryAnswer {
        state,
        table,
        cells,
        meta,
        notices,
    }
}

impl QueryAnswer {
    /// The object the JSON download holds for this view.
    pub fn document<'a>(&'a self, dataset: &'a Dataset) -> impl Serialize + 'a {
        json_document(dataset, &self.table, &self.cells, &self.meta)
    }
}
