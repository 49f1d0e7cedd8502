//! A run's questions one at a time: the answer, its check and feedback,
//! then the next, and the summary at the end. What it keeps and records
//! goes through `RunKeeper`.

use firstline_core::content::question::Question;
use firstline_core::progress::{Attempt, Mode};
use firstline_core::quiz::answer::Response;
use firstline_core::quiz::present::present;
use firstline_core::quiz::run::{Checked, PracticeRun};
use firstline_core::quiz::score::{is_complete, percent, score_question};
use leptos::prelude::*;
use leptos_router::components::A;

use super::run_keeper::RunKeeper;
use crate::adapters::clock::now_ms;
use crate::components::confidence::ConfidencePicker;
use crate::components::question::{pick_by_number, CheckForm};
use crate::components::retry_alert::RetryAlert;
use crate::components::shortcuts::{use_shortcuts, Shortcut, ShortcutLegend};
use crate::state::content::Content;

const SAVE_FAILED: &str = "Could not download the code that saves your answers. They are kept on this page while it stays open: check your connection, then try again.";

/// The run over `ids` from `start` (a resumed run, or a fresh one).
#[component]
pub fn SessionRunner(
    review: bool,
    seed: u64,
    ids: Vec<String>,
    content: Content,
    keeper: RunKeeper,
    start: PracticeRun,
) -> impl IntoView {
    // Compared by id, not by content: comparing whole questions would
    // bring the comparison code of every question type into the page, and
    // the questions under an id change only when the content does.
    let questions = Memo::new_with_compare(
        move |_| {
            content
                .get()
                .map(|r| {
                    ids.iter()
                        .filter_map(|id| r.library.question(id).cloned())
                        .collect::<Vec<Question>>()
                })
                .unwrap_or_default()
        },
        |old: Option<&Vec<Question>>, new: Option<&Vec<Question>>| {
            let ids = |qs: Option<&Vec<Question>>| {
                qs.map(|qs| qs.iter().map(|q| q.id.clone()).collect::<Vec<_>>())
            };
            ids(old) != ids(new)
        },
    );
    let response = RwSignal::new(start.response.clone());
    let confidence = RwSignal::new(start.confidence);
    let revealed = RwSignal::new(start.revealed);
    let run = RwSignal::new(start);
    let position = Memo::new(move |_| run.with(|r| r.position));
    // Every change to the run is kept at once (the page may be gone by the
    // next task); opening the page changes nothing.
    Effect::new(move |opened: Option<()>| {
        let mut snapshot = run.get();
        snapshot.response = response.get();
        snapshot.confidence = confidence.get();
        snapshot.revealed = revealed.get();
        if opened.is_some() {
            keeper.keep(snapshot);
        }
    });

    let current = move || questions.with(|qs| qs.get(position.get()).cloned());
    let total = move || questions.with(Vec::len);
    let finished = move || total() > 0 && position.get() >= total();

    let check = move || {
        let Some(q) = current() else { return };
        let r = response.get_untracked();
        if revealed.get_untracked() || !is_complete(&q, &r) {
            return;
        }
        let scored = score_question(&q, &r);
        let mut fresh = false;
        run.update(|run| fresh = run.check(&q.id, scored.score) == Checked::Record);
        revealed.set(true);
        if !fresh {
            return;
        }
        keeper.record(Attempt {
            question: q.id.clone(),
            exam: q.exam.clone(),
            domain: q.domain.clone(),
            objective: q.objective.clone(),
            score: scored.score,
            at: now_ms(),
            mode: if review { Mode::Review } else { Mode::Practice },
            confidence: confidence.get_untracked(),
            wrong_picks: scored.wrong_picks(),
        });
    };
    let next = move || {
        run.update(PracticeRun::next);
        response.set(Response::new());
        confidence.set(None);
        revealed.set(false);
    };
    let again = Callback::new(move |()| {
        run.set(PracticeRun::default());
        response.set(Response::new());
        confidence.set(None);
        revealed.set(false);
    });
    let submit = Callback::new(move |()| {
        if revealed.get_untracked() {
            next();
        } else {
            check();
        }
    });
    use_shortcuts(move |key| match key {
        Shortcut::Enter => {
            submit.run(());
            true
        }
        Shortcut::Number(n) if !revealed.get_untracked() => {
            let Some(q) = current() else { return false };
            let p = present(&q, seed);
            match pick_by_number(&q, &p, &response.get_untracked(), n) {
                Some(r) => {
                    response.set(r);
                    true
                }
                None => false,
            }
        }
        _ => false,
    });

    let body = move || {
        if content.get().is_none() {
            return view! { <p>"Loading questions\u{2026}"</p> }.into_any();
        }
        if total() == 0 {
            return view! {
                <p>"None of the questions in this link are available. They may have been renamed or removed."</p>
                <p><A href="/practice">"Set up a new practice run"</A></p>
            }
            .into_any();
        }
        if finished() {
            return summary(run.with(|r| r.scores.clone()), review, again).into_any();
        }
        let Some(q) = current() else {
            return ().into_any();
        };
        view! {
            <CheckForm
                question=q
                seed=seed
                response=response
                revealed=revealed
                number=position.get() + 1
                total=total()
                on_submit=submit
            >
                <ConfidencePicker value=confidence disabled=revealed name="confidence".to_string()/>
            </CheckForm>
        }
        .into_any()
    };
    let unsaved = move || {
        keeper.failed().then(|| {
            view! {
                <RetryAlert
                    message=SAVE_FAILED
                    on_retry=Callback::new(move |()| {
                        leptos::task::spawn_local(async move {
                            keeper.settle().await;
                        });
                    })
                />
            }
        })
    };

    view! {
        {unsaved}
        {body}
        <ShortcutLegend/>
    }
}

fn summary(scores: Vec<(String, f64)>, review: bool, again: Callback<()>) -> impl IntoView {
    let total = scores.len();
    let earned: f64 = scores.iter().map(|s| s.1).sum();
    let right = scores.iter().filter(|s| s.1 >= 1.0 - 1e-9).count();
    view! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{if review { "Review done" } else { "Practice done" }}</h2>
            <p>{format!("{right} of {total} fully correct ({}% of the marks).", percent(if total == 0 { 0.0 } else { earned / total as f64 }))}</p>
            <p>"Missed questions are in your review queue and will come back."</p>
            <div class="actions">
                <button type="button" on:click=move |_| again.run(())>"Practise these questions again"</button>
                <A href="/practice" attr:class="button secondary-link">"New practice run"</A>
                <A href="/practice/review" attr:class="button secondary-link">"Review queue"</A>
                <A href="/progress" attr:class="button secondary-link">"Progress"</A>
            </div>
        </section>
    }
}
