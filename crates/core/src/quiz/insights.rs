//! What a learner's history says: calibration (how often they are right
//! when sure), weakest objectives, and the wrong options they pick most.

use std::collections::BTreeMap;

use crate::progress::Attempt;

use super::answer::Confidence;

#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationRow {
    pub confidence: Confidence,
    pub answered: usize,
    pub right: usize,
}

impl CalibrationRow {
    pub fn share_right(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.right as f64 / self.answered as f64)
    }
}

/// For each confidence level, how many answers and how many were right.
pub fn calibration(attempts: &[Attempt]) -> Vec<CalibrationRow> {
    Confidence::ALL
        .iter()
        .map(|&confidence| {
            let with: Vec<&Attempt> = attempts
                .iter()
                .filter(|a| a.confidence == Some(confidence))
                .collect();
            CalibrationRow {
                confidence,
                answered: with.len(),
                right: with.iter().filter(|a| a.correct()).count(),
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveStat {
    pub exam: String,
    pub objective: String,
    pub answered: usize,
    pub earned: f64,
}

impl ObjectiveStat {
    pub fn share(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            self.earned / self.answered as f64
        }
    }
}

/// Objectives answered at least `min_answers` times, weakest first.
pub fn weakest_objectives(attempts: &[Attempt], min_answers: usize) -> Vec<ObjectiveStat> {
    let mut stats: BTreeMap<(&str, &str), ObjectiveStat> = BTreeMap::new();
    for a in attempts {
        let stat = stats
            .entry((&a.exam, &a.objective))
            .or_insert_with(|| ObjectiveStat {
                exam: a.exam.clone(),
                objective: a.objective.clone(),
                answered: 0,
                earned: 0.0,
            });
        stat.answered += 1;
        stat.earned += a.score;
    }
    let mut list: Vec<ObjectiveStat> = stats
        .into_values()
        .filter(|s| s.answered >= min_answers)
        .collect();
    crate::sort::by(&mut list, |a, b| {
        a.share()
            .total_cmp(&b.share())
            .then(b.answered.cmp(&a.answered))
    });
    list
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongPick {
    pub question: String,
    pub pick: String,
    pub times: usize,
}

/// The wrong options picked most often, most frequent first.
pub fn most_picked_wrong(attempts: &[Attempt], limit: usize) -> Vec<WrongPick> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for a in attempts {
        for pick in &a.wrong_picks {
            *counts.entry((&a.question, pick)).or_default() += 1;
        }
    }
    let mut list: Vec<WrongPick> = counts
        .into_iter()
        .map(|((question, pick), times)| WrongPick {
            question: question.to_owned(),
            pick: pick.to_owned(),
            times,
        })
        .collect();
    crate::sort::by(&mut list, |a, b| {
        b.times
            .cmp(&a.times)
            .then_with(|| a.question.cmp(&b.question))
    });
    list.truncate(limit);
    list
}
