//! What the review page shows of the schedule: when each question comes
//! back, and how many come due on each of the next days.
//!
//! Days are the learner's calendar days. The core has no clock or time
//! zone of its own, so the caller passes the local time's offset from UTC
//! in minutes (east positive: +60 in Paris in winter, −300 in New York;
//! in a browser, minus `Date.getTimezoneOffset()`). One offset serves the
//! whole fortnight: across a daylight-saving change a review due within an
//! hour of midnight may be counted on the neighbouring day.

use super::{ReviewDeck, DAY_MS, MINUTE_MS};

/// Days the review page forecasts: two weeks, today first.
pub const FORECAST_DAYS: usize = 14;

/// When a question comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextReview {
    /// It is due (at or before now).
    Now,
    /// It is due at `at` (ms since the epoch), `days` local midnights from
    /// now: 0 later today, 1 tomorrow.
    Later { at: u64, days: u32 },
}

/// When a question due at `due` comes back, seen at `now`.
pub fn next_review(due: u64, now: u64, utc_offset_minutes: i32) -> NextReview {
    if due <= now {
        return NextReview::Now;
    }
    let days = local_day(due, utc_offset_minutes) - local_day(now, utc_offset_minutes);
    NextReview::Later {
        at: due,
        days: u32::try_from(days).unwrap_or(u32::MAX),
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    /// 0 Monday to 6 Sunday.
    pub weekday: u32,
}

impl Date {
    const WEEKDAYS: [&'static str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&'static str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    /// "Mon 14 Dec": short, and unambiguous within a fortnight.
    pub fn short(&self) -> String {
        let weekday = Self::WEEKDAYS
            .get(self.weekday as usize)
            .copied()
            .unwrap_or("");
        let month = Self::MONTHS
            .get(self.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("");
        format!("{weekday} {} {month}", self.day)
    }
}

/// The reviews due on one local day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Days from today: 0 today, 1 tomorrow.
    pub offset: u32,
    pub date: Date,
    /// Questions due that day; today's count includes those already due.
    pub due: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    /// Today first, one entry per day.
    pub days: Vec<Day>,
    /// Questions due after the last day shown.
    pub later: usize,
}

impl Forecast {
    /// Reviews due within the days shown.
    pub fn total(&self) -> usize {
        self.days.iter().map(|d| d.due).sum()
    }

    /// The day with the most reviews (the earliest of equals), if any are due.
    pub fn busiest(&self) -> Option<&Day> {
        self.days
            .iter()
            .filter(|d| d.due > 0)
            .fold(None, |best: Option<&Day>, d| match best {
                Some(b) if b.due >= d.due => Some(b),
                _ => Some(d),
            })
    }
}

/// Counts the questions due (at the times `dues`) on each of `days` local
/// days from today; anything already due counts today.
pub fn forecast(
    dues: impl IntoIterator<Item = u64>,
    now: u64,
    utc_offset_minutes: i32,
    days: usize,
) -> Forecast {
    let today = local_day(now, utc_offset_minutes);
    let mut counts = vec![0usize; days];
    let mut later = 0;
    for due in dues {
        let ahead = (local_day(due, utc_offset_minutes) - today).max(0);
        match usize::try_from(ahead).ok().and_then(|i| counts.get_mut(i)) {
            Some(count) => *count += 1,
            None => later += 1,
        }
    }
    let days = counts
        .into_iter()
        .enumerate()
        .map(|(i, due)| {
            let offset = u32::try_from(i).unwrap_or(u32::MAX);
            Day {
                offset,
                date: civil_date(today.saturating_add(i64::from(offset))),
                due,
            }
        })
        .collect();
    Forecast { days, later }
}

impl ReviewDeck {
    /// The forecast for every card in the deck (`forecast`).
    pub fn forecast(&self, now: u64, utc_offset_minutes: i32, days: usize) -> Forecast {
        forecast(
            self.cards.values().map(|c| c.due),
            now,
            utc_offset_minutes,
            days,
        )
    }
}

/// Days since 1970-01-01 in local time. Computed in i128, so no time and
/// offset can overflow.
pub fn local_day(ms: u64, utc_offset_minutes: i32) -> i64 {
    let local = i128::from(ms) + i128::from(utc_offset_minutes) * i128::from(MINUTE_MS);
    let day = local.div_euclid(i128::from(DAY_MS));
    i64::try_from(day).unwrap_or(if day < 0 { i64::MIN } else { i64::MAX })
}

/// The calendar date `days` after 1970-01-01 (proleptic Gregorian), by
/// counting whole 400-year eras (146,097 days each) from 0000-03-01, a
/// year that starts after the leap day.
pub fn civil_date(days: i64) -> Date {
    let days = i128::from(days);
    // 1970-01-01 was a Thursday (3, counting from Monday).
    let weekday = (days + 3).rem_euclid(7) as u32;
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // 0..=146_096
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_month = (5 * day_of_year + 2) / 153; // 0 = March .. 11 = February
    let day = (day_of_year - (153 * march_month + 2) / 5 + 1) as u32;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i128::from(month <= 2);
    Date {
        year: i64::try_from(year).unwrap_or(i64::MAX),
        month,
        day,
        weekday,
    }
}
