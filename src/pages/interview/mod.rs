//! Interview practice: questions, the STAR editor with explainable
//! feedback, the story bank, and mock interviews.

pub mod answer;
pub mod editor;
pub mod feedback;
pub mod grading;
pub mod home;
pub mod mock;
pub mod stories;
pub mod timer;

use crate::components::sub_nav::SubNav;
use leptos::prelude::*;

#[component]
pub fn InterviewTabs() -> impl IntoView {
    view! { <SubNav label="Interview practice" links=&[("/interview", "Questions"), ("/interview/stories", "Story bank"), ("/interview/mock", "Mock interview")]/> }
}
