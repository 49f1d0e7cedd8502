//! Where a scenario's links can take a play, over (node, flags) states:
//! which nodes and endings some path reaches, where a state offers no
//! choice (a dead end) and where no ending can be reached any more (an
//! endless loop). Frustration and time are dynamic and the engine handles
//! them (the user gives up, or the deadline ends the call). The validator
//! reports these; the scenario map draws them.

use std::collections::{BTreeSet, HashMap};

use crate::content::scenario::{Outcome, Scenario};

use super::graph::{apply_flags, flags_allow, target, Target};

/// States the search may visit before giving up: a scenario whose flags
/// combine into more than this is too tangled to check path by path.
pub const STATE_LIMIT: usize = 50_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    /// Node indices some state reaches.
    pub nodes: BTreeSet<usize>,
    /// Ending indices an offered choice of a reached state links to.
    pub endings: BTreeSet<usize>,
    /// Nodes with choices where a reached state offers none, with that
    /// state's flags (the first such state in search order), each once.
    pub dead_ends: Vec<(usize, Vec<String>)>,
    /// Nodes with a reached state from which no ending can be reached,
    /// each once, in search order.
    pub endless: Vec<usize>,
    /// The outcomes of the endings reached, in search order, each once.
    pub outcomes: Vec<Outcome>,
    /// True when the search stopped at [`STATE_LIMIT`]: the sets above are
    /// then incomplete and nothing should be reported from them.
    pub truncated: bool,
}

/// Searches every (node, flags) state from the start; `None` when the
/// start is not a node.
pub fn reach(s: &Scenario) -> Option<Reach> {
    let Some(Target::Node(start)) = target(s, &s.start) else {
        return None;
    };
    let mut out = Reach::default();
    let mut states: Vec<(usize, BTreeSet<String>)> = vec![(start, BTreeSet::new())];
    let mut index: HashMap<(usize, BTreeSet<String>), usize> = HashMap::new();
    index.insert((start, BTreeSet::new()), 0);
    // For each state, the states its offered choices lead to; `None` is
    // an ending.
    let mut edges: Vec<Vec<Option<usize>>> = Vec::new();
    let mut ends_here: Vec<bool> = Vec::new();
    let mut at = 0;
    while at < states.len() {
        if states.len() > STATE_LIMIT {
            out.truncated = true;
            return Some(out);
        }
        let (node, flags) = states[at].clone();
        let mut next_states = Vec::new();
        let mut ends = false;
        for choice in s.nodes[node]
            .choices
            .iter()
            .filter(|c| flags_allow(c, &flags))
        {
            let mut next_flags = flags.clone();
            apply_flags(choice, &mut next_flags);
            match target(s, &choice.next) {
                Some(Target::Node(n)) => {
                    let key = (n, next_flags);
                    let id = *index.entry(key.clone()).or_insert_with(|| {
                        states.push(key);
                        states.len() - 1
                    });
                    next_states.push(Some(id));
                }
                Some(Target::Ending(e)) => {
                    next_states.push(None);
                    ends = true;
                    if let Some(i) = s.endings.iter().position(|x| x.id == e.id) {
                        out.endings.insert(i);
                    }
                    if !out.outcomes.contains(&e.outcome) {
                        out.outcomes.push(e.outcome);
                    }
                }
                None => {}
            }
        }
        edges.push(next_states);
        ends_here.push(ends);
        at += 1;
    }
    out.nodes = states.iter().map(|(n, _)| *n).collect();
    for (state, next) in edges.iter().enumerate() {
        let node = states[state].0;
        if next.is_empty()
            && !s.nodes[node].choices.is_empty()
            && !out.dead_ends.iter().any(|(n, _)| *n == node)
        {
            out.dead_ends
                .push((node, states[state].1.iter().cloned().collect()));
        }
    }
    // States that can end: those with an ending, then (to a fixed point)
    // those leading to one that can.
    let mut can_end = ends_here;
    loop {
        let mut changed = false;
        for (i, next) in edges.iter().enumerate() {
            if !can_end[i] && next.iter().flatten().any(|&j| can_end[j]) {
                can_end[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (i, ok) in can_end.iter().enumerate() {
        let node = states[i].0;
        if !ok && !edges[i].is_empty() && !out.endless.contains(&node) {
            out.endless.push(node);
        }
    }
    Some(out)
}
