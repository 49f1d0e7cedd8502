//! The exam simulation: its setup, and the timed exam in progress (each
//! its own component and file). Only the chosen exam's questions are
//! fetched: the setup reads the blueprints from the question catalog. The
//! runner's code is a wasm chunk of its own (`exam_runner`), fetched when
//! an exam starts or resumes, so a first visit to the setup downloads
//! neither it nor the content reader.

mod runner;
mod setup;

use leptos::prelude::*;

use super::PracticeTabs;
use crate::adapters::dom::set_title;
use crate::components::lazy_part::LazyPart;
use crate::state::content::use_content;
use crate::state::progress::provide_exam;
use firstline_core::content::manifest::Need;
use setup::ExamSetup;

/// The exam simulation: set up, or resume the exam in progress.
#[component]
pub fn ExamPage() -> impl IntoView {
    set_title("Exam simulation");
    let exam_state = provide_exam();
    // A memo of the running exam's id: the runner writes to the exam state
    // as it runs, which must not re-create the runner.
    let running = Memo::new(move |_| {
        exam_state.read().with(|a| {
            a.session
                .as_ref()
                .filter(|s| !s.is_submitted())
                .map(|s| s.exam.clone())
        })
    });
    view! {
        <h1>"Exam simulation"</h1>
        <PracticeTabs/>
        {move || match running.get() {
            Some(exam) => view! { <LoadedRunner exam/> }.into_any(),
            None => view! { <ExamSetup/> }.into_any(),
        }}
    }
}

/// The runner once its exam's questions are in: it grades from them, so
/// it never runs (or times out) without them. Its code downloads while the
/// questions do.
#[component]
fn LoadedRunner(exam: String) -> impl IntoView {
    let content = use_content(&[Need::Questions(Some(exam))]);
    let loaded = Memo::new(move |_| content.get().is_some());
    view! {
        <Show when=move || !loaded.get()>
            <p role="status">"Loading questions\u{2026}"</p>
        </Show>
        <LazyPart load=load_runner what="the exam" hold=Signal::derive(move || !loaded.get())/>
    }
}

part_code!(
    load_runner,
    runner_part,
    exam_runner,
    view! { <runner::RunningExam/> }.into_any()
);

area_page!(ExamRoute, ExamPage, exam, "Exam simulation");
