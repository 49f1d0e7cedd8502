//! Where a scenario's evidence breaks a rule: tools (ids, titles, minutes,
//! content, where they can be opened), `requires.seen` on choices and
//! node hints. What opening a tool means is the engine's
//! (`crate::scenario::evidence`); this module reports where a file gets it
//! wrong and how to fix it.

use std::collections::{BTreeSet, HashMap};
use std::ops::RangeInclusive;

use crate::content::finding::Reporter;
use crate::content::path::JsonPath;
use crate::content::scenario::Scenario;
use crate::scenario::graph::{target, Target};

/// Simulated minutes opening one tool takes.
pub const TOOL_MINUTES: RangeInclusive<u32> = 1..=60;

/// The checks that need only the file: ids, texts, numbers and the ids
/// tools and choices name. Run before the graph is walked.
pub fn check_tools(s: &Scenario, report: &mut Reporter) {
    let root = JsonPath::root();
    let node_ids: BTreeSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut ids: HashMap<&str, JsonPath> = HashMap::new();
    for (i, t) in s.tools.iter().enumerate() {
        let path = root.key("tools").index(i);
        if t.id.trim().is_empty() || t.id.chars().any(char::is_whitespace) {
            report.error(
                &path.key("id"),
                format!(
                    "tool id \"{}\" must be a word without spaces, such as \"ad-account\"",
                    t.id
                ),
            );
        }
        if let Some(first) = ids.get(t.id.as_str()) {
            let first = report.where_is(first);
            report.error(
                &path.key("id"),
                format!(
                    "duplicate tool id \"{}\"; first used at {first}: give each tool its own id",
                    t.id
                ),
            );
        } else {
            ids.insert(&t.id, path.key("id"));
        }
        if t.title.trim().is_empty() {
            report.error(
                &path.key("title"),
                format!(
                    "tool \"{}\" needs a title, such as \"Directory account\"",
                    t.id
                ),
            );
        }
        if let Some(m) = t.minutes.filter(|m| !TOOL_MINUTES.contains(m)) {
            report.error(
                &path.key("minutes"),
                format!(
                    "minutes {m} is outside {}-{} (simulated minutes to open tool \"{}\")",
                    TOOL_MINUTES.start(),
                    TOOL_MINUTES.end(),
                    t.id
                ),
            );
        }
        for (j, node) in t.available_from.iter().enumerate() {
            if !node_ids.contains(node.as_str()) {
                report.error(
                    &path.key("available_from").index(j),
                    format!(
                        "tool \"{}\" is available from \"{node}\", which is not a node id: name a node, or leave available_from out to offer it everywhere",
                        t.id
                    ),
                );
            }
        }
        let c = &t.content;
        let empty = c.rows.iter().all(|r| r.value.trim().is_empty())
            && c.command.as_deref().is_none_or(|x| x.trim().is_empty())
            && c.output.as_deref().is_none_or(|x| x.trim().is_empty());
        if empty {
            report.error(
                &path.key("content"),
                format!(
                    "tool \"{}\" shows nothing: give its content \"rows\" of {{ \"label\", \"value\" }}, or a \"command\" and its \"output\"",
                    t.id
                ),
            );
        }
        if t.points_to.as_deref().is_some_and(|p| p.trim().is_empty()) {
            report.error(
                &path.key("points_to"),
                format!(
                    "tool \"{}\" has an empty points_to: say in a sentence where the evidence points, or leave it out",
                    t.id
                ),
            );
        }
    }
    for (i, node) in s.nodes.iter().enumerate() {
        let npath = root.key("nodes").index(i);
        if node.hint.as_deref().is_some_and(|h| h.trim().is_empty()) {
            report.error(
                &npath.key("hint"),
                format!(
                    "node \"{}\" has an empty hint: write one, or leave it out",
                    node.id
                ),
            );
        }
        for (j, choice) in node.choices.iter().enumerate() {
            for (k, id) in choice.requires.seen.iter().enumerate() {
                if !ids.contains_key(id.as_str()) {
                    report.error(
                        &npath
                            .key("choices")
                            .index(j)
                            .key("requires")
                            .key("seen")
                            .index(k),
                        format!(
                            "choice \"{}\" requires having seen \"{id}\", which is not a tool id: add it to \"tools\" or correct the id",
                            choice.id
                        ),
                    );
                }
            }
        }
    }
}

