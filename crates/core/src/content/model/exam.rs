//! Exam blueprints: an exam's domains, their weights and objectives, its
//! length, time limit and passing score. One file per exam.

use serde::{Deserialize, Serialize};

/// CompTIA reports scores on a 100-900 scale.
pub const SCALE_MIN: u32 = 100;
pub const SCALE_MAX: u32 = 900;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Exam {
    /// The JSON Schema an editor checks the file against (`schema/` at the
    /// project root; `firstline schema --stamp` writes it). The engines
    /// ignore it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"exam"`; checked when the file is read.
    pub kind: String,
    /// The exam code, such as `220-1201`.
    pub id: String,
    pub name: String,
    /// How many questions a full exam has.
    pub question_count: u32,
    pub minutes: u32,
    /// The pass line on the 100-900 scale.
    pub passing_score: u32,
    pub domains: Vec<Domain>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Such as `2.0`.
    pub id: String,
    pub name: String,
    /// Share of the exam in percent; the domains add up to 100.
    pub weight: u32,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Such as `2.3`.
    pub id: String,
    pub title: String,
}

impl Exam {
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The domain an objective belongs to.
    pub fn domain_of(&self, objective: &str) -> Option<&Domain> {
        self.domains
            .iter()
            .find(|d| d.objectives.iter().any(|o| o.id == objective))
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.domains
            .iter()
            .flat_map(|d| &d.objectives)
            .find(|o| o.id == id)
    }

    /// A short label such as `220-1201 CompTIA A+ Core 1`.
    pub fn label(&self) -> String {
        format!("{} {}", self.id, self.name)
    }
}

/// The domain id an objective id implies by CompTIA's numbering:
/// objective `2.3` is in domain `2.0`.
pub fn domain_id_of(objective: &str) -> String {
    let major = objective.split('.').next().unwrap_or(objective);
    format!("{major}.0")
}
