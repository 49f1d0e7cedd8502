//! Tests of the quiz engine against a small library built from JSON, the
//! same way the app and the CLI read content.

use serde_json::json;

use crate::content::library::{Library, Source};
use crate::content::question::QuestionType;
use crate::progress::{Attempt, Mode};

use super::answer::{Answer, Confidence};
use super::draw::{allocate, draw_exam, draw_practice, PracticeFilter};
use super::insights::{calibration, most_picked_wrong, weakest_objectives};
use super::present::present;
use super::results::{by_domain, estimate_scaled, grade};
use super::score::{is_complete, pair_order_score, score_question};
use super::session::{ActiveExam, ExamSession, ReviewFilter, SubmitReason, Tick};

fn exam_json(weights: [u32; 3]) -> serde_json::Value {
    json!({
        "kind": "exam", "id": "T-1", "name": "Test exam", "question_count": 6,
        "minutes": 10, "passing_score": 700,
        "domains": [
            { "id": "1.0", "name": "One", "weight": weights[0], "objectives": [{ "id": "1.1", "title": "a" }, { "id": "1.2", "title": "b" }] },
            { "id": "2.0", "name": "Two", "weight": weights[1], "objectives": [{ "id": "2.1", "title": "c" }] },
            { "id": "3.0", "name": "Three", "weight": weights[2], "objectives": [{ "id": "3.1", "title": "d" }] }
        ]
    })
}

fn single(id: &str, objective: &str) -> serde_json::Value {
    json!({
        "id": id, "objective": objective, "difficulty": "easy", "type": "single",
        "prompt": "Pick B", "explanation": "B it is.",
        "options": [
            { "text": "A", "why": "no" }, { "text": "B", "why": "yes" },
            { "text": "C", "why": "no" }, { "text": "None of these", "why": "no", "pinned": true }
        ],
        "answer": 1
    })
}

fn special_questions() -> Vec<serde_json::Value> {
    vec![
        json!({
            "id": "multi", "objective": "1.1", "difficulty": "medium", "type": "multiple",
            "prompt": "Pick A and C. (Choose two.)", "explanation": "A and C.",
            "options": [{ "text": "A", "why": "y" }, { "text": "B", "why": "n" }, { "text": "C", "why": "y" }, { "text": "D", "why": "n" }],
            "answer": [0, 2]
        }),
        json!({
            "id": "order", "objective": "1.2", "difficulty": "medium", "type": "ordering",
            "prompt": "Order", "explanation": "In order.",
            "steps": [{ "text": "1", "why": "a" }, { "text": "2", "why": "b" }, { "text": "3", "why": "c" }, { "text": "4", "why": "d" }]
        }),
        json!({
            "id": "match", "objective": "2.1", "difficulty": "hard", "type": "matching",
            "prompt": "Ports", "explanation": "Well-known ports.",
            "pairs": [{ "left": "22", "right": "SSH", "why": "a" }, { "left": "443", "right": "HTTPS", "why": "b" }, { "left": "25", "right": "SMTP", "why": "c" }, { "left": "587", "right": "SMTP", "why": "d" }],
            "distractors": ["Telnet"]
        }),
        json!({
            "id": "fill", "objective": "3.1", "difficulty": "hard", "type": "fill",
            "prompt": "Usable hosts in a /26? Type the number only.", "explanation": "64 - 2.",
            "accept": ["62"]
        }),
        json!({
            "id": "pbq", "objective": "2.1", "difficulty": "hard", "type": "pbq",
            "prompt": "Read the output.", "explanation": "See each item.", "exhibit": "IPv4 Address: 169.254.3.4",
            "items": [
                { "prompt": "What kind of address?", "type": "single", "options": [{ "text": "APIPA", "why": "y" }, { "text": "Public", "why": "n" }], "answer": 0 },
                { "prompt": "First octet?", "type": "fill", "accept": ["169"], "explanation": "It is 169." }
            ]
        }),
    ]
}

