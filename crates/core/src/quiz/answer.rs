//! What a learner gives for a task. Indices are always the written
//! (canonical) indices from the content file, never display positions, so
//! scoring does not depend on how options were shuffled.

use serde::{Deserialize, Serialize};

use crate::sim::SimAnswer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// The chosen options of a single or multiple task.
    Choice(Vec<usize>),
    /// Ordering: step indices in the order the learner put them.
    Order(Vec<usize>),
    /// Matching: for each pair, in written order, the chosen index into the
    /// task's `matching_choices()`, if any.
    Match(Vec<Option<usize>>),
    /// Fill: what was typed.
    Text(String),
    /// What was done in a simulation.
    Sim(SimAnswer),
}

/// One answer per task of a question (one task, or each PBQ item);
/// `None` where the learner gave nothing.
pub type Response = Vec<Option<Answer>>;

/// How sure the learner was, chosen with each answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Sure,
    Unsure,
    Guessing,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Sure, Confidence::Unsure, Confidence::Guessing];

    pub fn label(self) -> &'static str {
        match self {
            Confidence::Sure => "Sure",
            Confidence::Unsure => "Unsure",
            Confidence::Guessing => "Guessing",
        }
    }
}
