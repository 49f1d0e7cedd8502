//! Turns written questions into checked ones, reporting every problem with
//! its location. A bad question is left out; the rest of its file loads.

use std::ops::Range;

use crate::content::exam::Exam;
use crate::content::finding::Reporter;
use crate::content::path::JsonPath;
use crate::content::question::{
    AnswerKey, Body, Item, Question, QuestionSet, QuestionType, RawPair, RawStep, Task,
};
use crate::content::sim::Sim;
use crate::content::written::{self, TaskFields};

/// Number keys 1-9 pick options, so no task offers more than nine.
pub const MAX_OPTIONS: usize = 9;

/// Warns, once per set, when its exam has no blueprint (its questions'
/// objectives then go unchecked). Comes before the questions' findings.
pub fn check_blueprint_known(set: &QuestionSet, exam: Option<&Exam>, report: &mut Reporter) {
    if exam.is_none() {
        report.warning(
            &JsonPath::root().key("exam"),
            format!(
                "no exam blueprint with id \"{}\" was loaded, so objectives are not checked; add a file with \"kind\": \"exam\" and this id",
                set.exam
            ),
        );
    }
}

/// Checks the questions of a set at `indices` (a set is checked a range
/// at a time, so reading a large file can give way between ranges)
/// against its exam's blueprint (when the blueprint is known) and returns
/// the ones that are sound, each with its index in the file.
pub fn check_questions(
    set: &QuestionSet,
    exam: Option<&Exam>,
    indices: Range<usize>,
    report: &mut Reporter,
) -> Vec<(usize, Question)> {
    check_questions_with(set, exam, indices, report, super::sim::check)
}

/// `check_questions` for a set read without sims (`content::no_sim`): no
/// question has one, so the sim checks, a good part of this code, are
/// left out of the readers that read such sets.
pub fn check_questions_without_sims(
    set: &QuestionSet,
    exam: Option<&Exam>,
    indices: Range<usize>,
    report: &mut Reporter,
) -> Vec<(usize, Question)> {
    check_questions_with(set, exam, indices, report, |_, at, report| {
        report.error(at, crate::content::no_sim::SIM_NOT_READ);
        false
    })
}

/// Checks a sim (`check::sim::check`): whether it is sound, its findings
/// reported.
type CheckSim = fn(&Sim, &JsonPath, &mut Reporter) -> bool;

fn check_questions_with(
    set: &QuestionSet,
    exam: Option<&Exam>,
    indices: Range<usize>,
    report: &mut Reporter,
    check_sim_model: CheckSim,
) -> Vec<(usize, Question)> {
    let root = JsonPath::root();
    let mut out = Vec::new();
    let taken = indices.end.saturating_sub(indices.start);
    for (index, raw) in set
        .questions
        .iter()
        .enumerate()
        .skip(indices.start)
        .take(taken)
    {
        let path = root.key("questions").index(index);
        let before = report.error_count();
        check_text(report, &path.key("id"), &raw.id, "id");
        if raw.id.chars().any(char::is_whitespace) {
            report.error(
                &path.key("id"),
                format!(
                    "question id \"{}\" contains spaces; use letters, digits and dashes",
                    raw.id
                ),
            );
        }
        check_text(report, &path.key("prompt"), &raw.prompt, "prompt");
        check_text(
            report,
            &path.key("explanation"),
            &raw.explanation,
            "explanation",
        );
        if let Some(exam) = exam {
            if exam.objective(&raw.objective).is_none() {
                let known: Vec<&str> = exam
                    .domains
                    .iter()
                    .flat_map(|d| &d.objectives)
                    .map(|o| o.id.as_str())
                    .collect();
                report.error(
                    &path.key("objective"),
                    format!(
                        "objective \"{}\" is not in the {} blueprint; use one of {}",
                        raw.objective,
                        exam.id,
                        known.join(", ")
                    ),
                );
            }
        }
        if raw.kind != QuestionType::Sim && raw.sim.is_some() {
            report.error(
                &path.key("sim"),
                format!(
                    "\"sim\" belongs to sim questions, not {}; remove it or set \"type\": \"sim\"",
                    raw.kind.name()
                ),
            );
        }
        let body = if raw.kind == QuestionType::Pbq {
            check_pbq(raw, &path, report)
        } else if raw.kind == QuestionType::Sim {
            check_sim(raw, &path, report, check_sim_model)
        } else {
            if !raw.items.is_empty() {
                report.error(&path.key("items"), format!("\"items\" belongs to pbq questions, not {}; remove it or set \"type\": \"pbq\"", raw.kind.name()));
            }
            check_task(&TaskFields::of_question(raw), &path, report).map(Body::Task)
        };
        if report.error_count() > before {
            continue;
        }
        let Some(body) = body else { continue };
        let question = written::question(raw, &set.exam, exam, body, report.file());
        out.push((index, question));
    }
    out
}

