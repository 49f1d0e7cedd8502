//! A timed exam in progress. It is saved after every change and restored
//! after a reload or a closed tab, with the same questions in the same
//! order: the draw and each question's option order are stored, never
//! recomputed.
//!
//! The clock counts only while the exam is open: `resume` starts counting
//! from now, so time away (a closed tab) is not charged. When the time is
//! used up, `tick` submits the exam.

use serde::{Deserialize, Serialize};

use crate::content::library::Library;
use crate::store::Document;

use super::answer::{Answer, Confidence, Response};
use super::present::{present, Presentation};
use super::score;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamSession {
    pub exam: String,
    pub seed: u64,
    pub started_at: u64,
    pub items: Vec<SessionItem>,
    /// The item on screen.
    pub current: usize,
    pub limit_ms: u64,
    pub elapsed_ms: u64,
    /// When the clock last advanced; not saved, so a restored session is
    /// paused until `resume`.
    #[serde(skip)]
    pub last_tick: Option<u64>,
    pub submitted: Option<Submission>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionItem {
    pub question: String,
    pub presentation: Presentation,
    pub response: Response,
    pub flagged: bool,
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub at: u64,
    pub reason: SubmitReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubmitReason {
    /// The learner submitted.
    Learner,
    /// The time ran out.
    Timeout,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    Running {
        remaining_ms: u64,
    },
    /// Time ran out on this tick and the exam was submitted.
    TimedOut,
    /// Already submitted.
    Finished,
}

/// Which items the review screen lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFilter {
    All,
    Flagged,
    Unanswered,
}

impl ExamSession {
    /// Starts an exam over the drawn question ids; ids missing from the
    /// library are skipped.
    pub fn start(
        exam: &str,
        ids: &[String],
        library: &Library,
        seed: u64,
        limit_ms: u64,
        now: u64,
    ) -> Self {
        let items = ids
            .iter()
            .filter_map(|id| library.question(id))
            .map(|q| SessionItem {
                question: q.id.clone(),
                presentation: present(q, seed),
                response: vec![None; q.tasks().len()],
                flagged: false,
                confidence: None,
            })
            .collect();
        ExamSession {
            exam: exam.to_owned(),
            seed,
            started_at: now,
            items,
            current: 0,
            limit_ms,
            elapsed_ms: 0,
            last_tick: Some(now),
            submitted: None,
        }
    }

    pub fn is_submitted(&self) -> bool {
        self.submitted.is_some()
    }

    /// Starts the clock again after a reload, without charging time away.
    pub fn resume(&mut self, now: u64) {
        if !self.is_submitted() {
            self.last_tick = Some(now);
        }
    }

    /// Counts the time since the last tick; submits when time is up.
    pub fn tick(&mut self, now: u64) -> Tick {
        if self.is_submitted() {
            return Tick::Finished;
        }
        if let Some(last) = self.last_tick {
            self.elapsed_ms = self.elapsed_ms.saturating_add(now.saturating_sub(last));
        }
        self.last_tick = Some(now);
        if self.elapsed_ms >= self.limit_ms {
            self.elapsed_ms = self.limit_ms;
            self.submit(now, SubmitReason::Timeout);
            Tick::TimedOut
        } else {
            Tick::Running {
                remaining_ms: self.remaining_ms(),
            }
        }
    }

    pub fn remaining_ms(&self) -> u64 {
        self.limit_ms.saturating_sub(self.elapsed_ms)
    }

    pub fn submit(&mut self, now: u64, reason: SubmitReason) {
        if self.submitted.is_none() {
            self.submitted = Some(Submission { at: now, reason });
            self.last_tick = None;
        }
    }

    pub fn go_to(&mut self, index: usize) {
        if index < self.items.len() {
            self.current = index;
        }
    }

    /// Records the answer to one task of one item. Ignored once submitted.
    pub fn answer(&mut self, index: usize, task: usize, answer: Answer) {
        if self.is_submitted() {
            return;
        }
        if let Some(slot) = self
            .items
            .get_mut(index)
            .and_then(|item| item.response.get_mut(task))
        {
            *slot = Some(answer);
        }
    }

    pub fn toggle_flag(&mut self, index: usize) {
        if let Some(item) = self.items.get_mut(index) {
            item.flagged = !item.flagged;
        }
    }

    pub fn set_confidence(&mut self, index: usize, confidence: Confidence) {
        if let Some(item) = self.items.get_mut(index) {
            item.confidence = Some(confidence);
        }
    }

    /// Whether an item has every task answered.
    pub fn is_answered(&self, index: usize, library: &Library) -> bool {
        self.items.get(index).is_some_and(|item| {
            library
                .question(&item.question)
                .is_some_and(|q| score::is_complete(q, &item.response))
        })
    }

    /// Item indices the review screen shows for a filter.
    pub fn filtered(&self, filter: ReviewFilter, library: &Library) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| match filter {
                ReviewFilter::All => true,
                ReviewFilter::Flagged => self.items[i].flagged,
                ReviewFilter::Unanswered => !self.is_answered(i, library),
            })
            .collect()
    }
}

/// The exam in progress, saved under its own key so a problem with it never
/// touches the rest of the learner's progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActiveExam {
    pub session: Option<ExamSession>,
}

impl Document for ActiveExam {
    const KEY: &'static str = "firstline.exam";
    const FORMAT: &'static str = "firstline-exam";
    const VERSION: u32 = 1;
}
