//! A document kept in a signal and saved to browser storage on every
//! change. Loading problems and failed saves become notices, never silence.
//! Several tabs may be open: each write first merges in what another tab
//! wrote since (`store::save_merged`), and a tab takes in another's writes
//! as the browser reports them, so no tab's work is written over.

use firstline_core::store::{self, Document};
use leptos::prelude::*;

use super::damaged::{self, DamageOps};
use super::notices::{Level, Notices};
use crate::adapters::clock::now_ms;
use crate::adapters::storage::{on_other_tab_write, BrowserStore};

pub struct Saved<D: Send + Sync + 'static> {
    doc: RwSignal<D>,
    /// False when saving would overwrite data that could not be backed up.
    writable: StoredValue<bool>,
    /// The stored text this tab last read or wrote: if the key holds
    /// anything else, another tab has written.
    last: StoredValue<Option<String>>,
    /// True while a save is waiting for the next task.
    save_queued: StoredValue<bool>,
    /// Whether saves wait for the next task (see `update`).
    defer: bool,
    notices: Notices,
    what: &'static str,
    /// Wraps each write, for a document part of which is kept elsewhere
    /// (the progress document's answers, in IndexedDB: `history`).
    around_write: Option<AroundWrite<D>>,
}

/// Calls the given write with the document as it should be stored, and
/// does what else a write needs.
pub type AroundWrite<D> = fn(&mut D, &mut dyn FnMut(&mut D));

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
            // Damaged data, kept aside or not, is dealt with on the backup
            // page: download it, then discard it.
            let link = matches!(
                notice,
                store::Notice::KeptAside { .. } | store::Notice::NotBackedUp { .. }
            )
            .then_some(DAMAGED_LINK);
            notices.push_linked(level, notice.message(what), link);
        }
        let saved = Saved {
            doc: RwSignal::new(loaded.doc),
            writable: StoredValue::new(loaded.writable),
            last: StoredValue::new(loaded.raw),
            save_queued: StoredValue::new(false),
            defer: false,
            notices,
            what,
            around_write: None,
        };
        on_other_tab_write(D::KEY, move |text| saved.take_in(text));
        damaged::register(D::KEY, std::rc::Rc::new(saved));
        saved
    }

    /// Lets saving go on once the damaged text this tab would not write
    /// over has been removed. Resetting the flag is enough, rather than
    /// loading again: the key is now empty, so there is nothing to read,
    /// and the document in memory (fresh, with whatever the learner did
    /// since) is what the next change saves. `last` is cleared so that save
    /// does not take the empty key for another tab's write. `try_`: a
    /// page's own document may be gone, and then its next load starts
    /// afresh anyway.
    fn resume(&self) {
        self.writable.try_set_value(true);
        self.last.try_set_value(None);
    }

    /// Saves in the next task; only for a document that lives as long as
    /// the app. A save still waiting when the page goes (a reload, or an
    /// address typed, straight after an answer) runs as it is hidden, so
    /// the change is never lost with the page.
    pub fn deferring(mut self) -> Self {
        self.defer = true;
        let saved = self;
        // Kept for the whole visit, as the document is.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| saved.flush());
        self
    }

    /// Runs the save waiting for the next task, if one is.
    fn flush(&self) {
        if self
            .save_queued
            .try_update_value(|q| std::mem::replace(q, false))
            == Some(true)
        {
            self.save();
        }
    }

    pub fn with_around_write(mut self, around: AroundWrite<D>) -> Self {
        self.around_write = Some(around);
        self
    }

    /// Merges in what another tab just wrote under the key.
    fn take_in(&self, text: String) {
        // `try_`: the listener outlives nothing it needs, but must never
        // panic if it does.
        let seen = self
            .last
            .try_with_value(|last| last.as_deref() == Some(text.as_str()));
        if seen != Some(false) {
            return;
        }
        let mut result = Ok(());
        self.doc
            .try_update(|d| result = store::merge_text(&BrowserStore, d, &text, now_ms()));
        self.last.try_set_value(Some(text));
        if let Err(error) = result {
            self.report_failure(&error);
        }
    }

    pub fn read(&self) -> Signal<D> {
        self.doc.into()
    }

    pub fn get_untracked(&self) -> D {
        self.doc.get_untracked()
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&D) -> R) -> R {
        self.doc.with_untracked(read)
    }

    /// Changes the document and saves it.
    /// For a document kept for the whole visit (`deferring`), the save
    /// runs in the next task, after the browser has painted what changed:
    /// writing a long history takes longer than a frame, and the learner
    /// should see their feedback first. Changes made before it runs are
    /// saved together. A page's own document saves at once: the page may
    /// be gone by the next task.
    pub fn update(&self, change: impl FnOnce(&mut D)) {
        self.doc.update(change);
        if !self.defer {
            self.save();
        } else if self
            .save_queued
            .try_update_value(|q| std::mem::replace(q, true))
            == Some(false)
        {
            let saved = *self;
            set_timeout(move || saved.flush(), std::time::Duration::ZERO);
        }
    }

    /// Changes the document without saving (for frequent, cheap changes
    /// such as a ticking clock); call `save` soon after.
    pub fn update_quiet(&self, change: impl FnOnce(&mut D)) {
        self.doc.update(change);
    }

    pub fn save(&self) {
        if !self.writable.get_value() {
            self.notices.push_linked(
                Level::Error,
                format!(
                    "Your {} was not saved: data already in this browser could not be read or backed up, so FirstLine will not write over it.",
                    self.what
                ),
                Some(DAMAGED_LINK),
            );
            return;
        }
        let last = self.last.get_value();
        let mut result = None;
        let around = self.around_write;
        self.doc.update_untracked(|d| {
            let mut write = |d: &mut D| {
                result = Some(store::save_merged(
                    &BrowserStore,
                    d,
                    last.as_deref(),
                    now_ms(),
                ));
            };
            match around {
                Some(around) => around(d, &mut write),
                None => write(d),
            }
        });
        match result {
            Some(Ok(written)) => {
                self.last.set_value(Some(written.text));
                if written.merged {
                    // Another tab's work came in: show it.
                    self.doc.notify();
                }
            }
            Some(Err(error)) => self.report_failure(&error),
            // The signal is gone: the app is closing.
            None => {}
        }
    }

    fn report_failure(&self, error: &store::StoreError) {
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

/// Where damaged data can be downloaded and discarded.
const DAMAGED_LINK: (&str, &str) = ("/progress/backup", "Download or discard the damaged data");

impl<D: Document + Clone + Send + Sync + 'static> DamageOps for Saved<D> {
    fn unbacked(&self) -> Result<Option<String>, store::StoreError> {
        store::unbacked_damage::<D>(&BrowserStore)
    }

    fn discard_in_place(&self, downloaded: &str) -> Result<(), store::DiscardError> {
        store::discard_damaged::<D>(&BrowserStore, downloaded)?;
        self.resume();
        Ok(())
    }

    fn discard_backup(&self, backup_key: &str) -> Result<(), store::DiscardError> {
        if store::discard_backup_of::<D>(&BrowserStore, backup_key)? {
            // The same text was under the document's own key; with it gone
            // there is nothing left this tab must not write over.
            self.resume();
        }
        Ok(())
    }
}
