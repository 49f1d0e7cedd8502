//! Rule 5: near-duplicate prompts, by the Jaccard similarity of their sets
//! of content-word stems (shared words over all words of the two).
//!
//! Comparing every pair is quadratic. Instead this is a similarity join
//! with prefix filtering: order each prompt's stems rarest first; two sets
//! with similarity at least t must share a stem among the first
//! |s| - ceil(t |s|) + 1 of each, so only those prefixes are indexed and
//! probed. Rare stems have short posting lists, so each prompt meets only
//! a few candidates, and each candidate is verified exactly. The result is
//! the same as comparing every pair. A budget on verifications bounds the
//! work even for a bank of near-identical prompts.

use std::collections::HashMap;

use super::words::Words;
use crate::content::question::Question;

/// Similarity at least NUM / DEN is a near-duplicate (0.5).
const NUM: usize = 1;
const DEN: usize = 2;

/// Prompts with fewer content words are too short to compare fairly.
const MIN_WORDS: usize = 4;

/// At most this many exact comparisons; far above what a bank of a few
/// thousand distinct questions needs.
pub const COMPARISON_BUDGET: usize = 2_000_000;

/// Two questions (indices into the list given) and their overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub earlier: usize,
    pub later: usize,
    pub shared: usize,
    pub union: usize,
}

/// How much of the search ran.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DuplicateScan {
    /// Prompts long enough to compare.
    pub prompts: usize,
    /// Exact comparisons made.
    pub compared: usize,
    /// True when the budget ran out, so some pairs may be missing.
    pub stopped: bool,
}

pub fn near_duplicates(questions: &[Question], words: &Words) -> (Vec<Pair>, DuplicateScan) {
    let sets: Vec<Vec<String>> = questions
        .iter()
        .map(|q| words.stems(&q.prompt).into_keys().collect())
        .collect();
    join(&sets, COMPARISON_BUDGET)
}

/// The similarity join over sets of stems; indices are positions in `sets`.
fn join(sets: &[Vec<String>], budget: usize) -> (Vec<Pair>, DuplicateScan) {
    let ranked = rank(sets);
    let mut scan = DuplicateScan::default();
    let mut pairs = Vec::new();
    // stem rank -> earlier sets with that stem in their prefix
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    // the set being probed, plus one, per candidate: visits each once
    let mut probed_by = vec![0usize; sets.len()];
    'sets: for (later, set) in ranked.iter().enumerate() {
        let Some(set) = set else { continue };
        scan.prompts += 1;
        let prefix = &set[..prefix_len(set.len())];
        for stem in prefix {
            for &earlier in index.get(stem).map_or(&[][..], Vec::as_slice) {
                if probed_by[earlier] == later + 1 {
                    continue;
                }
                probed_by[earlier] = later + 1;
                let Some(Some(other)) = ranked.get(earlier) else {
                    continue;
                };
                // Sizes too far apart cannot reach the threshold.
                let (small, large) = (set.len().min(other.len()), set.len().max(other.len()));
                if DEN * small < NUM * large {
                    continue;
                }
                if scan.compared >= budget {
                    scan.stopped = true;
                    break 'sets;
                }
                scan.compared += 1;
                let shared = intersection(set, other);
                let union = set.len() + other.len() - shared;
                if DEN * shared >= NUM * union {
                    pairs.push(Pair {
                        earlier,
                        later,
                        shared,
                        union,
                    });
                }
            }
        }
        for stem in prefix {
            index.entry(*stem).or_default().push(later);
        }
    }
    crate::sort::by_key(&mut pairs, |p| (p.later, p.earlier));
    (pairs, scan)
}

