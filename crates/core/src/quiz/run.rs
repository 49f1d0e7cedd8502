//! A practice or review run in progress, saved so a reload resumes it: the
//! question on screen, the answer being worked on, and the scores so far.
//!
//! A run is named by its address (`ids`, `seed`, `mode`), so the same link
//! resumes the same run. Several runs are kept (one per open tab, say),
//! newest first, so two tabs never reset each other's place.
//!
//! The scores list also guards the history: an answer is recorded only
//! when its position has no score yet, so checking, reloading and pressing
//! Enter again never records the same answer twice.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::store::newest::{keep_newest, merge_newest};
use crate::store::Document;

use super::answer::{Confidence, Response};

/// How many runs are kept; older ones are dropped first.
pub const KEEP: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeRun {
    /// The question on screen (== the number of questions finished once the
    /// run is over).
    pub position: usize,
    /// The question id and score of each checked question, in order.
    pub scores: Vec<(String, f64)>,
    /// The answer being worked on, or the one checked when `revealed`.
    #[serde(default)]
    pub response: Response,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// The feedback for the current question is showing.
    #[serde(default)]
    pub revealed: bool,
    pub saved_at: u64,
}

/// What `PracticeRun::check` asks the caller to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// A new answer: show the feedback and record it.
    Record,
    /// This position was already scored (before a reload): show the
    /// feedback, record nothing.
    AlreadyRecorded,
}

impl PracticeRun {
    /// The saved run made safe for a run of `total` questions: scores that
    /// are not numbers in 0..=1 are dropped, and a position or score list
    /// that does not fit the run starts it again rather than skip or
    /// repeat a question.
    pub fn repaired(mut self, total: usize) -> PracticeRun {
        let fits = self.position <= total
            && self.scores.len() <= total
            && (self.scores.len() == self.position
                || (self.revealed && self.scores.len() == self.position + 1));
        if !fits || self.scores.iter().any(|(_, s)| !(0.0..=1.0).contains(s)) {
            return PracticeRun {
                saved_at: self.saved_at,
                ..PracticeRun::default()
            };
        }
        if self.position == total {
            self.revealed = false;
        }
        self
    }

    /// The learner checked the question at `position` with `score`.
    pub fn check(&mut self, question: &str, score: f64) -> Checked {
        self.revealed = true;
        if self.scores.len() > self.position {
            return Checked::AlreadyRecorded;
        }
        let score = if score.is_finite() {
            score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.scores.push((question.to_owned(), score));
        Checked::Record
    }

    /// On to the next question.
    pub fn next(&mut self) {
        if self.revealed {
            self.position = self.position.saturating_add(1);
        }
        self.revealed = false;
        self.response = Response::new();
        self.confidence = None;
    }
}

/// The runs in progress, by run name (see `run_name`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeRuns {
    #[serde(default)]
    pub runs: BTreeMap<String, PracticeRun>,
}

/// A run's name from its address: the same questions, seed and mode are
/// the same run.
pub fn run_name(mode: &str, seed: u64, ids: &[String]) -> String {
    format!("{mode}:{seed}:{}", ids.join(","))
}

impl PracticeRuns {
    pub fn get(&self, name: &str) -> Option<&PracticeRun> {
        self.runs.get(name)
    }

    /// Saves `run` under `name`, dropping the oldest runs beyond `KEEP`.
    pub fn put(&mut self, name: &str, run: PracticeRun) {
        self.runs.insert(name.to_owned(), run);
        self.trim();
    }

    fn trim(&mut self) {
        keep_newest(&mut self.runs, KEEP, |r| r.saved_at);
    }
}

impl Document for PracticeRuns {
    const KEY: &'static str = "firstline.runs";
    const FORMAT: &'static str = "firstline-runs";
    const VERSION: u32 = 1;

    /// Each run from whichever tab saved it last; runs only one tab has
    /// are kept.
    fn merge(&mut self, theirs: Self) {
        merge_newest(&mut self.runs, theirs.runs, |r| r.saved_at);
        self.trim();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::answer::Answer;

    fn ids() -> Vec<String> {
        ["a", "b", "c"].map(str::to_owned).to_vec()
    }

    #[test]
    fn checking_again_after_a_reload_records_nothing() {
        let mut run = PracticeRun::default();
        assert_eq!(run.check("a", 1.0), Checked::Record);
        // The page reloads with the feedback showing: the saved run comes
        // back and the learner presses Enter on "Check" again.
        let text = serde_json::to_string(&run).unwrap();
        let mut back: PracticeRun = serde_json::from_str(&text).unwrap();
        back = back.repaired(3);
        assert!(back.revealed);
        assert_eq!(back.check("a", 0.0), Checked::AlreadyRecorded);
        assert_eq!(back.scores, vec![("a".to_owned(), 1.0)]);
        back.next();
        assert_eq!(back.position, 1);
        assert_eq!(back.check("b", 0.5), Checked::Record);
        assert_eq!(back.scores.len(), 2);
    }

    #[test]
    fn next_without_checking_does_not_skip_a_question() {
        let mut run = PracticeRun {
            response: vec![Some(Answer::Choice(vec![1]))],
            ..PracticeRun::default()
        };
        run.next();
        assert_eq!(run.position, 0);
        assert!(run.response.is_empty());
    }

    #[test]
    fn a_saved_run_that_does_not_fit_starts_again() {
        let too_far = PracticeRun {
            position: 7,
            ..PracticeRun::default()
        };
        assert_eq!(too_far.repaired(3).position, 0);
        let bad_score = PracticeRun {
            position: 1,
            scores: vec![("a".into(), f64::NAN)],
            ..PracticeRun::default()
        };
        assert!(bad_score.repaired(3).scores.is_empty());
        let gap = PracticeRun {
            position: 2,
            scores: vec![("a".into(), 1.0)],
            ..PracticeRun::default()
        };
        assert_eq!(gap.repaired(3).position, 0);
        let good = PracticeRun {
            position: 1,
            scores: vec![("a".into(), 1.0)],
            ..PracticeRun::default()
        };
        assert_eq!(good.clone().repaired(3), good);
    }

    #[test]
    fn two_tabs_keep_their_own_runs() {
        let mut ours = PracticeRuns::default();
        let mut theirs = PracticeRuns::default();
        let first = run_name("practice", 1, &ids());
        let second = run_name("practice", 2, &ids());
        ours.put(
            &first,
            PracticeRun {
                position: 2,
                scores: vec![("a".into(), 1.0), ("b".into(), 0.0)],
                saved_at: 10,
                ..PracticeRun::default()
            },
        );
        theirs.put(
            &second,
            PracticeRun {
                saved_at: 11,
                ..PracticeRun::default()
            },
        );
        // Their older copy of our run loses to ours.
        theirs.put(
            &first,
            PracticeRun {
                saved_at: 5,
                ..PracticeRun::default()
            },
        );
        ours.merge(theirs);
        assert_eq!(ours.runs.len(), 2);
        assert_eq!(ours.get(&first).map(|r| r.position), Some(2));
    }

    #[test]
    fn only_the_newest_runs_are_kept() {
        let mut runs = PracticeRuns::default();
        for seed in 0..(KEEP as u64 + 3) {
            runs.put(
                &run_name("practice", seed, &ids()),
                PracticeRun {
                    saved_at: seed,
                    ..PracticeRun::default()
                },
            );
        }
        assert_eq!(runs.runs.len(), KEEP);
        assert!(runs.get(&run_name("practice", 0, &ids())).is_none());
        assert!(runs
            .get(&run_name("practice", KEEP as u64 + 2, &ids()))
            .is_some());
    }
}
