//! The player's side of keeping a call (`drafting.rs`), over the app's
//! `Keeper`: only the latest state waits for the code, so a burst of
//! changes made while it downloads is one write, and a play forgotten
//! after its debrief is never written back by a save that waited.

use firstline_core::scenario::draft::Drafts;

use super::drafting::{Drafting, Kept};
use crate::components::on_demand::OnDemand;
use crate::state::keeper;
use crate::state::saved::Saved;

enum Pending {
    Keep(Box<Kept>),
    Finish,
}

#[derive(Clone, Copy)]
pub struct Keeper(keeper::Keeper<Drafting, Drafts, Pending>);

impl Keeper {
    /// For the play kept under `name`, with the chunk's handle; `drafts`
    /// when the page has opened them already (to resume).
    pub fn new(name: String, code: OnDemand<Drafting>, drafts: Option<Saved<Drafts>>) -> Keeper {
        Keeper(keeper::Keeper::new(
            name,
            code,
            drafts,
            |code| (code.open)(),
            apply,
        ))
    }

    /// Saves the play and ticket as they now stand.
    pub fn keep(self, kept: Kept) {
        self.0
            .hand(|pending| *pending = Some(Pending::Keep(Box::new(kept))));
    }

    /// Forgets the play: its result is recorded.
    pub fn finish(self) {
        self.0.hand(|pending| *pending = Some(Pending::Finish));
    }

    /// Whether the code that keeps the call could not be downloaded the
    /// last time it was needed (tracked).
    pub fn failed(self) -> bool {
        self.0.failed()
    }

    /// Downloads the code if need be and saves what waits; false when
    /// the code cannot be had.
    pub async fn settle(self) -> bool {
        self.0.settle().await
    }
}

fn apply(code: Drafting, drafts: Saved<Drafts>, name: &str, pending: Option<Pending>) {
    match pending {
        Some(Pending::Keep(kept)) => (code.keep)(drafts, name, &kept),
        Some(Pending::Finish) => (code.finish)(drafts, name),
        None => {}
    }
}
