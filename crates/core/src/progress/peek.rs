//! Figures a list shows, read from a stored document without reading the
//! whole of it. The home page shows how many answers are saved, the
//! scenario and interview lists each item's best: reading the whole documents there
//! would put their code (records, merges, repairs and upgrades) into the
//! first download of those pages.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{InterviewLog, Progress, ScenarioLog};
use crate::interview::StarAnswer;
use crate::scenario::play::PlayMode;
use crate::store::Document;

#[derive(Deserialize)]
struct Envelope {
    format: String,
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    attempts: Vec<IgnoredAny>,
    /// Answers kept in IndexedDB (`history`).
    #[serde(default)]
    kept_apart: usize,
}

/// The number of saved answers in the stored text of the progress
/// document, or `None` when it is not one (the Progress page explains).
pub fn answers_saved(stored: &str) -> Option<usize> {
    let envelope: Envelope = serde_json::from_str(stored).ok()?;
    (envelope.format == Progress::FORMAT)
        .then_some(envelope.data.attempts.len().max(envelope.data.kept_apart))
}

#[derive(Deserialize)]
struct ScenarioEnvelope {
    format: String,
    data: ScenarioData,
}

#[derive(Deserialize)]
struct ScenarioData {
    #[serde(default)]
    plays: Vec<PlayBest>,
    #[serde(default)]
    shifts: Vec<ShiftBest>,
}

#[derive(Deserialize)]
struct PlayBest {
    scenario: String,
    overall: u32,
    #[serde(default)]
    mode: PlayMode,
}

#[derive(Deserialize)]
struct ShiftBest {
    shift: String,
    overall: u32,
}

/// The best score, 0-100, of each scenario (assessed plays only, as
/// `ScenarioLog::assessed`) and each shift.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Bests {
    pub scenarios: BTreeMap<String, u32>,
    pub shifts: BTreeMap<String, u32>,
}

impl Bests {
    /// The bests of a log already read whole.
    pub fn of(log: &ScenarioLog) -> Bests {
        let mut bests = Bests::default();
        for play in log.assessed() {
            keep(&mut bests.scenarios, &play.scenario, play.overall);
        }
        for shift in &log.shifts {
            keep(&mut bests.shifts, &shift.shift, shift.overall);
        }
        bests
    }
}

fn keep(map: &mut BTreeMap<String, u32>, id: &str, score: u32) {
    let score = score.min(100);
    match map.get_mut(id) {
        Some(best) => *best = (*best).max(score),
        None => {
            map.insert(id.to_owned(), score);
        }
    }
}

/// The bests in the stored text of the scenario log; none when it is not
/// one (the Progress page, which reads it whole, explains). Scores are
/// clamped to 100 as the full read repairs them.
pub fn scenario_bests(stored: &str) -> Bests {
    let Ok(envelope) = serde_json::from_str::<ScenarioEnvelope>(stored) else {
        return Bests::default();
    };
    if envelope.format != ScenarioLog::FORMAT {
        return Bests::default();
    }
    let mut bests = Bests::default();
    for play in envelope.data.plays {
        if play.mode == PlayMode::Assessed {
            keep(&mut bests.scenarios, &play.scenario, play.overall);
        }
    }
    for shift in envelope.data.shifts {
        keep(&mut bests.shifts, &shift.shift, shift.overall);
    }
    bests
}

#[derive(Deserialize)]
struct InterviewEnvelope {
    format: String,
    data: InterviewData,
}

#[derive(Deserialize)]
struct InterviewData {
    #[serde(default)]
    answers: Vec<AnswerBest>,
}

#[derive(Deserialize)]
struct StoriesEnvelope {
    format: String,
    data: StoriesData,
}

#[derive(Deserialize)]
struct StoriesData {
    #[serde(default)]
    stories: Vec<StoryPeek>,
}

#[derive(Deserialize)]
struct StoryPeek {
    id: String,
    title: String,
    answer: StarAnswer,
}

/// A saved story as the answer editor offers it: to start an answer from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryStart {
    pub id: String,
    pub title: String,
    pub answer: StarAnswer,
}

