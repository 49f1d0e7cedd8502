//! Explainable scoring. Each criterion gives a 0-1 score with its weight,
//! says what it observed, points at the words it matched, and, when it is
//! not met, says what to change. The answer's score is the weighted sum,
//! and its [`Band`] says what that means.
//!
//! Scoring judges meaning, not form ([`Rules`]): only clauses that read as
//! sentences count (words, numbers, "I", details and key points); key
//! points are earned by stating the fact, not by echoing the prompt or
//! saying a general word, need every concept they name, and earn nothing
//! when denied, which is flagged. See `coverage.rs` and `reading.rs`.

use serde::{Deserialize, Serialize};

use crate::content::interview::{InterviewQuestion, KeyPoint};
use crate::text::Span;

pub use super::band::Band;
pub use super::coverage::KeyPointResult;
use super::coverage::{judge, prompt_keys};
use super::reading::Reading;
pub use super::rules::Rules;
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
pub struct Feedback {
    /// 0-100.
    pub score: u32,
    pub band: Band,
    pub criteria: Vec<Criterion>,
    pub key_points: Vec<KeyPointResult>,
    /// The two or three changes that would raise the score most.
    pub improvements: Vec<String>,
    pub words: usize,
    /// Clauses that read as lists of words rather than sentences, which
    /// earn nothing.
    pub lists: Vec<(Part, usize, usize)>,
}

/// Minimum words for each STAR part to count as there.
const MIN_WORDS: [(Part, usize); 4] = [
    (Part::Situation, 8),
    (Part::Task, 5),
    (Part::Action, 20),
    (Part::Result, 8),
];

pub fn score_star(answer: &StarAnswer, question: &InterviewQuestion) -> Feedback {
    score_star_with(answer, question, Rules::ALL)
}

/// [`score_star`] with a chosen set of rules (tests switch one off to show
/// what it stops).
pub fn score_star_with(
    answer: &StarAnswer,
    question: &InterviewQuestion,
    rules: Rules,
) -> Feedback {
    let readings: Vec<Reading> = Part::STAR
        .iter()
        .map(|&p| Reading::new(p, answer.part(p), rules))
        .collect();
    // Words in sentences: a list of keywords does not make a part long.
    let counts: Vec<(Part, usize)> = readings.iter().map(|r| (r.part, r.prose_words())).collect();
    let total: usize = counts.iter().map(|c| c.1).sum();
    let mut criteria = vec![
        structure(&counts),
        action_bulk(&counts, total),
        length(
            total,
            150,
            300,
            "about 150 to 300 words, one to two minutes spoken",
        ),
        quantified(&readings[3]),
        ownership(&readings[2]),
        specificity(&readings),
        filler_rate(&readings, 5),
    ];
    let (key, key_points) = coverage(&question.key_points, &readings, &question.prompt, 20, rules);
    criteria.push(key);
    finish(criteria, key_points, &readings)
}

pub fn score_technical(text: &str, question: &InterviewQuestion) -> Feedback {
    score_technical_with(text, question, Rules::ALL)
}

/// [`score_technical`] with a chosen set of rules.
pub fn score_technical_with(text: &str, question: &InterviewQuestion, rules: Rules) -> Feedback {
    let readings = vec![Reading::new(Part::Answer, text, rules)];
    let total = readings[0].prose_words();
    let mut criteria = vec![length_weighted(
        total,
        50,
        250,
        "about 50 to 250 words, a minute or two spoken",
        15,
    )];
    criteria.push(filler_rate(&readings, 15));
    let (key, key_points) = coverage(&question.key_points, &readings, &question.prompt, 70, rules);
    criteria.push(key);
    finish(criteria, key_points, &readings)
}

