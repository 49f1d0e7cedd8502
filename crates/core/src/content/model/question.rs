//! Certification questions: the file format instructors write (`Raw*`
//! types, which reject unknown fields) and the checked model the engines use.

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::sim::Sim;

// A question file. `S` is what its sims read as: `Sim`, or `NoSim` for a
// reader that leaves the sim model's code out (`no_sim.rs`). (Not a doc
// comment: those become the schema's descriptions, which instructors read.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "QuestionSet"))]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
pub struct QuestionSet<S = Sim> {
    /// The JSON Schema an editor checks the file against (`schema/` at the
    /// project root; `firstline schema --stamp` writes it). The engines
    /// ignore it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"question-set"`; checked when the file is read.
    pub kind: String,
    /// The exam every question in the file belongs to, such as `220-1201`.
    pub exam: String,
    pub questions: Vec<RawQuestion<S>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum QuestionType {
    /// One correct option.
    Single,
    /// Several correct options ("choose two").
    Multiple,
    /// Put the steps in order.
    Ordering,
    /// Match each left item to a right item.
    Matching,
    /// Type a value.
    Fill,
    /// Performance-based: several items around one exhibit.
    Pbq,
    /// Performance-based: a simulation to work in (`sim`), with optional
    /// items answered from what it showed.
    Sim,
}

impl QuestionType {
    pub fn label(self) -> &'static str {
        match self {
            QuestionType::Single => "single answer",
            QuestionType::Multiple => "multiple response",
            QuestionType::Ordering => "ordering",
            QuestionType::Matching => "matching",
            QuestionType::Fill => "fill in",
            QuestionType::Pbq => "performance-based",
            QuestionType::Sim => "simulation",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::Ordering => "ordering",
            QuestionType::Matching => "matching",
            QuestionType::Fill => "fill",
            QuestionType::Pbq => "pbq",
            QuestionType::Sim => "sim",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RawQuestion"))]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
pub struct RawQuestion<S = Sim> {
    pub id: String,
    /// The objective practised, such as `2.1`; its domain follows from it.
    pub objective: String,
    pub difficulty: Difficulty,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub prompt: String,
    /// Text shown in a monospaced panel: command output, a log, a config.
    #[serde(default)]
    pub exhibit: Option<String>,
    /// Why the answer is what it is, shown after answering.
    pub explanation: String,
    /// False keeps every option in the written order.
    #[serde(default = "yes")]
    pub shuffle: bool,
    #[serde(default)]
    pub options: Vec<RawOption>,
    #[serde(default)]
    pub answer: Option<AnswerKey>,
    #[serde(default)]
    pub pairs: Vec<RawPair>,
    #[serde(default)]
    pub distractors: Vec<String>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
    #[serde(default)]
    pub accept: Vec<String>,
    /// The items of a performance-based question.
    #[serde(default)]
    pub items: Vec<RawItem>,
    /// The simulation of a `sim` question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim: Option<S>,
}

/// One item of a performance-based question: a task of any other type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub prompt: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    #[serde(default)]
    pub explanation: Option<String>,
    #[serde(default)]
    pub options: Vec<RawOption>,
    #[serde(default)]
    pub answer: Option<AnswerKey>,
    #[serde(default)]
    pub pairs: Vec<RawPair>,
    #[serde(default)]
    pub distractors: Vec<String>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
    #[serde(default)]
    pub accept: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub text: String,
    /// Why this option is right or wrong.
    pub why: String,
    /// Keeps the option in its written position when the others shuffle
    /// (for "All of the above" and the like).
    #[serde(default)]
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPair {
    pub left: String,
    pub right: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub text: String,
    pub why: String,
}

/// The 0-based indices of the correct options: a number or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AnswerKey(pub Vec<usize>);

impl<'de> Deserialize<'de> for AnswerKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = AnswerKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an option index (0 is the first option) or a list of indices")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AnswerKey, E> {
                usize::try_from(v)
                    .map(|i| AnswerKey(vec![i]))
                    .map_err(|_| E::custom("option index too large"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerKey, A::Error> {
                let mut indices = Vec::new();
                while let Some(i) = seq.next_element::<usize>()? {
                    indices.push(i);
                }
                Ok(AnswerKey(indices))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

/// In the schema, what the deserializer above accepts: one index or a list.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for AnswerKey {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AnswerKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The 0-based indices of the correct options: a number (single) or a list (multiple).",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "array", "items": { "type": "integer", "minimum": 0 } }
            ]
        })
    }
}

/// A checked question, ready for the quiz engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub exam: String,
    pub domain: String,
    pub objective: String,
    pub difficulty: Difficulty,
    pub prompt: String,
    pub exhibit: Option<String>,
    pub explanation: String,
    pub shuffle: bool,
    pub body: Body,
    /// The content file it came from.
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Body {
    Task(Task),
    Pbq(Vec<Item>),
    /// A simulation (`task` is always `Task::Sim`) and the items answered
    /// from it.
    Sim {
        task: Task,
        items: Vec<Item>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub prompt: String,
    pub task: Task,
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Task {
    Single {
        options: Vec<Choice>,
        answer: usize,
    },
    Multiple {
        options: Vec<Choice>,
        answers: Vec<usize>,
    },
    /// Steps in their correct order.
    Ordering {
        steps: Vec<Step>,
    },
    Matching {
        pairs: Vec<Pair>,
        distractors: Vec<String>,
    },
    Fill {
        accept: Vec<String>,
    },
    Sim(Box<Sim>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub why: String,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub left: String,
    pub right: String,
    pub why: String,
}

impl Question {
    pub fn kind(&self) -> QuestionType {
        match &self.body {
            Body::Pbq(_) => QuestionType::Pbq,
            Body::Sim { .. } => QuestionType::Sim,
            Body::Task(task) => task.kind(),
        }
    }

    /// The tasks to answer: one, or each item of a performance-based question.
    pub fn tasks(&self) -> Vec<&Task> {
        match &self.body {
            Body::Task(task) => vec![task],
            Body::Pbq(items) => items.iter().map(|i| &i.task).collect(),
            Body::Sim { task, items } => std::iter::once(task)
                .chain(items.iter().map(|i| &i.task))
                .collect(),
        }
    }
}

impl Task {
    pub fn kind(&self) -> QuestionType {
        match self {
            Task::Single { .. } => QuestionType::Single,
            Task::Multiple { .. } => QuestionType::Multiple,
            Task::Ordering { .. } => QuestionType::Ordering,
            Task::Matching { .. } => QuestionType::Matching,
            Task::Fill { .. } => QuestionType::Fill,
            Task::Sim(_) => QuestionType::Sim,
        }
    }

    /// The choices on the right-hand side of a matching task: every pair's
    /// right value once, then the distractors, in written order.
    pub fn matching_choices(&self) -> Vec<&str> {
        let mut choices: Vec<&str> = Vec::new();
        if let Task::Matching { pairs, distractors } = self {
            for right in pairs
                .iter()
                .map(|p| p.right.as_str())
                .chain(distractors.iter().map(String::as_str))
            {
                if !choices.contains(&right) {
                    choices.push(right);
                }
            }
        }
        choices
    }
}