/// Each set as stem ranks sorted rarest first (ties by stem, so the order
/// is stable); None for sets too small to compare.
fn rank(sets: &[Vec<String>]) -> Vec<Option<Vec<u32>>> {
    let eligible = |s: &Vec<String>| s.len() >= MIN_WORDS;
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for set in sets.iter().filter(|s| eligible(s)) {
        for stem in set {
            *frequency.entry(stem.as_str()).or_default() += 1;
        }
    }
    let mut order: Vec<(&str, usize)> = frequency.into_iter().collect();
    crate::sort::by(&mut order, |a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    let ranks: HashMap<&str, u32> = order
        .iter()
        .zip(0u32..)
        .map(|((stem, _), r)| (*stem, r))
        .collect();
    sets.iter()
        .map(|set| {
            eligible(set).then(|| {
                let mut r: Vec<u32> = set
                    .iter()
                    .filter_map(|s| ranks.get(s.as_str()).copied())
                    .collect();
                crate::sort::natural(&mut r);
                r.dedup();
                r
            })
        })
        .collect()
}

/// |s| - ceil(t |s|) + 1 for t = NUM / DEN.
fn prefix_len(len: usize) -> usize {
    let needed = (NUM * len).div_ceil(DEN);
    (len + 1).saturating_sub(needed).min(len)
}

/// Size of the intersection of two sorted, deduplicated lists.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &str) -> Vec<String> {
        let mut s: Vec<String> = words.split_whitespace().map(str::to_owned).collect();
        s.sort();
        s.dedup();
        s
    }

    /// Every pair compared directly: what the join must equal.
    fn brute_force(sets: &[Vec<String>]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for later in 0..sets.len() {
            for earlier in 0..later {
                let (a, b) = (&sets[earlier], &sets[later]);
                if a.len() < MIN_WORDS || b.len() < MIN_WORDS {
                    continue;
                }
                let shared = a.iter().filter(|s| b.contains(s)).count();
                let union = a.len() + b.len() - shared;
                if DEN * shared >= NUM * union {
                    out.push((later, earlier));
                }
            }
        }
        out
    }

    #[test]
    fn finds_exactly_the_pairs_a_full_comparison_finds() {
        // A small deterministic generator: overlapping prompts of varied size.
        let vocabulary: Vec<String> = (0..30).map(|i| format!("w{i}")).collect();
        let mut seed = 7u64;
        let mut sets = Vec::new();
        for _ in 0..300 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let size = 2 + (seed >> 60) as usize;
            let start = ((seed >> 40) % 24) as usize;
            let picked: Vec<&str> = (0..size)
                .map(|k| vocabulary[(start + k * ((seed >> 20) as usize % 3 + 1)) % 30].as_str())
                .collect();
            sets.push(set(&picked.join(" ")));
        }
        let (pairs, scan) = join(&sets, usize::MAX);
        let found: Vec<(usize, usize)> = pairs.iter().map(|p| (p.later, p.earlier)).collect();
        assert_eq!(found, brute_force(&sets));
        assert!(!found.is_empty());
        assert!(!scan.stopped);
    }

    #[test]
    fn half_shared_is_a_near_duplicate_and_short_prompts_are_skipped() {
        let sets = vec![
            set("printer spooler service restart queue"),
            set("printer spooler service restart driver"),
            set("printer spooler"),
            set("printer spooler service"),
        ];
        let (pairs, scan) = join(&sets, usize::MAX);
        assert_eq!(
            pairs,
            vec![Pair {
                earlier: 0,
                later: 1,
                shared: 4,
                union: 6
            }]
        );
        assert_eq!(scan.prompts, 2);
    }

    #[test]
    fn the_budget_bounds_the_work() {
        let sets: Vec<Vec<String>> = (0..100).map(|_| set("alpha beta gamma delta")).collect();
        let (pairs, scan) = join(&sets, 50);
        assert!(scan.stopped);
        assert_eq!(scan.compared, 50);
        assert_eq!(pairs.len(), 50);
    }

    #[test]
    fn a_large_bank_is_not_compared_pair_by_pair() {
        // 4,000 prompts of 6 to 13 words from a skewed vocabulary: a few
        // words are in most prompts, as "network" or "printer" would be.
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let sets: Vec<Vec<String>> = (0..4000)
            .map(|_| {
                let size = 6 + (next() * 8.0) as usize;
                let words: Vec<String> = (0..size)
                    .map(|_| format!("w{}", (next().powi(3) * 3000.0) as usize))
                    .collect();
                set(&words.join(" "))
            })
            .collect();
        let (_, scan) = join(&sets, usize::MAX);
        let all_pairs = sets.len() * (sets.len() - 1) / 2;
        assert!(
            scan.compared * 20 < all_pairs,
            "{} comparisons of {all_pairs} pairs",
            scan.compared
        );
    }

    #[test]
    fn prefixes_are_long_enough() {
        assert_eq!(prefix_len(4), 3);
        assert_eq!(prefix_len(5), 3);
        assert_eq!(prefix_len(1), 1);
    }
}
