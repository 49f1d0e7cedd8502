//! The rules of a shift in play: what is waiting, taking a ticket, and the
//! clock. A play holds only what the trainee did, so it can be saved and
//! resumed; every method is given the shift it belongs to.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::content::shift::{Action, Shift, ShiftTicket};
use crate::scenario::priority::Level;

/// The longest note kept: a note is a few sentences, and scoring one reads
/// it whole.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// What the trainee decided for one ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub impact: Level,
    pub urgency: Level,
    pub action: Action,
    /// The ticket note, or after an escalation the hand-off.
    pub note: String,
}

/// A ticket taken: which, when the trainee started on it, and the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handled {
    pub ticket: String,
    pub started: u32,
    pub decision: Decision,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftPlay {
    /// Simulated minutes since the shift started.
    pub clock: u32,
    /// In the order taken.
    pub handled: Vec<Handled>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShiftError {
    UnknownTicket(String),
    NotArrived {
        ticket: String,
        arrives: u32,
    },
    AlreadyHandled(String),
    UnknownIncident(String),
    BadTier(u8),
    NoteTooLong(usize),
    /// Waiting is only for an empty queue: with tickets waiting, take one.
    TicketsWaiting(usize),
    /// Nothing is waiting and nothing more arrives.
    NothingToWaitFor,
}

impl fmt::Display for ShiftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShiftError::UnknownTicket(id) => write!(f, "there is no ticket \"{id}\" in this shift"),
            ShiftError::NotArrived { ticket, arrives } => {
                write!(
                    f,
                    "ticket \"{ticket}\" has not arrived yet (it arrives at minute {arrives})"
                )
            }
            ShiftError::AlreadyHandled(id) => write!(f, "ticket \"{id}\" has already been handled"),
            ShiftError::UnknownIncident(id) => {
                write!(f, "there is no open major incident \"{id}\" to link to")
            }
            ShiftError::BadTier(tier) => {
                write!(f, "there is no Tier {tier}: escalate to Tier 2 or 3")
            }
            ShiftError::NoteTooLong(chars) => write!(
                f,
                "the note is {chars} characters; keep it under {MAX_NOTE_CHARS}"
            ),
            ShiftError::TicketsWaiting(n) => write!(f, "{n} tickets are waiting: take one first"),
            ShiftError::NothingToWaitFor => write!(f, "no more tickets arrive in this shift"),
        }
    }
}

impl std::error::Error for ShiftError {}

impl ShiftPlay {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_handled(&self, id: &str) -> bool {
        self.handled.iter().any(|h| h.ticket == id)
    }

    /// The tickets that have arrived and are not handled, in arrival order
    /// (ties in file order).
    pub fn waiting<'s>(&self, shift: &'s Shift) -> Vec<&'s ShiftTicket> {
        let mut out: Vec<&ShiftTicket> = shift
            .tickets
            .iter()
            .filter(|t| t.arrives <= self.clock && !self.is_handled(&t.id))
            .collect();
        crate::sort::by_key(&mut out, |t| t.arrives);
        out
    }

    /// When the next ticket not yet arrived comes in.
    pub fn next_arrival(&self, shift: &Shift) -> Option<u32> {
        shift
            .tickets
            .iter()
            .filter(|t| t.arrives > self.clock && !self.is_handled(&t.id))
            .map(|t| t.arrives)
            .min()
    }

    pub fn finished(&self, shift: &Shift) -> bool {
        shift.tickets.iter().all(|t| self.is_handled(&t.id))
    }

    /// With the queue empty, moves the clock to the next arrival.
    pub fn wait(&mut self, shift: &Shift) -> Result<u32, ShiftError> {
        let waiting = self.waiting(shift).len();
        if waiting > 0 {
            return Err(ShiftError::TicketsWaiting(waiting));
        }
        let next = self
            .next_arrival(shift)
            .ok_or(ShiftError::NothingToWaitFor)?;
        self.clock = next;
        Ok(next)
    }

    /// Takes ticket `id` now with `decision`: the ticket's handling minutes
    /// pass, during which more tickets may arrive.
    pub fn take(&mut self, shift: &Shift, id: &str, decision: Decision) -> Result<(), ShiftError> {
        let ticket = shift
            .tickets
            .iter()
            .find(|t| t.id == id)
            .ok_or_else(|| ShiftError::UnknownTicket(id.to_owned()))?;
        if self.is_handled(id) {
            return Err(ShiftError::AlreadyHandled(id.to_owned()));
        }
        if ticket.arrives > self.clock {
            return Err(ShiftError::NotArrived {
                ticket: id.to_owned(),
                arrives: ticket.arrives,
            });
        }
        match &decision.action {
            Action::Link { incident } if !shift.incidents.iter().any(|i| &i.id == incident) => {
                return Err(ShiftError::UnknownIncident(incident.clone()));
            }
            Action::Escalate { tier } if !(2..=3).contains(tier) => {
                return Err(ShiftError::BadTier(*tier));
            }
            _ => {}
        }
        let chars = decision.note.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(ShiftError::NoteTooLong(chars));
        }
        self.handled.push(Handled {
            ticket: id.to_owned(),
            started: self.clock,
            decision,
        });
        self.clock = self.clock.saturating_add(ticket.minutes);
        Ok(())
    }
}
