//! The learner's progress, saved in the browser: certification practice in
//! one document, role-play results and interview practice in two others,
//! each under its own key so a problem with one never touches the others.

use serde::{Deserialize, Serialize};

pub mod backup;
pub mod checks;
pub mod class_report;
pub mod history;
mod merge;
pub mod own_files;
pub mod peek;
pub mod pending;
pub mod readiness;
pub mod reminder;
mod repair;
#[cfg(test)]
pub(crate) mod testing;
pub mod trends;

use crate::content::interview::Competency;
use crate::content::scenario::{Outcome, Priority};
use crate::interview::score::CriterionId;
use crate::interview::StarAnswer;
use crate::quiz::answer::Confidence;
use crate::quiz::results::ExamRecord;
use crate::quiz::review::ReviewDeck;
use crate::scenario::debrief::{Debrief, Dimension};
use crate::scenario::play::{Play, PlayMode};
use crate::store::Document;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub review: ReviewDeck,
    /// How many answers are kept apart from this document (in the
    /// browser's IndexedDB, see `history`) when it is stored; 0 while they
    /// are in `attempts`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub kept_apart: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Finished exam simulations, saved under their own key (loaded by the
/// pages that show them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExamLog {
    #[serde(default)]
    pub records: Vec<ExamRecord>,
}

impl Document for ExamLog {
    const KEY: &'static str = "firstline.exams";
    const FORMAT: &'static str = "firstline-exams";
    const VERSION: u32 = 1;

    fn repair(&mut self) {
        repair::exams(self);
    }

    fn merge(&mut self, theirs: Self) {
        merge::exams(self, theirs);
    }
}

/// Role-play results, saved under their own key (loaded by the pages that
/// show them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScenarioLog {
    #[serde(default)]
    pub plays: Vec<ScenarioRecord>,
    /// Finished shifts (a queue of tickets), kept with the role-play
    /// results. Documents saved before shifts existed have none.
    #[serde(default)]
    pub shifts: Vec<ShiftRecord>,
    /// Knowledge-base articles written after resolved plays, with their
    /// scores (`crate::scenario::article`).
    #[serde(default)]
    pub articles: Vec<ArticleRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub scenario: String,
    /// 0-100.
    pub score: u32,
    pub at: u64,
}

/// A finished shift's scores (`crate::shift::score`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftRecord {
    pub shift: String,
    /// 0-100 each.
    pub overall: u32,
    pub triage: u32,
    pub targets: u32,
    pub notes: u32,
    /// Simulated minutes the shift took.
    pub minutes: u32,
    /// The tickets whose first-response target was missed.
    #[serde(default)]
    pub missed: Vec<String>,
    pub at: u64,
}

impl ShiftRecord {
    pub fn of(report: &crate::shift::score::ShiftReport, shift: &str, at: u64) -> Self {
        ShiftRecord {
            shift: shift.to_owned(),
            overall: report.overall.into(),
            triage: report.triage.into(),
            targets: report.targets.into(),
            notes: report.notes.into(),
            minutes: report.minutes,
            missed: report
                .tickets
                .iter()
                .filter(|t| !t.met)
                .map(|t| t.id.clone())
                .collect(),
            at,
        }
    }
}

impl ScenarioLog {
    /// The plays that count: progress, trends, bests and class reports
    /// use these, never practice plays (whose choices could be undone).
    pub fn assessed(&self) -> impl Iterator<Item = &ScenarioRecord> {
        self.plays.iter().filter(|p| p.mode == PlayMode::Assessed)
    }
}

impl Document for ScenarioLog {
    const KEY: &'static str = "firstline.scenarios";
    const FORMAT: &'static str = "firstline-scenarios";
    const VERSION: u32 = 1;

    fn repair(&mut self) {
        repair::scenarios(self);
    }

    fn merge(&mut self, theirs: Self) {
        merge::scenarios(self, theirs);
    }
}

