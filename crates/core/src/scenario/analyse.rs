//! The playthrough analyser: plays every path of a scenario (or, when there
//! are too many, a seeded random sample with a coverage report), scores each
//! as the debrief would with a perfect note and the right priority, and
//! applies the rules that keep scores honest:
//! - a path with a critical mistake must score below [`CRITICAL_CEILING`];
//! - a path with a mistake must score more than [`NEAR_BEST`] below the best;
//! - the best path must reach 100 in every dimension;
//! - no path may outscore the best path.
//!
//! Tools (evidence) are opened as a diligent technician would: every
//! expected check at the first node of the path where it can be opened, and
//! a tool a choice needs just before the choice (`evidence::open_checks`,
//! `evidence::open_for`); tools nobody needs are never opened, as they only
//! cost time. Each path that opened an expected check no choice of it
//! needed is also played without it, so skipping the check is judged too.

use std::collections::{BTreeSet, HashSet};

use crate::content::scenario::Scenario;

use super::debrief::{baseline, score, Baseline, Debrief, Dimension};
use super::evidence::{best_play, open_checks, open_for, worth_opening};
use super::graph::{choice, is_offered};
use super::notes::ideal_facts;
use super::play::Play;

/// Finished paths explored exhaustively before switching to sampling.
pub const PATH_LIMIT: usize = 20_000;
/// States (a play at a decision or an ending) the exhaustive search may
/// visit before switching to sampling. Counting finished paths alone does
/// not bound the work: a loop whose laps rarely finish (every lap pruned by
/// the repeat rule) makes millions of unfinished paths and no finished one,
/// so `firstline check` ran for ever without a word. The largest bundled
/// scenario (`new-starter-first-day`) visits about 41,000; the limit costs
/// at most about a second in a release build, on paths of the deepest kind.
pub const EXPLORE_LIMIT: usize = 60_000;
/// Turns a single path may take before the analyser stops following it.
pub const MAX_TURNS: usize = 60;
/// Plays the random player makes when the paths are too many.
pub const SAMPLE_PLAYS: usize = 4_000;
/// A path with a critical mistake must score below this.
pub const CRITICAL_CEILING: u32 = 60;
/// A path with a mistake must score more than this below the best path.
pub const NEAR_BEST: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathScore {
    pub choices: Vec<String>,
    pub ending: String,
    pub overall: u32,
    pub scores: Vec<(Dimension, u32)>,
    pub mistakes: usize,
    pub critical: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    CriticalScoresHigh,
    MistakeNearBest,
    BestBelowTop,
    OutscoresBest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule: Rule,
    pub message: String,
}

/// Why the exhaustive search stopped and a seeded sample was played instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truncation {
    /// More than [`PATH_LIMIT`] finished paths.
    Paths,
    /// More than [`EXPLORE_LIMIT`] states visited (paths that loop rather
    /// than finish).
    Work,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Finished paths scored.
    pub paths: usize,
    /// True when every path was played; false when a sample was.
    pub exhaustive: bool,
    /// States the exhaustive search visited (at most [`EXPLORE_LIMIT`] + 1).
    pub explored: usize,
    /// Why the search switched to sampling, when it did.
    pub sampled_because: Option<Truncation>,
    /// Choices taken on at least one path, and all choices.
    pub covered: usize,
    pub choices: usize,
    pub best: Option<PathScore>,
    pub highest: Option<PathScore>,
    pub lowest: Option<PathScore>,
    pub endings_reached: BTreeSet<String>,
    pub problems: Vec<Problem>,
    /// Every path scored, in the order played.
    pub scores: Vec<PathScore>,
}

/// Plays and scores every path (or a sample) and applies the rules.
pub fn analyse(s: &Scenario) -> Analysis {
    let base = baseline(s);
    let mut run = Run {
        s,
        base,
        analysis: Analysis {
            exhaustive: true,
            choices: s.nodes.iter().map(|n| n.choices.len()).sum(),
            ..Analysis::default()
        },
        taken: HashSet::new(),
        scores: Vec::new(),
        wanted: worth_opening(s),
    };
    let best_play = best_play(s);
    if best_play.turns.len() == s.best_path.len() && best_play.is_over() {
        let judged = run.judge(best_play.clone());
        run.analysis.best = Some(path_score(&best_play, &judged));
    }

    let mut on_path: Vec<(String, BTreeSet<String>)> = Vec::new();
    run.explore(Play::nominal(s), &mut on_path);
    if !run.analysis.exhaustive {
        run.scores.clear();
        run.analysis.paths = 0;
        run.sample(SAMPLE_PLAYS, None);
    }
    // Choices that need a calmer or angrier caller than the written start
    // are reached by callers at the ends of the mood spread: sample those
    // too, so the rules cover every choice a trainee can meet.
    if run.taken.len() < run.analysis.choices {
        let p = &s.persona;
        let ceiling = p.patience.saturating_sub(1);
        for start in [
            p.frustration.saturating_sub(p.mood_spread),
            p.frustration.saturating_add(p.mood_spread).min(ceiling),
        ] {
            run.sample(SAMPLE_PLAYS / 4, Some(start));
        }
    }
    let scores = std::mem::take(&mut run.scores);
    let mut analysis = run.analysis;
    analysis.covered = run.taken.len();
    apply_rules(&mut analysis, &scores);
    analysis.scores = scores;
    analysis
}

