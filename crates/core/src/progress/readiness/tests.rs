//! Readiness on hand-made histories: each test states a learner and what
//! the model must conclude about them.

use crate::content::exam::{domain_id_of, Domain, Exam, Objective};
use crate::progress::{Attempt, Mode};
use crate::quiz::results::{ExamRecord, ItemRecord};
use crate::quiz::session::SubmitReason;

use super::{readiness, NotReady, Readiness, HALF_LIFE_MS};

pub(super) const MINUTE: u64 = 60 * 1000;
pub(super) const DAY: u64 = 24 * 60 * MINUTE;
const NOW: u64 = 1_000 * DAY;

/// Builds a blueprint from (domain id, weight, objective ids).
pub(super) fn blueprint(id: &str, pass: u32, domains: &[(&str, u32, &[&str])]) -> Exam {
    Exam {
        schema: None,
        kind: "exam".into(),
        id: id.into(),
        name: format!("Exam {id}"),
        question_count: 10,
        minutes: 20,
        passing_score: pass,
        domains: domains
            .iter()
            .map(|&(d, weight, objectives)| Domain {
                id: d.into(),
                name: format!("Domain {d}"),
                weight,
                objectives: objectives
                    .iter()
                    .map(|&o| Objective {
                        id: o.into(),
                        title: format!("Objective {o}"),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Five objectives: 1.x carry half the exam, 2.x 30%, 3.1 20%.
fn exam() -> Exam {
    blueprint(
        "T-1",
        700,
        &[
            ("1.0", 50, &["1.1", "1.2"]),
            ("2.0", 30, &["2.1", "2.2"]),
            ("3.0", 20, &["3.1"]),
        ],
    )
}

const ALL: [&str; 5] = ["1.1", "1.2", "2.1", "2.2", "3.1"];

pub(super) fn answer(exam: &str, objective: &str, score: f64, at: u64, mode: Mode) -> Attempt {
    Attempt {
        // A question of its own per answer: `at` differs for each.
        question: format!("q-{objective}-{at}"),
        exam: exam.into(),
        domain: domain_id_of(objective),
        objective: objective.into(),
        score,
        at,
        mode,
        confidence: None,
        wrong_picks: vec![],
    }
}

/// `n` recent answers to one objective, `right` of them right.
fn run(objective: &str, n: usize, right: usize, mode: Mode) -> Vec<Attempt> {
    (0..n)
        .map(|i| {
            let score = if i < right { 1.0 } else { 0.0 };
            answer("T-1", objective, score, NOW - i as u64 * MINUTE, mode)
        })
        .collect()
}

/// `n` exam-mode answers per objective, `right` of them right.
fn everywhere(n: usize, right: usize) -> Vec<Attempt> {
    ALL.iter()
        .flat_map(|o| run(o, n, right, Mode::Exam))
        .collect()
}

/// A finished simulation of `exam` with this scaled score.
fn simulation(exam: &Exam, scaled: u32, items: usize, minutes: u32) -> ExamRecord {
    let item = ItemRecord {
        question: "q".into(),
        domain: "1.0".into(),
        objective: "1.1".into(),
        score: 1.0,
        response: vec![],
        confidence: None,
        flagged: false,
    };
    ExamRecord {
        exam: exam.id.clone(),
        started_at: NOW - DAY,
        finished_at: NOW - DAY + 10 * MINUTE,
        reason: SubmitReason::Learner,
        elapsed_ms: 10 * MINUTE,
        limit_ms: u64::from(minutes) * MINUTE,
        items: vec![item; items],
        scaled,
        passing_score: exam.passing_score,
    }
}

fn passed(exam: &Exam, n: usize) -> Vec<ExamRecord> {
    (0..n)
        .map(|_| simulation(exam, 800, 10, exam.minutes))
        .collect()
}

fn mastery(r: &Readiness, objective: &str) -> f64 {
    r.objectives
        .iter()
        .find(|o| o.id == objective)
        .map_or(f64::NAN, |o| o.mastery)
}

fn width(r: &Readiness) -> u32 {
    r.high - r.low
}

#[test]
fn a_learner_with_no_answers_is_not_ready_and_the_band_is_wide() {
    let exam = exam();
    let r = readiness(&exam, &[], &[], NOW);
    assert!(!r.ready);
    assert_eq!(r.estimate, 500, "nothing known: the middle of the scale");
    assert!(width(&r) >= 400, "band {}-{}", r.low, r.high);
    assert_eq!(r.coverage.seen, 0);
    assert_eq!(r.coverage.total, 5);
    assert_eq!(
        r.reasons,
        vec![
            NotReady::BandBelowPass {
                low: r.low,
                passing_score: 700
            },
            NotReady::Coverage { seen: 0, total: 5 },
            NotReady::Simulations {
                passed: 0,
                needed: 2
            },
        ]
    );
    assert_eq!(r.confidence_percent, 80);
    assert!(r.reasons.iter().all(|x| !x.describe().is_empty()));
}

#[test]
fn full_coverage_high_mastery_and_two_passed_simulations_is_ready() {
    let exam = exam();
    let r = readiness(&exam, &everywhere(30, 29), &passed(&exam, 2), NOW);
    assert!(r.ready, "{:?}", r.reasons);
    assert!(r.reasons.is_empty());
    assert!(r.low >= 700 && r.low <= r.estimate && r.estimate <= r.high);
    assert!(r.estimate >= 820, "29 of 30 right: {}", r.estimate);
    assert!(r.coverage.full());
    assert_eq!(r.simulations.passed, 2);
    assert_eq!(r.answered, 150);
}

#[test]
fn one_passed_simulation_is_not_enough() {
    let exam = exam();
    let r = readiness(&exam, &everywhere(30, 29), &passed(&exam, 1), NOW);
    assert!(!r.ready);
    assert_eq!(
        r.reasons,
        vec![NotReady::Simulations {
            passed: 1,
            needed: 2
        }]
    );
}

#[test]
fn only_full_timed_passed_simulations_of_this_exam_count() {
    let exam = exam();
    let other = blueprint("T-2", 700, &[("1.0", 100, &["1.1"])]);
    let records = vec![
        simulation(&exam, 800, 3, exam.minutes), // a short quiz
        simulation(&exam, 800, 10, 600),         // ten hours on the clock
        simulation(&exam, 5_000, 10, 20),        // off the scale
        simulation(&exam, 650, 10, 20),          // failed
        simulation(&other, 800, 10, 20),         // another exam
        simulation(&exam, 700, 9, exam.minutes), // 90% of the length, at the line
    ];
    let r = readiness(&exam, &everywhere(30, 29), &records, NOW);
    assert_eq!(r.simulations.taken, 2, "{:?}", r.simulations);
    assert_eq!(r.simulations.passed, 1);
    assert!(!r.ready);
}

#[test]
fn a_recent_right_answer_outweighs_an_old_wrong_one() {
    let exam = exam();
    let old = NOW - 4 * HALF_LIFE_MS;
    let learnt = vec![
        answer("T-1", "1.1", 0.0, old, Mode::Practice),
        answer("T-1", "1.1", 1.0, NOW, Mode::Practice),
    ];
    let forgot = vec![
        answer("T-1", "1.1", 1.0, old, Mode::Practice),
        answer("T-1", "1.1", 0.0, NOW, Mode::Practice),
    ];
    let learnt = mastery(&readiness(&exam, &learnt, &[], NOW), "1.1");
    let forgot = mastery(&readiness(&exam, &forgot, &[], NOW), "1.1");
    assert!(learnt > 0.5 && forgot < 0.5, "{learnt} vs {forgot}");
}

#[test]
fn an_exam_answer_counts_more_than_a_practice_answer() {
    let exam = exam();
    let exam_right = vec![
        answer("T-1", "1.1", 0.0, NOW, Mode::Practice),
        answer("T-1", "1.1", 1.0, NOW, Mode::Exam),
    ];
    let practice_right = vec![
        answer("T-1", "1.1", 1.0, NOW, Mode::Practice),
        answer("T-1", "1.1", 0.0, NOW, Mode::Exam),
    ];
    let a = mastery(&readiness(&exam, &exam_right, &[], NOW), "1.1");
    let b = mastery(&readiness(&exam, &practice_right, &[], NOW), "1.1");
    assert!(a > 0.5 && b < 0.5, "{a} vs {b}");
}

#[test]
fn focus_names_the_weak_objective_of_the_heavy_domain_first() {
    let exam = exam();
    let mut attempts = Vec::new();
    for o in ALL {
        // 1.1 (a quarter of the exam) and 2.1 (15%) equally weak.
        let right = if o == "1.1" || o == "2.1" { 10 } else { 20 };
        attempts.extend(run(o, 20, right, Mode::Exam));
    }
    let r = readiness(&exam, &attempts, &[], NOW);
    let ids: Vec<&str> = r.focus.iter().map(|f| f.objective.as_str()).collect();
    assert_eq!(&ids[..2], &["1.1", "2.1"], "{:?}", r.focus);
    let top = &r.focus[0];
    assert_eq!(top.domain, "1.0");
    // A quarter of 800 points times what is left to learn.
    let expected = 0.25 * (1.0 - top.mastery) * 800.0;
    assert_eq!(top.points, expected.round() as u32);
    assert!((60..=110).contains(&top.points), "{}", top.points);
    assert!(r.focus[0].points > r.focus[1].points);
}

#[test]
fn garbage_scores_and_unknown_objectives_are_ignored() {
    let exam = exam();
    let clean = everywhere(10, 8);
    let mut dirty = clean.clone();
    for (k, score) in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.1, 1.5]
        .into_iter()
        .enumerate()
    {
        let mut a = answer("T-1", "1.1", score, NOW, Mode::Exam);
        a.question = format!("garbage-{k}");
        dirty.push(a);
    }
    dirty.push(answer("T-1", "9.9", 1.0, NOW, Mode::Exam));
    // Another exam's answers are not garbage, just not this exam's.
    dirty.push(answer("T-2", "1.1", 0.0, NOW, Mode::Exam));
    let a = readiness(&exam, &clean, &[], NOW);
    let b = readiness(&exam, &dirty, &[], NOW);
    assert_eq!(b.ignored, 6);
    assert_eq!(a.ignored, 0);
    assert_eq!(Readiness { ignored: 0, ..b }, a);
}

#[test]
fn answering_one_objective_many_times_is_not_ready() {
    let exam = exam();
    let cheat = run("1.1", 2_000, 2_000, Mode::Exam);
    let r = readiness(&exam, &cheat, &passed(&exam, 2), NOW);
    assert!(!r.ready);
    assert!(r
        .reasons
        .contains(&NotReady::Coverage { seen: 1, total: 5 }));
    // The unseen four-fifths of the exam keep the band wide.
    let honest = readiness(&exam, &everywhere(30, 29), &[], NOW);
    assert!(
        width(&r) >= 150 && width(&r) > 3 * width(&honest),
        "{} vs {}",
        width(&r),
        width(&honest)
    );
}

#[test]
fn the_band_narrows_as_answers_grow() {
    let exam = exam();
    let few = readiness(&exam, &everywhere(4, 3), &[], NOW);
    let many = readiness(&exam, &everywhere(40, 30), &[], NOW);
    assert!(
        width(&many) < width(&few),
        "{} vs {}",
        width(&many),
        width(&few)
    );
    for r in [&few, &many] {
        assert!(r.low <= r.estimate && r.estimate <= r.high);
        assert!(r
            .objectives
            .iter()
            .all(|o| o.low <= o.mastery && o.mastery <= o.high));
    }
}

#[test]
fn domains_sum_their_objectives() {
    let exam = exam();
    let mut attempts = run("1.1", 10, 10, Mode::Exam);
    attempts.extend(run("1.2", 4, 0, Mode::Exam));
    let r = readiness(&exam, &attempts, &[], NOW);
    let one = &r.domains[0];
    assert_eq!((one.id.as_str(), one.weight, one.answered), ("1.0", 50, 14));
    let mean = (mastery(&r, "1.1") + mastery(&r, "1.2")) / 2.0;
    assert!((one.mastery - mean).abs() < 1e-12);
    assert!(mastery(&r, "1.1") > mastery(&r, "2.1"));
    assert!(mastery(&r, "2.1") > mastery(&r, "1.2"));
    assert_eq!(r.domains[1].answered, 0);
}

#[test]
fn the_same_history_gives_the_same_answer() {
    let exam = exam();
    let attempts = everywhere(7, 5);
    assert_eq!(
        readiness(&exam, &attempts, &[], NOW),
        readiness(&exam, &attempts, &[], NOW)
    );
}

#[test]
fn answering_one_remembered_question_again_and_again_counts_once() {
    let exam = exam();
    // The cheat: one question answered right forty times.
    let mut cheat: Vec<Attempt> = (0..40)
        .map(|i| {
            let mut a = answer("T-1", "1.1", 1.0, NOW - i * MINUTE, Mode::Practice);
            a.question = "the-same-one".into();
            a
        })
        .collect();
    let honest = vec![answer("T-1", "1.1", 1.0, NOW, Mode::Practice)];
    let once = readiness(&exam, &honest, &[], NOW);
    let repeated = readiness(&exam, &cheat, &[], NOW);
    assert_eq!(repeated.estimate, once.estimate);
    assert_eq!((repeated.low, repeated.high), (once.low, once.high));
    assert_eq!(repeated.objectives[0].answered, 1);
    // Its latest answer is what counts: a miss now outweighs forty old hits.
    cheat.push({
        let mut a = answer("T-1", "1.1", 0.0, NOW + MINUTE, Mode::Practice);
        a.question = "the-same-one".into();
        a
    });
    let after_miss = readiness(&exam, &cheat, &[], NOW + MINUTE);
    assert!(after_miss.objectives[0].mastery < once.objectives[0].mastery);
}
