//! Moodle XML, in: a `<quiz>` of `<question type="...">` elements.
//! `multichoice` becomes single (`<single>true</single>`) or multiple,
//! `truefalse` a single question with the options True and False,
//! `shortanswer` fill and `matching` matching (subquestions with no text
//! are distractors, as Moodle writes extra wrong answers). Each answer's
//! `<feedback>` is its option's "why", `<generalfeedback>` the
//! explanation, `<idnumber>` (or else `<name>`) the id; a `<pre>` at the
//! end of the question text is the exhibit. Categories are not kept (the
//! import's exam and objective apply to all); every other type, partial
//! credit, penalties and HTML formatting are findings at their line.

use crate::content::question::{AnswerKey, QuestionType, RawOption, RawPair, RawQuestion};

use super::xml::{self, Element};
use super::{missing_texts, too_many, ImportSettings, Imported, Level, Note, MAX_ITEMS};

pub(super) fn import(text: &str, settings: &ImportSettings) -> (Vec<Imported>, Vec<Note>) {
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let quiz = match xml::parse(text) {
        Ok(root) => root,
        Err(e) => {
            notes.push(Note::at(
                e.line,
                Level::Skipped,
                format!(
                    "the file is not well-formed XML: {}; nothing was converted",
                    e.message
                ),
            ));
            return (items, notes);
        }
    };
    if quiz.name != "quiz" {
        notes.push(Note::at(
            quiz.line,
            Level::Skipped,
            format!(
                "the root element is <{}>, not Moodle XML's <quiz>; nothing was converted",
                quiz.name
            ),
        ));
        return (items, notes);
    }
    for element in quiz.elements() {
        if element.name != "question" {
            notes.push(Note::at(
                element.line,
                Level::Skipped,
                format!(
                    "<{}> is not a <question>; it was not converted",
                    element.name
                ),
            ));
            continue;
        }
        if items.len() >= MAX_ITEMS {
            notes.push(too_many(element.line));
            break;
        }
        let kind = element.attr("type").unwrap_or("");
        let converted = match kind {
            "category" => {
                let name = element.text_of("category").unwrap_or_default();
                notes.push(Note::at(
                    element.line,
                    Level::Note,
                    format!("the category \"{}\" is not kept: every question gets the exam and objective given", name.trim()),
                ));
                continue;
            }
            "multichoice" => multichoice(element, settings, &mut notes),
            "truefalse" => truefalse(element, settings, &mut notes),
            "shortanswer" => shortanswer(element, settings, &mut notes),
            "matching" => matching(element, settings, &mut notes),
            other => Err(format!(
                "a \"{other}\" question has no FirstLine type (single, multiple, true/false, short answer and matching convert); it was not converted"
            )),
        };
        match converted {
            Ok(item) => {
                notes.extend(missing_texts(
                    &item.question,
                    item.line,
                    "the question has no <generalfeedback>",
                ));
                items.push(item);
            }
            Err(message) => notes.push(Note::at(element.line, Level::Skipped, message)),
        }
    }
    (items, notes)
}

/// The parts every type shares; the type's own fields are left empty.
fn base(
    q: &Element,
    kind: QuestionType,
    settings: &ImportSettings,
    notes: &mut Vec<Note>,
) -> Imported {
    let html = q.text_of("questiontext").unwrap_or_default();
    let is_html = q
        .child("questiontext")
        .and_then(|t| t.attr("format"))
        .is_none_or(|f| f == "html");
    let (prompt, exhibit) = if is_html {
        let (text, dropped) = html_text(&html);
        if dropped {
            notes.push(Note::at(q.line, Level::Note, "HTML formatting in the question text was removed (FirstLine texts are plain; paragraphs, line breaks and a final <pre> exhibit are kept)"));
        }
        text
    } else {
        (html.trim().to_owned(), None)
    };
    let explanation = field_text(q, "generalfeedback", notes);
    if q.child("penalty")
        .map(|p| p.text().trim().parse::<f64>().unwrap_or(0.0))
        .is_some_and(|p| p > 0.0)
    {
        notes.push(Note::at(
            q.line,
            Level::Note,
            "the penalty for retries is not kept: FirstLine gives each attempt its own score",
        ));
    }
    let name = q
        .child("idnumber")
        .map(Element::text)
        .filter(|t| !t.trim().is_empty())
        .or_else(|| q.text_of("name"));
    let shuffle = q
        .child("shuffleanswers")
        .map(|s| matches!(s.text().trim(), "1" | "true"))
        .unwrap_or(true);
    Imported {
        question: RawQuestion {
            id: String::new(),
            objective: settings.objective.clone(),
            difficulty: settings.difficulty,
            kind,
            prompt,
            exhibit,
            explanation,
            shuffle,
            options: Vec::new(),
            answer: None,
            pairs: Vec::new(),
            distractors: Vec::new(),
            steps: Vec::new(),
            accept: Vec::new(),
            items: Vec::new(),
            sim: None,
        },
        name: name.map(|n| n.trim().to_owned()),
        line: q.line,
    }
}

