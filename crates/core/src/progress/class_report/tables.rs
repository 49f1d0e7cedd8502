//! The tables: each learner's saved work summed up, then lined up with
//! one column (or group of CSV columns) per learner.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::exam::{SCALE_MAX, SCALE_MIN};
use crate::quiz::score::is_full;
use crate::scenario::debrief::Dimension;

use super::read::Learner;
use super::{ClassReport, MAX_TIME_MS};

/// Answers right out of answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub right: usize,
    pub answered: usize,
}

impl Share {
    /// The share right, rounded to a whole percent (half up).
    pub fn percent(&self) -> u32 {
        if self.answered == 0 {
            return 0;
        }
        let p = (self.right * 200 + self.answered) / (self.answered * 2);
        u32::try_from(p).unwrap_or(100)
    }

    fn add(&mut self, right: bool) {
        self.answered += 1;
        self.right += usize::from(right);
    }
}

/// Scores 0-100 of repeated tries: the best, the last and the mean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub best: u32,
    pub last: u32,
    pub count: usize,
    sum: u64,
    last_at: u64,
}

impl Scores {
    /// The mean, rounded to a whole number (half up).
    pub fn mean(&self) -> u32 {
        if self.count == 0 {
            return 0;
        }
        let n = self.count as u64;
        u32::try_from((self.sum * 2 + n) / (n * 2)).unwrap_or(100)
    }

    fn add(&mut self, score: u32, at: u64) {
        if self.count == 0 || score > self.best {
            self.best = score;
        }
        // Saved in order, so on a tie the later one is the last.
        if self.count == 0 || at >= self.last_at {
            self.last = score;
            self.last_at = at;
        }
        self.count += 1;
        self.sum += u64::from(score);
    }
}

