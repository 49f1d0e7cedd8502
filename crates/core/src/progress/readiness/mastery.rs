//! Mastery per objective.
//!
//! Each counted answer adds its weight (recency × mode, at most 1) to the
//! objective's evidence and its score times that weight to the earned
//! points. The objectives of one learner are then read together, in a
//! normal-normal hierarchical model on the share-right scale:
//!
//! - the learner has a general level `g`, with a flat prior (mean 0.5, the
//!   variance of a uniform on 0..1);
//! - each objective's true share is `g` plus its own deviation, spread
//!   `OBJECTIVE_SPREAD` (a standard deviation);
//! - an objective's observed share `p` is its true share plus sampling
//!   noise of variance `p~(1 - p~) / n`, with `n` the evidence weight and
//!   `p~` the share smoothed by one right and one wrong answer, so a short
//!   run of all-right answers is not read as certainty.
//!
//! That gives `g` a posterior from all the objectives seen (each weighted
//! by how precisely it is known), and each objective a mean that leans on
//! its own answers as they accumulate and on `g` while they are few. An
//! objective never answered has the general level as its mean and the full
//! spread as its uncertainty, and its uncertainty about `g` is shared with
//! every other objective, so it does not average away.

use std::collections::HashMap;

use crate::content::exam::Exam;
use crate::progress::{Attempt, Mode};

use super::band::Slot;

/// An answer this old counts half as much as one given now; twice as old,
/// a quarter. Skills grow and fade over weeks, and a month is long enough
/// for a steady learner's history to count.
pub const HALF_LIFE_MS: u64 = 30 * 24 * 60 * 60 * 1000;

/// The typical difference (a standard deviation, on the 0..1 share-right
/// scale) between one objective and the learner's general level.
pub const OBJECTIVE_SPREAD: f64 = 0.2;

/// The general level's prior: mean 0.5 with a uniform's variance (1/12),
/// which says nothing but that the share lies between 0 and 1.
const LEVEL_PRIOR_MEAN: f64 = 0.5;
const LEVEL_PRIOR_VAR: f64 = 1.0 / 12.0;

/// Evidence below this weight (an answer many half-lives old) tells
/// nothing; treating it as none keeps the arithmetic away from zero.
const MIN_WEIGHT: f64 = 1e-6;

/// How much an answer counts for its mode. Weights never exceed 1, so the
/// evidence is never worth more than the answers given and the band can
/// only err on the wide side. A timed exam answer counts in full: the
/// question was drawn for the learner, under the clock, with no feedback.
/// Practice lets the learner choose topics and see explanations as they
/// go. Review re-asks questions already seen and explained, so a right
/// answer shows memory of that question as much as of the objective.
pub fn mode_weight(mode: Mode) -> f64 {
    match mode {
        Mode::Exam => 1.0,
        Mode::Practice => 0.6,
        Mode::Review => 0.3,
    }
}

/// How much an answer counts now: recency decay × mode weight.
pub(super) fn answer_weight(attempt: &Attempt, now: u64) -> f64 {
    // An answer stamped in the future (a clock changed) counts as new.
    let age = now.saturating_sub(attempt.at) as f64;
    let decay = (-age / HALF_LIFE_MS as f64).exp2();
    decay * mode_weight(attempt.mode)
}

/// One objective's answers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Evidence {
    /// Sum of answer weights.
    pub weight: f64,
    /// Sum of score × weight.
    pub earned: f64,
    /// Counted answers, whatever their weight.
    pub answered: usize,
}

impl Evidence {
    fn seen(&self) -> bool {
        self.weight > MIN_WEIGHT
    }

    /// The weighted share right.
    fn share(&self) -> f64 {
        (self.earned / self.weight).clamp(0.0, 1.0)
    }

    /// Sampling variance of `share` (partial credit varies less than
    /// right/wrong, so this bounds it). Summing weights of at most 1 as the
    /// count understates the effective sample size, also on the safe side.
    fn noise(&self) -> f64 {
        let smoothed = (self.earned + 1.0) / (self.weight + 2.0);
        smoothed * (1.0 - smoothed) / self.weight
    }
}

pub(super) struct Gathered {
    /// One per blueprint objective, in `Slot` order.
    pub evidence: Vec<Evidence>,
    pub answered: usize,
    pub ignored: usize,
    /// Earlier answers to a question answered again (only the latest
    /// counts).
    pub repeats: usize,
}

