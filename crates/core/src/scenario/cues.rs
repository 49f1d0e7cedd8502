//! Length as a cue: a test-wise learner picks the longest choice. Along the
//! best path, this counts the decisions where the best choice is strictly
//! the longest of those on offer (with the flags the best path has set), so
//! `firstline check` can hold the share across all scenarios to a limit.

use std::collections::BTreeSet;

use crate::content::scenario::Scenario;

use super::graph::{apply_flags, flags_allow, target, Target};
use crate::content::item_analysis::LongestShare;

/// Above this share of best-path decisions, in percent, `firstline check`
/// reports an error.
pub const LONGEST_BEST_LIMIT_PERCENT: u32 = 35;

/// Walks the best path and counts the decisions where length gives the
/// best choice away.
pub fn length_cue(s: &Scenario) -> LongestShare {
    let mut cue = LongestShare::new(LONGEST_BEST_LIMIT_PERCENT);
    let mut flags = BTreeSet::new();
    let Some(Target::Node(mut node)) = target(s, &s.start) else {
        return cue;
    };
    for id in &s.best_path {
        let offered: Vec<_> = s.nodes[node]
            .choices
            .iter()
            .filter(|c| flags_allow(c, &flags))
            .collect();
        let Some(best) = offered.iter().find(|c| &c.id == id) else {
            break;
        };
        let len = |t: &str| t.trim().chars().count();
        let others = offered
            .iter()
            .filter(|c| c.id != best.id)
            .map(|c| len(&c.text))
            .max();
        if let Some(longest_other) = others {
            cue.count(len(&best.text) > longest_other);
        }
        apply_flags(best, &mut flags);
        match target(s, &best.next) {
            Some(Target::Node(n)) => node = n,
            _ => break,
        }
    }
    cue
}

/// The share over a set of scenarios.
pub fn length_cue_over<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>) -> LongestShare {
    let mut total = LongestShare::new(LONGEST_BEST_LIMIT_PERCENT);
    for s in scenarios {
        total.add(&length_cue(s));
    }
    total
}
