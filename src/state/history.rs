//! The answer history in IndexedDB (see `firstline_core::progress::history`
//! for why). The progress document stays in localStorage with the review
//! schedule; this module reads the answers into it on start, writes each
//! new answer as its own record after the document is written, and takes
//! in answers another tab stored.
//!
//! An answer's record is also kept in localStorage until IndexedDB says it
//! holds it (`progress::pending`): the database commits after the page may
//! have gone, and the document is written without the answers.
//!
//! Until the history is known to be in IndexedDB ("live"), the document is
//! written whole, answers included, exactly as before: a browser without
//! IndexedDB, or one where it fails, still keeps every answer. Answers the
//! document holds from before (today's saves) move into IndexedDB first
//! and leave the document only once they are stored there.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use firstline_core::progress::{history, pending};
use firstline_core::progress::{Attempt, Progress};
use firstline_core::store::Document;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::notices::{Level, Notices};
use super::progress::ProgressState;
use crate::adapters::clock::now_ms;
use crate::adapters::records::{self, Records, ANSWERS, DAMAGED};
use crate::adapters::storage::BrowserStore;

/// Where tabs tell each other which answers they just stored.
const CHANNEL: &str = "firstline.answers";

#[derive(Default)]
struct History {
    started: bool,
    db: Option<Rc<Records>>,
    /// Keys of the answers stored in IndexedDB (or being written).
    stored: HashSet<String>,
    /// The history lives in IndexedDB: the document is written without it.
    live: bool,
    progress: Option<ProgressState>,
    notices: Option<Notices>,
    loaded: Option<RwSignal<bool>>,
    channel: Option<Channel>,
}

/// The channel and its listener, kept for the whole visit.
type Channel = (
    web_sys::BroadcastChannel,
    Closure<dyn Fn(web_sys::MessageEvent)>,
);

thread_local! {
    static HISTORY: RefCell<History> = RefCell::new(History::default());
}

/// Starts reading the history into `progress`; once per visit, under the
/// app's root owner (the listener and signal live as long as the app).
pub fn start(progress: ProgressState, notices: Notices) {
    let first = HISTORY.with_borrow_mut(|h| {
        let first = !h.started;
        if first {
            h.started = true;
            h.progress = Some(progress);
            h.notices = Some(notices);
            h.loaded = Some(RwSignal::new(false));
        }
        first
    });
    if first {
        spawn_local(load());
    }
}

/// True once the whole history is in the progress document (or it is
/// known that it cannot be read): a backup made before would miss answers.
pub fn loaded() -> Signal<bool> {
    match HISTORY.with_borrow(|h| h.loaded) {
        Some(signal) => signal.into(),
        None => Signal::stored(true),
    }
}

/// How many answers are stored in IndexedDB.
pub fn stored_count() -> usize {
    HISTORY.with_borrow(|h| h.stored.len())
}

/// Writes the progress document through `write`: without its answers once
/// the history is in IndexedDB, then stores the answers not stored yet.
/// Given to the progress document's `Saved` (`with_around_write`).
pub fn around_write(doc: &mut Progress, write: &mut dyn FnMut(&mut Progress)) {
    if !HISTORY.with_borrow(|h| h.live) {
        write(doc);
        return;
    }
    let answers = doc.detach_history();
    write(doc);
    doc.attach_history(answers);
    store_unsaved(&doc.attempts);
}

fn notify(level: Level, text: String) {
    if let Some(notices) = HISTORY.with_borrow(|h| h.notices) {
        notices.push(level, text);
    }
}

fn finish_loading() {
    if let Some(loaded) = HISTORY.with_borrow(|h| h.loaded) {
        loaded.try_set(true);
    }
}

async fn load() {
    let opened = async {
        let db = Rc::new(records::open().await?);
        let found = db.all(ANSWERS).await?;
        Ok::<_, String>((db, found))
    }
    .await;
    let (db, found) = match opened {
        Ok(ok) => ok,
        Err(error) => {
            // Not an error for the learner: answers go on being kept in
            // localStorage, as they always were.
            notify(
                Level::Info,
                format!("Your answers are kept in this browser\u{2019}s local storage: its database could not be opened ({error})."),
            );
            finish_loading();
            return;
        }
    };
    let mut read = history::read(found);
    if !read.damaged.is_empty() {
        keep_aside(&db, &read.damaged).await;
    }
    let Some(progress) = HISTORY.with_borrow(|h| h.progress) else {
        return;
    };
    let stored: HashSet<String> = read.answers.iter().map(history::key).collect();
    // Answers whose writing the database may not have finished (the page
    // went): those it lacks join the history, and are stored below.
    let waiting = waiting_answers();
    let settled: Vec<String> = waiting
        .iter()
        .map(history::key)
        .filter(|k| stored.contains(k))
        .collect();
    pending::forget(&BrowserStore, &settled);
    read.answers.extend(
        waiting
            .into_iter()
            .filter(|a| !stored.contains(&history::key(a))),
    );
    // Answers the document holds were saved before the history moved (or
    // while it could not): they move now, and leave the document after.
    let had_local = progress.with_untracked(|d| !d.attempts.is_empty());
    progress.update_quiet(|d| d.attach_history(read.answers));
    HISTORY.with_borrow_mut(|h| {
        h.stored = stored;
        h.db = Some(db.clone());
    });
    let todo = encode_unsaved(&progress.get_untracked().attempts);
    if !todo.is_empty() {
        if let Err(error) = db.put(ANSWERS, &todo, None).await {
            notify(
                Level::Warning,
                format!("Your answers stay in this browser\u{2019}s local storage for now: its database did not take them ({error})."),
            );
            finish_loading();
            return;
        }
        pending::forget(&BrowserStore, todo.iter().map(|(k, _)| k));
        HISTORY.with_borrow_mut(|h| h.stored.extend(todo.into_iter().map(|(k, _)| k)));
    }
    HISTORY.with_borrow_mut(|h| h.live = true);
    listen_to_other_tabs();
    if had_local {
        // Now stored in IndexedDB: write the document without them.
        progress.save();
    }
    finish_loading();
}

