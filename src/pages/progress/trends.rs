//! The dashboard's charts of progress over time: exam simulation scores
//! per exam against the pass line, role-play dimensions, interview scores.
//! Each chart carries its summary and a table of its figures.

use firstline_core::progress::trends::{
    exam_scores, exams_taken, interview_criteria, interview_scores, scenario_dimensions, Series,
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

/// Interview answers and mock interviews over time, then each scoring
/// criterion over time.
#[component]
pub fn InterviewTrends() -> impl IntoView {
    let log = use_interview_log().read();
    let chart = |caption: String, series: Vec<Series>| {
        view! {
            <LineChart
                caption=caption
                series=lines(series)
                y_from=0.0
                y_to=100.0
                ticks=PERCENT_TICKS.to_vec()
                unit=" / 100"
            />
        }
    };
    move || {
        let scores = log.with(interview_scores);
        let criteria = log.with(interview_criteria);
        // Four lines a chart at most, so each keeps its own colour and dash.
        let parts: Vec<Vec<Series>> = criteria.chunks(4).map(<[Series]>::to_vec).collect();
        let count = parts.len();
        let criteria_charts = parts
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let caption = if count > 1 {
                    format!("Interview criteria over time ({} of {count})", i + 1)
                } else {
                    "Interview criteria over time".to_owned()
                };
                chart(caption, part)
            })
            .collect_view();
        view! {
            {(!scores.is_empty()).then(|| chart("Interview practice scores".to_owned(), scores))}
            {criteria_charts}
        }
    }
}
