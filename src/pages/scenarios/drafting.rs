//! Keeping an unfinished call, so a reload resumes it: reading the plays
//! document, replaying a kept draft, saving the play and its ticket as
//! they change (merged with other tabs' writes) and forgetting it once
//! scored. A first visit has nothing to resume and nothing to save until
//! the first move, so this is a wasm chunk of its own (`scenario_draft`),
//! fetched then (`keeper.rs`), or as the page opens when this device keeps
//! plays. The player reaches it only through `Drafting`, a table of
//! functions.

use std::future::Future;
use std::pin::Pin;

use firstline_core::content::scenario::{Level, Scenario};
use firstline_core::scenario::draft::{Draft, Drafts};
use firstline_core::scenario::play::{Play, PlayMode};
use leptos::wasm_split::SplitLoaderError;

use crate::adapters::clock::now_ms;
use crate::state::progress::page_document;
use crate::state::saved::Saved;

/// The play and its ticket as they stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub play: Play,
    pub notes: String,
    pub handoff: String,
    pub impact: Option<Level>,
    pub urgency: Option<Level>,
}

/// The chunk's functions.
#[derive(Clone, Copy)]
pub struct Drafting {
    /// Opens the plays document (run under the page's owner: its notices
    /// are the app's).
    pub open: fn() -> Saved<Drafts>,
    /// The play kept under the name, replayed in the mode; `None` when
    /// nothing worth resuming is kept.
    pub resume: fn(Saved<Drafts>, &str, &Scenario, u64, PlayMode) -> Option<Kept>,
    /// Saves the play and ticket under the name, if they changed.
    pub keep: fn(Saved<Drafts>, &str, &Kept),
    /// Forgets the play under the name (its result is recorded).
    pub finish: fn(Saved<Drafts>, &str),
}

/// Fetches the chunk (see `OnDemand`).
pub fn load() -> Pin<Box<dyn Future<Output = Result<Drafting, SplitLoaderError>>>> {
    Box::pin(drafting())
}

#[leptos::wasm_split::wasm_split(scenario_draft, wasm_split_path = ::leptos::wasm_split, fallible)]
fn drafting() -> Result<Drafting, SplitLoaderError> {
    Ok(Drafting {
        open,
        resume,
        keep,
        finish,
    })
}

fn open() -> Saved<Drafts> {
    page_document::<Drafts>("scenario in progress")
}

fn resume(
    drafts: Saved<Drafts>,
    name: &str,
    scenario: &Scenario,
    seed: u64,
    mode: PlayMode,
) -> Option<Kept> {
    let draft = drafts.with_untracked(|d| d.get(name).cloned())?;
    if draft.is_empty() {
        return None;
    }
    let play = draft.replay(scenario, seed).in_mode(mode);
    Some(Kept {
        play,
        notes: draft.notes,
        handoff: draft.handoff,
        impact: draft.impact,
        urgency: draft.urgency,
    })
}

fn keep(drafts: Saved<Drafts>, name: &str, kept: &Kept) {
    let mut draft = Draft::of(&kept.play, &kept.notes, &kept.handoff, now_ms());
    draft.impact = kept.impact;
    draft.urgency = kept.urgency;
    // Write only what changed.
    let unchanged = drafts.with_untracked(|d| match d.get(name) {
        Some(saved) => {
            Draft {
                saved_at: saved.saved_at,
                ..draft.clone()
            } == *saved
        }
        None => draft.is_empty(),
    });
    if !unchanged {
        drafts.update(|d| d.put(name, draft));
    }
}

fn finish(drafts: Saved<Drafts>, name: &str) {
    drafts.update(|d| d.finish(name));
}
