//! Seed corpora, made from the repository's content when asked: with
//! `FIRSTLINE_FUZZ_SEEDS=DIR` set, a target's first input writes its seeds
//! to DIR (`cargo xtask fuzz` runs each target once that way, with
//! `-runs=0`, then fuzzes from DIR). Nothing here is committed: a new
//! content file is a new seed on the next run.

use std::fs;
use std::path::Path;
use std::sync::Once;

use firstline_core::content::file::{self, ContentFile};
use firstline_core::content::scenario::Scenario;
use firstline_core::interview::mock::{ActiveMock, MockInProgress, MockStep};
use firstline_core::interview::score::{score_star, score_technical};
use firstline_core::interview::StarAnswer;
use firstline_core::progress::reminder::BackupLog;
use firstline_core::progress::{
    Attempt, ExamLog, InterviewAttempt, InterviewLog, MockItem, MockKind, MockRecord, Mode,
    Progress, ScenarioLog, ScenarioRecord, Story,
};
use firstline_core::quiz::answer::Confidence;
use firstline_core::quiz::results::grade;
use firstline_core::quiz::run::{PracticeRun, PracticeRuns};
use firstline_core::quiz::session::{ActiveExam, ExamSession, SubmitReason};
use firstline_core::scenario::debrief::debrief;
use firstline_core::scenario::draft::{Draft, Drafts};
use firstline_core::scenario::play::Play;
use firstline_core::store::{self, Document, KeyValueStore, MemoryStore};

use crate::bundled;
use crate::input::Writer;
use crate::targets::{DOCUMENTS, END_OF_SCRIPT, FILE_SEPARATOR};

pub const ENV: &str = "FIRSTLINE_FUZZ_SEEDS";

/// Writes `make()`'s seeds to `$FIRSTLINE_FUZZ_SEEDS`, once per process,
/// when that is set.
pub fn write_if_asked(make: fn() -> Vec<Vec<u8>>) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Some(dir) = std::env::var_os(ENV) else {
            return;
        };
        let dir = Path::new(&dir);
        if let Err(e) = write(dir, &make()) {
            panic!("cannot write seeds to {}: {e}", dir.display());
        }
    });
}

fn write(dir: &Path, seeds: &[Vec<u8>]) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for (i, seed) in seeds.iter().enumerate() {
        fs::write(dir.join(format!("seed-{i:04}")), seed)?;
    }
    println!("wrote {} seeds to {}", seeds.len(), dir.display());
    Ok(())
}

/// Every content file whole, each question and interview question in a
/// file of its own, and each blueprint with a question set (the checks
/// across files).
pub fn content_files() -> Vec<Vec<u8>> {
    let sources = bundled::sources();
    let mut seeds: Vec<Vec<u8>> = sources
        .iter()
        .map(|s| s.text.clone().into_bytes())
        .collect();
    let mut sets = Vec::new();
    let mut exams = Vec::new();
    for source in sources {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&source.text) else {
            continue;
        };
        match value.get("kind").and_then(|k| k.as_str()) {
            Some("exam") => exams.push(source.text.clone()),
            Some("question-set") => sets.push(source.text.clone()),
            _ => {}
        }
        if let Some(items) = value.get("questions").and_then(|q| q.as_array()) {
            for item in items.iter().take(40) {
                let mut one = value.clone();
                one["questions"] = serde_json::Value::Array(vec![item.clone()]);
                seeds.push(serde_json::to_vec_pretty(&one).unwrap_or_default());
            }
        }
    }
    for (exam, set) in exams.iter().zip(&sets) {
        seeds.push(format!("{exam}{FILE_SEPARATOR}{set}").into_bytes());
    }
    seeds
}

/// The scenario files.
pub fn scenario_files() -> Vec<Vec<u8>> {
    bundled::sources()
        .iter()
        .filter(|s| matches!(file::parse(&s.name, &s.text), Ok(ContentFile::Scenario(_))))
        .map(|s| s.text.clone().into_bytes())
        .collect()
}

