//! A part of the page that draws a change at once while the reader can see it, and one
//! task after the frame while it is off screen (`core::redraw` says which, and why).

use crate::core::redraw::{in_view, DeferredRedraw, Redraw};
use crate::ui::store::ViewStore;
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

/// The part's state, shared by the change effect, the frame callback and the observer.
type SharedState = Rc<Cell<DeferredRedraw>>;

fn update<R>(state: &SharedState, change: impl FnOnce(&mut DeferredRedraw) -> R) -> R {
    let mut now = state.get();
    let result = change(&mut now);
    state.set(now);
    result
}

/// A trigger for the part drawn inside `target`, notified when what `watch` reads changes:
/// at once while `target` is on screen (or its place is not known yet, or the change is
/// back/forward), else once, one task after the next frame, whether or not the part is
/// seen by then. The part's view tracks the trigger and reads its data untracked, so it
/// draws what is current whenever it is told to.
pub fn redraw_after_frame_while_hidden(
    target: NodeRef<Div>,
    store: ViewStore,
    watch: impl Fn() + 'static,
) -> Trigger {
    let redraw = Trigger::new();
    let state = SharedState::default();
    watch_visibility(target, state.clone());
    // A render effect's first run is now, as the view first reads the data: a change made
    // before an ordinary effect's first run (the next tick) would go undrawn.
    let tracker = RenderEffect::new(move |ran_before: Option<()>| {
        watch();
        // The first run only starts the tracking: the view draws itself the first time.
        if ran_before.is_none() {
            return;
        }
        let source = store.change_source.get_value();
        match update(&state, |part| part.changed(source)) {
            Redraw::Now => redraw.notify(),
            Redraw::AfterFrame => redraw_after_frame(target, state.clone(), redraw),
            Redraw::AlreadyQueued => {}
        }
    });
    // A render effect stops once dropped: kept for as long as the part is mounted.
    StoredValue::new_local(tracker);
    redraw
}

fn redraw_after_frame(target: NodeRef<Div>, state: SharedState, redraw: Trigger) {
    request_animation_frame(move || {
        // Where the part is as this frame will show it (the layout this forces is the one
        // the frame needs anyway): the change may have brought it into view.
        let on_screen = target.get_untracked().is_none_or(|part| shows(&part));
        match update(&state, |part| part.frame_due(on_screen)) {
            Some(Redraw::Now) => redraw.notify(),
            Some(_) => {
                // A task queued from requestAnimationFrame runs after that frame is rendered.
                let due = move || {
                    if update(&state, DeferredRedraw::frame_drawn) {
                        redraw.notify();
                    }
                };
                set_timeout(due, std::time::Duration::ZERO);
            }
            None => {}
        }
    });
}

/// Whether `part` shows in the window now.
fn shows(part: &web_sys::HtmlDivElement) -> bool {
    let place = part.get_bounding_client_rect();
    let height = window().inner_height().ok().and_then(|h| h.as_f64());
    height.is_none_or(|height| in_view(place.top(), place.bottom(), height))
}

/// Keeps `state` told whether `target` is on screen, for as long as the part is mounted.
/// Where the browser has no IntersectionObserver the part stays "on screen": drawn at once.
fn watch_visibility(target: NodeRef<Div>, state: SharedState) {
    let watcher = StoredValue::new_local(None::<IntersectionObserver>);
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        let state = state.clone();
        let report = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // Reports come oldest first: the last says where the part is now.
            if let Some(entry) = entries.iter().last() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                update(&state, |part| part.seen(entry.is_intersecting()));
            }
        });
        // Handed to JS: freed with the observer once it is disconnected.
        let report = report.into_js_value();
        if let Ok(observer) = IntersectionObserver::new(report.unchecked_ref()) {
            observer.observe(&element);
            if let Some(Some(old)) = watcher.try_update_value(|slot| slot.replace(observer)) {
                old.disconnect();
            }
        }
    });
    on_cleanup(move || {
        watcher.with_value(|observer| {
            if let Some(observer) = observer {
                observer.disconnect();
            }
        })
    });
}
