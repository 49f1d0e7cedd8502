//! Where each node and ending sits: columns by depth from the start (a
//! breadth-first walk over the written links, flags ignored, so a node's
//! column is the fewest choices that can lead to it), every ending in the
//! column after the deepest node, and nodes no link reaches in a last
//! column of their own. Within a column, items keep the order the walk
//! met them (written order for the rest), so the same file always gives
//! the same map and every item has a cell of its own: no two boxes can
//! overlap.

use std::collections::{HashMap, VecDeque};

use crate::content::scenario::Scenario;

use super::{MapItem, MapLink, ScenarioMap};

/// Size of a box and the gaps between boxes, in the map's units.
pub const BOX_W: u32 = 176;
pub const BOX_H: u32 = 52;
const GAP_X: u32 = 64;
const GAP_Y: u32 = 20;
const MARGIN: u32 = 12;
/// The most nodes and endings drawn: far above any hand-written scenario,
/// and a bound on the drawing's size for a generated one.
pub const MAX_ITEMS: usize = 400;

pub(super) fn place(s: &Scenario) -> ScenarioMap {
    let nodes = s.nodes.len();
    // Depth of each node by index, breadth first from the start.
    let mut depth: Vec<Option<usize>> = vec![None; nodes];
    let mut met: Vec<usize> = Vec::with_capacity(nodes);
    let index: HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let ending_index: HashMap<&str, usize> = s
        .endings
        .iter()
        .enumerate()
        .rev()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut endings_met: Vec<usize> = Vec::new();
    let mut ending_seen = vec![false; s.endings.len()];
    let mut queue = VecDeque::new();
    if let Some(&start) = index.get(s.start.as_str()) {
        depth[start] = Some(0);
        met.push(start);
        queue.push_back(start);
    }
    while let Some(n) = queue.pop_front() {
        let d = depth[n].unwrap_or(0);
        for c in &s.nodes[n].choices {
            if let Some(&next) = index.get(c.next.as_str()) {
                if depth[next].is_none() {
                    depth[next] = Some(d.saturating_add(1));
                    met.push(next);
                    queue.push_back(next);
                }
            } else if let Some(&e) = ending_index.get(c.next.as_str()) {
                if !ending_seen[e] {
                    ending_seen[e] = true;
                    endings_met.push(e);
                }
            }
        }
    }
    let deepest = met.iter().filter_map(|&n| depth[n]).max().unwrap_or(0);
    let ending_column = if met.is_empty() { 0 } else { deepest + 1 };
    endings_met.extend((0..s.endings.len()).filter(|&e| !ending_seen[e]));
    let stray: Vec<usize> = (0..nodes).filter(|&n| depth[n].is_none()).collect();

    // (column, what) in reading order.
    enum What {
        Node(usize),
        Ending(usize),
    }
    let mut order: Vec<(usize, What)> = Vec::with_capacity(nodes + s.endings.len());
    let mut by_depth: Vec<(usize, usize)> =
        met.iter().map(|&n| (depth[n].unwrap_or(0), n)).collect();
    // Stable: within a depth, the order the walk met them.
    crate::sort::by_key(&mut by_depth, |&(d, _)| d);
    order.extend(by_depth.into_iter().map(|(d, n)| (d, What::Node(n))));
    order.extend(
        endings_met
            .into_iter()
            .map(|e| (ending_column, What::Ending(e))),
    );
    let stray_column = ending_column + 1;
    order.extend(stray.into_iter().map(|n| (stray_column, What::Node(n))));

    let total = order.len();
    order.truncate(MAX_ITEMS);
    let mut map = ScenarioMap {
        left_out: total - order.len(),
        ..ScenarioMap::default()
    };
    let mut rows: Vec<usize> = Vec::new();
    let mut node_item: HashMap<usize, usize> = HashMap::new();
    let mut ending_item: HashMap<usize, usize> = HashMap::new();
    for (column, what) in order {
        if rows.len() <= column {
            rows.resize(column + 1, 0);
        }
        let row = rows[column];
        rows[column] += 1;
        let (id, ending) = match what {
            What::Node(n) => {
                node_item.insert(n, map.items.len());
                (s.nodes[n].id.clone(), None)
            }
            What::Ending(e) => {
                ending_item.insert(e, map.items.len());
                (s.endings[e].id.clone(), Some(s.endings[e].outcome))
            }
        };
        let step = |i: usize, size: u32, gap: u32| {
            MARGIN.saturating_add(
                u32::try_from(i)
                    .unwrap_or(u32::MAX)
                    .saturating_mul(size + gap),
            )
        };
        map.items.push(MapItem {
            start: ending.is_none() && id == s.start,
            id,
            ending,
            column,
            row,
            x: step(column, BOX_W, GAP_X),
            y: step(row, BOX_H, GAP_Y),
            best: false,
            unreachable: false,
            dead_end: false,
            endless: false,
            scores: None,
            paths: 0,
        });
    }
    map.width = map
        .items
        .iter()
        .map(|i| i.x.saturating_add(BOX_W + MARGIN))
        .max()
        .unwrap_or(0);
    map.height = map
        .items
        .iter()
        .map(|i| i.y.saturating_add(BOX_H + MARGIN))
        .max()
        .unwrap_or(0);
    for (n, node) in s.nodes.iter().enumerate() {
        let Some(&from) = node_item.get(&n) else {
            continue;
        };
        for c in &node.choices {
            let to = match (
                index.get(c.next.as_str()),
                ending_index.get(c.next.as_str()),
            ) {
                (Some(t), _) => node_item.get(t).copied(),
                (None, Some(e)) => ending_item.get(e).copied(),
                (None, None) => None,
            };
            map.links.push(MapLink {
                choice: c.id.clone(),
                text: c.text.clone(),
                from,
                to,
                best: false,
                critical: c.critical,
            });
        }
    }
    map
}
