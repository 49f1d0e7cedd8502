use firstline_core::content::question::{Body, Question, Task};
use firstline_core::progress::Attempt;
use leptos::prelude::*;

use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::state::content::use_content;
use crate::state::progress::use_progress;

#[component]
pub fn Practice() -> impl IntoView {
    set_title("Practice");
    let content = use_content();
    let exam = RwSignal::new(String::new());
    let position = RwSignal::new(0usize);

    let questions = move || {
        let report = content.get()?;
        let exam_id = exam.get();
        let list: Vec<Question> = report
            .library
            .questions
            .iter()
            .filter(|q| exam_id.is_empty() || q.exam == exam_id)
            .filter(|q| matches!(q.body, Body::Task(Task::Single { .. })))
            .cloned()
            .collect();
        Some(list)
    };
    let exams = move || {
        content
            .get()
            .map(|r| {
                r.library
                    .exams
                    .iter()
                    .map(|e| (e.id.clone(), e.label()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    view! {
        <h1>"Certification practice"</h1>
        <div class="field">
            <label for="exam-select">"Exam"</label>
            <select id="exam-select" on:change=move |ev| {
                exam.set(event_target_value(&ev));
                position.set(0);
            }>
                <option value="">"All exams"</option>
                {move || exams().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
            </select>
        </div>
        {move || questions().map(|list| {
                if list.is_empty() {
                    return view! { <p>"No questions are available for this exam yet."</p> }.into_any();
                }
                let index = position.get() % list.len();
                let total = list.len();
                let question = list[index].clone();
                view! {
                    <p class="muted">{format!("Question {} of {}", index + 1, total)}</p>
                    <SingleQuestion question=question on_next=move || position.update(|p| *p += 1)/>
                }.into_any()
            })}

    }
}

#[component]
fn SingleQuestion(question: Question, on_next: impl Fn() + Copy + 'static) -> impl IntoView {
    let progress = use_progress();
    let Body::Task(Task::Single { options, answer }) = question.body.clone() else {
        return view! { <p>"This question type is not supported here."</p> }.into_any();
    };
    let chosen = RwSignal::new(None::<usize>);
    let checked = RwSignal::new(false);
    let group = format!("answer-{}", question.id);
    let q = StoredValue::new(question.clone());
    let opts = StoredValue::new(options.clone());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if checked.get_untracked() {
            on_next();
            return;
        }
        let Some(pick) = chosen.get_untracked() else {
            return;
        };
        checked.set(true);
        let q = q.get_value();
        progress.update(|p| {
            p.record(Attempt {
                question: q.id.clone(),
                exam: q.exam.clone(),
                domain: q.domain.clone(),
                objective: q.objective.clone(),
                score: if pick == answer { 1.0 } else { 0.0 },
                at: now_ms(),
            })
        });
    };

    view! {
        <form class="question" on:submit=submit>
            <fieldset disabled=move || checked.get()>
                <legend>{question.prompt.clone()}</legend>
                {options.iter().enumerate().map(|(i, option)| {
                    let id = format!("{group}-{i}");
                    view! {
                        <div class="option">
                            <input type="radio" id=id.clone() name=group.clone() value=i.to_string()
                                on:change=move |_| chosen.set(Some(i))/>
                            <label for=id>{option.text.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div role="status" class="feedback">
                {move || checked.get().then(|| {
                    let pick = chosen.get().unwrap_or(usize::MAX);
                    let right = pick == answer;
                    let q = q.get_value();
                    view! {
                        <p class=if right { "verdict right" } else { "verdict wrong" }>
                            {if right { "Correct." } else { "Not quite." }}
                        </p>
                        <p>{q.explanation.clone()}</p>
                        <ul class="why">
                            {opts.get_value().into_iter().enumerate().map(|(i, o)| view! {
                                <li>
                                    <strong>{o.text.clone()}</strong>
                                    {if i == answer { " (correct answer)" } else if i == pick { " (your answer)" } else { "" }}
                                    ": " {o.why.clone()}
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </div>
            <button type="submit" disabled=move || !checked.get() && chosen.get().is_none()>
                {move || if checked.get() { "Next question" } else { "Check answer" }}
            </button>
        </form>
    }.into_any()
}
