//! Scoring a finished play: technical resolution, customer service,
//! process, documentation and time, each 0-100 and explained.
//!
//! The model (documented in docs/content-format.md, "How a play is
//! scored"):
//! - credit: a choice's positive points count once per play, an ending adds
//!   its own; a dimension's top is what the best path earns, so the best path
//!   scores 100 and other paths' credit is capped there;
//! - mistakes leave a mark: every time a mistake is taken it costs its
//!   dimension (at least [`MISTAKE_FLOOR`] points) and the overall score
//!   [`MISTAKE_MARK`] points; later good choices never cancel it;
//! - any critical mistake makes the overall score zero and names the harm;
//! - documentation is the share of required facts, learnt on this path, that
//!   the notes state in sentences;
//! - time never penalises the best path's pace;
//! - every expected check (a tool marked `expected`) not opened is a
//!   process mistake of [`CHECK_COST`] points (and the usual mark), and
//!   every hint a practice play took costs the overall score [`HINT_COST`].

use serde::{Deserialize, Serialize};

use crate::content::scenario::{
    Behaviour, Choice, CriticalMistake, NoteSection, Outcome, Priority, Scenario,
};

use super::evidence::{best_play, CHECK_COST, HINT_COST};
use super::graph::choice;
use super::notes::{score_facts, FactResult};
use super::play::Play;

/// Weights of the dimensions in the overall score, in percent.
pub const WEIGHTS: [(Dimension, u32); 5] = [
    (Dimension::Technical, 30),
    (Dimension::Service, 25),
    (Dimension::Process, 20),
    (Dimension::Documentation, 20),
    (Dimension::Time, 5),
];

/// The least a mistake costs the dimension it hurts, in points of 100.
pub const MISTAKE_FLOOR: u32 = 15;
/// What every mistake costs the overall score, in points of 100.
pub const MISTAKE_MARK: u32 = 5;
/// Process points lost for a priority one step off; double for more, or none.
pub const PRIORITY_COST: u32 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Technical,
    Service,
    Process,
    Documentation,
    Time,
}

impl Dimension {
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Technical => "Technical resolution",
            Dimension::Service => "Customer service",
            Dimension::Process => "Process",
            Dimension::Documentation => "Documentation",
            Dimension::Time => "Time",
        }
    }

    pub fn weight(self) -> u32 {
        WEIGHTS
            .iter()
            .find(|(d, _)| *d == self)
            .map_or(0, |(_, w)| *w)
    }
}

/// The three dimensions choices and endings earn points in.
const POINTED: [Dimension; 3] = [Dimension::Technical, Dimension::Service, Dimension::Process];

fn points_of(technical: i32, service: i32, process: i32) -> [i64; 3] {
    [i64::from(technical), i64::from(service), i64::from(process)]
}

fn choice_points(c: &Choice) -> [i64; 3] {
    points_of(c.effects.technical, c.effects.service, c.effects.process)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub dimension: Dimension,
    /// 0-100, after mistakes.
    pub score: u32,
    /// 0-100 earned before mistakes.
    pub credit: u32,
    /// Points of 100 that mistakes cost.
    pub penalty: u32,
}

/// A mistake as the debrief lists it: it stays on the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    /// The turn (0-based) it was made at; none for the ending or the priority.
    pub turn: Option<usize>,
    /// The choice id, the ending id, or "priority".
    pub choice: String,
    pub feedback: String,
    /// Points of 100 it cost each dimension.
    pub costs: Vec<(Dimension, u32)>,
    pub critical: Option<CriticalMistake>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub outcome: Outcome,
    /// The closing lines for the path played.
    pub closing: String,
    /// Harm done on the way, stated apart from the outcome.
    pub harm: Vec<String>,
    pub dimensions: Vec<DimensionScore>,
    /// 0-100; zero when a critical mistake was made.
    pub overall: u32,
    /// Choice ids of critical mistakes made, with the mistake.
    pub critical: Vec<(String, CriticalMistake)>,
    pub mistakes: Vec<Mistake>,
    /// Choices that earned credit after the first mistake: recovery, shown
    /// apart from the mistakes it does not cancel.
    pub recoveries: Vec<String>,
    pub facts: Vec<FactResult>,
    /// The share of required facts credited, 0.0-1.0.
    pub notes_share: f64,
    /// The priority the trainee set, and the right one.
    pub priority: Option<Priority>,
    pub expected_priority: Priority,
    /// Good and poor behaviours shown, in order, without repeats.
    pub good: Vec<Behaviour>,
    pub poor: Vec<Behaviour>,
    /// The tools that were expected or opened: the checks a good
    /// technician makes, done or missed, and where the evidence pointed.
    #[serde(default)]
    pub checks: Vec<CheckResult>,
    /// Hints taken (practice plays), each costing [`HINT_COST`] overall.
    #[serde(default)]
    pub hints: u32,
}

/// A tool as the debrief shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub tool: String,
    pub title: String,
    /// A check a good technician makes.
    pub expected: bool,
    /// Whether this play opened it.
    pub done: bool,
    /// Where the evidence points.
    pub points_to: Option<String>,
}

