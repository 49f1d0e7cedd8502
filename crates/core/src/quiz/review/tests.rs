//! The schedule against reference values, the learner who claims to be
//! sure of everything, cards read from storage, and the forecast.
//!
//! Reference values come from three places, cited at each test:
//! - fsrs-rs 6.6.2 (the crate Anki uses), its own unit tests in
//!   src/inference.rs: `next_states` doc example, `test_memory_state`,
//!   `test_next_interval`, `test_current_retrievability`,
//!   `test_memory_from_sm2`;
//! - ts-fsrs, its FSRS-6 test `memory state[short-term]`
//!   (__tests__/FSRS-6.test.ts), with the parameter set given there;
//! - py-fsrs 6.3.2 `Scheduler(learning_steps=(10 min,),
//!   relearning_steps=(10 min,), maximum_interval=365,
//!   enable_fuzzing=False)`, run on the answer sequences below (the same
//!   policy as FirstLine's: a miss comes back in 10 minutes, no fuzz); an
//!   fsrs-rs 6.6.2 `next_states` run gave the same intervals
//!   (docs/review.md).

use super::forecast::{
    civil_date, forecast, local_day, next_review, Date, NextReview, FORECAST_DAYS,
};
use super::fsrs::{Memory, Model, DEFAULT_PARAMETERS};
use super::*;

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr, $tolerance:expr) => {{
        let (a, e) = ($actual, $expected);
        assert!(close(a, e, $tolerance), "{a} is not {e} (± {})", $tolerance);
    }};
}

const GRADES: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

// ---- the model against reference values ----------------------------------

#[test]
fn first_answers_take_the_first_four_parameters_as_stability() {
    // fsrs-rs 6.6.2 `next_states` doc example: a new card's four outcomes.
    let difficulty = [6.4133, 5.112_170_7, 2.118_104, 1.0];
    for (i, grade) in GRADES.into_iter().enumerate() {
        let memory = MODEL.first(grade);
        assert_eq!(memory.stability, DEFAULT_PARAMETERS[i]);
        assert_close!(memory.difficulty, difficulty[i], 1e-5);
    }
}

#[test]
fn at_ninety_percent_retention_the_interval_is_the_stability() {
    for s in [0.212, 1.0, 2.3065, 10.0, 123.4, 5000.0] {
        assert_close!(MODEL.interval(s, 0.9), s, 1e-9 * s);
        assert_close!(MODEL.retrievability(s, s), 0.9, 1e-12);
    }
    // fsrs-rs 6.6.2 `test_next_interval`: stability 1, desired retention
    // 0.1 to 1.0, rounded and at least a day.
    // (fsrs-rs computes in f32, 7 digits: its 3,116,766 is 3,116,769 here.)
    let expected = [3_116_766, 34_793, 2508, 387, 90, 27, 9, 3, 1, 1];
    for (i, want) in expected.into_iter().enumerate() {
        let r = (i + 1) as f64 / 10.0;
        let days = MODEL.interval(1.0, r).round().max(1.0);
        let want = f64::from(want);
        assert_close!(days, want, want * 2e-6);
    }
}

#[test]
fn recall_follows_the_power_curve() {
    // fsrs-rs 6.6.2 `test_current_retrievability`, with decay 0.2.
    let mut w = DEFAULT_PARAMETERS;
    w[20] = 0.2;
    let model = Model::new(w);
    assert_eq!(model.retrievability(0.0, 1.0), 1.0);
    assert_close!(model.retrievability(1.0, 1.0), 0.9, 1e-7);
    assert_close!(model.retrievability(2.0, 1.0), 0.840_289_35, 1e-6);
    assert_close!(model.retrievability(3.0, 1.0), 0.798_500_1, 1e-6);
}

/// Again, then good five times, after 0, 0, 1, 3, 8 and 21 days: the
/// sequence fsrs-rs and ts-fsrs both test. The second answer is the same
/// day, so it goes through the short-term formula.
fn again_then_good(model: &Model) -> Memory {
    let grades = [
        Grade::Again,
        Grade::Good,
        Grade::Good,
        Grade::Good,
        Grade::Good,
        Grade::Good,
    ];
    let days = [0, 0, 1, 3, 8, 21];
    let mut memory = model.first(grades[0]);
    for (grade, days) in grades.into_iter().zip(days).skip(1) {
        memory = model.next(memory, days, grade);
    }
    memory
}

