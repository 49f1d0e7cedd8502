//! When a question comes back, in words, by the learner's calendar.

use firstline_core::quiz::review::forecast::{civil_date, local_day, next_review, NextReview};

use crate::adapters::clock::format_until;
pub use crate::adapters::clock::utc_offset_minutes;

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
