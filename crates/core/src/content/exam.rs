//! Exam blueprints: an exam's domains, their weights and objectives, its
//! length, time limit and passing score. One file per exam.

use serde::{Deserialize, Serialize};

use super::finding::Reporter;
use super::path::JsonPath;

/// CompTIA reports scores on a 100-900 scale.
pub const SCALE_MIN: u32 = 100;
pub const SCALE_MAX: u32 = 900;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exam {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Such as `2.0`.
    pub id: String,
    pub name: String,
    /// Share of the exam in percent; the domains add up to 100.
    pub weight: u32,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// Checks a blueprint's own consistency. Returns false when it is unusable.
pub fn validate(exam: &Exam, report: &mut Reporter) -> bool {
    let root = JsonPath::root();
    let before = report.error_count();
    if exam.id.trim().is_empty() {
        report.error(
            &root.key("id"),
            "the exam id is empty; give the exam code, such as \"220-1201\"",
        );
    }
    if exam.question_count == 0 {
        report.error(
            &root.key("question_count"),
            "question_count must be at least 1",
        );
    }
    if exam.minutes == 0 {
        report.error(&root.key("minutes"), "minutes must be at least 1");
    }
    if !(SCALE_MIN..=SCALE_MAX).contains(&exam.passing_score) {
        report.error(
            &root.key("passing_score"),
            format!(
                "passing_score {} is outside the {SCALE_MIN}-{SCALE_MAX} scale",
                exam.passing_score
            ),
        );
    }
    if exam.domains.is_empty() {
        report.error(&root.key("domains"), "an exam needs at least one domain");
    }
    let total: u32 = exam.domains.iter().map(|d| d.weight).sum();
    if !exam.domains.is_empty() && total != 100 {
        report.error(
            &root.key("domains"),
            format!("domain weights add up to {total}%, not 100%; adjust the weights"),
        );
    }
    let mut seen_objectives: Vec<(&str, JsonPath)> = Vec::new();
    for (di, domain) in exam.domains.iter().enumerate() {
        let dpath = root.key("domains").index(di);
        if exam.domains[..di].iter().any(|d| d.id == domain.id) {
            report.error(
                &dpath.key("id"),
                format!("duplicate domain id \"{}\"", domain.id),
            );
        }
        if domain.objectives.is_empty() {
            report.error(
                &dpath.key("objectives"),
                format!("domain \"{}\" lists no objectives", domain.id),
            );
        }
        for (oi, objective) in domain.objectives.iter().enumerate() {
            let opath = dpath.key("objectives").index(oi).key("id");
            if domain_id_of(&objective.id) != domain.id {
                report.error(
                    &opath,
                    format!(
                        "objective \"{}\" does not belong to domain \"{}\" (objective ids start with their domain's number)",
                        objective.id, domain.id
                    ),
                );
            }
            if let Some((_, first)) = seen_objectives.iter().find(|(id, _)| *id == objective.id) {
                let first = report.where_is(first);
                report.error(
                    &opath,
                    format!(
                        "duplicate objective id \"{}\"; first defined at {first}",
                        objective.id
                    ),
                );
            } else {
                seen_objectives.push((&objective.id, opath));
            }
        }
    }
    report.error_count() == before
}
