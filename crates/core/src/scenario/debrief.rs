//! Scoring a finished play: technical resolution, customer service, process
//! (including the ticket notes) and time against the SLA, each 0-100 and
//! explained, with critical mistakes flagged.

use serde::{Deserialize, Serialize};

use crate::content::scenario::{Behaviour, Fact, NoteSection, Outcome, Scenario};
use crate::content::scenario_check::{analyse, Range};
use crate::text::{find_any, tokens, Span};

use super::play::Play;

/// Weights of the dimensions in the overall score, in percent.
pub const WEIGHTS: [(Dimension, u32); 4] = [
    (Dimension::Technical, 35),
    (Dimension::Service, 30),
    (Dimension::Process, 25),
    (Dimension::Time, 10),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Technical,
    Service,
    Process,
    Time,
}

impl Dimension {
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Technical => "Technical resolution",
            Dimension::Service => "Customer service",
            Dimension::Process => "Process",
            Dimension::Time => "Time against the SLA",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub dimension: Dimension,
    /// 0-100.
    pub score: u32,
    /// Points earned, and the range any play of this scenario can reach.
    pub earned: i32,
    pub worst: i32,
    pub best: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactResult {
    pub id: String,
    pub label: String,
    pub section: NoteSection,
    /// Where it was found in that section's text, if it was.
    pub found: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub outcome: Outcome,
    pub dimensions: Vec<DimensionScore>,
    /// 0-100; zero when a critical mistake was made.
    pub overall: u32,
    /// Choice ids of critical mistakes made.
    pub critical: Vec<String>,
    pub facts: Vec<FactResult>,
    /// The share of ticket facts found, 0.0-1.0.
    pub notes_share: f64,
    /// Good and poor behaviours shown, in order, without repeats.
    pub good: Vec<Behaviour>,
    pub poor: Vec<Behaviour>,
}

/// Scores ticket notes and the hand-off against the scenario's facts.
pub fn score_notes(facts: &[Fact], notes: &str, handoff: &str) -> Vec<FactResult> {
    let note_tokens = tokens(notes);
    let handoff_tokens = tokens(handoff);
    facts
        .iter()
        .map(|fact| {
            let in_section = match fact.section {
                NoteSection::Notes => &note_tokens,
                NoteSection::Handoff => &handoff_tokens,
            };
            let found =
                find_any(in_section, &fact.phrases).map(|(_, Span { start, end })| (start, end));
            FactResult {
                id: fact.id.clone(),
                label: fact.label.clone(),
                section: fact.section,
                found,
            }
        })
        .collect()
}

/// The 0-100 time score: full marks up to half the SLA, falling to zero at
/// the SLA.
pub fn time_score(minutes: u32, sla: u32) -> u32 {
    let sla = sla.max(1) as f64;
    let minutes = minutes as f64;
    let score = if minutes <= sla / 2.0 {
        100.0
    } else if minutes >= sla {
        0.0
    } else {
        100.0 * (sla - minutes) / (sla / 2.0)
    };
    score.round() as u32
}

fn scaled(earned: i32, range: Range) -> u32 {
    if range.max <= range.min {
        return if earned >= range.max { 100 } else { 0 };
    }
    let share = f64::from(earned - range.min) / f64::from(range.max - range.min);
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

pub fn debrief(s: &Scenario, play: &Play, notes: &str, handoff: &str) -> Debrief {
    let analysis = analyse(s);
    let facts = score_notes(&s.notes.facts, notes, handoff);
    // Only the sections the play needed count: a hand-off matters when the
    // ticket was escalated.
    let escalated = play
        .ending(s)
        .is_some_and(|e| e.outcome == Outcome::Escalated);
    let counted: Vec<&FactResult> = facts
        .iter()
        .filter(|f| f.section == NoteSection::Notes || escalated)
        .collect();
    let notes_share = if counted.is_empty() {
        0.0
    } else {
        counted.iter().filter(|f| f.found.is_some()).count() as f64 / counted.len() as f64
    };
    let notes_points = (f64::from(s.notes.points) * notes_share).round() as i32;
    let process_range = Range {
        min: analysis.process.min,
        max: analysis.process.max + s.notes.points as i32,
    };
    let earned = [
        (
            Dimension::Technical,
            play.points.technical,
            analysis.technical,
        ),
        (Dimension::Service, play.points.service, analysis.service),
        (
            Dimension::Process,
            play.points.process + notes_points,
            process_range,
        ),
    ];
    let mut dimensions: Vec<DimensionScore> = earned
        .iter()
        .map(|&(dimension, earned, range)| DimensionScore {
            dimension,
            score: scaled(earned, range),
            earned,
            worst: range.min,
            best: range.max,
        })
        .collect();
    let time = if play
        .ending(s)
        .is_some_and(|e| e.outcome == Outcome::SlaBreached)
    {
        0
    } else {
        time_score(play.minutes, s.ticket.sla_minutes)
    };
    dimensions.push(DimensionScore {
        dimension: Dimension::Time,
        score: time,
        earned: play.minutes as i32,
        worst: s.ticket.sla_minutes as i32,
        best: 0,
    });
    let critical: Vec<String> = play
        .turns
        .iter()
        .filter(|t| choice(s, &t.node, &t.choice).is_some_and(|c| c.critical))
        .map(|t| t.choice.clone())
        .collect();
    let weighted: u32 = dimensions
        .iter()
        .map(|d| {
            d.score
                * WEIGHTS
                    .iter()
                    .find(|w| w.0 == d.dimension)
                    .map_or(0, |w| w.1)
        })
        .sum();
    let overall = if critical.is_empty() {
        (weighted + 50) / 100
    } else {
        0
    };
    let mut good = Vec::new();
    let mut poor = Vec::new();
    for turn in &play.turns {
        if let Some(c) = choice(s, &turn.node, &turn.choice) {
            for &b in &c.behaviours {
                let list = if b.is_good() { &mut good } else { &mut poor };
                if !list.contains(&b) {
                    list.push(b);
                }
            }
        }
    }
    Debrief {
        outcome: play.ending(s).map_or(Outcome::GaveUp, |e| e.outcome),
        dimensions,
        overall,
        critical,
        facts,
        notes_share,
        good,
        poor,
    }
}

fn choice<'a>(
    s: &'a Scenario,
    node: &str,
    id: &str,
) -> Option<&'a crate::content::scenario::Choice> {
    s.nodes
        .iter()
        .find(|n| n.id == node)?
        .choices
        .iter()
        .find(|c| c.id == id)
}
