//! Saved data: a key-value store trait (localStorage in the browser, memory
//! in tests) and versioned documents kept in it safely.

mod document;
mod memory;
pub mod newest;
mod record;
mod sync;

pub use document::{
    backup_keys, backup_prefix, discard_backup, discard_backup_of, discard_damaged, load, save,
    unbacked_damage, DiscardError, Document, Loaded, Notice,
};
pub use memory::MemoryStore;
pub use record::{decode_record, encode_record};
pub use sync::{merge_text, save_merged, Written};

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error("browser storage is full: {0}")]
    QuotaExceeded(String),
    #[error("browser storage is not available: {0}")]
    Unavailable(String),
    #[error("could not encode the data: {0}")]
    Encode(String),
}

/// A string key-value store such as the browser's localStorage.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}
