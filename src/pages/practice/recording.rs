//! Keeping a practice run and recording its answers: reading, merging and
//! writing the runs document (so a reload resumes the run) and the
//! progress document with its answers in IndexedDB. A first visit has no
//! run to resume and nothing to record until the first answer, and this
//! is about a fifth of a session's code, so it is a wasm chunk of its own
//! (`practice_record`): fetched with the first change to the answer
//! (`run_keeper.rs`), or as the page opens when this device keeps runs
//! (to resume) or when the run is still to be drawn (drawing prefers the
//! questions not yet answered, which needs the history). The session
//! reaches it only through `Recording`, a table of functions.

use std::future::Future;
use std::pin::Pin;

use firstline_core::progress::Attempt;
use firstline_core::quiz::run::{PracticeRun, PracticeRuns};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::draw::DrawRun;
use crate::adapters::clock::now_ms;
use crate::state::progress::{page_document, use_progress};
use crate::state::saved::Saved;

/// The chunk's functions. Those that read the app's context run under the
/// page's owner.
#[derive(Clone, Copy)]
pub struct Recording {
    /// Opens the runs document.
    pub open: fn() -> Saved<PracticeRuns>,
    /// The run kept under the name, made safe for a run of that many
    /// questions; a fresh run when none is.
    pub resume: fn(Saved<PracticeRuns>, &str, usize) -> PracticeRun,
    /// Saves the run under the name, if it changed.
    pub keep: fn(Saved<PracticeRuns>, &str, &PracticeRun),
    /// Adds the answers (if any) to the learner's progress, which it opens
    /// on the first call: reading the progress document and its history
    /// starts with the first change to the run, so the first answer
    /// checked does not wait for it.
    pub record: fn(Vec<Attempt>),
    /// Draws a run from the setup's choice (`DrawRun`).
    pub draw: fn() -> AnyView,
}

/// Fetches the chunk (see `OnDemand`).
pub fn load() -> Pin<Box<dyn Future<Output = Result<Recording, SplitLoaderError>>>> {
    Box::pin(recording())
}

#[leptos::wasm_split::wasm_split(practice_record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn recording() -> Result<Recording, SplitLoaderError> {
    Ok(Recording {
        open,
        resume,
        keep,
        record,
        draw,
    })
}

fn open() -> Saved<PracticeRuns> {
    page_document::<PracticeRuns>("practice run")
}

fn resume(runs: Saved<PracticeRuns>, name: &str, total: usize) -> PracticeRun {
    runs.with_untracked(|all| all.get(name).cloned())
        .unwrap_or_default()
        .repaired(total)
}

fn keep(runs: Saved<PracticeRuns>, name: &str, run: &PracticeRun) {
    // Write only what changed: a run never saved is unchanged while it is
    // still a fresh one.
    let unchanged = runs.with_untracked(|all| {
        let saved_at = all.get(name).map_or(0, |saved| saved.saved_at);
        let run = PracticeRun {
            saved_at,
            ..run.clone()
        };
        match all.get(name) {
            Some(saved) => run == *saved,
            None => run == PracticeRun::default(),
        }
    });
    if unchanged {
        return;
    }
    let run = PracticeRun {
        saved_at: now_ms(),
        ..run.clone()
    };
    runs.update(|all| all.put(name, run));
}

fn record(attempts: Vec<Attempt>) {
    let progress = use_progress();
    if attempts.is_empty() {
        return;
    }
    progress.update(|p| {
        for attempt in attempts {
            p.record(attempt);
        }
    });
}

fn draw() -> AnyView {
    view! { <DrawRun/> }.into_any()
}