/// The answers kept in localStorage while their writing to the database
/// was under way. One that cannot be read is left where it is, and said.
fn waiting_answers() -> Vec<Attempt> {
    let records = pending::records(&BrowserStore).unwrap_or_default();
    let read = history::read(records);
    if let Some((key, problem)) = read.damaged.first() {
        notify(
            Level::Warning,
            format!(
                "{} answer(s) saved as the page closed could not be read ({problem}); they are left unchanged in this browser\u{2019}s local storage (key \u{201c}{}{key}\u{201d}{}).",
                read.damaged.len(),
                pending::PREFIX,
                if read.damaged.len() > 1 { " and others like it" } else { "" },
            ),
        );
    }
    read.answers
}

/// Moves records that could not be read to the `damaged` store, unchanged,
/// and says so.
async fn keep_aside(db: &Records, damaged: &[(String, String)]) {
    let keys: Vec<String> = damaged.iter().map(|(k, _)| k.clone()).collect();
    let problem = damaged.first().map(|(_, p)| p.clone()).unwrap_or_default();
    let moved = match db.get(ANSWERS, &keys).await {
        Ok(texts) => db.put(DAMAGED, &texts, Some(ANSWERS)).await,
        Err(e) => Err(e),
    };
    let count = keys.len();
    let text = match moved {
        Ok(()) => format!(
            "{count} saved answer(s) could not be read ({problem}). They were kept aside unchanged in this browser\u{2019}s database (store \u{201c}{DAMAGED}\u{201d}) and the rest of your history loaded."
        ),
        Err(error) => format!(
            "{count} saved answer(s) could not be read ({problem}) and could not be moved aside ({error}); they are left where they are and the rest of your history loaded."
        ),
    };
    notify(Level::Warning, text);
}

/// The answers not yet stored, as records.
fn encode_unsaved(attempts: &[Attempt]) -> Vec<(String, String)> {
    let now = now_ms();
    HISTORY.with_borrow(|h| {
        history::unsaved(attempts, &h.stored)
            .into_iter()
            .filter_map(|(key, answer)| history::encode(answer, now).ok().map(|text| (key, text)))
            .collect()
    })
}

/// Stores the answers not stored yet, in one transaction, then tells the
/// other tabs. If the database refuses them, the history goes back to
/// localStorage so nothing is lost.
fn store_unsaved(attempts: &[Attempt]) {
    let todo = encode_unsaved(attempts);
    if todo.is_empty() {
        return;
    }
    let Some(db) = HISTORY.with_borrow_mut(|h| {
        h.stored.extend(todo.iter().map(|(k, _)| k.clone()));
        h.db.clone()
    }) else {
        return;
    };
    // Kept until the database holds them (a full localStorage only loses
    // that safety net, not the answers).
    let _ = pending::keep(&BrowserStore, &todo);
    spawn_local(async move {
        match db.put(ANSWERS, &todo, None).await {
            Ok(()) => {
                pending::forget(&BrowserStore, todo.iter().map(|(k, _)| k));
                tell_other_tabs(&todo);
            }
            Err(error) => {
                let progress = HISTORY.with_borrow_mut(|h| {
                    for (key, _) in &todo {
                        h.stored.remove(key);
                    }
                    h.live = false;
                    h.progress
                });
                notify(
                    Level::Warning,
                    format!("Your latest answer could not be stored in this browser\u{2019}s database ({error}); your answers are kept in its local storage instead."),
                );
                if let Some(progress) = progress {
                    progress.save();
                }
            }
        }
    });
}

fn tell_other_tabs(records: &[(String, String)]) {
    let keys: Vec<&str> = records.iter().map(|(k, _)| k.as_str()).collect();
    let Ok(message) = serde_json::to_string(&keys) else {
        return;
    };
    HISTORY.with_borrow(|h| {
        if let Some((channel, _)) = &h.channel {
            let _ = channel.post_message(&message.into());
        }
    });
}

/// Takes in the answers another tab reports it stored.
fn listen_to_other_tabs() {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let keys: Vec<String> = event
                .data()
                .as_string()
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default();
            if !keys.is_empty() {
                spawn_local(take_in(keys));
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    HISTORY.with_borrow_mut(|h| h.channel = Some((channel, on_message)));
}

async fn take_in(keys: Vec<String>) {
    let (db, progress, missing) = HISTORY.with_borrow(|h| {
        let missing: Vec<String> = keys.into_iter().filter(|k| !h.stored.contains(k)).collect();
        (h.db.clone(), h.progress, missing)
    });
    let (Some(db), Some(progress)) = (db, progress) else {
        return;
    };
    if missing.is_empty() {
        return;
    }
    let Ok(found) = db.get(ANSWERS, &missing).await else {
        return;
    };
    let read = history::read(found);
    HISTORY.with_borrow_mut(|h| h.stored.extend(read.answers.iter().map(history::key)));
    progress.update_quiet(|d| {
        d.merge(Progress {
            attempts: read.answers,
            ..Progress::default()
        })
    });
}
