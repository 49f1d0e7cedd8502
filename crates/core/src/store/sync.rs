//! Saving from several tabs without losing writes. Each tab remembers the
//! text it last read or wrote under a key; before writing, it reads the
//! key again and, if another tab wrote since, merges that in first
//! (`Document::merge`). Both tabs' work survives in any interleaving.

use super::document::{decode, encode, Document};
use super::{KeyValueStore, StoreError};

/// What `save_merged` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The text now stored, to pass as `last` next time.
    pub text: String,
    /// Whether another tab's work was merged in (the document changed).
    pub merged: bool,
}

/// Saves `doc` after merging in whatever another tab saved since this tab
/// last read or wrote the key (`last`: the stored text then).
pub fn save_merged<D: Document>(
    store: &dyn KeyValueStore,
    doc: &mut D,
    last: Option<&str>,
    now: u64,
) -> Result<Written, StoreError> {
    let mut merged = false;
    if let Some(stored) = store.get(D::KEY)? {
        if Some(stored.as_str()) != last {
            merge_text(store, doc, &stored, now)?;
            merged = true;
        }
    }
    let text = encode(doc, now)?;
    store.set(D::KEY, &text)?;
    Ok(Written { text, merged })
}

/// Merges `stored` (a key's text, written by another tab) into `doc`.
/// Text that cannot be read (damaged, or from a newer FirstLine) is copied
/// aside under a backup key, as loading does, so writing over it loses
/// nothing.
pub fn merge_text<D: Document>(
    store: &dyn KeyValueStore,
    doc: &mut D,
    stored: &str,
    now: u64,
) -> Result<(), StoreError> {
    match decode::<D>(stored) {
        Ok((theirs, _)) => {
            doc.merge(theirs);
            Ok(())
        }
        Err(_) => store.set(&format!("{}.backup.{now}", D::KEY), stored),
    }
}