impl StoryStart {
    /// The stories of an interview log already read whole.
    pub fn of(log: &InterviewLog) -> Vec<StoryStart> {
        log.stories
            .iter()
            .map(|s| StoryStart {
                id: s.id.clone(),
                title: s.title.clone(),
                answer: s.answer.clone(),
            })
            .collect()
    }
}

/// The story bank in the stored text of the interview log, as the full
/// read keeps it; none when it is not one. The answer editor offers them
/// on a question's page, which otherwise has no use for the log's code
/// until an answer is scored.
pub fn stories(stored: &str) -> Vec<StoryStart> {
    let Ok(envelope) = serde_json::from_str::<StoriesEnvelope>(stored) else {
        return Vec::new();
    };
    if envelope.format != InterviewLog::FORMAT {
        return Vec::new();
    }
    envelope
        .data
        .stories
        .into_iter()
        .map(|s| StoryStart {
            id: s.id,
            title: s.title,
            answer: s.answer,
        })
        .collect()
}

#[derive(Deserialize)]
struct AnswerBest {
    question: String,
    score: u32,
}

/// Each interview question's best score, 0-100, in the stored text of the
/// interview log; none when it is not one.
pub fn interview_bests(stored: &str) -> BTreeMap<String, u32> {
    let mut bests = BTreeMap::new();
    let Ok(envelope) = serde_json::from_str::<InterviewEnvelope>(stored) else {
        return bests;
    };
    if envelope.format == InterviewLog::FORMAT {
        for answer in envelope.data.answers {
            keep(&mut bests, &answer.question, answer.score);
        }
    }
    bests
}

