//! The shift format: a queue of tickets arriving over simulated minutes,
//! which the trainee prioritises, orders and decides (`crate::shift` plays
//! and scores it).

use serde::{Deserialize, Serialize};

use super::scenario::Channel;
use crate::scenario::priority::Level;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Shift {
    /// The JSON Schema an editor checks the file against (`schema/` at the
    /// project root; `firstline schema --stamp` writes it). The engines
    /// ignore it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"shift"`; checked when the file is read.
    pub kind: String,
    pub id: String,
    pub title: String,
    /// One or two sentences shown in the list.
    pub summary: String,
    /// What the trainee is told at the start: the desk, the time, what is
    /// already going on.
    pub briefing: String,
    /// Major incidents already open when the shift starts; a ticket that is
    /// one more report of one of them is linked to it, not worked again.
    #[serde(default)]
    pub incidents: Vec<MajorIncident>,
    pub tickets: Vec<ShiftTicket>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MajorIncident {
    pub id: String,
    pub title: String,
    /// What the status page says, as the trainee sees it.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShiftTicket {
    pub id: String,
    /// Simulated minutes after the shift starts (0 to 480).
    pub arrives: u32,
    pub channel: Channel,
    pub requester: Requester,
    pub subject: String,
    /// The ticket as it arrives: the requester's words, what is attached.
    pub description: String,
    /// The right impact and urgency (the priority follows from the matrix).
    pub impact: Level,
    pub urgency: Level,
    /// The right decision.
    pub action: Action,
    /// Simulated minutes handling it takes (1 to 120).
    pub minutes: u32,
    /// Shown in the report: why this priority and this decision.
    pub why: String,
    /// What a good note on this ticket states; after an escalation, the
    /// hand-off. Every fact is in the description.
    #[serde(default)]
    pub facts: Vec<NoteFact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requester {
    pub name: String,
    pub role: String,
    /// Marked as a VIP in the directory: shown, and never a reason on its
    /// own to raise the priority.
    #[serde(default)]
    pub vip: bool,
}

/// A ticket's decision: resolve it at the desk, escalate it to a tier, or
/// link it to an open major incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "decision", rename_all = "lowercase", deny_unknown_fields)]
pub enum Action {
    Resolve,
    Escalate { tier: u8 },
    Link { incident: String },
}

impl Action {
    pub fn label(&self) -> String {
        match self {
            Action::Resolve => "Resolve at the desk".into(),
            Action::Escalate { tier } => format!("Escalate to Tier {tier}"),
            Action::Link { incident } => format!("Link to major incident {incident}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteFact {
    pub id: String,
    /// Shown in the report, such as "the error code (0x80070005)".
    pub label: String,
    /// Any of these counts, compared by stem and common synonyms, only in
    /// a sentence of a real note (a keyword list earns nothing).
    pub phrases: Vec<String>,
}
