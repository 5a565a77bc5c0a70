//! Stable places for the results table's rows and cells, so a change of view updates the
//! page in place instead of shifting every figure along: a metric's museums (in name order)
//! and years are fixed, and a view shows a subsequence of each. The table is drawn over
//! those fixed *slots*, an empty slot where a museum or year is not shown; a slot keeps its
//! museum or year from one view to the next, so when a year or a museum leaves the view
//! only its own cells go, and the others are compared with themselves.

use crate::core::model::Dataset;
use crate::core::query::TableView;

impl TableView {
    /// For each museum with figures for the metric (name order, as the rows are), the
    /// index of its row in `museum_rows`, or `None` when the view leaves it out.
    pub fn row_slots(&self, dataset: &Dataset) -> Vec<Option<usize>> {
        let shown: Vec<u16> = self.museum_rows.iter().map(|row| row.museum).collect();
        let all = &dataset.metric_index(self.metric).museums_with_data;
        slots_in_order(all, &shown)
    }

    /// For each year the metric has figures for, its column in `years`, or `None` when
    /// the view leaves it out.
    pub fn year_slots(&self, dataset: &Dataset) -> Vec<Option<usize>> {
        slots_in_order(&dataset.metric_index(self.metric).years, &self.years)
    }
}

/// For each of `all`, its index in `shown` (a subsequence of `all`), or `None` when it is
/// not shown.
fn slots_in_order<T: PartialEq>(all: &[T], shown: &[T]) -> Vec<Option<usize>> {
    let mut entries = shown.iter().enumerate().peekable();
    let slots = all
        .iter()
        .map(|item| entries.next_if(|(_, entry)| *entry == item).map(|(i, _)| i))
        .collect();
    every_entry_placed(slots, shown.len())
}

/// `slots` when they place every one of `count` entries; otherwise (a view not in the
/// metric's order, which `build_table` never makes) one slot each, so nothing is dropped.
fn every_entry_placed(slots: Vec<Option<usize>>, count: usize) -> Vec<Option<usize>> {
    if slots.iter().flatten().count() == count {
        slots
    } else {
        (0..count).map(Some).collect()
    }
}

/// The entries of `items` in the places `slots` give, `None` in the empty slots.
pub fn in_slots<'a, T>(slots: &[Option<usize>], items: &'a [T]) -> Vec<Option<&'a T>> {
    slots
        .iter()
        .map(|slot| slot.and_then(|i| items.get(i)))
        .collect()
}
