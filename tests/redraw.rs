//! When a part of the page draws a change (`core::redraw`): at once while it may be seen,
//! once after the frame while it is off screen, and never left stale.
#![cfg(not(target_arch = "wasm32"))]

use museum_lending_explorer::core::redraw::{in_view, ChangeSource, DeferredRedraw, Redraw};

const PAGE: ChangeSource = ChangeSource::Page;

#[test]
fn a_part_not_yet_seen_draws_every_change_at_once() {
    let mut part = DeferredRedraw::default();
    assert_eq!(part.changed(PAGE), Redraw::Now);
    assert_eq!(part.changed(PAGE), Redraw::Now);
    assert!(!part.frame_drawn(), "nothing was left for after the frame");
}

#[test]
fn a_part_on_screen_draws_at_once() {
    let mut part = DeferredRedraw::default();
    part.seen(true);
    assert_eq!(part.changed(PAGE), Redraw::Now);
}

#[test]
fn changes_to_a_part_off_screen_wait_for_one_redraw_after_the_frame() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    assert_eq!(part.changed(PAGE), Redraw::AlreadyQueued);
    assert_eq!(part.changed(PAGE), Redraw::AlreadyQueued);
    assert!(part.frame_drawn(), "the waiting redraw is due");
    assert!(!part.frame_drawn(), "and done once");
    assert_eq!(
        part.changed(PAGE),
        Redraw::AfterFrame,
        "the next change waits again"
    );
}

#[test]
fn a_part_scrolled_into_view_while_a_redraw_waits_draws_at_once_and_the_wait_is_dropped() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    part.seen(true);
    assert_eq!(part.changed(PAGE), Redraw::Now);
    assert!(
        !part.frame_drawn(),
        "the redraw drawn at once already showed the latest change"
    );
}

#[test]
fn a_part_scrolled_out_of_view_waits_from_its_next_change() {
    let mut part = DeferredRedraw::default();
    part.seen(true);
    assert_eq!(part.changed(PAGE), Redraw::Now);
    part.seen(false);
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    assert!(part.frame_drawn());
}

#[test]
fn a_redraw_waiting_while_the_part_scrolls_into_view_is_still_done_after_the_frame() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    part.seen(true);
    assert!(
        part.frame_drawn(),
        "no change came since: the waiting redraw is the only one that shows the last"
    );
}

#[test]
fn back_or_forward_draws_at_once_wherever_the_part_was() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(ChangeSource::History), Redraw::Now);
    assert!(!part.frame_drawn(), "nothing was left for after the frame");
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    assert_eq!(
        part.changed(ChangeSource::History),
        Redraw::Now,
        "drawn at once, with what is current"
    );
    assert!(!part.frame_drawn(), "so the waiting redraw is dropped");
}

#[test]
fn a_change_that_brings_the_part_into_view_draws_it_in_its_own_frame() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    assert_eq!(part.frame_due(true), Some(Redraw::Now));
    assert!(
        !part.frame_drawn(),
        "drawn in the frame: nothing left for after it"
    );
    assert_eq!(
        part.changed(PAGE),
        Redraw::Now,
        "and it counts as on screen from then on"
    );
}

#[test]
fn a_part_still_off_screen_as_the_frame_is_drawn_waits_for_after_it() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.changed(PAGE), Redraw::AfterFrame);
    assert_eq!(part.frame_due(false), Some(Redraw::AfterFrame));
    assert!(part.frame_drawn(), "the waiting redraw is still due");
}

#[test]
fn a_frame_with_no_redraw_waiting_draws_nothing() {
    let mut part = DeferredRedraw::default();
    part.seen(false);
    assert_eq!(part.frame_due(true), None);
    assert_eq!(part.frame_due(false), None);
}

#[test]
fn a_part_is_in_view_when_any_of_it_is_between_the_top_and_the_bottom_of_the_window() {
    let window_height = 900.0;
    assert!(in_view(0.0, 400.0, window_height));
    assert!(
        in_view(-300.0, 1.0, window_height),
        "its last pixel row shows"
    );
    assert!(
        in_view(899.0, 1500.0, window_height),
        "its first pixel row shows"
    );
    assert!(
        !in_view(900.0, 1500.0, window_height),
        "just below the window"
    );
    assert!(!in_view(-400.0, 0.0, window_height), "just above it");
}
