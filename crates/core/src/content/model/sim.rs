//! Simulations: performance-based questions the learner works in rather
//! than reads. A `"type": "sim"` question carries one `sim` object, tagged
//! by its `kind`: a command line (`terminal`), a settings page (`form`),
//! pieces to place into slots (`place`) or a firewall table to order and
//! complete (`acl`). The same types are the checked model: the validator
//! (`content/check/sim.rs`) rejects a sim that breaks a rule, and the
//! engine (`crate::sim`) plays and scores what is left.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Sim {
    Terminal(Terminal),
    Form(Form),
    Place(Place),
    Acl(Acl),
}

impl Sim {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Sim::Terminal(_) => "terminal",
            Sim::Form(_) => "form",
            Sim::Place(_) => "place",
            Sim::Acl(_) => "acl",
        }
    }
}

/// A command line with authored outputs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terminal {
    /// Shown before each command, such as `C:\Users\ana>` or `SW1#`.
    pub prompt: String,
    pub commands: Vec<Command>,
    /// What a known program prints when its arguments were not authored,
    /// such as ping's "could not find host".
    #[serde(default)]
    pub programs: Vec<Program>,
    /// What anything else prints; `{command}` becomes the first word typed.
    pub unknown: String,
    /// What earns marks: each step is done once one of its commands ran.
    pub steps: Vec<TerminalStep>,
    /// Commands that cost a step each when run: wrong fixes, disruptive
    /// commands. At least one, so running everything never wins.
    pub avoid: Vec<Avoid>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// What the learner types; matched ignoring case and repeated spaces.
    pub input: String,
    /// Other spellings that give the same output (`ipconfig -all`).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub output: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// The first word, such as `ping`.
    pub name: String,
    /// `{args}` becomes what followed the program's name.
    pub output: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminalStep {
    pub text: String,
    /// Commands (each an `input` or alias of a command) that complete it.
    pub run: Vec<String>,
    pub why: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avoid {
    /// A command's `input` or alias.
    pub run: String,
    pub why: String,
}

/// A settings page: fields checked against rules.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The page's heading, such as "Wireless settings".
    pub title: String,
    pub fields: Vec<Field>,
    pub rules: Vec<Rule>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Input {
    #[default]
    Text,
    Select,
    Checkbox,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Named by rules; letters, digits, dashes and underscores.
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub input: Input,
    /// The choices of a `select`.
    #[serde(default)]
    pub options: Vec<String>,
    /// The value the page opens with; `on` or `off` for a checkbox.
    #[serde(default)]
    pub value: String,
    /// A short note under the field, such as "The printer is reserved .50".
    #[serde(default)]
    pub hint: Option<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The requirement in words, shown after checking.
    pub text: String,
    /// The field's `id`.
    pub field: String,
    pub check: Check,
    pub why: String,
}

/// What a field's value must satisfy. Text is compared ignoring case and
/// surrounding spaces.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The value is one of these.
    OneOf(Vec<String>),
    /// The value is none of these (and not empty).
    NoneOf(Vec<String>),
    /// At least this many characters.
    MinLength(usize),
    /// An IPv4 address from the first to the second, inclusive.
    Ipv4Between(Vec<String>),
    /// With the field as a range's first address and `end` (another
    /// field's id) as its last: a valid range that leaves `address` out.
    RangeExcludes { end: String, address: String },
}

/// Pieces to place into slots (devices, cables, VLANs); each slot holds one.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub pieces: Vec<Piece>,
    pub slots: Vec<Slot>,
    /// A piece may fill several slots (a VLAN on several ports).
    #[serde(default)]
    pub reuse: bool,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Piece {
    pub id: String,
    pub label: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub id: String,
    pub label: String,
    /// The pieces (`id`s) judged right here.
    pub accepts: Vec<String>,
    pub why: String,
}

/// A firewall table to order and complete, judged by the traffic it
/// lets through: the first matching rule decides, then `default`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acl {
    /// The rules in a right order, with their right values.
    pub rows: Vec<AclRow>,
    /// The order the table opens in: `rows` indices.
    pub start: Vec<usize>,
    /// The values offered for the blank cells, per column.
    #[serde(default)]
    pub choices: AclChoices,
    /// What happens to traffic no rule matches.
    #[serde(default = "deny")]
    pub default: Action,
    /// Traffic to test the table with; each is a step.
    pub flows: Vec<Flow>,
}

fn deny() -> Action {
    Action::Deny
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Allow,
    Deny,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Deny => "deny",
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Any,
    Tcp,
    Udp,
    Icmp,
}

impl Protocol {
    pub const ALL: [Protocol; 4] = [Protocol::Any, Protocol::Tcp, Protocol::Udp, Protocol::Icmp];

    pub fn name(self) -> &'static str {
        match self {
            Protocol::Any => "any",
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Icmp => "icmp",
        }
    }
}

/// The columns of a rule, for naming blank cells.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Column {
    Action,
    Protocol,
    Source,
    Destination,
    Port,
}

impl Column {
    pub fn name(self) -> &'static str {
        match self {
            Column::Action => "action",
            Column::Protocol => "protocol",
            Column::Source => "source",
            Column::Destination => "destination",
            Column::Port => "port",
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AclRow {
    pub action: Action,
    pub protocol: Protocol,
    /// `any`, an address or a network in CIDR form (`10.0.20.0/24`).
    pub source: String,
    pub destination: String,
    /// `any` or a port number.
    pub port: String,
    /// Cells the learner fills in; the written value is the right one.
    #[serde(default)]
    pub blank: Vec<Column>,
    /// A remark shown with the rule, such as "Web server".
    #[serde(default)]
    pub remark: Option<String>,
}

impl AclRow {
    pub fn value(&self, column: Column) -> String {
        match column {
            Column::Action => self.action.name().to_owned(),
            Column::Protocol => self.protocol.name().to_owned(),
            Column::Source => self.source.clone(),
            Column::Destination => self.destination.clone(),
            Column::Port => self.port.clone(),
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AclChoices {
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub destination: Vec<String>,
    #[serde(default)]
    pub port: Vec<String>,
}

impl Acl {
    /// Every blank cell, rows in written order: what an answer's values
    /// line up with.
    pub fn blanks(&self) -> Vec<(usize, Column)> {
        self.rows
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.blank.iter().map(move |&c| (i, c)))
            .collect()
    }

    /// The values a blank cell in this column offers.
    pub fn options(&self, column: Column) -> Vec<String> {
        match column {
            Column::Action => vec!["allow".into(), "deny".into()],
            Column::Protocol => Protocol::ALL.iter().map(|p| p.name().to_owned()).collect(),
            Column::Source => self.choices.source.clone(),
            Column::Destination => self.choices.destination.clone(),
            Column::Port => self.choices.port.clone(),
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// The traffic in words, such as "A sales PC browses the web server".
    pub text: String,
    pub protocol: Protocol,
    /// An address.
    pub source: String,
    pub destination: String,
    /// For tcp and udp.
    #[serde(default)]
    pub port: Option<u16>,
    pub expect: Action,
    pub why: String,
}
