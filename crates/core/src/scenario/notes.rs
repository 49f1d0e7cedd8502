//! Ticket notes and the hand-off, scored against the scenario's facts.
//!
//! A fact earns credit only when (1) it was learnt on the path actually
//! played, so typing what the best path would have found earns nothing,
//! and (2) it is stated inside a sentence of a real note: a bare list of
//! keywords, or a note of a few words, earns nothing.

use serde::{Deserialize, Serialize};

use crate::content::scenario::{Fact, NoteSection, Scenario};
use crate::text::prose::clauses;
use crate::text::{find_any, tokens, Span};

use super::play::Play;

/// Fewer words than this in a section is a token note, not a note.
pub const MIN_NOTE_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactResult {
    pub id: String,
    pub label: String,
    pub section: NoteSection,
    /// Whether the play learnt it (a choice in `learnt_by` was taken, or it
    /// was known from the start).
    pub learnt: bool,
    /// Where it was stated in a sentence of that section, if it was.
    pub found: Option<(usize, usize)>,
}

impl FactResult {
    /// Credited: learnt on this path and stated in the note.
    pub fn credited(&self) -> bool {
        self.learnt && self.found.is_some()
    }
}

/// Whether the play learnt a fact.
pub fn learnt(fact: &Fact, play: &Play) -> bool {
    fact.learnt_by.is_empty()
        || play
            .turns
            .iter()
            .any(|t| fact.learnt_by.iter().any(|c| c == &t.choice))
}

/// Scores the notes and hand-off of a play.
pub fn score_facts(s: &Scenario, play: &Play, notes: &str, handoff: &str) -> Vec<FactResult> {
    s.notes
        .facts
        .iter()
        .map(|fact| {
            let text = match fact.section {
                NoteSection::Notes => notes,
                NoteSection::Handoff => handoff,
            };
            FactResult {
                id: fact.id.clone(),
                label: fact.label.clone(),
                section: fact.section,
                learnt: learnt(fact, play),
                found: find_in_sentences(text, &fact.phrases),
            }
        })
        .collect()
}

/// The facts as a perfect note would state them: every learnt fact found.
/// The analyser scores paths with this.
pub fn ideal_facts(s: &Scenario, play: &Play) -> Vec<FactResult> {
    s.notes
        .facts
        .iter()
        .map(|fact| {
            let learnt = learnt(fact, play);
            FactResult {
                id: fact.id.clone(),
                label: fact.label.clone(),
                section: fact.section,
                learnt,
                found: learnt.then_some((0, 0)),
            }
        })
        .collect()
}

/// Finds one of the phrases inside a clause that reads as a sentence, in a
/// text long enough to be a note. Returns byte offsets into `text`.
pub fn find_in_sentences(text: &str, phrases: &[String]) -> Option<(usize, usize)> {
    if tokens(text).len() < MIN_NOTE_WORDS {
        return None;
    }
    clauses(text).into_iter().filter(|c| c.prose).find_map(|c| {
        let clause = text.get(c.start..c.end)?;
        find_any(&tokens(clause), phrases)
            .map(|(_, Span { start, end })| (c.start + start, c.start + end))
    })
}