#[test]
fn a_history_gives_the_memory_fsrs_rs_gives() {
    // fsrs-rs 6.6.2 `test_memory_state` (computed there in f32).
    let memory = again_then_good(&MODEL);
    assert_close!(memory.stability, 53.626_91, 2e-3);
    assert_close!(memory.difficulty, 6.357_486_7, 1e-4);
    // ... and with the same-day parameters set to 0.
    let mut w = DEFAULT_PARAMETERS;
    w[17] = 0.0;
    w[18] = 0.0;
    w[19] = 0.0;
    let memory = again_then_good(&Model::new(w));
    assert_close!(memory.stability, 53.335_106, 2e-3);
}

#[test]
fn a_history_gives_the_memory_ts_fsrs_gives() {
    // ts-fsrs FSRS-6 test `memory state[short-term]`, with the parameters
    // of that test (FSRS-6's first published defaults, decay 0.2).
    let w = [
        0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178,
        1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2,
    ];
    let memory = again_then_good(&Model::new(w));
    assert_close!(memory.stability, 49.4472, 1e-4);
    assert_close!(memory.difficulty, 6.8573, 1e-4);
}

#[test]
fn sm2_cards_convert_as_fsrs_rs_converts_them() {
    // fsrs-rs 6.6.2 `test_memory_from_sm2` (ease 2.5 and 1.3, 90% retention).
    let memory = MODEL.from_sm2(10.0, 2.5);
    assert_close!(memory.stability, 10.0, 1e-9);
    assert_close!(memory.difficulty, 6.914_056_3, 1e-4);
    let memory = MODEL.from_sm2(20.0, 1.3);
    assert_close!(memory.stability, 20.0, 1e-9);
    assert_eq!(memory.difficulty, 10.0);
}

// ---- the schedule against reference intervals ------------------------------

const RIGHT_GUESSING: (f64, Option<Confidence>) = (1.0, Some(Confidence::Guessing));
const RIGHT_UNSURE: (f64, Option<Confidence>) = (1.0, Some(Confidence::Unsure));
const RIGHT_SURE: (f64, Option<Confidence>) = (1.0, Some(Confidence::Sure));
const WRONG: (f64, Option<Confidence>) = (0.0, Some(Confidence::Sure));

/// Answers one question each time it comes due, from a fixed start, and
/// returns the waits it was given, in minutes.
fn waits(answers: &[(f64, Option<Confidence>)]) -> Vec<u64> {
    let mut deck = ReviewDeck::default();
    let mut now = 1_767_603_600_000; // 2026-01-05 09:00 UTC
    let mut waits = Vec::new();
    for &(score, confidence) in answers {
        deck.record("q", score, confidence, now);
        let card = &deck.cards["q"];
        waits.push((card.due - now) / MINUTE_MS);
        now = card.due;
    }
    waits
}

const DAY_MIN: u64 = 24 * 60;

#[test]
fn good_good_good_gives_the_reference_intervals() {
    // py-fsrs 6.3.2 and fsrs-rs 6.6.2 (see the top of this file): good,
    // good, good, good from a new card, each on the day it is due.
    let days: Vec<u64> = waits(&[RIGHT_UNSURE; 4])
        .into_iter()
        .map(|m| m / DAY_MIN)
        .collect();
    assert_eq!(days, [2, 11, 46, 163]);
    // ... with stability 162.86 after the fourth (py-fsrs: 162.8622).
    let mut deck = ReviewDeck::default();
    let mut now = 0;
    for _ in 0..4 {
        deck.record("q", 1.0, Some(Confidence::Unsure), now);
        now = deck.cards["q"].due;
    }
    assert_close!(deck.cards["q"].stability, 162.8622, 1e-3);
    assert_close!(deck.cards["q"].difficulty, 2.0975, 1e-4);
}

