//! Role-play scenarios: a simulated user with a problem and a mood, a
//! ticket, and a branching conversation that ends resolved, escalated, or
//! with the user lost. One scenario per file, `"kind": "scenario"`.

use serde::{Deserialize, Serialize};

use crate::content::question::Difficulty;
pub use crate::scenario::critical::CriticalMistake;
pub use crate::scenario::priority::{Level, Priority};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The JSON Schema an editor checks the file against (`schema/` at the
    /// project root; `firstline schema --stamp` writes it). The engines
    /// ignore it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"scenario"`; checked when the file is read.
    pub kind: String,
    pub id: String,
    pub title: String,
    /// One or two sentences shown in the scenario list.
    pub summary: String,
    /// The help-desk duties this scenario practises.
    pub duties: Vec<Duty>,
    pub difficulty: Difficulty,
    pub persona: Persona,
    pub ticket: Ticket,
    /// The id of the first node.
    pub start: String,
    pub nodes: Vec<Node>,
    pub endings: Vec<Ending>,
    /// The ending used when frustration reaches the persona's patience.
    pub on_give_up: String,
    /// The ending used when the clock passes the user's deadline.
    pub on_deadline: String,
    /// The ids of the choices along the best path, in order.
    pub best_path: Vec<String>,
    pub notes: NotesRubric,
    /// Evidence the trainee can open (a directory panel, the ticket
    /// history, command output): each costs minutes and is recorded.
    #[serde(default)]
    pub tools: Vec<Tool>,
    /// What a knowledge-base article on this ticket states, part by part;
    /// with it, a resolved play offers to write one
    /// (`crate::scenario::article`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleRubric>,
}

/// The phrases each part of a knowledge-base article must state (any one
/// of a part's phrases, in a sentence of that part; the resolution's
/// phrases are steps, each counted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleRubric {
    /// The symptom as a user would search for it, for the title.
    pub symptom: Vec<String>,
    /// Where it happens: the system, version, device or setting.
    pub environment: Vec<String>,
    pub cause: Vec<String>,
    /// The resolution's steps, each a phrase list: one list per step.
    pub steps: Vec<Vec<String>>,
    /// How to confirm the fix worked.
    pub verify: Vec<String>,
}

/// A tool the trainee can open for evidence, authored as data and shown
/// generically: labelled rows, a command and its output, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tool {
    /// Unique among the scenario's tools; choices name it in `requires.seen`.
    pub id: String,
    pub kind: ToolKind,
    /// What the trainee sees on the button and above the evidence.
    pub title: String,
    /// Simulated minutes opening it takes, 1 to 60; 1 when not given.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// The nodes at which it can be opened; everywhere when empty.
    #[serde(default)]
    pub available_from: Vec<String>,
    /// A check a good technician makes: the debrief lists it as done or
    /// missed, and missing it is a process mistake.
    #[serde(default)]
    pub expected: bool,
    /// Where the evidence points, in a sentence, shown in the debrief.
    #[serde(default)]
    pub points_to: Option<String>,
    pub content: ToolContent,
}

impl Tool {
    pub fn minutes(&self) -> u32 {
        self.minutes.unwrap_or(1)
    }

    /// Whether it can be opened at `node`.
    pub fn available_at(&self, node: &str) -> bool {
        self.available_from.is_empty() || self.available_from.iter().any(|n| n == node)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ToolKind {
    DirectoryAccount,
    TicketHistory,
    DeviceRecord,
    CommandOutput,
    KnowledgeBase,
}

impl ToolKind {
    pub fn label(self) -> &'static str {
        match self {
            ToolKind::DirectoryAccount => "directory account",
            ToolKind::TicketHistory => "ticket history",
            ToolKind::DeviceRecord => "device record",
            ToolKind::CommandOutput => "command output",
            ToolKind::KnowledgeBase => "knowledge base",
        }
    }
}

/// What a tool shows: rows of `{ label?, value }`, and for command output
/// the command and its preformatted output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ToolContent {
    #[serde(default)]
    pub rows: Vec<ToolRow>,
    #[serde(default)]
    pub command: Option<String>,
    #[serde(default)]
    pub output: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ToolRow {
    #[serde(default)]
    pub label: Option<String>,
    pub value: String,
}

/// The duties of a help-desk technician (from the role description).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Duty {
    PasswordReset,
    AccountUnlock,
    Printer,
    Email,
    Vpn,
    WiFi,
    SoftwareInstall,
    SlowComputer,
    Onboarding,
    Permissions,
    Phishing,
    MobileDevice,
    Escalation,
    FollowUp,
    Documentation,
}

