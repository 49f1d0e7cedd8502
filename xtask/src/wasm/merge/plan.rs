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

use std::collections::BTreeSet;

/// Merging stops once every chunk has at least this many bytes (wasm, before
/// gzip). Below about 4 KB a chunk's request and compile cost more on a slow
/// phone than downloading a few KB it may not run; on the app's build this
/// turns about 300 chunks into 75 and cuts a page's requests about fourfold
/// for 3-27% more bytes per page.
pub const MIN_CHUNK_BYTES: u64 = 4_000;

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

/// Groups `chunks` so that every group but a lone one has at least
/// `min_bytes`. Ties go to the earlier chunk, so the same input always gives
/// the same plan.
pub fn plan(chunks: &[Chunk], min_bytes: u64) -> Vec<Group> {
    // (first member's input position, members' positions, bytes, needed_by)
    let mut groups: Vec<(Vec<usize>, u64, BTreeSet<String>)> = chunks
        .iter()
        .enumerate()
        .map(|(i, c)| (vec![i], c.bytes, c.needed_by.clone()))
        .collect();
    while groups.len() > 1 {
        let Some(small) = (0..groups.len()).min_by_key(|&i| (groups[i].1, i)) else {
            break;
        };
        if groups[small].1 >= min_bytes {
            break;
        }
        let Some(partner) = (0..groups.len())
            .filter(|&j| j != small)
            .min_by_key(|&j| (extra_bytes(&groups[small], &groups[j]), j))
        else {
            break;
        };
        // The merged group takes the earlier position, so groups stay in
        // the order of their first member.
        let (keep, gone) = (small.min(partner), small.max(partner));
        let (members, bytes, needed_by) = groups.remove(gone);
        let kept = &mut groups[keep];
        kept.0.extend(members);
        kept.0.sort_unstable();
        kept.1 += bytes;
        kept.2.extend(needed_by);
    }
    groups
        .into_iter()
        .map(|(members, bytes, needed_by)| Group {
            members: members.iter().map(|&i| chunks[i].name.clone()).collect(),
            bytes,
            needed_by,
        })
        .collect()
}

/// The bytes that merging `a` and `b` adds to the downloads of split points
/// that needed only one of them.
fn extra_bytes(
    a: &(Vec<usize>, u64, BTreeSet<String>),
    b: &(Vec<usize>, u64, BTreeSet<String>),
) -> u64 {
    let only_b = b.2.difference(&a.2).count() as u64;
    let only_a = a.2.difference(&b.2).count() as u64;
    a.1 * only_b + b.1 * only_a
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
        let groups = plan(&chunks, MIN_CHUNK_BYTES);
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
        for g in plan(&chunks, MIN_CHUNK_BYTES) {
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
        let chunks = many(200);
        let groups = plan(&chunks, MIN_CHUNK_BYTES);
        assert!(groups.len() < chunks.len() / 2, "{} groups", groups.len());
        assert!(groups.iter().all(|g| g.bytes >= MIN_CHUNK_BYTES));
    }

    #[test]
    fn the_same_chunks_give_the_same_plan() {
        let chunks = many(150);
        assert_eq!(
            plan(&chunks, MIN_CHUNK_BYTES),
            plan(&chunks, MIN_CHUNK_BYTES)
        );
    }

    #[test]
    fn big_chunks_are_left_alone() {
        let chunks = vec![
            chunk("chunk_1", 5_000, &["a"]),
            chunk("chunk_2", 9_000, &["b"]),
        ];
        let groups = plan(&chunks, MIN_CHUNK_BYTES);
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
        let groups = plan(&chunks, MIN_CHUNK_BYTES);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, ["chunk_1"]);
        assert_eq!(groups[1].members, ["chunk_2", "chunk_3"]);
        assert_eq!(groups[1].bytes, 10_100);
    }

    #[test]
    fn a_lone_small_chunk_stays_and_nothing_gives_nothing() {
        assert_eq!(plan(&[], MIN_CHUNK_BYTES), Vec::<Group>::new());
        let one = vec![chunk("chunk_1", 10, &["a"])];
        assert_eq!(plan(&one, MIN_CHUNK_BYTES)[0].members, ["chunk_1"]);
    }
}
