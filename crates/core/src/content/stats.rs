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

const TYPES: [QuestionType; 6] = [
    QuestionType::Single,
    QuestionType::Multiple,
    QuestionType::Ordering,
    QuestionType::Matching,
    QuestionType::Fill,
    QuestionType::Pbq,
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
