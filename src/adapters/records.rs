//! The browser's IndexedDB as a few stores of text records (key and text),
//! through the `idb` crate. FirstLine keeps its answer history here: one
//! record per answer, so saving an answer writes one record rather than
//! rewriting the whole history in localStorage.
//!
//! Values are the core's envelope text (`store::encode_record`), not
//! structured clones, so one reader in the core checks and upgrades them
//! wherever they come from (this database, a backup file).

use idb::{DatabaseEvent, Factory, ObjectStoreParams, Query, TransactionMode, TransactionResult};
use wasm_bindgen::JsValue;

const DATABASE: &str = "firstline";
/// 1: the answer history and the records that could not be read.
const VERSION: u32 = 1;
/// Answers (`progress::history`).
pub const ANSWERS: &str = "answers";
/// Records that could not be read, kept aside byte for byte.
pub const DAMAGED: &str = "damaged";

pub struct Records {
    db: idb::Database,
}

/// Opens (and on first use creates) the database.
pub async fn open() -> Result<Records, String> {
    let factory = Factory::new().map_err(describe)?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(describe)?;
    request.on_upgrade_needed(|event| {
        // Runs only when the database is new or older than VERSION; an
        // error here aborts the open, which `open` then reports.
        if let Ok(db) = event.database() {
            let existing = db.store_names();
            for name in [ANSWERS, DAMAGED] {
                if !existing.iter().any(|n| n == name) {
                    let _ = db.create_object_store(name, ObjectStoreParams::new());
                }
            }
        }
    });
    let db = request.await.map_err(describe)?;
    Ok(Records { db })
}

impl Records {
    /// Every record in `store`, in key order.
    pub async fn all(&self, store: &str) -> Result<Vec<(String, String)>, String> {
        let tx = self
            .db
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(describe)?;
        let objects = tx.object_store(store).map_err(describe)?;
        // Both lists come from one transaction, so they line up.
        let keys = objects.get_all_keys(None, None).map_err(describe)?.await;
        let values = objects.get_all(None, None).map_err(describe)?.await;
        let (keys, values) = (keys.map_err(describe)?, values.map_err(describe)?);
        Ok(keys
            .into_iter()
            .zip(values)
            .map(|(k, v)| (text_of(&k), text_of(&v)))
            .collect())
    }

    /// The records under `keys` that exist.
    pub async fn get(&self, store: &str, keys: &[String]) -> Result<Vec<(String, String)>, String> {
        let tx = self
            .db
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(describe)?;
        let objects = tx.object_store(store).map_err(describe)?;
        let mut found = Vec::with_capacity(keys.len());
        for key in keys {
            let query = Query::Key(JsValue::from_str(key));
            if let Some(value) = objects
                .get(query)
                .map_err(describe)?
                .await
                .map_err(describe)?
            {
                found.push((key.clone(), text_of(&value)));
            }
        }
        Ok(found)
    }

    /// Writes `records` into `store` and, if given, deletes the same keys
    /// from `remove_from`, all in one transaction: when this returns `Ok`
    /// every record is stored; otherwise none is.
    pub async fn put(
        &self,
        store: &str,
        records: &[(String, String)],
        remove_from: Option<&str>,
    ) -> Result<(), String> {
        let mut names = vec![store];
        names.extend(remove_from);
        let tx = self
            .db
            .transaction(&names, TransactionMode::ReadWrite)
            .map_err(describe)?;
        let objects = tx.object_store(store).map_err(describe)?;
        let source = remove_from
            .map(|name| tx.object_store(name))
            .transpose()
            .map_err(describe)?;
        for (key, text) in records {
            let key = JsValue::from_str(key);
            // The requests finish with the transaction, awaited below.
            objects
                .put(&JsValue::from_str(text), Some(&key))
                .map_err(describe)?;
            if let Some(source) = &source {
                source.delete(Query::Key(key)).map_err(describe)?;
            }
        }
        // Commit now rather than when the page next gives way: a write
        // made as the page is hidden (a reload straight after an answer)
        // must not wait for a turn the page may never get.
        let tx = tx.commit().map_err(describe)?;
        match tx.await.map_err(describe)? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err("the browser did not finish the write".to_owned()),
        }
    }
}

/// A record's text. A value some other code stored as an object is turned
/// into JSON text, so it can still be kept aside and looked at.
fn text_of(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    })
}

fn describe(error: idb::Error) -> String {
    error.to_string()
}
