//! Finding the STAR parts in an answer written as one text. Sentences are
//! read in order and each moves the answer forward (never back) when it
//! carries a cue: "my job was to" starts the Task, "so I" the Action, "as a
//! result" the Result. The first sentence is the Situation.

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

/// Splits text into sentences, keeping their punctuation.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_mark = matches!(b, b'.' | b'!' | b'?' | b'\n');
        let next_is_break = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if end_mark && next_is_break {
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

/// The STAR parts of a free-text answer.
pub fn split(text: &str) -> StarAnswer {
    let mut answer = StarAnswer::default();
    let mut current = Part::Situation;
    for sentence in sentences(text) {
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