/// One learner's totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LearnerRow {
    pub learner: String,
    pub file: String,
    pub answers: usize,
    /// One per exam of [`LearnerTable::exams`], in that order.
    pub exams: Vec<Option<Share>>,
    pub exams_taken: usize,
    pub exams_passed: usize,
    pub scenarios_played: usize,
    pub scenario_mean: Option<u32>,
    pub interview_answers: usize,
    pub interview_mean: Option<u32>,
    pub mock_interviews: usize,
    /// The latest time saved, in milliseconds since the Unix epoch.
    pub last_activity: Option<u64>,
    /// Saved values left out as out of range (a score above its maximum,
    /// a time past the year 9999): a sign of an edited file.
    pub ignored: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LearnerTable {
    /// Every exam any learner answered questions of, sorted.
    pub exams: Vec<String>,
    pub rows: Vec<LearnerRow>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectiveRow {
    pub exam: String,
    pub objective: String,
    /// One per learner, in the order of [`ObjectiveTable::learners`].
    pub cells: Vec<Option<Share>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectiveTable {
    pub learners: Vec<String>,
    /// Sorted by exam, then objective.
    pub rows: Vec<ObjectiveRow>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreRow {
    /// A scenario id, a dimension's name or an interview question id.
    pub key: String,
    /// One per learner, in the order of [`ScoreTable::learners`].
    pub cells: Vec<Option<Scores>>,
}

/// Scores per scenario, per scenario dimension or per interview question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreTable {
    /// What a row is: "Scenario", "Dimension" or "Question".
    pub subject: &'static str,
    pub learners: Vec<String>,
    pub rows: Vec<ScoreRow>,
}

/// One learner's saved work, summed up.
#[derive(Default)]
pub(super) struct Summary {
    pub answers: usize,
    pub exams: BTreeMap<String, Share>,
    pub objectives: BTreeMap<(String, String), Share>,
    pub exams_taken: usize,
    pub exams_passed: usize,
    pub scenarios: BTreeMap<String, Scores>,
    pub all_scenarios: Scores,
    pub dimensions: BTreeMap<usize, Scores>,
    pub interview: BTreeMap<String, Scores>,
    pub all_interview: Scores,
    pub mocks: usize,
    pub last: Option<u64>,
    pub ignored: usize,
}

impl Summary {
    /// Notes a time as activity; false (and counted as ignored) when out of range.
    fn seen(&mut self, at: u64) -> bool {
        if at > MAX_TIME_MS {
            self.ignored += 1;
            return false;
        }
        self.last = Some(self.last.map_or(at, |last| last.max(at)));
        true
    }
}

/// The scenario dimensions in the debrief's order, for row order.
const DIMENSIONS: [Dimension; 5] = [
    Dimension::Technical,
    Dimension::Service,
    Dimension::Process,
    Dimension::Documentation,
    Dimension::Time,
];

pub(super) fn summarise(learner: &Learner) -> Summary {
    let data = &learner.data;
    let mut s = Summary::default();
    for a in &data.progress.attempts {
        // NaN is outside the range too.
        if !(0.0..=1.0).contains(&a.score) {
            s.ignored += 1;
            continue;
        }
        if !s.seen(a.at) {
            continue;
        }
        let right = is_full(a.score);
        s.answers += 1;
        s.exams.entry(a.exam.clone()).or_default().add(right);
        s.objectives
            .entry((a.exam.clone(), a.objective.clone()))
            .or_default()
            .add(right);
    }
    for e in &data.exams.records {
        let scale = SCALE_MIN..=SCALE_MAX;
        if !scale.contains(&e.scaled) || !scale.contains(&e.passing_score) {
            s.ignored += 1;
            continue;
        }
        if s.seen(e.finished_at) {
            s.exams_taken += 1;
            s.exams_passed += usize::from(e.passed());
        }
    }
    // Practice plays (choices could be undone) are the learner's own
    // rehearsal, not a result an instructor should grade.
    for p in data.scenarios.assessed() {
        if p.overall > 100 {
            s.ignored += 1;
            continue;
        }
        if !s.seen(p.at) {
            continue;
        }
        s.all_scenarios.add(p.overall, p.at);
        s.scenarios
            .entry(p.scenario.clone())
            .or_default()
            .add(p.overall, p.at);
        for (dimension, score) in &p.dimensions {
            match DIMENSIONS.iter().position(|d| d == dimension) {
                Some(i) if *score <= 100 => s.dimensions.entry(i).or_default().add(*score, p.at),
                _ => s.ignored += 1,
            }
        }
    }
    for a in &data.interview.answers {
        if a.score > 100 {
            s.ignored += 1;
            continue;
        }
        if s.seen(a.at) {
            s.all_interview.add(a.score, a.at);
            s.interview
                .entry(a.question.clone())
                .or_default()
                .add(a.score, a.at);
        }
    }
    // Mock answers are saved among the answers above as well, so a mock
    // adds only its count and its time here.
    for m in &data.interview.mocks {
        if s.seen(m.at) {
            s.mocks += 1;
        }
    }
    for story in &data.interview.stories {
        s.seen(story.updated_at);
    }
    s
}

pub(super) fn build(learners: &[Learner]) -> ClassReport {
    let summaries: Vec<Summary> = learners.iter().map(summarise).collect();
    let labels: Vec<String> = learners.iter().map(|l| l.label.clone()).collect();
    let exams: Vec<String> = keys(&summaries, |s| &s.exams);
    let rows = learners
        .iter()
        .zip(&summaries)
        .map(|(l, s)| LearnerRow {
            learner: l.label.clone(),
            file: l.file.clone(),
            answers: s.answers,
            exams: exams.iter().map(|e| s.exams.get(e).copied()).collect(),
            exams_taken: s.exams_taken,
            exams_passed: s.exams_passed,
            scenarios_played: s.all_scenarios.count,
            scenario_mean: (s.all_scenarios.count > 0).then(|| s.all_scenarios.mean()),
            interview_answers: s.all_interview.count,
            interview_mean: (s.all_interview.count > 0).then(|| s.all_interview.mean()),
            mock_interviews: s.mocks,
            last_activity: s.last,
            ignored: s.ignored,
        })
        .collect();
    let objectives = keys(&summaries, |s| &s.objectives)
        .into_iter()
        .map(|key| ObjectiveRow {
            cells: summaries
                .iter()
                .map(|s| s.objectives.get(&key).copied())
                .collect(),
            exam: key.0,
            objective: key.1,
        })
        .collect();
    let dimensions = keys(&summaries, |s| &s.dimensions)
        .into_iter()
        .map(|i| ScoreRow {
            key: DIMENSIONS[i].label().to_owned(),
            cells: summaries
                .iter()
                .map(|s| s.dimensions.get(&i).copied())
                .collect(),
        })
        .collect();
    ClassReport {
        errors: Vec::new(),
        learners: LearnerTable { exams, rows },
        objectives: ObjectiveTable {
            learners: labels.clone(),
            rows: objectives,
        },
        scenarios: score_table("Scenario", &labels, &summaries, |s| &s.scenarios),
        dimensions: ScoreTable {
            subject: "Dimension",
            learners: labels.clone(),
            rows: dimensions,
        },
        interview: score_table("Question", &labels, &summaries, |s| &s.interview),
    }
}

/// Every key any learner has, sorted.
fn keys<K: Ord + Clone, V>(
    summaries: &[Summary],
    map: impl Fn(&Summary) -> &BTreeMap<K, V>,
) -> Vec<K> {
    let all: BTreeSet<&K> = summaries.iter().flat_map(|s| map(s).keys()).collect();
    all.into_iter().cloned().collect()
}

fn score_table(
    subject: &'static str,
    labels: &[String],
    summaries: &[Summary],
    map: impl Fn(&Summary) -> &BTreeMap<String, Scores>,
) -> ScoreTable {
    let rows = keys(summaries, &map)
        .into_iter()
        .map(|key| ScoreRow {
            cells: summaries
                .iter()
                .map(|s| map(s).get(&key).copied())
                .collect(),
            key,
        })
        .collect();
    ScoreTable {
        subject,
        learners: labels.to_vec(),
        rows,
    }
}