/// The example and model answers of the bundled interview questions, each
/// with its question's index (STAR parts separated by \u{1}).
pub fn interview_answers() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for (i, q) in bundled::interview().iter().enumerate() {
        let which = u8::try_from(i).unwrap_or(0);
        if let Some(e) = &q.example {
            let text = [&e.situation, &e.task, &e.action, &e.result]
                .map(String::as_str)
                .join("\u{1}");
            seeds.push(Writer::default().u8(which).u8(40).bytes(text.as_bytes()).0);
            let joined = format!(
                "Situation: {}\nTask: {}\nAction: {}\nResult: {}",
                e.situation, e.task, e.action, e.result
            );
            seeds.push(
                Writer::default()
                    .u8(which)
                    .u8(60)
                    .bytes(joined.as_bytes())
                    .0,
            );
        }
        if let Some(answer) = &q.model_answer {
            seeds.push(
                Writer::default()
                    .u8(which)
                    .u8(20)
                    .bytes(answer.as_bytes())
                    .0,
            );
        }
    }
    seeds
}

/// Each bundled scenario's best path, and a short wrong turn, with a note
/// stating every fact.
pub fn scenario_scripts() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for (i, s) in bundled::scenarios().iter().enumerate() {
        let which = u8::try_from(i).unwrap_or(0);
        let (picks, _) = best_path(s);
        let note = fact_note(s);
        for (seed, script) in [(0u64, picks.clone()), (7, vec![1, 2, 0, 1, 3, 0, 2])] {
            seeds.push(
                Writer::default()
                    .u8(which)
                    .u64(seed)
                    .u8(0x80 | which)
                    .bytes(&script)
                    .u8(END_OF_SCRIPT)
                    .bytes(note.as_bytes())
                    .bytes(FILE_SEPARATOR.to_string().as_bytes())
                    .bytes(note.as_bytes())
                    .0,
            );
        }
    }
    seeds
}

/// The best path as picks among the offered choices, and the play.
fn best_path(s: &Scenario) -> (Vec<u8>, Play) {
    let mut play = Play::start(s, 0);
    let mut picks = Vec::new();
    for id in &s.best_path {
        let Some(at) = play.offered(s).iter().position(|c| &c.id == id) else {
            break;
        };
        picks.push(u8::try_from(at).unwrap_or(0));
        if play.choose(s, id).is_err() {
            break;
        }
    }
    (picks, play)
}

