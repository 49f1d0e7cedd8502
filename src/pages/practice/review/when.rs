//! When a question comes back, in words, by the learner's calendar.

use firstline_core::quiz::review::forecast::{civil_date, local_day, next_review, NextReview};

use crate::adapters::clock::format_until;

/// The browser's local time's offset from UTC at `at`, in minutes east
/// (what the core's day counting takes). `getTimezoneOffset` counts the
/// other way, minutes west.
// (A browser API outside `adapters/`, kept beside its one user.)
pub fn utc_offset_minutes(at: u64) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let west = date.get_timezone_offset();
    if west.is_finite() {
        // Real offsets are within ±14 hours; `as` saturates anything else.
        -(west.round() as i32)
    } else {
        0
    }
}

/// "due now", "due in 10 minutes" (later today, or within 12 hours),
/// "due tomorrow", or "due in 5 days, Tue 8 Dec".
pub fn next_review_words(due: u64, now: u64, utc_offset_minutes: i32) -> String {
    const SOON_MS: u64 = 12 * 60 * 60 * 1000;
    match next_review(due, now, utc_offset_minutes) {
        NextReview::Now => "due now".into(),
        // How long, as the clock counts it: at 23:55, "in 10 minutes"
        // says more than "tomorrow".
        NextReview::Later { days: 0, .. } => format!("due {}", format_until(now, due)),
        NextReview::Later { .. } if due.saturating_sub(now) < SOON_MS => {
            format!("due {}", format_until(now, due))
        }
        NextReview::Later { days: 1, .. } => "due tomorrow".into(),
        NextReview::Later { at, days } => {
            let date = civil_date(local_day(at, utc_offset_minutes));
            format!("due in {days} days, {}", date.short())
        }
    }
}
