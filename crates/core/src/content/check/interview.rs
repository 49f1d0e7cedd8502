//! Checks interview questions: the fields each type needs and key points
//! with phrases; and, for authors, that each example or model answer covers
//! most of its own key points (so the scorer and the example agree).

use std::ops::Range;

use crate::content::finding::Reporter;
use crate::content::interview::{InterviewKind, InterviewQuestion, InterviewSet};
use crate::content::path::JsonPath;
use crate::interview::coverage::prompt_keys;
use crate::interview::score::{score_star, score_technical};
use crate::interview::{Part, StarAnswer};
use crate::text::generic::is_generic;
use crate::text::tokens;

/// Checks the questions of a set at `indices` (a set is checked a range
/// at a time, so reading a large file can give way between ranges) and
/// returns the sound ones, each with its index in the file.
pub fn check_questions(
    set: &InterviewSet,
    indices: Range<usize>,
    report: &mut Reporter,
) -> Vec<(usize, InterviewQuestion)> {
    let mut out = Vec::new();
    let taken = indices.end.saturating_sub(indices.start);
    for (i, q) in set
        .questions
        .iter()
        .enumerate()
        .skip(indices.start)
        .take(taken)
    {
        let path = JsonPath::root().key("questions").index(i);
        let before = report.error_count();
        if q.id.trim().is_empty() || q.id.chars().any(char::is_whitespace) {
            report.error(
                &path.key("id"),
                format!("question id \"{}\" must be non-empty with no spaces", q.id),
            );
        }
        if q.prompt.trim().is_empty() {
            report.error(&path.key("prompt"), "write the question");
        }
        if q.key_points.len() < 3 {
            report.error(
                &path.key("key_points"),
                format!(
                    "list at least 3 key points a strong answer covers; found {}",
                    q.key_points.len()
                ),
            );
        }
        for (k, point) in q.key_points.iter().enumerate() {
            let kpath = path.key("key_points").index(k);
            if q.key_points[..k].iter().any(|p| p.id == point.id) {
                report.error(
                    &kpath.key("id"),
                    format!("duplicate key point id \"{}\"", point.id),
                );
            }
            if point.groups().next().is_none() {
                report.error(
                    &kpath.key("phrases"),
                    format!(
                        "key point \"{}\" needs \"phrases\" or \"all\" to look for",
                        point.id
                    ),
                );
            }
            let groups = std::iter::once(("phrases", None, &point.phrases)).chain(
                point
                    .all
                    .iter()
                    .enumerate()
                    .map(|(g, v)| ("all", Some(g), v)),
            );
            for (field, group, phrases) in groups {
                let empty = phrases.iter().all(|p| p.trim().is_empty());
                if empty && (field == "all" || !phrases.is_empty()) {
                    let at = match group {
                        Some(g) => kpath.key(field).index(g),
                        None => kpath.key(field),
                    };
                    report.error(
                        &at,
                        format!("key point \"{}\" has an empty group of phrases", point.id),
                    );
                }
            }
        }
        if q.tips.is_empty() {
            report.error(&path.key("tips"), "give at least one tip");
        }
        match q.kind {
            InterviewKind::Behavioural => {
                if q.competency.is_none() {
                    report.error(&path, "a behavioural question needs \"competency\"");
                }
                match &q.example {
                    None => report.error(
                        &path,
                        "a behavioural question needs an \"example\" STAR answer",
                    ),
                    Some(e) => {
                        for (field, text) in [
                            ("situation", &e.situation),
                            ("task", &e.task),
                            ("action", &e.action),
                            ("result", &e.result),
                        ] {
                            if text.trim().is_empty() {
                                report.error(
                                    &path.key("example").key(field),
                                    format!("the example's {field} is empty"),
                                );
                            }
                        }
                    }
                }
            }
            InterviewKind::Technical => {
                if q.topic.is_none() {
                    report.error(&path, "a technical question needs \"topic\"");
                }
                if q.model_answer
                    .as_deref()
                    .is_none_or(|a| a.trim().is_empty())
                {
                    report.error(&path, "a technical question needs a \"model_answer\"");
                }
            }
        }
        if report.error_count() > before {
            continue;
        }
        out.push((i, q.clone()));
    }
    out
}

/// An authoring check, run by `firstline check` but not in the browser (it
/// needs the answer scorer): each example or model answer must earn every
/// one of its own key points, with none contradicted, so the scorer and the
/// example agree; and each key point must be earnable at all, that is have
/// a phrase with a word that is neither in the prompt nor general.
pub fn check_examples(set: &InterviewSet, report: &mut Reporter) {
    for (i, q) in set.questions.iter().enumerate() {
        let path = JsonPath::root().key("questions").index(i);
        unearnable(q, &path, report);
        let feedback = match (&q.kind, &q.example, &q.model_answer) {
            (InterviewKind::Behavioural, Some(e), _) => Some(score_star(
                &StarAnswer {
                    situation: e.situation.clone(),
                    task: e.task.clone(),
                    action: e.action.clone(),
                    result: e.result.clone(),
                },
                q,
            )),
            (InterviewKind::Technical, _, Some(a)) => Some(score_technical(a, q)),
            _ => None,
        };
        let Some(f) = feedback else { continue };
        let field = if q.kind == InterviewKind::Behavioural {
            "example"
        } else {
            "model_answer"
        };
        let missing: Vec<String> = f
            .key_points
            .iter()
            .filter(|k| k.found.is_none())
            .map(|k| match &k.unearned {
                Some(why) => format!("{} ({why})", k.label),
                None => k.label.clone(),
            })
            .collect();
        if !missing.is_empty() {
            report.warning(
                &path.key(field),
                format!(
                    "the {field} covers only {} of {} key points (missing: {}); add phrases the answer uses, or improve the answer",
                    q.key_points.len() - missing.len(),
                    q.key_points.len(),
                    missing.join("; ")
                ),
            );
        }
        if let Some(&(part, start, end)) = f.lists.first() {
            let text = match (&q.example, &q.model_answer) {
                (Some(e), _) if q.kind == InterviewKind::Behavioural => match part {
                    Part::Situation => &e.situation,
                    Part::Task => &e.task,
                    Part::Action => &e.action,
                    _ => &e.result,
                },
                (_, Some(a)) => a,
                _ => "",
            };
            report.warning(
                &path.key(field),
                format!(
                    "the {field} has {} clause(s) that read as a list of words, not sentences, such as \"{}\"; the scorer gives them nothing",
                    f.lists.len(),
                    text.get(start..end).unwrap_or("")
                ),
            );
        }
    }
}

/// Warns about key points no answer can earn: every phrase is made only of
/// words from the prompt and general words.
fn unearnable(q: &InterviewQuestion, path: &JsonPath, report: &mut Reporter) {
    let prompt = prompt_keys(&q.prompt);
    for (k, point) in q.key_points.iter().enumerate() {
        let earnable = point.groups().flatten().any(|phrase| {
            tokens(phrase)
                .iter()
                .any(|t| !prompt.contains(&t.key) && !is_generic(t))
        });
        if !earnable {
            report.warning(
                &path.key("key_points").index(k),
                format!(
                    "key point \"{}\" can never be earned: its phrases use only words of the prompt or general words; add the specific fact",
                    point.id
                ),
            );
        }
    }
}
