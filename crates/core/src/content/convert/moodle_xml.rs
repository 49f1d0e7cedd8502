//! Moodle XML, out: `<quiz>` with a category for the exam, then
//! `multichoice` questions for single (`<single>true</single>`) and
//! multiple (`<single>false</single>`, each right option an equal share,
//! each wrong one -100), `shortanswer` for fill and `matching` for
//! matching (distractors as subquestions with no text, as Moodle writes
//! extra wrong answers). Option "why" texts are each answer's
//! `<feedback>`; the explanation is the `<generalfeedback>`. Ordering and
//! pbq questions have no Moodle XML type here: a finding each.
//!
//! Plain texts are escaped as XML entities; the question text is HTML (so
//! an exhibit keeps its layout in `<pre>`) inside CDATA.

use crate::content::question::{QuestionSet, QuestionType, RawQuestion};

use super::gift::{losses, share};
use super::{Conversion, Level, Note, MAX_ITEMS};

pub(super) fn export(set: &QuestionSet) -> Conversion<String> {
    let mut notes = Vec::new();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    out.push_str(&format!(
        "  <question type=\"category\">\n    <category>\n      <text>$course$/FirstLine/{}</text>\n    </category>\n  </question>\n",
        entities(&set.exam)
    ));
    for (index, q) in set.questions.iter().enumerate() {
        if index >= MAX_ITEMS {
            notes.push(Note::on_question(index, Level::Skipped, format!("stopped after {MAX_ITEMS} questions; this and every later question were not written: split the set")));
            break;
        }
        match question(q) {
            Ok(text) => {
                out.push_str(&text);
                losses(q, index, "Moodle XML", &mut notes);
            }
            Err(message) => notes.push(Note::on_question(
                index,
                Level::Skipped,
                format!("question \"{}\" {message}", q.id),
            )),
        }
    }
    out.push_str("</quiz>\n");
    Conversion { output: out, notes }
}

fn question(q: &RawQuestion) -> Result<String, String> {
    let kind = match q.kind {
        QuestionType::Single | QuestionType::Multiple => "multichoice",
        QuestionType::Fill => "shortanswer",
        QuestionType::Matching => "matching",
        QuestionType::Ordering => {
            return Err("is an ordering question, which Moodle XML's question types here cannot express; it was not written".into())
        }
        QuestionType::Pbq => {
            return Err("is a performance-based question, which Moodle XML cannot express; it was not written".into())
        }
        QuestionType::Sim => {
            return Err("is a simulation, which Moodle XML cannot express; it was not written".into())
        }
    };
    let key = q.answer.as_ref().map(|k| k.0.clone()).unwrap_or_default();
    if matches!(q.kind, QuestionType::Single | QuestionType::Multiple)
        && (key.is_empty() || key.iter().any(|&i| i >= q.options.len()))
    {
        return Err("has an answer key outside its options; fix the set first".into());
    }
    let mut out = format!("  <question type=\"{kind}\">\n");
    out.push_str(&format!(
        "    <name>\n      <text>{}</text>\n    </name>\n",
        entities(&q.id)
    ));
    out.push_str(&format!(
        "    <questiontext format=\"html\">\n      <text>{}</text>\n    </questiontext>\n",
        cdata(&question_html(q))
    ));
    out.push_str(&format!(
        "    <generalfeedback format=\"plain_text\">\n      <text>{}</text>\n    </generalfeedback>\n",
        entities(&q.explanation)
    ));
    out.push_str(
        "    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n",
    );
    out.push_str(&format!("    <idnumber>{}</idnumber>\n", entities(&q.id)));
    match q.kind {
        QuestionType::Single | QuestionType::Multiple => {
            let single = q.kind == QuestionType::Single;
            out.push_str(&format!(
                "    <single>{single}</single>\n    <shuffleanswers>{}</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n",
                q.shuffle
            ));
            let right = if single {
                "100".to_owned()
            } else {
                share(key.len())
            };
            let wrong = if single { "0" } else { "-100" };
            for (i, o) in q.options.iter().enumerate() {
                let fraction = if key.contains(&i) {
                    right.as_str()
                } else {
                    wrong
                };
                out.push_str(&format!(
                    "    <answer fraction=\"{fraction}\" format=\"plain_text\">\n      <text>{}</text>\n      <feedback format=\"plain_text\">\n        <text>{}</text>\n      </feedback>\n    </answer>\n",
                    entities(&o.text),
                    entities(&o.why)
                ));
            }
        }
        QuestionType::Fill => {
            out.push_str("    <usecase>0</usecase>\n");
            for a in &q.accept {
                out.push_str(&format!(
                    "    <answer fraction=\"100\" format=\"plain_text\">\n      <text>{}</text>\n      <feedback format=\"plain_text\">\n        <text></text>\n      </feedback>\n    </answer>\n",
                    entities(a)
                ));
            }
        }
        QuestionType::Matching => {
            out.push_str(&format!(
                "    <shuffleanswers>{}</shuffleanswers>\n",
                q.shuffle
            ));
            for p in &q.pairs {
                out.push_str(&format!(
                    "    <subquestion format=\"plain_text\">\n      <text>{}</text>\n      <answer>\n        <text>{}</text>\n      </answer>\n    </subquestion>\n",
                    entities(&p.left),
                    entities(&p.right)
                ));
            }
            for d in &q.distractors {
                out.push_str(&format!(
                    "    <subquestion format=\"plain_text\">\n      <text></text>\n      <answer>\n        <text>{}</text>\n      </answer>\n    </subquestion>\n",
                    entities(d)
                ));
            }
        }
        QuestionType::Ordering | QuestionType::Pbq | QuestionType::Sim => {}
    }
    out.push_str("  </question>\n");
    Ok(out)
}

/// The prompt as HTML paragraphs, then the exhibit in `<pre>`.
fn question_html(q: &RawQuestion) -> String {
    let mut html = String::new();
    for paragraph in q.prompt.split("\n\n") {
        html.push_str(&format!(
            "<p>{}</p>",
            entities(paragraph).replace('\n', "<br>")
        ));
    }
    if let Some(exhibit) = q.exhibit.as_deref().filter(|e| !e.trim().is_empty()) {
        html.push_str(&format!("<pre>{}</pre>", entities(exhibit)));
    }
    html
}

/// Escapes text for XML content and attribute values. Characters XML 1.0
/// cannot hold at all (most control characters) are left out.
pub fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Wraps text in CDATA, splitting any `]]>` inside it across two sections.
pub fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_cdata_ends() {
        assert_eq!(entities("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(cdata("x]]>y"), "<![CDATA[x]]]]><![CDATA[>y]]>");
    }
}
