//! Counts of questions per exam, domain, type and difficulty, compared
//! with the blueprint's weights. Shown by `firstline stats` and the Author
//! page.

use crate::content::library::Library;
use crate::content::question::{Difficulty, QuestionType};

#[derive(Debug, Clone, PartialEq)]
pub struct DomainCount {
    pub id: String,
    pub name: String,
    /// The blueprint's weight in percent.
    pub weight: u32,
    pub count: usize,
}

impl DomainCount {
    /// This domain's share of the exam's questions, in percent.
    pub fn share(&self, total: usize) -> f64 {
        if total == 0 {
            0.0
        } else {
            self.count as f64 * 100.0 / total as f64
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExamStats {
    pub exam: String,
    pub name: String,
    pub total: usize,
    pub domains: Vec<DomainCount>,
    pub types: Vec<(QuestionType, usize)>,
    pub difficulties: Vec<(Difficulty, usize)>,
}

const TYPES: [QuestionType; 7] = [
    QuestionType::Single,
    QuestionType::Multiple,
    QuestionType::Ordering,
    QuestionType::Matching,
    QuestionType::Fill,
    QuestionType::Pbq,
    QuestionType::Sim,
];

pub fn exam_stats(library: &Library) -> Vec<ExamStats> {
    library
        .exams
        .iter()
        .map(|exam| {
            let questions: Vec<_> = library
                .questions
                .iter()
                .filter(|q| q.exam == exam.id)
                .collect();
            ExamStats {
                exam: exam.id.clone(),
                name: exam.name.clone(),
                total: questions.len(),
                domains: exam
                    .domains
                    .iter()
                    .map(|d| DomainCount {
                        id: d.id.clone(),
                        name: d.name.clone(),
                        weight: d.weight,
                        count: questions.iter().filter(|q| q.domain == d.id).count(),
                    })
                    .collect(),
                types: TYPES
                    .iter()
                    .map(|&t| (t, questions.iter().filter(|q| q.kind() == t).count()))
                    .collect(),
                difficulties: [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
                    .iter()
                    .map(|&d| (d, questions.iter().filter(|q| q.difficulty == d).count()))
                    .collect(),
            }
        })
        .collect()
}

/// The fewest questions an objective should have: enough that a learner
/// meets it more than once before the exam, and that a weak result on it
/// rests on more than one item.
pub const MIN_PER_OBJECTIVE: usize = 3;

/// How many questions practise one objective of a blueprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveCount {
    pub id: String,
    pub title: String,
    pub count: usize,
}

impl ObjectiveCount {
    pub fn is_thin(&self) -> bool {
        self.count < MIN_PER_OBJECTIVE
    }
}

/// Every objective of the exam's blueprint, in blueprint order, with its
/// question count (objectives with none are listed too, with 0).
pub fn objective_coverage(library: &Library, exam: &str) -> Vec<ObjectiveCount> {
    let Some(blueprint) = library.exams.iter().find(|e| e.id == exam) else {
        return Vec::new();
    };
    blueprint
        .domains
        .iter()
        .flat_map(|d| &d.objectives)
        .map(|o| ObjectiveCount {
            id: o.id.clone(),
            title: o.title.clone(),
            count: library
                .questions
                .iter()
                .filter(|q| q.exam == exam && q.objective == o.id)
                .count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::read::test_sources::bundled_sources;

    #[test]
    fn every_objective_is_listed_and_counted_once() {
        let library = Library::load(bundled_sources()).library;
        for exam in &library.exams {
            let coverage = objective_coverage(&library, &exam.id);
            let listed: usize = exam.domains.iter().map(|d| d.objectives.len()).sum();
            assert_eq!(coverage.len(), listed, "{}", exam.id);
            let counted: usize = coverage.iter().map(|o| o.count).sum();
            let total = library
                .questions
                .iter()
                .filter(|q| q.exam == exam.id)
                .count();
            // Every question's objective is one of its blueprint's.
            assert_eq!(counted, total, "{}", exam.id);
            // The bundled bank meets its own floor.
            let thin: Vec<_> = coverage.iter().filter(|o| o.is_thin()).collect();
            assert!(thin.is_empty(), "{}: {thin:?}", exam.id);
        }
        assert!(objective_coverage(&library, "no-such-exam").is_empty());
    }

    #[test]
    fn an_objective_without_questions_is_thin() {
        let mut library = Library::load(bundled_sources()).library;
        library
            .questions
            .retain(|q| q.objective != "2.7" || q.exam != "220-1201");
        let coverage = objective_coverage(&library, "220-1201");
        let gap = coverage.iter().find(|o| o.id == "2.7").unwrap();
        assert_eq!(gap.count, 0);
        assert!(gap.is_thin());
    }
}
