//! Finding the STAR parts in an answer written as one text.
//!
//! Explicit labels win: when the learner writes "Situation:", "Task:",
//! "Action:" or "Result:" (any case; with a colon, a dash, or alone on its
//! line) at the start of a line or sentence, each label starts its part and
//! the text up to the next label belongs to it, in whatever order the
//! learner chose. Text before the first label is the Situation.
//!
//! Without labels, sentences are read in order and each moves the answer
//! forward (never back) when it carries a cue: "my job was to" starts the
//! Task, "so I" the Action, "as a result" the Result. The first sentence is
//! the Situation.

use super::{Part, StarAnswer};

const TASK_CUES: &[&str] = &[
    "my job",
    "my task",
    "my role",
    "i was responsible",
    "i was asked",
    "i needed to",
    "i had to",
    "my goal",
    "the goal",
    "i was tasked",
    "it was up to me",
    "my responsibility",
    "i wanted to make sure",
];
const ACTION_CUES: &[&str] = &[
    "so i",
    "first i",
    "first, i",
    "i decided",
    "i started",
    "i began",
    "i called",
    "i checked",
    "i asked",
    "i set up",
    "i wrote",
    "i created",
    "i walked",
    "i explained",
    "i listened",
    "i escalated",
    "i spoke",
    "i took",
    "i made",
    "i contacted",
    "i reset",
    "i tested",
    "i reviewed",
    "then i",
    "next i",
    "i went",
];
const RESULT_CUES: &[&str] = &[
    "as a result",
    "in the end",
    "the result",
    "the outcome",
    "which meant",
    "this meant",
    "that meant",
    "since then",
    "afterwards",
    "by the end",
    "ended up",
    "resolved",
    "reduced",
    "saved",
    "improved",
    "thanked me",
    "feedback",
    "went from",
    "dropped from",
    "cut the",
];

/// Splits text into sentences, keeping their punctuation. A line break
/// always ends one (a "Result:" line must not run into the line before).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_mark = matches!(b, b'.' | b'!' | b'?');
        let next_is_break = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if (end_mark && next_is_break) || b == b'\n' {
            let piece = text[start..=i].trim();
            if !piece.is_empty() {
                out.push(piece);
            }
            start = i + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn has_cue(sentence: &str, cues: &[&str]) -> bool {
    let lower = format!(" {} ", sentence.to_lowercase().replace([',', ';'], " "));
    cues.iter().any(|cue| lower.contains(&format!(" {cue} ")))
}

/// Words that follow a label word when it names a thing instead ("Task
/// Manager showed 100% CPU", "Action Center", "results of the scan").
const NOT_LABELS: &[&str] = &[
    "manager",
    "scheduler",
    "sequence",
    "bar",
    "list",
    "view",
    "center",
    "centre",
    "items",
    "item",
    "plan",
    "of",
    "from",
];

/// A label at the start of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label<'a> {
    pub part: Part,
    /// The sentence after the label.
    pub rest: &'a str,
    /// Set off by a colon or dash, or alone on its line. A bare word
    /// ("Result the fix held") is weak: it counts only when the answer has
    /// labels for two parts or more, so "Results improved by 30%." in an
    /// unlabelled answer stays text.
    pub strong: bool,
}

/// The label a sentence starts with, if any. "Result: ...", "RESULT - ...",
/// "Action ..." and a bare "Task" line are labels; "Task Manager showed
/// ..." is not.
pub fn label(sentence: &str) -> Option<Label<'_>> {
    let body = sentence.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '*' | '#' | '>' | '\u{2022}' | '_')
    });
    let word_end = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let part = match body[..word_end].to_lowercase().as_str() {
        "situation" => Part::Situation,
        "task" => Part::Task,
        "action" | "actions" => Part::Action,
        "result" | "results" => Part::Result,
        _ => return None,
    };
    let after = &body[word_end..];
    let rest = after.trim_start_matches(['*', '_']).trim_start();
    let strong = |rest| {
        Some(Label {
            part,
            rest,
            strong: true,
        })
    };
    if let Some(text) = rest.strip_prefix([':', '-', '\u{2013}', '\u{2014}', ')']) {
        return strong(text.trim());
    }
    if rest.is_empty() || rest == "." {
        return strong("");
    }
    // No colon: a label only when the next word does not make it a noun.
    let next: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    (after.starts_with(char::is_whitespace) && !NOT_LABELS.contains(&next.as_str())).then_some(
        Label {
            part,
            rest,
            strong: false,
        },
    )
}

/// Whether the answer is labelled, and if so whether bare-word labels
/// count: with a colon-style label anywhere, or bare labels naming two
/// parts or more.
fn labelled(pieces: &[&str]) -> Option<bool> {
    let labels: Vec<Label> = pieces.iter().filter_map(|s| label(s)).collect();
    let mut parts: Vec<Part> = labels.iter().map(|l| l.part).collect();
    crate::sort::by_key(&mut parts, |p| rank(*p));
    parts.dedup();
    let weak_ok = parts.len() >= 2;
    (labels.iter().any(|l| l.strong) || weak_ok).then_some(weak_ok)
}

/// The STAR parts of a free-text answer.
pub fn split(text: &str) -> StarAnswer {
    let pieces = sentences(text);
    if let Some(weak_ok) = labelled(&pieces) {
        return split_by_labels(&pieces, weak_ok);
    }
    let mut answer = StarAnswer::default();
    let mut current = Part::Situation;
    for sentence in pieces {
        let cue = if has_cue(sentence, RESULT_CUES) {
            Part::Result
        } else if has_cue(sentence, ACTION_CUES) {
            Part::Action
        } else if has_cue(sentence, TASK_CUES) {
            Part::Task
        } else {
            current
        };
        if rank(cue) > rank(current) {
            current = cue;
        }
        if let Some(part) = answer.part_mut(current) {
            if !part.is_empty() {
                part.push(' ');
            }
            part.push_str(sentence);
        }
    }
    answer
}

fn rank(part: Part) -> u8 {
    match part {
        Part::Situation | Part::Answer => 0,
        Part::Task => 1,
        Part::Action => 2,
        Part::Result => 3,
    }
}

/// Each label starts its part; what follows, up to the next label, is in it.
fn split_by_labels(pieces: &[&str], weak_ok: bool) -> StarAnswer {
    let mut answer = StarAnswer::default();
    let mut current = Part::Situation;
    for sentence in pieces {
        let text = match label(sentence) {
            Some(l) if l.strong || weak_ok => {
                current = l.part;
                l.rest
            }
            _ => sentence,
        };
        if text.is_empty() {
            continue;
        }
        if let Some(part) = answer.part_mut(current) {
            if !part.is_empty() {
                part.push(' ');
            }
            part.push_str(text);
        }
    }
    answer
}