/// Adds up the evidence per objective. Attempts for other exams are not
/// this exam's; attempts for this exam with a score that is not a number
/// from 0 to 1, or an objective the blueprint lacks, are left out and
/// counted, since the data comes from browser storage.
pub(super) fn gather(exam: &Exam, slots: &[Slot], attempts: &[Attempt], now: u64) -> Gathered {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(slots.len());
    for (i, slot) in slots.iter().enumerate() {
        // Ids are unique in a checked blueprint; if not, the first wins.
        index.entry(slot.objective.id.as_str()).or_insert(i);
    }
    let mut gathered = Gathered {
        evidence: vec![Evidence::default(); slots.len()],
        answered: 0,
        ignored: 0,
        repeats: 0,
    };
    // Only the latest answer to each question is evidence: answering a
    // remembered question again and again shows memory of that question,
    // and must not narrow the band or lift the estimate.
    let mut latest: HashMap<&str, (u64, usize)> = HashMap::new();
    for (n, attempt) in attempts.iter().enumerate() {
        if attempt.exam == exam.id {
            let entry = latest
                .entry(attempt.question.as_str())
                .or_insert((attempt.at, n));
            if attempt.at >= entry.0 {
                *entry = (attempt.at, n);
            }
        }
    }
    for (n, attempt) in attempts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.exam == exam.id)
    {
        if latest
            .get(attempt.question.as_str())
            .is_some_and(|&(_, last)| last != n)
        {
            gathered.repeats += 1;
            continue;
        }
        let valid = attempt.score.is_finite() && (0.0..=1.0).contains(&attempt.score);
        let slot = index.get(attempt.objective.as_str());
        let (true, Some(&i)) = (valid, slot) else {
            gathered.ignored += 1;
            continue;
        };
        let weight = answer_weight(attempt, now);
        let e = &mut gathered.evidence[i];
        e.weight += weight;
        e.earned += weight * attempt.score;
        e.answered += 1;
        gathered.answered += 1;
    }
    gathered
}

/// The learner's general level `g`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Level {
    pub mean: f64,
    pub var: f64,
}

/// The posterior of `g`: each seen objective's share is a reading of `g`
/// with variance spread² + noise, combined by precision with the prior.
pub(super) fn level(evidence: &[Evidence]) -> Level {
    let spread = OBJECTIVE_SPREAD * OBJECTIVE_SPREAD;
    let (precision, weighted) = evidence.iter().filter(|e| e.seen()).fold(
        (1.0 / LEVEL_PRIOR_VAR, LEVEL_PRIOR_MEAN / LEVEL_PRIOR_VAR),
        |(p, w), e| {
            let reading = 1.0 / (spread + e.noise());
            (p + reading, w + reading * e.share())
        },
    );
    Level {
        mean: (weighted / precision).clamp(0.0, 1.0),
        var: 1.0 / precision,
    }
}

/// One objective's posterior, split as the combination needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Posterior {
    /// Mastery, 0..1.
    pub mean: f64,
    /// How far the mean leans on `g` (1 for an unseen objective, towards 0
    /// as answers accumulate).
    pub lean: f64,
    /// Variance given `g`; independent between objectives.
    pub own_var: f64,
    /// Total variance, including the share of `g`'s.
    pub var: f64,
}

pub(super) fn posterior(e: &Evidence, level: &Level) -> Posterior {
    let spread = OBJECTIVE_SPREAD * OBJECTIVE_SPREAD;
    let (mean, lean, own_var) = if e.seen() {
        let noise = e.noise();
        let lean = noise / (spread + noise);
        let mean = lean * level.mean + (1.0 - lean) * e.share();
        (mean, lean, lean * spread)
    } else {
        (level.mean, 1.0, spread)
    };
    Posterior {
        mean: mean.clamp(0.0, 1.0),
        lean,
        own_var,
        var: own_var + lean * lean * level.var,
    }
}

impl Posterior {
    /// The objective's band at the exam band's confidence, within 0..1.
    pub fn band(&self) -> (f64, f64) {
        let half = super::band::Z * self.var.sqrt();
        (
            (self.mean - half).clamp(0.0, 1.0),
            (self.mean + half).clamp(0.0, 1.0),
        )
    }
}
