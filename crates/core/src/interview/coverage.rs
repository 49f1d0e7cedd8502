//! Key points: whether the answer states each fact a strong answer covers.
//!
//! A phrase match earns a key point only when
//! - it sits in a sentence, not a list of keywords (the prose rule);
//! - it is not denied ("not DNS", "instead of checking the cable"): a denied
//!   match earns nothing, and when the point is not earned elsewhere it is
//!   flagged with the learner's own words;
//! - every group of the point matches ("rotates" *and* "BitLocker key");
//! - and at least one matched word is neither a word of the prompt nor a
//!   general word ("ticket", "user", "escalate"), so echoing the question
//!   or saying "I escalated the ticket" earns nothing specific.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::content::interview::KeyPoint;
use crate::text::generic::is_generic;
use crate::text::negation::negated;
use crate::text::{find_all, tokens, Span};

use super::reading::Reading;
use super::rules::Rules;
use super::Part;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPointResult {
    pub label: String,
    /// Where it was earned, if it was.
    pub found: Option<(Part, usize, usize)>,
    /// The learner's statement that denied the point, when it was denied
    /// and not earned elsewhere.
    pub contradicted: Option<(Part, usize, usize)>,
    /// Why words that matched did not earn the point, when some matched.
    pub unearned: Option<String>,
}

/// One place a phrase of a group matched, and what it is worth.
#[derive(Clone, Copy)]
struct Hit {
    part: Part,
    span: Span,
    state: State,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// In a clause that is not a sentence.
    Listed,
    /// Denied by its clause, which is given.
    Denied(Span),
    /// Stated; `distinctive` when a matched word is neither in the prompt
    /// nor general.
    Stated { distinctive: bool },
}

/// The outcome for one key point, with the spans to highlight.
pub struct Judged {
    pub result: KeyPointResult,
    /// Matches that earned it.
    pub earned: Vec<(Part, Span)>,
}

/// The keys (stems with synonyms) of the prompt's words.
pub fn prompt_keys(prompt: &str) -> HashSet<String> {
    tokens(prompt).into_iter().map(|t| t.key).collect()
}

pub fn judge(
    point: &KeyPoint,
    readings: &[Reading],
    prompt: &HashSet<String>,
    rules: Rules,
) -> Judged {
    let groups: Vec<Vec<Hit>> = point
        .groups()
        .map(|g| hits(g, readings, prompt, rules))
        .collect();
    let mut result = KeyPointResult {
        label: point.label.clone(),
        found: None,
        contradicted: None,
        unearned: None,
    };
    // The best stated match of each group: a distinctive one if any.
    let picks: Vec<Option<Hit>> = groups
        .iter()
        .map(|hits| {
            let stated = hits
                .iter()
                .filter(|h| matches!(h.state, State::Stated { .. }));
            stated
                .clone()
                .find(|h| h.state == State::Stated { distinctive: true })
                .or_else(|| stated.clone().next())
                .copied()
        })
        .collect();
    let all_stated = !picks.is_empty() && picks.iter().all(Option::is_some);
    let picked: Vec<Hit> = picks.iter().flatten().copied().collect();
    let distinctive = picked
        .iter()
        .find(|h| h.state == State::Stated { distinctive: true });
    if let (true, Some(first)) = (all_stated, distinctive) {
        result.found = Some((first.part, first.span.start, first.span.end));
        return Judged {
            result,
            earned: picked.iter().map(|h| (h.part, h.span)).collect(),
        };
    }
    let every = || groups.iter().flatten();
    if let Some((part, clause)) = every().find_map(|h| match h.state {
        State::Denied(clause) => Some((h.part, clause)),
        _ => None,
    }) {
        result.contradicted = Some((part, clause.start, clause.end));
        result.unearned = Some("you stated it in a denied form".into());
    } else if all_stated {
        result.unearned = Some(
            "only words from the question or general words (such as \"ticket\" or \"user\") matched: state the specific fact"
                .into(),
        );
    } else if every().any(|h| h.state == State::Listed) {
        result.unearned = Some("the words appear only in a list, not in a sentence".into());
    } else if !picked.is_empty() {
        result.unearned = Some("only part of it is there: it needs every part of the point".into());
    }
    Judged {
        result,
        earned: Vec::new(),
    }
}

/// Every match of any phrase of `group`, judged.
fn hits(
    group: &[String],
    readings: &[Reading],
    prompt: &HashSet<String>,
    rules: Rules,
) -> Vec<Hit> {
    let mut out = Vec::new();
    for r in readings {
        for phrase in group {
            for span in find_all(&r.tokens, phrase) {
                let state = if !r.counts(span) {
                    State::Listed
                } else if rules.negation && negated(r.text, &r.tokens, r.clause_of(span), span) {
                    State::Denied(r.clause_of(span))
                } else {
                    State::Stated {
                        distinctive: distinctive(r, span, prompt, rules),
                    }
                };
                out.push(Hit {
                    part: r.part,
                    span,
                    state,
                });
            }
        }
    }
    crate::sort::by_key(&mut out, |h| (part_rank(h.part), h.span.start));
    out
}

/// Whether a matched run holds a word that is neither in the prompt nor
/// general (with the rules that judge these switched on).
fn distinctive(r: &Reading, span: Span, prompt: &HashSet<String>, rules: Rules) -> bool {
    r.tokens
        .iter()
        .filter(|t| t.start >= span.start && t.end <= span.end)
        .any(|t| {
            let echoed = rules.prompt_words && prompt.contains(&t.key);
            let general = rules.generic_words && is_generic(t);
            !echoed && !general
        })
}

fn part_rank(part: Part) -> u8 {
    match part {
        Part::Situation | Part::Answer => 0,
        Part::Task => 1,
        Part::Action => 2,
        Part::Result => 3,
    }
}
