//! Interview questions: behavioural (answered in STAR form) and technical
//! (answered in prose), each with the key points a strong answer covers.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterviewSet {
    /// The JSON Schema an editor checks the file against (`schema/` at the
    /// project root; `firstline schema --stamp` writes it). The engines
    /// ignore it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"interview-set"`; checked when the file is read.
    pub kind: String,
    pub questions: Vec<InterviewQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterviewQuestion {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: InterviewKind,
    pub prompt: String,
    /// What a behavioural question probes.
    #[serde(default)]
    pub competency: Option<Competency>,
    /// What a technical question is about.
    #[serde(default)]
    pub topic: Option<Topic>,
    pub key_points: Vec<KeyPoint>,
    pub tips: Vec<String>,
    /// A strong STAR answer (behavioural).
    #[serde(default)]
    pub example: Option<StarExample>,
    /// A strong answer (technical).
    #[serde(default)]
    pub model_answer: Option<String>,
    /// Questions an interviewer might ask next.
    #[serde(default)]
    pub follow_ups: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum InterviewKind {
    Behavioural,
    Technical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Competency {
    CustomerService,
    Prioritising,
    LearningTechnology,
    Mistake,
    Teamwork,
    Documentation,
    Escalation,
    Pressure,
    Communication,
    ProblemSolving,
    Initiative,
    Conflict,
}

impl Competency {
    pub const ALL: [Competency; 12] = [
        Competency::CustomerService,
        Competency::Prioritising,
        Competency::LearningTechnology,
        Competency::Mistake,
        Competency::Teamwork,
        Competency::Documentation,
        Competency::Escalation,
        Competency::Pressure,
        Competency::Communication,
        Competency::ProblemSolving,
        Competency::Initiative,
        Competency::Conflict,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Competency::CustomerService => "customer service",
            Competency::Prioritising => "prioritising",
            Competency::LearningTechnology => "learning new technology",
            Competency::Mistake => "a mistake you made",
            Competency::Teamwork => "teamwork",
            Competency::Documentation => "documentation",
            Competency::Escalation => "escalation",
            Competency::Pressure => "working under pressure",
            Competency::Communication => "explaining to non-technical people",
            Competency::ProblemSolving => "problem solving",
            Competency::Initiative => "initiative",
            Competency::Conflict => "handling conflict",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Competency::CustomerService => "customer-service",
            Competency::Prioritising => "prioritising",
            Competency::LearningTechnology => "learning-technology",
            Competency::Mistake => "mistake",
            Competency::Teamwork => "teamwork",
            Competency::Documentation => "documentation",
            Competency::Escalation => "escalation",
            Competency::Pressure => "pressure",
            Competency::Communication => "communication",
            Competency::ProblemSolving => "problem-solving",
            Competency::Initiative => "initiative",
            Competency::Conflict => "conflict",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    OperatingSystems,
    Networking,
    Troubleshooting,
    Hardware,
    Security,
    Accounts,
    Email,
    Tools,
    Cloud,
}

impl Topic {
    pub fn label(self) -> &'static str {
        match self {
            Topic::OperatingSystems => "operating systems",
            Topic::Networking => "networking",
            Topic::Troubleshooting => "troubleshooting method",
            Topic::Hardware => "hardware",
            Topic::Security => "security",
            Topic::Accounts => "accounts and access",
            Topic::Email => "email and Microsoft 365",
            Topic::Tools => "ticketing and tools",
            Topic::Cloud => "cloud",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    pub id: String,
    /// Shown to the learner, such as "checked whether others were affected".
    pub label: String,
    /// Any of these counts, compared by stem and with synonyms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    /// Concepts the point needs together: one phrase from each group must
    /// appear (as well as one of `phrases`, when given). "Rotates the
    /// BitLocker key" is `[["bitlocker"], ["rotate", "new recovery key"]]`,
    /// so neither "BitLocker" nor "rotate" alone earns it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<Vec<String>>,
}

impl KeyPoint {
    /// Every group of alternatives the point needs: `phrases` (when given)
    /// and each of `all`.
    pub fn groups(&self) -> impl Iterator<Item = &[String]> {
        (!self.phrases.is_empty())
            .then_some(self.phrases.as_slice())
            .into_iter()
            .chain(self.all.iter().map(Vec::as_slice))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StarExample {
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
}
