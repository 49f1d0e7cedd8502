//! The browser's localStorage behind the core's `KeyValueStore` trait, and
//! word of writes made by other tabs.

use firstline_core::store::{KeyValueStore, StoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

pub struct BrowserStore;

impl BrowserStore {
    fn storage() -> Result<web_sys::Storage, StoreError> {
        // gloo's `raw()` panics when storage is blocked; ask the window first.
        let available = web_sys::window()
            .map(|w| matches!(w.local_storage(), Ok(Some(_))))
            .unwrap_or(false);
        if available {
            Ok(LocalStorage::raw())
        } else {
            Err(StoreError::Unavailable(
                "localStorage is blocked or missing".into(),
            ))
        }
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::storage()?
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()?.set_item(key, value).map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StoreError::QuotaExceeded(describe(&e))
            } else {
                StoreError::Unavailable(describe(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::storage()?;
        let length = storage
            .length()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok((0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| {
            value
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.message())
        })
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Calls `then` with the new text whenever another tab of this site writes
/// `key` (the browser's `storage` event; a tab never hears its own
/// writes), for as long as the current reactive owner lives.
pub fn on_other_tab_write(key: &'static str, then: impl Fn(String) + 'static) {
    let listening = leptos::prelude::window_event_listener(
        leptos::ev::storage,
        move |event: web_sys::StorageEvent| {
            if event.key().as_deref() == Some(key) {
                if let Some(text) = event.new_value() {
                    then(text);
                }
            }
        },
    );
    // Stops listening when the owner goes: a page's own document (the exam
    // in progress) must not leave a listener behind on every visit.
    leptos::prelude::on_cleanup(move || listening.remove());
}

/// Bytes FirstLine's saved data takes in localStorage, as the browser
/// counts them (UTF-16), or `None` when storage cannot be read.
pub fn used_bytes() -> Option<u64> {
    let store = BrowserStore;
    let keys = store.keys().ok()?;
    let mut units: u64 = 0;
    for key in keys.iter().filter(|k| k.starts_with("firstline.")) {
        let value = store.get(key).ok().flatten().unwrap_or_default();
        let length = key.encode_utf16().count() + value.encode_utf16().count();
        units = units.saturating_add(length as u64);
    }
    Some(units.saturating_mul(2))
}

/// Asks the browser to keep this site's data when space runs low
/// (`navigator.storage.persist()`). `Ok(true)` when it agreed.
pub async fn ask_to_persist() -> Result<bool, String> {
    let manager = web_sys::window()
        .map(|w| w.navigator().storage())
        .ok_or_else(|| "this browser cannot be asked".to_owned())?;
    let promise = manager
        .persist()
        .map_err(|_| "this browser cannot be asked".to_owned())?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "the browser did not answer".to_owned())?;
    Ok(answer.as_bool().unwrap_or(false))
}
