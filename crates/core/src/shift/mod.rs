//! A shift: a queue of tickets arriving over simulated minutes. The trainee
//! sees each ticket once it has arrived, picks which to take next, sets its
//! impact and urgency, decides it (resolve, escalate with a hand-off, or
//! link to an open major incident) and writes its note; taking a ticket
//! costs its minutes, so the order decides which response targets are met.
//!
//! `play.rs` holds the rules of a play, `score.rs` the report, and
//! `rules.rs` what makes a shift file playable and fair (the checks in
//! `content::check::shift` apply them).

pub mod draft;
pub mod play;
pub mod rules;
pub mod score;

#[cfg(test)]
mod tests;

use crate::scenario::priority::Priority;

/// The resolution target of a priority, in simulated minutes from the
/// ticket's arrival: 4 and 8 hours for P1 and P2, and 3 and 5 eight-hour
/// days for P3 and P4 (the documented targets, in working time).
pub fn resolve_within(priority: Priority) -> u32 {
    match priority {
        Priority::P1 => 240,
        Priority::P2 => 480,
        Priority::P3 => 3 * 480,
        Priority::P4 => 5 * 480,
    }
}

/// The first-response target of a priority, in simulated minutes from the
/// ticket's arrival: 15 and 30 minutes for P1 and P2, and for P3 and P4 a
/// half and a whole eight-hour shift (the documented 4 working hours and 1
/// working day).
pub fn respond_within(priority: Priority) -> u32 {
    match priority {
        Priority::P1 => 15,
        Priority::P2 => 30,
        Priority::P3 => 240,
        Priority::P4 => 480,
    }
}
