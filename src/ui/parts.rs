//! Reactive parts of a page with one shared instantiation each. Every closure type given to
//! Leptos as a reactive view, and every `<Show>`, adds its own copy of Leptos's reactive-view
//! code to the Wasm (kilobytes each); boxing them to one type keeps one copy.

use leptos::prelude::*;

/// A part of the page redrawn when what it reads changes.
pub type Part = Box<dyn FnMut() -> AnyView + Send>;

/// Boxes `draw` as a [`Part`].
pub fn part(draw: impl FnMut() -> AnyView + Send + 'static) -> Part {
    Box::new(draw)
}

/// `draw` while `condition` holds, nothing otherwise; redrawn only when the condition
/// changes (what is inside updates itself), as `<Show>` does.
pub fn shown_while(
    condition: Box<dyn Fn() -> bool + Send + Sync>,
    draw: Box<dyn Fn() -> AnyView + Send>,
) -> Part {
    let condition = Memo::new(move |_| condition());
    part(move || condition.get().then(&draw).into_any())
}