impl Duty {
    pub fn label(self) -> &'static str {
        match self {
            Duty::PasswordReset => "password reset",
            Duty::AccountUnlock => "account unlock",
            Duty::Printer => "printer",
            Duty::Email => "email",
            Duty::Vpn => "VPN",
            Duty::WiFi => "Wi-Fi",
            Duty::SoftwareInstall => "software install",
            Duty::SlowComputer => "slow or failing computer",
            Duty::Onboarding => "onboarding",
            Duty::Permissions => "shared drive or permissions",
            Duty::Phishing => "suspected phishing",
            Duty::MobileDevice => "mobile device",
            Duty::Escalation => "escalation",
            Duty::FollowUp => "follow-up",
            Duty::Documentation => "documentation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: String,
    pub department: String,
    pub role: String,
    pub technical: TechLevel,
    /// In words, such as "impatient but fair".
    pub temperament: String,
    /// Starting frustration, 0 (calm) to 100 (furious).
    pub frustration: u8,
    /// The frustration at which the user gives up (hangs up, walks off or
    /// demands a manager), 1 to 100.
    pub patience: u8,
    /// Frustration added per simulated minute, 0 to 10: how much waiting hurts.
    #[serde(default)]
    pub time_pressure: u8,
    /// How far the starting frustration varies between plays, 0 to 30.
    #[serde(default)]
    pub mood_spread: u8,
    /// Other people who may be the caller in a replay, picked by the seed.
    #[serde(default)]
    pub variants: Vec<PersonaVariant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonaVariant {
    pub name: String,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TechLevel {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ticket {
    pub channel: Channel,
    pub category: String,
    /// The right impact and urgency: the priority the trainee should set
    /// follows from them (`scenario::priority`).
    pub impact: Level,
    pub urgency: Level,
    /// The user's own deadline in simulated minutes (the meeting, the
    /// flight): passing it ends the play at `on_deadline`. It is not the
    /// service level; that follows from the priority.
    pub deadline_minutes: u32,
    /// A subject line (shown for email, and in ticket lists).
    pub subject: String,
    /// The user's first report, in their own words.
    pub report: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Phone,
    Email,
    Chat,
    /// In person at the service desk (or at the user's desk): the user can
    /// hand over a device and show ID, which changes what can be checked.
    #[serde(rename = "walk-up")]
    WalkUp,
}

impl Channel {
    /// The name in files, also shown to the trainee.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Chat => "chat",
            Channel::WalkUp => "walk-up",
        }
    }
}

impl Ticket {
    /// The priority the trainee should set.
    pub fn priority(&self) -> Priority {
        Priority::of(self.impact, self.urgency)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// What the user says here, by mood. At least one is needed; a missing
    /// mood falls back to the nearest one written.
    pub user: Lines,
    /// Narration shown in italics, such as what the technician sees.
    #[serde(default)]
    pub narration: Option<String>,
    /// A hint for practice plays at this node.
    #[serde(default)]
    pub hint: Option<String>,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lines {
    #[serde(default)]
    pub calm: Option<String>,
    #[serde(default)]
    pub annoyed: Option<String>,
    #[serde(default)]
    pub angry: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the scenario.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ChoiceKind,
    /// What the technician says or does.
    pub text: String,
    #[serde(default)]
    pub effects: Effects,
    #[serde(default)]
    pub requires: Requires,
    /// Shown in the debrief: why this was a good or poor choice.
    pub feedback: String,
    /// The rubric behaviours this choice shows.
    #[serde(default)]
    pub behaviours: Vec<Behaviour>,
    /// A critical mistake from the shared list (such as a reset for an
    /// unverified caller): flagged in the debrief, zeroes the overall score
    /// and names the harm.
    #[serde(default)]
    pub critical: Option<CriticalMistake>,
    /// Keeps the choice at its written position when choices are shuffled.
    #[serde(default)]
    pub pin: bool,
    /// The next node or ending.
    pub next: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ChoiceKind {
    Say,
    Ask,
    Act,
    Escalate,
    Close,
}

impl ChoiceKind {
    pub fn label(self) -> &'static str {
        match self {
            ChoiceKind::Say => "Say",
            ChoiceKind::Ask => "Ask",
            ChoiceKind::Act => "Do",
            ChoiceKind::Escalate => "Escalate",
            ChoiceKind::Close => "Close",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Effects {
    /// Change in the user's frustration (negative calms them).
    #[serde(default)]
    pub frustration: i32,
    /// Simulated minutes this takes; 1 when not given.
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub technical: i32,
    #[serde(default)]
    pub service: i32,
    #[serde(default)]
    pub process: i32,
    /// Flags set, such as "verified".
    #[serde(default)]
    pub set: Vec<String>,
    #[serde(default)]
    pub clear: Vec<String>,
}

impl Effects {
    pub fn minutes(&self) -> u32 {
        self.minutes.unwrap_or(1)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requires {
    /// Flags that must all be set.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Flags that must not be set.
    #[serde(default)]
    pub not_flags: Vec<String>,
    /// Offered only while frustration is at most this.
    #[serde(default)]
    pub max_frustration: Option<u8>,
    /// Offered only once frustration is at least this.
    #[serde(default)]
    pub min_frustration: Option<u8>,
    /// Tool ids that must have been opened (the evidence seen).
    #[serde(default)]
    pub seen: Vec<String>,
}

/// Behaviours that support-call quality forms score (see the rubric).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Behaviour {
    Greeted,
    VerifiedIdentity,
    UsedName,
    AcknowledgedEmotion,
    ListenedFully,
    AvoidedJargon,
    ProbedBeforeActing,
    FollowedProcedure,
    GaveAccurateInformation,
    SetExpectations,
    AskedBeforeHold,
    ExplainedTransfer,
    EscalatedAppropriately,
    FollowUpPlan,
    ConfirmedResolution,
    Documented,
    ProtectedConfidentialData,
    EducatedUser,
    // Behaviours that lose marks.
    SkippedVerification,
    UsedJargon,
    Interrupted,
    ActedWithoutProbing,
    Dismissive,
    Argued,
    BlamedUser,
    OverPromised,
    SharedConfidentialData,
    LeftUserWaiting,
    EscalatedTooSoon,
    ClosedWithoutConfirming,
}

impl Behaviour {
    pub fn is_good(self) -> bool {
        (self as u8) < (Behaviour::SkippedVerification as u8)
    }

    pub fn label(self) -> &'static str {
        match self {
            Behaviour::Greeted => "greeted the user",
            Behaviour::VerifiedIdentity => "verified identity",
            Behaviour::UsedName => "used the user's name",
            Behaviour::AcknowledgedEmotion => "acknowledged emotion",
            Behaviour::ListenedFully => "let the user finish",
            Behaviour::AvoidedJargon => "avoided jargon",
            Behaviour::ProbedBeforeActing => "probed before acting",
            Behaviour::FollowedProcedure => "followed procedure",
            Behaviour::GaveAccurateInformation => "gave accurate information",
            Behaviour::SetExpectations => "set expectations",
            Behaviour::AskedBeforeHold => "asked before putting on hold",
            Behaviour::ExplainedTransfer => "explained the transfer",
            Behaviour::EscalatedAppropriately => "escalated appropriately",
            Behaviour::FollowUpPlan => "gave a follow-up plan",
            Behaviour::ConfirmedResolution => "confirmed the fix with the user",
            Behaviour::Documented => "documented the ticket",
            Behaviour::ProtectedConfidentialData => "protected confidential data",
            Behaviour::EducatedUser => "helped the user avoid a repeat",
            Behaviour::SkippedVerification => "skipped identity verification",
            Behaviour::UsedJargon => "used jargon",
            Behaviour::Interrupted => "interrupted",
            Behaviour::ActedWithoutProbing => "acted without probing",
            Behaviour::Dismissive => "was dismissive",
            Behaviour::Argued => "argued with the user",
            Behaviour::BlamedUser => "blamed the user",
            Behaviour::OverPromised => "promised what cannot be kept",
            Behaviour::SharedConfidentialData => "shared confidential data",
            Behaviour::LeftUserWaiting => "left the user waiting",
            Behaviour::EscalatedTooSoon => "escalated too soon",
            Behaviour::ClosedWithoutConfirming => "closed without confirming",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: String,
    pub outcome: Outcome,
    /// For escalations: the tier handed to (2 or 3).
    #[serde(default)]
    pub tier: Option<u8>,
    /// What happens, shown when the conversation ends.
    pub text: String,
    /// Closing lines for particular paths: the first whose flag conditions
    /// hold replaces `text`, so the ending describes the path played.
    #[serde(default)]
    pub alternatives: Vec<EndingText>,
    /// Harm done on the way to this ending, shown apart from the outcome.
    #[serde(default)]
    pub harm: Option<String>,
    /// Points for reaching this ending.
    #[serde(default)]
    pub technical: i32,
    #[serde(default)]
    pub service: i32,
    #[serde(default)]
    pub process: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EndingText {
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub not_flags: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Resolved,
    Escalated,
    GaveUp,
    /// The user's deadline passed. Saved results from before version 2
    /// call it `sla-breached`.
    #[serde(alias = "sla-breached")]
    DeadlineMissed,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Resolved => "resolved",
            Outcome::Escalated => "escalated",
            Outcome::GaveUp => "user gave up",
            Outcome::DeadlineMissed => "deadline missed",
        }
    }

    /// Resolved and escalated are good or partial endings; the others lose the user.
    pub fn is_good(self) -> bool {
        matches!(self, Outcome::Resolved | Outcome::Escalated)
    }
}

/// What a good ticket must contain, checked against the learner's notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotesRubric {
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Shown to the learner, such as "the error code (809)".
    pub label: String,
    /// Where it belongs: the ticket notes, or the Tier 2 hand-off.
    #[serde(default)]
    pub section: NoteSection,
    /// Any of these phrases counts; words are compared by stem, with common
    /// synonyms, so "rebooted" matches "restart".
    pub phrases: Vec<String>,
    /// The choices through which the trainee learns this fact; empty when
    /// it is known from the start (the ticket report). A fact not learnt on
    /// the path played earns nothing, whatever the notes say.
    #[serde(default)]
    pub learnt_by: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum NoteSection {
    #[default]
    Notes,
    Handoff,
}

#[cfg(test)]
mod tests {
    use super::Channel;

    #[test]
    fn every_channel_reads_and_writes_its_label() {
        for channel in [
            Channel::Phone,
            Channel::Email,
            Channel::Chat,
            Channel::WalkUp,
        ] {
            let text = format!("\"{}\"", channel.label());
            assert_eq!(serde_json::from_str::<Channel>(&text).ok(), Some(channel));
            assert_eq!(serde_json::to_string(&channel).ok(), Some(text));
        }
        // The file name is "walk-up", not the variant's own spelling.
        assert!(serde_json::from_str::<Channel>("\"walkup\"").is_err());
    }
}
