//! Evidence in a scenario: the tools a trainee opens (a directory panel,
//! the ticket history, command output), what opening one costs, which
//! choices depend on what was seen, and hints for practice plays.
//!
//! The rules (docs/content-format.md, "Evidence and hints"):
//! - opening a tool takes its minutes on the clock, with the persona's
//!   `time_pressure` frustration per minute, like a choice; the user can
//!   give up or the deadline pass while the trainee looks;
//! - a tool is opened once: looking again is free and not recorded;
//! - a choice with `requires.seen` is offered only once those tools were
//!   opened;
//! - the best play (and every path the analyser plays) opens each expected
//!   check at the first node of the path where it can be opened, and a tool
//!   a choice needs just before that choice ([`open_checks`],
//!   [`open_for`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::content::scenario::{Choice, Scenario, Tool};

use super::play::{Play, PlayMode};

/// One tool opened in a play.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenedTool {
    pub tool: String,
    /// How many choices had been made when it was opened.
    pub after: usize,
    /// The clock once it was open.
    pub minutes: u32,
}

/// A tool opening as a draft saves it: which tool, after how many choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolStep {
    pub tool: String,
    pub after: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ToolError {
    #[error("the conversation has ended")]
    Over,
    #[error("there is no tool \"{0}\" in this scenario")]
    Unknown(String),
    #[error("tool \"{0}\" cannot be opened at this point of the call")]
    NotAvailable(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HintError {
    #[error("an assessed play has no hints")]
    Assessed,
    #[error("the conversation has ended")]
    Over,
}

/// Overall points each hint costs a practice play.
pub const HINT_COST: u32 = 5;
/// Process points of 100 each expected check missed costs.
pub const CHECK_COST: u32 = 15;

pub fn tool<'a>(s: &'a Scenario, id: &str) -> Option<&'a Tool> {
    s.tools.iter().find(|t| t.id == id)
}

/// Whether the tools a choice needs have all been opened.
pub fn seen_allows(choice: &Choice, play: &Play) -> bool {
    choice
        .requires
        .seen
        .iter()
        .all(|id| play.opened.iter().any(|o| &o.tool == id))
}

/// Tools worth opening as soon as they can be: the expected checks, and
/// any tool a choice needs at a node where it cannot itself be opened.
pub fn worth_opening(s: &Scenario) -> BTreeSet<&str> {
    let mut wanted: BTreeSet<&str> = s
        .tools
        .iter()
        .filter(|t| t.expected)
        .map(|t| t.id.as_str())
        .collect();
    for node in &s.nodes {
        for c in &node.choices {
            for id in &c.requires.seen {
                if tool(s, id).is_some_and(|t| !t.available_at(&node.id)) {
                    wanted.insert(id.as_str());
                }
            }
        }
    }
    wanted
}

/// Opens, at the play's node, every tool in `wanted` that can be opened
/// there and is not open yet: what a diligent technician checks first.
pub fn open_checks(s: &Scenario, play: &mut Play, wanted: &BTreeSet<&str>) {
    for t in &s.tools {
        if play.is_over() {
            return;
        }
        if wanted.contains(t.id.as_str()) && t.available_at(&play.node) {
            let _ = play.open_tool(s, &t.id);
        }
    }
}

/// Opens the tools `choice` needs that can be opened at the play's node.
pub fn open_for(s: &Scenario, play: &mut Play, choice: &Choice) {
    for id in &choice.requires.seen {
        if play.is_over() {
            return;
        }
        let _ = play.open_tool(s, id);
    }
}

/// The best play: the best path's choices, each expected check opened at
/// the first node where it can be, and each tool a choice needs opened
/// just before it. Stops where a step is refused.
pub fn best_play(s: &Scenario) -> Play {
    let mut play = Play::nominal(s);
    let wanted = worth_opening(s);
    for id in &s.best_path {
        open_checks(s, &mut play, &wanted);
        if play.is_over() {
            break;
        }
        if let Some(c) = s
            .nodes
            .iter()
            .find(|n| n.id == play.node)
            .and_then(|n| n.choices.iter().find(|c| &c.id == id))
        {
            open_for(s, &mut play, c);
        }
        if play.choose(s, id).is_err() {
            break;
        }
    }
    play
}

