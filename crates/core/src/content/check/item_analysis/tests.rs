//! Each rule on a small bank, loaded the way `firstline check` loads it.
//! Every test fails when its rule is broken or its threshold moves.

use serde_json::{json, Value};

use super::{analyse, CueKind, ItemAnalysis, DOCS};
use crate::content::locate::locate;
use crate::content::path::JsonPath;
use crate::content::{Finding, Library, Severity, Source};

const BLUEPRINT: &str = "questions/exams/test.json";
const SET: &str = "questions/TEST-1/set.json";

fn blueprint() -> Source {
    let exam = json!({
        "kind": "exam", "id": "TEST-1", "name": "Fixture exam", "question_count": 2,
        "minutes": 10, "passing_score": 700,
        "domains": [{ "id": "1.0", "name": "One", "weight": 100,
                      "objectives": [{ "id": "1.1", "title": "First" }] }]
    });
    Source::new(BLUEPRINT, pretty(&exam))
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap()
}

fn options(key: &str, distractors: &[&str]) -> Value {
    let mut all = vec![json!({ "text": key, "why": "Right." })];
    all.extend(
        distractors
            .iter()
            .map(|d| json!({ "text": d, "why": "Wrong." })),
    );
    Value::Array(all)
}

/// A single-answer question; the key is option 0.
fn single(id: &str, prompt: &str, key: &str, distractors: &[&str]) -> Value {
    json!({
        "id": id, "objective": "1.1", "difficulty": "easy", "type": "single",
        "prompt": prompt, "explanation": "Because.",
        "options": options(key, distractors), "answer": 0
    })
}

/// A prompt too short for the near-duplicate rule, distinct per question.
fn short_prompt(n: usize) -> String {
    format!("Pick {n}.")
}

/// `longest` of `total` questions have a key one character longer than
/// every distractor; in the rest the key ties.
fn bank(longest: usize, total: usize) -> Vec<Value> {
    (0..total)
        .map(|n| {
            let key = if n < longest { "abcd" } else { "abc" };
            single(&format!("q{n}"), &short_prompt(n), key, &["abd", "abe"])
        })
        .collect()
}

fn load(questions: Vec<Value>) -> (ItemAnalysis, Vec<Finding>) {
    let set = json!({ "kind": "question-set", "exam": "TEST-1", "questions": questions });
    let sources = vec![blueprint(), Source::new(SET, pretty(&set))];
    let report = Library::load_for_authoring(sources);
    let loaded = report.library.questions.len();
    assert_eq!(
        loaded,
        set["questions"].as_array().unwrap().len(),
        "{:#?}",
        report.findings
    );
    (analyse(&report.library), report.findings)
}

fn with_docs(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.message.contains(DOCS))
        .collect()
}

#[test]
fn two_of_five_keys_longest_is_an_error_at_the_blueprint() {
    let (analysis, findings) = load(bank(2, 5));
    let share = &analysis.exams[0].keys;
    assert_eq!((share.longest, share.items), (2, 5));
    let errors: Vec<&Finding> = findings.iter().filter(|f| f.is_error()).collect();
    assert_eq!(errors.len(), 1, "{findings:#?}");
    let error = errors[0];
    assert_eq!(error.file, BLUEPRINT);
    assert_eq!(error.path, "id");
    let line = blueprint()
        .text
        .lines()
        .nth(error.line - 1)
        .unwrap()
        .to_owned();
    assert_eq!(
        line.chars().skip(error.column - 1).collect::<String>(),
        "\"TEST-1\","
    );
    for part in [
        "TEST-1",
        "2 of 5",
        "(40%)",
        "30%",
        "shorten keys or give distractors their own qualifiers; see docs/content-format.md#item-writing",
    ] {
        assert!(error.message.contains(part), "{part}: {}", error.message);
    }
}

#[test]
fn one_of_five_keys_longest_passes() {
    let (analysis, findings) = load(bank(1, 5));
    assert_eq!(analysis.exams[0].keys.longest, 1);
    assert!(analysis.exams_over_limit().next().is_none());
    assert!(with_docs(&findings).is_empty(), "{findings:#?}");
}

#[test]
fn exactly_thirty_percent_passes() {
    let (analysis, _) = load(bank(3, 10));
    assert!(analysis.exams_over_limit().next().is_none());
    let (analysis, _) = load(bank(4, 10));
    assert_eq!(analysis.exams_over_limit().count(), 1);
}

