//! A scenario being played, saved so a reload resumes it: the choices made
//! so far and the ticket as the trainee has filled it in.
//!
//! Only the choices are saved, not the play: a play is deterministic given
//! its seed and choices, so replaying them rebuilds the transcript, the
//! mood and the clock exactly, and a scenario file that changed since
//! simply stops the replay where a choice no longer exists.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::scenario::{Level, Scenario};
use crate::store::newest::{keep_newest, merge_newest};
use crate::store::Document;

use super::evidence::{replay, ToolStep};
use super::play::{Play, PlayMode};

/// How many unfinished plays are kept; older ones are dropped first.
pub const KEEP: usize = 8;
/// Notes longer than this are cut when saved (a paste gone wrong must not
/// fill the browser's storage).
pub const MAX_NOTE_CHARS: usize = 20_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub choices: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub handoff: String,
    #[serde(default)]
    pub impact: Option<Level>,
    #[serde(default)]
    pub urgency: Option<Level>,
    pub saved_at: u64,
    #[serde(default)]
    pub mode: PlayMode,
    /// Choices taken back so far (practice).
    #[serde(default)]
    pub undone: u32,
    /// Tools opened, each after how many choices (drafts saved before
    /// tools existed have none).
    #[serde(default)]
    pub tools: Vec<ToolStep>,
    /// Hints shown (practice), as `Play::hints`.
    #[serde(default)]
    pub hints: Vec<usize>,
}

impl Draft {
    /// The play rebuilt from its seed and saved choices and tool
    /// openings, in the order they were made. Steps past one that is no
    /// longer on offer are dropped.
    pub fn replay(&self, scenario: &Scenario, seed: u64) -> Play {
        let fresh = Play::start(scenario, seed).in_mode(self.mode);
        let mut play = replay(scenario, fresh, &self.choices, &self.tools);
        play.undone = self.undone;
        // Hints count once per point of the call reached (a hand-edited
        // draft cannot make one point cost many), and only in practice.
        if play.mode == PlayMode::Practice {
            let mut hints: Vec<usize> = self
                .hints
                .iter()
                .copied()
                .filter(|&h| h <= play.turns.len())
                .collect();
            crate::sort::natural(&mut hints);
            hints.dedup();
            play.hints = hints;
        }
        play
    }

    /// The draft for `play` and the ticket's fields, cut to the limits.
    pub fn of(play: &Play, notes: &str, handoff: &str, saved_at: u64) -> Draft {
        Draft {
            choices: play.turns.iter().map(|t| t.choice.clone()).collect(),
            notes: cut(notes),
            handoff: cut(handoff),
            impact: None,
            urgency: None,
            saved_at,
            mode: play.mode,
            undone: play.undone,
            tools: play.tool_steps(),
            hints: play.hints.clone(),
        }
    }

    /// Whether anything is worth resuming.
    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
            && self.tools.is_empty()
            && self.hints.is_empty()
            && self.notes.trim().is_empty()
            && self.handoff.trim().is_empty()
            && self.impact.is_none()
            && self.urgency.is_none()
    }
}

fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_NOTE_CHARS) {
        Some((end, _)) => text[..end].to_owned(),
        None => text.to_owned(),
    }
}

/// The name a draft is saved under: the same scenario and seed (the same
/// link) resume the same play. A practice play of the same call is a
/// different play (it may be undone, and is not counted), so it has a name
/// of its own; an assessed play keeps the name drafts always had.
pub fn draft_name(scenario: &str, seed: u64, mode: PlayMode) -> String {
    match mode {
        PlayMode::Assessed => format!("{scenario}:{seed}"),
        PlayMode::Practice => format!("{scenario}:{seed}:practice"),
    }
}

/// Unfinished plays, by `draft_name`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    #[serde(default)]
    pub plays: BTreeMap<String, Draft>,
}

impl Drafts {
    pub fn get(&self, name: &str) -> Option<&Draft> {
        self.plays.get(name)
    }

    /// Saves a draft, or forgets it when there is nothing in it.
    pub fn put(&mut self, name: &str, draft: Draft) {
        if draft.is_empty() {
            self.plays.remove(name);
        } else {
            self.plays.insert(name.to_owned(), draft);
        }
        self.trim();
    }

    /// Forgets a play once its debrief is saved.
    pub fn finish(&mut self, name: &str) {
        self.plays.remove(name);
    }

    fn trim(&mut self) {
        keep_newest(&mut self.plays, KEEP, |d| d.saved_at);
    }
}

impl Document for Drafts {
    const KEY: &'static str = "firstline.plays";
    const FORMAT: &'static str = "firstline-plays";
    const VERSION: u32 = 1;

    /// Each play from whichever tab saved it last.
    ///
    /// A play this tab finished (and so forgot) comes back if another tab
    /// still holds an older draft of it; that costs a "resume" offer, never
    /// a result.
    fn merge(&mut self, theirs: Self) {
        merge_newest(&mut self.plays, theirs.plays, |d| d.saved_at);
        self.trim();
    }
}
