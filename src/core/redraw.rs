//! When a part of the page draws a change: at once while the reader can see it, or once the
//! frame showing the rest of the change is drawn while it is off screen.
//!
//! The results table is the page's largest part: on the build machine laying it out again
//! takes about half of a museum or year change's frame, and it usually sits below the
//! chart, out of view; with the controls panel open, the chart is below the fold too. Drawn
//! one task after the frame, such a part is up to date one frame after the rest of the
//! change, and the frame the reader sees is drawn sooner (README "Performance").
//!
//! A part whose place is not yet known counts as on screen, so nothing is ever left stale.
//! Where the part was says nothing of where it will be after back or forward (the browser
//! restores the scroll position of the entry it returns to), so those draw at once. A
//! change that moves a part into view itself (a shorter chart above it) is caught just
//! before its frame is drawn, with the part at its new place ([`DeferredRedraw::frame_due`]):
//! the part is then drawn in that frame, never shown stale.

/// Where a change of the view comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ChangeSource {
    /// A control or link on the page: the page stays where the reader has scrolled it.
    #[default]
    Page,
    /// Back or forward: the browser also scrolls the page back to where that entry was.
    History,
}

/// What a part of the page does with a change of what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redraw {
    /// Draw it in this change's frame: the part is (or may be) on screen.
    Now,
    /// Draw it once the frame showing the rest is drawn: the part is off screen.
    AfterFrame,
    /// Nothing to do: a redraw after the frame is already waiting and will show this change
    /// too, since it draws what is current when it runs.
    AlreadyQueued,
}

/// One part of the page's redraw state: whether it is off screen, and whether a redraw
/// after the frame is waiting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeferredRedraw {
    off_screen: bool,
    queued: bool,
}

impl DeferredRedraw {
    /// The browser says whether the part is on screen (an IntersectionObserver's report).
    pub fn seen(&mut self, on_screen: bool) {
        self.off_screen = !on_screen;
    }

    /// What the part shows has changed, by a change from `source`: when to draw it.
    pub fn changed(&mut self, source: ChangeSource) -> Redraw {
        if !self.off_screen || source == ChangeSource::History {
            // Drawn now, with what is current: a redraw still waiting would repeat it.
            self.queued = false;
            Redraw::Now
        } else if self.queued {
            Redraw::AlreadyQueued
        } else {
            self.queued = true;
            Redraw::AfterFrame
        }
    }

    /// The frame after a change is about to be drawn, and the page knows where the part
    /// now is: a waiting redraw is drawn in this frame if the part is on screen (the change
    /// itself brought it into view), else just after it; `None` if none is waiting.
    pub fn frame_due(&mut self, on_screen: bool) -> Option<Redraw> {
        self.seen(on_screen);
        if !self.queued {
            None
        } else if on_screen {
            self.queued = false;
            Some(Redraw::Now)
        } else {
            Some(Redraw::AfterFrame)
        }
    }

    /// The frame is drawn and a redraw was asked for after it: whether it is still due
    /// (not done already by a change made while the part was on screen).
    pub fn frame_drawn(&mut self) -> bool {
        std::mem::take(&mut self.queued)
    }
}

/// Whether a part spanning `top` to `bottom` (pixels from the top of the view, as the
/// browser measures an element) shows in a view `view_height` pixels high.
pub fn in_view(top: f64, bottom: f64, view_height: f64) -> bool {
    bottom > 0.0 && top < view_height
}
