//! The session's side of keeping a run and recording its answers
//! (`recording.rs`). The run goes through the app's `Keeper`: while the
//! code downloads, only its latest state waits. Answers wait apart, for
//! the whole visit rather than the page: one checked just before the
//! learner leaves the page is still recorded once the code arrives, and
//! every answer is recorded before the run that counts it is saved. Until
//! then an answer is also kept in localStorage, as the answer history
//! keeps one on its way into IndexedDB, so a reload loses none either.

use std::cell::{Cell, RefCell};

use firstline_core::progress::{history, pending, Attempt};
use firstline_core::quiz::run::{PracticeRun, PracticeRuns};

use super::recording::{self, Recording};
use crate::adapters::clock::now_ms;
use crate::adapters::storage::BrowserStore;
use crate::components::on_demand::OnDemand;
use crate::state::keeper::Keeper;
use crate::state::progress::app_owner;
use crate::state::saved::Saved;

thread_local! {
    /// Answers checked and not yet recorded, oldest first.
    static UNRECORDED: RefCell<Vec<Attempt>> = const { RefCell::new(Vec::new()) };
    /// Whether a task already waits for the code to record them.
    static AWAITED: Cell<bool> = const { Cell::new(false) };
}

#[derive(Clone, Copy)]
pub struct RunKeeper(Keeper<Recording, PracticeRuns, PracticeRun>);

impl RunKeeper {
    /// For the run kept under `name`, with the chunk's handle; `runs` when
    /// the page has opened them already (to resume).
    pub fn new(
        name: String,
        code: OnDemand<Recording>,
        runs: Option<Saved<PracticeRuns>>,
    ) -> RunKeeper {
        RunKeeper(Keeper::new(name, code, runs, |code| (code.open)(), apply))
    }

    /// Saves the run as it now stands.
    pub fn keep(self, run: PracticeRun) {
        self.0.hand(|pending| *pending = Some(run));
    }

    /// Records a checked answer in the learner's progress: at once when
    /// the code is here, otherwise once it arrives, even if the page has
    /// gone by then.
    pub fn record(self, attempt: Attempt) {
        if !self.0.code_here() {
            // Meanwhile it is also kept where the next start reads it
            // (`progress::pending`), so a reload before the code arrives
            // loses it neither; recording it later forgets that copy.
            if let Ok(text) = history::encode(&attempt, now_ms()) {
                let _ = pending::keep(&BrowserStore, &[(history::key(&attempt), text)]);
            }
        }
        UNRECORDED.with_borrow_mut(|waiting| waiting.push(attempt));
        // Applies at once when the code is here, and says so on the page
        // if it cannot be downloaded.
        self.0.hand(|_| {});
        if UNRECORDED.with_borrow(Vec::is_empty) || AWAITED.get() {
            return;
        }
        AWAITED.set(true);
        let root = app_owner();
        leptos::task::spawn_local(async move {
            let code = recording::load().await;
            AWAITED.set(false);
            if let Ok(code) = code {
                root.with(|| record_waiting(code));
            }
        });
    }

    /// Whether the code that saves the run could not be downloaded the
    /// last time it was needed (tracked).
    pub fn failed(self) -> bool {
        self.0.failed()
    }

    /// Downloads the code if need be and saves what waits.
    pub async fn settle(self) -> bool {
        self.0.settle().await
    }
}

/// Records the answers that wait, if any, opening the progress document
/// if need be (run under an owner with the app's context).
fn record_waiting(code: Recording) {
    let attempts = UNRECORDED.with_borrow_mut(std::mem::take);
    (code.record)(attempts);
}

fn apply(code: Recording, runs: Saved<PracticeRuns>, name: &str, run: Option<PracticeRun>) {
    // The answers first: the run's scores say they are recorded.
    record_waiting(code);
    if let Some(run) = run {
        (code.keep)(runs, name, &run);
    }
}
