//! Stable sorting through one shared sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every
//! call site compiles its own copy of the standard library's stable sort
//! (about 3.5 KB of WebAssembly each). The crate's few sorts (nodes and
//! groups in a form, a catalogue's messages) go through [`sort_by`] instead:
//! it sorts the elements' positions with one non-generic sort and then moves
//! the elements into place, so the sort itself is compiled once.

use std::cmp::Ordering;

/// Sorts `items` by `order`, keeping equal items in their order (stable).
pub(crate) fn sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut positions: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut positions, &mut |a, b| order(&items[a], &items[b]));
    place(items, &mut positions);
}

/// Sorts `items` by `key` (stable), as `slice::sort_by_key` does.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The one compiled sort: orders positions by a comparison of the items at
/// them. `sort_by` on `usize` with this one closure type is a single copy.
fn sort_positions(positions: &mut [usize], order: &mut dyn FnMut(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| order(a, b));
}

/// Puts the item at `positions[i]` into slot `i`, for every `i`, in place
/// and in one pass: each cycle of the permutation is walked once, a slot
/// marked done (`positions[i] = i`) as it gets its item.
fn place<T>(items: &mut [T], positions: &mut [usize]) {
    for start in 0..items.len() {
        let mut slot = start;
        while positions[slot] != slot {
            let from = positions[slot];
            positions[slot] = slot;
            if from == start {
                // The cycle closes: `start`'s own item is already here.
                break;
            }
            items.swap(slot, from);
            slot = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let cases: &[&[(u8, u8)]] = &[
            &[],
            &[(1, 0)],
            &[(2, 0), (1, 1)],
            &[(1, 0), (1, 1), (1, 2)],
            &[(3, 0), (1, 1), (2, 2), (1, 3), (3, 4), (0, 5)],
            &[(5, 0), (4, 1), (3, 2), (2, 3), (1, 4), (0, 5)],
            &[(0, 0), (2, 1), (1, 2), (2, 3), (0, 4), (1, 5), (2, 6)],
        ];
        for case in cases {
            let mut ours = case.to_vec();
            let mut theirs = case.to_vec();
            sort_by_key(&mut ours, |item| item.0);
            theirs.sort_by_key(|item| item.0);
            assert_eq!(ours, theirs, "for {case:?}");
        }
    }

    #[test]
    fn every_permutation_of_six_is_sorted() {
        // All 720 orders of six items with repeated keys: the result is the
        // standard stable sort's, so equal keys keep their input order.
        fn permutations(items: Vec<u8>) -> Vec<Vec<u8>> {
            if items.len() <= 1 {
                return vec![items];
            }
            let mut all = Vec::new();
            for i in 0..items.len() {
                let mut rest = items.clone();
                let first = rest.remove(i);
                for mut tail in permutations(rest) {
                    tail.insert(0, first);
                    all.push(tail);
                }
            }
            all
        }
        for order in permutations((0..6).collect()) {
            let items: Vec<(u8, u8)> = order.iter().map(|&tag| (tag % 3, tag)).collect();
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            theirs.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(ours, theirs, "for {items:?}");
        }
    }

    #[test]
    fn places_every_permutation_of_six() {
        let mut positions: Vec<usize> = (0..6).collect();
        let mut seen = 0;
        // Heap's algorithm: every order of the six positions once.
        fn each(k: usize, positions: &mut Vec<usize>, seen: &mut usize) {
            if k == 1 {
                let mut items: Vec<usize> = (10..16).collect();
                place(&mut items, &mut positions.clone());
                let wanted: Vec<usize> = positions.iter().map(|&p| 10 + p).collect();
                assert_eq!(items, wanted, "for positions {positions:?}");
                *seen += 1;
                return;
            }
            for i in 0..k {
                each(k - 1, positions, seen);
                positions.swap(if k.is_multiple_of(2) { i } else { 0 }, k - 1);
            }
        }
        each(6, &mut positions, &mut seen);
        assert_eq!(seen, 720);
    }

    #[test]
    fn moves_items_that_are_not_copies() {
        let mut items = vec![String::from("c"), String::from("a"), String::from("b")];
        sort_by(&mut items, |a, b| a.cmp(b));
        assert_eq!(items, ["a", "b", "c"]);
    }
}
