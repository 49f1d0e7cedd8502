//! Certification practice: set up a practice run, take a timed exam, see
//! results, and work through the review queue.

pub mod exam;
pub mod results;
pub mod review;
pub mod session;
pub mod setup;

use leptos::prelude::*;
use leptos_router::components::A;

/// Links between the parts of certification practice.
#[component]
pub fn PracticeTabs() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Certification practice">
            <A href="/practice" exact=true>"Practice"</A>
            <A href="/practice/exam">"Exam simulation"</A>
            <A href="/practice/review">"Review queue"</A>
        </nav>
    }
}

/// The query string of a practice run over these questions.
pub fn session_href(ids: &[String], mode: &str, seed: u64) -> String {
    format!(
        "/practice/session?mode={mode}&seed={seed}&ids={}",
        ids.join(",")
    )
}