/// Interview practice: the story bank, scored answers and mock interviews.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InterviewLog {
    #[serde(default)]
    pub stories: Vec<Story>,
    #[serde(default)]
    pub answers: Vec<InterviewAttempt>,
    #[serde(default)]
    pub mocks: Vec<MockRecord>,
    /// Deleted stories: id and when. Kept so a merge with a tab or backup
    /// that still has the story does not bring it back; an edit made after
    /// the deletion does.
    #[serde(default)]
    pub deleted_stories: Vec<(String, u64)>,
}

impl InterviewLog {
    /// Deletes a story here and, through merges, everywhere.
    pub fn delete_story(&mut self, id: &str, now: u64) {
        self.stories.retain(|s| s.id != id);
        match self.deleted_stories.iter_mut().find(|(d, _)| d == id) {
            Some((_, at)) => *at = (*at).max(now),
            None => self.deleted_stories.push((id.to_owned(), now)),
        }
    }
}

impl Document for InterviewLog {
    const KEY: &'static str = "firstline.interview";
    const FORMAT: &'static str = "firstline-interview";
    const VERSION: u32 = 1;

    fn repair(&mut self) {
        repair::interview(self);
    }

    fn merge(&mut self, theirs: Self) {
        merge::interview(self, theirs);
    }
}

/// A story from the learner's own experience, kept for reuse across
/// behavioural questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub competencies: Vec<Competency>,
    pub answer: StarAnswer,
    pub updated_at: u64,
}

/// One scored interview answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewAttempt {
    pub question: String,
    pub score: u32,
    pub words: usize,
    /// Words per minute and fillers per minute, for spoken answers.
    #[serde(default)]
    pub spoken: Option<(u32, f64)>,
    pub at: u64,
    /// Each criterion's score, 0-100 (answers saved before criteria were
    /// kept have none).
    #[serde(default)]
    pub criteria: Vec<(CriterionId, u32)>,
}

/// A finished mock interview, as saved (and printed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockRecord {
    pub at: u64,
    pub items: Vec<MockItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockItem {
    /// A question id, or a scenario id for the role-play.
    pub id: String,
    pub prompt: String,
    pub kind: MockKind,
    /// 0-100; None when skipped.
    pub score: Option<u32>,
    pub improvements: Vec<String>,
    pub answer: String,
    pub seconds: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MockKind {
    Behavioural,
    Technical,
    Roleplay,
}

impl MockRecord {
    /// The mean score of the answered items.
    pub fn average(&self) -> Option<u32> {
        let scores: Vec<u32> = self.items.iter().filter_map(|i| i.score).collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<u32>() / scores.len() as u32)
    }
}

impl InterviewLog {
    /// Competencies that no saved story covers yet.
    pub fn competencies_without_story(&self) -> Vec<Competency> {
        Competency::ALL
            .into_iter()
            .filter(|c| !self.stories.iter().any(|s| s.competencies.contains(c)))
            .collect()
    }
}

/// One finished role-play, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioRecord {
    pub scenario: String,
    pub seed: u64,
    pub caller: String,
    pub outcome: Outcome,
    pub ending: String,
    /// 0-100; zero after a critical mistake.
    pub overall: u32,
    pub dimensions: Vec<(Dimension, u32)>,
    pub critical: usize,
    pub minutes: u32,
    /// The choice ids taken, in order.
    pub choices: Vec<String>,
    /// Share of ticket facts found, 0.0-1.0.
    pub notes_share: f64,
    pub at: u64,
    /// The scoring model that produced `overall`: 1 for results saved
    /// before mistakes left marks (they still display, labelled), 2 now.
    #[serde(default = "first_model")]
    pub scoring: u32,
    /// Mistakes made (each repeat counts), and the harm stated at the end.
    #[serde(default)]
    pub mistakes: usize,
    #[serde(default)]
    pub harm: Vec<String>,
    /// The priority the trainee set, if any.
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Practice plays are kept, and shown as practice, but only assessed
    /// ones count (`ScenarioLog::assessed`).
    #[serde(default)]
    pub mode: PlayMode,
    #[serde(default)]
    pub undone: u32,
    /// Hints taken (practice plays only). Records saved before hints were
    /// kept read as none.
    #[serde(default)]
    pub hints: u32,
    /// The scenario's expected checks, each made or missed by this play
    /// (`checks`). Records saved before checks were kept have none.
    #[serde(default)]
    pub checks: Vec<CheckRecord>,
}

