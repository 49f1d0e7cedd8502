//! Rule 6: cues in simulations. A sim has no options to be longest, but
//! it can still hand out marks: a page or table that opens with half its
//! marks already earned, pieces that fill the last slot by elimination, or
//! a prompt that names the command a step wants.

use crate::content::model::sim::Sim;
use crate::content::question::{Body, Question, Task};
use crate::sim::{self, squash};

/// The share of marks a sim opens with at or above which it warns.
pub const OPENING_MARKS_LIMIT_PERCENT: u32 = 50;

#[derive(Debug, Clone, PartialEq)]
pub enum SimCue {
    /// Doing nothing earns this share of the marks.
    OpensWithMarks { percent: u32 },
    /// As many pieces as slots, each used once: the last is elimination.
    NoSparePiece,
    /// The prompt names a command a terminal step wants.
    CommandInPrompt { command: String },
}

impl SimCue {
    pub fn message(&self) -> String {
        match self {
            SimCue::OpensWithMarks { percent } => format!("the sim opens with {percent}% of its marks earned, so doing nothing scores well; start it further from the answer"),
            SimCue::NoSparePiece => "as many pieces as slots, so the last placement is found by elimination; add a spare piece".to_owned(),
            SimCue::CommandInPrompt { command } => format!("the prompt names \"{command}\", a command a step wants, so the step tests reading rather than knowing what to run; describe the goal instead"),
        }
    }
}

pub fn sim_cues(question: &Question) -> Vec<SimCue> {
    let Body::Sim {
        task: Task::Sim(sim),
        ..
    } = &question.body
    else {
        return Vec::new();
    };
    let mut cues = Vec::new();
    let opening = crate::quiz::score::percent(sim::score(sim, None).score());
    if opening >= OPENING_MARKS_LIMIT_PERCENT {
        cues.push(SimCue::OpensWithMarks { percent: opening });
    }
    match sim.as_ref() {
        Sim::Place(p) if !p.reuse && p.pieces.len() <= p.slots.len() => {
            cues.push(SimCue::NoSparePiece);
        }
        Sim::Terminal(t) => {
            let prompt = squash(&question.prompt);
            if let Some(command) = t
                .steps
                .iter()
                .flat_map(|s| &s.run)
                .find(|c| prompt.contains(&squash(c)))
            {
                cues.push(SimCue::CommandInPrompt {
                    command: command.clone(),
                });
            }
        }
        _ => {}
    }
    cues
}