/// Replays choices and tool openings onto a fresh play, in the order they
/// were made (tools opened after `n` choices come before choice `n + 1`).
/// Stops at the first step the scenario refuses (a file changed under it).
pub fn replay(s: &Scenario, mut play: Play, choices: &[String], tools: &[ToolStep]) -> Play {
    for i in 0..=choices.len() {
        for step in tools.iter().filter(|t| t.after == i) {
            if play.open_tool(s, &step.tool).is_err() {
                return play;
            }
        }
        if let Some(id) = choices.get(i) {
            if play.choose(s, id).is_err() {
                return play;
            }
        }
    }
    play
}

/// The hint for the play's state: an expected check not yet made that can
/// be made here, else the node's own hint, else why the best choice here is
/// good (its feedback), else a general prompt.
pub fn hint_text(s: &Scenario, play: &Play) -> String {
    if let Some(t) = s.tools.iter().find(|t| {
        t.expected && t.available_at(&play.node) && !play.opened.iter().any(|o| o.tool == t.id)
    }) {
        return format!(
            "A good technician checks the evidence before acting: open \u{201c}{}\u{201d}.",
            play.fill(&t.title)
        );
    }
    let node = s.nodes.iter().find(|n| n.id == play.node);
    if let Some(h) = node.and_then(|n| n.hint.as_ref()) {
        return play.fill(h);
    }
    let offered = play.offered(s);
    if let Some(c) = offered.iter().find(|c| s.best_path.contains(&c.id)) {
        return play.fill(&c.feedback);
    }
    "Think about what the user needs next, and what you would need to know before acting.".into()
}

impl Play {
    /// Opens a tool: its minutes pass (with the caller's time pressure), it
    /// is recorded, and choices that need it are offered. Returns whether
    /// it was opened now (false when it already was: looking again is free,
    /// even once the call has ended).
    pub fn open_tool(&mut self, s: &Scenario, id: &str) -> Result<bool, ToolError> {
        let Some(t) = tool(s, id) else {
            return Err(ToolError::Unknown(id.to_owned()));
        };
        if self.opened.iter().any(|o| o.tool == t.id) {
            return Ok(false);
        }
        if self.is_over() {
            return Err(ToolError::Over);
        }
        if !t.available_at(&self.node) {
            return Err(ToolError::NotAvailable(id.to_owned()));
        }
        self.wait(s, t.minutes(), 0);
        self.opened.push(OpenedTool {
            tool: t.id.clone(),
            after: self.turns.len(),
            minutes: self.minutes,
        });
        if self.frustration >= s.persona.patience {
            self.end_with(s, &s.on_give_up);
        } else if self.minutes > s.ticket.deadline_minutes {
            self.end_with(s, &s.on_deadline);
        }
        Ok(true)
    }

    /// Whether a tool has been opened.
    pub fn has_seen(&self, id: &str) -> bool {
        self.opened.iter().any(|o| o.tool == id)
    }

    /// A hint for the current state (practice plays only). The first hint
    /// at each point of the call is counted; asking again there is free.
    pub fn hint(&mut self, s: &Scenario) -> Result<String, HintError> {
        if self.mode != PlayMode::Practice {
            return Err(HintError::Assessed);
        }
        if self.is_over() {
            return Err(HintError::Over);
        }
        let at = self.turns.len();
        if !self.hints.contains(&at) {
            self.hints.push(at);
        }
        Ok(hint_text(s, self))
    }

    /// The tool openings as a draft saves them.
    pub fn tool_steps(&self) -> Vec<ToolStep> {
        self.opened
            .iter()
            .map(|o| ToolStep {
                tool: o.tool.clone(),
                after: o.after,
            })
            .collect()
    }
}
