//! The scenario graph as the engine walks it: where a link leads, which
//! choices a state offers, what a choice does to the flags. The validator
//! and the analyser use these same rules, so what they check is what plays.

use std::collections::BTreeSet;

use crate::content::scenario::{Choice, Ending, EndingText, Scenario};

/// A link target: a node (by index) or an ending.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'a> {
    Node(usize),
    Ending(&'a Ending),
}

pub fn target<'a>(s: &'a Scenario, id: &str) -> Option<Target<'a>> {
    if let Some(i) = s.nodes.iter().position(|n| n.id == id) {
        return Some(Target::Node(i));
    }
    s.endings.iter().find(|e| e.id == id).map(Target::Ending)
}

/// Whether a choice's flag conditions hold (frustration conditions aside).
pub fn flags_allow(choice: &Choice, flags: &BTreeSet<String>) -> bool {
    all_set(&choice.requires.flags, flags) && none_set(&choice.requires.not_flags, flags)
}

/// Whether a choice is on offer: its flag and mood conditions hold.
pub fn is_offered(choice: &Choice, flags: &BTreeSet<String>, frustration: u8) -> bool {
    flags_allow(choice, flags)
        && choice
            .requires
            .max_frustration
            .is_none_or(|max| frustration <= max)
        && choice
            .requires
            .min_frustration
            .is_none_or(|min| frustration >= min)
}

/// The choices a node offers in a state, in written order.
pub fn offered_at<'a>(
    s: &'a Scenario,
    node: &str,
    flags: &BTreeSet<String>,
    frustration: u8,
) -> Vec<&'a Choice> {
    s.nodes
        .iter()
        .find(|n| n.id == node)
        .map(|n| {
            n.choices
                .iter()
                .filter(|c| is_offered(c, flags, frustration))
                .collect()
        })
        .unwrap_or_default()
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

/// The closing text for the path played: the first alternative whose flag
/// conditions hold, or the ending's own text.
pub fn ending_text<'a>(ending: &'a Ending, flags: &BTreeSet<String>) -> &'a str {
    ending
        .alternatives
        .iter()
        .find(|alt: &&EndingText| all_set(&alt.flags, flags) && none_set(&alt.not_flags, flags))
        .map_or(ending.text.as_str(), |alt| alt.text.as_str())
}

/// Finds a choice by node and id.
pub fn choice<'a>(s: &'a Scenario, node: &str, id: &str) -> Option<&'a Choice> {
    s.nodes
        .iter()
        .find(|n| n.id == node)?
        .choices
        .iter()
        .find(|c| c.id == id)
}

fn all_set(wanted: &[String], flags: &BTreeSet<String>) -> bool {
    wanted.iter().all(|f| flags.contains(f))
}

fn none_set(unwanted: &[String], flags: &BTreeSet<String>) -> bool {
    !unwanted.iter().any(|f| flags.contains(f))
}
