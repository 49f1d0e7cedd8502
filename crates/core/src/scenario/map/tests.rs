//! The map on small scenarios: every item placed once without overlap,
//! the same file giving the same map, and the marks where the engine and
//! the analyser say they belong.

use serde_json::{json, Value};

use crate::content::scenario::{CriticalMistake, Outcome, Scenario};
use crate::scenario::analyse::analyse;
use crate::scenario::tests::base;

use super::{outline, Outline, ScenarioMap, Step, BOX_H, BOX_W, MAX_ITEMS};

fn parse(v: &Value) -> Scenario {
    serde_json::from_value(v.clone()).expect("fixture is a scenario")
}

/// The base scenario with a node nothing links to, a node whose only
/// choice needs a flag never set (a dead end), and one that only loops.
fn broken() -> Scenario {
    let mut v = base();
    let nodes = v["nodes"].as_array_mut().expect("nodes");
    nodes[1]["choices"].as_array_mut().expect("choices").extend([
        json!({ "id": "to-stuck", "type": "say", "text": "Hold on.", "feedback": "f", "next": "stuck" }),
        json!({ "id": "to-loop", "type": "say", "text": "Let me think.", "feedback": "f", "next": "loop" }),
    ]);
    nodes.extend([
        json!({ "id": "orphan", "user": { "calm": "Nobody comes here." }, "choices": [
            { "id": "orphan-out", "type": "close", "text": "Bye.", "feedback": "f", "next": "end-ok" } ] }),
        json!({ "id": "stuck", "user": { "calm": "Well?" }, "choices": [
            { "id": "never", "type": "act", "text": "Fix.", "requires": { "flags": ["never-set"] },
              "feedback": "f", "next": "end-ok" } ] }),
        json!({ "id": "loop", "user": { "calm": "Hmm." }, "choices": [
            { "id": "again", "type": "say", "text": "Still thinking.", "feedback": "f", "next": "loop" } ] }),
    ]);
    parse(&v)
}

fn item<'a>(map: &'a ScenarioMap, id: &str) -> &'a super::MapItem {
    let i = map.item(id).unwrap_or_else(|| panic!("{id} is on the map"));
    &map.items[i]
}

fn assert_placed_once_without_overlap(s: &Scenario, map: &ScenarioMap) {
    let mut ids: Vec<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    ids.sort_unstable();
    let mut want: Vec<&str> = s
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .chain(s.endings.iter().map(|e| e.id.as_str()))
        .collect();
    want.sort_unstable();
    assert_eq!(ids, want, "every node and ending is placed exactly once");
    for (i, a) in map.items.iter().enumerate() {
        assert!(a.x + BOX_W <= map.width && a.y + BOX_H <= map.height);
        for b in &map.items[i + 1..] {
            let apart = a.x + BOX_W <= b.x
                || b.x + BOX_W <= a.x
                || a.y + BOX_H <= b.y
                || b.y + BOX_H <= a.y;
            assert!(apart, "{} and {} overlap", a.id, b.id);
        }
    }
}

#[test]
fn every_item_is_placed_once_without_overlap_and_the_same_file_gives_the_same_map() {
    for s in [parse(&base()), broken()] {
        let map = ScenarioMap::build(&s, None);
        assert_placed_once_without_overlap(&s, &map);
        assert_eq!(map, ScenarioMap::build(&s, None));
        assert_eq!(map.left_out, 0);
        // One link per choice.
        let choices: usize = s.nodes.iter().map(|n| n.choices.len()).sum();
        assert_eq!(map.links.len(), choices);
    }
}

