//! The learner's progress as a signal, saved to browser storage on every
//! change. Failed saves are reported, never ignored.

use firstline_core::progress::Progress;
use firstline_core::store::{self, Document};
use leptos::prelude::*;

use super::notices::{Level, Notices};
use crate::adapters::clock::now_ms;
use crate::adapters::storage::BrowserStore;

#[derive(Clone, Copy)]
pub struct ProgressState {
    progress: RwSignal<Progress>,
    /// False when saving would overwrite data that could not be backed up.
    writable: StoredValue<bool>,
    notices: Notices,
}

impl ProgressState {
    pub fn provide(notices: Notices) -> Self {
        let loaded = store::load::<Progress>(&BrowserStore, now_ms());
        if let Some(notice) = &loaded.notice {
            let level = if notice.is_warning() {
                Level::Warning
            } else {
                Level::Info
            };
            notices.push(level, notice.message("progress"));
        }
        let state = ProgressState {
            progress: RwSignal::new(loaded.doc),
            writable: StoredValue::new(loaded.writable),
            notices,
        };
        provide_context(state);
        state
    }

    pub fn read(&self) -> Signal<Progress> {
        self.progress.into()
    }

    /// Changes progress and saves it.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.save();
    }

    fn save(&self) {
        if !self.writable.get_value() {
            self.notices.push(
                Level::Error,
                "This result was not saved: earlier progress in this browser could not be read or backed up, so FirstLine will not write over it.",
            );
            return;
        }
        let result = self
            .progress
            .with_untracked(|p| store::save(&BrowserStore, p, now_ms()));
        if let Err(error) = result {
            self.notices.push(
                Level::Error,
                format!(
                    "Your progress could not be saved ({error}). Free some space for this site or export your progress, then try again. Storage key: {}",
                    Progress::KEY
                ),
            );
        }
    }
}

pub fn use_progress() -> ProgressState {
    expect_context::<ProgressState>()
}
