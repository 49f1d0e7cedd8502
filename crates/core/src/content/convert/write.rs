//! Writes a question set as JSON laid out like the bundled files: one
//! field a line, each option, pair or step on one line, fields in the
//! model's order, optional fields only when they say something.

use crate::content::question::{AnswerKey, QuestionSet, RawItem, RawQuestion};

/// The set as the text of a content file (ending with a newline).
pub fn question_set(set: &QuestionSet) -> String {
    let mut out = String::from("{\n");
    // First, as `firstline schema --stamp` puts it: editors read it there.
    if let Some(schema) = &set.schema {
        out.push_str(&format!("  \"$schema\": {},\n", quote(schema)));
    }
    out.push_str(&format!("  \"kind\": {},\n", quote(&set.kind)));
    out.push_str(&format!("  \"exam\": {},\n", quote(&set.exam)));
    if set.questions.is_empty() {
        out.push_str("  \"questions\": []\n}\n");
        return out;
    }
    out.push_str("  \"questions\": [\n");
    for (i, q) in set.questions.iter().enumerate() {
        question(&mut out, q);
        out.push_str(if i + 1 < set.questions.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("  ]\n}\n");
    out
}

fn question(out: &mut String, q: &RawQuestion) {
    let mut fields: Vec<String> = vec![
        format!("\"id\": {}", quote(&q.id)),
        format!("\"objective\": {}", quote(&q.objective)),
        format!("\"difficulty\": {}", quote(q.difficulty.label())),
        format!("\"type\": {}", quote(q.kind.name())),
        format!("\"prompt\": {}", quote(&q.prompt)),
    ];
    if let Some(exhibit) = &q.exhibit {
        fields.push(format!("\"exhibit\": {}", quote(exhibit)));
    }
    fields.push(format!("\"explanation\": {}", quote(&q.explanation)));
    if !q.shuffle {
        fields.push("\"shuffle\": false".into());
    }
    task_fields(
        &mut fields,
        TaskRef {
            options: &q.options,
            answer: q.answer.as_ref(),
            pairs: &q.pairs,
            distractors: &q.distractors,
            steps: &q.steps,
            accept: &q.accept,
        },
        "      ",
    );
    if let Some(sim) = &q.sim {
        // A sim is nested data with no bundled layout of its own: serde's
        // pretty form, indented to sit in the question.
        let text = serde_json::to_string_pretty(sim).unwrap_or_default();
        fields.push(format!("\"sim\": {}", text.replace('\n', "\n      ")));
    }
    if !q.items.is_empty() {
        let items: Vec<String> = q
            .items
            .iter()
            .map(|item| format!("        {}", item_line(item)))
            .collect();
        fields.push(format!("\"items\": [\n{}\n      ]", items.join(",\n")));
    }
    out.push_str("    {\n");
    let lines: Vec<String> = fields.iter().map(|f| format!("      {f}")).collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n    }");
}

struct TaskRef<'a> {
    options: &'a [crate::content::question::RawOption],
    answer: Option<&'a AnswerKey>,
    pairs: &'a [crate::content::question::RawPair],
    distractors: &'a [String],
    steps: &'a [crate::content::question::RawStep],
    accept: &'a [String],
}

fn task_fields(fields: &mut Vec<String>, task: TaskRef, indent: &str) {
    if !task.options.is_empty() {
        let lines: Vec<String> = task
            .options
            .iter()
            .map(|o| {
                let pinned = if o.pinned { ", \"pinned\": true" } else { "" };
                format!(
                    "{indent}  {{ \"text\": {}, \"why\": {}{pinned} }}",
                    quote(&o.text),
                    quote(&o.why)
                )
            })
            .collect();
        fields.push(format!("\"options\": [\n{}\n{indent}]", lines.join(",\n")));
    }
    if let Some(answer) = task.answer {
        fields.push(format!("\"answer\": {}", answer_text(answer)));
    }
    if !task.pairs.is_empty() {
        let lines: Vec<String> = task
            .pairs
            .iter()
            .map(|p| {
                format!(
                    "{indent}  {{ \"left\": {}, \"right\": {}, \"why\": {} }}",
                    quote(&p.left),
                    quote(&p.right),
                    quote(&p.why)
                )
            })
            .collect();
        fields.push(format!("\"pairs\": [\n{}\n{indent}]", lines.join(",\n")));
    }
    if !task.distractors.is_empty() {
        fields.push(format!(
            "\"distractors\": {}",
            inline_list(task.distractors)
        ));
    }
    if !task.steps.is_empty() {
        let lines: Vec<String> = task
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{indent}  {{ \"text\": {}, \"why\": {} }}",
                    quote(&s.text),
                    quote(&s.why)
                )
            })
            .collect();
        fields.push(format!("\"steps\": [\n{}\n{indent}]", lines.join(",\n")));
    }
    if !task.accept.is_empty() {
        fields.push(format!("\"accept\": {}", inline_list(task.accept)));
    }
}

fn item_line(item: &RawItem) -> String {
    serde_json::to_string(item).unwrap_or_else(|_| "{}".into())
}

fn answer_text(answer: &AnswerKey) -> String {
    match answer.0.as_slice() {
        [one] => one.to_string(),
        many => format!(
            "[{}]",
            many.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn inline_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A JSON string literal (serde_json's escaping).
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_read_back_equal() {
        for path in [
            "../../questions/220-1201/2-networking.json",
            "../../questions/220-1201/5-troubleshooting.json",
        ] {
            let Ok(text) = std::fs::read_to_string(path) else {
                panic!("cannot read {path}");
            };
            let set: QuestionSet = serde_json::from_str(&text).unwrap();
            let written = question_set(&set);
            let back: QuestionSet = serde_json::from_str(&written).unwrap();
            assert_eq!(back, set, "{path}");
        }
    }

    #[test]
    fn layout_follows_the_bundled_files() {
        let text =
            std::fs::read_to_string("../../questions/220-1201/1-mobile-devices.json").unwrap();
        let set: QuestionSet = serde_json::from_str(&text).unwrap();
        let written = question_set(&set);
        // Up to the first pbq (whose items the bundled files lay out by
        // hand), the bundled file comes back byte for byte: single,
        // multiple, matching, ordering and fill questions.
        let end = text.find("\"type\": \"pbq\"").unwrap();
        assert!(text[..end].contains("\"type\": \"fill\""));
        assert!(text[..end].contains("\"type\": \"matching\""));
        assert!(text[..end].contains("\"type\": \"ordering\""));
        assert!(text[..end].contains("\"type\": \"multiple\""));
        let same = written
            .bytes()
            .zip(text.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        assert!(
            same >= end,
            "differs at byte {same}: {:?}",
            &written[same.saturating_sub(80)..(same + 80).min(written.len())]
        );
    }
}