#[test]
fn columns_follow_depth_with_endings_after_the_nodes_and_strays_last() {
    let map = ScenarioMap::build(&broken(), None);
    assert_eq!(item(&map, "hello").column, 0);
    assert!(item(&map, "hello").start);
    assert_eq!(item(&map, "fix").column, 1);
    assert_eq!(item(&map, "stuck").column, 2);
    for ending in ["end-ok", "end-esc", "end-lost", "end-late"] {
        assert_eq!(item(&map, ending).column, 3, "{ending}");
    }
    assert_eq!(item(&map, "orphan").column, 4);
    // Reading order is column by column.
    let columns: Vec<usize> = map.items.iter().map(|i| i.column).collect();
    assert!(columns.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn marks_show_the_best_path_critical_mistakes_and_what_is_broken() {
    let s = broken();
    let map = ScenarioMap::build(&s, None);
    let best: Vec<&str> = map
        .items
        .iter()
        .filter(|i| i.best)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(best, ["hello", "fix", "end-ok"]);
    let best_links: Vec<&str> = map
        .links
        .iter()
        .filter(|l| l.best)
        .map(|l| l.choice.as_str())
        .collect();
    assert_eq!(best_links, ["verify", "reset"]);
    let critical: Vec<(&str, CriticalMistake)> = map
        .links
        .iter()
        .filter_map(|l| l.critical.map(|c| (l.choice.as_str(), c)))
        .collect();
    assert_eq!(critical, [("reset-now", CriticalMistake::UnverifiedChange)]);

    let marked = |f: fn(&super::MapItem) -> bool| -> Vec<&str> {
        map.items
            .iter()
            .filter(|i| f(i))
            .map(|i| i.id.as_str())
            .collect()
    };
    // The give-up and deadline endings are the engine's, never unreachable.
    assert_eq!(marked(|i| i.unreachable), ["orphan"]);
    assert_eq!(marked(|i| i.dead_end), ["stuck"]);
    assert_eq!(marked(|i| i.endless), ["loop"]);
    assert!(item(&map, "stuck").describe().contains("dead end"));
    assert!(item(&map, "orphan").describe().contains("unreachable"));
    assert_eq!(item(&map, "end-lost").ending, Some(Outcome::GaveUp));

    // A sound scenario has none of these marks.
    let sound = ScenarioMap::build(&parse(&base()), None);
    assert!(sound
        .items
        .iter()
        .all(|i| !i.unreachable && !i.dead_end && !i.endless));
}

#[test]
fn endings_show_the_analysers_score_range() {
    let s = parse(&base());
    let analysis = analyse(&s);
    let map = ScenarioMap::build(&s, Some(&analysis));
    let ok = item(&map, "end-ok");
    let (low, high) = ok.scores.expect("paths end resolved");
    assert!(
        low < high,
        "a critical path and the best path both end here"
    );
    assert_eq!(Some(high), analysis.best.as_ref().map(|b| b.overall));
    let paths: usize = map.items.iter().map(|i| i.paths).sum();
    assert_eq!(
        paths,
        analysis.scores.len(),
        "every analysed path is counted once"
    );
    for p in &analysis.scores {
        let (low, high) = item(&map, &p.ending).scores.expect("range");
        assert!((low..=high).contains(&p.overall));
    }
    assert!(ok.describe().contains(&format!("scores {low} to {high}")));
}

fn count(o: &Outline, spelled: &mut Vec<usize>, steps: &mut usize) {
    spelled.push(o.item);
    for step in &o.steps {
        *steps += 1;
        if let Step::Then(_, child) = step {
            count(child, spelled, steps);
        }
    }
}

#[test]
fn the_outline_spells_every_item_once_and_every_choice_once() {
    let map = ScenarioMap::build(&broken(), None);
    let tree = outline(&map);
    assert_eq!(map.items[tree[0].item].id, "hello", "the start comes first");
    let (mut spelled, mut steps) = (Vec::new(), 0);
    for o in &tree {
        count(o, &mut spelled, &mut steps);
    }
    spelled.sort_unstable();
    assert_eq!(spelled, (0..map.items.len()).collect::<Vec<_>>());
    assert_eq!(steps, map.links.len());
}

#[test]
fn a_huge_generated_scenario_is_drawn_in_part_and_outlined_without_recursion() {
    let mut v = base();
    let mut nodes = vec![];
    for i in 0..2_000 {
        let next = if i + 1 < 2_000 {
            format!("n{}", i + 1)
        } else {
            "end-ok".into()
        };
        nodes.push(json!({ "id": format!("n{i}"), "user": { "calm": "x" }, "choices": [
            { "id": format!("c{i}"), "type": "say", "text": "y", "feedback": "f", "next": next } ] }));
    }
    v["nodes"] = Value::Array(nodes);
    v["start"] = json!("n0");
    let s = parse(&v);
    let map = ScenarioMap::build(&s, None);
    assert_eq!(map.items.len(), MAX_ITEMS);
    assert_eq!(map.left_out, 2_000 + 4 - MAX_ITEMS);
    let tree = outline(&map);
    assert_eq!(tree.len(), 1);
}