fn check_text(report: &mut Reporter, path: &JsonPath, text: &str, what: &str) {
    if text.trim().is_empty() {
        report.error(path, format!("{what} is empty; write the {what}"));
    }
}

fn check_pbq(
    raw: &crate::content::question::RawQuestion,
    path: &JsonPath,
    report: &mut Reporter,
) -> Option<Body> {
    if raw.exhibit.as_deref().is_none_or(|e| e.trim().is_empty()) {
        report.error(&path.key("exhibit"), "a pbq question needs an \"exhibit\" (the output, log or configuration the items are about)");
    }
    for (field, used) in [
        ("options", !raw.options.is_empty()),
        ("answer", raw.answer.is_some()),
        ("pairs", !raw.pairs.is_empty()),
        ("steps", !raw.steps.is_empty()),
        ("accept", !raw.accept.is_empty()),
        ("distractors", !raw.distractors.is_empty()),
    ] {
        if used {
            report.error(
                &path.key(field),
                format!(
                    "a pbq question keeps \"{field}\" inside each of its \"items\"; move it there"
                ),
            );
        }
    }
    if raw.items.len() < 2 {
        report.error(
            &path.key("items"),
            format!(
                "a pbq question needs at least 2 items, found {}",
                raw.items.len()
            ),
        );
    }
    check_items(&raw.items, path, report).map(Body::Pbq)
}

/// The items of a pbq or sim question, each a task of another type; `None`
/// if any is unsound.
fn check_items(
    raw_items: &[crate::content::question::RawItem],
    path: &JsonPath,
    report: &mut Reporter,
) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    for (i, item) in raw_items.iter().enumerate() {
        let ipath = path.key("items").index(i);
        check_text(report, &ipath.key("prompt"), &item.prompt, "prompt");
        if matches!(item.kind, QuestionType::Pbq | QuestionType::Sim) {
            report.error(
                &ipath.key("type"),
                "an item cannot itself be a pbq; use single, multiple, ordering, matching or fill",
            );
            continue;
        }
        let fields = TaskFields::of_item(item);
        if item.kind == QuestionType::Fill
            && item
                .explanation
                .as_deref()
                .is_none_or(|e| e.trim().is_empty())
        {
            report.error(
                &ipath.key("explanation"),
                "a fill item needs an \"explanation\" of how the value is found",
            );
        }
        if let Some(task) = check_task(&fields, &ipath, report) {
            items.push(Item {
                prompt: item.prompt.clone(),
                task,
                explanation: item.explanation.clone(),
            });
        }
    }
    (items.len() == raw_items.len()).then_some(items)
}