/// An exam with weights 50/30/20 and `per_domain` single questions in each
/// domain, plus one question of every other type.
fn library(per_domain: usize) -> Library {
    let mut questions = special_questions();
    for (domain, objective) in [("1", "1.1"), ("2", "2.1"), ("3", "3.1")] {
        for n in 0..per_domain {
            questions.push(single(&format!("d{domain}-{n}"), objective));
        }
    }
    let set = json!({ "kind": "question-set", "exam": "T-1", "questions": questions });
    let report = Library::load(vec![
        Source::new("exam.json", exam_json([50, 30, 20]).to_string()),
        Source::new("set.json", set.to_string()),
    ]);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    report.library
}

fn question<'a>(library: &'a Library, id: &str) -> &'a crate::content::question::Question {
    library.question(id).unwrap()
}

fn choice(picks: &[usize]) -> Option<Answer> {
    Some(Answer::Choice(picks.to_vec()))
}

// ---- scoring --------------------------------------------------------------

#[test]
fn single_answer_scores_all_or_nothing() {
    let lib = library(1);
    let q = question(&lib, "d1-0");
    assert_eq!(score_question(q, &vec![choice(&[1])]).score, 1.0);
    let wrong = score_question(q, &vec![choice(&[0])]);
    assert_eq!(wrong.score, 0.0);
    assert_eq!(wrong.wrong_picks(), vec!["A".to_string()]);
    assert_eq!(score_question(q, &vec![None]).score, 0.0);
}

#[test]
fn multiple_response_gives_partial_credit_and_punishes_extra_picks() {
    let lib = library(1);
    let q = question(&lib, "multi");
    assert_eq!(score_question(q, &vec![choice(&[2, 0])]).score, 1.0);
    let half = score_question(q, &vec![choice(&[0, 1])]);
    assert_eq!(half.score, 0.5);
    assert_eq!(half.wrong_picks(), vec!["B".to_string()]);
    assert_eq!(score_question(q, &vec![choice(&[1, 3])]).score, 0.0);
    // Picking everything cannot earn full marks.
    assert_eq!(score_question(q, &vec![choice(&[0, 1, 2, 3])]).score, 0.0);
    assert_eq!(score_question(q, &vec![choice(&[0, 1, 2])]).score, 0.5);
}

#[test]
fn ordering_scores_the_share_of_pairs_in_order() {
    let lib = library(1);
    let q = question(&lib, "order");
    let score =
        |order: &[usize]| score_question(q, &vec![Some(Answer::Order(order.to_vec()))]).score;
    assert_eq!(score(&[0, 1, 2, 3]), 1.0);
    assert_eq!(score(&[3, 2, 1, 0]), 0.0);
    // One adjacent swap breaks one of six pairs.
    assert!((score(&[1, 0, 2, 3]) - 5.0 / 6.0).abs() < 1e-9);
    // Not a permutation: no credit.
    assert_eq!(score(&[0, 0, 1, 2]), 0.0);
    assert_eq!(score(&[0, 1, 2]), 0.0);
    assert_eq!(pair_order_score(&[0, 1, 9], 3), 0.0);
}

#[test]
fn matching_gives_credit_per_pair_and_allows_shared_answers() {
    let lib = library(1);
    let q = question(&lib, "match");
    let task = q.tasks()[0];
    let choices = task.matching_choices();
    assert_eq!(choices, vec!["SSH", "HTTPS", "SMTP", "Telnet"]);
    let idx = |t: &str| choices.iter().position(|c| *c == t);
    let all = vec![idx("SSH"), idx("HTTPS"), idx("SMTP"), idx("SMTP")];
    assert_eq!(
        score_question(q, &vec![Some(Answer::Match(all))]).score,
        1.0
    );
    let some = vec![idx("Telnet"), idx("HTTPS"), idx("SMTP"), None];
    let scored = score_question(q, &vec![Some(Answer::Match(some))]);
    assert_eq!(scored.score, 0.5);
    assert_eq!(scored.wrong_picks(), vec!["22 → Telnet".to_string()]);
}

