//! The stored documents this visit has loaded, each with what the backup
//! page needs to deal with its damaged data. Deciding whether stored text
//! is damaged takes the document's own type (its decoder); the code for
//! that is already in the chunk of whichever page loaded the document, so
//! the backup page reaches it through this list instead of carrying every
//! document's decoder itself.
//!
//! A plain thread-local (the app has one thread), not context: a page's own
//! document (the exam in progress) registers from the page's owner, and the
//! entry must outlive that page so its damage can be discarded from the
//! backup page afterwards.

use std::cell::RefCell;
use std::rc::Rc;

use firstline_core::store::{DiscardError, StoreError};

/// What the backup page can do with one document's damaged data.
pub trait DamageOps {
    /// The document's own text when it is damaged and could not be kept
    /// aside (so saving it is paused), for download.
    fn unbacked(&self) -> Result<Option<String>, StoreError>;
    /// Removes that text (it must still equal `downloaded`) and lets the
    /// document be saved again.
    fn discard_in_place(&self, downloaded: &str) -> Result<(), DiscardError>;
    /// Removes one backup of the document's damaged data, and the damaged
    /// text still under its own key if it is the same.
    fn discard_backup(&self, backup_key: &str) -> Result<(), DiscardError>;
}

thread_local! {
    static LOADED: RefCell<Vec<(&'static str, Rc<dyn DamageOps>)>> = const { RefCell::new(Vec::new()) };
}

/// Records a loaded document; a later load of the same key replaces it.
pub fn register(key: &'static str, ops: Rc<dyn DamageOps>) {
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        loaded.retain(|(k, _)| *k != key);
        loaded.push((key, ops));
    });
}

/// The operations for a document loaded in this visit, if it was.
pub fn loaded(key: &str) -> Option<Rc<dyn DamageOps>> {
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, ops)| Rc::clone(ops))
    })
}
