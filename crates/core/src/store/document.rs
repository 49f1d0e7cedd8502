//! A document saved under one key in a versioned envelope. Loading never
//! fails: unreadable data is kept aside under a backup key and the app goes
//! on with a fresh document, telling the user what happened.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

use super::{KeyValueStore, StoreError};

pub trait Document: Serialize + DeserializeOwned + Default {
    /// The storage key.
    const KEY: &'static str;
    /// Names what the envelope holds, so data of another kind is recognised.
    const FORMAT: &'static str;
    /// The version this build writes.
    const VERSION: u32;

    /// Turns version `from` data (JSON text) into version `from + 1` data.
    fn upgrade(from: u32, data: &str) -> Result<String, String> {
        let _ = data;
        Err(format!("there is no upgrade from version {from}"))
    }

    /// Takes in what another tab saved (`store::save_merged`). Logs merge
    /// as a union that never drops an entry; by default this tab's copy
    /// wins, for documents that hold one thing in progress.
    fn merge(&mut self, theirs: Self) {
        let _ = theirs;
    }

    /// Brings numbers read from storage or a file back into their ranges
    /// (a score above 100, a share above 1). Called on every read.
    fn repair(&mut self) {}
}

/// What is stored: the data with what it is and which version wrote it.
/// `data` stays raw text until its version is known, and is then read once,
/// from text, so each document type has a single deserializer in the bundle.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    #[allow(dead_code)]
    saved_at: u64,
    data: Box<RawValue>,
}

#[derive(Serialize)]
struct EnvelopeOut<'a, D> {
    format: &'a str,
    version: u32,
    saved_at: u64,
    data: &'a D,
}

/// Something the user should be told about after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The stored data could not be used; it was copied to `backup_key`.
    KeptAside { backup_key: String, problem: String },
    /// The stored data could not be used and could not be copied aside
    /// either, so nothing will be written over it.
    NotBackedUp { problem: String, error: String },
    /// Data from an older version was upgraded; the original is in `backup_key`.
    Upgraded {
        from: u32,
        to: u32,
        backup_key: String,
    },
    /// The store could not be read at all.
    Unavailable { error: String },
}

impl Notice {
    pub fn message(&self, what: &str) -> String {
        match self {
            Notice::KeptAside { backup_key, problem } => format!(
                "Your saved {what} could not be read ({problem}). It was kept aside under the storage key \"{backup_key}\" and FirstLine started with a fresh copy."
            ),
            Notice::NotBackedUp { problem, error } => format!(
                "Your saved {what} could not be read ({problem}), and it could not be copied aside ({error}). FirstLine will not save over it during this visit."
            ),
            Notice::Upgraded { from, to, backup_key } => format!(
                "Your saved {what} was upgraded from version {from} to {to}; the original is kept under \"{backup_key}\"."
            ),
            Notice::Unavailable { error } => format!(
                "Browser storage cannot be read ({error}), so your {what} will not be saved during this visit."
            ),
        }
    }

    /// Whether the user needs to act or know that something went wrong.
    pub fn is_warning(&self) -> bool {
        !matches!(self, Notice::Upgraded { .. })
    }
}

#[derive(Debug)]
pub struct Loaded<D> {
    pub doc: D,
    pub notice: Option<Notice>,
    /// False when saving would overwrite data that is not backed up.
    pub writable: bool,
    /// The text read, for `save_merged` to tell whether another tab has
    /// written since.
    pub raw: Option<String>,
}

