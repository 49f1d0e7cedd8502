//! What makes a shift fair and worth playing, as the engine sees it: the
//! reference play (every ticket decided right, the most urgent waiting
//! ticket always first) must meet every first-response target, and taking
//! tickets as they come should miss one, or the shift does not test
//! prioritising. `content::check::shift` reports these where the file
//! breaks them.

use crate::content::shift::{Shift, ShiftTicket};
use crate::scenario::priority::Priority;

use super::play::{Decision, ShiftPlay};
use super::respond_within;

/// Plays `shift` taking, whenever the queue is not empty, the waiting
/// ticket `pick` chooses, each decided right with `note`.
fn play_with(
    shift: &Shift,
    note: &dyn Fn(&ShiftTicket) -> String,
    pick: fn(&[&ShiftTicket]) -> usize,
) -> ShiftPlay {
    let mut play = ShiftPlay::new();
    // Each step handles a ticket or moves the clock to an arrival, so the
    // loop ends within twice the number of tickets.
    for _ in 0..shift.tickets.len().saturating_mul(2).saturating_add(1) {
        let waiting = play.waiting(shift);
        if waiting.is_empty() {
            if play.wait(shift).is_err() {
                break;
            }
            continue;
        }
        let ticket = waiting[pick(&waiting).min(waiting.len() - 1)];
        let decision = Decision {
            impact: ticket.impact,
            urgency: ticket.urgency,
            action: ticket.action.clone(),
            note: note(ticket),
        };
        let id = ticket.id.clone();
        if play.take(shift, &id, decision).is_err() {
            break;
        }
    }
    play
}

fn by_priority(waiting: &[&ShiftTicket]) -> usize {
    // `waiting` is in arrival order, so the first of the highest priority
    // is the one that has waited longest.
    let mut best = 0;
    for (i, t) in waiting.iter().enumerate() {
        let p = Priority::of(t.impact, t.urgency);
        let b = Priority::of(waiting[best].impact, waiting[best].urgency);
        if p < b {
            best = i;
        }
    }
    best
}

/// A note stating every fact: the first phrase of each, in a sentence.
pub fn model_note(ticket: &ShiftTicket) -> String {
    let mut note = String::from("Logged the call and checked the details with the requester.");
    for fact in &ticket.facts {
        if let Some(phrase) = fact.phrases.first() {
            note.push_str(&format!(" The ticket records that {phrase} was reported."));
        }
    }
    note
}

/// The reference play: right decisions, most urgent first, full notes.
pub fn reference_play(shift: &Shift) -> ShiftPlay {
    play_with(shift, &model_note, by_priority)
}

/// Taking tickets as they arrive, decided right: what a trainee who does
/// not prioritise does.
pub fn arrival_order_play(shift: &Shift) -> ShiftPlay {
    play_with(shift, &model_note, |_| 0)
}

/// The ids of tickets whose first-response target `play` misses.
pub fn missed_targets(shift: &Shift, play: &ShiftPlay) -> Vec<String> {
    shift
        .tickets
        .iter()
        .filter(|t| {
            let target = respond_within(Priority::of(t.impact, t.urgency));
            match play.handled.iter().find(|h| h.ticket == t.id) {
                Some(h) => h.started.saturating_sub(t.arrives) > target,
                None => true,
            }
        })
        .map(|t| t.id.clone())
        .collect()
}
