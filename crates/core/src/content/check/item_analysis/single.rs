//! Single-answer items: `single` questions and the `single` items of
//! performance-based questions. The length and echo rules look only at
//! these, because only one keyed option can stand out against the rest.

use crate::content::question::{Body, Choice, Question, Task};

/// One single-answer item of a question.
pub struct SingleItem<'a> {
    pub question: &'a Question,
    /// The item's index within a performance-based question.
    pub item: Option<usize>,
    /// What the learner reads before the options: for a PBQ item, the
    /// question's prompt and then the item's.
    pub prompt: String,
    pub options: &'a [Choice],
    pub answer: usize,
}

impl SingleItem<'_> {
    pub fn key(&self) -> Option<&Choice> {
        self.options.get(self.answer)
    }

    pub fn distractors(&self) -> impl Iterator<Item = &Choice> {
        let answer = self.answer;
        self.options
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i != answer)
            .map(|(_, c)| c)
    }
}

pub fn single_items(question: &Question) -> Vec<SingleItem<'_>> {
    match &question.body {
        Body::Task(Task::Single { options, answer }) => vec![SingleItem {
            question,
            item: None,
            prompt: question.prompt.clone(),
            options,
            answer: *answer,
        }],
        Body::Task(_) => Vec::new(),
        Body::Pbq(items) | Body::Sim { items, .. } => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match &item.task {
                Task::Single { options, answer } => Some(SingleItem {
                    question,
                    item: Some(i),
                    prompt: format!("{} {}", question.prompt, item.prompt),
                    options,
                    answer: *answer,
                }),
                _ => None,
            })
            .collect(),
    }
}
