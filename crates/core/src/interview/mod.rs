//! Interview practice: STAR answers and technical answers scored on
//! observable features of the text, every point explained and located in
//! the learner's own words. The score judges the answer, never the person.
//!
//! It judges meaning rather than form: only sentences count (`reading.rs`),
//! key points must be stated, not echoed from the prompt, said with a
//! general word or denied (`coverage.rs`), and the switchable `rules.rs`
//! let the tests in `cheats.rs` show that each cheat is stopped by its own
//! rule. `band.rs` says what a score means.

pub mod band;
pub mod coverage;
pub mod detect;
pub mod mock;
mod reading;
pub mod rules;
pub mod score;
pub mod words;

#[cfg(test)]
mod cheats;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

/// A behavioural answer in its four STAR parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarAnswer {
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Situation,
    Task,
    Action,
    Result,
    /// The whole of a technical answer.
    Answer,
}

impl Part {
    pub const STAR: [Part; 4] = [Part::Situation, Part::Task, Part::Action, Part::Result];

    pub fn label(self) -> &'static str {
        match self {
            Part::Situation => "Situation",
            Part::Task => "Task",
            Part::Action => "Action",
            Part::Result => "Result",
            Part::Answer => "Answer",
        }
    }
}

impl StarAnswer {
    pub fn part(&self, part: Part) -> &str {
        match part {
            Part::Situation => &self.situation,
            Part::Task => &self.task,
            Part::Action => &self.action,
            Part::Result => &self.result,
            Part::Answer => "",
        }
    }

    pub fn part_mut(&mut self, part: Part) -> Option<&mut String> {
        match part {
            Part::Situation => Some(&mut self.situation),
            Part::Task => Some(&mut self.task),
            Part::Action => Some(&mut self.action),
            Part::Result => Some(&mut self.result),
            Part::Answer => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        Part::STAR.iter().all(|p| self.part(*p).trim().is_empty())
    }
}
