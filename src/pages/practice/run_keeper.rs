//! The session's side of keeping a run and recording its answers
//! (`recording.rs`), over the app's `Keeper`: while the code downloads,
//! only the run's latest state waits, but every answer checked meanwhile
//! waits to be recorded, in order.

use firstline_core::progress::Attempt;
use firstline_core::quiz::run::{PracticeRun, PracticeRuns};

use super::recording::Recording;
use crate::components::on_demand::OnDemand;
use crate::state::keeper::Keeper;
use crate::state::saved::Saved;

#[derive(Default)]
struct Pending {
    run: Option<PracticeRun>,
    attempts: Vec<Attempt>,
}

#[derive(Clone, Copy)]
pub struct RunKeeper(Keeper<Recording, PracticeRuns, Pending>);

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
        self.0
            .hand(|pending| pending.get_or_insert_default().run = Some(run));
    }

    /// Records a checked answer in the learner's progress.
    pub fn record(self, attempt: Attempt) {
        self.0
            .hand(|pending| pending.get_or_insert_default().attempts.push(attempt));
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

fn apply(code: Recording, runs: Saved<PracticeRuns>, name: &str, pending: Pending) {
    // The answers first: the run's scores say they are recorded.
    if !pending.attempts.is_empty() {
        (code.record)(pending.attempts);
    }
    if let Some(run) = pending.run {
        (code.keep)(runs, name, &run);
    }
}
