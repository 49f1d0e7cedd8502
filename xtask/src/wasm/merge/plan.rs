//! Which chunks to merge.
//!
//! The splitter makes one chunk per distinct set of split points that need
//! a piece of code, so fourteen split points give hundreds of chunks, most
//! under a kilobyte. Each is a `fetch()` and a compile on the page's main
//! thread, which costs more than the bytes. The plan merges chunks greedily:
//! the smallest chunk joins the chunk that adds the fewest bytes to pages
//! that did not need them, and the merged chunk is needed wherever either
//! part was. A split point therefore never loses code it needed; it may
//! download some it does not run.
//!
//! "Pages" are weighed as the pages a visitor opens, not as split points:
//! an address's first visit loads several split points (a scenario loads
//! the player and the content reader), and merging two chunks that the
//! same addresses load together costs none of them anything. Each
//! `Consumer` is such a set of split points with a weight; the six pages a
//! learner lands on first weigh more (`cargo xtask wasm` passes the
//! routes of `pwa::preload::ROUTES`). Split points no route names (a part
//! fetched after a click) are consumers of their own, weighing one.

use std::collections::BTreeSet;

/// Merging stops once every chunk has at least this many bytes (wasm, before
/// gzip). A first visit fetches its page's modules in one pack
/// (`pwa::preload`), so a small chunk no longer costs it a request, but
/// each module is still compiled and instantiated on its own, and later
/// visits fetch modules one by one from the service worker's cache. On the
/// app's build (600 chunks), 4 KB left 131 modules and added 3-27% to a
/// page's code for chunks it did not run; 2 KB leaves 193 and cuts a
/// deeper page's pack by 1-19 KB gzip (the exam setup's by 14%); 1 KB left
/// 287 for a further 0-4 KB.
pub const MIN_CHUNK_BYTES: u64 = 2_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub name: String,
    pub bytes: u64,
    /// The split points that load this chunk.
    pub needed_by: BTreeSet<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The chunks merged into one, in input order.
    pub members: Vec<String>,
    /// The members' bytes added up (the merged module is a little smaller).
    pub bytes: u64,
    /// The union of the members' split points.
    pub needed_by: BTreeSet<String>,
}

/// What downloads chunks: the split points an address loads on its first
/// visit, and how much a byte added to that visit counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consumer {
    pub weight: u64,
    pub splits: BTreeSet<String>,
}

/// The consumers of `chunks`: `routes` as given, then every split point
/// no route loads, as a consumer of its own weighing one.
pub fn consumers(chunks: &[Chunk], routes: Vec<Consumer>) -> Vec<Consumer> {
    let mut out = routes;
    let all: BTreeSet<&String> = chunks.iter().flat_map(|c| &c.needed_by).collect();
    for split in all {
        if !out.iter().any(|c| c.splits.contains(split)) {
            out.push(Consumer {
                weight: 1,
                splits: BTreeSet::from([split.clone()]),
            });
        }
    }
    out
}