/// The checks that follow the links, once they are known to be sound:
/// evidence that can never be shown, a choice that needs evidence no path
/// to it can show, and an expected check the best path cannot make.
pub fn check_evidence_paths(s: &Scenario, report: &mut Reporter) {
    if s.tools.is_empty() {
        return;
    }
    let root = JsonPath::root();
    let index: HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let links: Vec<Vec<usize>> = s
        .nodes
        .iter()
        .map(|n| {
            n.choices
                .iter()
                .filter_map(|c| match target(s, &c.next) {
                    Some(Target::Node(j)) => Some(j),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let Some(&start) = index.get(s.start.as_str()) else {
        return;
    };
    let reachable = closure(&[start], |i| links[i].clone());
    let available = |t: &crate::content::scenario::Tool| -> Vec<usize> {
        if t.available_from.is_empty() {
            (0..s.nodes.len()).collect()
        } else {
            t.available_from
                .iter()
                .filter_map(|n| index.get(n.as_str()).copied())
                .collect()
        }
    };
    for (i, t) in s.tools.iter().enumerate() {
        if !available(t).iter().any(|n| reachable.contains(n)) {
            report.error(
                &root.key("tools").index(i).key("available_from"),
                format!(
                    "tool \"{}\" is never shown: none of the nodes it is available from can be reached; name a node the conversation reaches",
                    t.id
                ),
            );
        }
    }
    // A choice needing a tool: the tool must be available at the choice's
    // node or at a node some path passes through on the way to it.
    for (i, node) in s.nodes.iter().enumerate() {
        let before = closure(&[i], |n| {
            (0..s.nodes.len())
                .filter(|&m| links[m].contains(&n))
                .collect()
        });
        for (j, choice) in node.choices.iter().enumerate() {
            for (k, id) in choice.requires.seen.iter().enumerate() {
                let Some(t) = s.tools.iter().find(|t| &t.id == id) else {
                    continue;
                };
                if !available(t).iter().any(|n| before.contains(n)) {
                    report.error(
                        &root
                            .key("nodes")
                            .index(i)
                            .key("choices")
                            .index(j)
                            .key("requires")
                            .key("seen")
                            .index(k),
                        format!(
                            "choice \"{}\" depends on tool \"{id}\", which cannot have been seen at node \"{}\": no node on a path to it offers the tool; add \"{}\" (or a node before it) to the tool's available_from",
                            choice.id, node.id, node.id
                        ),
                    );
                }
            }
        }
    }
    // The best path must be able to make every expected check.
    let mut on_best: Vec<usize> = vec![start];
    let mut at = start;
    for id in &s.best_path {
        let Some(c) = s.nodes[at].choices.iter().find(|c| &c.id == id) else {
            break;
        };
        match target(s, &c.next) {
            Some(Target::Node(n)) => {
                at = n;
                on_best.push(n);
            }
            _ => break,
        }
    }
    for (i, t) in s.tools.iter().enumerate() {
        if t.expected && !available(t).iter().any(|n| on_best.contains(n)) {
            report.error(
                &root.key("tools").index(i).key("expected"),
                format!(
                    "tool \"{}\" is an expected check, but no node on the best path offers it, so the best play could not make it: add a best-path node to its available_from",
                    t.id
                ),
            );
        }
    }
}

/// Every index reached from `from` by `next`, `from` included.
fn closure(from: &[usize], next: impl Fn(usize) -> Vec<usize>) -> BTreeSet<usize> {
    let mut seen: BTreeSet<usize> = from.iter().copied().collect();
    let mut todo: Vec<usize> = from.to_vec();
    while let Some(i) = todo.pop() {
        for j in next(i) {
            if seen.insert(j) {
                todo.push(j);
            }
        }
    }
    seen
}
