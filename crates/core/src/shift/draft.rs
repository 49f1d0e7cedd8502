//! Shifts in progress, kept so a reload resumes where the trainee was: the
//! play (tickets taken, the clock) and the note being written.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::play::ShiftPlay;
use crate::store::newest::{keep_newest, merge_newest};
use crate::store::Document;

/// Unfinished shifts kept: one per shift played recently is plenty.
const KEEP: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftDraft {
    pub play: ShiftPlay,
    /// The ticket open in the form, and the note so far.
    #[serde(default)]
    pub open: Option<String>,
    #[serde(default)]
    pub note: String,
    pub saved_at: u64,
}

impl ShiftDraft {
    pub fn is_empty(&self) -> bool {
        self.play.handled.is_empty()
            && self.play.clock == 0
            && self.open.is_none()
            && self.note.is_empty()
    }
}

/// Unfinished shifts, by shift id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftDrafts {
    #[serde(default)]
    pub shifts: BTreeMap<String, ShiftDraft>,
}

impl ShiftDrafts {
    pub fn get(&self, id: &str) -> Option<&ShiftDraft> {
        self.shifts.get(id)
    }

    /// Saves a draft, or forgets it when there is nothing in it.
    pub fn put(&mut self, id: &str, draft: ShiftDraft) {
        if draft.is_empty() {
            self.shifts.remove(id);
        } else {
            self.shifts.insert(id.to_owned(), draft);
        }
        keep_newest(&mut self.shifts, KEEP, |d| d.saved_at);
    }

    /// Forgets a shift once its report is saved.
    pub fn finish(&mut self, id: &str) {
        self.shifts.remove(id);
    }
}

impl Document for ShiftDrafts {
    const KEY: &'static str = "firstline.shift-drafts";
    const FORMAT: &'static str = "firstline-shift-drafts";
    const VERSION: u32 = 1;

    /// Each shift from whichever tab saved it last.
    fn merge(&mut self, theirs: Self) {
        merge_newest(&mut self.shifts, theirs.shifts, |d| d.saved_at);
        keep_newest(&mut self.shifts, KEEP, |d| d.saved_at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(clock: u32, saved_at: u64) -> ShiftDraft {
        ShiftDraft {
            play: ShiftPlay {
                clock,
                handled: Vec::new(),
            },
            open: None,
            note: String::new(),
            saved_at,
        }
    }

    #[test]
    fn the_later_save_of_a_shift_wins_a_merge_and_others_are_kept() {
        let mut ours = ShiftDrafts::default();
        ours.put("a", draft(10, 5));
        ours.put("b", draft(3, 1));
        let mut theirs = ShiftDrafts::default();
        theirs.put("a", draft(20, 9));
        theirs.put("c", draft(7, 2));
        ours.merge(theirs);
        assert_eq!(ours.get("a").map(|d| d.play.clock), Some(20));
        assert_eq!(ours.shifts.len(), 3);
    }

    #[test]
    fn an_empty_draft_is_forgotten_and_only_the_newest_are_kept() {
        let mut drafts = ShiftDrafts::default();
        drafts.put("a", draft(0, 1));
        assert!(drafts.get("a").is_none());
        for i in 0..8 {
            drafts.put(&format!("s{i}"), draft(1, i));
        }
        assert_eq!(drafts.shifts.len(), KEEP);
        assert!(drafts.get("s7").is_some() && drafts.get("s0").is_none());
        drafts.finish("s7");
        assert!(drafts.get("s7").is_none());
    }
}
