use firstline_core::content::question::Question;
use firstline_core::progress::{Attempt, Mode};
use firstline_core::quiz::answer::Response;
use firstline_core::quiz::present::present;
use firstline_core::quiz::run::{run_name, Checked, PracticeRun, PracticeRuns};
use firstline_core::quiz::score::{is_complete, percent, score_question};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::draw::DrawRun;
use super::PracticeTabs;
use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::components::confidence::ConfidencePicker;
use crate::components::question::{pick_by_number, QuestionView};
use crate::components::shortcuts::{use_shortcuts, Shortcut, ShortcutLegend};
use crate::state::content::{use_content_with, use_question_catalog, Content};
use crate::state::progress::{page_document, use_progress};
use firstline_core::content::manifest::Need;

/// A practice or review run over the questions named in the address
/// (`?ids=a,b,c&seed=…&mode=practice|review`), so a run can be linked and
/// survives a reload. Each answer gets immediate feedback and is saved.
/// The place in the run, the answer being worked on and the scores so far
/// are saved too (`quiz::run`), so a reload resumes where the learner was
/// and never records an answer twice.
#[component]
pub fn PracticeSession() -> impl IntoView {
    let query = use_query_map();
    let review = query.with_untracked(|q| q.get("mode")).as_deref() == Some("review");
    set_title(if review { "Review" } else { "Practice session" });
    // A run from the practice setup names its exam: only that exam's
    // questions are fetched. Review runs mix exams.
    let exam = query
        .with_untracked(|q| q.get("exam"))
        .filter(|e| !e.is_empty());
    let progress = use_progress();
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

    let runs = page_document::<PracticeRuns>("practice run");
    let name = run_name(if review { "review" } else { "practice" }, seed, &ids);
    let restored = runs
        .get_untracked()
        .get(&name)
        .cloned()
        .unwrap_or_default()
        .repaired(ids.len());
    let questions = Memo::new(move |_| {
        content
            .get()
            .map(|r| {
                ids.iter()
                    .filter_map(|id| r.library.question(id).cloned())
                    .collect::<Vec<Question>>()
            })
            .unwrap_or_default()
    });
    let response = RwSignal::new(restored.response.clone());
    let confidence = RwSignal::new(restored.confidence);
    let revealed = RwSignal::new(restored.revealed);
    let run = RwSignal::new(restored);
    let position = Memo::new(move |_| run.with(|r| r.position));
    // Every change to the run is saved at once: the document is small, and
    // the page may be gone by the next task.
    Effect::new(move |_| {
        let mut snapshot = run.get();
        snapshot.response = response.get();
        snapshot.confidence = confidence.get();
        snapshot.revealed = revealed.get();
        // Opening or reloading the page changes nothing: write only when
        // the run did change.
        let unchanged = runs.read().with_untracked(|all| {
            all.get(&name).is_some_and(|saved| {
                PracticeRun {
                    saved_at: saved.saved_at,
                    ..snapshot.clone()
                } == *saved
            })
        });
        if unchanged {
            return;
        }
        snapshot.saved_at = now_ms();
        runs.update(|all| all.put(&name, snapshot));
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
        progress.update(|p| {
            p.record(Attempt {
                question: q.id.clone(),
                exam: q.exam.clone(),
                domain: q.domain.clone(),
                objective: q.objective.clone(),
                score: scored.score,
                at: now_ms(),
                mode: if review { Mode::Review } else { Mode::Practice },
                confidence: confidence.get_untracked(),
                wrong_picks: scored.wrong_picks(),
            })
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
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if revealed.get_untracked() {
            next();
        } else {
            check();
        }
    };
    use_shortcuts(move |key| match key {
        Shortcut::Enter => {
            if revealed.get_untracked() {
                next();
            } else {
                check();
            }
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
        let presentation = present(&q, seed);
        let can_check = {
            let q = q.clone();
            move || revealed.get() || response.with(|r| is_complete(&q, r))
        };
        view! {
            <p class="muted">{format!("Question {} of {}", position.get() + 1, total())}</p>
            <form class="runner" on:submit=submit>
                <QuestionView question=q.clone() presentation=presentation response=response reveal=revealed show_meta=true/>
                <ConfidencePicker value=confidence disabled=revealed name="confidence".to_string()/>
                <div class="actions">
                    <button type="submit" disabled=move || !can_check()>
                        {move || if revealed.get() { "Next question" } else { "Check answer" }}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };

    view! {
        <h1>{if review { "Review queue" } else { "Practice session" }}</h1>
        <PracticeTabs/>
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

/// The questions of a run: the files the catalog says hold them (a few
/// questions need a few files, not their exam's whole bank); if the
/// catalog cannot be had, the named exam's bank, or every bank for a run
/// that names none (a review mixes exams). Nothing shows until the files
/// needed are known.
fn run_content(exam: Option<String>, ids: Vec<String>) -> Content {
    let catalog = use_question_catalog();
    let wanted = use_content_with(move || match catalog.get() {
        Some(Ok(catalog)) => vec![
            Need::Exams,
            Need::Files(catalog.files_of(ids.iter().map(String::as_str))),
        ],
        Some(Err(_)) => vec![Need::Questions(exam.clone())],
        None => Vec::new(),
    });
    Signal::derive(move || {
        let known = catalog.with(Option::is_some);
        known.then(|| wanted.get()).flatten()
    })
}

/// The session page: the run named in the address (`ids=…`), or, from the
/// setup page, a run to draw first (`draw`), whose address then names it.
#[component]
pub fn SessionPage() -> impl IntoView {
    let query = use_query_map();
    let named = Memo::new(move |_| query.with(|q| q.get("ids").is_some()));
    move || {
        if named.get() {
            view! { <PracticeSession/> }.into_any()
        } else {
            view! { <DrawRun/> }.into_any()
        }
    }
}

area_page!(SessionRoute, SessionPage, practice, "Practice session");
