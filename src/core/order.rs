//! Sorting for the app's short lists (museums, years, markers, legend entries: at most a few
//! hundred items).
//!
//! Why not `slice::sort_by`: every element type and comparison given to std's sort adds its
//! own copy of the whole algorithm (2–4 kB of Wasm each; about 75 kB raw across the app's
//! call sites). An insertion sort is a few dozen bytes per call site and, on lists this
//! short, as fast. Never use these on the fact table.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (stable).
pub fn sort_small_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for unsorted in 1..items.len() {
        let mut at = unsorted;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each (stable).
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_small_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order and drops repeats (the distinct values, in order). Each
/// value is placed by binary search among the distinct ones so far, so long lists with few
/// distinct values (the museums of 1,758 revisions) cost little.
pub fn sort_unique<T: Ord>(items: &mut Vec<T>) {
    let mut distinct: Vec<T> = Vec::new();
    for item in items.drain(..) {
        if let Err(at) = distinct.binary_search(&item) {
            distinct.insert(at, item);
        }
    }
    *items = distinct;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by_key(&mut pairs, |pair| pair.0);
        assert_eq!(pairs, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_descending_with_a_reversed_comparison() {
        let mut numbers = vec![5, 9, 1, 9, 0];
        sort_small_by(&mut numbers, |a, b| b.cmp(a));
        assert_eq!(numbers, [9, 9, 5, 1, 0]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: [u8; 0] = [];
        sort_small_by(&mut empty, Ord::cmp);
        let mut one = [7];
        sort_small_by(&mut one, Ord::cmp);
        assert_eq!(one, [7]);
    }

    #[test]
    fn sort_unique_keeps_one_of_each_in_order() {
        let mut years = vec![2019, 2008, 2019, 2023, 2008, 2008];
        sort_unique(&mut years);
        assert_eq!(years, [2008, 2019, 2023]);
        let mut none: Vec<u16> = Vec::new();
        sort_unique(&mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn agrees_with_std_sort_on_every_permutation_of_five() {
        let mut items = [4, 2, 2, 0, 1];
        let mut expected = items;
        expected.sort();
        for _ in 0..120 {
            let mut sorted = items;
            sort_small_by(&mut sorted, Ord::cmp);
            assert_eq!(sorted, expected);
            items.rotate_left(1);
            items.swap(0, 3);
        }
    }
}
