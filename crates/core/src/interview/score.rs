//! Explainable scoring. Each criterion gives a 0-1 score with its weight,
//! says what it observed, points at the words it matched, and, when it is
//! not met, says what to change. The answer's score is the weighted sum.

use serde::{Deserialize, Serialize};

use crate::content::interview::{InterviewQuestion, KeyPoint};
use crate::text::{find_any, tokens, Span};

use super::words::{fillers, numbers, pronouns, specifics, word_count};
use super::{Part, StarAnswer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionId {
    Structure,
    ActionBulk,
    Length,
    QuantifiedResult,
    Ownership,
    Specificity,
    Fillers,
    KeyPoints,
}

impl CriterionId {
    pub fn label(self) -> &'static str {
        match self {
            CriterionId::Structure => "All four STAR parts",
            CriterionId::ActionBulk => "The Action carries the answer",
            CriterionId::Length => "Length",
            CriterionId::QuantifiedResult => "A result with a number",
            CriterionId::Ownership => "Says what you did (I, not we)",
            CriterionId::Specificity => "Specific details",
            CriterionId::Fillers => "Few fillers and hedges",
            CriterionId::KeyPoints => "Key points covered",
        }
    }
}

/// Words the criterion matched, in one part of the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub part: Part,
    pub start: usize,
    pub end: usize,
    pub criterion: CriterionId,
    /// True for words that earned credit, false for words that cost it.
    pub good: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: CriterionId,
    pub weight: u32,
    /// 0.0 to 1.0.
    pub score: f64,
    /// What was observed, in numbers.
    pub detail: String,
    /// What to change, when the criterion is not fully met.
    pub advice: Option<String>,
    pub highlights: Vec<Highlight>,
}

