//! When a part of the page draws a change (`core::redraw`): at once while it may be seen,
//! once after the frame while it is off screen, and never left stale.
#![cfg(not(target_arch = "wasm32"))]

use museum_lending_explorer::core::redraw::{DeferredRedraw, Redraw};

#[test]
fn a_part_not_yet_seen_draws_every_change_at_once() {
    let mut part = DeferredRedraw::default();
    assert_eq!(part.changed(), Redraw::Now);
    assert_eq!(part.changed(), Redraw::Now);
    assert!(!part.frame_drawn(), "nothing was left for after the frame");
}

#[test]
fn a_part_on_screen_draws_at_once() {
    let mut part = DeferredRedraw::default();
    part.seen(true);
    assert_eq!(part.changed(), Redraw::Now);
}

#[test]
fn changes_to_a_part_off_screen_wait_for_one_redraw_after_the_frame() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(), Redraw::AfterFrame);
    assert_eq!(part.changed(), Redraw::AlreadyQueued);
    assert_eq!(part.changed(), Redraw::AlreadyQueued);
    assert!(part.frame_drawn(), "the waiting redraw is due");
    assert!(!part.frame_drawn(), "and done once");
    assert_eq!(
        part.changed(),
        Redraw::AfterFrame,
        "the next change waits again"
    );
}

#[test]
fn a_part_scrolled_into_view_while_a_redraw_waits_draws_at_once_and_the_wait_is_dropped() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(), Redraw::AfterFrame);
    part.seen(true);
    assert_eq!(part.changed(), Redraw::Now);
    assert!(
        !part.frame_drawn(),
        "the redraw drawn at once already showed the latest change"
    );
}

#[test]
fn a_part_scrolled_out_of_view_waits_from_its_next_change() {
    let mut part = DeferredRedraw::default();
    part.seen(true);
    assert_eq!(part.changed(), Redraw::Now);
    part.seen(false);
    assert_eq!(part.changed(), Redraw::AfterFrame);
    assert!(part.frame_drawn());
}
