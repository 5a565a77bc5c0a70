//! A part of the page that draws a change at once while the reader can see it, and one
//! task after the frame while it is off screen (`core::redraw` says which, and why).

use crate::core::redraw::{DeferredRedraw, Redraw};
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
/// at once while `target` is on screen (or its place is not known yet), else once, one
/// task after the next frame. The part's view tracks the trigger and reads its data
/// untracked, so it draws what is current whenever it is told to.
pub fn redraw_when_seen(target: NodeRef<Div>, watch: impl Fn() + 'static) -> Trigger {
    let redraw = Trigger::new();
    let state = SharedState::default();
    watch_visibility(target, state.clone());
    Effect::new(move |ran_before: Option<()>| {
        watch();
        // The first run only starts the tracking: the view draws itself the first time.
        if ran_before.is_none() {
            return;
        }
        match update(&state, DeferredRedraw::changed) {
            Redraw::Now => redraw.notify(),
            Redraw::AfterFrame => redraw_after_frame(state.clone(), redraw),
            Redraw::AlreadyQueued => {}
        }
    });
    redraw
}

fn redraw_after_frame(state: SharedState, redraw: Trigger) {
    request_animation_frame(move || {
        // A task queued from requestAnimationFrame runs after that frame is rendered.
        let due = move || {
            if update(&state, DeferredRedraw::frame_drawn) {
                redraw.notify();
            }
        };
        set_timeout(due, std::time::Duration::ZERO);
    });
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
