//! One question of a practice run as a form: its place in the run, the
//! question, whatever the page adds under it (a confidence picker), and
//! one button that checks the answer, then moves on. The practice session
//! and the Author page's preview of an instructor's own set share it.

use firstline_core::content::question::Question;
use firstline_core::quiz::answer::Response;
use firstline_core::quiz::present::present;
use firstline_core::quiz::score::is_complete;
use leptos::prelude::*;

use super::QuestionView;

#[component]
pub fn CheckForm(
    question: Question,
    /// The run's seed: it orders the question's options (`present`).
    seed: u64,
    response: RwSignal<Response>,
    revealed: RwSignal<bool>,
    /// The question's place in the run, from 1, and the run's length.
    number: usize,
    total: usize,
    /// Checks the answer, or moves on once it is checked (the button and
    /// Enter in the form).
    on_submit: Callback<()>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let presentation = present(&question, seed);
    let can_check = {
        let q = question.clone();
        move || revealed.get() || response.with(|r| is_complete(&q, r))
    };
    view! {
        <p class="muted">{format!("Question {number} of {total}")}</p>
        <form class="runner" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            on_submit.run(());
        }>
            <QuestionView question=question presentation=presentation response=response reveal=revealed show_meta=true/>
            {children.map(|c| c())}
            <div class="actions">
                <button type="submit" disabled=move || !can_check()>
                    {move || if revealed.get() { "Next question" } else { "Check answer" }}
                </button>
            </div>
        </form>
    }
}
