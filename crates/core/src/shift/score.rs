//! The shift report: for every ticket, the priority set against the right
//! one, the decision, whether the first-response target was met and which
//! facts the note states; and four scores.
//!
//! - **Triage** (40%): per ticket, half for the priority (100 when right, 50
//!   one step off, 0 otherwise) and half for the decision (100 when it is
//!   the right one, linking to the right incident or escalating to the
//!   right tier; 0 otherwise).
//! - **Targets** (30%): the share of first-response targets met, each
//!   weighted by the right priority (P1 4, P2 3, P3 2, P4 1): missing a P1
//!   costs more than missing a P4.
//! - **Notes** (30%): per ticket, the share of its facts the note states in
//!   a sentence (the same matching as scenario notes: a list of keywords
//!   earns nothing).
//!
//! A ticket not handled scores 0 everywhere and misses its target. So
//! pressing the same answer for every ticket, raising everything to P1,
//! escalating everything, working in arrival order or pasting keywords each
//! lose points (`tests.rs` plays each of them).

use crate::content::shift::{Action, Shift, ShiftTicket};
use crate::scenario::notes::find_in_sentences;
use crate::scenario::priority::Priority;

use super::play::{Handled, ShiftPlay};
use super::{resolve_within, respond_within};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactCheck {
    pub label: String,
    pub found: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketResult {
    pub id: String,
    pub subject: String,
    pub right_priority: Priority,
    /// None when the ticket was not handled.
    pub set_priority: Option<Priority>,
    pub right_action: Action,
    pub chosen_action: Option<Action>,
    /// Minutes from arrival to being taken (for one not handled, to the end
    /// of the play).
    pub waited: u32,
    pub target: u32,
    pub met: bool,
    /// For a ticket resolved at the desk: minutes from its arrival to being
    /// resolved. Escalated and linked tickets are resolved elsewhere.
    pub resolved_after: Option<u32>,
    /// The right priority's resolution target, in minutes.
    pub resolve_target: u32,
    pub facts: Vec<FactCheck>,
    pub triage: u8,
    pub notes: u8,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftReport {
    pub tickets: Vec<TicketResult>,
    pub triage: u8,
    pub targets: u8,
    pub notes: u8,
    pub overall: u8,
    /// Minutes the play took.
    pub minutes: u32,
}

pub fn priority_points(right: Priority, set: Priority) -> u32 {
    match right.distance(set) {
        0 => 100,
        1 => 50,
        _ => 0,
    }
}

fn weight(priority: Priority) -> u32 {
    match priority {
        Priority::P1 => 4,
        Priority::P2 => 3,
        Priority::P3 => 2,
        Priority::P4 => 1,
    }
}

fn percent(part: u32, whole: u32) -> u8 {
    // part <= whole, so the result is at most 100; nothing to count is full.
    (part.saturating_mul(100) + whole / 2)
        .checked_div(whole)
        .map_or(100, |p| u8::try_from(p).unwrap_or(100))
}

fn ticket_result(ticket: &ShiftTicket, handled: Option<&Handled>, clock: u32) -> TicketResult {
    let right_priority = Priority::of(ticket.impact, ticket.urgency);
    let target = respond_within(right_priority);
    let (set_priority, chosen_action, waited, triage, facts) = match handled {
        Some(h) => {
            let set = Priority::of(h.decision.impact, h.decision.urgency);
            let action_points = if h.decision.action == ticket.action {
                100
            } else {
                0
            };
            let triage = (priority_points(right_priority, set) + action_points) / 2;
            let facts: Vec<FactCheck> = ticket
                .facts
                .iter()
                .map(|f| FactCheck {
                    label: f.label.clone(),
                    found: find_in_sentences(&h.decision.note, &f.phrases).is_some(),
                })
                .collect();
            (
                Some(set),
                Some(h.decision.action.clone()),
                h.started.saturating_sub(ticket.arrives),
                triage,
                facts,
            )
        }
        None => (
            None,
            None,
            clock.saturating_sub(ticket.arrives),
            0,
            ticket
                .facts
                .iter()
                .map(|f| FactCheck {
                    label: f.label.clone(),
                    found: false,
                })
                .collect(),
        ),
    };
    let found = u32::try_from(facts.iter().filter(|f| f.found).count()).unwrap_or(u32::MAX);
    let total = u32::try_from(facts.len()).unwrap_or(u32::MAX);
    let notes = if handled.is_none() {
        0
    } else {
        percent(found, total)
    };
    let resolved_after = handled
        .filter(|h| h.decision.action == Action::Resolve)
        .map(|h| {
            h.started
                .saturating_add(ticket.minutes)
                .saturating_sub(ticket.arrives)
        });
    TicketResult {
        id: ticket.id.clone(),
        subject: ticket.subject.clone(),
        right_priority,
        set_priority,
        right_action: ticket.action.clone(),
        chosen_action,
        waited,
        target,
        met: handled.is_some() && waited <= target,
        resolved_after,
        resolve_target: resolve_within(right_priority),
        facts,
        triage: u8::try_from(triage).unwrap_or(100),
        notes,
        why: ticket.why.clone(),
    }
}

/// Scores `play` of `shift`; tickets not handled count as missed.
pub fn report(shift: &Shift, play: &ShiftPlay) -> ShiftReport {
    let tickets: Vec<TicketResult> = shift
        .tickets
        .iter()
        .map(|t| {
            let handled = play.handled.iter().find(|h| h.ticket == t.id);
            ticket_result(t, handled, play.clock)
        })
        .collect();
    let count = u32::try_from(tickets.len()).unwrap_or(u32::MAX);
    let mean = |score: fn(&TicketResult) -> u8| {
        let sum: u32 = tickets.iter().map(|t| u32::from(score(t))).sum();
        (sum + count / 2)
            .checked_div(count)
            .map_or(100, |mean| u8::try_from(mean).unwrap_or(100))
    };
    let triage = mean(|t| t.triage);
    let notes = mean(|t| t.notes);
    let met: u32 = tickets
        .iter()
        .filter(|t| t.met)
        .map(|t| weight(t.right_priority))
        .sum();
    let all: u32 = tickets.iter().map(|t| weight(t.right_priority)).sum();
    let targets = percent(met, all);
    let overall =
        (u32::from(triage) * 40 + u32::from(targets) * 30 + u32::from(notes) * 30 + 50) / 100;
    ShiftReport {
        tickets,
        triage,
        targets,
        notes,
        overall: u8::try_from(overall).unwrap_or(100),
        minutes: play.clock,
    }
}
