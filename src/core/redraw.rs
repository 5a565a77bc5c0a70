//! When a part of the page draws a change: at once while the reader can see it, or once the
//! frame showing the rest of the change is drawn while it is off screen.
//!
//! The results table is the page's largest part: on the build machine laying it out again
//! takes about half of a museum or year change's frame, and it usually sits below the
//! chart, out of view. Drawn one task after the frame, it is up to date before the reader
//! can scroll to it, and the frame the reader sees is drawn sooner (README "Performance").
//! A part whose place is not yet known counts as on screen, so nothing is ever left stale.

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

    /// What the part shows has changed: when to draw it.
    pub fn changed(&mut self) -> Redraw {
        if !self.off_screen {
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

    /// The frame is drawn and a redraw was asked for after it: whether it is still due
    /// (not done already by a change made while the part was on screen).
    pub fn frame_drawn(&mut self) -> bool {
        std::mem::take(&mut self.queued)
    }
}
