//! One play of a scenario. Deterministic: the seed picks the caller and
//! their starting mood, and the choices decide the rest.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::content::scenario::{Choice, Ending, Level, Lines, Priority, Scenario};

use super::evidence::{replay, seen_allows, OpenedTool};
use super::graph::{apply_flags, ending_text, offered_at, target, Target};
use super::order::shown_order;

/// How a play counts. An assessed play (the default, and what a saved play
/// without a mode was) is what progress and readiness count, and cannot be
/// undone; a practice play may take back choices and is kept apart from
/// the learner's record, since a score reached by trying each choice in
/// turn measures nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlayMode {
    #[default]
    Assessed,
    Practice,
}

impl PlayMode {
    /// The mode a page address asks for (`?mode=practice`); anything else
    /// is assessed, so a link cannot turn a counted play into practice by
    /// accident of spelling.
    pub fn from_query(value: Option<&str>) -> PlayMode {
        match value {
            Some("practice") => PlayMode::Practice,
            _ => PlayMode::Assessed,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlayMode::Assessed => "assessed",
            PlayMode::Practice => "practice",
        }
    }
}

/// Frustration from which the user is annoyed, and from which angry.
pub const ANNOYED_AT: u8 = 40;
pub const ANGRY_AT: u8 = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mood {
    Calm,
    Annoyed,
    Angry,
}

impl Mood {
    pub fn of(frustration: u8) -> Mood {
        if frustration >= ANGRY_AT {
            Mood::Angry
        } else if frustration >= ANNOYED_AT {
            Mood::Annoyed
        } else {
            Mood::Calm
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mood::Calm => "calm",
            Mood::Annoyed => "annoyed",
            Mood::Angry => "angry",
        }
    }
}

/// The impact and urgency the trainee set on the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrioritySetting {
    pub impact: Level,
    pub urgency: Level,
}

impl PrioritySetting {
    pub fn priority(self) -> Priority {
        Priority::of(self.impact, self.urgency)
    }
}

