//! A written question (`RawQuestion`, as an instructor writes it) turned
//! into the one the quiz runs (`Question`).
//!
//! The model owns this: the checks (`check::question`) report what is
//! wrong with a question, by location, and build it with these once it is
//! sound; a learner page reading files the build has already checked
//! builds with them directly (`read::passed`), without the checks' code.
//! Each builder refuses (`None`) what the quiz could not run, such as an
//! answer key pointing past the options, so a file changed since the build
//! can lose a question but never break a run.

use super::exam::{domain_id_of, Exam};
use super::question::{
    AnswerKey, Body, Choice, Item, Pair, Question, QuestionType, RawItem, RawOption, RawPair,
    RawQuestion, RawStep, Step, Task,
};

/// The task fields a question and a pbq item share.
pub struct TaskFields<'a> {
    pub kind: QuestionType,
    pub prompt: &'a str,
    pub options: &'a [RawOption],
    pub answer: Option<&'a AnswerKey>,
    pub pairs: &'a [RawPair],
    pub distractors: &'a [String],
    pub steps: &'a [RawStep],
    pub accept: &'a [String],
}

impl<'a> TaskFields<'a> {
    pub fn of_question<S>(raw: &'a RawQuestion<S>) -> Self {
        TaskFields {
            kind: raw.kind,
            prompt: &raw.prompt,
            options: &raw.options,
            answer: raw.answer.as_ref(),
            pairs: &raw.pairs,
            distractors: &raw.distractors,
            steps: &raw.steps,
            accept: &raw.accept,
        }
    }

    pub fn of_item(item: &'a RawItem) -> Self {
        TaskFields {
            kind: item.kind,
            prompt: &item.prompt,
            options: &item.options,
            answer: item.answer.as_ref(),
            pairs: &item.pairs,
            distractors: &item.distractors,
            steps: &item.steps,
            accept: &item.accept,
        }
    }
}

/// A task of one of the simple types; `None` for a pbq or sim (they are
/// bodies of items, not tasks) or what the quiz could not run.
pub fn task(fields: &TaskFields) -> Option<Task> {
    match fields.kind {
        QuestionType::Single | QuestionType::Multiple => {
            choices(fields.kind, fields.options, &fields.answer?.0)
        }
        QuestionType::Ordering => steps(fields.steps),
        QuestionType::Matching => pairs(fields.pairs, fields.distractors),
        QuestionType::Fill => fill(fields.accept),
        QuestionType::Pbq | QuestionType::Sim => None,
    }
}

/// Options with their key (the correct options' indices, in any order):
/// one correct option for a single task, one or more for a multiple.
pub fn choices(kind: QuestionType, options: &[RawOption], key: &[usize]) -> Option<Task> {
    if key.iter().any(|&index| index >= options.len()) {
        return None;
    }
    let mut answers = key.to_vec();
    crate::sort::natural(&mut answers);
    answers.dedup();
    let options: Vec<Choice> = options
        .iter()
        .map(|o| Choice {
            text: o.text.clone(),
            why: o.why.clone(),
            pinned: o.pinned,
        })
        .collect();
    match (kind, answers.as_slice()) {
        (QuestionType::Single, &[answer]) => Some(Task::Single { options, answer }),
        (QuestionType::Multiple, [_, ..]) => Some(Task::Multiple { options, answers }),
        _ => None,
    }
}

/// Steps, written in their correct order.
pub fn steps(steps: &[RawStep]) -> Option<Task> {
    (!steps.is_empty()).then(|| Task::Ordering {
        steps: steps
            .iter()
            .map(|s| Step {
                text: s.text.clone(),
                why: s.why.clone(),
            })
            .collect(),
    })
}

/// Pairs to match, and wrong right-hand choices offered beside them.
pub fn pairs(pairs: &[RawPair], distractors: &[String]) -> Option<Task> {
    (!pairs.is_empty()).then(|| Task::Matching {
        pairs: pairs
            .iter()
            .map(|p| Pair {
                left: p.left.clone(),
                right: p.right.clone(),
                why: p.why.clone(),
            })
            .collect(),
        distractors: distractors.to_vec(),
    })
}

