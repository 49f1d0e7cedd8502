//! Storage never writes what it cannot read back: every document type is
//! saved and loaded through `store` (a `MemoryStore`) after every kind of
//! update, with values at the edges of their ranges, and must come back
//! equal, with no notice. A document that cannot be read back is set aside
//! on the next start, so the learner loses it.

use std::fmt::Debug;

use serde_json::json;

use firstline_core::content::library::{Library, Source};
use firstline_core::content::scenario::Scenario;
use firstline_core::interview::mock::{ActiveMock, MockInProgress, MockStep};
use firstline_core::interview::StarAnswer;
use firstline_core::progress::reminder::BackupLog;
use firstline_core::progress::{
    Attempt, ExamLog, InterviewAttempt, InterviewLog, MockItem, MockKind, MockRecord, Mode,
    Progress, ScenarioLog, ScenarioRecord, Story,
};
use firstline_core::quiz::answer::{Answer, Confidence};
use firstline_core::quiz::results::{ExamRecord, ItemRecord};
use firstline_core::quiz::run::{PracticeRun, PracticeRuns};
use firstline_core::quiz::session::{ActiveExam, ExamSession, SubmitReason};
use firstline_core::scenario::debrief::debrief;
use firstline_core::scenario::draft::{Draft, Drafts};
use firstline_core::scenario::play::Play;
use firstline_core::store::{load, save, Document, Loaded, MemoryStore};

/// Saves `doc`, loads it back and asserts it is unchanged and unremarked.
fn round_trip<D: Document + PartialEq + Debug>(store: &MemoryStore, doc: &D, what: &str) {
    save(store, doc, u64::MAX).unwrap_or_else(|e| panic!("{what}: {e}"));
    let loaded: Loaded<D> = load(store, 1);
    assert_eq!(loaded.notice, None, "{what}");
    assert_eq!(&loaded.doc, doc, "{what}");
}

/// Shares that need every digit of an f64 to read back (11/12 has 16
/// significant digits), and the ends of the range.
const SHARES: [f64; 6] = [0.0, 1.0, 11.0 / 12.0, 2.0 / 3.0, 1e-300, 0.1 + 0.2 - 0.3];
const TEXT: &str = "quote \" backslash \\ tab\t newline\n emoji \u{1F600} nul \u{0}";

#[test]
fn progress_reads_back_after_every_answer_and_the_review_schedule() {
    let store = MemoryStore::new();
    let mut p = Progress::default();
    round_trip(&store, &p, "empty progress");
    let mut at = 1_700_000_000_000u64;
    for (i, score) in SHARES.iter().enumerate() {
        for confidence in [
            None,
            Some(Confidence::Sure),
            Some(Confidence::Unsure),
            Some(Confidence::Guessing),
        ] {
            at = at.saturating_add(86_400_000 * (i as u64 + 1));
            p.record(Attempt {
                question: format!("q{i}"),
                exam: TEXT.into(),
                domain: "1.0".into(),
                objective: "1.1".into(),
                score: *score,
                at,
                mode: Mode::Review,
                confidence,
                wrong_picks: vec![TEXT.into()],
            });
            round_trip(&store, &p, "progress after an answer");
        }
    }
    // Hundreds of sure answers after a miss, when each falls due; then a
    // clock at the end of time.
    p.record(Attempt {
        question: "long".into(),
        score: 0.0,
        at,
        ..Attempt::default()
    });
    for _ in 0..300 {
        at = p.review.cards["long"].due.max(at + 1);
        p.record(Attempt {
            question: "long".into(),
            score: 1.0,
            at,
            confidence: Some(Confidence::Sure),
            ..Attempt::default()
        });
    }
    round_trip(&store, &p, "progress after 300 reviews");
    p.record(Attempt {
        question: "long".into(),
        score: 1.0,
        at: u64::MAX,
        ..Attempt::default()
    });
    round_trip(&store, &p, "progress at the end of time");
}

