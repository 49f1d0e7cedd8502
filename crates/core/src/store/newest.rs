//! Documents of work in progress keyed by name (practice runs, unfinished
//! plays): each tab's entries survive a merge, the later save of an entry
//! wins, and only the newest few are kept so storage never grows.

use std::collections::BTreeMap;

/// Takes in `theirs`: entries only they have are added; for an entry both
/// have, the one saved later stays.
pub fn merge_newest<T>(
    ours: &mut BTreeMap<String, T>,
    theirs: BTreeMap<String, T>,
    saved_at: impl Fn(&T) -> u64,
) {
    for (name, entry) in theirs {
        match ours.get(&name) {
            Some(mine) if saved_at(mine) >= saved_at(&entry) => {}
            _ => {
                ours.insert(name, entry);
            }
        }
    }
}

/// Drops the entries saved longest ago until at most `keep` are left.
pub fn keep_newest<T>(map: &mut BTreeMap<String, T>, keep: usize, saved_at: impl Fn(&T) -> u64) {
    while map.len() > keep {
        let oldest = map
            .iter()
            .min_by_key(|(name, entry)| (saved_at(entry), (*name).clone()))
            .map(|(name, _)| name.clone());
        match oldest {
            Some(name) => map.remove(&name),
            None => break,
        };
    }
}
