//! The series the dashboard draws: exam scores over time, role-play
//! dimensions over plays, interview scores over answers.
//!
//! Saved records come from browser storage and backups, so every value is
//! range-checked here: a value outside its scale or not a number is left
//! out of the series rather than drawn off the chart.

use crate::content::exam::{SCALE_MAX, SCALE_MIN};
use crate::quiz::results::ExamRecord;
use crate::scenario::debrief::Dimension;

use super::{InterviewLog, ScenarioLog};
use crate::interview::score::CriterionId;

/// How many of the latest points a series keeps: a chart of a thousand
/// points is neither readable nor cheap to draw on a phone.
pub const MAX_POINTS: usize = 60;

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// When, in ms since the epoch.
    pub at: u64,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<Point>,
}

impl Series {
    fn new(name: &str, mut points: Vec<Point>) -> Series {
        crate::sort::by_key(&mut points, |p| p.at);
        let skip = points.len().saturating_sub(MAX_POINTS);
        Series {
            name: name.to_owned(),
            points: points.into_iter().skip(skip).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn last(&self) -> Option<f64> {
        self.points.last().map(|p| p.value)
    }
}

fn in_range(value: f64, min: f64, max: f64) -> bool {
    value.is_finite() && (min..=max).contains(&value)
}

/// The scaled scores of one exam's simulations, oldest first.
pub fn exam_scores(records: &[ExamRecord], exam: &str) -> Series {
    let points = records
        .iter()
        .filter(|r| r.exam == exam)
        .map(|r| Point {
            at: r.finished_at,
            value: f64::from(r.scaled),
        })
        .filter(|p| in_range(p.value, f64::from(SCALE_MIN), f64::from(SCALE_MAX)))
        .collect();
    Series::new(exam, points)
}

/// The exams with at least one simulation, in first-taken order.
pub fn exams_taken(records: &[ExamRecord]) -> Vec<String> {
    let mut exams: Vec<String> = Vec::new();
    for r in records {
        if !exams.contains(&r.exam) {
            exams.push(r.exam.clone());
        }
    }
    exams
}

/// One series per debrief dimension (0-100), a point per play.
pub fn scenario_dimensions(log: &ScenarioLog) -> Vec<Series> {
    [
        Dimension::Technical,
        Dimension::Service,
        Dimension::Process,
        Dimension::Documentation,
        Dimension::Time,
    ]
    .into_iter()
    .map(|dimension| {
        let points = log
            .assessed()
            .filter_map(|play| {
                play.dimensions
                    .iter()
                    .find(|(d, _)| *d == dimension)
                    .map(|(_, score)| Point {
                        at: play.at,
                        value: f64::from(*score),
                    })
            })
            .filter(|p| in_range(p.value, 0.0, 100.0))
            .collect();
        Series::new(dimension.label(), points)
    })
    .filter(|s| !s.is_empty())
    .collect()
}

/// Interview practice: each scored answer, and each mock interview's
/// average (0-100).
pub fn interview_scores(log: &InterviewLog) -> Vec<Series> {
    let answers = log
        .answers
        .iter()
        .map(|a| Point {
            at: a.at,
            value: f64::from(a.score),
        })
        .filter(|p| in_range(p.value, 0.0, 100.0))
        .collect();
    let mocks = log
        .mocks
        .iter()
        .filter_map(|m| {
            m.average().map(|avg| Point {
                at: m.at,
                value: f64::from(avg),
            })
        })
        .filter(|p| in_range(p.value, 0.0, 100.0))
        .collect();
    [
        Series::new("Practice answers", answers),
        Series::new("Mock interviews (average)", mocks),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// Interview practice per criterion (0-100), one series for each
/// criterion the saved answers were scored on, in a fixed order.
pub fn interview_criteria(log: &InterviewLog) -> Vec<Series> {
    let mut ids: Vec<CriterionId> = Vec::new();
    for answer in &log.answers {
        for (id, _) in &answer.criteria {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
    }
    // Declaration order: the order the feedback lists them.
    crate::sort::by_key(&mut ids, |id| *id as u8);
    ids.into_iter()
        .map(|id| {
            let points = log
                .answers
                .iter()
                .filter_map(|a| {
                    a.criteria
                        .iter()
                        .find(|(c, _)| *c == id)
                        .map(|(_, score)| Point {
                            at: a.at,
                            value: f64::from(*score),
                        })
                })
                .filter(|p| in_range(p.value, 0.0, 100.0))
                .collect();
            Series::new(id.label(), points)
        })
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{InterviewAttempt, ScenarioRecord};
    use crate::quiz::session::SubmitReason;

    fn exam(exam: &str, scaled: u32, at: u64) -> ExamRecord {
        ExamRecord {
            exam: exam.into(),
            started_at: at,
            finished_at: at,
            reason: SubmitReason::Learner,
            elapsed_ms: 0,
            limit_ms: 1,
            items: vec![],
            scaled,
            passing_score: 675,
        }
    }

    #[test]
    fn exam_scores_are_per_exam_in_time_order_and_off_scale_values_are_left_out() {
        let records = vec![
            exam("220-1201", 700, 30),
            exam("N10-009", 500, 10),
            exam("220-1201", 600, 20),
            exam("220-1201", 5000, 40),
        ];
        let s = exam_scores(&records, "220-1201");
        let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
        assert_eq!(values, vec![600.0, 700.0]);
        assert_eq!(exams_taken(&records), vec!["220-1201", "N10-009"]);
    }

    #[test]
    fn a_long_history_keeps_the_latest_points() {
        let records: Vec<ExamRecord> = (0..(MAX_POINTS as u64 + 10))
            .map(|i| exam("x", 100 + i as u32, i))
            .collect();
        let s = exam_scores(&records, "x");
        assert_eq!(s.points.len(), MAX_POINTS);
        assert_eq!(s.points[0].at, 10);
    }

    #[test]
    fn scenario_dimensions_become_one_series_each() {
        let record = |tech: u32, at: u64| ScenarioRecord {
            scenario: "s".into(),
            seed: 1,
            caller: "Ana".into(),
            outcome: crate::content::scenario::Outcome::Resolved,
            ending: "done".into(),
            overall: 70,
            dimensions: vec![(Dimension::Technical, tech), (Dimension::Service, 50)],
            critical: 0,
            minutes: 10,
            choices: vec![],
            notes_share: 1.0,
            at,
            scoring: ScenarioRecord::SCORING,
            mistakes: 0,
            harm: vec![],
            priority: None,
            mode: crate::scenario::play::PlayMode::Assessed,
            undone: 0,
            hints: 0,
            checks: vec![],
        };
        // A practice play (choices could be undone) is no point on a chart.
        let practice = ScenarioRecord {
            mode: crate::scenario::play::PlayMode::Practice,
            ..record(100, 4)
        };
        let log = ScenarioLog {
            plays: vec![record(40, 1), record(90, 2), record(400, 3), practice],
            ..ScenarioLog::default()
        };
        let series = scenario_dimensions(&log);
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].name, "Technical resolution");
        assert_eq!(series[0].points.len(), 2, "400 is off the 0-100 scale");
        assert_eq!(series[0].last(), Some(90.0));
    }

    #[test]
    fn interview_answers_and_mocks_are_separate_series() {
        let log = InterviewLog {
            answers: vec![
                InterviewAttempt {
                    question: "q".into(),
                    score: 60,
                    words: 100,
                    spoken: None,
                    at: 1,
                    criteria: vec![],
                },
                InterviewAttempt {
                    question: "q".into(),
                    score: 250,
                    words: 100,
                    spoken: None,
                    at: 2,
                    criteria: vec![],
                },
            ],
            ..InterviewLog::default()
        };
        let series = interview_scores(&log);
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].points.len(), 1);
    }

    #[test]
    fn interview_criteria_are_one_series_each_in_a_fixed_order() {
        let answer = |at, criteria: Vec<(CriterionId, u32)>| InterviewAttempt {
            question: "q".into(),
            score: 50,
            words: 100,
            spoken: None,
            at,
            criteria,
        };
        let log = InterviewLog {
            answers: vec![
                answer(1, vec![]),
                answer(
                    2,
                    vec![(CriterionId::Length, 40), (CriterionId::Structure, 75)],
                ),
                answer(
                    3,
                    vec![(CriterionId::Structure, 100), (CriterionId::Length, 900)],
                ),
            ],
            ..InterviewLog::default()
        };
        let series = interview_criteria(&log);
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [CriterionId::Structure.label(), CriterionId::Length.label()]
        );
        assert_eq!(series[0].points.len(), 2);
        assert_eq!(series[0].last(), Some(100.0));
        assert_eq!(series[1].points.len(), 1, "900 is off the 0-100 scale");
    }
}