fn fact_note(s: &Scenario) -> String {
    s.notes
        .facts
        .iter()
        .filter_map(|f| f.phrases.first())
        .map(|p| format!("I checked with the user and confirmed the {p} before going on."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each stored document, as the app saves it after some use of the bundled
/// content, behind the byte that names it in the store target.
pub fn stored_documents() -> Vec<Vec<u8>> {
    let lib = bundled::library();
    let day = 86_400_000u64;
    let now = 1_780_000_000_000u64;
    let mut seeds = Vec::new();
    let mut push = |key: &str, text: String| {
        let which = DOCUMENTS.iter().position(|k| *k == key).unwrap_or(0);
        seeds.push(Writer::default().u8(which as u8).bytes(text.as_bytes()).0);
    };

    let mut progress = Progress::default();
    for (i, q) in lib.questions.iter().take(40).enumerate() {
        let i = i as u64;
        progress.record(Attempt {
            question: q.id.clone(),
            exam: q.exam.clone(),
            domain: q.domain.clone(),
            objective: q.objective.clone(),
            score: [1.0, 0.0, 0.5, 1.0][(i % 4) as usize],
            at: now + i * day / 3,
            mode: [Mode::Practice, Mode::Exam, Mode::Review][(i % 3) as usize],
            confidence: [None, Some(Confidence::Sure), Some(Confidence::Guessing)]
                [(i % 3) as usize],
            wrong_picks: if i % 4 == 1 {
                vec!["DHCP".into()]
            } else {
                Vec::new()
            },
        });
    }
    push(Progress::KEY, encode(&progress));
    // Version 1 (SM-2 review), which loading upgrades.
    let v1 = serde_json::json!({
        "format": Progress::FORMAT, "version": 1, "saved_at": now,
        "data": { "attempts": progress.attempts, "review": { "cards": {} } }
    });
    push(Progress::KEY, v1.to_string());

    let mut exams = ExamLog::default();
    let mut active = ActiveExam::default();
    if let Some(exam) = lib.exams.first() {
        let ids: Vec<String> = lib
            .questions
            .iter()
            .filter(|q| q.exam == exam.id)
            .take(12)
            .map(|q| q.id.clone())
            .collect();
        let mut session = ExamSession::start(&exam.id, &ids, lib, 3, 90 * 60_000, now);
        session.toggle_flag(1);
        session.set_confidence(0, Confidence::Unsure);
        active.session = Some(session.clone());
        session.submit(now + 600_000, SubmitReason::Learner);
        exams
            .records
            .push(grade(&session, exam, lib, now + 600_000));
    }
    push(ExamLog::KEY, encode(&exams));
    push(ActiveExam::KEY, encode(&active));

    let mut log = ScenarioLog::default();
    let mut drafts = Drafts::default();
    for s in bundled::scenarios() {
        let (_, play) = best_path(s);
        let note = fact_note(s);
        if play.is_over() {
            let d = debrief(s, &play, &note, &note);
            log.plays.push(ScenarioRecord::of(&play, &d, now));
        }
        drafts.put(&s.id, Draft::of(&play, &note, "", now));
    }
    push(ScenarioLog::KEY, encode(&log));
    push(Drafts::KEY, encode(&drafts));

    let mut interview = InterviewLog::default();
    let mut mock = MockRecord {
        at: now,
        items: Vec::new(),
    };
    for q in bundled::interview().iter().take(12) {
        let (score, text) = match (&q.example, &q.model_answer) {
            (Some(e), _) => {
                let answer = StarAnswer {
                    situation: e.situation.clone(),
                    task: e.task.clone(),
                    action: e.action.clone(),
                    result: e.result.clone(),
                };
                interview.stories.push(Story {
                    id: format!("story-{}", q.id),
                    title: q.prompt.chars().take(40).collect(),
                    competencies: q.competency.into_iter().collect(),
                    answer: answer.clone(),
                    updated_at: now,
                });
                (score_star(&answer, q), e.action.clone())
            }
            (None, Some(m)) => (score_technical(m, q), m.clone()),
            (None, None) => continue,
        };
        interview.answers.push(InterviewAttempt {
            question: q.id.clone(),
            score: score.score,
            words: score.words,
            spoken: Some((130, 2.5)),
            at: now,
            criteria: score
                .criteria
                .iter()
                .map(|c| (c.id, (c.score * 100.0).round() as u32))
                .collect(),
        });
        mock.items.push(MockItem {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
            kind: MockKind::Technical,
            score: Some(score.score),
            improvements: score.improvements.clone(),
            answer: text,
            seconds: 95,
        });
    }
    interview.mocks.push(mock.clone());
    interview.delete_story("gone", now);
    push(InterviewLog::KEY, encode(&interview));

    let mut in_progress = MockInProgress::new(
        mock.items
            .iter()
            .map(|i| MockStep {
                kind: i.kind,
                id: i.id.clone(),
                seed: 4,
            })
            .collect(),
        5,
        now,
    );
    if let Some(first) = mock.items.first() {
        in_progress.record(first.clone());
    }
    push(
        ActiveMock::KEY,
        encode(&ActiveMock {
            mock: Some(in_progress),
        }),
    );

    push(
        BackupLog::KEY,
        encode(&BackupLog {
            exported_at: Some(now),
            snoozed_until: Some(now + 7 * day),
        }),
    );

    let mut runs = PracticeRuns::default();
    let mut run = PracticeRun {
        saved_at: now,
        ..PracticeRun::default()
    };
    if let Some(q) = lib.questions.first() {
        run.check(&q.id, 0.5);
        run.next();
    }
    runs.put("practice:3:a,b", run);
    push(PracticeRuns::KEY, encode(&runs));

    // Every document empty, as a first save writes it.
    push(Progress::KEY, encode(&Progress::default()));
    push(ScenarioLog::KEY, encode(&ScenarioLog::default()));
    push(InterviewLog::KEY, encode(&InterviewLog::default()));
    push(Drafts::KEY, encode(&Drafts::default()));
    push(ActiveMock::KEY, encode(&ActiveMock::default()));
    seeds
}

fn encode<D: Document>(doc: &D) -> String {
    let kv = MemoryStore::new();
    match store::save(&kv, doc, 1_780_000_000_000) {
        Ok(()) => kv.get(D::KEY).ok().flatten().unwrap_or_default(),
        Err(e) => panic!("a seed document does not save: {e}"),
    }
}
