//! The FSRS-6 memory model: how well a question is remembered, and how
//! that changes with each answer.
//!
//! A memory has a *stability* S (days until the chance of recalling it has
//! fallen to 90%) and a *difficulty* D (1 to 10). The chance of recall
//! after t days, its *retrievability*, follows a power curve whose decay is
//! the 21st parameter:
//!
//! ```text
//! R(t, S) = (1 + F·t/S)^(−w20),   F = 0.9^(−1/w20) − 1   (so R(S, S) = 0.9)
//! I(r, S) = S/F · (r^(−1/w20) − 1)                         (so I(0.9, S) = S)
//! ```
//!
//! After the first answer with grade G (1 again … 4 easy):
//! `S0 = w[G−1]` and `D0(G) = w4 − e^(w5·(G−1)) + 1`.
//!
//! After a later answer, t whole days since the one before:
//! - difficulty moves by `−w6·(G−3)`, damped by `(10 − D)/9` as it nears
//!   10, then reverts a share w7 towards `D0(4)`; it stays within 1..=10;
//! - answered right on an earlier day:
//!   `S' = S·(1 + e^w8·(11−D)·S^(−w9)·(e^(w10·(1−R)) − 1)·[w15 if hard]·[w16 if easy])`;
//! - missed on an earlier day:
//!   `S' = min(w11·D^(−w12)·((S+1)^w13 − 1)·e^(w14·(1−R)), S / e^(w17·w18))`;
//! - answered again the same day (t = 0), FSRS-6's short-term formula:
//!   `S' = S·e^(w17·(G−3+w18))·S^(−w19)`, never below S once answered right.
//!
//! These are the formulas of the open-spaced-repetition project ("The
//! Algorithm" page of the fsrs4anki wiki, and its reference
//! implementations fsrs-rs and py-fsrs), written here from the formulas.
//! Two details differ between those implementations; this one follows
//! fsrs-rs, the crate Anki uses: a same-day *hard* answer (right, but
//! guessed) keeps at least the stability it had (py-fsrs lets it fall),
//! and stability is kept within 0.001..=36500 days.

use super::Grade;

/// The 21 default parameters of FSRS-6 as published by fsrs-rs 6.x
/// (`DEFAULT_PARAMETERS` in src/inference.rs) and py-fsrs 6.x
/// (`DEFAULT_PARAMETERS` in fsrs/scheduler.py), which agree. They are fitted
/// to the average learner; FirstLine has too few answers per learner to fit
/// its own.
pub const DEFAULT_PARAMETERS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, // w0..w3: first stability per grade
    6.4133, 0.8334, // w4, w5: first difficulty
    3.0194, 0.001, // w6: difficulty step, w7: mean reversion
    1.8722, 0.1666, 0.796, // w8..w10: growth after a right answer
    1.4835, 0.0614, 0.2629, 1.6483, // w11..w14: stability after a miss
    0.6014, 1.8729, // w15: hard penalty, w16: easy bonus
    0.5425, 0.0912, 0.0658, // w17..w19: same-day reviews
    0.1542, // w20: decay of the forgetting curve
];

pub const MIN_STABILITY: f64 = 0.001;
pub const MAX_STABILITY: f64 = 36_500.0;
pub const MIN_DIFFICULTY: f64 = 1.0;
pub const MAX_DIFFICULTY: f64 = 10.0;

/// What the model knows of one question's memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until the chance of recall falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
}

/// FSRS-6 with one set of parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    w: [f64; 21],
}

impl Default for Model {
    fn default() -> Self {
        Model::new(DEFAULT_PARAMETERS)
    }
}

impl Model {
    pub const fn new(w: [f64; 21]) -> Self {
        Model { w }
    }

    pub fn parameters(&self) -> &[f64; 21] {
        &self.w
    }

    /// The F of the curve: chosen so that R = 0.9 when t = S.
    fn factor(&self) -> f64 {
        0.9f64.powf(-1.0 / self.w[20]) - 1.0
    }

    /// The chance of recall `elapsed_days` after the last answer.
    pub fn retrievability(&self, elapsed_days: f64, stability: f64) -> f64 {
        let t = finite_or(elapsed_days, 0.0).max(0.0);
        let s = stability_in_range(stability);
        (1.0 + self.factor() * t / s).powf(-self.w[20])
    }

    /// Days until the chance of recall falls to `retention` (unrounded).
    pub fn interval(&self, stability: f64, retention: f64) -> f64 {
        let s = stability_in_range(stability);
        s / self.factor() * (retention.powf(-1.0 / self.w[20]) - 1.0)
    }

    /// The memory after a question's first answer.
    pub fn first(&self, grade: Grade) -> Memory {
        Memory {
            stability: stability_in_range(self.w[grade.index()]),
            difficulty: difficulty_in_range(self.initial_difficulty(grade)),
        }
    }