#[test]
fn exam_documents_read_back_through_a_whole_exam() {
    let exam = json!({
        "kind": "exam", "id": "T-1", "name": "Test", "question_count": 2, "minutes": 600,
        "passing_score": 900,
        "domains": [{ "id": "1.0", "name": "One", "weight": 100, "objectives": [{ "id": "1.1", "title": "a" }] }]
    });
    let set = json!({ "kind": "question-set", "exam": "T-1", "questions": [
        { "id": "s", "objective": "1.1", "difficulty": "easy", "type": "single", "prompt": "P", "explanation": "E",
          "options": [{ "text": "A", "why": "a" }, { "text": "B", "why": "b" }, { "text": "C", "why": "c" }], "answer": 1 },
        { "id": "f", "objective": "1.1", "difficulty": "easy", "type": "fill", "prompt": "P", "explanation": "E",
          "accept": ["x"] }
    ]});
    let report = Library::load(vec![
        Source::new("exam.json", exam.to_string()),
        Source::new("set.json", set.to_string()),
    ]);
    let library = report.library;
    let ids: Vec<String> = vec!["s".into(), "f".into()];
    let store = MemoryStore::new();
    let mut active = ActiveExam::default();
    round_trip(&store, &active, "no exam");
    let mut session = ExamSession::start("T-1", &ids, &library, u64::MAX, u64::MAX, 0);
    // The clock is not saved (a restored exam is paused until resumed).
    session.last_tick = None;
    active.session = Some(session.clone());
    round_trip(&store, &active, "exam started");
    session.answer(0, 0, Answer::Choice(vec![usize::MAX]));
    session.answer(1, 0, Answer::Text(TEXT.into()));
    session.toggle_flag(1);
    session.set_confidence(0, Confidence::Guessing);
    session.go_to(1);
    session.resume(u64::MAX - 1);
    session.tick(u64::MAX);
    session.submit(u64::MAX, SubmitReason::Timeout);
    session.last_tick = None;
    active.session = Some(session);
    round_trip(&store, &active, "exam answered and submitted");

    let mut log = ExamLog::default();
    round_trip(&store, &log, "no exam results");
    for (i, score) in SHARES.iter().enumerate() {
        let record = ExamRecord {
            exam: TEXT.into(),
            started_at: 0,
            finished_at: u64::MAX,
            reason: SubmitReason::Learner,
            elapsed_ms: u64::MAX,
            limit_ms: u64::MAX,
            items: vec![ItemRecord {
                question: "s".into(),
                domain: "1.0".into(),
                objective: "1.1".into(),
                score: *score,
                response: vec![Some(Answer::Choice(vec![usize::MAX])), None],
                confidence: Some(Confidence::Sure),
                flagged: true,
            }],
            scaled: 100 + i as u32 * 100,
            passing_score: 900,
        };
        log.records.push(record);
        round_trip(&store, &log, "exam results");
    }
}

#[test]
fn practice_runs_read_back_after_every_step() {
    let store = MemoryStore::new();
    let mut runs = PracticeRuns::default();
    round_trip(&store, &runs, "no runs");
    let mut run = PracticeRun {
        saved_at: u64::MAX,
        ..PracticeRun::default()
    };
    for (i, score) in SHARES
        .iter()
        .chain([f64::NAN, f64::INFINITY].iter())
        .enumerate()
    {
        run.response = vec![Some(Answer::Match(vec![None, Some(usize::MAX)])), None];
        run.confidence = Some(Confidence::Unsure);
        runs.put(&format!("run{}", i % 10), run.clone());
        round_trip(&store, &runs, "run with an answer in progress");
        run.check(&format!("q{i}"), *score);
        runs.put(&format!("run{}", i % 10), run.clone());
        round_trip(&store, &runs, "run checked");
        run.next();
        runs.put(&format!("run{}", i % 10), run.clone());
        round_trip(&store, &runs, "run moved on");
    }
}

