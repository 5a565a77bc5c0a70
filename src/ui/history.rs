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

/// Adds the history entry for `query` once the frame showing the new view is drawn.
/// Chromium's pushState costs a change about 4 ms of the frame's time (measured with
/// bench/run.mjs), and the reader looks at the view, not the address bar, in that frame.
/// Changes made before it runs are pushed in the order they were made.
pub fn push_query_after_frame(query: String) {
    request_animation_frame(move || {
        // A task queued from requestAnimationFrame runs after that frame is rendered.
        set_timeout(move || push_query(&query), std::time::Duration::ZERO);
    });
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