/// One exchange: what the user said, and what the technician chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub node: String,
    pub user_line: String,
    pub choice: String,
    /// Frustration and clock after the choice.
    pub frustration: u8,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    pub scenario: String,
    pub seed: u64,
    /// The caller this time (a persona variant may replace the default).
    pub name: String,
    pub department: String,
    pub role: String,
    pub start_frustration: u8,
    pub frustration: u8,
    pub minutes: u32,
    /// The current node (the last one once the play has ended).
    pub node: String,
    pub ending: Option<String>,
    pub flags: BTreeSet<String>,
    pub turns: Vec<Turn>,
    /// Set by the trainee on the ticket; none until they do.
    pub priority: Option<PrioritySetting>,
    #[serde(default)]
    pub mode: PlayMode,
    /// Choices taken back (practice plays only).
    #[serde(default)]
    pub undone: u32,
    /// Tools opened, in order (`evidence`).
    #[serde(default)]
    pub opened: Vec<OpenedTool>,
    /// Hints shown (practice plays only): the number of choices made when
    /// each was asked for, once per point of the call.
    #[serde(default)]
    pub hints: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlayError {
    #[error("the conversation has ended")]
    Over,
    #[error("choice \"{0}\" is not on offer here")]
    NotOffered(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UndoError {
    #[error("an assessed play cannot take back a choice")]
    Assessed,
    #[error("no choice has been made yet")]
    NothingToUndo,
}

impl Play {
    pub fn start(s: &Scenario, seed: u64) -> Play {
        let mut rng = fastrand::Rng::with_seed(seed);
        let persona = &s.persona;
        let pick = rng.usize(0..=persona.variants.len());
        let (name, department, role) =
            match pick.checked_sub(1).and_then(|i| persona.variants.get(i)) {
                Some(v) => (
                    v.name.clone(),
                    v.department
                        .clone()
                        .unwrap_or_else(|| persona.department.clone()),
                    v.role.clone().unwrap_or_else(|| persona.role.clone()),
                ),
                None => (
                    persona.name.clone(),
                    persona.department.clone(),
                    persona.role.clone(),
                ),
            };
        let spread = i32::from(persona.mood_spread);
        let offset = if spread == 0 {
            0
        } else {
            rng.i32(-spread..=spread)
        };
        let ceiling = persona.patience.saturating_sub(1);
        let frustration =
            (i32::from(persona.frustration) + offset).clamp(0, i32::from(ceiling)) as u8;
        Play::fresh(s, seed, (name, department, role), frustration)
    }

    /// The play the analyser walks: the default caller at their written
    /// starting frustration.
    pub fn nominal(s: &Scenario) -> Play {
        let p = &s.persona;
        let caller = (p.name.clone(), p.department.clone(), p.role.clone());
        Play::fresh(
            s,
            0,
            caller,
            p.frustration.min(p.patience.saturating_sub(1)),
        )
    }

    fn fresh(
        s: &Scenario,
        seed: u64,
        (name, department, role): (String, String, String),
        frustration: u8,
    ) -> Play {
        Play {
            scenario: s.id.clone(),
            seed,
            name,
            department,
            role,
            start_frustration: frustration,
            frustration,
            minutes: 0,
            node: s.start.clone(),
            ending: None,
            flags: BTreeSet::new(),
            turns: Vec::new(),
            priority: None,
            mode: PlayMode::Assessed,
            undone: 0,
            opened: Vec::new(),
            hints: Vec::new(),
        }
    }

    /// The same play in `mode`.
    pub fn in_mode(mut self, mode: PlayMode) -> Play {
        self.mode = mode;
        self
    }

    /// Takes back the last choice of a practice play, the ending too if it
    /// reached one: the play is rebuilt from its start with the earlier
    /// choices (a play is deterministic), so mood, clock and flags are
    /// exactly what they were before it.
    pub fn undo(&mut self, s: &Scenario) -> Result<(), UndoError> {
        if self.mode != PlayMode::Practice {
            return Err(UndoError::Assessed);
        }
        let Some(keep) = self.turns.len().checked_sub(1) else {
            return Err(UndoError::NothingToUndo);
        };
        let caller = (
            self.name.clone(),
            self.department.clone(),
            self.role.clone(),
        );
        let fresh = Play::fresh(s, self.seed, caller, self.start_frustration);
        // Each step was on offer when made; only a scenario file changed
        // under the play could refuse one, and then the replay stops. Tools
        // opened before the choice taken back stay open; tools opened
        // after it are taken back with it.
        let choices: Vec<String> = self.turns[..keep]
            .iter()
            .map(|t| t.choice.clone())
            .collect();
        let tools: Vec<_> = self
            .tool_steps()
            .into_iter()
            .filter(|t| t.after <= keep)
            .collect();
        let mut again = replay(s, fresh, &choices, &tools);
        again.priority = self.priority;
        again.mode = self.mode;
        again.undone = self.undone.saturating_add(1);
        again.hints = std::mem::take(&mut self.hints);
        *self = again;
        Ok(())
    }

    /// Records the impact and urgency the trainee chose.
    pub fn set_priority(&mut self, impact: Level, urgency: Level) {
        self.priority = Some(PrioritySetting { impact, urgency });
    }

    pub fn is_over(&self) -> bool {
        self.ending.is_some()
    }

    pub fn mood(&self) -> Mood {
        Mood::of(self.frustration)
    }

    /// The caller's first name, which `{name}` stands for.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }

    /// Text with `{name}` filled in.
    pub fn fill(&self, text: &str) -> String {
        text.replace("{name}", self.first_name())
    }

    /// What the user says at the current node, in their current mood.
    pub fn user_line(&self, s: &Scenario) -> String {
        let Some(node) = s.nodes.iter().find(|n| n.id == self.node) else {
            return String::new();
        };
        self.fill(line_for(&node.user, self.mood()))
    }

    pub fn ending<'a>(&self, s: &'a Scenario) -> Option<&'a Ending> {
        let id = self.ending.as_ref()?;
        s.endings.iter().find(|e| &e.id == id)
    }

    /// The choices on offer now, in written order: flags and mood decide.
    pub fn offered<'a>(&self, s: &'a Scenario) -> Vec<&'a Choice> {
        if self.is_over() {
            return Vec::new();
        }
        offered_at(s, &self.node, &self.flags, self.frustration)
            .into_iter()
            .filter(|c| seen_allows(c, self))
            .collect()
    }

    /// The choices on offer in the order to show them (seeded, so position
    /// gives nothing away; number keys follow this order).
    pub fn shown<'a>(&self, s: &'a Scenario) -> Vec<&'a Choice> {
        shown_order(self.seed, &self.node, self.offered(s))
    }

    /// The ending's closing lines for the path played.
    pub fn closing_text(&self, s: &Scenario) -> String {
        self.ending(s)
            .map(|e| self.fill(ending_text(e, &self.flags)))
            .unwrap_or_default()
    }

    /// Takes a choice: applies its effects and the clock, then moves on,
    /// or ends the play (an ending, the user giving up, the deadline passing).
    pub fn choose(&mut self, s: &Scenario, choice_id: &str) -> Result<(), PlayError> {
        if self.is_over() {
            return Err(PlayError::Over);
        }
        let Some(choice) = self.offered(s).into_iter().find(|c| c.id == choice_id) else {
            return Err(PlayError::NotOffered(choice_id.to_owned()));
        };
        let user_line = self.user_line(s);
        self.wait(s, choice.effects.minutes(), choice.effects.frustration);
        apply_flags(choice, &mut self.flags);
        self.turns.push(Turn {
            node: self.node.clone(),
            user_line,
            choice: choice.id.clone(),
            frustration: self.frustration,
            minutes: self.minutes,
        });
        match target(s, &choice.next) {
            Some(Target::Ending(ending)) => self.end(ending),
            Some(Target::Node(index)) => {
                let next = &s.nodes[index];
                if self.frustration >= s.persona.patience {
                    self.end_with(s, &s.on_give_up);
                } else if self.minutes > s.ticket.deadline_minutes {
                    self.end_with(s, &s.on_deadline);
                } else {
                    self.node = next.id.clone();
                    if self.offered(s).is_empty() && !self.could_see_more(s) {
                        self.end_with(s, &s.on_give_up);
                    }
                }
            }
            None => self.end_with(s, &s.on_give_up),
        }
        Ok(())
    }

    /// Whether opening a tool here would offer a choice (so a node whose
    /// choices all need evidence is not a dead end).
    fn could_see_more(&self, s: &Scenario) -> bool {
        offered_at(s, &self.node, &self.flags, self.frustration)
            .iter()
            .any(|c| {
                c.requires.seen.iter().all(|id| {
                    self.has_seen(id)
                        || s.tools
                            .iter()
                            .any(|t| &t.id == id && t.available_at(&self.node))
                })
            })
    }

    /// Time passes: `minutes` on the clock, the caller's time pressure per
    /// minute and `change` on their frustration.
    pub(crate) fn wait(&mut self, s: &Scenario, minutes: u32, change: i32) {
        let waiting = i64::from(minutes) * i64::from(s.persona.time_pressure);
        let frustration = (i64::from(self.frustration) + i64::from(change) + waiting).clamp(0, 100);
        self.frustration = frustration as u8;
        self.minutes = self.minutes.saturating_add(minutes);
    }

    pub(crate) fn end_with(&mut self, s: &Scenario, id: &str) {
        if let Some(ending) = s.endings.iter().find(|e| e.id == id) {
            self.end(ending);
        } else {
            self.ending = Some(id.to_owned());
        }
    }

    fn end(&mut self, ending: &Ending) {
        self.ending = Some(ending.id.clone());
    }

    /// Frustration at the start and after each turn, for the mood chart.
    pub fn mood_history(&self) -> Vec<u8> {
        std::iter::once(self.start_frustration)
            .chain(self.turns.iter().map(|t| t.frustration))
            .collect()
    }
}

/// The line for a mood, or the nearest mood that has one.
pub fn line_for(lines: &Lines, mood: Mood) -> &str {
    let order = match mood {
        Mood::Calm => [&lines.calm, &lines.annoyed, &lines.angry],
        Mood::Annoyed => [&lines.annoyed, &lines.calm, &lines.angry],
        Mood::Angry => [&lines.angry, &lines.annoyed, &lines.calm],
    };
    order
        .into_iter()
        .flatten()
        .next()
        .map_or("", String::as_str)
}
