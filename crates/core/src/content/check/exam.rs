//! A blueprint's own consistency: ids, weights that add up to 100, the
//! scale, objectives that belong to their domains.

use crate::content::exam::{domain_id_of, Exam, SCALE_MAX, SCALE_MIN};
use crate::content::finding::Reporter;
use crate::content::path::JsonPath;

use std::ops::RangeInclusive;

/// Questions in a full exam: real exams have 90; more than this is a typo.
pub const QUESTION_COUNT: RangeInclusive<u32> = 1..=500;
/// A full exam's time limit in minutes, as the exam page allows.
pub const MINUTES: RangeInclusive<u32> = 1..=600;
/// A domain's weight in percent.
pub const WEIGHT: RangeInclusive<u32> = 1..=100;

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
    if !QUESTION_COUNT.contains(&exam.question_count) {
        report.error(
            &root.key("question_count"),
            format!(
                "question_count {} is outside {}-{}",
                exam.question_count,
                QUESTION_COUNT.start(),
                QUESTION_COUNT.end()
            ),
        );
    }
    if !MINUTES.contains(&exam.minutes) {
        report.error(
            &root.key("minutes"),
            format!(
                "minutes {} is outside {}-{} (the exam page offers at most {} minutes)",
                exam.minutes,
                MINUTES.start(),
                MINUTES.end(),
                MINUTES.end()
            ),
        );
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
    for (di, domain) in exam.domains.iter().enumerate() {
        if !WEIGHT.contains(&domain.weight) {
            report.error(
                &root.key("domains").index(di).key("weight"),
                format!(
                    "weight {} is outside {}-{} (percent of the exam)",
                    domain.weight,
                    WEIGHT.start(),
                    WEIGHT.end()
                ),
            );
        }
    }
    // Summed in u64 so that huge weights cannot wrap around to 100.
    let total: u64 = exam.domains.iter().map(|d| u64::from(d.weight)).sum();
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