#[test]
fn fill_in_normalises_the_typed_answer() {
    let lib = library(1);
    let q = question(&lib, "fill");
    let score = |text: &str| score_question(q, &vec![Some(Answer::Text(text.into()))]).score;
    assert_eq!(score(" 62 "), 1.0);
    assert_eq!(score("62 hosts."), 1.0);
    assert_eq!(score("64"), 0.0);
}

#[test]
fn performance_based_questions_average_their_items() {
    let lib = library(1);
    let q = question(&lib, "pbq");
    assert_eq!(q.kind(), QuestionType::Pbq);
    let both = vec![choice(&[0]), Some(Answer::Text("169".into()))];
    assert_eq!(score_question(q, &both).score, 1.0);
    let one = vec![choice(&[1]), Some(Answer::Text("169".into()))];
    assert_eq!(score_question(q, &one).score, 0.5);
    let unanswered = vec![choice(&[0]), None];
    assert_eq!(score_question(q, &unanswered).score, 0.5);
    assert!(!is_complete(q, &unanswered));
    assert!(is_complete(q, &both));
}

// ---- presentation ---------------------------------------------------------

#[test]
fn shuffling_keeps_pinned_options_and_is_fixed_by_the_seed() {
    let lib = library(1);
    let q = question(&lib, "d1-0");
    let mut seen = std::collections::HashSet::new();
    for seed in 0..50 {
        let p = present(q, seed);
        assert_eq!(p, present(q, seed), "same seed, same order");
        let order = &p.tasks[0];
        assert_eq!(order[3], 3, "the pinned option stays last");
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3]);
        seen.insert(order.clone());
    }
    assert!(seen.len() > 3, "different seeds give different orders");
}

#[test]
fn an_ordering_task_never_starts_solved() {
    let lib = library(1);
    let q = question(&lib, "order");
    for seed in 0..200 {
        assert_ne!(present(q, seed).tasks[0], vec![0, 1, 2, 3]);
    }
}

// ---- drawing --------------------------------------------------------------

#[test]
fn allocation_follows_the_weights_exactly_when_possible() {
    let lib = library(1);
    let exam = lib.exam("T-1").unwrap();
    let plan = allocate(exam, &|_| 100, 10);
    assert_eq!(
        plan,
        vec![("1.0".into(), 5), ("2.0".into(), 3), ("3.0".into(), 2)]
    );
    let plan = allocate(exam, &|_| 100, 7);
    let total: usize = plan.iter().map(|p| p.1).sum();
    assert_eq!(total, 7);
}

#[test]
fn a_short_domain_hands_its_share_to_the_others() {
    let lib = library(1);
    let exam = lib.exam("T-1").unwrap();
    let plan = allocate(exam, &|d| if d == "1.0" { 2 } else { 100 }, 10);
    assert_eq!(plan[0].1, 2);
    assert_eq!(plan.iter().map(|p| p.1).sum::<usize>(), 10);
}

#[test]
fn real_blueprint_weights_allocate_a_full_exam() {
    let exam: crate::content::exam::Exam = serde_json::from_value(json!({
        "kind": "exam", "id": "X", "name": "X", "question_count": 90, "minutes": 90, "passing_score": 675,
        "domains": [
            { "id": "1.0", "name": "a", "weight": 13, "objectives": [] },
            { "id": "2.0", "name": "b", "weight": 23, "objectives": [] },
            { "id": "3.0", "name": "c", "weight": 25, "objectives": [] },
            { "id": "4.0", "name": "d", "weight": 11, "objectives": [] },
            { "id": "5.0", "name": "e", "weight": 28, "objectives": [] }
        ]
    }))
    .unwrap();
    let counts: Vec<usize> = allocate(&exam, &|_| 100, 90)
        .into_iter()
        .map(|p| p.1)
        .collect();
    assert_eq!(counts, vec![12, 21, 22, 10, 25]);
}