#[test]
fn misses_and_mixed_grades_give_the_reference_intervals() {
    // Same references: again, good, good, good.
    assert_eq!(
        waits(&[WRONG, RIGHT_UNSURE, RIGHT_UNSURE, RIGHT_UNSURE]),
        [10, DAY_MIN, 2 * DAY_MIN, 6 * DAY_MIN]
    );
    // Good, good, again (a lapse after 11 days), good, good.
    assert_eq!(
        waits(&[
            RIGHT_UNSURE,
            RIGHT_UNSURE,
            WRONG,
            RIGHT_UNSURE,
            RIGHT_UNSURE
        ]),
        [2 * DAY_MIN, 11 * DAY_MIN, 10, 2 * DAY_MIN, 5 * DAY_MIN]
    );
    // Good, hard, good, easy.
    assert_eq!(
        waits(&[RIGHT_UNSURE, RIGHT_GUESSING, RIGHT_UNSURE, RIGHT_SURE]),
        [2 * DAY_MIN, 8 * DAY_MIN, 26 * DAY_MIN, 122 * DAY_MIN]
    );
}

#[test]
fn intervals_are_whole_days_from_one_day_to_a_year() {
    let mut deck = ReviewDeck::default();
    deck.record("q", 1.0, Some(Confidence::Guessing), 0);
    // Hard first: stability 1.29 days, rounded to 1.
    assert_eq!(deck.cards["q"].due, DAY_MS);
    assert_eq!(deck.cards["q"].interval_days(), 1);
    let mut now = DAY_MS;
    for _ in 0..12 {
        deck.record("q", 1.0, Some(Confidence::Sure), now);
        let card = &deck.cards["q"];
        assert_eq!((card.due - now) % DAY_MS, 0);
        assert!((1..=MAX_INTERVAL_DAYS).contains(&card.interval_days()));
        now = card.due;
    }
    let card = &deck.cards["q"];
    assert_eq!(card.interval_days(), MAX_INTERVAL_DAYS);
    assert!(
        card.stability > MAX_INTERVAL_DAYS as f64,
        "the cap is on the wait, not the memory"
    );
    assert_eq!(interval_days(f64::NAN), 1);
    assert_eq!(interval_days(f64::INFINITY), MAX_INTERVAL_DAYS);
    assert_eq!(interval_days(0.0), 1);
}

#[test]
fn a_same_day_right_answer_never_lowers_stability() {
    for s in [0.01, 0.212, 1.0, 3.0, 30.0, 300.0] {
        let memory = Memory {
            stability: s,
            difficulty: 5.0,
        };
        for grade in [Grade::Hard, Grade::Good, Grade::Easy] {
            assert!(
                MODEL.next(memory, 0, grade).stability >= s,
                "{grade:?} at {s}"
            );
        }
        assert!(MODEL.next(memory, 0, Grade::Again).stability < s);
    }
}

// ---- the deck -------------------------------------------------------------

#[test]
fn a_missed_question_comes_back_after_ten_minutes() {
    let mut deck = ReviewDeck::default();
    deck.record("q", 0.0, Some(Confidence::Sure), 0);
    assert!(deck.due(9 * MINUTE_MS).is_empty());
    assert_eq!(deck.due(10 * MINUTE_MS).len(), 1);
    let card = &deck.cards["q"];
    assert_eq!((card.reps, card.lapses, card.interval_days()), (1, 1, 0));
}

#[test]
fn sure_right_answers_are_not_scheduled_but_unsure_ones_are() {
    let mut deck = ReviewDeck::default();
    deck.record("known", 1.0, Some(Confidence::Sure), 0);
    deck.record("known", 1.0, None, DAY_MS);
    deck.record("lucky", 1.0, Some(Confidence::Guessing), 0);
    deck.record("unsure", 1.0, Some(Confidence::Unsure), 0);
    assert!(!deck.cards.contains_key("known"));
    assert_eq!(deck.cards["lucky"].due, DAY_MS);
    assert_eq!(deck.cards["unsure"].due, 2 * DAY_MS);
}

