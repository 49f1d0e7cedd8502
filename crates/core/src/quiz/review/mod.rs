//! The review schedule: missed and low-confidence questions come back when
//! they are about to be forgotten, due items first.
//!
//! Scheduling is FSRS-6 (`fsrs.rs`), the model Anki uses by default, with
//! its published default parameters, written here rather than taken from
//! the `fsrs` crate: that crate's 6.x line brings ndarray, rayon and a
//! random-number generator, does not build for the browser without a
//! `getrandom` feature switch, and would give the core a source of
//! randomness it must not have (docs/review.md has the measurements).
//!
//! Each answer is graded from its score and the learner's confidence:
//!
//! | answer | grade | comes back |
//! |---|---|---|
//! | wrong or partly wrong | again | in 10 minutes (a lapse) |
//! | right, guessing | hard | when recall is down to 90% |
//! | right, unsure | good | likewise; later than hard |
//! | right, sure (or not said) | easy | likewise; later than good |
//!
//! Choices FirstLine makes on top of the model:
//! - A question enters the schedule the first time it is missed or answered
//!   without being sure; a question answered right and sure is not
//!   scheduled (it is known). Once in, every answer to it counts.
//! - A miss brings the question back in 10 minutes, one learning step, as
//!   Anki's default relearning step does; the model meanwhile lowers its
//!   stability, and the next answer (the same day) uses FSRS-6's same-day
//!   formula.
//! - Otherwise the next review is when recall is predicted to fall to 90%
//!   (desired retention 0.9, where the interval equals the stability),
//!   rounded to whole days, at least 1 and at most 365 (an exam is rarely
//!   more than a year away), and without Anki's random "fuzz": the core has
//!   no randomness, and a deck replayed from the answers must come out the
//!   same in every tab.
//! - Days elapsed are whole 24-hour periods since the last answer, as
//!   py-fsrs counts them; "the same day" means within 24 hours. (The app
//!   has no day boundary setting, and replays must not depend on where
//!   the learner was.)
//! - Times saturate rather than overflow, and cards read from storage are
//!   range-checked (`StoredCard`).
//!
//! The deck can always be rebuilt from the saved answers (`replay`), which
//! is how two tabs' progress is merged and how decks saved by the earlier
//! SM-2 style scheduler were migrated (version 2 of the progress document).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answer::Confidence;
use super::score::is_full;

pub mod forecast;
pub mod fsrs;

#[cfg(test)]
mod tests;

use fsrs::{Memory, Model, DEFAULT_PARAMETERS};

pub const MINUTE_MS: u64 = 60 * 1000;
pub const DAY_MS: u64 = 24 * 60 * MINUTE_MS;
/// How soon a missed question comes back.
pub const RELEARN_MS: u64 = 10 * MINUTE_MS;
/// The chance of recall the schedule aims for at each review.
pub const DESIRED_RETENTION: f64 = 0.9;
/// The longest wait between reviews.
pub const MAX_INTERVAL_DAYS: u64 = 365;

/// The model the schedule uses.
pub const MODEL: Model = Model::new(DEFAULT_PARAMETERS);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub fn of(score: f64, confidence: Option<Confidence>) -> Grade {
        // Confidence never rescues a wrong answer: claiming to be sure
        // only ever lengthens the wait after a right one.
        if !is_full(score) {
            return Grade::Again;
        }
        match confidence {
            Some(Confidence::Guessing) => Grade::Hard,
            Some(Confidence::Unsure) => Grade::Good,
            Some(Confidence::Sure) | None => Grade::Easy,
        }
    }

    /// FSRS's G: 1 (again) to 4 (easy).
    pub fn value(self) -> f64 {
        (self.index() + 1) as f64
    }

    /// G − 1, an index into the first four parameters.
    pub fn index(self) -> usize {
        match self {
            Grade::Again => 0,
            Grade::Hard => 1,
            Grade::Good => 2,
            Grade::Easy => 3,
        }
    }
}

/// One scheduled question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredCard")]
pub struct Card {
    /// When it is next due, in ms since the epoch.
    pub due: u64,
    /// FSRS stability: days until the chance of recall falls to 90%.
    pub stability: f64,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// Answers recorded, the first included.
    pub reps: u32,
    /// Answers missed.
    pub lapses: u32,
    pub last_reviewed: u64,
}

