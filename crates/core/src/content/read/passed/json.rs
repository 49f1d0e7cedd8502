//! The model read from a parsed JSON value, by hand.
//!
//! Why not the model's serde derive: for a practice run the derived
//! readers of the question and blueprint types were two thirds of the
//! reading code it downloads (about 37 KB before compression), because
//! serde writes a visitor, a field matcher and error messages for every
//! type and field. Here one generic JSON value parser does the syntax and
//! a few small functions pick the fields out.
//!
//! It is only for files the build read with the derived readers and
//! passed (`super::read`): anything it does not expect, such as a key it
//! does not know (a field added to the model and not here), a value of
//! another type, a sim, gives `None`, and the full reader reads the file.
//! Its results are compared with the full reader's on every bundled file
//! (`super::tests`) and by the `content_file` fuzzer.

use serde_json::{Map, Value};

use crate::content::exam::{Domain, Exam, Objective};
use crate::content::no_sim::NoSim;
use crate::content::question::{
    AnswerKey, Difficulty, QuestionSet, QuestionType, RawItem, RawOption, RawPair, RawQuestion,
    RawStep,
};

type Object = Map<String, Value>;

/// An object whose keys are all among `known`.
fn object<'a>(value: &'a Value, known: &[&str]) -> Option<&'a Object> {
    let object = value.as_object()?;
    object
        .keys()
        .all(|key| known.contains(&key.as_str()))
        .then_some(object)
}

fn string(object: &Object, key: &str) -> Option<String> {
    object.get(key)?.as_str().map(str::to_owned)
}

/// An optional string: missing or `null` is `None`.
fn optional_string(object: &Object, key: &str) -> Option<Option<String>> {
    match object.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(value) => value.as_str().map(|s| Some(s.to_owned())),
    }
}

fn number(object: &Object, key: &str) -> Option<u32> {
    u32::try_from(object.get(key)?.as_u64()?).ok()
}

fn flag(object: &Object, key: &str, default: bool) -> Option<bool> {
    match object.get(key) {
        None => Some(default),
        Some(value) => value.as_bool(),
    }
}