/// A simulation: its `sim` (`content/check/sim.rs`) and any items answered
/// from it; the task fields belong inside the items.
fn check_sim(
    raw: &crate::content::question::RawQuestion,
    path: &JsonPath,
    report: &mut Reporter,
    check_sim_model: CheckSim,
) -> Option<Body> {
    for (field, used) in [
        ("options", !raw.options.is_empty()),
        ("answer", raw.answer.is_some()),
        ("pairs", !raw.pairs.is_empty()),
        ("steps", !raw.steps.is_empty()),
        ("accept", !raw.accept.is_empty()),
        ("distractors", !raw.distractors.is_empty()),
    ] {
        if used {
            report.error(
                &path.key(field),
                format!("a sim question keeps \"{field}\" inside its \"sim\" or its \"items\"; move it there"),
            );
        }
    }
    let Some(sim) = &raw.sim else {
        report.error(path, "a sim question needs a \"sim\" object with a \"kind\": \"terminal\", \"form\", \"place\" or \"acl\"");
        return None;
    };
    let sound = check_sim_model(sim, &path.key("sim"), report);
    let items = check_items(&raw.items, path, report)?;
    sound.then(|| Body::Sim {
        task: Task::Sim(Box::new(sim.clone())),
        items,
    })
}

fn check_task(fields: &TaskFields, path: &JsonPath, report: &mut Reporter) -> Option<Task> {
    let kind = fields.kind;
    let unused = |report: &mut Reporter, field: &str, used: bool| {
        if used {
            report.error(
                &path.key(field),
                format!(
                    "\"{field}\" is not used by a {} task; remove it",
                    kind.name()
                ),
            );
        }
    };
    let has_options = matches!(kind, QuestionType::Single | QuestionType::Multiple);
    unused(
        report,
        "options",
        !has_options && !fields.options.is_empty(),
    );
    unused(report, "answer", !has_options && fields.answer.is_some());
    unused(
        report,
        "pairs",
        kind != QuestionType::Matching && !fields.pairs.is_empty(),
    );
    unused(
        report,
        "distractors",
        kind != QuestionType::Matching && !fields.distractors.is_empty(),
    );
    unused(
        report,
        "steps",
        kind != QuestionType::Ordering && !fields.steps.is_empty(),
    );
    unused(
        report,
        "accept",
        kind != QuestionType::Fill && !fields.accept.is_empty(),
    );
    match kind {
        QuestionType::Single | QuestionType::Multiple => check_choices(fields, path, report),
        QuestionType::Ordering => check_steps(fields.steps, path, report),
        QuestionType::Matching => check_pairs(fields.pairs, fields.distractors, path, report),
        QuestionType::Fill => {
            let accept: Vec<String> = fields.accept.to_vec();
            if accept.is_empty() {
                report.error(
                    &path.key("accept"),
                    "a fill task needs \"accept\": the list of answers counted as right",
                );
                return None;
            }
            for (i, a) in accept.iter().enumerate() {
                if crate::content::normalise::normalise(a).is_empty() {
                    report.error(&path.key("accept").index(i), "an accepted answer is empty");
                }
            }
            written::fill(&accept)
        }
        QuestionType::Pbq | QuestionType::Sim => None,
    }
}

fn check_choices(fields: &TaskFields, path: &JsonPath, report: &mut Reporter) -> Option<Task> {
    let options = fields.options;
    let before = report.error_count();
    let multiple = fields.kind == QuestionType::Multiple;
    let min = if multiple { 3 } else { 2 };
    if options.len() < min || options.len() > MAX_OPTIONS {
        report.error(
            &path.key("options"),
            format!(
                "a {} task needs {min} to {MAX_OPTIONS} options, found {}",
                fields.kind.name(),
                options.len()
            ),
        );
    }
    for (i, option) in options.iter().enumerate() {
        let opath = path.key("options").index(i);
        check_text(report, &opath.key("text"), &option.text, "option text");
        if option.why.trim().is_empty() {
            report.error(
                &opath.key("why"),
                "explain why this option is right or wrong in \"why\"",
            );
        }
        if options[..i]
            .iter()
            .any(|o| o.text.trim() == option.text.trim())
        {
            report.error(
                &opath.key("text"),
                format!("option \"{}\" appears twice", option.text),
            );
        }
    }
    let Some(AnswerKey(key)) = fields.answer else {
        report.error(path, "the answer key is missing: add \"answer\" with the index of the correct option (0 is the first)");
        return None;
    };
    let apath = path.key("answer");
    for (i, &index) in key.iter().enumerate() {
        if index >= options.len() {
            report.error(
                &apath,
                format!(
                    "answer {index} is out of range: there are {} options, numbered 0 to {}",
                    options.len(),
                    options.len().saturating_sub(1)
                ),
            );
        }
        if key[..i].contains(&index) {
            report.error(&apath, format!("answer {index} is listed twice"));
        }
    }
    if multiple {
        if !says_how_many(fields.prompt, key.len()) {
            report.error(
                &path.key("prompt"),
                format!(
                    "a multiple task's prompt must say how many to pick, such as \"(Choose {}.)\"",
                    number_word(key.len())
                ),
            );
        }
        if key.len() < 2 || key.len() >= options.len() {
            report.error(
                &apath,
                format!("a multiple task needs at least 2 correct options and at least one wrong one; the key lists {}", key.len()),
            );
        }
    } else if key.len() != 1 {
        report.error(
            &apath,
            format!(
                "a single task has exactly one correct option; the key lists {}",
                key.len()
            ),
        );
    }
    if report.error_count() > before {
        return None;
    }
    written::choices(fields.kind, options, key)
}