#[test]
fn exam_draws_match_the_weights_over_many_seeds_with_pbqs_first() {
    let lib = library(30);
    let exam = lib.exam("T-1").unwrap();
    let pool: Vec<&_> = lib.questions.iter().collect();
    let mut per_domain = [0usize; 3];
    let runs = 200;
    for seed in 0..runs {
        let ids = draw_exam(exam, &pool, 20, seed);
        assert_eq!(ids.len(), 20);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 20, "no question twice");
        let kinds: Vec<QuestionType> = ids.iter().map(|id| question(&lib, id).kind()).collect();
        if let Some(first_other) = kinds.iter().position(|k| *k != QuestionType::Pbq) {
            assert!(
                kinds[first_other..].iter().all(|k| *k != QuestionType::Pbq),
                "PBQs come first"
            );
        }
        for id in &ids {
            let d: usize = question(&lib, id).domain[..1].parse().unwrap();
            per_domain[d - 1] += 1;
        }
    }
    let total = (runs as usize * 20) as f64;
    for (share, want) in per_domain.iter().zip([0.5, 0.3, 0.2]) {
        assert!(
            (*share as f64 / total - want).abs() < 0.02,
            "{per_domain:?}"
        );
    }
    assert_eq!(draw_exam(exam, &pool, 20, 7), draw_exam(exam, &pool, 20, 7));
    assert_ne!(draw_exam(exam, &pool, 20, 7), draw_exam(exam, &pool, 20, 8));
}

#[test]
fn practice_draws_filter_and_prefer_unseen_questions() {
    let lib = library(5);
    let pool: Vec<&_> = lib.questions.iter().collect();
    let filter = PracticeFilter {
        exam: Some("T-1".into()),
        domains: vec!["2.0".into()],
        objectives: vec![],
    };
    let seen = |id: &str| id == "d2-0" || id == "d2-1";
    let ids = draw_practice(&pool, &filter, 4, &seen, 3);
    assert_eq!(ids.len(), 4);
    assert!(ids.iter().all(|id| question(&lib, id).domain == "2.0"));
    assert!(!ids.contains(&"d2-0".to_string()) && !ids.contains(&"d2-1".to_string()));
}

// ---- the timed exam -------------------------------------------------------

fn session(lib: &Library, limit_ms: u64) -> ExamSession {
    let exam = lib.exam("T-1").unwrap();
    let pool: Vec<&_> = lib.questions.iter().collect();
    let ids = draw_exam(exam, &pool, 6, 42);
    assert_eq!(ids.len(), 6);
    ExamSession::start("T-1", &ids, lib, 42, limit_ms, 1_000)
}

#[test]
fn the_clock_counts_only_while_the_exam_is_open() {
    let lib = library(5);
    let mut s = session(&lib, 60_000);
    assert_eq!(
        s.tick(11_000),
        Tick::Running {
            remaining_ms: 50_000
        }
    );
    // Saved and restored (a reload): the clock is paused until resumed.
    let saved = serde_json::to_string(&s).unwrap();
    let mut restored: ExamSession = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored.last_tick, None);
    restored.resume(500_000);
    assert_eq!(
        restored.tick(505_000),
        Tick::Running {
            remaining_ms: 45_000
        }
    );
}

#[test]
fn time_running_out_submits_the_exam() {
    let lib = library(5);
    let mut s = session(&lib, 60_000);
    s.answer(0, 0, Answer::Text("x".into()));
    assert_eq!(s.tick(61_000), Tick::TimedOut);
    assert_eq!(s.remaining_ms(), 0);
    assert_eq!(s.submitted.unwrap().reason, SubmitReason::Timeout);
    assert_eq!(s.tick(70_000), Tick::Finished);
    // Answers after the end are ignored.
    let before = s.items.clone();
    s.answer(1, 0, Answer::Choice(vec![0]));
    assert_eq!(s.items, before);
}

#[test]
fn a_resumed_exam_keeps_its_draw_order_answers_and_flags() {
    let lib = library(5);
    let mut s = session(&lib, 600_000);
    s.answer(2, 0, Answer::Choice(vec![1]));
    s.toggle_flag(3);
    s.set_confidence(2, Confidence::Unsure);
    s.go_to(3);
    let stored = ActiveExam {
        session: Some(s.clone()),
    };
    let text = serde_json::to_string(&stored).unwrap();
    let back: ActiveExam = serde_json::from_str(&text).unwrap();
    let back = back.session.unwrap();
    assert_eq!(
        back.items, s.items,
        "same questions, option orders, answers and flags"
    );
    assert_eq!(back.current, 3);
}

