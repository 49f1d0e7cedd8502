//! The timed exam in progress.

use std::time::Duration;

use firstline_core::progress::{Attempt, Mode};
use firstline_core::quiz::answer::{Confidence, Response};
use firstline_core::quiz::results::grade;
use firstline_core::quiz::score::score_question;
use firstline_core::quiz::session::{ReviewFilter, SubmitReason, Tick};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::adapters::clock::{format_clock, now_ms};
use crate::components::confidence::ConfidencePicker;
use crate::components::question::{pick_by_number, QuestionView};
use crate::components::shortcuts::{use_shortcuts, Shortcut, ShortcutLegend};
use crate::state::content::use_content;
use crate::state::notices::{use_notices, Level};
use crate::state::progress::{use_exam, use_exam_log, use_progress};
use firstline_core::content::manifest::Need;

/// The runner for the exam in progress, as the exam page's state names it
/// (this is built in its own code chunk, which takes no arguments).
#[component]
pub fn RunningExam() -> impl IntoView {
    let exam = use_exam()
        .read()
        .with_untracked(|a| a.session.as_ref().map(|s| s.exam.clone()));
    exam.map(|exam| view! { <ExamRunner exam/> })
}

/// The exam in progress: timer, question, navigation, flags, and the
/// review screen before submitting.
#[component]
fn ExamRunner(exam: String) -> impl IntoView {
    let exam_state = use_exam();
    let progress = use_progress();
    let content = use_content(&[Need::Questions(Some(exam))]);
    let notices = use_notices();
    let navigate = use_navigate();
    let reviewing = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    let announce = RwSignal::new(String::new());

    let session = move || exam_state.read().with_untracked(|a| a.session.clone());

    // Read here, not when finishing: the clock's callback has no context.
    let exam_log = use_exam_log();
    // Finishing: grade, save to progress, clear the exam, show the results.
    let finish = StoredValue::new(move |reason: SubmitReason| {
        let (Some(mut s), Some(report)) =
            (exam_state.get_untracked().session, content.get_untracked())
        else {
            return;
        };
        let now = now_ms();
        s.submit(now, reason);
        let Some(exam) = report.library.exam(&s.exam) else {
            return;
        };
        let record = grade(&s, exam, &report.library, now);
        let index = exam_log.read().with_untracked(|l| l.records.len());
        progress.update(|p| {
            for item in &record.items {
                let wrong = report
                    .library
                    .question(&item.question)
                    .map(|q| score_question(q, &item.response).wrong_picks())
                    .unwrap_or_default();
                p.record(Attempt {
                    question: item.question.clone(),
                    exam: record.exam.clone(),
                    domain: item.domain.clone(),
                    objective: item.objective.clone(),
                    score: item.score,
                    at: now,
                    mode: Mode::Exam,
                    confidence: item.confidence,
                    wrong_picks: wrong,
                });
            }
        });
        exam_log.update(|l| l.records.push(record));
        exam_state.update(|a| a.session = None);
        if reason == SubmitReason::Timeout {
            notices.push(
                Level::Info,
                "Time is up: your exam was submitted automatically.",
            );
        }
        navigate(&format!("/practice/results/{index}"), Default::default());
    });

    // The clock: resume without charging time away, tick and save every
    // second, submit at zero. A reload or a closed tab counts the time up
    // to the moment the page goes (`pagehide`), so reloading never hands
    // time back.
    exam_state.update_quiet(|a| {
        if let Some(s) = a.session.as_mut() {
            s.resume(now_ms());
        }
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| {
        exam_state.update_quiet(|a| {
            if let Some(s) = a.session.as_mut() {
                s.tick(now_ms());
            }
        });
        exam_state.save();
    });
    on_cleanup(move || leaving.remove());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let mut outcome = None;
            exam_state.update_quiet(|a| outcome = a.session.as_mut().map(|s| s.tick(now_ms())));
            match outcome {
                Some(Tick::TimedOut) => finish.with_value(|f| f(SubmitReason::Timeout)),
                Some(Tick::Running { remaining_ms }) => {
                    let minutes_left = remaining_ms / 60_000;
                    if remaining_ms % 60_000 >= 59_000 && [10, 5, 1].contains(&(minutes_left + 1)) {
                        announce.set(format!(
                            "{} minute{} left.",
                            minutes_left + 1,
                            if minutes_left == 0 { "" } else { "s" }
                        ));
                    }
                    exam_state.save();
                }
                _ => {}
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || {
            handle.clear();
            exam_state.save();
        });
    }

    // What the navigation shows; a memo, so the clock ticking every second
    // never re-renders the question or moves focus.
    let status = Memo::new(move |_| {
        let report = content.get()?;
        let lib = &report.library;
        exam_state.read().with(|a| {
            a.session.as_ref().map(|s| {
                let items: Vec<(bool, bool)> = (0..s.items.len())
                    .map(|i| (s.is_answered(i, lib), s.items[i].flagged))
                    .collect();
                (s.current, items)
            })
        })
    });
    let current = move || status.with(|st| st.as_ref().map(|s| s.0).unwrap_or(0));
    let total = move || status.with(|st| st.as_ref().map(|s| s.1.len()).unwrap_or(0));
    let current_index = Memo::new(move |_| current());
    let go = move |index: usize| {
        exam_state.update(|a| {
            if let Some(s) = a.session.as_mut() {
                s.go_to(index);
            }
        });
        reviewing.set(false);
        confirm.set(false);
    };
    let flag = move || {
        let i = current();
        exam_state.update(|a| {
            if let Some(s) = a.session.as_mut() {
                s.toggle_flag(i);
            }
        });
    };
    let next = move || {
        let i = current();
        if i + 1 < total() {
            go(i + 1);
        } else {
            reviewing.set(true);
        }
    };
    // The shown question's own answer signal: a number key sets it, so
    // the option shows as picked, and the view saves it like a click.
    let shown = StoredValue::new(None::<(usize, RwSignal<Response>)>);
    use_shortcuts(move |key| {
        if reviewing.get_untracked() {
            return false;
        }
        match key {
            Shortcut::Flag => {
                flag();
                true
            }
            Shortcut::Enter => {
                next();
                true
            }
            Shortcut::Number(n) => {
                let (Some(s), Some(report)) = (session(), content.get_untracked()) else {
                    return false;
                };
                let lib = &report.library;
                let Some(item) = s.items.get(s.current) else {
                    return false;
                };
                let Some(q) = lib.question(&item.question) else {
                    return false;
                };
                let Some(r) = pick_by_number(q, &item.presentation, &item.response, n) else {
                    return false;
                };
                let i = s.current;
                let r = match shown.get_value() {
                    // `try_set` hands the value back if the view is gone.
                    Some((at, signal)) if at == i => match signal.try_set(r) {
                        None => return true,
                        Some(r) => r,
                    },
                    _ => r,
                };
                exam_state.update(|a| {
                    if let Some(s) = a.session.as_mut() {
                        if let Some(item) = s.items.get_mut(i) {
                            item.response = r;
                        }
                    }
                });
                true
            }
        }
    });

    let remaining = Memo::new(move |_| {
        exam_state.read().with(|a| {
            a.session
                .as_ref()
                .map(|s| s.remaining_ms() / 1000 * 1000)
                .unwrap_or(0)
        })
    });
    let timer = move || {
        let remaining = remaining.get();
        view! {
            <p class=if remaining < 5 * 60_000 { "timer low" } else { "timer" }>
                <span class="visually-hidden">"Time remaining: "</span>
                <span role="timer" aria-label="Time remaining">{format_clock(remaining)}</span>
            </p>
        }
    };

    let grid = move || {
        let Some((now_at, items)) = status.get() else {
            return ().into_any();
        };
        let buttons = items
            .into_iter()
            .enumerate()
            .map(|(i, (answered, flagged))| {
                let mut label = format!("Question {}", i + 1);
                label.push_str(if answered {
                    ", answered"
                } else {
                    ", not answered"
                });
                if flagged {
                    label.push_str(", flagged");
                }
                let class = format!(
                    "qnav{}{}",
                    if answered { " answered" } else { "" },
                    if flagged { " flagged" } else { "" }
                );
                view! {
                    <li>
                        <button type="button" class=class aria-label=label
                            aria-current=(i == now_at && !reviewing.get()).then_some("step")
                            on:click=move |_| go(i)>{(i + 1).to_string()}</button>
                    </li>
                }
            })
            .collect_view();
        view! { <nav aria-label="Questions"><ol class="qgrid">{buttons}</ol></nav> }.into_any()
    };

    let question = move || {
        let index = current_index.get();
        let (Some(s), Some(report)) = (exam_state.get_untracked().session, content.get_untracked())
        else {
            return ().into_any();
        };
        let lib = &report.library;
        let Some(item) = s.items.get(index).cloned() else {
            return ().into_any();
        };
        let Some(q) = lib.question(&item.question).cloned() else {
            return view! { <p>"This question is no longer in the content; move on to the next one."</p> }.into_any();
        };
        let response = RwSignal::new(item.response.clone());
        shown.set_value(Some((index, response)));
        let confidence = RwSignal::new(item.confidence);
        Effect::watch(
            move || response.get(),
            move |r: &Response, _, _| {
                let r = r.clone();
                exam_state.update(|a| {
                    if let Some(item) = a.session.as_mut().and_then(|s| s.items.get_mut(index)) {
                        if item.response != r {
                            item.response = r;
                        }
                    }
                });
            },
            false,
        );
        Effect::watch(
            move || confidence.get(),
            move |c: &Option<Confidence>, _, _| {
                if let Some(c) = *c {
                    exam_state.update(|a| {
                        if let Some(s) = a.session.as_mut() {
                            s.set_confidence(index, c);
                        }
                    });
                }
            },
            false,
        );
        let flagged = move || {
            status.with(|st| {
                st.as_ref()
                    .and_then(|s| s.1.get(index))
                    .is_some_and(|x| x.1)
            })
        };
        view! {
            <p class="muted">{format!("Question {} of {}", index + 1, s.items.len())}</p>
            <QuestionView question=q presentation=item.presentation.clone() response=response reveal=false/>
            <ConfidencePicker value=confidence disabled=false name=format!("confidence-{index}")/>
            <div class="actions">
                <button type="button" class="secondary" disabled=index == 0 on:click=move |_| go(index.saturating_sub(1))>"Previous"</button>
                <button type="button" class="secondary" aria-pressed=move || flagged().to_string() on:click=move |_| flag()>
                    {move || if flagged() { "Flagged for review" } else { "Flag for review" }}
                </button>
                <button type="button" on:click=move |_| next()>
                    {if index + 1 < s.items.len() { "Next" } else { "Review answers" }}
                </button>
            </div>
        }
        .into_any()
    };

    let filter = RwSignal::new(ReviewFilter::All);
    let review_screen = move || {
        status.track();
        let (Some(s), Some(report)) = (exam_state.get_untracked().session, content.get_untracked())
        else {
            return ().into_any();
        };
        let lib = &report.library;
        let unanswered = s.filtered(ReviewFilter::Unanswered, lib).len();
        let flagged = s.filtered(ReviewFilter::Flagged, lib).len();
        let rows = s
            .filtered(filter.get(), lib)
            .into_iter()
            .map(|i| {
                let answered = s.is_answered(i, lib);
                let prompt = lib.question(&s.items[i].question).map(|q| q.prompt.clone()).unwrap_or_default();
                let status = format!(
                    "{}{}",
                    if answered { "Answered" } else { "Not answered" },
                    if s.items[i].flagged { ", flagged" } else { "" }
                );
                view! {
                    <li>
                        <button type="button" class="link" on:click=move |_| go(i)>{format!("Question {}", i + 1)}</button>
                        <span class="status">{status}</span>
                        <span class="muted excerpt">{prompt}</span>
                    </li>
                }
            })
            .collect_view();
        let choice = |value: ReviewFilter, id: &'static str, label: String| {
            view! {
                <span class="pill">
                    <input type="radio" id=id name="review-filter" prop:checked=move || filter.get() == value on:change=move |_| filter.set(value)/>
                    <label for=id>{label}</label>
                </span>
            }
        };
        view! {
            <section aria-labelledby="review-heading">
                <h2 id="review-heading">"Review your answers"</h2>
                <fieldset class="filters">
                    <legend>"Show"</legend>
                    {choice(ReviewFilter::All, "filter-all", format!("All ({})", s.items.len()))}
                    {choice(ReviewFilter::Flagged, "filter-flagged", format!("Flagged ({flagged})"))}
                    {choice(ReviewFilter::Unanswered, "filter-unanswered", format!("Unanswered ({unanswered})"))}
                </fieldset>
                <ul class="review-list" aria-label="Questions to review">{rows}</ul>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| reviewing.set(false)>"Back to the questions"</button>
                    <button type="button" on:click=move |_| {
                        if unanswered > 0 { confirm.set(true) } else { finish.with_value(|f| f(SubmitReason::Learner)) }
                    }>"Submit exam"</button>
                </div>
                <Show when=move || confirm.get()>
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" aria-modal="false">
                        <p id="confirm-text">{format!("You have {unanswered} unanswered question{}. Unanswered questions score zero. Submit anyway?", if unanswered == 1 { "" } else { "s" })}</p>
                        <div class="actions">
                            <button type="button" autofocus on:click=move |_| finish.with_value(|f| f(SubmitReason::Learner))>"Submit anyway"</button>
                            <button type="button" class="secondary" on:click=move |_| confirm.set(false)>"Keep working"</button>
                        </div>
                    </div>
                </Show>
            </section>
        }
        .into_any()
    };

    view! {
        <div class="exam-bar">
            <p><strong>{exam_state.get_untracked().session.map(|s| s.exam).unwrap_or_default()}</strong></p>
            {timer}
            <button type="button" class="secondary" on:click=move |_| reviewing.set(true)>"Review answers"</button>
        </div>
        <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        {grid}
        {move || if reviewing.get() { review_screen().into_any() } else { question().into_any() }}
        <ShortcutLegend flag=true/>
        <p class="muted"><A href="/practice">"Leave for now"</A>" \u{2014} your exam is saved and the clock pauses until you come back."</p>
    }
}