#[test]
fn due_items_come_first_most_overdue_first() {
    let mut deck = ReviewDeck::default();
    deck.record("late", 0.0, None, 0);
    deck.record("later", 0.0, None, 5 * MINUTE_MS);
    deck.record("future", 1.0, Some(Confidence::Unsure), 0);
    let now = 20 * MINUTE_MS;
    let due: Vec<&str> = deck.due(now).into_iter().map(|(id, _)| id).collect();
    assert_eq!(due, vec!["late", "later"]);
    assert_eq!(deck.upcoming(now).len(), 1);
}

#[test]
fn replaying_answers_gives_the_deck_recording_them_gave() {
    let answers = [
        ("a", 0.0, None, 0),
        ("b", 1.0, Some(Confidence::Unsure), 5),
        ("a", 1.0, Some(Confidence::Guessing), 11 * MINUTE_MS),
        ("c", 1.0, Some(Confidence::Sure), 20 * MINUTE_MS),
        ("b", 0.5, Some(Confidence::Sure), 3 * DAY_MS),
    ];
    let mut recorded = ReviewDeck::default();
    for (q, score, confidence, at) in answers {
        recorded.record(q, score, confidence, at);
    }
    assert_eq!(ReviewDeck::replay(answers), recorded);
    assert_eq!(recorded.cards.len(), 2);
}

// ---- the learner who is sure of everything ---------------------------------

#[test]
fn pressing_sure_on_everything_earns_waits_only_for_right_answers() {
    let mut deck = ReviewDeck::default();
    let mut now = 0;
    let mut rng = fastrand::Rng::with_seed(7);
    let mut lapses = 0;
    for _ in 0..200 {
        let right = rng.bool();
        let before = deck.cards.get("q").cloned();
        deck.record(
            "q",
            if right { 1.0 } else { 0.0 },
            Some(Confidence::Sure),
            now,
        );
        let Some(card) = deck.cards.get("q") else {
            assert!(right, "a miss always schedules the question");
            continue;
        };
        if right {
            assert!(card.due >= now + DAY_MS, "a right answer earns days");
        } else {
            lapses += 1;
            assert_eq!(
                card.due,
                now + RELEARN_MS,
                "a miss earns 10 minutes, sure or not"
            );
            assert_eq!(card.lapses, lapses);
            if let Some(before) = before {
                assert!(
                    card.stability <= before.stability,
                    "a miss never adds stability"
                );
            }
        }
        now = card.due;
    }
    assert!(lapses > 50);
}

#[test]
fn confidence_makes_no_difference_to_a_wrong_answer() {
    let mut start = ReviewDeck::default();
    start.record("q", 1.0, Some(Confidence::Unsure), 0);
    let outcomes: Vec<Card> = [
        None,
        Some(Confidence::Sure),
        Some(Confidence::Unsure),
        Some(Confidence::Guessing),
    ]
    .into_iter()
    .flat_map(|confidence| {
        [0.0, 0.5].map(|score| {
            let mut deck = start.clone();
            deck.record("q", score, confidence, 2 * DAY_MS);
            deck.cards["q"].clone()
        })
    })
    .collect();
    assert!(outcomes.windows(2).all(|w| w[0] == w[1]), "{outcomes:?}");
}

#[test]
fn a_wrong_answer_always_lapses() {
    // From any state, after any wait: back in 10 minutes, one more lapse,
    // stability no higher than before.
    let mut rng = fastrand::Rng::with_seed(11);
    for _ in 0..2000 {
        let card = Card {
            due: 0,
            stability: rng.f64() * 400.0 + 0.001,
            difficulty: 1.0 + rng.f64() * 9.0,
            reps: rng.u32(1..50),
            lapses: rng.u32(0..20),
            last_reviewed: rng.u64(0..1_000 * DAY_MS),
        };
        let now = card.last_reviewed + rng.u64(0..500 * DAY_MS);
        let mut after = card.clone();
        after.review(Grade::Again, now);
        assert_eq!(after.due, now + RELEARN_MS);
        assert_eq!(after.lapses, card.lapses + 1);
        assert_eq!(after.reps, card.reps + 1);
        assert!(after.stability <= card.stability, "{card:?} -> {after:?}");
        // Difficulty rises (less near 10), less the small pull (w7) of
        // mean reversion towards a first "easy" (D0(4), unclamped: −4.77).
        let w = DEFAULT_PARAMETERS;
        let reversion = w[7] * (card.difficulty - (w[4] - (3.0 * w[5]).exp() + 1.0));
        assert!(
            after.difficulty >= card.difficulty - reversion - 1e-9,
            "{card:?} -> {after:?}"
        );
    }
}

