//! Answers on their way into the answer history (`history`), kept in
//! localStorage until the database says it holds them. IndexedDB commits
//! after the page may have gone: an answer checked just before the learner
//! closes the tab would otherwise be in neither place, since the progress
//! document is written without the answers once they live in the
//! database. Each answer is a key of its own (`PREFIX` and its history
//! key) holding the record text the database gets, so tabs never write
//! over each other's and forgetting one is a single removal.

use crate::store::{KeyValueStore, StoreError};

/// What each pending answer's key starts with.
pub const PREFIX: &str = "firstline.pending-answer.";

/// Keeps the records (history key, record text) until `forget`.
pub fn keep(store: &dyn KeyValueStore, records: &[(String, String)]) -> Result<(), StoreError> {
    for (key, text) in records {
        store.set(&format!("{PREFIX}{key}"), text)?;
    }
    Ok(())
}

/// Forgets the records the database now holds. A record already gone (or
/// storage that cannot be reached) is not an error: at worst a record is
/// read again, and the history is keyed by answer, so it counts once.
pub fn forget<'a>(store: &dyn KeyValueStore, keys: impl IntoIterator<Item = &'a String>) {
    for key in keys {
        let _ = store.remove(&format!("{PREFIX}{key}"));
    }
}

/// The records kept, (history key, record text), in key order (which is
/// time order).
pub fn records(store: &dyn KeyValueStore) -> Result<Vec<(String, String)>, StoreError> {
    let mut found = Vec::new();
    for key in store.keys()? {
        let Some(answer) = key.strip_prefix(PREFIX) else {
            continue;
        };
        if let Some(text) = store.get(&key)? {
            found.push((answer.to_owned(), text));
        }
    }
    crate::sort::natural(&mut found);
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::history::{self, key};
    use crate::progress::testing::attempt;
    use crate::store::MemoryStore;

    fn record(question: &str, at: u64) -> (String, String) {
        let answer = attempt(question, at, 1.0);
        (key(&answer), history::encode(&answer, at).unwrap())
    }

    #[test]
    fn kept_records_read_back_in_time_order_and_as_answers() {
        let store = MemoryStore::new();
        let late = record("q-late", 2_000);
        let early = record("q-early", 1_000);
        keep(&store, &[late.clone(), early.clone()]).unwrap();
        assert_eq!(records(&store).unwrap(), vec![early, late]);
        let read = history::read(records(&store).unwrap());
        let questions: Vec<&str> = read.answers.iter().map(|a| a.question.as_str()).collect();
        assert_eq!(questions, ["q-early", "q-late"]);
        assert!(read.damaged.is_empty());
    }

    #[test]
    fn forgetting_removes_only_those_records_and_leaves_other_keys() {
        let store = MemoryStore::new();
        store.set("firstline.progress", "{}").unwrap();
        let one = record("q1", 1_000);
        let two = record("q2", 2_000);
        keep(&store, &[one.clone(), two.clone()]).unwrap();
        forget(&store, [&one.0]);
        assert_eq!(records(&store).unwrap(), vec![two.clone()]);
        // Forgetting again, or a key never kept, is harmless.
        forget(&store, [&one.0, &"nothing".to_owned()]);
        assert_eq!(records(&store).unwrap(), vec![two]);
        assert_eq!(
            store.get("firstline.progress").unwrap().as_deref(),
            Some("{}")
        );
    }

    #[test]
    fn a_full_store_says_so_and_keeps_what_it_took() {
        let one = record("q1", 1_000);
        let store = MemoryStore::with_limit(one.0.len() + one.1.len() + PREFIX.len());
        let two = record("q2", 2_000);
        assert!(keep(&store, &[one.clone(), two]).is_err());
        assert_eq!(records(&store).unwrap(), vec![one]);
    }
}