#[test]
fn the_review_screen_filters_flagged_and_unanswered_items() {
    let lib = library(5);
    let mut s = session(&lib, 600_000);
    let n = s.items.len();
    for i in 0..n {
        let q = question(&lib, &s.items[i].question);
        if q.kind() == QuestionType::Single {
            s.answer(i, 0, Answer::Choice(vec![0]));
        }
    }
    s.toggle_flag(0);
    assert_eq!(s.filtered(ReviewFilter::All, &lib).len(), n);
    assert_eq!(s.filtered(ReviewFilter::Flagged, &lib), vec![0]);
    let unanswered = s.filtered(ReviewFilter::Unanswered, &lib);
    for i in 0..n {
        let single = question(&lib, &s.items[i].question).kind() == QuestionType::Single;
        assert_eq!(unanswered.contains(&i), !single);
    }
}

#[test]
fn grading_estimates_a_scaled_score_and_breaks_it_down_by_domain() {
    assert_eq!(estimate_scaled(0.0), 100);
    assert_eq!(estimate_scaled(1.0), 900);
    assert_eq!(estimate_scaled(0.75), 700);
    let lib = library(5);
    let exam = lib.exam("T-1").unwrap();
    let ids: Vec<String> = ["d1-0", "d1-1", "d2-0", "d3-0"].map(String::from).to_vec();
    let mut s = ExamSession::start("T-1", &ids, &lib, 1, 60_000, 0);
    s.answer(0, 0, Answer::Choice(vec![1]));
    s.answer(1, 0, Answer::Choice(vec![1]));
    s.answer(2, 0, Answer::Choice(vec![1]));
    s.answer(3, 0, Answer::Choice(vec![0]));
    s.submit(5_000, SubmitReason::Learner);
    let record = grade(&s, exam, &lib, 6_000);
    assert_eq!(record.correct_count(), 3);
    assert_eq!(record.scaled, 700);
    assert!(record.passed());
    let domains = by_domain(&record, exam);
    assert_eq!(
        domains
            .iter()
            .map(|d| (d.id.as_str(), d.asked))
            .collect::<Vec<_>>(),
        vec![("1.0", 2), ("2.0", 1), ("3.0", 1)]
    );
    assert_eq!(domains[2].share(), 0.0);
    assert_eq!(record.finished_at, 5_000);
}

// ---- insights (the review schedule's tests are in review/tests.rs) --------

