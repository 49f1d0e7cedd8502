//! JSON Schema for every content kind, generated from the model's serde
//! types (schemars, behind the `schema` feature, which only the CLI turns
//! on). Editors use it to complete fields and flag mistakes as an author
//! types; `firstline schema` writes it to `schema/`, where a test keeps it
//! equal to this output.
//!
//! The schema says what the typed model accepts (fields, types, enum
//! values, required fields, unknown fields); the rules `content::check`
//! applies on top (an answer in range, a known objective, a reachable
//! node) are not in it, so `firstline check` stays the last word.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Value};

use super::exam::Exam;
use super::interview::InterviewSet;
use super::question::QuestionSet;
use super::scenario::Scenario;
use super::shift::Shift;

/// One kind's schema.
#[derive(Debug, Clone, PartialEq)]
pub struct KindSchema {
    /// The top-level `"kind"` of the files it describes, such as `"scenario"`.
    pub kind: &'static str,
    pub schema: Value,
}

impl KindSchema {
    /// The schema's file name, such as `scenario.schema.json`.
    pub fn file_name(&self) -> String {
        file_name(self.kind)
    }

    /// The file's text: two-space indented JSON and a final newline, so a
    /// regenerated file differs from the committed one only where the
    /// model did.
    pub fn text(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The schema file name for a kind: `<kind>.schema.json`.
pub fn file_name(kind: &str) -> String {
    format!("{kind}.schema.json")
}

/// Every kind's schema, in the order of `file::KINDS`.
pub fn all() -> Vec<KindSchema> {
    vec![
        of::<Exam>("exam", "FirstLine exam blueprint"),
        of::<QuestionSet>("question-set", "FirstLine question set"),
        of::<Scenario>("scenario", "FirstLine role-play scenario"),
        of::<InterviewSet>("interview-set", "FirstLine interview questions"),
        of::<Shift>("shift", "FirstLine shift"),
    ]
}

/// The schema of one kind, `T` being its file's type.
fn of<T: JsonSchema>(kind: &'static str, title: &str) -> KindSchema {
    // Draft 7: the newest draft every common editor fully understands
    // (VS Code's JSON support among them).
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut schema = schema.to_value();
    if let Some(root) = schema.as_object_mut() {
        root.insert("title".into(), json!(title));
        // The model reads `kind` as a string and `file::parse` picks the
        // type by it; for an editor it is exactly this kind.
        if let Some(properties) = root.get_mut("properties").and_then(Value::as_object_mut) {
            properties.insert(
                "kind".into(),
                json!({
                    "description": format!("The kind of content file: always \"{kind}\"."),
                    "const": kind,
                }),
            );
        }
    }
    one_line_descriptions(&mut schema);
    KindSchema { kind, schema }
}

/// Doc comments are wrapped at 80 columns; an editor's hover wraps them
/// itself, so each paragraph becomes one line.
fn one_line_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                match item {
                    Value::String(text) if key == "description" => {
                        *text = text
                            .split("\n\n")
                            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    _ => one_line_descriptions(item),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(one_line_descriptions),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::file::KINDS;

    #[test]
    fn every_kind_has_a_schema_that_names_it() {
        let all = all();
        let kinds: Vec<&str> = all.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, KINDS);
        for schema in &all {
            assert_eq!(schema.schema["properties"]["kind"]["const"], schema.kind);
            assert_eq!(
                schema.schema["$schema"],
                "http://json-schema.org/draft-07/schema#"
            );
            // Unknown fields are refused, as the model refuses them, and
            // `$schema` itself is allowed.
            assert_eq!(schema.schema["additionalProperties"], false);
            assert!(schema.schema["properties"]["$schema"].is_object());
            let required = schema.schema["required"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert!(required.contains(&json!("kind")), "{}", schema.kind);
            assert!(!required.contains(&json!("$schema")), "{}", schema.kind);
        }
    }

    #[test]
    fn answer_keys_are_a_number_or_a_list() {
        let set = all().into_iter().find(|s| s.kind == "question-set");
        let text = set.map(|s| s.text()).unwrap_or_default();
        assert!(text.contains("\"AnswerKey\""), "{text}");
        assert!(text.ends_with("}\n"));
    }
}
