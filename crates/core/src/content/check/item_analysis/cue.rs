//! A per-question cue: which question (and PBQ item), what the cue is, and
//! the message the CLI and the Author page show for it.

use super::single::SingleItem;
use super::DOCS;
use crate::content::question::Question;

#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub question: String,
    /// The content file the question came from.
    pub file: String,
    /// The item's index within a performance-based question.
    pub item: Option<usize>,
    pub kind: CueKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CueKind {
    /// Rule 2: the key (option `answer`) is much longer than every
    /// distractor. Lengths in characters.
    LongKey {
        answer: usize,
        key: usize,
        longest_distractor: usize,
    },
    /// Rule 3: the key alone repeats these prompt words.
    Echo { answer: usize, words: Vec<String> },
    /// Rule 4: a matching question with no spare right-hand choice.
    NoSpareChoice,
    /// Rule 6: a simulation hands out marks.
    Sim(super::SimCue),
    /// Rule 5: the prompt shares `shared` of `union` content words with an
    /// earlier question's.
    NearDuplicate {
        other: String,
        other_file: String,
        shared: usize,
        union: usize,
    },
}

impl Cue {
    pub(super) fn new(item: &SingleItem, kind: CueKind) -> Self {
        Cue {
            question: item.question.id.clone(),
            file: item.question.file.clone(),
            item: item.item,
            kind,
        }
    }

    pub(super) fn whole(question: &Question, kind: CueKind) -> Self {
        Cue {
            question: question.id.clone(),
            file: question.file.clone(),
            item: None,
            kind,
        }
    }

    /// What is wrong and how to fix it, with a link to the rules.
    pub fn message(&self) -> String {
        let what = match &self.kind {
            CueKind::LongKey {
                key,
                longest_distractor,
                ..
            } => format!(
                "the key is {key} characters, {:.1} times the longest distractor ({longest_distractor}), so its length gives it away; shorten the key or give distractors their own qualifiers",
                *key as f64 / (*longest_distractor).max(1) as f64
            ),
            CueKind::Echo { words, .. } => format!(
                "only the key repeats the prompt's {} {}, so matching words finds the answer; reword the key or use the word in a distractor too",
                if words.len() == 1 { "word" } else { "words" },
                words
                    .iter()
                    .map(|w| format!("\"{w}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            CueKind::Sim(cue) => cue.message(),
            CueKind::NoSpareChoice => "no spare right-hand choice, so the last pair is found by elimination; add one or more distractors".to_owned(),
            CueKind::NearDuplicate {
                other,
                other_file,
                shared,
                union,
            } => format!(
                "prompt is a near-duplicate of question \"{other}\" ({other_file}): {shared} of {union} content words shared (similarity {:.2}); merge them or make each test something different",
                *shared as f64 / (*union).max(1) as f64
            ),
        };
        let item = match self.item {
            Some(i) => format!("item {}: ", i + 1),
            None => String::new(),
        };
        format!("{item}{what}; see {DOCS}")
    }
}
