//! Scoring every task type, with partial credit where the format documents
//! it (docs/content-format.md). Scores run from 0.0 to 1.0.

use crate::content::normalise::{fill_matches, normalise};
use crate::content::question::{Question, Task};

use super::answer::{Answer, Response};

const EPSILON: f64 = 1e-9;

/// How one task went.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskScore {
    pub score: f64,
    /// What the learner picked that was wrong, in words (option texts, or
    /// "left → right" for a wrong match), for the "most picked wrong
    /// options" view.
    pub wrong_picks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionScore {
    pub score: f64,
    pub tasks: Vec<TaskScore>,
}

impl QuestionScore {
    pub fn correct(&self) -> bool {
        is_full(self.score)
    }

    pub fn wrong_picks(&self) -> Vec<String> {
        self.tasks
            .iter()
            .flat_map(|t| t.wrong_picks.clone())
            .collect()
    }
}

pub fn is_full(score: f64) -> bool {
    score >= 1.0 - EPSILON
}

/// How many options a choice task wants picked.
pub fn picks_wanted(task: &Task) -> usize {
    match task {
        Task::Single { .. } => 1,
        Task::Multiple { answers, .. } => answers.len(),
        _ => 0,
    }
}

/// Whether an answer is complete enough to submit for this task.
pub fn is_answered(task: &Task, answer: Option<&Answer>) -> bool {
    match (task, answer) {
        (Task::Single { .. } | Task::Multiple { .. }, Some(Answer::Choice(picks))) => {
            picks.len() == picks_wanted(task)
        }
        (Task::Ordering { steps }, Some(Answer::Order(order))) => order.len() == steps.len(),
        (Task::Matching { pairs, .. }, Some(Answer::Match(choices))) => {
            choices.len() == pairs.len() && choices.iter().all(Option::is_some)
        }
        (Task::Fill { .. }, Some(Answer::Text(text))) => !text.trim().is_empty(),
        (Task::Sim(sim), Some(Answer::Sim(done))) => crate::sim::is_answered(sim, Some(done)),
        _ => false,
    }
}

/// Whether every task of a question is answered.
pub fn is_complete(question: &Question, response: &Response) -> bool {
    question
        .tasks()
        .iter()
        .enumerate()
        .all(|(i, task)| is_answered(task, response.get(i).and_then(Option::as_ref)))
}

/// Scores a question: the mean of its tasks' scores (one task, or each item
/// of a performance-based question). Unanswered tasks score zero.
pub fn score_question(question: &Question, response: &Response) -> QuestionScore {
    let tasks: Vec<TaskScore> = question
        .tasks()
        .iter()
        .enumerate()
        .map(|(i, task)| score_task(task, response.get(i).and_then(Option::as_ref)))
        .collect();
    let score = if tasks.is_empty() {
        0.0
    } else {
        tasks.iter().map(|t| t.score).sum::<f64>() / tasks.len() as f64
    };
    QuestionScore { score, tasks }
}

pub fn score_task(task: &Task, answer: Option<&Answer>) -> TaskScore {
    let nothing = TaskScore {
        score: 0.0,
        wrong_picks: Vec::new(),
    };
    let Some(answer) = answer else { return nothing };
    match (task, answer) {
        (Task::Sim(sim), Answer::Sim(done)) => {
            let scored = crate::sim::score(sim, Some(done));
            TaskScore {
                score: scored.score(),
                wrong_picks: scored.wrong,
            }
        }
        (
            Task::Single {
                options,
                answer: key,
            },
            Answer::Choice(picks),
        ) => {
            let right = picks.len() == 1 && picks[0] == *key;
            TaskScore {
                score: if right { 1.0 } else { 0.0 },
                wrong_picks: picks
                    .iter()
                    .filter(|&&p| p != *key)
                    .filter_map(|&p| options.get(p).map(|o| o.text.clone()))
                    .collect(),
            }
        }
        (Task::Multiple { options, answers }, Answer::Choice(picks)) => {
            let mut picks = picks.clone();
            crate::sort::natural(&mut picks);
            picks.dedup();
            picks.retain(|&p| p < options.len());
            let right = picks.iter().filter(|p| answers.contains(p)).count();
            // Picking more than asked cancels a correct pick per extra pick.
            let extra = picks.len().saturating_sub(answers.len());
            let score = right.saturating_sub(extra) as f64 / answers.len() as f64;
            TaskScore {
                score,
                wrong_picks: picks
                    .iter()
                    .filter(|p| !answers.contains(p))
                    .filter_map(|&p| options.get(p).map(|o| o.text.clone()))
                    .collect(),
            }
        }
        (Task::Ordering { steps }, Answer::Order(order)) => TaskScore {
            score: pair_order_score(order, steps.len()),
            wrong_picks: Vec::new(),
        },
        (Task::Matching { pairs, .. }, Answer::Match(chosen)) => {
            let choices = task.matching_choices();
            let mut right = 0;
            let mut wrong_picks = Vec::new();
            for (i, pair) in pairs.iter().enumerate() {
                let picked = chosen
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|c| choices.get(c).copied());
                match picked {
                    Some(text) if text == pair.right => right += 1,
                    Some(text) => wrong_picks.push(format!("{} → {}", pair.left, text)),
                    None => {}
                }
            }
            TaskScore {
                score: right as f64 / pairs.len().max(1) as f64,
                wrong_picks,
            }
        }
        (Task::Fill { accept }, Answer::Text(text)) => {
            let right = fill_matches(text, accept);
            TaskScore {
                score: if right { 1.0 } else { 0.0 },
                wrong_picks: if right || text.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![normalise(text)]
                },
            }
        }
        _ => nothing,
    }
}

/// The share of step pairs in the right relative order (Kendall's tau
/// rescaled to 0..1). Anything but a permutation of `0..n` scores zero.
pub fn pair_order_score(order: &[usize], n: usize) -> f64 {
    if order.len() != n || n < 2 {
        return 0.0;
    }
    let mut seen = vec![false; n];
    for &step in order {
        match seen.get_mut(step) {
            Some(s) if !*s => *s = true,
            _ => return 0.0,
        }
    }
    let mut agree = 0usize;
    let mut total = 0usize;
    for i in 0..n {
        for j in i + 1..n {
            total += 1;
            if order[i] < order[j] {
                agree += 1;
            }
        }
    }
    agree as f64 / total as f64
}

/// A share (0.0 to 1.0) as a whole percentage, for display. Integer
/// formatting keeps float formatting code out of the web bundle.
pub fn percent(share: f64) -> u32 {
    if share.is_nan() {
        return 0;
    }
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}
