//! What the learner has done, saved in browser storage as separate
//! documents (practice progress, exam results, scenario results, interview
//! practice, the exam in progress), each under its own key so a problem with
//! one never touches another.
//!
//! Each document is loaded the first time a page asks for it, so the code to
//! read it travels in that page's wasm chunk, not in the first download. It
//! is created under the app's root owner so it outlives the page.

use std::collections::BTreeMap;

use firstline_core::progress::peek::{
    interview_bests, interview_bests_of, scenario_bests, stories, Bests, StoryStart,
};
use firstline_core::progress::reminder::BackupLog;
use firstline_core::progress::{ExamLog, InterviewLog, Progress, ScenarioLog};
use firstline_core::quiz::session::ActiveExam;
use firstline_core::store::{Document, KeyValueStore};
use leptos::prelude::*;

use super::history;
use super::notices::use_notices;
use super::saved::Saved;
use crate::adapters::storage::BrowserStore;

pub type ProgressState = Saved<Progress>;
pub type ExamState = Saved<ActiveExam>;
pub type ExamLogState = Saved<ExamLog>;
pub type ScenarioLogState = Saved<ScenarioLog>;
pub type InterviewLogState = Saved<InterviewLog>;
pub type BackupLogState = Saved<BackupLog>;

#[derive(Clone)]
struct LazyDocs {
    root: Owner,
    progress: StoredValue<Option<ProgressState>>,
    exams: StoredValue<Option<ExamLogState>>,
    scenarios: StoredValue<Option<ScenarioLogState>>,
    interview: StoredValue<Option<InterviewLogState>>,
    backup: StoredValue<Option<BackupLogState>>,
}

pub fn provide() {
    provide_context(LazyDocs {
        root: Owner::current().unwrap_or_default(),
        progress: StoredValue::new(None),
        exams: StoredValue::new(None),
        scenarios: StoredValue::new(None),
        interview: StoredValue::new(None),
        backup: StoredValue::new(None),
    });
}

/// The app's root owner, which the documents live under: work that must
/// outlive the page that started it (answers waiting for the code that
/// records them) runs under it.
pub fn app_owner() -> Owner {
    expect_context::<LazyDocs>().root
}

/// The document in `slot`, loading it on first use.
fn lazy<D: Document + Clone + Send + Sync + 'static>(
    pick: impl Fn(&LazyDocs) -> StoredValue<Option<Saved<D>>>,
    what: &'static str,
) -> Saved<D> {
    let docs = expect_context::<LazyDocs>();
    let slot = pick(&docs);
    if let Some(state) = slot.get_value() {
        return state;
    }
    let notices = use_notices();
    // Kept for the whole visit, so its saves can wait for the next task.
    let state = docs.root.with(|| Saved::load(notices, what)).deferring();
    slot.set_value(Some(state));
    state
}

/// The progress document. Its answers live in IndexedDB (`history`): they
/// join the document once read, and each write stores the new ones.
pub fn use_progress() -> ProgressState {
    let docs = expect_context::<LazyDocs>();
    if let Some(state) = docs.progress.get_value() {
        return state;
    }
    let state = lazy(|d| d.progress, "progress").with_around_write(history::around_write);
    docs.progress.set_value(Some(state));
    let notices = use_notices();
    docs.root.with(|| history::start(state, notices));
    state
}

pub fn use_exam_log() -> ExamLogState {
    lazy(|d| d.exams, "exam results")
}

pub fn use_scenario_log() -> ScenarioLogState {
    lazy(|d| d.scenarios, "scenario results")
}

/// Each scenario's and shift's best, for the scenario list. From the log
/// itself when a page has read it this visit (it holds any play not yet
/// written); otherwise peeked from storage, so the list's first visit does
/// not carry the code that reads, repairs and merges the whole log.
pub fn use_scenario_bests() -> Signal<Bests> {
    let docs = expect_context::<LazyDocs>();
    match docs.scenarios.get_value() {
        Some(state) => {
            let log = state.read();
            Signal::derive(move || log.with(Bests::of))
        }
        None => {
            let stored = BrowserStore.get(ScenarioLog::KEY).ok().flatten();
            Signal::stored(stored.as_deref().map(scenario_bests).unwrap_or_default())
        }
    }
}

/// Each interview question's best, for the interview list: as
/// `use_scenario_bests`, from the log if a page has read it this visit,
/// otherwise peeked from storage.
pub fn use_interview_bests() -> Signal<BTreeMap<String, u32>> {
    let docs = expect_context::<LazyDocs>();
    match docs.interview.get_value() {
        Some(state) => {
            let log = state.read();
            Signal::derive(move || log.with(interview_bests_of))
        }
        None => {
            let stored = BrowserStore.get(InterviewLog::KEY).ok().flatten();
            Signal::stored(stored.as_deref().map(interview_bests).unwrap_or_default())
        }
    }
}

/// The story bank, for the answer editor to start from: as
/// `use_interview_bests`, from the log if a page has read it this visit
/// (so a story saved on this page is offered at once), otherwise peeked
/// from storage, keeping the log's code out of a question's page.
pub fn use_story_starts() -> Signal<Vec<StoryStart>> {
    let docs = expect_context::<LazyDocs>();
    match docs.interview.get_value() {
        Some(state) => {
            let log = state.read();
            Signal::derive(move || log.with(StoryStart::of))
        }
        None => {
            let stored = BrowserStore.get(InterviewLog::KEY).ok().flatten();
            Signal::stored(stored.as_deref().map(stories).unwrap_or_default())
        }
    }
}

pub fn use_interview_log() -> InterviewLogState {
    lazy(|d| d.interview, "interview practice")
}

/// When the learner last made a backup (for the weekly reminder).
pub fn use_backup_log() -> BackupLogState {
    lazy(|d| d.backup, "backup reminder")
}

/// A document the current page owns (work in progress such as a practice
/// run), loaded when the page opens and saved at once on every change. It
/// stops listening to other tabs when the page goes.
pub fn page_document<D: Document + Clone + Send + Sync + 'static>(what: &'static str) -> Saved<D> {
    Saved::load(use_notices(), what)
}

/// Loads the exam in progress for the exam page and its children.
pub fn provide_exam() -> ExamState {
    let state = ExamState::load(use_notices(), "exam in progress");
    provide_context(state);
    state
}

pub fn use_exam() -> ExamState {
    expect_context::<ExamState>()
}
