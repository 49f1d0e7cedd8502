//! The dashboard's charts of progress over time: exam simulation scores
//! per exam against the pass line, role-play dimensions, interview scores.
//! Each chart carries its summary and a table of its figures.

use firstline_core::progress::trends::{
    exam_scores, exams_taken, interview_scores, scenario_dimensions, Series,
};
use leptos::prelude::*;

use crate::components::chart::{LineChart, LineSeries};
use crate::state::progress::{use_exam_log, use_interview_log, use_scenario_log};

fn lines(series: Vec<Series>) -> Vec<LineSeries> {
    series
        .into_iter()
        .map(|s| LineSeries {
            name: s.name,
            points: s.points.into_iter().map(|p| (p.at, p.value)).collect(),
        })
        .collect()
}

const SCALE_TICKS: [f64; 5] = [100.0, 300.0, 500.0, 700.0, 900.0];
const PERCENT_TICKS: [f64; 5] = [0.0, 25.0, 50.0, 75.0, 100.0];

/// One chart per exam with simulations taken.
#[component]
pub fn ExamTrends() -> impl IntoView {
    let log = use_exam_log().read();
    move || {
        log.with(|l| {
            exams_taken(&l.records)
                .into_iter()
                .map(|exam| {
                    let series = exam_scores(&l.records, &exam);
                    let pass = l
                        .records
                        .iter()
                        .rev()
                        .find(|r| r.exam == exam)
                        .map(|r| f64::from(r.passing_score));
                    view! {
                        <LineChart
                            caption=format!("{exam} exam simulation scores")
                            series=lines(vec![series])
                            y_from=100.0
                            y_to=900.0
                            ticks=SCALE_TICKS.to_vec()
                            reference=pass.map(|p| (p, "pass line".to_string()))
                        />
                    }
                })
                .collect_view()
        })
    }
}

/// Role-play dimensions over plays.
#[component]
pub fn ScenarioTrends() -> impl IntoView {
    let log = use_scenario_log().read();
    move || {
        let series = log.with(scenario_dimensions);
        (!series.is_empty()).then(|| {
            view! {
                <LineChart
                    caption="Role-play scores by dimension".to_string()
                    series=lines(series)
                    y_from=0.0
                    y_to=100.0
                    ticks=PERCENT_TICKS.to_vec()
                    unit=" / 100"
                />
            }
        })
    }
}

/// Interview answers and mock interviews over time.
#[component]
pub fn InterviewTrends() -> impl IntoView {
    let log = use_interview_log().read();
    move || {
        let series = log.with(interview_scores);
        (!series.is_empty()).then(|| {
            view! {
                <LineChart
                    caption="Interview practice scores".to_string()
                    series=lines(series)
                    y_from=0.0
                    y_to=100.0
                    ticks=PERCENT_TICKS.to_vec()
                    unit=" / 100"
                />
            }
        })
    }
}
