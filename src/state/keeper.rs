//! Saving into a document whose code is a wasm chunk that may not be here
//! yet. A page that keeps work in progress (a call, a practice run) opens
//! without the code that reads, merges and writes its document, since a
//! first visit has nothing to resume and nothing to save until the first
//! move. What to save is handed over as it changes and applied at once
//! when the code is here, or as soon as it arrives; while it downloads,
//! what waits is combined (the page decides how: only the latest state, or
//! every answer to record), so a burst of changes is one write and nothing
//! waits twice. What waits lives only in the page until the code arrives
//! (a second, or longer on a slow network or offline): leaving the page
//! meanwhile asks first.

use leptos::prelude::*;

use super::saved::Saved;
use crate::adapters::leaving::ask_before_leaving;
use crate::components::on_demand::OnDemand;

pub struct Keeper<T, D, P>
where
    T: Send + Sync + 'static,
    D: Send + Sync + 'static,
    P: Send + Sync + 'static,
{
    code: OnDemand<T>,
    /// The document, once opened.
    doc: StoredValue<Option<Saved<D>>>,
    /// The name the work is kept under in the document.
    name: StoredValue<String>,
    pending: StoredValue<Option<P>>,
    /// Whether a task already waits for the code to apply what waits.
    waiting: StoredValue<bool>,
    /// The page's owner, which holds the app's context; the document's
    /// signals belong to it.
    owner: StoredValue<Option<Owner>>,
    /// Opens the document (run under the page's owner).
    open: fn(T) -> Saved<D>,
    /// Applies what waits (if anything does) to the document, under the
    /// name.
    apply: fn(T, Saved<D>, &str, Option<P>),
}

// By hand: derived, they would ask every parameter to be `Copy`.
impl<T, D, P> Clone for Keeper<T, D, P>
where
    T: Send + Sync + 'static,
    D: Send + Sync + 'static,
    P: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, D, P> Copy for Keeper<T, D, P>
where
    T: Send + Sync + 'static,
    D: Send + Sync + 'static,
    P: Send + Sync + 'static,
{
}

impl<T, D, P> Keeper<T, D, P>
where
    T: Copy + Send + Sync + 'static,
    D: Send + Sync + 'static,
    P: Send + Sync + 'static,
{
    /// For the work kept under `name`, with the chunk's handle; `doc` when
    /// the page has opened the document already (to resume).
    pub fn new(
        name: String,
        code: OnDemand<T>,
        doc: Option<Saved<D>>,
        open: fn(T) -> Saved<D>,
        apply: fn(T, Saved<D>, &str, Option<P>),
    ) -> Self {
        let keeper = Keeper {
            code,
            doc: StoredValue::new(doc),
            name: StoredValue::new(name),
            pending: StoredValue::new(None),
            waiting: StoredValue::new(false),
            owner: StoredValue::new(Owner::current()),
            open,
            apply,
        };
        ask_before_leaving(move || keeper.unsaved());
        keeper
    }

    /// Whether something waits for the code, and so would be lost with
    /// the page.
    pub fn unsaved(self) -> bool {
        self.pending
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    /// Changes what waits to be applied (`hand` combines it with what
    /// already waits), then applies it as soon as the code is here.
    pub fn hand(self, combine: impl FnOnce(&mut Option<P>)) {
        self.pending.update_value(combine);
        if let Some(code) = self.code.now() {
            self.apply(code);
            return;
        }
        if self.waiting.get_value() {
            return;
        }
        self.waiting.set_value(true);
        leptos::task::spawn_local(async move {
            self.settle().await;
            self.waiting.try_set_value(false);
        });
    }

    /// Whether the code is here, so what is handed over is applied at once.
    pub fn code_here(self) -> bool {
        self.code.now().is_some()
    }

    /// Whether the code could not be downloaded the last time it was
    /// needed (tracked).
    pub fn failed(self) -> bool {
        self.code.failed()
    }

    /// Downloads the code if need be and applies what waits; false when
    /// the code cannot be had (what waits is then kept for a later try).
    pub async fn settle(self) -> bool {
        match self.code.get().await {
            Some(code) => {
                self.apply(code);
                true
            }
            None => false,
        }
    }

    fn apply(self, code: T) {
        // `try_`: the page may have gone while the code downloaded.
        let Some(doc) = self.doc.try_get_value().flatten().or_else(|| {
            let owner = self.owner.try_get_value().flatten()?;
            let doc = owner.with(|| (self.open)(code));
            self.doc.try_set_value(Some(doc));
            Some(doc)
        }) else {
            return;
        };
        let Some(pending) = self.pending.try_update_value(Option::take) else {
            return;
        };
        let Some(owner) = self.owner.try_get_value().flatten() else {
            return;
        };
        let apply = self.apply;
        self.name
            .with_value(|name| owner.with(|| apply(code, doc, name, pending)));
    }
}