/// The bests of an interview log already read whole.
pub fn interview_bests_of(log: &InterviewLog) -> BTreeMap<String, u32> {
    let mut bests = BTreeMap::new();
    for answer in &log.answers {
        keep(&mut bests, &answer.question, answer.score);
    }
    bests
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Attempt;
    use crate::store::{save, KeyValueStore, MemoryStore};

    #[test]
    fn counts_what_the_full_read_finds() {
        let store = MemoryStore::new();
        let mut progress = Progress::default();
        for i in 0..3 {
            progress.record(Attempt {
                question: format!("q{i}"),
                exam: "220-1201".into(),
                domain: "2.0".into(),
                objective: "2.1".into(),
                score: 1.0,
                at: i,
                mode: crate::progress::Mode::Practice,
                confidence: None,
                wrong_picks: vec![],
            });
        }
        save(&store, &progress, 9).unwrap();
        let text = store.get(Progress::KEY).unwrap().unwrap();
        assert_eq!(answers_saved(&text), Some(3));
        assert_eq!(
            answers_saved("{\"format\":\"firstline-exams\",\"data\":{}}"),
            None
        );
        assert_eq!(answers_saved("garbage"), None);
    }

    fn play(scenario: &str, overall: u32, mode: PlayMode) -> crate::progress::ScenarioRecord {
        crate::progress::testing::scenario_play(scenario, overall, 1, mode)
    }

    fn shift(id: &str, overall: u32) -> crate::progress::ShiftRecord {
        crate::progress::ShiftRecord {
            shift: id.into(),
            overall,
            triage: 50,
            targets: 50,
            notes: 50,
            minutes: 30,
            missed: vec![],
            at: 2,
        }
    }

    #[test]
    fn scenario_bests_agree_with_the_full_read() {
        let store = MemoryStore::new();
        let log = ScenarioLog {
            plays: vec![
                play("printer", 40, PlayMode::Assessed),
                play("printer", 75, PlayMode::Assessed),
                // A practice play could undo its mistakes: it is no best.
                play("printer", 100, PlayMode::Practice),
                play("vpn", 100, PlayMode::Practice),
                // Edited by hand: clamped as the full read repairs it.
                play("lockout", 900, PlayMode::Assessed),
            ],
            shifts: vec![shift("monday", 60), shift("monday", 55)],
            articles: vec![],
        };
        save(&store, &log, 9).unwrap();
        let text = store.get(ScenarioLog::KEY).unwrap().unwrap();
        let bests = scenario_bests(&text);

        let full: ScenarioLog = crate::store::load(&store, 10).doc;
        assert_eq!(bests, Bests::of(&full));
        assert_eq!(
            bests.scenarios,
            BTreeMap::from([("lockout".into(), 100), ("printer".into(), 75)])
        );
        assert_eq!(bests.shifts, BTreeMap::from([("monday".into(), 60)]));
    }

    #[test]
    fn scenario_bests_of_something_else_are_none() {
        assert_eq!(scenario_bests("garbage"), Bests::default());
        assert_eq!(
            scenario_bests("{\"format\":\"firstline-progress\",\"data\":{\"plays\":[]}}"),
            Bests::default()
        );
        // A record missing its score is not guessed at.
        assert_eq!(
            scenario_bests(
                "{\"format\":\"firstline-scenarios\",\"data\":{\"plays\":[{\"scenario\":\"x\"}]}}"
            ),
            Bests::default()
        );
    }

    #[test]
    fn interview_bests_agree_with_the_full_read() {
        use crate::progress::InterviewAttempt;
        let answer = |question: &str, score: u32| InterviewAttempt {
            question: question.into(),
            score,
            words: 120,
            spoken: None,
            at: 1,
            criteria: vec![],
        };
        let store = MemoryStore::new();
        let log = InterviewLog {
            answers: vec![
                answer("star-1", 40),
                answer("star-1", 70),
                answer("tech-2", 500),
            ],
            ..InterviewLog::default()
        };
        save(&store, &log, 9).unwrap();
        let text = store.get(InterviewLog::KEY).unwrap().unwrap();
        let full: InterviewLog = crate::store::load(&store, 10).doc;
        assert_eq!(interview_bests(&text), interview_bests_of(&full));
        assert_eq!(
            interview_bests(&text),
            BTreeMap::from([("star-1".into(), 70), ("tech-2".into(), 100)])
        );
        assert!(interview_bests("garbage").is_empty());
        assert!(
            interview_bests(&text.replace("firstline-interview", "firstline-scenarios")).is_empty()
        );
    }

    #[test]
    fn stories_agree_with_the_full_read() {
        use crate::progress::Story;
        let story = |id: &str, updated_at: u64| Story {
            id: id.into(),
            title: format!("The {id} story"),
            competencies: vec![],
            answer: StarAnswer {
                situation: format!("{id}: a lecturer was locked out"),
                task: "get her in".into(),
                action: "I unlocked the account".into(),
                result: "the exam started on time".into(),
            },
            updated_at,
        };
        let store = MemoryStore::new();
        let log = InterviewLog {
            stories: vec![story("kept", 5), story("edited-after", 9)],
            // Deleted before its last edit: the edit wins, as in a merge.
            deleted_stories: vec![("edited-after".into(), 4), ("gone".into(), 3)],
            ..InterviewLog::default()
        };
        save(&store, &log, 9).unwrap();
        let text = store.get(InterviewLog::KEY).unwrap().unwrap();
        let full: InterviewLog = crate::store::load(&store, 10).doc;
        let peeked = stories(&text);
        assert_eq!(peeked, StoryStart::of(&full));
        assert_eq!(
            peeked.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["kept", "edited-after"]
        );
        assert_eq!(peeked[0].answer.task, "get her in");

        // Whatever the document lists is offered, as the full read (and
        // the story bank) keeps it: a tombstone only wins in a merge.
        let stale = text.replace("[\"gone\",3]", "[\"kept\",7]");
        assert_ne!(stale, text);
        let hand = MemoryStore::new();
        hand.set(InterviewLog::KEY, &stale).unwrap();
        let full: InterviewLog = crate::store::load(&hand, 10).doc;
        assert_eq!(stories(&stale), StoryStart::of(&full));
        assert!(stories("garbage").is_empty());
        assert!(stories(&text.replace("firstline-interview", "firstline-scenarios")).is_empty());
    }
}