impl CheckResult {
    /// An expected check this play did not make.
    pub fn missed(&self) -> bool {
        self.expected && !self.done
    }
}

impl Debrief {
    pub fn score(&self, dimension: Dimension) -> u32 {
        self.dimensions
            .iter()
            .find(|d| d.dimension == dimension)
            .map_or(0, |d| d.score)
    }
}

/// What the best path earns: the top of each pointed dimension, and its pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Baseline {
    pub top: [i64; 3],
    pub minutes: u32,
}

/// Plays the best path (at the written starting mood, opening the
/// expected checks: `evidence::best_play`) and totals it.
pub fn baseline(s: &Scenario) -> Baseline {
    let play = best_play(s);
    Baseline {
        top: gains(s, &play),
        minutes: play.minutes,
    }
}

/// Positive points earned: each choice once, plus the ending.
fn gains(s: &Scenario, play: &Play) -> [i64; 3] {
    let mut total = [0i64; 3];
    let mut seen: Vec<&str> = Vec::new();
    for turn in &play.turns {
        if seen.contains(&turn.choice.as_str()) {
            continue;
        }
        seen.push(&turn.choice);
        if let Some(c) = choice(s, &turn.node, &turn.choice) {
            add_positive(&mut total, choice_points(c));
        }
    }
    if let Some(e) = play.ending(s) {
        add_positive(&mut total, points_of(e.technical, e.service, e.process));
    }
    total
}

fn add_positive(total: &mut [i64; 3], points: [i64; 3]) {
    for (t, p) in total.iter_mut().zip(points) {
        *t = t.saturating_add(p.max(0));
    }
}

/// What negative points cost a dimension whose top is `top`.
fn cost(negative: i64, top: i64) -> u32 {
    let scaled = if top > 0 {
        negative.saturating_mul(100).saturating_add(top - 1) / top
    } else {
        negative.saturating_mul(10)
    };
    u32::try_from(scaled.clamp(0, 100))
        .unwrap_or(100)
        .max(MISTAKE_FLOOR)
}

fn costs_of(points: [i64; 3], base: &Baseline) -> Vec<(Dimension, u32)> {
    POINTED
        .iter()
        .zip(points)
        .zip(base.top)
        .filter(|((_, p), _)| *p < 0)
        .map(|((d, p), top)| (*d, cost(p.saturating_neg(), top)))
        .collect()
}

/// Whether a choice is a mistake: a negative point, a behaviour that loses
/// credit, or a critical mistake.
pub fn is_mistake(c: &Choice) -> bool {
    c.critical.is_some()
        || choice_points(c).iter().any(|p| *p < 0)
        || c.behaviours.iter().any(|b| !b.is_good())
}

/// The time score: full marks at the best path's pace or faster, falling to
/// zero at twice its minutes.
pub fn time_score(minutes: u32, best: u32) -> u32 {
    let best = u64::from(best.max(1));
    let minutes = u64::from(minutes);
    if minutes <= best {
        100
    } else {
        let over = (minutes - best).min(best);
        u32::try_from(100 - (over * 100 + best / 2) / best).unwrap_or(0)
    }
}

/// Scores a finished play with the trainee's notes and hand-off.
pub fn debrief(s: &Scenario, play: &Play, notes: &str, handoff: &str) -> Debrief {
    let facts = score_facts(s, play, notes, handoff);
    score(s, play, facts, &baseline(s))
}