/// A card's number as kept: to a millionth (far finer than a day's
/// interval needs). JSON writes it in at most 16 significant digits with
/// a mantissa under 2^53, which serde_json's default parser reads back to
/// the same bits; full-precision values sometimes came back a bit off,
/// and exact reading (its `float_roundtrip` feature) adds its code to
/// every page's first download.
fn kept(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

impl Card {
    /// A card after its question's first scheduled answer.
    pub fn first(grade: Grade, now: u64) -> Self {
        let memory = MODEL.first(grade);
        Card {
            due: due_after(memory, grade, now),
            stability: kept(memory.stability),
            difficulty: kept(memory.difficulty),
            reps: 1,
            lapses: u32::from(grade == Grade::Again),
            last_reviewed: now,
        }
    }

    /// Takes in another answer.
    pub fn review(&mut self, grade: Grade, now: u64) {
        // An answer recorded out of order (a clock set back) counts as
        // the same day rather than as negative time.
        let elapsed_days = now.saturating_sub(self.last_reviewed) / DAY_MS;
        let memory = MODEL.next(self.memory(), elapsed_days, grade);
        self.stability = kept(memory.stability);
        self.difficulty = kept(memory.difficulty);
        self.due = due_after(memory, grade, now);
        self.reps = self.reps.saturating_add(1);
        if grade == Grade::Again {
            self.lapses = self.lapses.saturating_add(1);
        }
        self.last_reviewed = now;
    }

    pub fn memory(&self) -> Memory {
        Memory {
            stability: self.stability,
            difficulty: self.difficulty,
        }
    }

    /// Whole days from the last answer to the next review: 0 while the
    /// question is in its 10-minute learning step.
    pub fn interval_days(&self) -> u64 {
        self.due.saturating_sub(self.last_reviewed) / DAY_MS
    }

    /// The predicted chance of recalling it at `now`.
    pub fn retrievability(&self, now: u64) -> f64 {
        let elapsed = now.saturating_sub(self.last_reviewed) as f64 / DAY_MS as f64;
        MODEL.retrievability(elapsed, self.stability)
    }
}

/// Whole days until recall is predicted to fall to the desired retention:
/// at least 1, at most `MAX_INTERVAL_DAYS`.
pub fn interval_days(stability: f64) -> u64 {
    let days = MODEL.interval(stability, DESIRED_RETENTION).round();
    if days.is_nan() {
        return 1;
    }
    // `as` saturates: a huge or infinite interval becomes u64::MAX, then the cap.
    (days as u64).clamp(1, MAX_INTERVAL_DAYS)
}

fn due_after(memory: Memory, grade: Grade, now: u64) -> u64 {
    if grade == Grade::Again {
        now.saturating_add(RELEARN_MS)
    } else {
        now.saturating_add(interval_days(memory.stability).saturating_mul(DAY_MS))
    }
}

/// A card as read from storage: every field optional, so that a card saved
/// by the earlier SM-2 style scheduler (`interval_days`, `ease`, `streak`)
/// or damaged (JSON writes a NaN as `null`) is repaired instead of making
/// the whole progress document unreadable.
#[derive(Deserialize)]
struct StoredCard {
    #[serde(default)]
    due: Option<u64>,
    #[serde(default)]
    last_reviewed: Option<u64>,
    #[serde(default)]
    stability: Option<f64>,
    #[serde(default)]
    difficulty: Option<f64>,
    #[serde(default)]
    reps: Option<u32>,
    #[serde(default)]
    lapses: Option<u32>,
    // Version 1 (SM-2 style) fields.
    #[serde(default)]
    interval_days: Option<f64>,
    #[serde(default)]
    ease: Option<f64>,
    #[serde(default)]
    streak: Option<u32>,
}

/// The difficulty a card gets when its own is unreadable: the middle of
/// the range, claiming neither that the question is easy nor hard.
const REPAIR_DIFFICULTY: f64 = 5.5;

impl From<StoredCard> for Card {
    fn from(s: StoredCard) -> Card {
        let last_reviewed = s.last_reviewed.or(s.due).unwrap_or(0);
        let due = s.due.unwrap_or(last_reviewed);
        let usable = |x: Option<f64>, valid: fn(f64) -> bool| x.filter(|&x| valid(x));
        let stability = usable(s.stability, |x| x.is_finite() && x > 0.0);
        let difficulty = usable(s.difficulty, f64::is_finite);
        let legacy = s
            .interval_days
            .map(|interval| MODEL.from_sm2(interval, s.ease.unwrap_or(2.5)));
        let stability = stability
            .or(legacy.map(|m| m.stability))
            // At 90% retention the interval equals the stability, so the
            // interval the card was last given is the best estimate left.
            .unwrap_or_else(|| {
                let scheduled = due.saturating_sub(last_reviewed) as f64 / DAY_MS as f64;
                scheduled
                    .max(DEFAULT_PARAMETERS[0])
                    .min(MAX_INTERVAL_DAYS as f64)
            });
        let difficulty = difficulty
            .or(legacy.map(|m| m.difficulty))
            .unwrap_or(REPAIR_DIFFICULTY);
        let lapses = s.lapses.unwrap_or(0);
        Card {
            due,
            // Kept to a millionth like every card the scheduler writes, so
            // a card repaired or read from a hand-written save reads back
            // the same after the next save.
            stability: kept(fsrs::stability_in_range(stability)),
            difficulty: kept(fsrs::difficulty_in_range(difficulty)),
            reps: s
                .reps
                .unwrap_or_else(|| s.streak.unwrap_or(0).saturating_add(lapses).max(1)),
            lapses,
            last_reviewed,
        }
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
            Some(card) => card.review(grade, now),
            None if grade != Grade::Easy => {
                self.cards
                    .insert(question.to_owned(), Card::first(grade, now));
            }
            None => {}
        }
    }

    /// The deck the answers make, given in time order: (question, score,
    /// confidence, when).
    pub fn replay<'a>(
        answers: impl IntoIterator<Item = (&'a str, f64, Option<Confidence>, u64)>,
    ) -> Self {
        let mut deck = ReviewDeck::default();
        for (question, score, confidence, at) in answers {
            deck.record(question, score, confidence, at);
        }
        deck
    }

    /// Questions due now, most overdue first.
    pub fn due(&self, now: u64) -> Vec<(&str, &Card)> {
        let mut due: Vec<(&str, &Card)> = self
            .cards
            .iter()
            .filter(|(_, c)| c.due <= now)
            .map(|(id, c)| (id.as_str(), c))
            .collect();
        crate::sort::by_key(&mut due, |(id, c)| (c.due, *id));
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
        crate::sort::by_key(&mut later, |(id, c)| (c.due, *id));
        later
    }
}
