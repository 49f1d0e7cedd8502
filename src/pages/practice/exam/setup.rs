//! Choosing an exam and its length. The blueprints come from the question
//! catalog; the chosen exam's questions are fetched on Start (`StartExam`),
//! so the setup's first visit downloads no question bank.

use std::sync::Arc;

use firstline_core::content::exam::Exam;
use firstline_core::content::library::LoadReport;
use firstline_core::content::manifest::Need;
use firstline_core::quiz::draw::draw_exam;
use firstline_core::quiz::session::ExamSession;
use leptos::prelude::*;

use crate::adapters::clock::now_ms;
use crate::components::generated_problem::GeneratedProblem;
use crate::components::number_field::NumberField;
use crate::state::content::{retry_downloads, use_content, use_question_catalog};
use crate::state::progress::use_exam;

#[component]
pub fn ExamSetup() -> impl IntoView {
    let catalog = use_question_catalog();
    let exams = move || match catalog.get() {
        Some(Ok(c)) => c.exams.clone(),
        _ => Vec::new(),
    };
    let exam_id = RwSignal::new(String::new());
    let full = RwSignal::new(true);
    let count = RwSignal::new(10u32);
    let minutes = RwSignal::new(10u32);
    let chosen = move || {
        let id = exam_id.get();
        exams()
            .into_iter()
            .find(|e| e.id == id)
            .or_else(|| exams().into_iter().next())
    };
    // The exam being started, with its length in questions and minutes.
    let starting = RwSignal::new(None::<(Exam, u32, u32)>);
    // Why the last Start did not start an exam (its questions did not arrive).
    let problem = RwSignal::new(None::<String>);
    // The report that held no questions: until the retried download
    // replaces it, the content signal still gives it.
    let failed = StoredValue::new(None::<Arc<LoadReport>>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(exam) = chosen() else {
            return;
        };
        // Starting again after a failed download tries the download again.
        if problem.with_untracked(Option::is_some) {
            problem.set(None);
            retry_downloads();
        }
        let (n, mins) = if full.get_untracked() {
            (exam.question_count, exam.minutes)
        } else {
            (
                count.get_untracked().clamp(1, exam.question_count),
                minutes.get_untracked().clamp(1, 600),
            )
        };
        starting.set(Some((exam, n, mins)));
    };
    let describe = move |exam: Option<Exam>| {
        exam.map(|e| {
            format!(
                "{}: {} questions drawn by the blueprint's domain weights, {} minutes, pass line {} on the 100\u{2013}900 scale. Performance-based questions come first; you can flag questions and move freely.",
                e.label(),
                e.question_count,
                e.minutes,
                e.passing_score
            )
        })
    };
    view! {
        <GeneratedProblem problem=Signal::derive(move || catalog.get()?.err())/>
        <form class="setup" on:submit=start>
            <div class="field">
                <label for="exam-choice">"Exam"</label>
                <select id="exam-choice" on:change=move |ev| exam_id.set(event_target_value(&ev))>
                    {move || exams().into_iter().map(|e| view! { <option value=e.id.clone()>{e.label()}</option> }).collect_view()}
                </select>
            </div>
            <p class="muted">{move || describe(chosen())}</p>
            <fieldset>
                <legend>"Length"</legend>
                <div class="option">
                    <input type="radio" id="length-full" name="length" prop:checked=move || full.get() on:change=move |_| full.set(true)/>
                    <label for="length-full">"Full exam"</label>
                </div>
                <div class="option">
                    <input type="radio" id="length-short" name="length" prop:checked=move || !full.get() on:change=move |_| full.set(false)/>
                    <label for="length-short">"Shorter exam"</label>
                </div>
            </fieldset>
            <Show when=move || !full.get()>
                <div class="row">
                    <NumberField id="exam-count" label="Questions" min=1 max=90 value=count fallback=10/>
                    <NumberField id="exam-minutes" label="Minutes" min=1 max=600 value=minutes fallback=10/>
                </div>
            </Show>
            <button type="submit" disabled=move || exams().is_empty() || starting.with(Option::is_some)>
                {move || match catalog.get() {
                    Some(Ok(_)) => "Start exam",
                    // The alert above says why and offers Try again.
                    Some(Err(_)) => "Start exam (exams not loaded)",
                    None => "Loading the exams\u{2026}",
                }}
            </button>
            {move || problem.get().map(|p| view! { <p role="alert" class="notice warning">{p}</p> })}
            {move || starting.get().map(|(exam, count, minutes)| view! { <StartExam exam count minutes starting problem failed/> })}
        </form>
    }
}

/// Fetches the exam's questions, draws the exam and starts it; the page
/// then shows the runner. If no question arrived (the download failed), no
/// empty exam starts: `problem` says so and the form is back.
#[component]
fn StartExam(
    exam: Exam,
    count: u32,
    minutes: u32,
    starting: RwSignal<Option<(Exam, u32, u32)>>,
    problem: RwSignal<Option<String>>,
    failed: StoredValue<Option<Arc<LoadReport>>>,
) -> impl IntoView {
    let content = use_content(&[Need::Questions(Some(exam.id.clone()))]);
    let exam_state = use_exam();
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(report) = content.get() else {
            return;
        };
        let stale = failed.with_value(|f| f.as_ref().is_some_and(|f| Arc::ptr_eq(f, &report)));
        if stale || started.get_value() {
            return;
        }
        started.set_value(true);
        let now = now_ms();
        let pool: Vec<&_> = report.library.questions.iter().collect();
        let ids = draw_exam(&exam, &pool, count as usize, now);
        if ids.is_empty() {
            problem.set(Some(format!(
                "The questions of {} could not be loaded. Check your connection, then start the exam again.",
                exam.label()
            )));
            failed.set_value(Some(report));
            starting.set(None);
            return;
        }
        let session = ExamSession::start(
            &exam.id,
            &ids,
            &report.library,
            now,
            u64::from(minutes) * 60_000,
            now,
        );
        exam_state.update(|a| a.session = Some(session));
    });
    view! { <p role="status">"Loading the exam\u{2019}s questions\u{2026}"</p> }
}
