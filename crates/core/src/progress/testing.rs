//! Helpers shared by the progress tests (the answer history's and the
//! merge's), so both build their answers the same way.

use super::{Attempt, Mode};

/// A practice answer to `question` at `at` (ms) with `score`, in a fixed
/// exam, domain and objective.
pub(crate) fn attempt(question: &str, at: u64, score: f64) -> Attempt {
    Attempt {
        question: question.into(),
        exam: "220-1201".into(),
        domain: "2.0".into(),
        objective: "2.1".into(),
        score,
        at,
        mode: Mode::Practice,
        confidence: None,
        wrong_picks: vec![],
    }
}
