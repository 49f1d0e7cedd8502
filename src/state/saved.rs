//! A document kept in a signal and saved to browser storage on every
//! change. Loading problems and failed saves become notices, never silence.

use firstline_core::store::{self, Document};
use leptos::prelude::*;

use super::notices::{Level, Notices};
use crate::adapters::clock::now_ms;
use crate::adapters::storage::BrowserStore;

pub struct Saved<D: Send + Sync + 'static> {
    doc: RwSignal<D>,
    /// False when saving would overwrite data that could not be backed up.
    writable: StoredValue<bool>,
    notices: Notices,
    what: &'static str,
}

impl<D: Send + Sync + 'static> Clone for Saved<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for Saved<D> {}

impl<D: Document + Clone + Send + Sync + 'static> Saved<D> {
    /// Loads from storage; `what` names the data in messages ("progress").
    pub fn load(notices: Notices, what: &'static str) -> Self {
        let loaded = store::load::<D>(&BrowserStore, now_ms());
        if let Some(notice) = &loaded.notice {
            let level = if notice.is_warning() {
                Level::Warning
            } else {
                Level::Info
            };
            notices.push(level, notice.message(what));
        }
        Saved {
            doc: RwSignal::new(loaded.doc),
            writable: StoredValue::new(loaded.writable),
            notices,
            what,
        }
    }

    pub fn read(&self) -> Signal<D> {
        self.doc.into()
    }

    pub fn get_untracked(&self) -> D {
        self.doc.get_untracked()
    }

    /// Changes the document and saves it.
    pub fn update(&self, change: impl FnOnce(&mut D)) {
        self.doc.update(change);
        self.save();
    }

    /// Changes the document without saving (for frequent, cheap changes
    /// such as a ticking clock); call `save` soon after.
    pub fn update_quiet(&self, change: impl FnOnce(&mut D)) {
        self.doc.update(change);
    }

    pub fn save(&self) {
        if !self.writable.get_value() {
            self.notices.push(
                Level::Error,
                format!(
                    "Your {} was not saved: data already in this browser could not be read or backed up, so FirstLine will not write over it.",
                    self.what
                ),
            );
            return;
        }
        let result = self
            .doc
            .with_untracked(|d| store::save(&BrowserStore, d, now_ms()));
        if let Err(error) = result {
            self.notices.push(
                Level::Error,
                format!(
                    "Your {} could not be saved ({error}). Free some space for this site, then try again. Storage key: {}",
                    self.what,
                    D::KEY
                ),
            );
        }
    }
}