    /// The memory after another answer, `elapsed_days` whole days after the
    /// one before (0: the same day).
    pub fn next(&self, memory: Memory, elapsed_days: u64, grade: Grade) -> Memory {
        // Stored values are range-checked when read, but the model does
        // not rely on it: out-of-range input gives in-range output.
        let s = stability_in_range(memory.stability);
        let d = difficulty_in_range(memory.difficulty);
        let stability = if elapsed_days == 0 {
            self.same_day_stability(s, grade)
        } else {
            // Whole days, as the reference implementations count them.
            let r = self.retrievability(elapsed_days as f64, s);
            match grade {
                Grade::Again => self.stability_after_miss(s, d, r),
                _ => self.stability_after_recall(s, d, r, grade),
            }
        };
        Memory {
            stability: stability_in_range(finite_or(stability, s)),
            difficulty: self.next_difficulty(d, grade),
        }
    }

    fn initial_difficulty(&self, grade: Grade) -> f64 {
        self.w[4] - (self.w[5] * (grade.value() - 1.0)).exp() + 1.0
    }

    fn next_difficulty(&self, d: f64, grade: Grade) -> f64 {
        let step = -self.w[6] * (grade.value() - 3.0);
        // Linear damping: the closer to 10, the smaller a step up.
        let moved = d + step * (10.0 - d) / 9.0;
        // Mean reversion towards the difficulty of a first "easy", so a
        // run of misses does not leave a question stuck at the top.
        let target = self.initial_difficulty(Grade::Easy);
        let reverted = self.w[7] * target + (1.0 - self.w[7]) * moved;
        difficulty_in_range(finite_or(reverted, d))
    }

    fn stability_after_recall(&self, s: f64, d: f64, r: f64, grade: Grade) -> f64 {
        let hard_penalty = if grade == Grade::Hard {
            self.w[15]
        } else {
            1.0
        };
        let easy_bonus = if grade == Grade::Easy {
            self.w[16]
        } else {
            1.0
        };
        let growth = self.w[8].exp()
            * (11.0 - d)
            * s.powf(-self.w[9])
            * ((self.w[10] * (1.0 - r)).exp() - 1.0)
            * hard_penalty
            * easy_bonus;
        s * (1.0 + growth)
    }

    fn stability_after_miss(&self, s: f64, d: f64, r: f64) -> f64 {
        let long_term = self.w[11]
            * d.powf(-self.w[12])
            * ((s + 1.0).powf(self.w[13]) - 1.0)
            * (self.w[14] * (1.0 - r)).exp();
        // FSRS-6: a miss never leaves a memory more stable than before.
        let ceiling = s / (self.w[17] * self.w[18]).exp();
        long_term.min(ceiling)
    }

    fn same_day_stability(&self, s: f64, grade: Grade) -> f64 {
        let growth = (self.w[17] * (grade.value() - 3.0 + self.w[18])).exp() * s.powf(-self.w[19]);
        let growth = if grade == Grade::Again {
            growth
        } else {
            growth.max(1.0)
        };
        s * growth
    }

    /// A memory for a card scheduled by FirstLine's earlier SM-2 style
    /// scheduler (`interval_days`, `ease`), when there are no answers to
    /// replay. SM-2 aimed at about 90% recall, so the interval it chose is
    /// the stability; the difficulty is the one for which FSRS would grow
    /// that stability by the ease factor, the conversion fsrs-rs offers
    /// (`memory_state_from_sm2`). An interval of 0 (just missed) counts as
    /// a first miss.
    pub fn from_sm2(&self, interval_days: f64, ease: f64) -> Memory {
        let stability = stability_in_range(finite_or(interval_days, 0.0).max(self.w[0]));
        let growth_per_difficulty =
            self.w[8].exp() * stability.powf(-self.w[9]) * ((self.w[10] * (1.0 - 0.9)).exp() - 1.0);
        let difficulty = 11.0 - (finite_or(ease, 2.5) - 1.0) / growth_per_difficulty;
        Memory {
            stability,
            difficulty: difficulty_in_range(difficulty),
        }
    }
}

/// Stability within the model's range; not a number counts as the least
/// (the next review comes sooner rather than later).
pub fn stability_in_range(s: f64) -> f64 {
    if s.is_nan() {
        MIN_STABILITY
    } else {
        s.clamp(MIN_STABILITY, MAX_STABILITY)
    }
}

/// Difficulty within 1..=10; not a number counts as the hardest, for the
/// same reason.
pub fn difficulty_in_range(d: f64) -> f64 {
    if d.is_nan() {
        MAX_DIFFICULTY
    } else {
        d.clamp(MIN_DIFFICULTY, MAX_DIFFICULTY)
    }
}

fn finite_or(x: f64, fallback: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        fallback
    }
}
