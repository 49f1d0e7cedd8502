//! "Am I ready?" and "what next?" per exam: the estimate with its band
//! against the pass line, coverage, passed simulations, the reasons it is
//! not ready yet, the three objectives worth most, and mastery per domain
//! and objective as bars with their figures.

use firstline_core::content::exam::{Exam, SCALE_MAX, SCALE_MIN};
use firstline_core::progress::readiness::{readiness, Readiness};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock::now_ms;
use crate::components::chart::{BarRow, MasteryBars};
use crate::components::generated_problem::GeneratedProblem;
use crate::state::content::use_question_catalog;
use crate::state::progress::{use_exam_log, use_progress};

/// The pass line as a share of the scale, to draw on mastery bars.
fn pass_share(passing: u32) -> f64 {
    f64::from(passing.saturating_sub(SCALE_MIN)) / f64::from(SCALE_MAX - SCALE_MIN)
}

/// Distinct questions: only the latest answer to a question counts.
fn answers(n: usize) -> String {
    format!("{n} question{}", if n == 1 { "" } else { "s" })
}

/// Shown once the learner has answered something: a first visit fetches
/// no blueprints.
#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let progress = use_progress().read();
    let answered = move || progress.with(|p| !p.attempts.is_empty());
    view! {
        <Show when=answered>
            <ReadinessList/>
        </Show>
    }
}

#[component]
fn ReadinessList() -> impl IntoView {
    let catalog = use_question_catalog();
    let progress = use_progress().read();
    let exam_log = use_exam_log().read();
    // Exams with answers, in blueprint order.
    let estimates = Memo::new(move |_| {
        let Some(Ok(catalog)) = catalog.get() else {
            return Vec::new();
        };
        let now = now_ms();
        progress.with(|p| {
            exam_log.with(|log| {
                catalog
                    .exams
                    .iter()
                    .filter(|e| p.attempts.iter().any(|a| a.exam == e.id))
                    .map(|e| (e.clone(), readiness(e, &p.attempts, &log.records, now)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let list = move || {
        let list = estimates.get();
        (!list.is_empty()).then(|| {
            let exams = list
                .into_iter()
                .map(|(exam, r)| view! { <ExamReadiness exam=exam readiness=r/> })
                .collect_view();
            view! {
                <h2>"Exam readiness"</h2>
                <p class="muted">"An estimate from your answers: recent answers and timed-exam answers count more. The band is where your score likely falls 8 times in 10; it narrows as you answer more. \u{201c}Ready\u{201d} also needs every objective practised and two full timed exams passed."</p>
                {exams}
            }
        })
    };
    view! {
        // Without the blueprints there is no estimate: say so rather than
        // leave the section out.
        <GeneratedProblem problem=Signal::derive(move || catalog.get()?.err())/>
        {list}
    }
}

#[component]
fn ExamReadiness(exam: Exam, readiness: Readiness) -> impl IntoView {
    let r = readiness;
    let line = pass_share(r.passing_score);
    let verdict = if r.ready {
        "Ready: your likely score clears the pass line."
    } else {
        "Not ready yet."
    };
    let reasons = r
        .reasons
        .iter()
        .map(|reason| view! { <li>{reason.describe()}</li> })
        .collect_view();
    let focus = r
        .focus
        .iter()
        .map(|f| {
            let href = format!("/practice?exam={}&objectives={}", exam.id, f.objective);
            view! {
                <li>
                    {format!("{} {} \u{2014} mastery {}%, worth up to {} points. ", f.objective, f.title, (f.mastery * 100.0).round() as u32, f.points)}
                    <A href=href>{format!("Practise objective {}", f.objective)}</A>
                </li>
            }
        })
        .collect_view();
    let domains: Vec<BarRow> = r
        .domains
        .iter()
        .map(|d| BarRow {
            label: format!("{} {} ({}%)", d.id, d.name, d.weight),
            value: d.mastery,
            range: None,
            note: answers(d.answered),
        })
        .collect();
    let objectives: Vec<BarRow> = r
        .objectives
        .iter()
        .map(|o| BarRow {
            label: format!("{} {}", o.id, o.title),
            value: o.mastery,
            range: Some((o.low, o.high)),
            note: answers(o.answered),
        })
        .collect();
    let heading = exam.label();
    view! {
        <section class="readiness" aria-label=format!("Readiness for {heading}")>
            <h3>{heading.clone()}</h3>
            <p class="estimate">
                <strong>{format!("Estimated score {}", r.estimate)}</strong>
                {format!(
                    " (likely {}\u{2013}{}, {}% band); pass line {}.",
                    r.low, r.high, r.confidence_percent, r.passing_score
                )}
            </p>
            <p class=if r.ready { "verdict ready" } else { "verdict" }>{verdict}</p>
            {(!r.ready).then(|| view! { <ul aria-label="Why not yet">{reasons}</ul> })}
            <p>{format!(
                "Objectives practised: {} of {}. Timed exam simulations passed: {} of {} needed.",
                r.coverage.seen, r.coverage.total, r.simulations.passed, r.simulations.needed
            )}</p>
            {(!r.focus.is_empty()).then(|| view! {
                <h4>"Study next"</h4>
                <ol aria-label=format!("Study next for {}", exam.id)>{focus}</ol>
            })}
            <MasteryBars caption=format!("{} mastery by domain (the dashed line is the pass line)", exam.id) what="Domain" rows=domains line=line/>
            <details>
                <summary>{format!("Mastery by objective: {}", exam.id)}</summary>
                <MasteryBars caption=format!("{} mastery by objective", exam.id) what="Objective" rows=objectives line=line/>
            </details>
        </section>
    }
}
