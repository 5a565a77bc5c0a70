//! The browser's address bar: the only place the view state is kept between visits.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The current query string, with its leading `?` (empty when there is none).
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Adds a history entry for `query` at the current path, so back and forward work and the
/// app keeps working under a base path such as `/repo/`.
fn push_query(query: &str) {
    let path = window().location().pathname().unwrap_or_default();
    if let Ok(history) = window().history() {
        // A refused pushState (e.g. a sandboxed iframe) leaves the view working, only unlinked.
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
    }
}

/// Adds the history entry for `query` and then names the tab `title`, once the frame
/// showing the new view is drawn: the reader looks at the view, not the address bar, in
/// that frame, and Chromium's pushState costs it about 4 ms, the title about 1 ms (CPU
/// profiles from bench/profile.mjs). In this order the entry left behind keeps its own
/// view's title. Changes made before it runs are pushed in the order they were made.
pub fn push_after_frame(query: String, title: String) {
    request_animation_frame(move || {
        // A task queued from requestAnimationFrame runs after that frame is rendered.
        let push = move || {
            push_query(&query);
            set_tab_title(&title);
        };
        set_timeout(push, std::time::Duration::ZERO);
    });
}

/// Names the browser tab (and the current history entry).
pub fn set_tab_title(title: &str) {
    document().set_title(title);
}

/// Replaces the current history entry's query (an upgraded link is the same view, so it
/// gets no entry of its own).
pub fn replace_query(query: &str) {
    let path = window().location().pathname().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
    }
}

/// The absolute address of `query` at the current page (for sharing and citing).
pub fn permalink(query: &str) -> String {
    let location = window().location();
    format!(
        "{}{}{query}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}