#[test]
fn pbq_single_items_count_towards_the_share() {
    let mut questions = bank(1, 4);
    questions.push(json!({
        "id": "pbq", "objective": "1.1", "difficulty": "hard", "type": "pbq",
        "prompt": "Exhibit task.", "exhibit": "log", "explanation": "Because.",
        "items": [
            { "prompt": "First.", "type": "single", "options": options("abcd", &["abc", "abe"]), "answer": 0 },
            { "prompt": "Second.", "type": "fill", "accept": ["x"], "explanation": "Read it." },
            { "prompt": "Third.", "type": "single", "options": options("abc", &["abd", "abe"]), "answer": 0 }
        ]
    }));
    let (analysis, findings) = load(questions);
    let share = &analysis.exams[0].keys;
    assert_eq!((share.longest, share.items), (2, 6));
    assert_eq!(findings.iter().filter(|f| f.is_error()).count(), 1);
}

#[test]
fn a_much_longer_key_is_warned_at_its_option() {
    let (analysis, findings) = load(vec![
        // 18 against 10: 1.8 times and 8 longer.
        single(
            "long",
            &short_prompt(1),
            "abcdefghijklmnopqr",
            &["abcdefghij", "bcdefghijk"],
        ),
        // 15 against 10: 1.5 times but only 5 longer.
        single(
            "close",
            &short_prompt(2),
            "abcdefghijklmno",
            &["abcdefghij", "bcdefghijk"],
        ),
        // 27 against 20: 7 longer... and under 1.4 times.
        single(
            "ratio",
            &short_prompt(3),
            "abcdefghijklmnopqrstuvwxyza",
            &["abcdefghijklmnopqrst", "x"],
        ),
    ]);
    let long: Vec<_> = analysis
        .cues
        .iter()
        .filter(|c| matches!(c.kind, CueKind::LongKey { .. }))
        .collect();
    assert_eq!(long.len(), 1, "{:#?}", analysis.cues);
    assert_eq!(long[0].question, "long");
    let warning = findings
        .iter()
        .find(|f| f.message.contains("longest distractor"))
        .unwrap();
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.file, SET);
    assert_eq!(warning.path, "questions[0].options[0]");
    assert!(warning
        .message
        .contains("18 characters, 1.8 times the longest distractor (10)"));
}

