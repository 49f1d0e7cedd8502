//! Question files read without the sim model. Sims live in files of their
//! own, and the sim model's deserializer is a good part of the question
//! reader's code, so the web app reads the other question files as
//! `QuestionSet<NoSim>` and takes the sim model's code only for a page
//! whose files hold sims (the manifest says which: `Holds::QuestionSet`'s
//! `sims`). Such a read gives exactly the `QuestionSet` a full one would,
//! since it holds no sim.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::question::{QuestionSet, RawQuestion};

/// A sim the reader leaves out: it never holds a value, and reading one
/// is an error at the sim (the file was said to hold none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSim {}

/// The error at a sim in a file read without them.
pub const SIM_NOT_READ: &str = "this page read this file as holding no simulation (the site's content list says so), but it holds one: reload the page, and if this stays, rebuild the site";

impl<'de> Deserialize<'de> for NoSim {
    fn deserialize<D: Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Err(de::Error::custom(SIM_NOT_READ))
    }
}

impl Serialize for NoSim {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        match *self {}
    }
}

impl From<QuestionSet<NoSim>> for QuestionSet {
    fn from(set: QuestionSet<NoSim>) -> Self {
        let QuestionSet {
            schema,
            kind,
            exam,
            questions,
        } = set;
        QuestionSet {
            schema,
            kind,
            exam,
            questions: questions.into_iter().map(RawQuestion::from).collect(),
        }
    }
}

impl From<RawQuestion<NoSim>> for RawQuestion {
    fn from(question: RawQuestion<NoSim>) -> Self {
        // Every field named (no `..`): a field added to the model must be
        // carried here too, or this does not compile.
        let RawQuestion {
            id,
            objective,
            difficulty,
            kind,
            prompt,
            exhibit,
            explanation,
            shuffle,
            options,
            answer,
            pairs,
            distractors,
            steps,
            accept,
            items,
            sim,
        } = question;
        RawQuestion {
            id,
            objective,
            difficulty,
            kind,
            prompt,
            exhibit,
            explanation,
            shuffle,
            options,
            answer,
            pairs,
            distractors,
            steps,
            accept,
            items,
            sim: sim.map(|never| match never {}),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = r#"{"kind": "question-set", "exam": "220-1201", "questions": [
        {"id": "q1", "objective": "1.1", "difficulty": "easy", "type": "single",
         "prompt": "Which?", "explanation": "Because.",
         "options": [{"text": "A", "why": "Right."}, {"text": "B", "why": "Wrong."}], "answer": 0}
    ]}"#;

    #[test]
    fn a_set_without_sims_reads_the_same_either_way() {
        let full: QuestionSet = serde_json::from_str(SET).unwrap();
        let plain: QuestionSet<NoSim> = serde_json::from_str(SET).unwrap();
        assert_eq!(QuestionSet::from(plain), full);
        assert_eq!(full.questions.len(), 1);
    }

    #[test]
    fn a_sim_read_without_the_sim_model_is_an_error_at_the_sim() {
        let with_sim = SET.replace(
            r#""answer": 0}"#,
            r#""answer": 0, "sim": {"kind": "terminal"}}"#,
        );
        let error = serde_json::from_str::<QuestionSet<NoSim>>(&with_sim).unwrap_err();
        assert!(error.to_string().starts_with(SIM_NOT_READ), "{error}");
        // At the sim's value, where a finding points.
        let at = with_sim.find(r#"{"kind": "terminal"}"#).unwrap();
        let line_start = with_sim[..at].rfind('\n').map_or(0, |n| n + 1);
        assert_eq!(error.line(), with_sim[..at].lines().count());
        assert!(error.column() >= at - line_start, "{error}");
    }
}