/// The answers a fill task counts as right.
pub fn fill(accept: &[String]) -> Option<Task> {
    (!accept.is_empty()).then(|| Task::Fill {
        accept: accept.to_vec(),
    })
}

/// One pbq or sim item.
pub fn item(raw: &RawItem) -> Option<Item> {
    Some(Item {
        prompt: raw.prompt.clone(),
        task: task(&TaskFields::of_item(raw))?,
        explanation: raw.explanation.clone(),
    })
}

/// A question around `body`, of the set for exam `exam_id` (with its
/// blueprint `exam` when known: a question's domain is the blueprint's
/// domain holding its objective, or else the objective's major number),
/// read from `file`.
pub fn question<S>(
    raw: &RawQuestion<S>,
    exam_id: &str,
    exam: Option<&Exam>,
    body: Body,
    file: &str,
) -> Question {
    let domain = exam
        .and_then(|e| e.domain_of(&raw.objective))
        .map(|d| d.id.clone())
        .unwrap_or_else(|| domain_id_of(&raw.objective));
    Question {
        id: raw.id.clone(),
        exam: exam_id.to_owned(),
        domain,
        objective: raw.objective.clone(),
        difficulty: raw.difficulty,
        prompt: raw.prompt.clone(),
        exhibit: raw.exhibit.clone(),
        explanation: raw.explanation.clone(),
        shuffle: raw.shuffle,
        body,
        file: file.to_owned(),
    }
}

/// A question without a sim, whole: its task, or its pbq's items (at least
/// one, each runnable). A sim question is `None` here: the sim is built
/// with the sim model's checks (`check::question`).
pub fn plain_question<S>(
    raw: &RawQuestion<S>,
    exam_id: &str,
    exam: Option<&Exam>,
    file: &str,
) -> Option<Question> {
    let body = match raw.kind {
        QuestionType::Pbq if !raw.items.is_empty() => {
            Body::Pbq(raw.items.iter().map(item).collect::<Option<_>>()?)
        }
        QuestionType::Pbq | QuestionType::Sim => return None,
        _ => Body::Task(task(&TaskFields::of_question(raw))?),
    };
    Some(question(raw, exam_id, exam, body, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(text: &str) -> RawOption {
        RawOption {
            text: text.into(),
            why: format!("why {text}"),
            pinned: false,
        }
    }

    #[test]
    fn a_key_past_the_options_or_of_the_wrong_size_builds_nothing() {
        let options = [option("a"), option("b"), option("c")];
        assert_eq!(choices(QuestionType::Single, &options, &[3]), None);
        assert_eq!(choices(QuestionType::Single, &options, &[0, 1]), None);
        assert_eq!(choices(QuestionType::Single, &options, &[]), None);
        assert_eq!(choices(QuestionType::Multiple, &options, &[]), None);
        assert_eq!(choices(QuestionType::Ordering, &options, &[0]), None);
        assert_eq!(steps(&[]), None);
        assert_eq!(pairs(&[], &[]), None);
        assert_eq!(fill(&[]), None);
    }

    #[test]
    fn a_multiple_key_is_kept_sorted_once_each() {
        let options = [option("a"), option("b"), option("c")];
        let Some(Task::Multiple { answers, options }) =
            choices(QuestionType::Multiple, &options, &[2, 0, 2])
        else {
            panic!("a multiple task with a key in range builds");
        };
        assert_eq!(answers, vec![0, 2]);
        assert_eq!(options[1].text, "b");
        assert_eq!(
            choices(QuestionType::Single, &[option("a"), option("b")], &[1]),
            Some(Task::Single {
                options: vec![
                    Choice {
                        text: "a".into(),
                        why: "why a".into(),
                        pinned: false
                    },
                    Choice {
                        text: "b".into(),
                        why: "why b".into(),
                        pinned: false
                    }
                ],
                answer: 1
            })
        );
    }
}