fn attempt(
    question: &str,
    objective: &str,
    score: f64,
    confidence: Option<Confidence>,
    wrong: &[&str],
) -> Attempt {
    Attempt {
        question: question.into(),
        exam: "T-1".into(),
        domain: format!("{}.0", &objective[..1]),
        objective: objective.into(),
        score,
        at: 0,
        mode: Mode::Practice,
        confidence,
        wrong_picks: wrong.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn calibration_shows_how_often_each_confidence_was_right() {
    let attempts = vec![
        attempt("a", "1.1", 1.0, Some(Confidence::Sure), &[]),
        attempt("b", "1.1", 0.0, Some(Confidence::Sure), &["X"]),
        attempt("c", "1.1", 1.0, Some(Confidence::Guessing), &[]),
        attempt("d", "1.1", 1.0, None, &[]),
    ];
    let rows = calibration(&attempts);
    assert_eq!((rows[0].answered, rows[0].right), (2, 1));
    assert_eq!(rows[0].share_right(), Some(0.5));
    assert_eq!(rows[1].share_right(), None);
    assert_eq!((rows[2].answered, rows[2].right), (1, 1));
}

#[test]
fn weakest_objectives_and_most_picked_wrong_options() {
    let attempts = vec![
        attempt("a", "1.1", 1.0, None, &[]),
        attempt("a", "1.1", 1.0, None, &[]),
        attempt("b", "2.1", 0.0, None, &["Telnet"]),
        attempt("b", "2.1", 0.0, None, &["Telnet"]),
        attempt("c", "2.1", 0.0, None, &["FTP"]),
        attempt("d", "3.1", 0.0, None, &[]),
    ];
    let weak = weakest_objectives(&attempts, 2);
    assert_eq!(
        weak.iter()
            .map(|w| w.objective.as_str())
            .collect::<Vec<_>>(),
        vec!["2.1", "1.1"]
    );
    let wrong = most_picked_wrong(&attempts, 5);
    assert_eq!(
        (
            wrong[0].question.as_str(),
            wrong[0].pick.as_str(),
            wrong[0].times
        ),
        ("b", "Telnet", 2)
    );
    assert_eq!(wrong.len(), 2);
}

#[test]
fn a_blueprint_that_cannot_fill_a_full_exam_gets_a_warning() {
    let set =
        json!({ "kind": "question-set", "exam": "T-1", "questions": [single("only", "1.1")] });
    let report = Library::load(vec![
        Source::new("exam.json", exam_json([50, 30, 20]).to_string()),
        Source::new("set.json", set.to_string()),
    ]);
    let warnings: Vec<String> = report.findings.iter().map(|f| f.to_string()).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].contains("domain 1.0 has 1 question(s) but a full 6-question exam draws 3"),
        "{}",
        warnings[0]
    );
    assert!(warnings[1].contains("domain 2.0 has 0 question(s)"));
    assert_eq!(
        report.library.questions.len(),
        1,
        "warnings never drop content"
    );
}

// ---- numbers in range -----------------------------------------------------------

/// The findings for a blueprint read on its own.
fn exam_findings(exam: serde_json::Value) -> Vec<String> {
    let report = Library::load(vec![Source::new("exam.json", exam.to_string())]);
    report.findings.iter().map(|f| f.to_string()).collect()
}

#[test]
fn weights_that_would_wrap_a_u32_sum_are_rejected() {
    // 4294967295 + 101 wrapped to 100 and passed; summed wide, it is
    // reported, and each weight outside 1-100 is named where it is.
    let mut exam = exam_json([50, 30, 20]);
    exam["domains"][0]["weight"] = json!(u32::MAX);
    exam["domains"][1]["weight"] = json!(101);
    exam["domains"][2]["weight"] = json!(0);
    let findings = exam_findings(exam);
    assert!(
        findings.iter().any(|f| f.contains("add up to 4294967396%")),
        "{findings:#?}"
    );
    for (i, w) in [(0, "4294967295"), (1, "101"), (2, "0")] {
        assert!(
            findings
                .iter()
                .any(|f| f.contains(&format!("domains[{i}].weight"))
                    && f.contains(&format!("weight {w} is outside 1-100"))),
            "{findings:#?}"
        );
    }
}

#[test]
fn question_count_and_minutes_have_bounds() {
    let mut exam = exam_json([50, 30, 20]);
    exam["question_count"] = json!(u32::MAX);
    exam["minutes"] = json!(99_999_999);
    let findings = exam_findings(exam);
    assert!(
        findings
            .iter()
            .any(|f| f.contains("question_count 4294967295 is outside 1-500")),
        "{findings:#?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.contains("minutes 99999999 is outside 1-600")),
        "{findings:#?}"
    );
}

#[test]
fn a_draw_never_exceeds_the_total_whatever_the_weights() {
    // Read without the checks: the draw must hold on its own.
    let mut exam = exam_json([50, 30, 20]);
    exam["domains"][0]["weight"] = json!(u32::MAX);
    exam["domains"][1]["weight"] = json!(101);
    let exam: crate::content::exam::Exam = serde_json::from_value(exam).unwrap();
    let plan = allocate(&exam, &|_| 2_000, 90);
    assert_eq!(plan.iter().map(|p| p.1).sum::<usize>(), 90, "{plan:?}");
}
