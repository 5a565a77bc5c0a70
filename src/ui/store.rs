//! The view state shared by the components, kept in step with the URL.

use crate::core::model::Dataset;
use crate::core::query::TableView;
use crate::core::url_state::{parse_query, to_query};
use crate::core::view_state::{ChartKind, ViewState};
use crate::ui::history;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ViewStore {
    pub dataset: &'static Dataset,
    pub state: RwSignal<ViewState>,
    /// What the last URL read had to drop or correct; `Notice::text` words it.
    pub notices: RwSignal<Vec<crate::core::notice::Notice>>,
}

impl ViewStore {
    /// A store holding the view that `query` describes.
    pub fn from_query(dataset: &'static Dataset, query: &str) -> ViewStore {
        let parsed = parse_query(dataset, query);
        ViewStore {
            dataset,
            state: RwSignal::new(parsed.state),
            notices: RwSignal::new(parsed.notices),
        }
    }

    /// Shows another view and records it as a new history entry.
    pub fn navigate(&self, next: ViewState) {
        if next == self.state.get_untracked() {
            return;
        }
        history::push_query(&to_query(self.dataset, &next));
        self.notices.set(Vec::new());
        self.state.set(next);
    }

    /// Applies one control's change to the current view and navigates to the result:
    /// every handler is `store.update(|state| state.with_…(…))`, the rule itself in core.
    pub fn update(&self, change: impl FnOnce(&ViewState) -> ViewState) {
        self.navigate(change(&self.state.get_untracked()));
    }

    /// Rewrites an old or alias form of the link (no `v`, museum names, `2019/20`) to its
    /// canonical form, without a new history entry.
    pub fn canonicalise_address_bar(&self) {
        let canonical = to_query(self.dataset, &self.state.get_untracked());
        if canonical != history::current_query() {
            history::replace_query(&canonical);
        }
    }

    /// The shareable address of the current view; `embed` chooses the iframe form.
    pub fn permalink(&self, embed: bool) -> String {
        let mut state = self.state.get_untracked();
        state.embed = embed;
        history::permalink(&to_query(self.dataset, &state))
    }

    /// The chart the view draws (`view=` resolved against the years shown); reactive.
    pub fn drawn_chart(&self, table: Memo<TableView>) -> ChartKind {
        self.state.get().chart.resolve(table.get().years.len())
    }

    /// Re-reads the address bar (after back/forward) without adding a history entry.
    pub fn follow_address_bar(&self) {
        let parsed = parse_query(self.dataset, &history::current_query());
        self.notices.set(parsed.notices);
        self.state.set(parsed.state);
    }
}
