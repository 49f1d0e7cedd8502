//! Functions in a wasm chunk that a page fetches only once the learner
//! starts to need them (scoring an interview answer, a call's debrief):
//! fetched quietly as they start, so the moment they ask rarely waits,
//! and fetched again when they ask if that failed, with the failure shown
//! then. The chunk hands back a table of functions, so no call into it
//! stays in the page's own code.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Fetches the chunk and hands back its functions (the chunk's loader
/// runs once; later calls get the same functions).
pub type Load<T> = fn() -> Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

pub struct OnDemand<T: Send + Sync + 'static> {
    load: Load<T>,
    got: RwSignal<Option<T>>,
    failed: RwSignal<bool>,
    /// Whether `prefetch` has started, so it starts once.
    prefetched: StoredValue<bool>,
}

// By hand: derived, they would ask `T` to be `Copy` for the handle itself.
impl<T: Send + Sync + 'static> Clone for OnDemand<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for OnDemand<T> {}

impl<T: Copy + Send + Sync + 'static> OnDemand<T> {
    pub fn new(load: Load<T>) -> Self {
        OnDemand {
            load,
            got: RwSignal::new(None),
            failed: RwSignal::new(false),
            prefetched: StoredValue::new(false),
        }
    }

    /// Starts the download, once; a failure is left to `get` to report,
    /// when the learner asks.
    pub fn prefetch(self) {
        if self.prefetched.get_value() || self.got.with_untracked(Option::is_some) {
            return;
        }
        self.prefetched.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(found) = (self.load)().await {
                self.got.set(Some(found));
            }
        });
    }

    /// The functions, downloaded if need be; `None` when they cannot be,
    /// which `failed` then says until a later try succeeds.
    pub async fn get(self) -> Option<T> {
        if let Some(found) = self.got.get_untracked() {
            return Some(found);
        }
        match (self.load)().await {
            Ok(found) => {
                self.got.set(Some(found));
                self.failed.set(false);
                Some(found)
            }
            Err(_) => {
                self.failed.set(true);
                None
            }
        }
    }

    /// The functions if they are here (tracked).
    pub fn loaded(self) -> Option<T> {
        self.got.get()
    }

    /// The functions if they are here, untracked (for code that runs on
    /// a change rather than drawing).
    pub fn now(self) -> Option<T> {
        self.got.get_untracked()
    }

    /// Whether the last time they were asked for, they could not be
    /// downloaded (tracked).
    pub fn failed(self) -> bool {
        self.failed.get()
    }
}
