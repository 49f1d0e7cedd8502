//! The map as a nested outline, for reading without the drawing: from the
//! start, each node with its choices, each choice with where it leads.
//! A node is spelled out under the first choice that reaches it (depth
//! first, in written order) and named as "see above" after that, so the
//! outline holds every item once and stays as long as the file. Items the
//! start never leads to follow as outlines of their own.

use super::ScenarioMap;

/// One item and, for a node met for the first time, its choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub item: usize,
    pub steps: Vec<Step>,
}

/// A choice (a link index) and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// To an item spelled out here.
    Then(usize, Outline),
    /// To an item spelled out elsewhere in the outline.
    Seen(usize, usize),
    /// To nothing on the map.
    Nowhere(usize),
}

/// Every item of `map` once: the start's outline first, then the items it
/// never leads to, each in reading order.
pub fn outline(map: &ScenarioMap) -> Vec<Outline> {
    let mut spelled = vec![false; map.items.len()];
    let mut out = Vec::new();
    let roots = map
        .items
        .iter()
        .position(|i| i.start)
        .into_iter()
        .chain(0..map.items.len());
    for root in roots {
        if !spelled[root] {
            out.push(spell(map, root, &mut spelled));
        }
    }
    out
}

/// Depth first without recursion (a generated chain of hundreds of nodes
/// must not exhaust the stack): a stack of outlines under construction,
/// each with the next link to look at.
fn spell(map: &ScenarioMap, root: usize, spelled: &mut [bool]) -> Outline {
    spelled[root] = true;
    let mut stack: Vec<(Outline, Vec<usize>, usize)> = vec![(
        Outline {
            item: root,
            steps: Vec::new(),
        },
        links(map, root),
        0,
    )];
    loop {
        let Some((_, pending, next)) = stack.last_mut() else {
            // Unreachable: the root is popped only after the loop ends.
            return Outline {
                item: root,
                steps: Vec::new(),
            };
        };
        if let Some(&link) = pending.get(*next) {
            *next += 1;
            match map.links[link].to {
                None => push(&mut stack, Step::Nowhere(link)),
                Some(to) if spelled[to] => push(&mut stack, Step::Seen(link, to)),
                Some(to) => {
                    spelled[to] = true;
                    // The link that led here is recorded (from the
                    // parent's position) once the child is done.
                    stack.push((
                        Outline {
                            item: to,
                            steps: Vec::new(),
                        },
                        links(map, to),
                        0,
                    ));
                }
            }
        } else {
            let Some((done, _, _)) = stack.pop() else {
                return Outline {
                    item: root,
                    steps: Vec::new(),
                };
            };
            match stack.last_mut() {
                None => return done,
                Some((parent, pending, next)) => {
                    if let Some(&link) = next.checked_sub(1).and_then(|i| pending.get(i)) {
                        parent.steps.push(Step::Then(link, done));
                    }
                }
            }
        }
    }
}

fn push(stack: &mut [(Outline, Vec<usize>, usize)], step: Step) {
    if let Some((top, _, _)) = stack.last_mut() {
        top.steps.push(step);
    }
}

fn links(map: &ScenarioMap, item: usize) -> Vec<usize> {
    map.links_from(item).map(|(i, _)| i).collect()
}