#[test]
fn missing_after_a_long_run_of_right_answers_shortens_the_next_wait() {
    let clean = waits(&[RIGHT_UNSURE, RIGHT_UNSURE, RIGHT_UNSURE, RIGHT_UNSURE]);
    let lapsed = waits(&[
        RIGHT_UNSURE,
        RIGHT_UNSURE,
        RIGHT_UNSURE,
        WRONG,
        RIGHT_UNSURE,
    ]);
    assert!(lapsed[4] < clean[3] / 4, "{lapsed:?} vs {clean:?}");
}

// ---- cards read from storage ------------------------------------------------

fn read(json: &str) -> Card {
    match serde_json::from_str(json) {
        Ok(card) => card,
        Err(e) => panic!("{json}: {e}"),
    }
}

#[test]
fn cards_survive_a_save_and_load() {
    let mut deck = ReviewDeck::default();
    deck.record("q", 0.0, None, 1_000);
    deck.record("q", 1.0, Some(Confidence::Unsure), 1_000 + RELEARN_MS);
    let text = serde_json::to_string(&deck).unwrap_or_default();
    let back: ReviewDeck = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(back, deck);
    assert!(text.contains("\"stability\""), "{text}");
    assert!(!text.contains("ease"), "{text}");
}

#[test]
fn sm2_cards_read_from_storage_become_fsrs_cards() {
    let card = read(
        r#"{"due":864000000,"interval_days":10.0,"ease":2.5,"streak":3,"lapses":1,"last_reviewed":0}"#,
    );
    assert_eq!((card.due, card.last_reviewed), (10 * DAY_MS, 0));
    assert_close!(card.stability, 10.0, 1e-9);
    assert_close!(card.difficulty, 6.914_056_3, 1e-4);
    assert_eq!((card.reps, card.lapses), (4, 1));
    // Just missed under SM-2 (interval 0): a first miss's stability.
    let card = read(
        r#"{"due":600000,"interval_days":0.0,"ease":2.3,"streak":0,"lapses":1,"last_reviewed":0}"#,
    );
    assert_eq!(card.stability, DEFAULT_PARAMETERS[0]);
    assert_eq!(card.due, RELEARN_MS);
}