/// Groups `chunks` so that every group but a lone one has at least
/// `min_bytes`, weighing each merge by the bytes it adds to `consumers`
/// that needed only one side. Ties go to the earlier chunk, so the same
/// input always gives the same plan.
pub fn plan(chunks: &[Chunk], min_bytes: u64, consumers: &[Consumer]) -> Vec<Group> {
    let mut groups: Vec<Draft> = chunks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let loaded_by = consumers
                .iter()
                .map(|k| !k.splits.is_disjoint(&c.needed_by))
                .collect();
            Draft {
                members: vec![i],
                bytes: c.bytes,
                needed_by: c.needed_by.clone(),
                loaded_by,
            }
        })
        .collect();
    while groups.len() > 1 {
        let Some(small) = (0..groups.len()).min_by_key(|&i| (groups[i].bytes, i)) else {
            break;
        };
        if groups[small].bytes >= min_bytes {
            break;
        }
        let Some(partner) = (0..groups.len())
            .filter(|&j| j != small)
            .min_by_key(|&j| (extra_bytes(&groups[small], &groups[j], consumers), j))
        else {
            break;
        };
        // The merged group takes the earlier position, so groups stay in
        // the order of their first member.
        let (keep, gone) = (small.min(partner), small.max(partner));
        let gone = groups.remove(gone);
        let kept = &mut groups[keep];
        kept.members.extend(gone.members);
        kept.members.sort_unstable();
        kept.bytes += gone.bytes;
        kept.needed_by.extend(gone.needed_by);
        for (mine, theirs) in kept.loaded_by.iter_mut().zip(gone.loaded_by) {
            *mine |= theirs;
        }
    }
    groups
        .into_iter()
        .map(|g| Group {
            members: g.members.iter().map(|&i| chunks[i].name.clone()).collect(),
            bytes: g.bytes,
            needed_by: g.needed_by,
        })
        .collect()
}

/// A group being formed.
struct Draft {
    /// The members' input positions.
    members: Vec<usize>,
    bytes: u64,
    needed_by: BTreeSet<String>,
    /// For each consumer, whether it loads the group.
    loaded_by: Vec<bool>,
}

