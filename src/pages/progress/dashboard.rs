//! The Progress dashboard: what the learner has done, drawn and tabled.

use firstline_core::quiz::insights::{calibration, most_picked_wrong, weakest_objectives};
use firstline_core::quiz::score::percent;
use leptos::prelude::*;
use leptos_router::components::A;

use super::interview::InterviewProgress;
use super::readiness::ReadinessPanel;
use super::reminder::BackupReminder;
use super::trends::{ExamTrends, InterviewTrends, ScenarioTrends};
use crate::adapters::clock::{format_date, now_ms, utc_offset_minutes};
use crate::pages::practice::review::forecast::ForecastView;
use crate::state::content::{use_content_with, use_scenario_catalog};
use crate::state::progress::{use_exam_log, use_progress, use_scenario_log};
use firstline_core::content::manifest::Need;
use firstline_core::progress::ScenarioRecord;
use firstline_core::quiz::review::forecast::{forecast, FORECAST_DAYS};
use firstline_core::scenario::play::PlayMode;

/// Everything recorded in this browser: readiness, charts, exams,
/// calibration, weak areas, common wrong picks and recent answers. Its code
/// is a chunk of its own (`progress_dashboard`), fetched only when there is
/// something to show.
#[component]
pub fn Dashboard() -> impl IntoView {
    let progress = use_progress().read();
    // Question prompts and objective titles come from the exams answered:
    // a learner who has answered nothing downloads no questions.
    let content = use_content_with(move || {
        progress.with(|p| {
            let mut exams: Vec<&str> = p.attempts.iter().map(|a| a.exam.as_str()).collect();
            firstline_core::sort::natural(&mut exams);
            exams.dedup();
            exams
                .into_iter()
                .map(|e| Need::Questions(Some(e.to_owned())))
                .collect()
        })
    });
    let prompt_of = move |id: &str| {
        content
            .get()
            .and_then(|r| r.library.question(id).map(|q| q.prompt.clone()))
            .unwrap_or_else(|| id.to_owned())
    };

    let plays = use_scenario_log().read();
    let exam_log = use_exam_log().read();

    let exams = move || {
        let rows = exam_log.with(|l| {
            l.records
                .iter()
                .enumerate()
                .rev()
                .map(|(i, e)| {
                    view! {
                        <tr>
                            <td>{format_date(e.finished_at)}</td>
                            <td>{e.exam.clone()}</td>
                            <td>{format!("{} (estimate)", e.scaled)}</td>
                            <td>{if e.passed() { "Above the pass line" } else { "Below the pass line" }}</td>
                            <td><A href=format!("/practice/results/{i}")>{format!("Results of exam {}", i + 1)}</A></td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="table-wrap">
                <table>
                    <caption>"Exams taken"</caption>
                    <thead><tr><th scope="col">"Finished"</th><th scope="col">"Exam"</th><th scope="col">"Score"</th><th scope="col">"Result"</th><th scope="col">"Details"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };

    let calibration_table = move || {
        let rows = progress.with(|p| {
            calibration(&p.attempts)
                .into_iter()
                .map(|row| {
                    let share = row.share_right().map_or("\u{2014}".to_string(), |s| format!("{}%", percent(s)));
                    view! { <tr><th scope="row">{row.confidence.label()}</th><td>{row.answered}</td><td>{share}</td></tr> }
                })
                .collect_view()
        });
        view! {
            <table>
                <caption>"How often you were right, by how sure you said you were"</caption>
                <thead><tr><th scope="col">"You said"</th><th scope="col">"Answers"</th><th scope="col">"Right"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };

    let weak = move || {
        let list = progress.with(|p| weakest_objectives(&p.attempts, 2));
        let library = content.get();
        list.into_iter()
            .take(5)
            .map(|w| {
                let title = library
                    .as_ref()
                    .and_then(|r| r.library.exam(&w.exam).and_then(|e| e.objective(&w.objective)).map(|o| o.title.clone()))
                    .unwrap_or_default();
                let href = format!("/practice?exam={}&objectives={}", w.exam, w.objective);
                view! {
                    <li>
                        {format!("{} objective {} {title}: {}% over {} answers. ", w.exam, w.objective, percent(w.share()), w.answered)}
                        <A href=href>{format!("Practise objective {}", w.objective)}</A>
                    </li>
                }
            })
            .collect_view()
    };

    let wrong = move || {
        progress.with(|p| most_picked_wrong(&p.attempts, 5)).into_iter().map(|w| {
            view! { <li><strong>{w.pick.clone()}</strong>{format!(" \u{2014} {} time(s), for: ", w.times)}<span class="muted">{prompt_of(&w.question)}</span></li> }
        }).collect_view()
    };

    let recent = move || {
        let rows: Vec<_> = progress.with(|p| p.recent().take(50).cloned().collect());
        rows.into_iter()
            .map(|a| {
                let result = if a.correct() { "Correct" } else if a.score > 0.0 { "Partly correct" } else { "Incorrect" };
                view! { <tr><td>{prompt_of(&a.question)}</td><td>{a.exam.clone()}</td><td>{result}</td></tr> }
            })
            .collect_view()
    };

    let has_data = move || {
        progress.with(|p| !p.attempts.is_empty())
            || plays.with(|l| !l.plays.is_empty())
            || exam_log.with(|l| !l.records.is_empty())
    };
    view! {
        <BackupReminder/>
        <ReadinessPanel/>
        <Show when=has_data>
            <h2>"Scenarios"</h2>
            <ScenarioTrends/>
            <ScenarioPlays/>
            <h2>"Exams"</h2>
            <ExamTrends/>
            {exams}
            <h2>"Calibration"</h2>
            <p class="muted">"If you are right much less often when \u{201c}sure\u{201d} than you think, slow down on those questions."</p>
            {calibration_table}
            <h2>"Weakest objectives"</h2>
            <ul>{weak}</ul>
            <h2>"Wrong options you pick most often"</h2>
            <ul>{wrong}</ul>
            <h2>"Recent answers"</h2>
            <div class="table-wrap">
                <table>
                    <caption>"Recent answers"</caption>
                    <thead><tr><th scope="col">"Question"</th><th scope="col">"Exam"</th><th scope="col">"Result"</th></tr></thead>
                    <tbody>{recent}</tbody>
                </table>
            </div>
        </Show>
        <InterviewProgress/>
        <InterviewTrends/>
        <ReviewForecast/>
    }
}

/// When the review queue's questions come back, over the next two weeks.
/// The scenarios played, newest first. Titles come from the scenario
/// catalog, fetched only once there is something to show (a first visit
/// to this page has no plays and does not download it).
#[component]
fn ScenarioPlays() -> impl IntoView {
    let plays = use_scenario_log().read();
    let catalog = use_scenario_catalog();
    move || {
        let cards = catalog.get().and_then(Result::ok);
        let rows = plays.with(|l| {
            l.plays
                .iter()
                .rev()
                .map(|r| {
                    let title = cards
                        .as_ref()
                        .and_then(|m| m.scenario(&r.scenario).map(|c| c.title.clone()))
                        .unwrap_or_else(|| r.scenario.clone());
                    let practice = r.mode == PlayMode::Practice;
                    let replay = format!(
                        "/scenarios/{}?seed={}{}",
                        r.scenario,
                        r.seed,
                        if practice { "&mode=practice" } else { "" }
                    );
                    // The expected checks made and hints taken, under the
                    // score, only for plays that had either.
                    let evidence = r
                        .evidence_line()
                        .map(|line| view! { <br/><span class="muted">{line}</span> });
                    view! {
                        <tr>
                            <td>{format_date(r.at)}</td>
                            <td><a href=replay>{title}</a></td>
                            <td>{if r.harm.is_empty() { r.outcome.label().to_string() } else { format!("{}, but {}", r.outcome.label(), r.harm.join("; ")) }}</td>
                            <td>{format!(
                                "{} / 100{}{}{}",
                                r.overall,
                                if r.critical > 0 { " (critical mistake)" } else { "" },
                                if r.scoring < ScenarioRecord::SCORING { " (earlier scoring)" } else { "" },
                                if practice { " (practice, not counted)" } else { "" }
                            )}{evidence}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="table-wrap">
                <table>
                    <caption>"Scenarios played"</caption>
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Scenario"</th><th scope="col">"Outcome"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}

#[component]
fn ReviewForecast() -> impl IntoView {
    let progress = use_progress().read();
    move || {
        let now = now_ms();
        let fortnight = progress.with(|p| {
            (!p.review.cards.is_empty()).then(|| {
                forecast(
                    p.review.cards.values().map(|c| c.due),
                    now,
                    utc_offset_minutes(now),
                    FORECAST_DAYS,
                )
            })
        })?;
        Some(view! {
            <h2>"Review forecast"</h2>
            <ForecastView forecast=fortnight/>
            <p><A href="/practice/review">"Open the review queue"</A></p>
        })
    }
}