impl Criterion {
    fn lost(&self) -> f64 {
        f64::from(self.weight) * (1.0 - self.score)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPointResult {
    pub label: String,
    /// Where it was found, if it was.
    pub found: Option<(Part, usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// 0-100.
    pub score: u32,
    pub criteria: Vec<Criterion>,
    pub key_points: Vec<KeyPointResult>,
    /// The two or three changes that would raise the score most.
    pub improvements: Vec<String>,
    pub words: usize,
}

/// Minimum words for each STAR part to count as there.
const MIN_WORDS: [(Part, usize); 4] = [
    (Part::Situation, 8),
    (Part::Task, 5),
    (Part::Action, 20),
    (Part::Result, 8),
];

pub fn score_star(answer: &StarAnswer, question: &InterviewQuestion) -> Feedback {
    let counts: Vec<(Part, usize)> = Part::STAR
        .iter()
        .map(|&p| (p, word_count(answer.part(p))))
        .collect();
    let total: usize = counts.iter().map(|c| c.1).sum();
    let parts: Vec<(Part, &str)> = Part::STAR.iter().map(|&p| (p, answer.part(p))).collect();
    let mut criteria = vec![
        structure(&counts),
        action_bulk(&counts, total),
        length(
            total,
            150,
            300,
            "about 150 to 300 words, one to two minutes spoken",
        ),
        quantified(answer),
        ownership(answer),
        specificity(&parts),
        filler_rate(&parts, total, 5),
    ];
    let (key, key_points) = coverage(&question.key_points, &parts, 20);
    criteria.push(key);
    finish(criteria, key_points, total)
}

pub fn score_technical(text: &str, question: &InterviewQuestion) -> Feedback {
    let total = word_count(text);
    let parts = vec![(Part::Answer, text)];
    let mut criteria = vec![length_weighted(
        total,
        50,
        250,
        "about 50 to 250 words, a minute or two spoken",
        15,
    )];
    criteria.push(filler_rate(&parts, total, 15));
    let (key, key_points) = coverage(&question.key_points, &parts, 70);
    criteria.push(key);
    finish(criteria, key_points, total)
}

fn finish(criteria: Vec<Criterion>, key_points: Vec<KeyPointResult>, words: usize) -> Feedback {
    let weights: u32 = criteria.iter().map(|c| c.weight).sum();
    let earned: f64 = criteria.iter().map(|c| f64::from(c.weight) * c.score).sum();
    let score = if weights == 0 {
        0
    } else {
        (earned * 100.0 / f64::from(weights)).round() as u32
    };
    let mut ranked: Vec<&Criterion> = criteria
        .iter()
        .filter(|c| c.advice.is_some() && c.lost() > 0.5)
        .collect();
    ranked.sort_by(|a, b| b.lost().total_cmp(&a.lost()));
    let improvements = ranked
        .iter()
        .take(3)
        .filter_map(|c| c.advice.clone())
        .collect();
    Feedback {
        score,
        criteria,
        key_points,
        improvements,
        words,
    }
}

fn structure(counts: &[(Part, usize)]) -> Criterion {
    let mut detail = Vec::new();
    let mut sum = 0.0;
    let mut first_gap = None;
    for &(part, words) in counts {
        let min = MIN_WORDS.iter().find(|m| m.0 == part).map_or(1, |m| m.1);
        let s = (words as f64 / min as f64).min(1.0);
        sum += s;
        let note = if words == 0 {
            "missing"
        } else if words < min {
            "short"
        } else {
            "ok"
        };
        detail.push(format!("{} {words} words ({note})", part.label()));
        if s < 1.0 && first_gap.is_none() {
            first_gap = Some((part, words == 0));
        }
    }
    let advice = first_gap.map(|(part, missing)| {
        let what = match part {
            Part::Situation => "set the scene: where you were and what was going on",
            Part::Task => "say what you had to achieve or were responsible for",
            Part::Action => "say step by step what you did",
            Part::Result => "say what happened because of what you did",
            Part::Answer => "",
        };
        format!(
            "{} the {}: {what}.",
            if missing { "Add" } else { "Expand" },
            part.label()
        )
    });
    Criterion {
        id: CriterionId::Structure,
        weight: 15,
        score: sum / counts.len().max(1) as f64,
        detail: detail.join("; "),
        advice,
        highlights: Vec::new(),
    }
}

fn action_bulk(counts: &[(Part, usize)], total: usize) -> Criterion {
    let action = counts
        .iter()
        .find(|c| c.0 == Part::Action)
        .map_or(0, |c| c.1);
    let share = if total == 0 {
        0.0
    } else {
        action as f64 / total as f64
    };
    let score = if share < 0.45 {
        share / 0.45
    } else if share <= 0.7 {
        1.0
    } else {
        (1.0 - (share - 0.7) / 0.3).max(0.0)
    };
    let pct = (share * 100.0).round() as u32;
    Criterion {
        id: CriterionId::ActionBulk,
        weight: 15,
        score,
        detail: format!(
            "the Action is {pct}% of the answer; strong answers give it about half to two thirds"
        ),
        advice: (score < 1.0).then(|| {
            if share < 0.45 {
                "Spend more of the answer on the Action: the steps you took, in order, and why."
                    .to_string()
            } else {
                "Trim the Action a little and give the Situation and Result a sentence or two each."
                    .to_string()
            }
        }),
        highlights: Vec::new(),
    }
}

fn length(total: usize, low: usize, high: usize, target: &str) -> Criterion {
    length_weighted(total, low, high, target, 10)
}

fn length_weighted(total: usize, low: usize, high: usize, target: &str, weight: u32) -> Criterion {
    let score = if total < low {
        total as f64 / low as f64
    } else if total <= high {
        1.0
    } else {
        (1.0 - (total - high) as f64 / high as f64).max(0.0)
    };
    Criterion {
        id: CriterionId::Length,
        weight,
        score,
        detail: format!("{total} words; aim for {target}"),
        advice: (score < 1.0).then(|| {
            if total < low {
                format!("Say more: {total} words is short; aim for {target}.")
            } else {
                format!("Tighten it: {total} words is long; aim for {target}.")
            }
        }),
        highlights: Vec::new(),
    }
}

fn quantified(answer: &StarAnswer) -> Criterion {
    let found = numbers(&answer.result);
    let highlights: Vec<Highlight> = found
        .iter()
        .map(|s| hl(Part::Result, *s, CriterionId::QuantifiedResult, true))
        .collect();
    let ok = !found.is_empty();
    Criterion {
        id: CriterionId::QuantifiedResult,
        weight: 15,
        score: if ok { 1.0 } else { 0.0 },
        detail: if answer.result.trim().is_empty() {
            "there is no Result to measure".into()
        } else if ok {
            format!("the Result has {} number(s)", found.len())
        } else {
            "the Result has no number in it".into()
        },
        advice: (!ok).then(|| "Put a number on the result: time saved, tickets closed, how many users, a satisfaction score.".to_string()),
        highlights,
    }
}

fn ownership(answer: &StarAnswer) -> Criterion {
    let (mine, ours) = pronouns(&answer.action);
    let (i, we) = (mine.len(), ours.len());
    let share = if i + we == 0 {
        0.0
    } else {
        i as f64 / (i + we) as f64
    };
    let score = ((share - 0.4) / 0.4).clamp(0.0, 1.0);
    let mut highlights: Vec<Highlight> = mine
        .iter()
        .map(|s| hl(Part::Action, *s, CriterionId::Ownership, true))
        .collect();
    highlights.extend(
        ours.iter()
            .map(|s| hl(Part::Action, *s, CriterionId::Ownership, false)),
    );
    Criterion {
        id: CriterionId::Ownership,
        weight: 10,
        score,
        detail: format!("in the Action: {i} \"I/me/my\" and {we} \"we/us/our\""),
        advice: (score < 1.0).then(|| "Say what you did: use \"I\" for your own steps and keep \"we\" for what the team did.".to_string()),
        highlights,
    }
}

fn specificity(parts: &[(Part, &str)]) -> Criterion {
    let mut highlights = Vec::new();
    for (part, text) in parts {
        highlights.extend(
            specifics(text)
                .into_iter()
                .map(|s| hl(*part, s, CriterionId::Specificity, true)),
        );
    }
    let n = highlights.len();
    Criterion {
        id: CriterionId::Specificity,
        weight: 10,
        score: (n as f64 / 4.0).min(1.0),
        detail: format!("{n} specific detail(s): names of systems or tools, numbers, times"),
        advice: (n < 4).then(|| "Be specific: name the system or tool, the number of users, the day or the deadline.".to_string()),
        highlights,
    }
}

fn filler_rate(parts: &[(Part, &str)], total: usize, weight: u32) -> Criterion {
    let mut highlights = Vec::new();
    for (part, text) in parts {
        highlights.extend(
            fillers(text)
                .into_iter()
                .map(|s| hl(*part, s, CriterionId::Fillers, false)),
        );
    }
    let n = highlights.len();
    let per_hundred = if total == 0 {
        0.0
    } else {
        n as f64 * 100.0 / total as f64
    };
    let score = if per_hundred <= 1.0 {
        1.0
    } else {
        (1.0 - (per_hundred - 1.0) / 4.0).max(0.0)
    };
    Criterion {
        id: CriterionId::Fillers,
        weight,
        score,
        detail: format!("{n} filler or hedge word(s), {:.1} per 100 words", (per_hundred * 10.0).round() / 10.0),
        advice: (score < 1.0).then(|| "Cut fillers and hedges (\"um\", \"kind of\", \"I guess\", \"basically\"): say it plainly.".to_string()),
        highlights,
    }
}

fn coverage(
    points: &[KeyPoint],
    parts: &[(Part, &str)],
    weight: u32,
) -> (Criterion, Vec<KeyPointResult>) {
    let tokenised: Vec<(Part, Vec<crate::text::Token>)> =
        parts.iter().map(|(p, t)| (*p, tokens(t))).collect();
    let mut results = Vec::new();
    let mut highlights = Vec::new();
    for point in points {
        let found = tokenised
            .iter()
            .find_map(|(part, toks)| find_any(toks, &point.phrases).map(|(_, span)| (*part, span)));
        if let Some((part, span)) = found {
            highlights.push(hl(part, span, CriterionId::KeyPoints, true));
        }
        results.push(KeyPointResult {
            label: point.label.clone(),
            found: found.map(|(p, s)| (p, s.start, s.end)),
        });
    }
    let hit = results.iter().filter(|r| r.found.is_some()).count();
    let total = points.len();
    let missing: Vec<&str> = results
        .iter()
        .filter(|r| r.found.is_none())
        .map(|r| r.label.as_str())
        .collect();
    let criterion = Criterion {
        id: CriterionId::KeyPoints,
        weight,
        score: if total == 0 {
            1.0
        } else {
            hit as f64 / total as f64
        },
        detail: format!("{hit} of {total} key points covered"),
        advice: (!missing.is_empty()).then(|| {
            format!(
                "Cover what this question looks for: {}.",
                missing.join("; ")
            )
        }),
        highlights,
    };
    (criterion, results)
}

fn hl(part: Part, span: Span, criterion: CriterionId, good: bool) -> Highlight {
    Highlight {
        part,
        start: span.start,
        end: span.end,
        criterion,
        good,
    }
}

/// Pace and fillers of a spoken answer.
pub fn speech_metrics(text: &str, seconds: f64) -> (u32, f64) {
    let minutes = (seconds / 60.0).max(1.0 / 60.0);
    let wpm = (word_count(text) as f64 / minutes).round() as u32;
    let fillers_per_minute = fillers(text).len() as f64 / minutes;
    (wpm, fillers_per_minute)
}
