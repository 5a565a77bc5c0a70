//! The view state shared by the components, kept in step with the URL.

use crate::core::export::tab_title;
use crate::core::model::Dataset;
use crate::core::query::TableView;
use crate::core::redraw::ChangeSource;
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
    /// Where the last change came from: parts drawn after the frame draw back/forward at
    /// once (`core::redraw`). Read untracked, by the effects the change itself runs.
    pub change_source: StoredValue<ChangeSource>,
}

impl ViewStore {
    /// A store holding the view that `query` describes.
    pub fn from_query(dataset: &'static Dataset, query: &str) -> ViewStore {
        let parsed = parse_query(dataset, query);
        ViewStore {
            dataset,
            state: RwSignal::new(parsed.state),
            notices: RwSignal::new(parsed.notices),
            change_source: StoredValue::new(ChangeSource::Page),
        }
    }

    /// Shows another view and records it as a new history entry.
    pub fn navigate(&self, next: ViewState) {
        let current = self.state.get_untracked();
        if next == current {
            return;
        }
        let other_page = next.page != current.page || next.embed != current.embed;
        history::push_after_frame(
            to_query(self.dataset, &next),
            tab_title(self.dataset, &next),
        );
        self.notices.set(Vec::new());
        self.change_source.set_value(ChangeSource::Page);
        self.state.set(next);
        if other_page {
            arrive_at_top();
        }
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
        history::set_tab_title(&tab_title(self.dataset, &parsed.state));
        self.notices.set(parsed.notices);
        self.change_source.set_value(ChangeSource::History);
        self.state.set(parsed.state);
    }

    /// Names the tab after the view shown (navigation renames it with its history entry).
    pub fn show_tab_title(&self) {
        history::set_tab_title(&tab_title(self.dataset, &self.state.get_untracked()));
    }
}

/// After a move to another page: back to the top, and the focus on the new page's summary
/// or heading (once it is drawn), so neither the eye nor a screen reader is left at the
/// old page's scroll position.
fn arrive_at_top() {
    request_animation_frame(|| {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        focus_first(&["#view-summary", "main h2", "main h1"]);
    });
}

/// Focuses the first element matching one of `selectors`, making it focusable by script
/// (`tabindex="-1"`) when it is not a control, and scrolls it into view.
pub fn focus_first(selectors: &[&str]) {
    use leptos::wasm_bindgen::JsCast;
    let found = selectors
        .iter()
        .find_map(|selector| document().query_selector(selector).ok().flatten());
    let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    if element.get_attribute("tabindex").is_none() {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let _ = element.focus();
}
