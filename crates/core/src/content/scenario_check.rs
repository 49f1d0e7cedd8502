//! Checks a scenario's structure: every link leads somewhere, every node
//! can be reached, every path ends, the ticket can be resolved, and the best
//! path is a real path. Also works out the reachable score range for each
//! dimension.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::finding::Reporter;
use super::path::JsonPath;
use super::scenario::{Choice, Outcome, Scenario};

/// Paths explored at most when working out score ranges.
const PATH_LIMIT: usize = 200_000;

/// A link target: a node or an ending.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'a> {
    Node(usize),
    Ending(&'a super::scenario::Ending),
}

pub fn target<'a>(s: &'a Scenario, id: &str) -> Option<Target<'a>> {
    if let Some(i) = s.nodes.iter().position(|n| n.id == id) {
        return Some(Target::Node(i));
    }
    s.endings.iter().find(|e| e.id == id).map(Target::Ending)
}

/// Whether a choice's flag conditions hold (frustration conditions aside).
pub fn flags_allow(choice: &Choice, flags: &BTreeSet<String>) -> bool {
    choice.requires.flags.iter().all(|f| flags.contains(f))
        && !choice.requires.not_flags.iter().any(|f| flags.contains(f))
}

/// Applies a choice's flag changes.
pub fn apply_flags(choice: &Choice, flags: &mut BTreeSet<String>) {
    for f in &choice.effects.clear {
        flags.remove(f);
    }
    for f in &choice.effects.set {
        flags.insert(f.clone());
    }
}

/// The lowest and highest total a dimension can reach over complete paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    pub min: i32,
    pub max: i32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub technical: Range,
    pub service: Range,
    pub process: Range,
    /// Complete paths found (up to the limit).
    pub paths: usize,
    /// True when there were more paths than the limit.
    pub truncated: bool,
    /// Ids of endings some path reaches.
    pub endings_reached: BTreeSet<String>,
}

/// Explores every path without repeating a (node, flags) state, counting
/// each choice's points once, the way the engine does.
pub fn analyse(s: &Scenario) -> Analysis {
    let mut analysis = Analysis {
        technical: Range {
            min: i32::MAX,
            max: i32::MIN,
        },
        service: Range {
            min: i32::MAX,
            max: i32::MIN,
        },
        process: Range {
            min: i32::MAX,
            max: i32::MIN,
        },
        ..Analysis::default()
    };
    let Some(Target::Node(start)) = target(s, &s.start) else {
        return Analysis::default();
    };
    let mut on_path: Vec<(usize, BTreeSet<String>)> = Vec::new();
    let mut taken: HashSet<&str> = HashSet::new();
    explore(
        s,
        start,
        BTreeSet::new(),
        [0; 3],
        &mut on_path,
        &mut taken,
        &mut analysis,
    );
    if analysis.paths == 0 {
        return Analysis {
            truncated: analysis.truncated,
            ..Analysis::default()
        };
    }
    analysis
}

fn explore<'a>(
    s: &'a Scenario,
    node: usize,
    flags: BTreeSet<String>,
    points: [i32; 3],
    on_path: &mut Vec<(usize, BTreeSet<String>)>,
    taken: &mut HashSet<&'a str>,
    analysis: &mut Analysis,
) {
    if analysis.paths >= PATH_LIMIT {
        analysis.truncated = true;
        return;
    }
    if on_path.iter().any(|(n, f)| *n == node && *f == flags) {
        return;
    }
    on_path.push((node, flags.clone()));
    for choice in s.nodes[node]
        .choices
        .iter()
        .filter(|c| flags_allow(c, &flags))
    {
        let first_time = taken.insert(choice.id.as_str());
        let mut next_points = points;
        if first_time {
            next_points[0] += choice.effects.technical;
            next_points[1] += choice.effects.service;
            next_points[2] += choice.effects.process;
        }
        let mut next_flags = flags.clone();
        apply_flags(choice, &mut next_flags);
        match target(s, &choice.next) {
            Some(Target::Node(next)) => {
                explore(s, next, next_flags, next_points, on_path, taken, analysis)
            }
            Some(Target::Ending(ending)) => {
                let totals = [
                    next_points[0] + ending.technical,
                    next_points[1] + ending.service,
                    next_points[2] + ending.process,
                ];
                for (range, total) in [
                    &mut analysis.technical,
                    &mut analysis.service,
                    &mut analysis.process,
                ]
                .into_iter()
                .zip(totals)
                {
                    range.min = range.min.min(total);
                    range.max = range.max.max(total);
                }
                analysis.paths += 1;
                analysis.endings_reached.insert(ending.id.clone());
            }
            None => {}
        }
        if first_time {
            taken.remove(choice.id.as_str());
        }
    }
    on_path.pop();
}