/// Loads `D` from the store; `now` (milliseconds) names any backup key.
pub fn load<D: Document>(store: &dyn KeyValueStore, now: u64) -> Loaded<D> {
    let raw = match store.get(D::KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                doc: D::default(),
                notice: None,
                writable: true,
                raw: None,
            }
        }
        Err(error) => {
            return Loaded {
                doc: D::default(),
                notice: Some(Notice::Unavailable {
                    error: error.to_string(),
                }),
                writable: false,
                raw: None,
            }
        }
    };
    // What was read has been dealt with (read, upgraded or kept aside):
    // `save_merged` need not read it again.
    let seen = Some(raw.clone());
    match decode::<D>(&raw) {
        Ok((doc, from)) if from == D::VERSION => Loaded {
            doc,
            notice: None,
            writable: true,
            raw: seen,
        },
        Ok((doc, from)) => {
            let backup_key = format!("{}.v{from}", D::KEY);
            let notice = match store.set(&backup_key, &raw) {
                Ok(()) => Notice::Upgraded {
                    from,
                    to: D::VERSION,
                    backup_key,
                },
                Err(error) => Notice::NotBackedUp {
                    problem: format!("it needed an upgrade from version {from}"),
                    error: error.to_string(),
                },
            };
            let writable = matches!(notice, Notice::Upgraded { .. });
            Loaded {
                doc,
                notice: Some(notice),
                writable,
                raw: seen,
            }
        }
        Err(problem) => {
            // One backup per damaged text, not one per start: until the
            // document is next saved, every start reads the same damaged
            // text, and copying it again each time filled the quota (three
            // starts with 1 MB of damaged data used 4 MB of 5).
            let kept = existing_backup(store, D::KEY, &raw);
            let backup_key = kept
                .clone()
                .unwrap_or_else(|| format!("{}{now}", backup_prefix(D::KEY)));
            let copied = match kept {
                Some(_) => Ok(()),
                None => store.set(&backup_key, &raw),
            };
            let (notice, writable) = match copied {
                Ok(()) => (
                    Notice::KeptAside {
                        backup_key,
                        problem,
                    },
                    true,
                ),
                Err(error) => (
                    Notice::NotBackedUp {
                        problem,
                        error: error.to_string(),
                    },
                    false,
                ),
            };
            Loaded {
                doc: D::default(),
                notice: Some(notice),
                writable,
                raw: seen,
            }
        }
    }
}

/// Where the backups of a document's damaged data are kept: the document's
/// key, `.backup.`, then the time (ms) the damage was first found.
pub fn backup_prefix(document_key: &str) -> String {
    format!("{document_key}.backup.")
}

/// The backup key already holding exactly `raw`, if any.
fn existing_backup(store: &dyn KeyValueStore, document_key: &str, raw: &str) -> Option<String> {
    // A store that cannot list or read its keys gets a new backup: a
    // duplicate costs space, a lost copy would cost the data.
    let keys = backup_keys(store, document_key).ok()?;
    keys.into_iter()
        .find(|key| matches!(store.get(key), Ok(Some(text)) if text == raw))
}

/// The keys of the backups kept for a document (`Document::KEY`), oldest
/// first, so the app can offer each for download and then discard it.
pub fn backup_keys(
    store: &dyn KeyValueStore,
    document_key: &str,
) -> Result<Vec<String>, StoreError> {
    let prefix = backup_prefix(document_key);
    let mut keys: Vec<(u64, String)> = store
        .keys()?
        .into_iter()
        .filter_map(|key| {
            let at = key.strip_prefix(&prefix)?.parse::<u64>().ok()?;
            Some((at, key))
        })
        .collect();
    crate::sort::natural(&mut keys);
    Ok(keys.into_iter().map(|(_, key)| key).collect())
}

