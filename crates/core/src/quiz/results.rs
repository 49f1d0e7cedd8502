//! Results of an exam: an estimated scaled score, the breakdown by domain
//! and objective, and the record saved to progress.

use serde::{Deserialize, Serialize};

use crate::content::exam::{Exam, SCALE_MAX, SCALE_MIN};
use crate::content::library::Library;

use super::answer::{Confidence, Response};
use super::score::{is_full, score_question};
use super::session::{ExamSession, SubmitReason};

/// One question of a finished exam, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub question: String,
    pub domain: String,
    pub objective: String,
    pub score: f64,
    pub response: Response,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub flagged: bool,
}

/// A finished exam, as saved to progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamRecord {
    pub exam: String,
    pub started_at: u64,
    pub finished_at: u64,
    pub reason: SubmitReason,
    pub elapsed_ms: u64,
    pub limit_ms: u64,
    pub items: Vec<ItemRecord>,
    /// The estimated scaled score (100-900).
    pub scaled: u32,
    pub passing_score: u32,
}

impl ExamRecord {
    pub fn passed(&self) -> bool {
        self.scaled >= self.passing_score
    }

    /// The share of available points earned, 0.0 to 1.0.
    pub fn raw(&self) -> f64 {
        raw_share(self.items.iter().map(|i| i.score))
    }

    pub fn correct_count(&self) -> usize {
        self.items.iter().filter(|i| is_full(i.score)).count()
    }
}

fn raw_share(scores: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = scores.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// CompTIA does not publish how raw scores map to its scale, so this is a
/// plain linear estimate: 0% is 100 and 100% is 900. Always shown as an
/// estimate.
pub fn estimate_scaled(raw: f64) -> u32 {
    let raw = raw.clamp(0.0, 1.0);
    let span = f64::from(SCALE_MAX - SCALE_MIN);
    SCALE_MIN + (raw * span).round() as u32
}

/// Scores a submitted (or timed-out) session into a record.
pub fn grade(session: &ExamSession, exam: &Exam, library: &Library, now: u64) -> ExamRecord {
    let items: Vec<ItemRecord> = session
        .items
        .iter()
        .filter_map(|item| {
            let question = library.question(&item.question)?;
            Some(ItemRecord {
                question: item.question.clone(),
                domain: question.domain.clone(),
                objective: question.objective.clone(),
                score: score_question(question, &item.response).score,
                response: item.response.clone(),
                confidence: item.confidence,
                flagged: item.flagged,
            })
        })
        .collect();
    let submission = session.submitted;
    ExamRecord {
        exam: session.exam.clone(),
        started_at: session.started_at,
        finished_at: submission.map_or(now, |s| s.at),
        reason: submission.map_or(SubmitReason::Learner, |s| s.reason),
        elapsed_ms: session.elapsed_ms,
        limit_ms: session.limit_ms,
        scaled: estimate_scaled(raw_share(items.iter().map(|i| i.score))),
        passing_score: exam.passing_score,
        items,
    }
}

/// Points earned out of questions asked, for a domain or an objective.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub id: String,
    pub name: String,
    pub earned: f64,
    pub asked: usize,
}

impl Breakdown {
    pub fn share(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            self.earned / self.asked as f64
        }
    }
}

/// Results by domain, in blueprint order (domains with no questions left out).
pub fn by_domain(record: &ExamRecord, exam: &Exam) -> Vec<Breakdown> {
    exam.domains
        .iter()
        .map(|d| breakdown(record, &d.id, &d.name, |i| i.domain == d.id))
        .filter(|b| b.asked > 0)
        .collect()
}

/// Results by objective, in blueprint order.
pub fn by_objective(record: &ExamRecord, exam: &Exam) -> Vec<Breakdown> {
    exam.domains
        .iter()
        .flat_map(|d| &d.objectives)
        .map(|o| breakdown(record, &o.id, &o.title, |i| i.objective == o.id))
        .filter(|b| b.asked > 0)
        .collect()
}

fn breakdown(
    record: &ExamRecord,
    id: &str,
    name: &str,
    keep: impl Fn(&ItemRecord) -> bool,
) -> Breakdown {
    let kept: Vec<&ItemRecord> = record.items.iter().filter(|i| keep(i)).collect();
    Breakdown {
        id: id.to_owned(),
        name: name.to_owned(),
        earned: kept.iter().map(|i| i.score).sum(),
        asked: kept.len(),
    }
}