/// An answer's text and feedback as plain text.
fn field_text(parent: &Element, name: &str, notes: &mut Vec<Note>) -> String {
    let Some(child) = parent.child(name) else {
        return String::new();
    };
    let text = child
        .child("text")
        .map_or_else(|| child.text(), Element::text);
    if child.attr("format").is_some_and(|f| f == "html") {
        let ((plain, exhibit), dropped) = html_text(&text);
        if dropped || exhibit.is_some() {
            notes.push(Note::at(
                child.line,
                Level::Note,
                format!("HTML formatting in <{name}> was removed"),
            ));
        }
        match exhibit {
            Some(e) => format!("{plain}\n\n{e}").trim().to_owned(),
            None => plain,
        }
    } else {
        text.trim().to_owned()
    }
}

/// Each `<answer>`: its fraction (percent), text, feedback and line.
fn answers(
    q: &Element,
    notes: &mut Vec<Note>,
) -> Result<Vec<(f64, String, String, usize)>, String> {
    let mut out = Vec::new();
    for a in q.children("answer") {
        let fraction = a.attr("fraction").unwrap_or("0").trim();
        let fraction: f64 = fraction
            .parse()
            .ok()
            .filter(|f: &f64| f.is_finite() && (-100.0..=100.0).contains(f))
            .ok_or_else(|| format!("an answer's fraction \"{fraction}\" (line {}) is not a percentage from -100 to 100; fix it", a.line))?;
        let text = {
            let raw = a.child("text").map(Element::text).unwrap_or_default();
            if a.attr("format").is_some_and(|f| f == "html") {
                let ((plain, _), dropped) = html_text(&raw);
                if dropped {
                    notes.push(Note::at(
                        a.line,
                        Level::Note,
                        "HTML formatting in an answer was removed",
                    ));
                }
                plain
            } else {
                raw.trim().to_owned()
            }
        };
        let why = field_text(a, "feedback", notes);
        out.push((fraction, text, why, a.line));
    }
    Ok(out)
}

fn multichoice(
    q: &Element,
    settings: &ImportSettings,
    notes: &mut Vec<Note>,
) -> Result<Imported, String> {
    let single = q
        .child("single")
        .is_none_or(|s| matches!(s.text().trim(), "true" | "1"));
    let answers = answers(q, notes)?;
    if answers.len() < 2 {
        return Err(
            "a multiple-choice question with fewer than two answers; it was not converted".into(),
        );
    }
    let right: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.0 > 0.0)
        .map(|(i, _)| i)
        .collect();
    if right.is_empty() {
        return Err(
            "no answer has a positive fraction, so none is right; it was not converted".into(),
        );
    }
    let kind = if single {
        QuestionType::Single
    } else {
        QuestionType::Multiple
    };
    if single && right.len() > 1 {
        return Err(format!(
            "a one-answer question gives credit to {} answers; FirstLine's single questions have one right answer (make it <single>false</single> or give one answer 100); it was not converted",
            right.len()
        ));
    }
    let partial = if single {
        answers.iter().any(|a| a.0 > 0.0 && a.0 < 100.0)
    } else {
        answers.iter().any(|a| a.0 < 0.0 && a.0 > -100.0)
            || answers
                .iter()
                .filter(|a| a.0 > 0.0)
                .map(|a| a.0)
                .fold(0.0, |s, f| s + f)
                < 99.0
    };
    if partial {
        notes.push(Note::at(
            q.line,
            Level::Note,
            "partial-credit fractions are not kept: FirstLine scores the right answers it names",
        ));
    }
    let mut item = base(q, kind, settings, notes);
    item.question.options = answers
        .into_iter()
        .map(|(_, text, why, _)| RawOption {
            text,
            why,
            pinned: false,
        })
        .collect();
    item.question.answer = Some(AnswerKey(right));
    Ok(item)
}

