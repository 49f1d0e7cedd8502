//! Interview practice: questions, the STAR editor with explainable
//! feedback, the story bank, and mock interviews.

pub mod answer;
pub mod editor;
pub mod feedback;
pub mod home;
pub mod mock;
pub mod stories;
pub mod timer;

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn InterviewTabs() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Interview practice">
            <A href="/interview" exact=true>"Questions"</A>
            <A href="/interview/stories">"Story bank"</A>
            <A href="/interview/mock">"Mock interview"</A>
        </nav>
    }
}