fn scenario() -> Scenario {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scenarios/account-locked-payroll.json"
    ))
    .unwrap();
    let report = Library::load(vec![Source::new("scenarios/a.json", text)]);
    report.library.scenarios.into_iter().next().unwrap()
}

#[test]
fn scenario_drafts_and_results_read_back_through_a_play() {
    let s = scenario();
    let store = MemoryStore::new();
    let mut drafts = Drafts::default();
    let mut log = ScenarioLog::default();
    round_trip(&store, &drafts, "no drafts");
    round_trip(&store, &log, "no results");
    let mut play = Play::start(&s, u64::MAX);
    let mut step = 0;
    loop {
        let mut draft = Draft::of(&play, TEXT, TEXT, u64::MAX - step);
        draft.impact = Some(s.ticket.impact);
        drafts.put("a:max", draft);
        round_trip(&store, &drafts, "draft");
        let Some(choice) = play.offered(&s).first().map(|c| c.id.clone()) else {
            break;
        };
        if play.choose(&s, &choice).is_err() {
            break;
        }
        step += 1;
    }
    play.set_priority(s.ticket.impact, s.ticket.urgency);
    let d = debrief(&s, &play, TEXT, TEXT);
    log.plays.push(ScenarioRecord::of(&play, &d, u64::MAX));
    drafts.finish("a:max");
    round_trip(&store, &drafts, "draft finished");
    round_trip(&store, &log, "result recorded");
}

#[test]
fn interview_documents_read_back_after_every_kind_of_update() {
    let store = MemoryStore::new();
    let mut log = InterviewLog::default();
    round_trip(&store, &log, "no interview practice");
    let answer = StarAnswer {
        situation: TEXT.into(),
        task: String::new(),
        action: "a".repeat(10_000),
        result: TEXT.into(),
    };
    log.stories.push(Story {
        id: "s1".into(),
        title: TEXT.into(),
        competencies: vec![],
        answer,
        updated_at: u64::MAX,
    });
    round_trip(&store, &log, "story saved");
    log.delete_story("s1", u64::MAX);
    round_trip(&store, &log, "story deleted");
    for (i, fillers) in SHARES.iter().enumerate() {
        log.answers.push(InterviewAttempt {
            question: TEXT.into(),
            score: 100,
            words: usize::MAX,
            spoken: Some((u32::MAX, fillers * 1e6)),
            at: i as u64,
            criteria: vec![],
        });
        round_trip(&store, &log, "answer scored");
    }
    let item = MockItem {
        id: TEXT.into(),
        prompt: TEXT.into(),
        kind: MockKind::Roleplay,
        score: Some(100),
        improvements: vec![TEXT.into()],
        answer: TEXT.into(),
        seconds: u32::MAX,
    };
    log.mocks.push(MockRecord {
        at: u64::MAX,
        items: vec![
            item.clone(),
            MockItem {
                score: None,
                ..item.clone()
            },
        ],
    });
    round_trip(&store, &log, "mock recorded");

    let mut active = ActiveMock::default();
    round_trip(&store, &active, "no mock");
    let steps = vec![
        MockStep {
            kind: MockKind::Behavioural,
            id: "b".into(),
            seed: u64::MAX,
        },
        MockStep {
            kind: MockKind::Roleplay,
            id: TEXT.into(),
            seed: 0,
        },
    ];
    let mut mock = MockInProgress::new(steps, u32::MAX, u64::MAX);
    active.mock = Some(mock.clone());
    round_trip(&store, &active, "mock started");
    mock.record(item);
    active.mock = Some(mock.clone());
    round_trip(&store, &active, "mock answer recorded");
    mock.advance();
    active.mock = Some(mock);
    round_trip(&store, &active, "mock moved on");
}

#[test]
fn the_backup_log_reads_back() {
    let store = MemoryStore::new();
    let mut log = BackupLog::default();
    round_trip(&store, &log, "no backup");
    log.exported_at = Some(u64::MAX);
    log.snoozed_until = Some(0);
    round_trip(&store, &log, "backup made");
}
