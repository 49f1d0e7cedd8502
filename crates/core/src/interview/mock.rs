//! A mock interview in progress, saved so a reload resumes it at the
//! question it was on, with the answers already given.
//!
//! The question being answered starts again after a reload (its timer
//! would otherwise be a guess); finished questions are kept, and each is
//! recorded once however often the page reloads.

use serde::{Deserialize, Serialize};

use crate::progress::{MockItem, MockKind};
use crate::store::Document;

/// The most questions a mock can hold (the setup allows 6 + 6 + 1).
pub const MAX_STEPS: usize = 20;
/// Minutes per question the setup offers, and the range a saved mock is
/// brought back into.
pub const MIN_MINUTES: u32 = 1;
pub const MAX_MINUTES: u32 = 10;

/// Minutes per question as typed (any number the field lets through) in
/// the range the mock uses.
pub fn minutes_in_range(minutes: u32) -> u32 {
    minutes.clamp(MIN_MINUTES, MAX_MINUTES)
}

/// The time allowed per question in seconds. The page multiplied the
/// typed minutes by 60 itself, which overflowed on 99999999.
pub fn seconds_per_question(minutes: u32) -> u32 {
    minutes_in_range(minutes) * 60
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MockStep {
    pub kind: MockKind,
    /// An interview question id, or a scenario id for the role-play.
    pub id: String,
    /// The role-play's seed, fixed when the mock is planned so a resumed
    /// role-play is the same call.
    #[serde(default)]
    pub seed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockInProgress {
    pub steps: Vec<MockStep>,
    /// The step on screen.
    pub index: usize,
    /// The finished steps' results, in order.
    pub items: Vec<MockItem>,
    pub minutes: u32,
    pub saved_at: u64,
}

impl MockInProgress {
    pub fn new(steps: Vec<MockStep>, minutes: u32, now: u64) -> Self {
        let mut steps = steps;
        steps.truncate(MAX_STEPS);
        MockInProgress {
            steps,
            index: 0,
            items: Vec::new(),
            minutes: minutes_in_range(minutes),
            saved_at: now,
        }
    }

    /// Whether the step on screen has its result.
    pub fn current_done(&self) -> bool {
        self.items.len() > self.index
    }

    /// Keeps the result of the step on screen; a second result for it
    /// (after a reload) is ignored. Returns whether it was kept.
    pub fn record(&mut self, item: MockItem) -> bool {
        if self.current_done() || self.index >= self.steps.len() {
            return false;
        }
        self.items.push(item);
        true
    }

    /// Moves on once the step on screen is done. Returns false at the end.
    pub fn advance(&mut self) -> bool {
        if !self.current_done() || self.index + 1 >= self.steps.len() {
            return false;
        }
        self.index += 1;
        true
    }

    /// The saved mock if it still makes sense: a step index inside the
    /// plan, one result per finished step, scores within 0-100.
    pub fn repaired(mut self) -> Option<Self> {
        let fits = !self.steps.is_empty()
            && self.steps.len() <= MAX_STEPS
            && self.index < self.steps.len()
            && (self.items.len() == self.index || self.items.len() == self.index + 1);
        if !fits {
            return None;
        }
        self.minutes = minutes_in_range(self.minutes);
        for item in &mut self.items {
            item.score = item.score.map(|s| s.min(100));
        }
        Some(self)
    }
}

/// The mock interview in progress, if any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActiveMock {
    #[serde(default)]
    pub mock: Option<MockInProgress>,
}

impl Document for ActiveMock {
    const KEY: &'static str = "firstline.mock";
    const FORMAT: &'static str = "firstline-mock";
    const VERSION: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str) -> MockStep {
        MockStep {
            kind: MockKind::Technical,
            id: id.into(),
            seed: 0,
        }
    }

    fn item(id: &str, score: u32) -> MockItem {
        MockItem {
            id: id.into(),
            prompt: String::new(),
            kind: MockKind::Technical,
            score: Some(score),
            improvements: vec![],
            answer: String::new(),
            seconds: 30,
        }
    }

    #[test]
    fn a_result_is_kept_once_and_the_mock_moves_on_only_when_done() {
        let mut mock = MockInProgress::new(vec![step("a"), step("b")], 2, 0);
        assert!(!mock.advance(), "cannot skip an unanswered question");
        assert!(mock.record(item("a", 70)));
        // The page reloads and the same answer arrives again.
        let text = serde_json::to_string(&mock).unwrap();
        let mut back: MockInProgress = serde_json::from_str(&text).unwrap();
        back = back.repaired().unwrap();
        assert!(!back.record(item("a", 10)));
        assert_eq!(back.items.len(), 1);
        assert!(back.advance());
        assert_eq!(back.index, 1);
        assert!(back.record(item("b", 90)));
        assert!(!back.advance(), "the last step ends the mock");
    }

    #[test]
    fn a_saved_mock_that_does_not_fit_is_dropped_and_numbers_are_bounded() {
        let mut mock = MockInProgress::new(vec![step("a")], 50, 0);
        assert_eq!(mock.minutes, 10);
        mock.index = 3;
        assert!(mock.clone().repaired().is_none());
        mock.index = 0;
        mock.items = vec![item("a", 400)];
        let fixed = mock.repaired().unwrap();
        assert_eq!(fixed.items[0].score, Some(100));
        let empty = MockInProgress::new(vec![], 2, 0);
        assert!(empty.repaired().is_none());
    }

    #[test]
    fn any_typed_minutes_give_a_time_limit_in_range() {
        assert_eq!(seconds_per_question(99_999_999), 600);
        assert_eq!(seconds_per_question(u32::MAX), 600);
        assert_eq!(seconds_per_question(0), 60);
        assert_eq!(seconds_per_question(3), 180);
    }
}
