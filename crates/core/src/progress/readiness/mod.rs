//! Readiness per exam: how well the learner knows each objective, what
//! that predicts on the 100-900 scale (with a band, not a single figure),
//! how much of the blueprint the evidence covers, and whether the learner
//! is ready to book the exam. `docs/readiness.md` explains the model.
//!
//! Pure and deterministic: the caller passes the time, and the same inputs
//! always give the same answer. Work is linear in attempts, objectives and
//! exam records.

mod band;
mod mastery;

#[cfg(test)]
mod simulated;
#[cfg(test)]
mod tests;

use crate::content::exam::{Exam, SCALE_MAX, SCALE_MIN};
use crate::progress::Attempt;
use crate::quiz::results::ExamRecord;

pub use mastery::{mode_weight, HALF_LIFE_MS, OBJECTIVE_SPREAD};

/// The band holds the estimate's likely range at this confidence.
pub const CONFIDENCE_PERCENT: u32 = 80;

/// Passed full timed simulations needed before "ready": practice answers
/// show knowledge, a passed simulation shows it holds under the clock and
/// on questions the learner did not choose.
pub const SIMULATIONS_NEEDED: usize = 2;

/// A simulation counts as full length with at least this share of the
/// blueprint's question count (the draw falls short only when the bank
/// runs out of questions in a domain).
const FULL_LENGTH_SHARE: f64 = 0.9;

/// What the learner's history says about one exam.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub exam: String,
    /// The estimated scaled score (100-900), same mapping as exam results.
    pub estimate: u32,
    /// The band's ends on the same scale; the estimate lies between them.
    pub low: u32,
    pub high: u32,
    /// How sure the band is, such as 80 for an 80% band.
    pub confidence_percent: u32,
    pub passing_score: u32,
    pub coverage: Coverage,
    /// Answers to this exam that were counted.
    pub answered: usize,
    /// Answers to this exam that were left out: a score that is not a
    /// number from 0 to 1, or an objective not in the blueprint.
    pub ignored: usize,
    pub simulations: Simulations,
    pub ready: bool,
    /// Why it is not ready yet; empty exactly when `ready`.
    pub reasons: Vec<NotReady>,
    /// In blueprint order.
    pub domains: Vec<DomainMastery>,
    /// In blueprint order.
    pub objectives: Vec<ObjectiveMastery>,
    /// Up to three objectives whose mastery would raise the estimate most,
    /// largest gain first.
    pub focus: Vec<Focus>,
}

/// Objectives with at least one counted answer, out of the blueprint's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub seen: usize,
    pub total: usize,
}

impl Coverage {
    pub fn full(&self) -> bool {
        self.total > 0 && self.seen >= self.total
    }
}

/// Full-length timed simulations of this exam (see `counts_as_simulation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Simulations {
    pub taken: usize,
    pub passed: usize,
    pub needed: usize,
}

/// A reason the learner is not ready yet, for the page to phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    /// The band's low end is under the pass line.
    BandBelowPass { low: u32, passing_score: u32 },
    /// Some objectives have no answers yet.
    Coverage { seen: usize, total: usize },
    /// Too few passed full timed simulations.
    Simulations { passed: usize, needed: usize },
}