fn check_steps(steps: &[RawStep], path: &JsonPath, report: &mut Reporter) -> Option<Task> {
    let before = report.error_count();
    if steps.len() < 3 || steps.len() > MAX_OPTIONS {
        report.error(
            &path.key("steps"),
            format!(
                "an ordering task needs 3 to {MAX_OPTIONS} steps, found {}",
                steps.len()
            ),
        );
    }
    for (i, step) in steps.iter().enumerate() {
        let spath = path.key("steps").index(i);
        check_text(report, &spath.key("text"), &step.text, "step text");
        if step.why.trim().is_empty() {
            report.error(
                &spath.key("why"),
                "explain in \"why\" why this step comes where it does",
            );
        }
        if steps[..i].iter().any(|s| s.text.trim() == step.text.trim()) {
            report.error(
                &spath.key("text"),
                format!("step \"{}\" appears twice", step.text),
            );
        }
    }
    if report.error_count() > before {
        return None;
    }
    written::steps(steps)
}

fn check_pairs(
    pairs: &[RawPair],
    distractors: &[String],
    path: &JsonPath,
    report: &mut Reporter,
) -> Option<Task> {
    let before = report.error_count();
    if pairs.len() < 2 || pairs.len() > MAX_OPTIONS {
        report.error(
            &path.key("pairs"),
            format!(
                "a matching task needs 2 to {MAX_OPTIONS} pairs, found {}",
                pairs.len()
            ),
        );
    }
    for (i, pair) in pairs.iter().enumerate() {
        let ppath = path.key("pairs").index(i);
        check_text(report, &ppath.key("left"), &pair.left, "left side");
        check_text(report, &ppath.key("right"), &pair.right, "right side");
        if pair.why.trim().is_empty() {
            report.error(&ppath.key("why"), "explain the match in \"why\"");
        }
        if pairs[..i].iter().any(|p| p.left.trim() == pair.left.trim()) {
            report.error(
                &ppath.key("left"),
                format!("left item \"{}\" appears twice", pair.left),
            );
        }
    }
    for (i, d) in distractors.iter().enumerate() {
        if pairs.iter().any(|p| p.right.trim() == d.trim()) {
            report.error(
                &path.key("distractors").index(i),
                format!("distractor \"{d}\" is also a correct match; remove it"),
            );
        }
    }
    let task = written::pairs(pairs, distractors)?;
    if task.matching_choices().len() > MAX_OPTIONS {
        report.error(&path.key("distractors"), format!("a matching task offers at most {MAX_OPTIONS} choices on the right; remove some distractors"));
    }
    (report.error_count() == before).then_some(task)
}

fn number_word(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// Whether a prompt says "choose N" (as a word or digit) for this N.
fn says_how_many(prompt: &str, n: usize) -> bool {
    let lower = prompt.to_lowercase();
    let word = number_word(n);
    [
        format!("choose {word}"),
        format!("choose {n}"),
        format!("select {word}"),
        format!("select {n}"),
    ]
    .iter()
    .any(|phrase| lower.contains(phrase.as_str()))
}