fn finish(
    criteria: Vec<Criterion>,
    key_points: Vec<KeyPointResult>,
    readings: &[Reading],
) -> Feedback {
    let words: usize = readings.iter().map(Reading::words).sum();
    let prose: usize = readings.iter().map(Reading::prose_words).sum();
    let lists: Vec<(Part, usize, usize)> = readings
        .iter()
        .flat_map(|r| r.lists().into_iter().map(|s| (r.part, s.start, s.end)))
        .collect();
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
    crate::sort::by(&mut ranked, |a, b| b.lost().total_cmp(&a.lost()));
    // What the rules refused comes first: it explains the biggest losses.
    let mut improvements = Vec::new();
    if words > 0 && prose * 2 < words {
        improvements.push(format!(
            "Answer in sentences: {} of your {words} words sit in lists of keywords, which earn nothing.",
            words - prose
        ));
    }
    if let Some(k) = key_points.iter().find(|k| k.contradicted.is_some()) {
        improvements.push(format!(
            "Check what you denied: one of your statements contradicts \"{}\".",
            k.label
        ));
    }
    improvements.extend(ranked.iter().filter_map(|c| c.advice.clone()));
    improvements.truncate(3);
    Feedback {
        score,
        band: Band::of(score),
        criteria,
        key_points,
        improvements,
        words,
        lists,
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

fn quantified(result: &Reading) -> Criterion {
    let found = result.keep(numbers(result.text));
    let highlights: Vec<Highlight> = found
        .iter()
        .map(|s| hl(Part::Result, *s, CriterionId::QuantifiedResult, true))
        .collect();
    let ok = !found.is_empty();
    Criterion {
        id: CriterionId::QuantifiedResult,
        weight: 15,
        score: if ok { 1.0 } else { 0.0 },
        detail: if result.text.trim().is_empty() {
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

fn ownership(action: &Reading) -> Criterion {
    let (mine, ours) = pronouns(action.text);
    // "I" counts only in sentences; "we" costs wherever it is.
    let mine = action.keep(mine);
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

fn specificity(readings: &[Reading]) -> Criterion {
    let mut highlights = Vec::new();
    for r in readings {
        highlights.extend(
            r.keep(specifics(r.text))
                .into_iter()
                .map(|s| hl(r.part, s, CriterionId::Specificity, true)),
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

fn filler_rate(readings: &[Reading], weight: u32) -> Criterion {
    let mut highlights = Vec::new();
    for r in readings {
        highlights.extend(
            fillers(r.text)
                .into_iter()
                .map(|s| hl(r.part, s, CriterionId::Fillers, false)),
        );
    }
    let n = highlights.len();
    let total: usize = readings.iter().map(Reading::words).sum();
    let prose: usize = readings.iter().map(Reading::prose_words).sum();
    let per_hundred = if total == 0 {
        0.0
    } else {
        n as f64 * 100.0 / total as f64
    };
    let plain = if per_hundred <= 1.0 {
        1.0
    } else {
        (1.0 - (per_hundred - 1.0) / 4.0).max(0.0)
    };
    // Few fillers is credit for speaking plainly in sentences: a list of
    // keywords (or nothing) has no fillers and earns none of it.
    let score = if total == 0 {
        0.0
    } else {
        plain * prose as f64 / total as f64
    };
    Criterion {
        id: CriterionId::Fillers,
        weight,
        score,
        detail: format!("{n} filler or hedge word(s), {} per 100 words", one_decimal(per_hundred)),
        advice: (score < 1.0).then(|| "Cut fillers and hedges (\"um\", \"kind of\", \"I guess\", \"basically\"): say it plainly.".to_string()),
        highlights,
    }
}

/// A non-negative `x` to one decimal place, as `{:.1}` would write it after
/// rounding half away from zero; by hand, because float formatting is a
/// few KB of every interview page's download and nothing else there uses it.
fn one_decimal(x: f64) -> String {
    // `as` saturates: NaN and negatives give 0.
    let tenths = (x * 10.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn coverage(
    points: &[KeyPoint],
    readings: &[Reading],
    prompt: &str,
    weight: u32,
    rules: Rules,
) -> (Criterion, Vec<KeyPointResult>) {
    let prompt = prompt_keys(prompt);
    let mut results = Vec::new();
    let mut highlights = Vec::new();
    for point in points {
        let judged = judge(point, readings, &prompt, rules);
        highlights.extend(
            judged
                .earned
                .iter()
                .map(|(part, span)| hl(*part, *span, CriterionId::KeyPoints, true)),
        );
        if let Some((part, start, end)) = judged.result.contradicted {
            let span = Span { start, end };
            highlights.push(hl(part, span, CriterionId::KeyPoints, false));
        }
        results.push(judged.result);
    }
    crate::sort::by_key(&mut highlights, |h| (h.part as u8, h.start, h.end));
    highlights.dedup();
    let hit = results.iter().filter(|r| r.found.is_some()).count();
    let denied = results.iter().filter(|r| r.contradicted.is_some()).count();
    let total = points.len();
    let missing: Vec<&str> = results
        .iter()
        .filter(|r| r.found.is_none())
        .map(|r| r.label.as_str())
        .collect();
    let mut detail = format!("{hit} of {total} key points covered");
    if denied > 0 {
        detail.push_str(&format!("; {denied} contradicted by what you wrote"));
    }
    let criterion = Criterion {
        id: CriterionId::KeyPoints,
        weight,
        score: if total == 0 {
            1.0
        } else {
            hit as f64 / total as f64
        },
        detail,
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

#[cfg(test)]
mod decimal_tests {
    use super::one_decimal;

    #[test]
    fn one_decimal_writes_what_the_float_format_wrote() {
        for x in [0.0, 0.04, 0.05, 1.0, 2.25, 3.17, 9.96, 12.5, 100.0] {
            let old = format!("{:.1}", (x * 10.0_f64).round() / 10.0);
            assert_eq!(one_decimal(x), old, "{x}");
        }
        assert_eq!(one_decimal(f64::NAN), "0.0");
        assert_eq!(one_decimal(-3.0), "0.0");
    }
}