impl NotReady {
    /// The reason in plain words.
    pub fn describe(&self) -> String {
        match *self {
            NotReady::BandBelowPass { low, passing_score } => format!(
                "The low end of your estimate ({low}) is under the pass line ({passing_score}). More right answers raise it; more answers narrow the band."
            ),
            NotReady::Coverage { seen, total } => format!(
                "You have answered questions on {seen} of {total} objectives. Every objective can appear on the exam."
            ),
            NotReady::Simulations { passed, needed } => format!(
                "You have passed {passed} of the {needed} full timed exam simulations needed."
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DomainMastery {
    pub id: String,
    pub name: String,
    /// Percent of the exam.
    pub weight: u32,
    /// 0.0-1.0: the mean of its objectives' mastery.
    pub mastery: f64,
    pub answered: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveMastery {
    pub id: String,
    pub title: String,
    pub domain: String,
    /// 0.0-1.0: the estimated share of this objective's questions the
    /// learner would get right now.
    pub mastery: f64,
    /// The objective's own band, same confidence as the exam's.
    pub low: f64,
    pub high: f64,
    pub answered: usize,
}

/// An objective worth working on next.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    pub objective: String,
    pub title: String,
    pub domain: String,
    pub mastery: f64,
    /// Scaled points the estimate would gain if this objective were fully
    /// mastered (its mastery raised to 1.0, everything else unchanged).
    pub points: u32,
}

/// Readiness for `exam` from the learner's answers and finished exams.
/// `now` is in milliseconds since the Unix epoch, like `Attempt::at`.
pub fn readiness(exam: &Exam, attempts: &[Attempt], exams: &[ExamRecord], now: u64) -> Readiness {
    let objectives = band::objectives(exam);
    let gathered = mastery::gather(exam, &objectives, attempts, now);
    let level = mastery::level(&gathered.evidence);
    let posteriors: Vec<mastery::Posterior> = gathered
        .evidence
        .iter()
        .map(|e| mastery::posterior(e, &level))
        .collect();
    let combined = band::combine(&objectives, &posteriors, &level);
    let (low, high) = combined.band();

    let coverage = Coverage {
        seen: gathered.evidence.iter().filter(|e| e.answered > 0).count(),
        total: objectives.len(),
    };
    let simulations = simulations(exam, exams);
    let estimate = combined.scaled();
    let mut reasons = Vec::new();
    if low < exam.passing_score {
        reasons.push(NotReady::BandBelowPass {
            low,
            passing_score: exam.passing_score,
        });
    }
    if !coverage.full() {
        reasons.push(NotReady::Coverage {
            seen: coverage.seen,
            total: coverage.total,
        });
    }
    if simulations.passed < simulations.needed {
        reasons.push(NotReady::Simulations {
            passed: simulations.passed,
            needed: simulations.needed,
        });
    }

    let objective_rows: Vec<ObjectiveMastery> = objectives
        .iter()
        .zip(&posteriors)
        .zip(&gathered.evidence)
        .map(|((o, p), e)| {
            let (lo, hi) = p.band();
            ObjectiveMastery {
                id: o.objective.id.clone(),
                title: o.objective.title.clone(),
                domain: o.domain.id.clone(),
                mastery: p.mean,
                low: lo,
                high: hi,
                answered: e.answered,
            }
        })
        .collect();
    let domains = exam
        .domains
        .iter()
        .map(|d| {
            let rows: Vec<&ObjectiveMastery> =
                objective_rows.iter().filter(|o| o.domain == d.id).collect();
            let mastery = if rows.is_empty() {
                level.mean
            } else {
                rows.iter().map(|o| o.mastery).sum::<f64>() / rows.len() as f64
            };
            DomainMastery {
                id: d.id.clone(),
                name: d.name.clone(),
                weight: d.weight,
                mastery,
                answered: rows.iter().map(|o| o.answered).sum(),
            }
        })
        .collect();
    let focus = band::focus(&objectives, &posteriors);

    Readiness {
        exam: exam.id.clone(),
        estimate,
        low,
        high,
        confidence_percent: CONFIDENCE_PERCENT,
        passing_score: exam.passing_score,
        coverage,
        answered: gathered.answered,
        ignored: gathered.ignored,
        simulations,
        ready: reasons.is_empty(),
        reasons,
        domains,
        objectives: objective_rows,
        focus,
    }
}

/// Counts this exam's full timed simulations and the passed ones.
fn simulations(exam: &Exam, records: &[ExamRecord]) -> Simulations {
    let full: Vec<&ExamRecord> = records
        .iter()
        .filter(|r| counts_as_simulation(exam, r))
        .collect();
    Simulations {
        taken: full.len(),
        // Measured against the blueprint's pass line now, the same line the
        // band is compared with.
        passed: full
            .iter()
            .filter(|r| r.scaled >= exam.passing_score)
            .count(),
        needed: SIMULATIONS_NEEDED,
    }
}

/// A record counts when it is this exam at full length under no more time
/// than the real exam gives: a custom ten-question quiz with an hour on
/// the clock shows little about the real thing. Records from storage are
/// range-checked, and a scaled score off the scale is not counted.
fn counts_as_simulation(exam: &Exam, record: &ExamRecord) -> bool {
    let full_length =
        record.items.len() as f64 >= f64::from(exam.question_count) * FULL_LENGTH_SHARE;
    let limit = u64::from(exam.minutes).saturating_mul(60_000);
    record.exam == exam.id
        && !record.items.is_empty()
        && full_length
        && record.limit_ms > 0
        && record.limit_ms <= limit
        && (SCALE_MIN..=SCALE_MAX).contains(&record.scaled)
}