/// Checks a scenario; returns false when it cannot be played.
pub fn check(s: &Scenario, report: &mut Reporter) -> bool {
    let root = JsonPath::root();
    let before = report.error_count();
    let node_path = |i: usize| root.key("nodes").index(i);

    for (field, value) in [("id", &s.id), ("title", &s.title), ("summary", &s.summary)] {
        if value.trim().is_empty() {
            report.error(&root.key(field), format!("{field} is empty"));
        }
    }
    if s.id.chars().any(char::is_whitespace) {
        report.error(
            &root.key("id"),
            format!(
                "scenario id \"{}\" contains spaces; use letters, digits and dashes",
                s.id
            ),
        );
    }
    if s.duties.is_empty() {
        report.error(
            &root.key("duties"),
            "list at least one duty this scenario practises",
        );
    }
    check_persona(s, report);
    if s.ticket.sla_minutes == 0 {
        report.error(
            &root.key("ticket").key("sla_minutes"),
            "sla_minutes must be at least 1",
        );
    }
    if s.ticket.report.trim().is_empty() {
        report.error(
            &root.key("ticket").key("report"),
            "write the user's first report in their own words",
        );
    }

    // Ids: unique across nodes and endings; choice ids unique in the scenario.
    let mut ids: HashMap<String, JsonPath> = HashMap::new();
    let mut unique = |report: &mut Reporter, id: &str, path: JsonPath, what: &str| {
        if let Some(first) = ids.get(id) {
            let first = report.where_is(first);
            report.error(
                &path,
                format!("duplicate {what} id \"{id}\"; first used at {first}"),
            );
        } else {
            ids.insert(id.to_owned(), path);
        }
    };
    for (i, node) in s.nodes.iter().enumerate() {
        unique(report, &node.id, node_path(i).key("id"), "node");
    }
    for (i, ending) in s.endings.iter().enumerate() {
        unique(
            report,
            &ending.id,
            root.key("endings").index(i).key("id"),
            "ending",
        );
    }
    let mut choice_ids: HashMap<&str, JsonPath> = HashMap::new();
    for (i, node) in s.nodes.iter().enumerate() {
        for (j, choice) in node.choices.iter().enumerate() {
            let path = node_path(i).key("choices").index(j);
            if let Some(first) = choice_ids.get(choice.id.as_str()) {
                let first = report.where_is(first);
                report.error(
                    &path.key("id"),
                    format!(
                        "duplicate choice id \"{}\" in node \"{}\"; first used at {first}",
                        choice.id, node.id
                    ),
                );
            } else {
                choice_ids.insert(&choice.id, path.key("id"));
            }
        }
    }

    // Links.
    if !matches!(target(s, &s.start), Some(Target::Node(_))) {
        report.error(
            &root.key("start"),
            format!("start \"{}\" is not a node id", s.start),
        );
    }
    for (field, wanted) in [
        ("on_give_up", Outcome::GaveUp),
        ("on_sla_breach", Outcome::SlaBreached),
    ] {
        let id = if field == "on_give_up" {
            &s.on_give_up
        } else {
            &s.on_sla_breach
        };
        match s.endings.iter().find(|e| &e.id == id) {
            Some(e) if e.outcome == wanted => {}
            Some(e) => report.error(
                &root.key(field),
                format!(
                    "{field} names ending \"{id}\" whose outcome is {}, not {}",
                    e.outcome.label(),
                    wanted.label()
                ),
            ),
            None => report.error(
                &root.key(field),
                format!("{field} names \"{id}\", which is not an ending id"),
            ),
        }
    }
    for (i, node) in s.nodes.iter().enumerate() {
        let path = node_path(i);
        let u = &node.user;
        if u.calm.is_none() && u.annoyed.is_none() && u.angry.is_none() {
            report.error(&path.key("user"), format!("node \"{}\" gives the user nothing to say: add \"calm\", \"annoyed\" or \"angry\"", node.id));
        }
        if node.choices.is_empty() {
            report.error(&path.key("choices"), format!("node \"{}\" is a dead end: it has no choices; add a choice or link to an ending instead", node.id));
        }
        for (j, choice) in node.choices.iter().enumerate() {
            let cpath = path.key("choices").index(j);
            if target(s, &choice.next).is_none() {
                report.error(&cpath.key("next"), format!("choice \"{}\" in node \"{}\" leads to \"{}\", which is neither a node nor an ending (a dangling link)", choice.id, node.id, choice.next));
            }
            if choice.text.trim().is_empty() {
                report.error(&cpath.key("text"), "write what the technician says or does");
            }
            if choice.feedback.trim().is_empty() {
                report.error(
                    &cpath.key("feedback"),
                    format!(
                        "choice \"{}\" needs feedback naming the behaviour it shows",
                        choice.id
                    ),
                );
            }
            if let (Some(min), Some(max)) = (
                choice.requires.min_frustration,
                choice.requires.max_frustration,
            ) {
                if min > max {
                    report.error(&cpath.key("requires"), format!("choice \"{}\" can never be offered: min_frustration {min} is above max_frustration {max}", choice.id));
                }
            }
        }
    }
    for (i, ending) in s.endings.iter().enumerate() {
        let path = root.key("endings").index(i);
        if ending.outcome == Outcome::Escalated && !matches!(ending.tier, Some(2 | 3)) {
            report.error(
                &path.key("tier"),
                format!(
                    "escalated ending \"{}\" must name the tier it goes to: \"tier\": 2 or 3",
                    ending.id
                ),
            );
        }
        if ending.text.trim().is_empty() {
            report.error(&path.key("text"), "describe what happens at this ending");
        }
    }
    if report.error_count() > before {
        return false;
    }

    check_graph(s, report);
    check_best_path(s, report);
    check_notes(s, report);
    report.error_count() == before
}