/// The bytes that merging `a` and `b` adds to the downloads of consumers
/// that loaded only one of them, each counted by its weight.
fn extra_bytes(a: &Draft, b: &Draft, consumers: &[Consumer]) -> u64 {
    let (mut only_a, mut only_b) = (0u64, 0u64);
    for ((&in_a, &in_b), consumer) in a.loaded_by.iter().zip(&b.loaded_by).zip(consumers) {
        match (in_a, in_b) {
            (true, false) => only_a = only_a.saturating_add(consumer.weight),
            (false, true) => only_b = only_b.saturating_add(consumer.weight),
            _ => {}
        }
    }
    a.bytes
        .saturating_mul(only_b)
        .saturating_add(b.bytes.saturating_mul(only_a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(name: &str, bytes: u64, needed_by: &[&str]) -> Chunk {
        Chunk {
            name: name.into(),
            bytes,
            needed_by: needed_by.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Chunks with pseudo-random sizes and needing sets, like the splitter's.
    fn many(count: usize) -> Vec<Chunk> {
        let splits = ["a", "b", "c", "d", "e", "f", "g"];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..count)
            .map(|i| {
                let mask = next() % 127 + 1;
                let needed: Vec<&str> = (0..splits.len())
                    .filter(|b| mask & (1 << b) != 0)
                    .map(|b| splits[b])
                    .collect();
                chunk(&format!("chunk_{i}"), next() % 6_000 + 50, &needed)
            })
            .collect()
    }

    #[test]
    fn no_split_point_loses_a_chunk_it_needed() {
        let chunks = many(200);
        let groups = plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![]));
        for c in &chunks {
            let holding: Vec<&Group> = groups
                .iter()
                .filter(|g| g.members.contains(&c.name))
                .collect();
            assert_eq!(holding.len(), 1, "{} is in exactly one group", c.name);
            assert!(holding[0].needed_by.is_superset(&c.needed_by), "{}", c.name);
        }
    }

    #[test]
    fn a_group_is_needed_by_the_union_and_weighs_the_sum() {
        let chunks = many(200);
        for g in plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![])) {
            let members: Vec<&Chunk> = chunks
                .iter()
                .filter(|c| g.members.contains(&c.name))
                .collect();
            let union: BTreeSet<String> = members
                .iter()
                .flat_map(|c| c.needed_by.iter().cloned())
                .collect();
            assert_eq!(g.needed_by, union);
            assert_eq!(g.bytes, members.iter().map(|c| c.bytes).sum::<u64>());
        }
    }

    #[test]
    fn merging_stops_when_every_group_is_big_enough() {
        // Chunks of 50-6,050 bytes: most need merging to reach 4 KB.
        let chunks = many(200);
        let min = 4_000;
        let groups = plan(&chunks, min, &consumers(&chunks, vec![]));
        assert!(groups.len() < chunks.len() / 2, "{} groups", groups.len());
        assert!(groups.iter().all(|g| g.bytes >= min));
    }

    #[test]
    fn the_same_chunks_give_the_same_plan() {
        let chunks = many(150);
        assert_eq!(
            plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![])),
            plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![]))
        );
    }

    #[test]
    fn big_chunks_are_left_alone() {
        let chunks = vec![
            chunk("chunk_1", 5_000, &["a"]),
            chunk("chunk_2", 9_000, &["b"]),
        ];
        let groups = plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![]));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, ["chunk_1"]);
        assert_eq!(groups[1].members, ["chunk_2"]);
    }

    #[test]
    fn a_small_chunk_joins_the_chunk_it_costs_least_to_share() {
        // chunk_3 is needed by the same split points as chunk_2, so joining
        // it costs no page anything; joining chunk_1 would add 100 bytes to
        // "c" and 10,000 to "a".
        let chunks = vec![
            chunk("chunk_1", 10_000, &["a"]),
            chunk("chunk_2", 10_000, &["b", "c"]),
            chunk("chunk_3", 100, &["b", "c"]),
        ];
        let groups = plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![]));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, ["chunk_1"]);
        assert_eq!(groups[1].members, ["chunk_2", "chunk_3"]);
        assert_eq!(groups[1].bytes, 10_100);
    }

    #[test]
    fn a_lone_small_chunk_stays_and_nothing_gives_nothing() {
        assert_eq!(plan(&[], MIN_CHUNK_BYTES, &[]), Vec::<Group>::new());
        let one = vec![chunk("chunk_1", 10, &["a"])];
        assert_eq!(
            plan(&one, MIN_CHUNK_BYTES, &consumers(&one, vec![]))[0].members,
            ["chunk_1"]
        );
    }

    #[test]
    fn chunks_one_address_loads_together_merge_at_no_cost_to_it() {
        // A scenario's page loads the player and the reader together, so
        // the reader's small chunk joins the player's; weighed as split
        // points it would join the practice chunk, which costs less.
        let chunks = vec![
            chunk("chunk_1", 6_000, &["scenarios"]),
            chunk("chunk_2", 5_000, &["practice"]),
            chunk("chunk_3", 100, &["reader"]),
        ];
        let by_split = plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![]));
        assert_eq!(by_split[1].members, ["chunk_2", "chunk_3"]);
        let route = Consumer {
            weight: 1,
            splits: ["scenarios", "reader"].map(String::from).into(),
        };
        let by_route = plan(&chunks, MIN_CHUNK_BYTES, &consumers(&chunks, vec![route]));
        assert_eq!(by_route[0].members, ["chunk_1", "chunk_3"]);
    }

    #[test]
    fn a_heavier_page_is_spared_first() {
        // chunk_3 must join one of two pages' chunks; it goes where the
        // bytes it adds weigh least.
        let chunks = vec![
            chunk("chunk_1", 5_000, &["list"]),
            chunk("chunk_2", 5_000, &["deep"]),
            chunk("chunk_3", 1_000, &["other"]),
        ];
        let page = |name: &str, weight| Consumer {
            weight,
            splits: BTreeSet::from([name.to_owned()]),
        };
        let groups = plan(
            &chunks,
            MIN_CHUNK_BYTES,
            &consumers(&chunks, vec![page("list", 3), page("deep", 1)]),
        );
        assert_eq!(groups[1].members, ["chunk_2", "chunk_3"]);
        let groups = plan(
            &chunks,
            MIN_CHUNK_BYTES,
            &consumers(&chunks, vec![page("list", 1), page("deep", 3)]),
        );
        assert_eq!(groups[0].members, ["chunk_1", "chunk_3"]);
    }
}
