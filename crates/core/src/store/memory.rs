use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{KeyValueStore, StoreError};

/// An in-memory store for tests, with an optional size limit to exercise
/// quota failures.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    limit: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes once keys and values exceed `bytes`.
    pub fn with_limit(bytes: usize) -> Self {
        MemoryStore {
            entries: RefCell::default(),
            limit: Some(bytes),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(limit) = self.limit {
            if self.used_without(key) + key.len() + value.len() > limit {
                return Err(StoreError::QuotaExceeded(format!(
                    "the {limit}-byte limit is reached"
                )));
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