fn truefalse(
    q: &Element,
    settings: &ImportSettings,
    notes: &mut Vec<Note>,
) -> Result<Imported, String> {
    let answers = answers(q, notes)?;
    let right: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.0 >= 100.0)
        .map(|(i, _)| i)
        .collect();
    if answers.len() != 2 || right.len() != 1 {
        return Err(
            "a true/false question needs two answers, one with fraction 100; it was not converted"
                .into(),
        );
    }
    let mut item = base(q, QuestionType::Single, settings, notes);
    // True before False, as written.
    item.question.shuffle = false;
    item.question.options = answers
        .into_iter()
        .map(|(_, text, why, _)| RawOption {
            text: match text.to_ascii_lowercase().as_str() {
                "true" => "True".into(),
                "false" => "False".into(),
                _ => text,
            },
            why,
            pinned: false,
        })
        .collect();
    item.question.answer = Some(AnswerKey(right));
    Ok(item)
}

fn shortanswer(
    q: &Element,
    settings: &ImportSettings,
    notes: &mut Vec<Note>,
) -> Result<Imported, String> {
    let answers = answers(q, notes)?;
    let mut accept = Vec::new();
    for (fraction, text, _, line) in answers {
        if fraction >= 100.0 {
            accept.push(text);
        } else {
            notes.push(Note::at(line, Level::Skipped, format!("the answer \"{text}\" earns {fraction}%, and FirstLine accepts only full answers; it was not kept")));
        }
    }
    if accept.is_empty() {
        return Err("a short-answer question with no answer at 100%; it was not converted".into());
    }
    if q.child("usecase").is_some_and(|u| u.text().trim() == "1") {
        notes.push(Note::at(
            q.line,
            Level::Note,
            "Moodle compared case; FirstLine ignores case in typed answers",
        ));
    }
    if accept.iter().any(|a| a.contains('*')) {
        notes.push(Note::at(q.line, Level::Todo, "an answer uses Moodle's * wildcard, which FirstLine reads as a star; write the answers out"));
    }
    let mut item = base(q, QuestionType::Fill, settings, notes);
    item.question.shuffle = true;
    item.question.accept = accept;
    Ok(item)
}

fn matching(
    q: &Element,
    settings: &ImportSettings,
    notes: &mut Vec<Note>,
) -> Result<Imported, String> {
    let mut pairs = Vec::new();
    let mut distractors = Vec::new();
    for sub in q.children("subquestion") {
        let raw = sub.child("text").map(Element::text).unwrap_or_default();
        let left = if sub.attr("format").is_some_and(|f| f == "html") {
            html_text(&raw).0 .0
        } else {
            raw.trim().to_owned()
        };
        let right = sub
            .child("answer")
            .map(|a| a.child("text").map_or_else(|| a.text(), Element::text))
            .unwrap_or_default()
            .trim()
            .to_owned();
        if left.is_empty() {
            distractors.push(right);
        } else {
            pairs.push(RawPair {
                left,
                right,
                why: String::new(),
            });
        }
    }
    if pairs.len() < 2 {
        return Err("a matching question with fewer than two pairs; it was not converted".into());
    }
    let mut item = base(q, QuestionType::Matching, settings, notes);
    item.question.pairs = pairs;
    item.question.distractors = distractors;
    Ok(item)
}

/// HTML as plain text: paragraphs apart by a blank line, `<br>` a line
/// break, a final `<pre>` the exhibit, the common entities decoded; other
/// tags removed (the flag says whether any were).
fn html_text(html: &str) -> ((String, Option<String>), bool) {
    let (body, exhibit) = match html.rfind("<pre>") {
        Some(at) if html.trim_end().ends_with("</pre>") => {
            let inner = &html[at + 5..html.trim_end().len() - 6];
            (&html[..at], Some(entities(inner)))
        }
        _ => (html, None),
    };
    let mut text = String::new();
    let mut dropped = false;
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match name {
            "p" | "div" if tag.starts_with('/') => text.push_str("\n\n"),
            "p" | "div" => {}
            "br" => text.push('\n'),
            _ => dropped = true,
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let text = entities(&text);
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            p.lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_owned()
        })
        .filter(|p| !p.is_empty())
        .collect();
    (
        (
            paragraphs.join("\n\n"),
            exhibit.filter(|e| !e.trim().is_empty()),
        ),
        dropped,
    )
}

/// The HTML entities Moodle's editor writes; any other stays as written.
fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|end| {
            let entity = &rest[at + 1..at + end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[at + end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_paragraphs_and_an_exhibit() {
        let ((text, exhibit), dropped) = html_text(
            "<p>First &amp; <b>bold</b></p><p>Second<br>line</p><pre>C:\\&gt; ipconfig</pre>",
        );
        assert_eq!(text, "First & bold\n\nSecond\nline");
        assert_eq!(exhibit.as_deref(), Some("C:\\> ipconfig"));
        assert!(dropped);
        assert_eq!(entities("a &bogus; b &#65;"), "a &bogus; b A");
    }
}
