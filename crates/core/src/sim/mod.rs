//! The simulation engine: what a typed command prints, whether a form's
//! values meet its rules, how pieces sit in slots and what traffic a
//! firewall table lets through, and the score of each, one mark per step
//! (docs/content-format.md#simulations). Pure and bounded: typed text is
//! capped in length and a terminal keeps a capped number of commands, so
//! nothing a learner does makes the work grow without limit.

pub mod acl;
pub mod form;
pub mod ipv4;
pub mod place;
pub mod terminal;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::content::model::sim::Sim;

/// The longest command a terminal takes, in characters.
pub const MAX_COMMAND_CHARS: usize = 200;
/// How many commands a terminal keeps; after that it asks for a reset.
pub const MAX_COMMANDS: usize = 60;
/// The longest value a form field keeps, in characters.
pub const MAX_VALUE_CHARS: usize = 120;

/// What the learner did in a simulation, kept in the response so an exam
/// can leave the question and come back to it as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SimAnswer {
    /// The commands typed, in order (at most `MAX_COMMANDS`).
    Terminal(Vec<String>),
    /// Each field's value, in written order.
    Form(Vec<String>),
    /// For each slot, in written order, the index of the piece placed.
    Place(Vec<Option<usize>>),
    /// The rows (written indices) in the learner's order, and a value per
    /// blank cell (`Acl::blanks`).
    Acl {
        order: Vec<usize>,
        values: Vec<Option<String>>,
    },
}

/// One scored step and whether it was met.
#[derive(Debug, Clone, PartialEq)]
pub struct StepResult {
    pub text: String,
    pub done: bool,
    pub why: String,
}

/// A simulation's score: a mark per step, less a mark per penalty.
#[derive(Debug, Clone, PartialEq)]
pub struct SimScore {
    pub steps: Vec<StepResult>,
    /// Things done that cost a mark (a terminal's `avoid` commands).
    pub penalties: Vec<StepResult>,
    /// What went wrong in words, for the "most picked wrong" view.
    pub wrong: Vec<String>,
}

impl SimScore {
    /// From 0.0 to 1.0.
    pub fn score(&self) -> f64 {
        let done = self.steps.iter().filter(|s| s.done).count();
        let marks = done.saturating_sub(self.penalties.len());
        if self.steps.is_empty() {
            0.0
        } else {
            marks as f64 / self.steps.len() as f64
        }
    }
}

/// Scores what the learner did; nothing done scores every step undone.
pub fn score(sim: &Sim, answer: Option<&SimAnswer>) -> SimScore {
    match (sim, answer) {
        (Sim::Terminal(t), Some(SimAnswer::Terminal(lines))) => terminal::score(t, lines),
        (Sim::Terminal(t), _) => terminal::score(t, &[]),
        (Sim::Form(f), Some(SimAnswer::Form(values))) => form::score(f, values),
        (Sim::Form(f), _) => form::score(f, &form::start(f)),
        (Sim::Place(p), Some(SimAnswer::Place(slots))) => place::score(p, slots),
        (Sim::Place(p), _) => place::score(p, &[]),
        (Sim::Acl(a), Some(SimAnswer::Acl { order, values })) => acl::score(a, order, values),
        (Sim::Acl(a), _) => acl::score(a, &a.start, &[]),
    }
}

/// Whether enough was done to check: a command run, a field changed,
/// every slot filled, every blank cell filled.
pub fn is_answered(sim: &Sim, answer: Option<&SimAnswer>) -> bool {
    match (sim, answer) {
        (Sim::Terminal(_), Some(SimAnswer::Terminal(lines))) => !lines.is_empty(),
        (Sim::Form(f), Some(SimAnswer::Form(values))) => values.len() == f.fields.len(),
        (Sim::Place(p), Some(SimAnswer::Place(slots))) => {
            slots.len() == p.slots.len() && slots.iter().all(Option::is_some)
        }
        (Sim::Acl(a), Some(SimAnswer::Acl { order, values })) => {
            order.len() == a.rows.len()
                && values.len() == a.blanks().len()
                && values.iter().all(Option::is_some)
        }
        _ => false,
    }
}

/// The answer a sim opens with (a reset goes back to it).
pub fn start(sim: &Sim) -> SimAnswer {
    match sim {
        Sim::Terminal(_) => SimAnswer::Terminal(Vec::new()),
        Sim::Form(f) => SimAnswer::Form(form::start(f)),
        Sim::Place(p) => SimAnswer::Place(vec![None; p.slots.len()]),
        Sim::Acl(a) => SimAnswer::Acl {
            order: a.start.clone(),
            values: vec![None; a.blanks().len()],
        },
    }
}

/// Text cut to at most `max` characters (on a character boundary).
pub fn capped(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Compared ignoring case, surrounding and repeated spaces.
pub fn same_text(a: &str, b: &str) -> bool {
    squash(a) == squash(b)
}

pub fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
