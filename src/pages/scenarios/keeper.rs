//! The player's side of keeping a call (`drafting.rs`): what to save is
//! handed over as it changes, and saved at once when the chunk is here,
//! or as soon as it arrives. Only the latest state waits, so a burst of
//! changes made while it downloads is one write, and a play forgotten
//! after its debrief is never written back by a save that waited.

use firstline_core::scenario::draft::Drafts;
use leptos::prelude::*;

use super::drafting::{Drafting, Kept};
use crate::components::on_demand::OnDemand;
use crate::state::saved::Saved;

#[derive(Clone)]
enum Pending {
    Keep(Box<Kept>),
    Finish,
}

#[derive(Clone, Copy)]
pub struct Keeper {
    code: OnDemand<Drafting>,
    /// The plays document, once opened.
    drafts: StoredValue<Option<Saved<Drafts>>>,
    name: StoredValue<String>,
    pending: StoredValue<Option<Pending>>,
    /// Whether a task already waits for the chunk to save.
    waiting: StoredValue<bool>,
    /// The page's owner, which the document's signals belong to.
    owner: StoredValue<Option<Owner>>,
}

impl Keeper {
    /// For the play kept under `name`, with the chunk's handle; `drafts`
    /// when the page has opened them already (to resume).
    pub fn new(name: String, code: OnDemand<Drafting>, drafts: Option<Saved<Drafts>>) -> Keeper {
        Keeper {
            code,
            drafts: StoredValue::new(drafts),
            name: StoredValue::new(name),
            pending: StoredValue::new(None),
            waiting: StoredValue::new(false),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Saves the play and ticket as they now stand.
    pub fn keep(self, kept: Kept) {
        self.pending.set_value(Some(Pending::Keep(Box::new(kept))));
        self.run();
    }

    /// Forgets the play: its result is recorded.
    pub fn finish(self) {
        self.pending.set_value(Some(Pending::Finish));
        self.run();
    }

    /// Whether the code that keeps the call could not be downloaded the
    /// last time it was needed (tracked).
    pub fn failed(self) -> bool {
        self.code.failed()
    }

    fn run(self) {
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

    /// Downloads the code if need be and saves what waits; false when
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

    fn apply(self, code: Drafting) {
        // `try_`: the page may have gone while the code downloaded.
        let Some(drafts) = self.drafts.try_get_value().flatten().or_else(|| {
            let owner = self.owner.try_get_value().flatten()?;
            let drafts = owner.with(|| (code.open)());
            self.drafts.try_set_value(Some(drafts));
            Some(drafts)
        }) else {
            return;
        };
        let Some(Some(pending)) = self.pending.try_update_value(Option::take) else {
            return;
        };
        let name = self.name.get_value();
        match pending {
            Pending::Keep(kept) => (code.keep)(drafts, &name, &kept),
            Pending::Finish => (code.finish)(drafts, &name),
        }
    }
}
