//! The review schedule: missed and low-confidence questions come back after
//! growing intervals, due items first.
//!
//! This is a small SM-2 style scheduler (the `fsrs` crate pulls in a
//! machine-learning framework far beyond the app's download budget). Each
//! answer is graded from its score and the learner's confidence:
//!
//! | answer | grade | next interval |
//! |---|---|---|
//! | wrong or partly wrong | again | 10 minutes; ease -0.20 |
//! | right, guessing | hard | max(1 day, interval x 1.2); ease -0.15 |
//! | right, unsure | good | 1 day, then 3 days, then interval x ease |
//! | right, sure (or not said) | easy | 3 days, then interval x ease x 1.3; ease +0.15 |
//!
//! Ease starts at 2.5 and never drops below 1.3. A question enters the
//! schedule the first time it is missed or answered without being sure; a
//! question answered right and sure is not scheduled.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answer::Confidence;
use super::score::is_full;

pub const MINUTE_MS: u64 = 60 * 1000;
pub const DAY_MS: u64 = 24 * 60 * MINUTE_MS;
const START_EASE: f64 = 2.5;
const MIN_EASE: f64 = 1.3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub fn of(score: f64, confidence: Option<Confidence>) -> Grade {
        if !is_full(score) {
            return Grade::Again;
        }
        match confidence {
            Some(Confidence::Guessing) => Grade::Hard,
            Some(Confidence::Unsure) => Grade::Good,
            Some(Confidence::Sure) | None => Grade::Easy,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// When it is next due, in ms since the epoch.
    pub due: u64,
    pub interval_days: f64,
    pub ease: f64,
    /// Successful reviews in a row.
    pub streak: u32,
    pub lapses: u32,
    pub last_reviewed: u64,
}

impl Card {
    fn new(now: u64) -> Self {
        Card {
            due: now,
            interval_days: 0.0,
            ease: START_EASE,
            streak: 0,
            lapses: 0,
            last_reviewed: now,
        }
    }

    fn apply(&mut self, grade: Grade, now: u64) {
        match grade {
            Grade::Again => {
                self.streak = 0;
                self.lapses += 1;
                self.ease = (self.ease - 0.2).max(MIN_EASE);
                self.interval_days = 0.0;
                self.due = now + 10 * MINUTE_MS;
            }
            Grade::Hard => {
                self.ease = (self.ease - 0.15).max(MIN_EASE);
                self.interval_days = (self.interval_days * 1.2).max(1.0);
            }
            Grade::Good => {
                self.interval_days = match self.streak {
                    0 => 1.0,
                    1 => 3.0,
                    _ => self.interval_days * self.ease,
                };
            }
            Grade::Easy => {
                self.interval_days = match self.streak {
                    0 => 3.0,
                    _ => (self.interval_days * self.ease * 1.3).max(3.0),
                };
                self.ease += 0.15;
            }
        }
        if grade != Grade::Again {
            self.streak += 1;
            self.due = now + (self.interval_days * DAY_MS as f64) as u64;
        }
        self.last_reviewed = now;
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewDeck {
    pub cards: BTreeMap<String, Card>,
}

impl ReviewDeck {
    /// Records an answer. Questions not yet scheduled join only when missed
    /// or answered without being sure.
    pub fn record(&mut self, question: &str, score: f64, confidence: Option<Confidence>, now: u64) {
        let grade = Grade::of(score, confidence);
        match self.cards.get_mut(question) {
            Some(card) => card.apply(grade, now),
            None if grade != Grade::Easy => {
                let mut card = Card::new(now);
                card.apply(grade, now);
                self.cards.insert(question.to_owned(), card);
            }
            None => {}
        }
    }

    /// Questions due now, most overdue first.
    pub fn due(&self, now: u64) -> Vec<(&str, &Card)> {
        let mut due: Vec<(&str, &Card)> = self
            .cards
            .iter()
            .filter(|(_, c)| c.due <= now)
            .map(|(id, c)| (id.as_str(), c))
            .collect();
        due.sort_by_key(|(id, c)| (c.due, *id));
        due
    }

    /// Questions not yet due, soonest first.
    pub fn upcoming(&self, now: u64) -> Vec<(&str, &Card)> {
        let mut later: Vec<(&str, &Card)> = self
            .cards
            .iter()
            .filter(|(_, c)| c.due > now)
            .map(|(id, c)| (id.as_str(), c))
            .collect();
        later.sort_by_key(|(id, c)| (c.due, *id));
        later
    }
}