struct Run<'a> {
    s: &'a Scenario,
    base: Baseline,
    analysis: Analysis,
    taken: HashSet<String>,
    scores: Vec<PathScore>,
    /// Tools the diligent player opens as soon as it can.
    wanted: BTreeSet<&'a str>,
}

impl Run<'_> {
    /// Takes the play by value: the search owns it, and a clone per
    /// finished path was a good part of the analyser's time.
    fn judge(&self, mut play: Play) -> Debrief {
        play.set_priority(self.s.ticket.impact, self.s.ticket.urgency);
        score(self.s, &play, ideal_facts(self.s, &play), &self.base)
    }

    fn finish(&mut self, play: Play) {
        if let Some(without) = self.without_checks(&play) {
            self.finish_one(without);
        }
        self.finish_one(play);
    }

    /// The same choices with only the tools they need opened, when the
    /// path opened an expected check none of its choices needed.
    fn without_checks(&self, play: &Play) -> Option<Play> {
        if !self.s.tools.iter().any(|t| t.expected) {
            return None;
        }
        let mut again = Play::nominal(self.s);
        again.frustration = play.start_frustration;
        again.start_frustration = play.start_frustration;
        for turn in &play.turns {
            if let Some(c) = choice(self.s, &turn.node, &turn.choice) {
                open_for(self.s, &mut again, c);
            }
            if again.is_over() || again.choose(self.s, &turn.choice).is_err() {
                return None;
            }
        }
        (again.is_over() && again.opened.len() < play.opened.len()).then_some(again)
    }

    fn finish_one(&mut self, play: Play) {
        for t in &play.turns {
            if !self.taken.contains(&t.choice) {
                self.taken.insert(t.choice.clone());
            }
        }
        let choices = steps(&play);
        let ending = play.ending.clone().unwrap_or_default();
        let d = self.judge(play);
        let p = path_score_of(choices, ending, &d);
        self.analysis.endings_reached.insert(p.ending.clone());
        self.analysis.paths += 1;
        if self
            .analysis
            .highest
            .as_ref()
            .is_none_or(|h| p.overall > h.overall)
        {
            self.analysis.highest = Some(p.clone());
        }
        if self
            .analysis
            .lowest
            .as_ref()
            .is_none_or(|l| p.overall < l.overall)
        {
            self.analysis.lowest = Some(p.clone());
        }
        self.scores.push(p);
    }

    /// Depth-first over plays. A (node, flags) state may repeat once on a
    /// path, so a mistake that loops back and is then recovered from is
    /// played; further repeats only add marks, so they cannot break a rule
    /// that one repeat keeps.
    fn explore(&mut self, mut play: Play, on_path: &mut Vec<(String, BTreeSet<String>)>) {
        if !self.analysis.exhaustive {
            return;
        }
        // Every state visited counts, finished or not, so no graph can
        // make the search run longer than the limit allows.
        self.analysis.explored += 1;
        if self.analysis.explored > EXPLORE_LIMIT {
            self.stop(Truncation::Work);
            return;
        }
        open_checks(self.s, &mut play, &self.wanted);
        if play.is_over() {
            self.finish(play);
            if self.analysis.paths >= PATH_LIMIT {
                self.stop(Truncation::Paths);
            }
            return;
        }
        let state = (play.node.clone(), play.flags.clone());
        if play.turns.len() >= MAX_TURNS || on_path.iter().filter(|s| **s == state).count() >= 2 {
            return;
        }
        on_path.push(state);
        let ids: Vec<String> = self.candidates(&play);
        for id in ids {
            let mut next = play.clone();
            self.open_needed(&mut next, &id);
            if next.is_over() {
                self.explore(next, on_path);
                continue;
            }
            if next.choose(self.s, &id).is_ok() {
                // Nothing the analyser scores reads what the user said;
                // dropping it saves an allocation per turn in every clone
                // further down this path.
                if let Some(turn) = next.turns.last_mut() {
                    turn.user_line = String::new();
                }
                self.explore(next, on_path);
            }
        }
        on_path.pop();
    }

    /// The choices a node offers if the tools they need are opened.
    fn candidates(&self, play: &Play) -> Vec<String> {
        self.s
            .nodes
            .iter()
            .find(|n| n.id == play.node)
            .map(|n| {
                n.choices
                    .iter()
                    .filter(|c| is_offered(c, &play.flags, play.frustration))
                    .map(|c| c.id.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn open_needed(&self, play: &mut Play, id: &str) {
        if let Some(c) = choice(self.s, &play.node, id) {
            open_for(self.s, play, c);
        }
    }

    fn stop(&mut self, why: Truncation) {
        self.analysis.exhaustive = false;
        self.analysis.sampled_because = Some(why);
    }

    /// A seeded random player, for graphs with too many paths, or for
    /// callers who start calmer or angrier than written.
    fn sample(&mut self, plays: usize, start: Option<u8>) {
        let mut rng = fastrand::Rng::with_seed(0x5eed ^ u64::from(start.unwrap_or(0)));
        for _ in 0..plays {
            let mut play = Play::nominal(self.s);
            if let Some(f) = start {
                play.frustration = f;
                play.start_frustration = f;
            }
            while !play.is_over() && play.turns.len() < MAX_TURNS {
                open_checks(self.s, &mut play, &self.wanted);
                if play.is_over() {
                    break;
                }
                let offered = self.candidates(&play);
                if offered.is_empty() {
                    break;
                }
                let id = offered[rng.usize(0..offered.len())].clone();
                self.open_needed(&mut play, &id);
                if play.is_over() {
                    break;
                }
                if play.choose(self.s, &id).is_err() {
                    break;
                }
            }
            if play.is_over() {
                self.finish(play);
            }
        }
    }
}

/// A path's steps: its choices, with each tool opening as `tool:ID`
/// before the choice it came before.
fn steps(play: &Play) -> Vec<String> {
    let mut out = Vec::with_capacity(play.turns.len() + play.opened.len());
    for i in 0..=play.turns.len() {
        for o in play.opened.iter().filter(|o| o.after == i) {
            out.push(format!("tool:{}", o.tool));
        }
        if let Some(t) = play.turns.get(i) {
            out.push(t.choice.clone());
        }
    }
    out
}

fn path_score(play: &Play, d: &Debrief) -> PathScore {
    path_score_of(steps(play), play.ending.clone().unwrap_or_default(), d)
}

fn path_score_of(choices: Vec<String>, ending: String, d: &Debrief) -> PathScore {
    PathScore {
        choices,
        ending,
        overall: d.overall,
        scores: d
            .dimensions
            .iter()
            .map(|x| (x.dimension, x.score))
            .collect(),
        mistakes: d.mistakes.len(),
        critical: !d.critical.is_empty(),
    }
}

/// Applies the rules; reports the first offending path of each kind.
pub fn apply_rules(analysis: &mut Analysis, scores: &[PathScore]) {
    let problems = &mut analysis.problems;
    let Some(best) = analysis.best.as_ref() else {
        return;
    };
    for (dimension, value) in &best.scores {
        if *value < 100 {
            problems.push(Problem {
                rule: Rule::BestBelowTop,
                message: format!(
                    "the best path scores {value} in {}, not 100: remove its mistakes, make every required fact learnable on it, or correct best_path",
                    dimension.label().to_lowercase()
                ),
            });
        }
    }
    let path = |p: &PathScore| p.choices.join(" > ");
    if let Some(p) = scores
        .iter()
        .find(|p| p.critical && p.overall >= CRITICAL_CEILING)
    {
        problems.push(Problem {
            rule: Rule::CriticalScoresHigh,
            message: format!(
                "a path with a critical mistake scores {} (must be below {CRITICAL_CEILING}): {}",
                p.overall,
                path(p)
            ),
        });
    }
    if let Some(p) = scores
        .iter()
        .find(|p| p.mistakes > 0 && p.overall.saturating_add(NEAR_BEST) >= best.overall)
    {
        problems.push(Problem {
            rule: Rule::MistakeNearBest,
            message: format!(
                "a path with {} mistake(s) scores {}, within {NEAR_BEST} of the best path's {}: make the mistake cost more (a negative point in the dimension it hurts): {}",
                p.mistakes,
                p.overall,
                best.overall,
                path(p)
            ),
        });
    }
    if let Some(p) = scores.iter().find(|p| p.overall > best.overall) {
        problems.push(Problem {
            rule: Rule::OutscoresBest,
            message: format!(
                "a path scores {}, more than the best path's {}: make it the best_path or find what it does better: {}",
                p.overall,
                best.overall,
                path(p)
            ),
        });
    }
}