/// A list read item by item; missing is empty when `optional`.
fn list<T>(
    object: &Object,
    key: &str,
    optional: bool,
    item: impl Fn(&Value) -> Option<T>,
) -> Option<Vec<T>> {
    match object.get(key) {
        None if optional => Some(Vec::new()),
        None => None,
        Some(value) => value.as_array()?.iter().map(item).collect(),
    }
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// An option index or a list of them; missing or `null` is no key.
fn answer(object: &Object) -> Option<Option<AnswerKey>> {
    let index = |value: &Value| usize::try_from(value.as_u64()?).ok();
    match object.get("answer") {
        None | Some(Value::Null) => Some(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(index)
            .collect::<Option<_>>()
            .map(|key| Some(AnswerKey(key))),
        Some(value) => index(value).map(|i| Some(AnswerKey(vec![i]))),
    }
}

fn kind(object: &Object) -> Option<QuestionType> {
    Some(match object.get("type")?.as_str()? {
        "single" => QuestionType::Single,
        "multiple" => QuestionType::Multiple,
        "ordering" => QuestionType::Ordering,
        "matching" => QuestionType::Matching,
        "fill" => QuestionType::Fill,
        "pbq" => QuestionType::Pbq,
        "sim" => QuestionType::Sim,
        _ => return None,
    })
}

fn difficulty(object: &Object) -> Option<Difficulty> {
    Some(match object.get("difficulty")?.as_str()? {
        "easy" => Difficulty::Easy,
        "medium" => Difficulty::Medium,
        "hard" => Difficulty::Hard,
        _ => return None,
    })
}

fn option(value: &Value) -> Option<RawOption> {
    let o = object(value, &["text", "why", "pinned"])?;
    Some(RawOption {
        text: string(o, "text")?,
        why: string(o, "why")?,
        pinned: flag(o, "pinned", false)?,
    })
}

fn pair(value: &Value) -> Option<RawPair> {
    let o = object(value, &["left", "right", "why"])?;
    Some(RawPair {
        left: string(o, "left")?,
        right: string(o, "right")?,
        why: string(o, "why")?,
    })
}

fn step(value: &Value) -> Option<RawStep> {
    let o = object(value, &["text", "why"])?;
    Some(RawStep {
        text: string(o, "text")?,
        why: string(o, "why")?,
    })
}

/// The task fields a question and an item share, in that order.
const TASK: [&str; 6] = [
    "options",
    "answer",
    "pairs",
    "distractors",
    "steps",
    "accept",
];

fn item(value: &Value) -> Option<RawItem> {
    let mut known = vec!["prompt", "type", "explanation"];
    known.extend(TASK);
    let o = object(value, &known)?;
    Some(RawItem {
        prompt: string(o, "prompt")?,
        kind: kind(o)?,
        explanation: optional_string(o, "explanation")?,
        options: list(o, "options", true, option)?,
        answer: answer(o)?,
        pairs: list(o, "pairs", true, pair)?,
        distractors: list(o, "distractors", true, text)?,
        steps: list(o, "steps", true, step)?,
        accept: list(o, "accept", true, text)?,
    })
}

fn question(value: &Value) -> Option<RawQuestion<NoSim>> {
    let mut known = vec![
        "id",
        "objective",
        "difficulty",
        "type",
        "prompt",
        "exhibit",
        "explanation",
        "shuffle",
        "items",
        "sim",
    ];
    known.extend(TASK);
    let o = object(value, &known)?;
    // A sim is not read here; `null` is no sim, as serde reads it.
    if !matches!(o.get("sim"), None | Some(Value::Null)) {
        return None;
    }
    Some(RawQuestion {
        id: string(o, "id")?,
        objective: string(o, "objective")?,
        difficulty: difficulty(o)?,
        kind: kind(o)?,
        prompt: string(o, "prompt")?,
        exhibit: optional_string(o, "exhibit")?,
        explanation: string(o, "explanation")?,
        shuffle: flag(o, "shuffle", true)?,
        options: list(o, "options", true, option)?,
        answer: answer(o)?,
        pairs: list(o, "pairs", true, pair)?,
        distractors: list(o, "distractors", true, text)?,
        steps: list(o, "steps", true, step)?,
        accept: list(o, "accept", true, text)?,
        items: list(o, "items", true, item)?,
        sim: None,
    })
}

/// A question set holding no sim.
pub fn question_set(value: &Value) -> Option<QuestionSet<NoSim>> {
    let o = object(value, &["$schema", "kind", "exam", "questions"])?;
    Some(QuestionSet {
        schema: optional_string(o, "$schema")?,
        kind: string(o, "kind")?,
        exam: string(o, "exam")?,
        questions: list(o, "questions", false, question)?,
    })
}

fn objective(value: &Value) -> Option<Objective> {
    let o = object(value, &["id", "title"])?;
    Some(Objective {
        id: string(o, "id")?,
        title: string(o, "title")?,
    })
}

fn domain(value: &Value) -> Option<Domain> {
    let o = object(value, &["id", "name", "weight", "objectives"])?;
    Some(Domain {
        id: string(o, "id")?,
        name: string(o, "name")?,
        weight: number(o, "weight")?,
        objectives: list(o, "objectives", false, objective)?,
    })
}

/// An exam blueprint.
pub fn exam(value: &Value) -> Option<Exam> {
    let o = object(
        value,
        &[
            "$schema",
            "kind",
            "id",
            "name",
            "question_count",
            "minutes",
            "passing_score",
            "domains",
        ],
    )?;
    Some(Exam {
        schema: optional_string(o, "$schema")?,
        kind: string(o, "kind")?,
        id: string(o, "id")?,
        name: string(o, "name")?,
        question_count: number(o, "question_count")?,
        minutes: number(o, "minutes")?,
        passing_score: number(o, "passing_score")?,
        domains: list(o, "domains", false, domain)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde's derived reader and this one make of `text`: the same
    /// set, or this one gives up (and the full reader reads the file).
    fn both(text: &str) -> (Option<QuestionSet<NoSim>>, Option<QuestionSet<NoSim>>) {
        let derived = serde_json::from_str::<QuestionSet<NoSim>>(text).ok();
        let value = serde_json::from_str::<Value>(text).expect("test JSON parses");
        (derived, question_set(&value))
    }

    fn set_with(question: &str) -> String {
        format!(
            r#"{{"kind": "question-set", "exam": "X", "questions": [{{"id": "q1",
            "objective": "1.1", "difficulty": "easy", "type": "single",
            "prompt": "Which?", "explanation": "Because.", {question}}}]}}"#
        )
    }

    #[test]
    fn reads_what_the_derived_reader_reads() {
        for question in [
            r#""options": [{"text": "a", "why": "w"}, {"text": "b", "why": "w", "pinned": true}], "answer": 1"#,
            r#""options": [{"text": "a", "why": "w"}], "answer": [0, 1], "shuffle": false"#,
            r#""answer": null, "exhibit": null, "sim": null"#,
            r#""exhibit": "log", "accept": ["x"], "distractors": ["d"]"#,
            r#""steps": [{"text": "s", "why": "w"}], "pairs": [{"left": "l", "right": "r", "why": "w"}]"#,
            r#""items": [{"prompt": "p", "type": "fill", "accept": ["1"], "explanation": null}]"#,
        ] {
            let (derived, here) = both(&set_with(question));
            assert!(derived.is_some(), "{question}");
            assert_eq!(here, derived, "{question}");
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_expect() {
        for question in [
            r#""answer": 1.0"#,
            r#""answer": -1"#,
            r#""answer": "0""#,
            r#""shuffle": null"#,
            r#""options": null"#,
            r#""options": [{"text": "a"}]"#,
            r#""options": [{"text": "a", "why": "w", "extra": 1}]"#,
            r#""hint": "new field""#,
            r#""sim": {"kind": "terminal"}"#,
            r#""items": [{"prompt": "p", "type": "essay"}]"#,
        ] {
            let (derived, here) = both(&set_with(question));
            assert_eq!(here, None, "{question}");
            assert_eq!(derived, None, "the derived reader refuses {question} too");
        }
        let value: Value = serde_json::from_str(
            r#"{"kind": "exam", "id": "X", "name": "N",
            "question_count": 90, "minutes": 90, "passing_score": 675.5, "domains": []}"#,
        )
        .expect("test JSON parses");
        assert_eq!(exam(&value), None, "a pass mark is a whole number");
    }
}