/// Why a backup could not be discarded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DiscardError {
    /// The key is not one of this document's backups: discarding is only
    /// for copies, never for a document or another document's backup.
    #[error("\"{key}\" is not a backup of \"{document_key}\"")]
    NotABackup { key: String, document_key: String },
    /// The text under the key is a document this build can read.
    #[error("\"{key}\" holds data FirstLine can read, so it was not discarded")]
    Readable { key: String },
    /// The text under the key is no longer the text that was downloaded.
    #[error("\"{key}\" changed since it was downloaded (another tab wrote it), so it was not discarded; reload and try again")]
    Changed { key: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Removes one backup of a document's damaged data (after the user has
/// downloaded it). Only keys `backup_keys` lists are accepted.
pub fn discard_backup(
    store: &dyn KeyValueStore,
    document_key: &str,
    backup_key: &str,
) -> Result<(), DiscardError> {
    let is_backup = backup_key
        .strip_prefix(&backup_prefix(document_key))
        .is_some_and(|at| at.parse::<u64>().is_ok());
    if !is_backup {
        return Err(DiscardError::NotABackup {
            key: backup_key.to_owned(),
            document_key: document_key.to_owned(),
        });
    }
    store.remove(backup_key)?;
    Ok(())
}

/// The text under a document's own key when it cannot be read and no backup
/// holds it: what `load` could not copy aside (the store was full), which
/// blocks saving until the user downloads and discards it. `None` when the
/// key is empty, holds a readable document, or its text is backed up.
pub fn unbacked_damage<D: Document>(
    store: &dyn KeyValueStore,
) -> Result<Option<String>, StoreError> {
    let Some(raw) = store.get(D::KEY)? else {
        return Ok(None);
    };
    if decode::<D>(&raw).is_ok() || existing_backup(store, D::KEY, &raw).is_some() {
        return Ok(None);
    }
    Ok(Some(raw))
}

/// Removes the damaged text under a document's own key, once the user has
/// downloaded it (`downloaded`: the text they got). Refuses a document this
/// build can read, and text that changed since the download (another tab
/// wrote), so a healthy document is never removed. An empty key is already
/// what was asked for.
pub fn discard_damaged<D: Document>(
    store: &dyn KeyValueStore,
    downloaded: &str,
) -> Result<(), DiscardError> {
    let Some(raw) = store.get(D::KEY)? else {
        return Ok(());
    };
    if raw != downloaded {
        return Err(DiscardError::Changed {
            key: D::KEY.to_owned(),
        });
    }
    if decode::<D>(&raw).is_ok() {
        return Err(DiscardError::Readable {
            key: D::KEY.to_owned(),
        });
    }
    store.remove(D::KEY)?;
    Ok(())
}

/// Discards one backup of `D`'s damaged data (`discard_backup`) and, when
/// the document's own key still holds that same unreadable text (nothing
/// has been saved since the damage was found), that too: otherwise the
/// next start would find the text again and keep it aside once more.
/// Returns whether the document's own text was removed.
pub fn discard_backup_of<D: Document>(
    store: &dyn KeyValueStore,
    backup_key: &str,
) -> Result<bool, DiscardError> {
    let text = store.get(backup_key)?;
    discard_backup(store, D::KEY, backup_key)?;
    let Some(text) = text else {
        return Ok(false);
    };
    let same = store.get(D::KEY)?.is_some_and(|raw| raw == text);
    if same && decode::<D>(&text).is_err() {
        store.remove(D::KEY)?;
        return Ok(true);
    }
    Ok(false)
}

/// Reads an envelope and upgrades its data; returns the version it had.
pub(super) fn decode<D: Document>(raw: &str) -> Result<(D, u32), String> {
    let envelope: Envelope =
        serde_json::from_str(raw).map_err(|e| format!("it is not a FirstLine save: {e}"))?;
    if envelope.format != D::FORMAT {
        return Err(format!(
            "it holds \"{}\" data, not \"{}\"",
            envelope.format,
            D::FORMAT
        ));
    }
    if envelope.version > D::VERSION {
        return Err(format!(
            "it was written by a newer FirstLine (version {}; this one reads up to {})",
            envelope.version,
            D::VERSION
        ));
    }
    if envelope.version == 0 {
        return Err("it has version 0, which no FirstLine writes".to_owned());
    }
    let mut data = envelope.data.get().to_owned();
    for version in envelope.version..D::VERSION {
        data = D::upgrade(version, &data)
            .map_err(|e| format!("upgrading from version {version} failed: {e}"))?;
    }
    let mut doc: D =
        serde_json::from_str(&data).map_err(|e| format!("its contents do not match: {e}"))?;
    doc.repair();
    Ok((doc, envelope.version))
}

/// Saves `doc` under its key. The caller reports a failure to the user.
/// (With more than one tab open, use `save_merged`.)
pub fn save<D: Document>(store: &dyn KeyValueStore, doc: &D, now: u64) -> Result<(), StoreError> {
    store.set(D::KEY, &encode(doc, now)?)
}

/// The stored text of `doc`: its envelope.
pub(super) fn encode<D: Document>(doc: &D, now: u64) -> Result<String, StoreError> {
    let envelope = EnvelopeOut {
        format: D::FORMAT,
        version: D::VERSION,
        saved_at: now,
        data: doc,
    };
    serde_json::to_string(&envelope).map_err(|e| StoreError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    /// Version 2 renamed `n` to `count`.
    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Counter {
        count: u32,
    }

    impl Document for Counter {
        const KEY: &'static str = "test.counter";
        const FORMAT: &'static str = "test-counter";
        const VERSION: u32 = 2;

        fn upgrade(from: u32, data: &str) -> Result<String, String> {
            match from {
                1 => {
                    let old: serde_json::Value =
                        serde_json::from_str(data).map_err(|e| e.to_string())?;
                    let n = old.get("n").cloned().ok_or("missing n")?;
                    Ok(serde_json::json!({ "count": n }).to_string())
                }
                _ => Err(format!("unknown version {from}")),
            }
        }
    }

    #[test]
    fn round_trips() {
        let store = MemoryStore::new();
        save(&store, &Counter { count: 7 }, 1).unwrap();
        let loaded: Loaded<Counter> = load(&store, 2);
        assert_eq!(loaded.doc, Counter { count: 7 });
        assert_eq!(loaded.notice, None);
        assert!(loaded.writable);
    }

    #[test]
    fn nothing_stored_gives_a_fresh_document() {
        let loaded: Loaded<Counter> = load(&MemoryStore::new(), 0);
        assert_eq!(loaded.doc, Counter::default());
        assert!(loaded.notice.is_none());
    }

    #[test]
    fn garbage_is_kept_aside_and_the_app_goes_on() {
        let store = MemoryStore::new();
        store.set("test.counter", "{not json").unwrap();
        let loaded: Loaded<Counter> = load(&store, 99);
        assert_eq!(loaded.doc, Counter::default());
        assert!(loaded.writable);
        let Some(Notice::KeptAside { backup_key, .. }) = &loaded.notice else {
            panic!("expected KeptAside, got {:?}", loaded.notice)
        };
        assert_eq!(backup_key, "test.counter.backup.99");
        assert_eq!(store.get(backup_key).unwrap().as_deref(), Some("{not json"));
        // The original stays until the next save replaces it.
        assert_eq!(
            store.get("test.counter").unwrap().as_deref(),
            Some("{not json")
        );
    }

    #[test]
    fn foreign_and_newer_data_are_kept_aside() {
        for raw in [
            r#"{"format":"other","version":1,"saved_at":0,"data":{}}"#,
            r#"{"format":"test-counter","version":3,"saved_at":0,"data":{"count":1}}"#,
            r#"{"format":"test-counter","version":2,"saved_at":0,"data":{"count":"x"}}"#,
            r#"[1,2,3]"#,
        ] {
            let store = MemoryStore::new();
            store.set("test.counter", raw).unwrap();
            let loaded: Loaded<Counter> = load(&store, 5);
            assert!(
                matches!(loaded.notice, Some(Notice::KeptAside { .. })),
                "{raw}: {:?}",
                loaded.notice
            );
            assert_eq!(
                store.get("test.counter.backup.5").unwrap().as_deref(),
                Some(raw)
            );
        }
    }

    #[test]
    fn old_versions_are_upgraded_and_the_original_kept() {
        let store = MemoryStore::new();
        let v1 = r#"{"format":"test-counter","version":1,"saved_at":0,"data":{"n":4}}"#;
        store.set("test.counter", v1).unwrap();
        let loaded: Loaded<Counter> = load(&store, 5);
        assert_eq!(loaded.doc, Counter { count: 4 });
        assert_eq!(
            loaded.notice,
            Some(Notice::Upgraded {
                from: 1,
                to: 2,
                backup_key: "test.counter.v1".into()
            })
        );
        assert_eq!(store.get("test.counter.v1").unwrap().as_deref(), Some(v1));
    }

    #[test]
    fn unreadable_data_that_cannot_be_backed_up_is_never_overwritten() {
        let raw = "x".repeat(40);
        let store = MemoryStore::with_limit(60);
        store.set("test.counter", &raw).unwrap();
        let loaded: Loaded<Counter> = load(&store, 5);
        assert!(!loaded.writable);
        assert!(matches!(loaded.notice, Some(Notice::NotBackedUp { .. })));
    }

    #[test]
    fn damaged_data_is_backed_up_once_however_often_the_app_starts() {
        // Three starts with 1 MB of damaged data in a 5 MB store: one
        // backup (2 MB in all), where each start used to add another.
        let raw = "x".repeat(1_000_000);
        let store = MemoryStore::with_limit(5_000_000);
        store.set("test.counter", &raw).unwrap();
        let mut keys = Vec::new();
        for start in [10, 20, 30] {
            let loaded: Loaded<Counter> = load(&store, start);
            assert!(loaded.writable);
            let Some(Notice::KeptAside { backup_key, .. }) = loaded.notice else {
                panic!("expected KeptAside, got {:?}", loaded.notice)
            };
            keys.push(backup_key);
        }
        assert_eq!(keys, vec!["test.counter.backup.10"; 3]);
        assert_eq!(
            backup_keys(&store, "test.counter").unwrap(),
            vec!["test.counter.backup.10"]
        );
        let used: usize = store
            .keys()
            .unwrap()
            .iter()
            .map(|k| k.len() + store.get(k).unwrap().map_or(0, |v| v.len()))
            .sum();
        assert!(used < 2_100_000, "{used} bytes used");
    }

    #[test]
    fn different_damage_gets_its_own_backup_and_backups_can_be_discarded() {
        let store = MemoryStore::new();
        store.set("test.counter", "{first").unwrap();
        let _: Loaded<Counter> = load(&store, 7);
        store.set("test.counter", "{second").unwrap();
        let _: Loaded<Counter> = load(&store, 300);
        let _: Loaded<Counter> = load(&store, 301);
        // Another document's backup, and a key that only looks like one.
        store.set("test.counterx.backup.1", "other").unwrap();
        store.set("test.counter.backup.notes", "mine").unwrap();
        let keys = backup_keys(&store, "test.counter").unwrap();
        assert_eq!(
            keys,
            vec!["test.counter.backup.7", "test.counter.backup.300"]
        );
        assert_eq!(store.get(&keys[0]).unwrap().as_deref(), Some("{first"));

        discard_backup(&store, "test.counter", &keys[0]).unwrap();
        assert_eq!(
            backup_keys(&store, "test.counter").unwrap(),
            vec!["test.counter.backup.300"]
        );
        for wrong in [
            "test.counter",
            "test.counterx.backup.1",
            "test.counter.backup.notes",
            "test.counter.v1",
        ] {
            assert!(
                matches!(
                    discard_backup(&store, "test.counter", wrong),
                    Err(DiscardError::NotABackup { .. })
                ),
                "{wrong}"
            );
        }
        assert!(store.get("test.counter").unwrap().is_some());
    }

    #[test]
    fn damage_that_could_not_be_backed_up_can_be_discarded_and_saving_resumes() {
        // Room for the damaged text or a document, not for a copy as well.
        let raw = "x".repeat(60);
        let store = MemoryStore::with_limit(100);
        store.set("test.counter", &raw).unwrap();
        let loaded: Loaded<Counter> = load(&store, 5);
        assert!(!loaded.writable);
        assert_eq!(
            unbacked_damage::<Counter>(&store).unwrap().as_deref(),
            Some(raw.as_str())
        );
        // Text other than what was downloaded is not touched.
        assert_eq!(
            discard_damaged::<Counter>(&store, "something else"),
            Err(DiscardError::Changed {
                key: "test.counter".into()
            })
        );
        assert_eq!(
            store.get("test.counter").unwrap().as_deref(),
            Some(raw.as_str())
        );
        discard_damaged::<Counter>(&store, &raw).unwrap();
        assert_eq!(store.get("test.counter").unwrap(), None);
        assert_eq!(unbacked_damage::<Counter>(&store).unwrap(), None);
        // With the space back, the next start can write.
        let loaded: Loaded<Counter> = load(&store, 6);
        assert!(loaded.writable);
        assert!(loaded.notice.is_none());
        save(&store, &Counter { count: 3 }, 7).unwrap();
        // Discarding again finds nothing damaged and removes nothing.
        let healthy = store.get("test.counter").unwrap().unwrap();
        assert!(matches!(
            discard_damaged::<Counter>(&store, &healthy),
            Err(DiscardError::Readable { .. })
        ));
        let loaded: Loaded<Counter> = load(&store, 8);
        assert_eq!(loaded.doc, Counter { count: 3 });
    }

    #[test]
    fn a_healthy_document_is_never_discarded() {
        let store = MemoryStore::new();
        save(&store, &Counter { count: 9 }, 1).unwrap();
        let healthy = store.get("test.counter").unwrap().unwrap();
        assert_eq!(
            discard_damaged::<Counter>(&store, &healthy),
            Err(DiscardError::Readable {
                key: "test.counter".into()
            })
        );
        // An older version that upgrades is readable too.
        let v1 = r#"{"format":"test-counter","version":1,"saved_at":0,"data":{"n":4}}"#;
        let old = MemoryStore::new();
        old.set("test.counter", v1).unwrap();
        assert!(matches!(
            discard_damaged::<Counter>(&old, v1),
            Err(DiscardError::Readable { .. })
        ));
        assert_eq!(old.get("test.counter").unwrap().as_deref(), Some(v1));
        assert_eq!(unbacked_damage::<Counter>(&old).unwrap(), None);
        let loaded: Loaded<Counter> = load(&store, 2);
        assert_eq!(loaded.doc, Counter { count: 9 });
    }

    #[test]
    fn damage_kept_aside_is_not_reported_as_unbacked() {
        let store = MemoryStore::new();
        store.set("test.counter", "{not json").unwrap();
        assert_eq!(
            unbacked_damage::<Counter>(&store).unwrap().as_deref(),
            Some("{not json")
        );
        let _: Loaded<Counter> = load(&store, 4);
        assert_eq!(unbacked_damage::<Counter>(&store).unwrap(), None);
    }

    #[test]
    fn discarding_the_backup_of_unsaved_damage_removes_the_damage_too() {
        let store = MemoryStore::new();
        store.set("test.counter", "{not json").unwrap();
        let _: Loaded<Counter> = load(&store, 4);
        assert_eq!(
            discard_backup_of::<Counter>(&store, "test.counter.backup.4"),
            Ok(true)
        );
        assert_eq!(store.get("test.counter").unwrap(), None);
        assert_eq!(
            backup_keys(&store, "test.counter").unwrap(),
            Vec::<String>::new()
        );
        // The next start finds nothing to keep aside.
        let loaded: Loaded<Counter> = load(&store, 5);
        assert!(loaded.notice.is_none());
        assert!(store.keys().unwrap().is_empty());
    }

    #[test]
    fn discarding_a_backup_leaves_a_saved_document_alone() {
        let store = MemoryStore::new();
        store.set("test.counter", "{not json").unwrap();
        let _: Loaded<Counter> = load(&store, 4);
        save(&store, &Counter { count: 2 }, 5).unwrap();
        let saved = store.get("test.counter").unwrap();
        assert_eq!(
            discard_backup_of::<Counter>(&store, "test.counter.backup.4"),
            Ok(false)
        );
        assert_eq!(store.get("test.counter").unwrap(), saved);
        assert_eq!(store.get("test.counter.backup.4").unwrap(), None);
        // Only backups: the document's own key is refused.
        assert!(matches!(
            discard_backup_of::<Counter>(&store, "test.counter"),
            Err(DiscardError::NotABackup { .. })
        ));
        assert_eq!(store.get("test.counter").unwrap(), saved);
    }

    #[test]
    fn a_full_store_reports_the_failed_write() {
        let store = MemoryStore::with_limit(20);
        let err = save(&store, &Counter { count: 1 }, 0).unwrap_err();
        assert!(matches!(err, StoreError::QuotaExceeded(_)));
    }
}
