//! The session page: a run named in the address, resumed when this device
//! keeps it, or a run to draw first.

use firstline_core::quiz::run::{run_name, PracticeRun};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::recording::{self, Recording};
use super::run_keeper::RunKeeper;
use super::runner::SessionRunner;
use super::PracticeTabs;
use crate::adapters::dom::set_title;
use crate::components::on_demand::OnDemand;
use crate::components::resuming::resuming;
use crate::components::retry_alert::RetryAlert;
use crate::state::content::{use_question_content, Content};
use firstline_core::content::manifest::Need;

/// A practice or review run over the questions named in the address
/// (`?ids=a,b,c&seed=…&mode=practice|review`), so a run can be linked and
/// survives a reload. Each answer gets immediate feedback and is saved.
/// The place in the run, the answer being worked on and the scores so far
/// are saved too (`quiz::run`), so a reload resumes where the learner was
/// and never records an answer twice.
#[component]
fn PracticeSession(code: OnDemand<Recording>) -> impl IntoView {
    let query = use_query_map();
    let review = query.with_untracked(|q| q.get("mode")).as_deref() == Some("review");
    set_title(if review { "Review" } else { "Practice session" });
    // A run from the practice setup names its exam: only that exam's
    // questions are fetched. Review runs mix exams.
    let exam = query
        .with_untracked(|q| q.get("exam"))
        .filter(|e| !e.is_empty());
    let seed: u64 = query
        .with_untracked(|q| q.get("seed"))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let ids: Vec<String> = query
        .with_untracked(|q| q.get("ids"))
        .map(|v| {
            v.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let content = run_content(exam, ids.clone());
    let name = StoredValue::new(run_name(
        if review { "review" } else { "practice" },
        seed,
        &ids,
    ));
    let total = ids.len();
    let ids = StoredValue::new(ids);

    // A device that keeps no runs (a first visit's) has none to resume,
    // and the code that keeps them comes with the first answer.
    let body = resuming(
        code,
        PracticeRun::default(),
        move |c: Recording| {
            let runs = (c.open)();
            let start = name.with_value(|name| (c.resume)(runs, name, total));
            (runs, start)
        },
        "Loading your run\u{2026}",
        RESUME_FAILED,
        move |runs, start| {
            let keeper = RunKeeper::new(name.get_value(), code, runs);
            view! {
                <SessionRunner
                    review=review
                    seed=seed
                    ids=ids.get_value()
                    content=content
                    keeper=keeper
                    start=start
                />
            }
        },
    );

    view! {
        <h1>{if review { "Review queue" } else { "Practice session" }}</h1>
        <PracticeTabs/>
        {body}
    }
}

const RESUME_FAILED: &str =
    "Could not download the code that resumes your run. Check your connection, then try again.";

/// A run chosen on the setup page, drawn once the code that reads the
/// answer history is here (`DrawRun`, in the recording chunk).
#[component]
fn Drawing(code: OnDemand<Recording>) -> impl IntoView {
    set_title("Practice session");
    let fetch = move || {
        leptos::task::spawn_local(async move {
            code.get().await;
        });
    };
    fetch();
    let body = move || match code.loaded() {
        Some(c) => (c.draw)(),
        None if code.failed() => {
            view! { <RetryAlert message=DRAW_FAILED on_retry=Callback::new(move |()| fetch())/> }
                .into_any()
        }
        None => {
            view! { <p class="muted" role="status">"Drawing your questions\u{2026}"</p> }.into_any()
        }
    };
    view! {
        <h1>"Practice session"</h1>
        <PracticeTabs/>
        {body}
    }
}

const DRAW_FAILED: &str =
    "Could not download the code that draws your questions. Check your connection, then try again.";

/// The questions of a run: the files the build's index says hold them (a
/// few questions need a few files, not their exam's whole bank); if the
/// index cannot be had, the named exam's bank, or every bank for a run
/// that names none (a review mixes exams).
fn run_content(exam: Option<String>, ids: Vec<String>) -> Content {
    use_question_content(move || {
        vec![Need::QuestionIds {
            ids: ids.clone(),
            exam: exam.clone(),
        }]
    })
}

/// The session page: the run named in the address (`ids=…`), or, from the
/// setup page, a run to draw first (`draw`), whose address then names it.
#[component]
pub fn SessionPage() -> impl IntoView {
    let query = use_query_map();
    let named = Memo::new(move |_| query.with(|q| q.get("ids").is_some()));
    // One handle for both, so the code a draw fetched serves its run.
    let code = OnDemand::new(recording::load);
    move || {
        if named.get() {
            view! { <PracticeSession code=code/> }.into_any()
        } else {
            view! { <Drawing code=code/> }.into_any()
        }
    }
}

area_page!(SessionRoute, SessionPage, practice, "Practice session");
