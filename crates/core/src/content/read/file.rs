//! Reading one content file: JSON syntax, then its `kind`, then the typed
//! model for that kind. Every error names the line, column and JSON path.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::content::exam::Exam;
use crate::content::finding::{Finding, Severity};
use crate::content::interview::InterviewSet;
use crate::content::locate::{locate, offset_of, path_at, Position};
use crate::content::path::JsonPath;
use crate::content::question::QuestionSet;
use crate::content::scenario::Scenario;
use crate::content::shift::Shift;

use super::readers::Readers;

/// The kinds of content file, named by the file's top-level `"kind"`.
pub const KINDS: &[&str] = &["exam", "question-set", "scenario", "interview-set", "shift"];

#[derive(Debug, Clone, PartialEq)]
pub enum ContentFile {
    Exam(Exam),
    QuestionSet(QuestionSet),
    Scenario(Box<Scenario>),
    InterviewSet(InterviewSet),
    Shift(Box<Shift>),
}

/// Just the `kind` of a content file; other fields are skipped.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    kind: Option<Box<RawValue>>,
}

/// Parses one file, of any kind. An error here means nothing in the file
/// could be used.
pub fn parse(file: &str, text: &str) -> Result<ContentFile, Finding> {
    parse_with(&Readers::all(), file, text)
}

/// Parses one file with `readers`: a file of a kind they do not read is
/// reported at its `kind`.
pub(super) fn parse_with(
    readers: &Readers,
    file: &str,
    text: &str,
) -> Result<ContentFile, Finding> {
    // Syntax first (IgnoredAny reads without building anything), then the
    // kind, then the typed model: serde_json::Value would cost the web
    // bundle more.
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| syntax_finding(file, text, &e))?;
    let kind_path = JsonPath::root().key("kind");
    let expected = format!("expected one of {}", quoted(KINDS));
    if !text.trim_start().starts_with('{') {
        return Err(finding_at(
            file,
            text,
            &JsonPath::root(),
            format!("a content file holds one JSON object with a \"kind\"; {expected}"),
        ));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| syntax_finding(file, text, &e))?;
    let kind = match header
        .kind
        .map(|raw| serde_json::from_str::<String>(raw.get()))
    {
        Some(Ok(kind)) => kind,
        Some(Err(_)) => {
            return Err(finding_at(
                file,
                text,
                &kind_path,
                format!("\"kind\" must be a string: {expected}"),
            ));
        }
        None => {
            return Err(finding_at(
                file,
                text,
                &JsonPath::root(),
                format!("missing \"kind\" at the top level: {expected}"),
            ));
        }
    };
    match readers.read(&kind, file, text) {
        Some(read) => read,
        None if KINDS.contains(&kind.as_str()) => Err(finding_at(
            file,
            text,
            &kind_path,
            format!(
                "this page does not read \"{kind}\" files (it loaded the code for the kinds \
                 its content list gave); reload the page, and if this stays, rebuild the site"
            ),
        )),
        None => Err(finding_at(
            file,
            text,
            &kind_path,
            format!("unknown kind \"{kind}\": {expected}"),
        )),
    }
}

/// Reads the typed model. The error's JSON path is worked out from its
/// position, which keeps a path-tracking deserializer out of the bundle.
pub(super) fn typed<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Finding> {
    serde_json::from_str(text).map_err(|e| {
        let offset = offset_of(text, e.line(), e.column());
        // The byte serde_json stopped at belongs to the value it was reading.
        let path = path_at(text, offset + 1);
        Finding::at(
            file,
            Position::of_offset(text, offset),
            &path,
            Severity::Error,
            message_of(&e),
        )
    })
}

fn syntax_finding(file: &str, text: &str, error: &serde_json::Error) -> Finding {
    let position = Position::of_offset(text, offset_of(text, error.line(), error.column()));
    let message = match error.classify() {
        serde_json::error::Category::Data => message_of(error),
        _ => format!("invalid JSON: {}", message_of(error)),
    };
    Finding::at(file, position, &JsonPath::root(), Severity::Error, message)
}

fn finding_at(file: &str, text: &str, path: &JsonPath, message: String) -> Finding {
    Finding::at(file, locate(text, path), path, Severity::Error, message)
}

/// serde_json's message without its own " at line L column C" suffix.
fn message_of(error: &serde_json::Error) -> String {
    let full = error.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_owned(),
        None => full,
    }
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|k| format!("\"{k}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse("q.json", "{\n  \"kind\": \"exam\",\n  \"id\" \"x\"\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 8));
        assert!(
            err.message.starts_with("invalid JSON: expected `:`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn unknown_fields_name_the_path_and_what_is_expected() {
        let text = r#"{"kind": "question-set", "exam": "220-1201", "questions": [
  {"id": "q1", "objective": "1.1", "difficulty": "easy", "type": "single",
   "prompt": "p", "explanation": "e", "anser": 1}
]}"#;
        let err = parse("q.json", text).unwrap_err();
        assert_eq!(err.path, "questions[0].anser");
        assert_eq!(err.line, 3);
        assert!(
            err.message
                .contains("unknown field `anser`, expected one of"),
            "{}",
            err.message
        );
    }

    #[test]
    fn every_kind_may_name_its_schema() {
        let files = [
            r#"{"$schema": "s.json", "kind": "exam", "id": "x", "name": "n", "question_count": 1, "minutes": 1, "passing_score": 700, "domains": []}"#,
            r#"{"$schema": "s.json", "kind": "question-set", "exam": "x", "questions": []}"#,
            r#"{"$schema": "s.json", "kind": "interview-set", "questions": []}"#,
            r#"{"$schema": "s.json", "kind": "shift", "id": "x", "title": "t", "summary": "s", "briefing": "b", "tickets": []}"#,
        ];
        for text in files {
            assert!(parse("f.json", text).is_ok(), "{text}");
        }
        let err = parse(
            "f.json",
            r#"{"$schema": 1, "kind": "interview-set", "questions": []}"#,
        )
        .unwrap_err();
        assert_eq!(err.path, "$schema");
        assert!(err.message.contains("expected a string"), "{}", err.message);
    }

    #[test]
    fn wrong_kinds_are_explained() {
        let err = parse("x.json", "{\"kind\": \"quiz\"}").unwrap_err();
        assert!(err.message.contains("unknown kind \"quiz\""));
        assert!(err.message.contains("\"question-set\""));
        let err = parse("x.json", "[1, 2]").unwrap_err();
        assert!(
            err.message
                .starts_with("a content file holds one JSON object"),
            "{}",
            err.message
        );
        let err = parse("x.json", "{}").unwrap_err();
        assert!(err.message.starts_with("missing \"kind\""));
    }

    #[test]
    fn wrong_types_point_inside_the_value() {
        let text =
            "{\"kind\": \"exam\", \"id\": \"x\", \"name\": \"n\", \"question_count\": \"ninety\"}";
        let err = parse("e.json", text).unwrap_err();
        assert_eq!(err.path, "question_count");
        assert!(
            err.message
                .contains("invalid type: string \"ninety\", expected u32"),
            "{}",
            err.message
        );
    }
}