/// Scores a play given its fact results and the scenario's baseline (the
/// analyser passes ideal facts and a baseline computed once).
pub fn score(s: &Scenario, play: &Play, facts: Vec<FactResult>, base: &Baseline) -> Debrief {
    let ending = play.ending(s);
    let outcome = ending.map_or(Outcome::GaveUp, |e| e.outcome);

    let mut mistakes: Vec<Mistake> = Vec::new();
    let mut recoveries: Vec<String> = Vec::new();
    let mut critical: Vec<(String, CriticalMistake)> = Vec::new();
    let mut good = Vec::new();
    let mut poor = Vec::new();
    for (i, turn) in play.turns.iter().enumerate() {
        let Some(c) = choice(s, &turn.node, &turn.choice) else {
            continue;
        };
        for &b in &c.behaviours {
            let list = if b.is_good() { &mut good } else { &mut poor };
            if !list.contains(&b) {
                list.push(b);
            }
        }
        if is_mistake(c) {
            if let Some(m) = c.critical {
                critical.push((c.id.clone(), m));
            }
            mistakes.push(Mistake {
                turn: Some(i),
                choice: c.id.clone(),
                feedback: play.fill(&c.feedback),
                costs: costs_of(choice_points(c), base),
                critical: c.critical,
            });
        } else if !mistakes.is_empty()
            && choice_points(c).iter().any(|p| *p > 0)
            && !recoveries.contains(&c.id)
        {
            recoveries.push(c.id.clone());
        }
    }
    if let Some(e) = ending {
        let points = points_of(e.technical, e.service, e.process);
        if points.iter().any(|p| *p < 0) {
            mistakes.push(Mistake {
                turn: None,
                choice: e.id.clone(),
                feedback: "The way this call ended cost the user: see the ending.".into(),
                costs: costs_of(points, base),
                critical: None,
            });
        }
    }
    let checks: Vec<CheckResult> = s
        .tools
        .iter()
        .filter(|t| t.expected || play.has_seen(&t.id))
        .map(|t| CheckResult {
            tool: t.id.clone(),
            title: play.fill(&t.title),
            expected: t.expected,
            done: play.has_seen(&t.id),
            points_to: t.points_to.as_ref().map(|p| play.fill(p)),
        })
        .collect();
    for c in checks.iter().filter(|c| c.missed()) {
        let mut feedback = format!(
            "You did not check the {}: a good technician looks before acting.",
            c.title
        );
        if let Some(p) = &c.points_to {
            feedback.push_str(&format!(" It showed: {p}"));
        }
        mistakes.push(Mistake {
            turn: None,
            choice: format!("check:{}", c.tool),
            feedback,
            costs: vec![(Dimension::Process, CHECK_COST)],
            critical: None,
        });
    }
    let expected_priority = s.ticket.priority();
    let priority = play.priority.map(|p| p.priority());
    let priority_cost = match priority.map(|p| p.distance(expected_priority)) {
        Some(0) => None,
        Some(1) => Some(PRIORITY_COST),
        _ => Some(PRIORITY_COST * 2),
    };
    if let Some(c) = priority_cost {
        let feedback = match priority {
            Some(p) => format!(
                "You set {}; impact and urgency make it {}.",
                p.label(),
                expected_priority.label()
            ),
            None => format!(
                "No priority was set; impact and urgency make it {}.",
                expected_priority.label()
            ),
        };
        mistakes.push(Mistake {
            turn: None,
            choice: "priority".into(),
            feedback,
            costs: vec![(Dimension::Process, c)],
            critical: None,
        });
    }

    let earned = gains(s, play);
    let mut dimensions: Vec<DimensionScore> = POINTED
        .iter()
        .zip(earned)
        .zip(base.top)
        .map(|((&dimension, earned), top)| {
            let credit = if top > 0 {
                u32::try_from(earned.min(top).saturating_mul(100) / top).unwrap_or(0)
            } else {
                100
            };
            let penalty: u32 = mistakes
                .iter()
                .flat_map(|m| &m.costs)
                .filter(|(d, _)| *d == dimension)
                .map(|(_, c)| *c)
                .fold(0u32, u32::saturating_add);
            DimensionScore {
                dimension,
                score: credit.saturating_sub(penalty),
                credit,
                penalty,
            }
        })
        .collect();

    let escalated = outcome == Outcome::Escalated;
    let required: Vec<&FactResult> = facts
        .iter()
        .filter(|f| f.section == NoteSection::Notes || escalated)
        .collect();
    let credited = required.iter().filter(|f| f.credited()).count();
    let notes_share = if required.is_empty() {
        1.0
    } else {
        credited as f64 / required.len() as f64
    };
    let documentation = (notes_share * 100.0).round().clamp(0.0, 100.0) as u32;
    dimensions.push(DimensionScore {
        dimension: Dimension::Documentation,
        score: documentation,
        credit: documentation,
        penalty: 0,
    });
    let time = if outcome == Outcome::DeadlineMissed {
        0
    } else {
        time_score(play.minutes, base.minutes)
    };
    dimensions.push(DimensionScore {
        dimension: Dimension::Time,
        score: time,
        credit: time,
        penalty: 0,
    });

    let weighted: u32 = dimensions
        .iter()
        .map(|d| d.score.min(100) * d.dimension.weight())
        .sum();
    let hints = u32::try_from(play.hints.len()).unwrap_or(u32::MAX);
    let marks = u32::try_from(mistakes.len())
        .unwrap_or(u32::MAX)
        .saturating_mul(MISTAKE_MARK)
        .saturating_add(hints.saturating_mul(HINT_COST));
    let overall = if critical.is_empty() {
        ((weighted + 50) / 100).saturating_sub(marks)
    } else {
        0
    };

    let mut harm: Vec<String> = Vec::new();
    for (_, m) in &critical {
        let text = m.harm().to_owned();
        if !harm.contains(&text) {
            harm.push(text);
        }
    }
    if let Some(h) = ending.and_then(|e| e.harm.as_ref()) {
        let text = play.fill(h);
        if !harm.contains(&text) {
            harm.push(text);
        }
    }

    Debrief {
        outcome,
        closing: play.closing_text(s),
        harm,
        dimensions,
        overall,
        critical,
        mistakes,
        recoveries,
        facts,
        notes_share,
        priority,
        expected_priority,
        good,
        poor,
        checks,
        hints,
    }
}

/// "Resolved", or "Resolved, but confidential data was exposed".
pub fn outcome_line(d: &Debrief) -> String {
    let mut label = d.outcome.label().to_owned();
    if let Some(first) = label.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    if d.harm.is_empty() {
        label
    } else {
        format!("{label}, but {}", d.harm.join("; "))
    }
}
