//! Grouping for the pickers' `<optgroup>`s and fieldsets.

/// Groups `(label, index)` pairs by label, groups and members in the order first seen.
pub fn group_in_order(items: impl IntoIterator<Item = (String, u16)>) -> Vec<(String, Vec<u16>)> {
    let mut groups: Vec<(String, Vec<u16>)> = Vec::new();
    for (label, index) in items {
        match groups.iter_mut().find(|(existing, _)| *existing == label) {
            Some((_, members)) => members.push(index),
            None => groups.push((label, vec![index])),
        }
    }
    groups
}
