//! The order choices are shown in. Authors tend to write the best choice
//! first, so showing them as written would let position give the answer
//! away: the play's seed shuffles each node's choices instead, the same way
//! on every visit of that play, with pinned choices kept in place.

use crate::content::scenario::Choice;

/// The choices in the order to show them, for this play's seed and node.
pub fn shown_order<'a>(seed: u64, node: &str, choices: Vec<&'a Choice>) -> Vec<&'a Choice> {
    let mut rng = fastrand::Rng::with_seed(seed ^ fnv1a(node.as_bytes()));
    let mut free: Vec<&Choice> = choices.iter().copied().filter(|c| !c.pin).collect();
    rng.shuffle(&mut free);
    let mut free = free.into_iter();
    choices
        .iter()
        .map(|c| if c.pin { Some(*c) } else { free.next() })
        .collect::<Option<Vec<_>>>()
        .unwrap_or(choices)
}

/// A stable hash of the node id (std's hasher may change between releases,
/// and a replay must show the same order).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
