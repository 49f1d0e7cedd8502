//! Stable sorting with one copy of the sorting code for the whole program.
//!
//! Why not `slice::sort_by`: the standard library's sort is generic over the
//! element and the comparison, so every call site compiles a copy of it
//! (about 4 KB of wasm each). The app had 40 copies, spread over the chunks
//! every deeper page downloads. Here the one copy sorts positions, asking a
//! `dyn` comparison about the elements at them, and the elements are then
//! moved into place: per call site, only a few lines are compiled.
//!
//! The order is exactly `slice::sort_by`'s: a stable sort of positions by
//! the elements at them is a stable sort of the elements.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order, as
/// `slice::sort_by` does.
pub fn by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        positions(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping items with equal
/// keys in their order, as `slice::sort_by_key` does.
pub fn by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, as `slice::sort` does.
pub fn natural<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives the elements at
/// them: the one place the standard sort is compiled.
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // the one copy, see the module notes
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the element at `order[k]` to position `k`, for every `k`, by
/// following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Marks `at` as placed; `from == start` closes the cycle, and
            // the element that began at `start` has arrived at `at`.
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no crate.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn gives_the_standard_stable_order_with_many_ties() {
        for seed in 0..200 {
            let len = (seed as usize * 7) % 97;
            // Pairs of (key, original position): ties on the key are common,
            // so the positions show whether equal keys kept their order.
            let items: Vec<(u64, usize)> = numbers(seed, len, 5)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut ours = items.clone();
            by_key(&mut ours, |p| p.0);
            let mut std = items.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "seed {seed}");
        }
    }

    #[test]
    fn sorts_owned_values_in_reverse_and_natural_order() {
        let mut names: Vec<String> = ["delta", "alpha", "charlie", "bravo", "alpha"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        natural(&mut names);
        assert_eq!(names, ["alpha", "alpha", "bravo", "charlie", "delta"]);
        by(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, ["delta", "charlie", "bravo", "alpha", "alpha"]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut none: Vec<u8> = Vec::new();
        natural(&mut none);
        assert!(none.is_empty());
        let mut one = vec![9];
        natural(&mut one);
        assert_eq!(one, [9]);
    }

    #[test]
    fn every_permutation_of_five_comes_out_sorted() {
        let mut seen = 0;
        let mut items = [0u8, 1, 2, 3, 4];
        // Heap's algorithm, iteratively: all 120 orders of five items.
        let mut c = [0usize; 5];
        let mut check = |items: &[u8; 5]| {
            let mut copy = *items;
            natural(&mut copy);
            assert_eq!(copy, [0, 1, 2, 3, 4], "from {items:?}");
            seen += 1;
        };
        check(&items);
        let mut i = 0;
        while i < 5 {
            if c[i] < i {
                if i % 2 == 0 {
                    items.swap(0, i);
                } else {
                    items.swap(c[i], i);
                }
                check(&items);
                c[i] += 1;
                i = 0;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
        assert_eq!(seen, 120);
    }
}