pub use checks::CheckRecord;

fn first_model() -> u32 {
    1
}

impl ScenarioRecord {
    /// The scoring model results are saved under now.
    pub const SCORING: u32 = 2;

    /// The record of a finished, debriefed play.
    pub fn of(play: &Play, d: &Debrief, at: u64) -> ScenarioRecord {
        ScenarioRecord {
            scenario: play.scenario.clone(),
            seed: play.seed,
            caller: play.name.clone(),
            outcome: d.outcome,
            ending: play.ending.clone().unwrap_or_default(),
            overall: d.overall,
            dimensions: d
                .dimensions
                .iter()
                .map(|x| (x.dimension, x.score))
                .collect(),
            critical: d.critical.len(),
            minutes: play.minutes,
            choices: play.turns.iter().map(|t| t.choice.clone()).collect(),
            notes_share: d.notes_share,
            at,
            scoring: ScenarioRecord::SCORING,
            mistakes: d.mistakes.len(),
            harm: d.harm.clone(),
            priority: d.priority,
            mode: play.mode,
            undone: play.undone,
            hints: d.hints,
            checks: CheckRecord::expected_of(d),
        }
    }
}

impl Document for Progress {
    const KEY: &'static str = "firstline.progress";
    const FORMAT: &'static str = "firstline-progress";
    /// 2: review cards are FSRS-6 cards (version 1: SM-2 style).
    const VERSION: u32 = 2;

    fn upgrade(from: u32, data: &str) -> Result<String, String> {
        match from {
            1 => merge::upgrade_v1(data),
            _ => Err(format!("there is no upgrade from version {from}")),
        }
    }

    fn repair(&mut self) {
        repair::progress(self);
    }

    fn merge(&mut self, theirs: Self) {
        merge::progress(self, theirs);
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Practice,
    Exam,
    Review,
}

/// One answered question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub question: String,
    pub exam: String,
    pub domain: String,
    pub objective: String,
    /// 0.0 to 1.0; partial credit is possible.
    pub score: f64,
    /// When it was answered, in milliseconds since the Unix epoch.
    pub at: u64,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Wrong options picked, in words.
    #[serde(default)]
    pub wrong_picks: Vec<String>,
}

impl Attempt {
    pub fn correct(&self) -> bool {
        crate::quiz::score::is_full(self.score)
    }
}

impl Progress {
    /// Records an answer and updates the review schedule.
    pub fn record(&mut self, attempt: Attempt) {
        self.review.record(
            &attempt.question,
            attempt.score,
            attempt.confidence,
            attempt.at,
        );
        self.attempts.push(attempt);
    }

    /// Attempts, newest first.
    pub fn recent(&self) -> impl Iterator<Item = &Attempt> {
        self.attempts.iter().rev()
    }

