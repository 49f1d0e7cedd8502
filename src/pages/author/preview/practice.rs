//! Practice over an instructor's own question set: the practice page's
//! question view and scoring, with nothing recorded in progress or the
//! review queue.

use firstline_core::content::question::Question;
use firstline_core::quiz::answer::Response;
use firstline_core::quiz::score::{is_complete, percent, score_question};
use leptos::prelude::*;

use crate::components::question::CheckForm;

#[component]
pub fn OwnPractice(questions: Vec<Question>, seed: u64) -> impl IntoView {
    let questions = StoredValue::new(questions);
    let total = questions.with_value(Vec::len);
    let position = RwSignal::new(0usize);
    let response = RwSignal::new(Response::new());
    let revealed = RwSignal::new(false);
    let earned = RwSignal::new(Vec::<f64>::new());
    let current = move || questions.with_value(|qs| qs.get(position.get()).cloned());
    let submit = Callback::new(move |()| {
        let Some(q) = questions.with_value(|qs| qs.get(position.get_untracked()).cloned()) else {
            return;
        };
        if revealed.get_untracked() {
            position.update(|p| *p += 1);
            response.set(Response::new());
            revealed.set(false);
        } else if response.with_untracked(|r| is_complete(&q, r)) {
            let scored = score_question(&q, &response.get_untracked());
            earned.update(|e| e.push(scored.score));
            revealed.set(true);
        }
    });
    move || {
        let Some(q) = current() else {
            let scores = earned.get();
            let right = scores.iter().filter(|s| **s >= 1.0 - 1e-9).count();
            let share = if scores.is_empty() {
                0.0
            } else {
                scores.iter().sum::<f64>() / scores.len() as f64
            };
            return view! {
                <h2>"Practice done"</h2>
                <p>{format!("{right} of {} fully correct ({}% of the marks). Not recorded in your progress.", scores.len(), percent(share))}</p>
                <button type="button" on:click=move |_| {
                    position.set(0);
                    earned.set(Vec::new());
                    response.set(Response::new());
                    revealed.set(false);
                }>"Practise this file again"</button>
            }
            .into_any();
        };
        view! {
            <CheckForm
                question=q
                seed=seed
                response=response
                revealed=revealed
                number=position.get() + 1
                total=total
                on_submit=submit
            />
        }
        .into_any()
    }
}
