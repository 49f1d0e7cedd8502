//! Helpers shared by the progress tests (the answer history's, the
//! merge's, the peeks' and the class report's), so they build their
//! records the same way.

use super::{Attempt, Mode, ScenarioRecord};
use crate::content::scenario::Outcome;
use crate::scenario::play::PlayMode;

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

/// A resolved play of `scenario` scoring `overall` at `at` (ms), in `mode`,
/// with no dimensions, mistakes, hints or checks.
pub(crate) fn scenario_play(
    scenario: &str,
    overall: u32,
    at: u64,
    mode: PlayMode,
) -> ScenarioRecord {
    ScenarioRecord {
        scenario: scenario.into(),
        seed: 7,
        caller: "Danielle Ferreira".into(),
        outcome: Outcome::Resolved,
        ending: "end-fixed".into(),
        overall,
        dimensions: vec![],
        critical: 0,
        minutes: 12,
        choices: vec!["a".into()],
        notes_share: 0.5,
        at,
        scoring: ScenarioRecord::SCORING,
        mistakes: 0,
        harm: vec![],
        priority: None,
        mode,
        undone: 0,
        hints: 0,
        checks: vec![],
    }
}