fn check_persona(s: &Scenario, report: &mut Reporter) {
    let p = &s.persona;
    let path = JsonPath::root().key("persona");
    if p.frustration > 100 {
        report.error(&path.key("frustration"), "frustration runs from 0 to 100");
    }
    if p.patience == 0 || p.patience > 100 {
        report.error(
            &path.key("patience"),
            "patience (the frustration at which the user gives up) runs from 1 to 100",
        );
    }
    if p.time_pressure > 10 {
        report.error(
            &path.key("time_pressure"),
            "time_pressure runs from 0 to 10 frustration points per minute",
        );
    }
    if p.mood_spread > 30 {
        report.error(&path.key("mood_spread"), "mood_spread runs from 0 to 30");
    }
    if u16::from(p.frustration) + u16::from(p.mood_spread) >= u16::from(p.patience) {
        report.error(
            &path.key("patience"),
            format!(
                "the user could give up before the first word: starting frustration {} (plus spread {}) reaches patience {}",
                p.frustration, p.mood_spread, p.patience
            ),
        );
    }
}

/// Reachability, dead ends, endless loops and the endings paths reach,
/// over (node, flags) states; frustration and time are dynamic and the
/// engine handles them (the user gives up, or the SLA ends the call).
fn check_graph(s: &Scenario, report: &mut Reporter) {
    let root = JsonPath::root();
    let Some(Target::Node(start)) = target(s, &s.start) else {
        return;
    };
    // Forward search over states.
    let mut states: Vec<(usize, BTreeSet<String>)> = vec![(start, BTreeSet::new())];
    let mut index: HashMap<(usize, BTreeSet<String>), usize> = HashMap::new();
    index.insert((start, BTreeSet::new()), 0);
    let mut edges: Vec<Vec<Option<usize>>> = Vec::new(); // None = an ending
    let mut endings_of: Vec<Vec<Outcome>> = Vec::new();
    let mut at = 0;
    while at < states.len() {
        if states.len() > 50_000 {
            report.warning(
                &root.key("nodes"),
                "too many flag combinations to check every path; simplify the flags",
            );
            return;
        }
        let (node, flags) = states[at].clone();
        let mut out = Vec::new();
        let mut ends = Vec::new();
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
                    out.push(Some(id));
                }
                Some(Target::Ending(e)) => {
                    out.push(None);
                    ends.push(e.outcome);
                }
                None => {}
            }
        }
        edges.push(out);
        endings_of.push(ends);
        at += 1;
    }
    let node_path = |i: usize| root.key("nodes").index(i);
    // Unreachable nodes.
    let reached: BTreeSet<usize> = states.iter().map(|(n, _)| *n).collect();
    for (i, node) in s.nodes.iter().enumerate() {
        if !reached.contains(&i) {
            report.error(
                &node_path(i).key("id"),
                format!(
                    "node \"{}\" can never be reached from start \"{}\"; link to it or remove it",
                    node.id, s.start
                ),
            );
        }
    }
    // Dead ends: a reachable state with no choice its flags allow.
    let mut reported: BTreeSet<usize> = BTreeSet::new();
    for (state, out) in edges.iter().enumerate() {
        let node = states[state].0;
        if out.is_empty() && !s.nodes[node].choices.is_empty() && reported.insert(node) {
            let flags: Vec<&str> = states[state].1.iter().map(String::as_str).collect();
            report.error(
                &node_path(node).key("choices"),
                format!("node \"{}\" is a dead end when the flags are [{}]: no choice is offered; add a choice without conditions", s.nodes[node].id, flags.join(", ")),
            );
        }
    }
    // Endless loops: states from which no ending can be reached.
    let mut can_end: Vec<bool> = endings_of.iter().map(|e| !e.is_empty()).collect();
    loop {
        let mut changed = false;
        for (i, out) in edges.iter().enumerate() {
            if !can_end[i] && out.iter().flatten().any(|&j| can_end[j]) {
                can_end[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut looped: BTreeSet<usize> = BTreeSet::new();
    for (i, ok) in can_end.iter().enumerate() {
        let node = states[i].0;
        if !ok && !edges[i].is_empty() && looped.insert(node) {
            report.error(&node_path(node).key("choices"), format!("from node \"{}\" no path ever reaches an ending (an endless loop); give it a way out", s.nodes[node].id));
        }
    }
    // Outcomes.
    let outcomes: Vec<Outcome> = endings_of.iter().flatten().copied().collect();
    if !outcomes.contains(&Outcome::Resolved) {
        report.error(&root.key("endings"), "no path resolves the ticket: at least one path must reach an ending with \"outcome\": \"resolved\"");
    }
    let good: BTreeSet<&str> = s
        .endings
        .iter()
        .filter(|e| e.outcome.is_good())
        .filter(|e| {
            s.nodes
                .iter()
                .enumerate()
                .any(|(i, n)| reached.contains(&i) && n.choices.iter().any(|c| c.next == e.id))
        })
        .map(|e| e.id.as_str())
        .collect();
    if good.len() < 2 {
        report.error(&root.key("endings"), format!("a scenario needs at least two distinct good or partial endings (resolved or escalated) that paths reach; found {}", good.len()));
    }
}

fn check_best_path(s: &Scenario, report: &mut Reporter) {
    let path = JsonPath::root().key("best_path");
    let Some(Target::Node(mut node)) = target(s, &s.start) else {
        return;
    };
    let mut flags = BTreeSet::new();
    if s.best_path.is_empty() {
        report.error(&path, "list the ids of the choices along the best path");
        return;
    }
    for (i, id) in s.best_path.iter().enumerate() {
        let Some(choice) = s.nodes[node].choices.iter().find(|c| &c.id == id) else {
            report.error(
                &path.index(i),
                format!(
                    "best_path step {} is \"{id}\", which is not a choice of node \"{}\"",
                    i + 1,
                    s.nodes[node].id
                ),
            );
            return;
        };
        if !flags_allow(choice, &flags) {
            report.error(&path.index(i), format!("best_path step {} (\"{id}\") is not offered there: its flag conditions do not hold", i + 1));
            return;
        }
        apply_flags(choice, &mut flags);
        match target(s, &choice.next) {
            Some(Target::Node(n)) => node = n,
            Some(Target::Ending(ending)) => {
                if i + 1 != s.best_path.len() {
                    report.error(
                        &path.index(i + 1),
                        format!(
                            "best_path continues after reaching ending \"{}\"",
                            ending.id
                        ),
                    );
                } else if ending.outcome != Outcome::Resolved
                    && ending.outcome != Outcome::Escalated
                {
                    report.error(&path.index(i), format!("best_path ends at \"{}\", which loses the user; it must end resolved or escalated", ending.id));
                }
                return;
            }
            None => return,
        }
    }
    report.error(
        &path,
        format!(
            "best_path stops at node \"{}\" without reaching an ending",
            s.nodes[node].id
        ),
    );
}

fn check_notes(s: &Scenario, report: &mut Reporter) {
    let path = JsonPath::root().key("notes");
    if s.notes.facts.is_empty() {
        report.error(
            &path.key("facts"),
            "list the key facts a good ticket must contain",
        );
    }
    for (i, fact) in s.notes.facts.iter().enumerate() {
        let fpath = path.key("facts").index(i);
        if s.notes.facts[..i].iter().any(|f| f.id == fact.id) {
            report.error(
                &fpath.key("id"),
                format!("duplicate fact id \"{}\"", fact.id),
            );
        }
        if fact.phrases.iter().all(|p| p.trim().is_empty()) {
            report.error(
                &fpath.key("phrases"),
                format!("fact \"{}\" needs at least one phrase to look for", fact.id),
            );
        }
    }
}