#[test]
fn unreadable_stability_and_difficulty_are_repaired() {
    // JSON has no NaN: serde_json writes one as null.
    let card = read(
        r#"{"due":172800000,"stability":null,"difficulty":null,"reps":2,"lapses":0,"last_reviewed":0}"#,
    );
    assert_close!(card.stability, 2.0, 1e-9);
    assert_eq!(card.difficulty, 5.5);
    let card = read(
        r#"{"due":600000,"stability":-3.0,"difficulty":42.0,"reps":1,"lapses":1,"last_reviewed":0}"#,
    );
    assert_eq!(card.stability, DEFAULT_PARAMETERS[0]);
    assert_eq!(card.difficulty, 10.0);
    let card = read(r#"{"stability":1e308,"difficulty":-7}"#);
    assert_eq!(
        (card.stability, card.difficulty),
        (fsrs::MAX_STABILITY, 1.0)
    );
    assert_eq!((card.due, card.last_reviewed, card.reps), (0, 0, 1));
    // A repaired card schedules like any other.
    let mut card = read("{}");
    card.review(Grade::Good, 3 * DAY_MS);
    assert!(card.stability.is_finite() && card.due > 3 * DAY_MS);
}

#[test]
fn times_saturate_instead_of_overflowing() {
    let mut deck = ReviewDeck::default();
    deck.record("q", 1.0, Some(Confidence::Unsure), u64::MAX - 5);
    assert_eq!(deck.cards["q"].due, u64::MAX);
    deck.record("q", 0.0, None, u64::MAX);
    assert_eq!(deck.cards["q"].due, u64::MAX);
    // An answer dated before the last one counts as the same day.
    deck.record("q", 1.0, None, 0);
    assert_eq!(deck.cards["q"].last_reviewed, 0);
    assert!(deck.cards["q"].stability.is_finite());
}

// ---- the forecast -----------------------------------------------------------

/// 2026-12-03 21:00 UTC, a Thursday.
const THU_21H: u64 = 1_796_331_600_000;

#[test]
fn calendar_dates_are_right_across_leap_years_and_centuries() {
    let date = |days| {
        let d: Date = civil_date(days);
        (d.year, d.month, d.day, d.weekday)
    };
    assert_eq!(date(0), (1970, 1, 1, 3));
    assert_eq!(date(-1), (1969, 12, 31, 2));
    assert_eq!(date(11_016), (2000, 2, 29, 1));
    assert_eq!(date(20_790), (2026, 12, 3, 3));
    assert_eq!(date(47_541), (2100, 3, 1, 0));
    assert_eq!(date(-25_509), (1900, 2, 28, 2));
    assert_eq!(civil_date(20_790).short(), "Thu 3 Dec");
    // Every day follows the one before, over 2,000 years.
    let mut before = civil_date(-400_000);
    for days in -399_999..400_000 {
        let d = civil_date(days);
        let next_day = d.day == before.day + 1 && d.month == before.month && d.year == before.year;
        let next_month = d.day == 1 && d.month == before.month + 1 && d.year == before.year;
        let next_year = (d.day, d.month, before.day, before.month) == (1, 1, 31, 12)
            && d.year == before.year + 1;
        assert!(next_day || next_month || next_year, "{before:?} -> {d:?}");
        assert_eq!(d.weekday, (before.weekday + 1) % 7);
        before = d;
    }
}

#[test]
fn days_are_counted_from_local_midnight() {
    let due = THU_21H + 150 * MINUTE_MS; // 23:30 UTC
                                         // In London the review is later today; in Paris (+1 h in winter) it
                                         // is 00:30 tomorrow; in New York (−5 h) still this afternoon.
    for (offset, days) in [(0, 0), (60, 1), (-300, 0)] {
        assert_eq!(
            next_review(due, THU_21H, offset),
            NextReview::Later { at: due, days },
            "offset {offset}"
        );
        let f = forecast([due], THU_21H, offset, FORECAST_DAYS);
        assert_eq!(f.days[days as usize].due, 1, "offset {offset}");
        assert_eq!(f.total(), 1);
    }
    // Paris: it is 22:00 on Thursday, so the forecast starts on Thursday.
    let f = forecast([due], THU_21H, 60, 2);
    assert_eq!(f.days[0].date.short(), "Thu 3 Dec");
    assert_eq!(f.days[1].date.short(), "Fri 4 Dec");
    // Tokyo (+9 h): already 06:00 on Friday.
    assert_eq!(local_day(THU_21H, 540), 20_791);
    assert_eq!(next_review(THU_21H, THU_21H, 0), NextReview::Now);
}

#[test]
fn the_forecast_counts_two_weeks_with_overdue_reviews_today() {
    let dues = [
        THU_21H - 3 * DAY_MS, // overdue: today
        THU_21H,              // due now: today
        THU_21H + MINUTE_MS,  // later today
        THU_21H + DAY_MS,     // tomorrow
        THU_21H + DAY_MS + 1,
        THU_21H + 13 * DAY_MS, // the last day shown
        THU_21H + 14 * DAY_MS, // after it
        u64::MAX,
    ];
    let f = forecast(dues, THU_21H, 0, FORECAST_DAYS);
    assert_eq!(f.days.len(), 14);
    let counts: Vec<usize> = f.days.iter().map(|d| d.due).collect();
    assert_eq!(counts, [3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!((f.total(), f.later), (6, 2));
    assert_eq!(f.busiest().map(|d| d.offset), Some(0));
    assert_eq!(f.days[13].date.short(), "Wed 16 Dec");
    let empty = forecast([], THU_21H, 0, FORECAST_DAYS);
    assert_eq!((empty.total(), empty.busiest()), (0, None));
}

#[test]
fn the_deck_forecasts_its_cards() {
    let mut deck = ReviewDeck::default();
    deck.record("missed", 0.0, None, THU_21H);
    deck.record("guessed", 1.0, Some(Confidence::Guessing), THU_21H);
    deck.record("unsure", 1.0, Some(Confidence::Unsure), THU_21H);
    let f = deck.forecast(THU_21H, 0, FORECAST_DAYS);
    let counts: Vec<usize> = f.days.iter().take(3).map(|d| d.due).collect();
    assert_eq!(counts, [1, 1, 1]);
}

// ---- bounds over long runs ---------------------------------------------------

/// One miss, then `n` sure and right answers to the same question, each
/// when it falls due (`immediately`: each a second after the last).
fn after_a_miss_then_sure(n: usize, immediately: bool) -> Vec<Card> {
    let mut deck = ReviewDeck::default();
    let mut now = 1_700_000_000_000u64;
    deck.record("q", 0.0, Some(Confidence::Sure), now);
    let mut cards = Vec::new();
    for _ in 0..n {
        let card = deck.cards["q"].clone();
        now = if immediately {
            now.saturating_add(1_000)
        } else {
            card.due.max(now.saturating_add(1_000))
        };
        deck.record("q", 1.0, Some(Confidence::Sure), now);
        cards.push(deck.cards["q"].clone());
    }
    cards
}

#[test]
fn any_card_read_from_storage_reads_back_the_same_after_a_save() {
    // Found by the store fuzzer: a card with no stability gets its last
    // interval in days (here a day and a millisecond, 1.0000000115740741)
    // and serde_json's default parser read that number back one bit off.
    let cards = [
        r#"{"due":86400001,"last_reviewed":0,"reps":1,"lapses":0}"#,
        r#"{"due":0,"stability":1.0000000115740741,"difficulty":7.123456789012345}"#,
        r#"{"interval_days":3.3333333333333335,"ease":2.1777777777777776}"#,
        r#"{"stability":0.0010000000000000002,"difficulty":9.999999999999998}"#,
    ];
    for json in cards {
        let card = read(json);
        let text = serde_json::to_string(&card).unwrap_or_default();
        let back = read(&text);
        assert_eq!(back, card, "{json} saved as {text}");
        assert_eq!(serde_json::to_string(&back).unwrap_or_default(), text);
    }
    let card = read(cards[0]);
    assert_eq!(card.stability, 1.0, "kept to a millionth: {card:?}");
}

#[test]
fn hundreds_of_sure_answers_after_a_miss_stay_within_the_cap_and_read_back() {
    // The SM-2 style scheduler overflowed the due time at the 18th such
    // answer and reached an infinite interval (saved as null, which made
    // the progress document unreadable) at about the 233rd.
    for immediately in [false, true] {
        let cards = after_a_miss_then_sure(400, immediately);
        for card in &cards {
            assert!(
                card.stability.is_finite() && card.stability > 0.0,
                "{card:?}"
            );
            assert!(card.difficulty.is_finite(), "{card:?}");
            assert!(card.due > card.last_reviewed, "{card:?}");
            assert!(card.interval_days() <= MAX_INTERVAL_DAYS, "{card:?}");
            let text = serde_json::to_string(card).unwrap();
            assert!(!text.contains("null"), "{text}");
            let back: Card = serde_json::from_str(&text).unwrap();
            assert_eq!(&back, card);
        }
    }
}

#[test]
fn a_card_at_the_end_of_time_is_never_due_for_ever() {
    // A clock at u64::MAX (a damaged save, a clock set far ahead) must not
    // overflow; the due time saturates rather than wrapping into the past.
    let mut card = Card::first(Grade::Good, u64::MAX - 5);
    card.review(Grade::Easy, u64::MAX);
    assert_eq!(card.due, u64::MAX);
    assert!(card.stability.is_finite());
}