#[test]
fn a_prompt_word_only_the_key_repeats_is_named() {
    let (analysis, findings) = load(vec![single(
        "echo",
        "Which setting protects laptops with encryption?",
        "Enable full-disk encryption",
        &["Enable a firmware password", "Enable screen locking"],
    )]);
    let echo: Vec<_> = analysis
        .cues
        .iter()
        .filter_map(|c| match &c.kind {
            CueKind::Echo { words, .. } => Some(words.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(echo, vec![vec!["encryption".to_owned()]]);
    let warning = findings
        .iter()
        .find(|f| f.message.contains("\"encryption\""))
        .unwrap();
    assert_eq!(warning.path, "questions[0].options[0]");
    assert!(warning.line > 1);
}

#[test]
fn an_echo_a_distractor_shares_is_no_cue() {
    let (analysis, _) = load(vec![single(
        "shared",
        "Which setting protects laptops with encryption?",
        "Enable full-disk encryption",
        // "encrypted" has the same stem as "encryption".
        &["Disable encrypted swap", "Enable screen locking"],
    )]);
    assert!(analysis.cues.is_empty(), "{:#?}", analysis.cues);
}

#[test]
fn a_pbq_item_echoes_the_question_prompt_too() {
    let (analysis, findings) = load(vec![json!({
        "id": "pbq-echo", "objective": "1.1", "difficulty": "hard", "type": "pbq",
        "prompt": "The exhibit shows a router.", "exhibit": "log", "explanation": "Because.",
        "items": [
            { "prompt": "Pick one.", "type": "single", "options": options("abc", &["abd"]), "answer": 0 },
            { "prompt": "What fails?", "type": "single",
              "options": options("The router", &["The switch", "The cable"]), "answer": 0 }
        ]
    })]);
    let cue = analysis
        .cues
        .iter()
        .find(|c| matches!(c.kind, CueKind::Echo { .. }))
        .unwrap();
    assert_eq!(cue.item, Some(1));
    let warning = findings
        .iter()
        .find(|f| f.message.contains("\"router\""))
        .unwrap();
    assert_eq!(warning.path, "questions[0].items[1].options[0]");
    assert!(
        warning.message.starts_with("item 2: "),
        "{}",
        warning.message
    );
}

fn matching(id: &str, rights: &[&str], distractors: &[&str]) -> Value {
    let pairs: Vec<Value> = rights
        .iter()
        .enumerate()
        .map(|(i, r)| json!({ "left": format!("left {i}"), "right": r, "why": "Because." }))
        .collect();
    json!({
        "id": id, "objective": "1.1", "difficulty": "easy", "type": "matching",
        "prompt": format!("Match {id}."), "explanation": "Because.",
        "pairs": pairs, "distractors": distractors
    })
}

#[test]
fn matching_without_a_spare_choice_is_warned() {
    let (analysis, findings) = load(vec![
        matching("distinct", &["TCP", "UDP", "ICMP"], &[]),
        matching("repeated", &["TCP", "UDP", "TCP"], &[]),
        matching("spare", &["TCP", "UDP", "ICMP"], &["ARP"]),
    ]);
    let flagged: Vec<&str> = analysis
        .cues
        .iter()
        .filter(|c| c.kind == CueKind::NoSpareChoice)
        .map(|c| c.question.as_str())
        .collect();
    assert_eq!(flagged, vec!["distinct"]);
    let warning = findings
        .iter()
        .find(|f| f.message.contains("elimination"))
        .unwrap();
    assert_eq!(warning.path, "questions[0].pairs");
    assert!(warning.message.contains(
        "no spare right-hand choice, so the last pair is found by elimination; add one or more distractors"
    ));
}

#[test]
fn near_duplicate_prompts_name_the_other_question() {
    let (analysis, findings) = load(vec![
        single(
            "first",
            "A printer spooler service keeps stopping on the office workstation.",
            "abc",
            &["abd"],
        ),
        single(
            "other",
            "Outlook cannot reach the mailbox server after a password change.",
            "abc",
            &["abd"],
        ),
        single(
            "second",
            "The printer spooler service keeps stopping on a laptop.",
            "abc",
            &["abd"],
        ),
        single("short", "Printer spooler stopping.", "abc", &["abd"]),
    ]);
    let pairs: Vec<(&str, &str)> = analysis
        .cues
        .iter()
        .filter_map(|c| match &c.kind {
            CueKind::NearDuplicate { other, .. } => Some((c.question.as_str(), other.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(pairs, vec![("second", "first")]);
    let warning = findings
        .iter()
        .find(|f| f.message.contains("near-duplicate"))
        .unwrap();
    assert_eq!(warning.path, "questions[2].prompt");
    assert!(
        warning.message.contains(&format!("\"first\" ({SET})")),
        "{}",
        warning.message
    );
    assert_eq!(analysis.duplicates.prompts, 3);
    assert!(!analysis.duplicates.stopped);
}

#[test]
fn the_start_up_load_does_not_analyse_items() {
    let set = json!({ "kind": "question-set", "exam": "TEST-1", "questions": bank(5, 5) });
    let report = Library::load(vec![blueprint(), Source::new(SET, pretty(&set))]);
    assert!(
        with_docs(&report.findings).is_empty(),
        "{:#?}",
        report.findings
    );
    let authoring = Library::load_for_authoring(vec![blueprint(), Source::new(SET, pretty(&set))]);
    assert_eq!(authoring.error_count(), 1);
    let summary = authoring
        .files
        .iter()
        .find(|f| f.name == BLUEPRINT)
        .unwrap();
    assert_eq!(summary.errors, 1);
}

/// One locator serves every finding of a file (item analysis used to
/// read the file again for each): each warning is where locating its
/// path alone puts it.
#[test]
fn many_cues_in_one_file_are_each_located_as_alone() {
    let questions: Vec<Value> = (0..40)
        .map(|n| {
            single(
                &format!("q{n}"),
                &short_prompt(n),
                "abcdefghijklmnopqr",
                &["abcdefghij", "bcdefghijk"],
            )
        })
        .collect();
    let set = json!({ "kind": "question-set", "exam": "TEST-1", "questions": questions });
    let text = pretty(&set);
    let (_, findings) = load(questions);
    let mut located = 0;
    for n in (0..40).rev() {
        let path = JsonPath::root()
            .key("questions")
            .index(n)
            .key("options")
            .index(0);
        let alone = locate(&text, &path);
        let finding = findings
            .iter()
            .find(|f| f.file == SET && f.path == path.to_string())
            .unwrap_or_else(|| panic!("no finding at {path}: {findings:#?}"));
        assert_eq!((finding.line, finding.column), (alone.line, alone.column));
        located += 1;
    }
    assert_eq!(located, 40);
}
