//! A scenario drawn as a map: its nodes, endings and the choices between
//! them, placed by a pure, deterministic layout (`layout.rs`: columns by
//! depth from the start), with the marks an author looks for: the best
//! path, critical mistakes, nodes no play reaches, dead ends and endless
//! loops (the engine's own search, `scenario::reach`), and the score range
//! the analyser found per ending. `outline.rs` gives the same graph as a
//! nested outline for reading without the drawing.

mod layout;
mod outline;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use crate::content::scenario::{CriticalMistake, Outcome, Scenario};

use super::analyse::Analysis;
use super::graph::{apply_flags, target, Target};
use super::reach::reach;

pub use layout::{BOX_H, BOX_W, MAX_ITEMS};
pub use outline::{outline, Outline, Step};

/// A node or an ending on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapItem {
    pub id: String,
    /// `None` for a node; the outcome for an ending.
    pub ending: Option<Outcome>,
    pub start: bool,
    /// Column (depth from the start; endings after every node, nodes the
    /// links never reach after the endings) and row within it.
    pub column: usize,
    pub row: usize,
    /// Top-left corner, in the map's own units.
    pub x: u32,
    pub y: u32,
    pub best: bool,
    /// No play reaches it (for an ending: no offered choice leads to it,
    /// and the engine does not end there on its own when the user gives up
    /// or the deadline passes).
    pub unreachable: bool,
    /// A node where some play finds no choice on offer.
    pub dead_end: bool,
    /// A node from which some play can never reach an ending.
    pub endless: bool,
    /// The lowest and highest overall score of the analysed paths ending
    /// here.
    pub scores: Option<(u32, u32)>,
    /// The number of analysed paths ending here.
    pub paths: usize,
}

/// A choice, drawn as an arrow between two items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLink {
    pub choice: String,
    pub text: String,
    /// Item indices; `to` is `None` for a link to nothing (a dangling
    /// `next`, or an item left off a map too big to draw whole).
    pub from: usize,
    pub to: Option<usize>,
    pub best: bool,
    pub critical: Option<CriticalMistake>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScenarioMap {
    /// In reading order: column by column, top to bottom.
    pub items: Vec<MapItem>,
    /// In the order the items and their choices are written.
    pub links: Vec<MapLink>,
    pub width: u32,
    pub height: u32,
    /// Nodes and endings left off because the map holds at most
    /// [`MAX_ITEMS`].
    pub left_out: usize,
    /// True when the reach search gave up (too many flag combinations), so
    /// nothing is marked unreachable, a dead end or endless.
    pub reach_unknown: bool,
}

impl ScenarioMap {
    /// The map of `s`, with score ranges from `analysis` when given (the
    /// analyser plays every path, so callers may draw the map first).
    pub fn build(s: &Scenario, analysis: Option<&Analysis>) -> ScenarioMap {
        let mut map = layout::place(s);
        map.mark_reach(s);
        map.mark_best(s);
        if let Some(a) = analysis {
            map.mark_scores(a);
        }
        map
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// The links leaving item `i`, in written order.
    pub fn links_from(&self, i: usize) -> impl Iterator<Item = (usize, &MapLink)> {
        self.links
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.from == i)
    }

    fn mark_reach(&mut self, s: &Scenario) {
        let found = reach(s);
        if found.as_ref().is_some_and(|f| f.truncated) {
            self.reach_unknown = true;
            return;
        }
        let found = found.unwrap_or_default();
        let node_ids: BTreeSet<&str> = found
            .nodes
            .iter()
            .filter_map(|&n| s.nodes.get(n))
            .map(|n| n.id.as_str())
            .collect();
        let ending_ids: BTreeSet<&str> = found
            .endings
            .iter()
            .filter_map(|&e| s.endings.get(e))
            .map(|e| e.id.as_str())
            .chain([s.on_give_up.as_str(), s.on_deadline.as_str()])
            .collect();
        let dead: BTreeSet<&str> = found
            .dead_ends
            .iter()
            .filter_map(|(n, _)| s.nodes.get(*n))
            .map(|n| n.id.as_str())
            .chain(
                s.nodes
                    .iter()
                    .filter(|n| n.choices.is_empty())
                    .map(|n| n.id.as_str()),
            )
            .collect();
        let endless: BTreeSet<&str> = found
            .endless
            .iter()
            .filter_map(|&n| s.nodes.get(n))
            .map(|n| n.id.as_str())
            .collect();
        for item in &mut self.items {
            let id = item.id.as_str();
            item.unreachable = if item.ending.is_some() {
                !ending_ids.contains(id)
            } else {
                !node_ids.contains(id)
            };
            item.dead_end = item.ending.is_none() && dead.contains(id);
            item.endless = endless.contains(id);
        }
    }

    /// Follows `best_path` from the start as far as it is a real path.
    fn mark_best(&mut self, s: &Scenario) {
        let mut flags = BTreeSet::new();
        let mut at = s.start.clone();
        if let Some(i) = self.item(&at) {
            self.items[i].best = true;
        }
        for step in &s.best_path {
            let Some(Target::Node(n)) = target(s, &at) else {
                return;
            };
            let Some(choice) = s.nodes[n].choices.iter().find(|c| &c.id == step) else {
                return;
            };
            apply_flags(choice, &mut flags);
            let Some(from) = self.item(&at) else { return };
            if let Some(link) = self
                .links
                .iter_mut()
                .find(|l| l.from == from && l.choice == *step)
            {
                link.best = true;
            }
            at = choice.next.clone();
            match self.item(&at) {
                Some(i) => self.items[i].best = true,
                None => return,
            }
        }
    }

    fn mark_scores(&mut self, analysis: &Analysis) {
        let mut range: BTreeMap<&str, (u32, u32, usize)> = BTreeMap::new();
        for p in &analysis.scores {
            let r = range
                .entry(p.ending.as_str())
                .or_insert((p.overall, p.overall, 0));
            r.0 = r.0.min(p.overall);
            r.1 = r.1.max(p.overall);
            r.2 = r.2.saturating_add(1);
        }
        for item in self.items.iter_mut().filter(|i| i.ending.is_some()) {
            if let Some(&(low, high, n)) = range.get(item.id.as_str()) {
                item.scores = Some((low, high));
                item.paths = n;
            }
        }
    }
}

impl MapItem {
    /// What the item is and every mark on it, in words: the accessible
    /// name of its box and the line of its outline entry.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.ending {
            Some(outcome) => parts.push(format!("Ending {} ({})", self.id, outcome.label())),
            None if self.start => parts.push(format!("Start node {}", self.id)),
            None => parts.push(format!("Node {}", self.id)),
        }
        if self.best {
            parts.push("on the best path".into());
        }
        if self.unreachable {
            parts.push("unreachable".into());
        }
        if self.dead_end {
            parts.push("dead end".into());
        }
        if self.endless {
            parts.push("endless loop".into());
        }
        if let Some((low, high)) = self.scores {
            parts.push(if low == high {
                format!("scores {low} on {} analysed path(s)", self.paths)
            } else {
                format!("scores {low} to {high} on {} analysed paths", self.paths)
            });
        } else if self.ending.is_some() && !self.unreachable {
            parts.push("no analysed path ends here".into());
        }
        parts.join(", ")
    }
}

impl MapLink {
    /// The choice and its marks, in words.
    pub fn describe(&self) -> String {
        let mut out = format!("Choice {}: {}", self.choice, self.text);
        if self.best {
            out.push_str(" (best path)");
        }
        if let Some(c) = self.critical {
            out.push_str(&format!(" (critical mistake: {})", c.label()));
        }
        out
    }
}