    /// Whether the question was ever answered.
    pub fn has_seen(&self, question: &str) -> bool {
        self.attempts.iter().any(|a| a.question == question)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{load, save, KeyValueStore, MemoryStore};

    fn attempt(score: f64, confidence: Option<Confidence>) -> Attempt {
        Attempt {
            question: "q1".into(),
            exam: "220-1201".into(),
            domain: "2.0".into(),
            objective: "2.1".into(),
            score,
            at: 10,
            mode: Mode::Practice,
            confidence,
            wrong_picks: vec![],
        }
    }

    #[test]
    fn attempts_survive_a_save_and_load() {
        let store = MemoryStore::new();
        let mut progress = Progress::default();
        progress.record(attempt(1.0, Some(Confidence::Sure)));
        save(&store, &progress, 11).unwrap();
        let loaded = load::<Progress>(&store, 12);
        assert_eq!(loaded.doc, progress);
        assert!(loaded.doc.attempts[0].correct());
    }

    #[test]
    fn foundation_saves_without_the_newer_fields_still_load() {
        let store = MemoryStore::new();
        let old = r#"{"format":"firstline-progress","version":1,"saved_at":1,"data":{"attempts":[{"question":"q1","exam":"220-1201","domain":"2.0","objective":"2.1","score":1.0,"at":5}]}}"#;
        store.set(Progress::KEY, old).unwrap();
        let loaded = load::<Progress>(&store, 2);
        // Upgraded to version 2 (FSRS review cards), which is no warning.
        assert!(
            !loaded.notice.as_ref().is_some_and(|n| n.is_warning()),
            "{:?}",
            loaded.notice
        );
        assert_eq!(loaded.doc.attempts.len(), 1);
        assert_eq!(loaded.doc.attempts[0].mode, Mode::Practice);
    }

    #[test]
    fn scenario_results_saved_under_the_first_scoring_model_still_load() {
        let store = MemoryStore::new();
        let old = r#"{"format":"firstline-scenarios","version":1,"saved_at":1,"data":{"plays":[{"scenario":"vpn-airport","seed":7,"caller":"Danielle Ferreira","outcome":"sla-breached","ending":"end-sla","overall":64,"dimensions":[["technical",80],["service",70],["process",50],["time",0]],"critical":0,"minutes":21,"choices":["a","b"],"notes_share":0.5,"at":9}]}}"#;
        store.set(ScenarioLog::KEY, old).unwrap();
        let loaded = load::<ScenarioLog>(&store, 2);
        assert!(loaded.notice.is_none(), "{:?}", loaded.notice);
        let play = &loaded.doc.plays[0];
        assert_eq!(play.outcome, Outcome::DeadlineMissed);
        assert_eq!(play.scoring, 1, "labelled as scored under the old model");
        assert_eq!(play.overall, 64);
        assert_eq!(play.mistakes, 0);
        assert!(play.priority.is_none());
        save(&store, &loaded.doc, 3).unwrap();
        assert_eq!(
            load::<ScenarioLog>(&store, 4).doc,
            loaded.doc,
            "and survive a re-save"
        );
    }

    #[test]
    fn competencies_without_a_story_are_listed() {
        let mut progress = InterviewLog::default();
        assert_eq!(
            progress.competencies_without_story().len(),
            Competency::ALL.len()
        );
        progress.stories.push(Story {
            id: "s1".into(),
            title: "Payroll lockout".into(),
            competencies: vec![Competency::CustomerService, Competency::Pressure],
            answer: StarAnswer::default(),
            updated_at: 0,
        });
        let missing = progress.competencies_without_story();
        assert_eq!(missing.len(), Competency::ALL.len() - 2);
        assert!(!missing.contains(&Competency::Pressure));
    }

    #[test]
    fn a_mock_averages_only_answered_items() {
        let item = |score| MockItem {
            id: "q".into(),
            prompt: "p".into(),
            kind: MockKind::Technical,
            score,
            improvements: vec![],
            answer: String::new(),
            seconds: 0,
        };
        let mock = MockRecord {
            at: 0,
            items: vec![item(Some(80)), item(None), item(Some(60))],
        };
        assert_eq!(mock.average(), Some(70));
        assert_eq!(
            MockRecord {
                at: 0,
                items: vec![item(None)]
            }
            .average(),
            None
        );
    }

    #[test]
    fn a_missed_answer_is_scheduled_for_review() {
        let mut progress = Progress::default();
        progress.record(attempt(0.0, Some(Confidence::Sure)));
        assert_eq!(progress.review.due(10 + 11 * 60 * 1000).len(), 1);
    }
}
