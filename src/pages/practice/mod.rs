//! Certification practice: set up a practice run, take a timed exam, see
//! results, and work through the review queue.

pub mod draw;
pub mod exam;
pub mod recording;
pub mod results;
pub mod review;
pub mod run_keeper;
pub mod runner;
pub mod session;
pub mod setup;

use crate::components::sub_nav::SubNav;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// Links between the parts of certification practice.
#[component]
pub fn PracticeTabs() -> impl IntoView {
    view! { <SubNav label="Certification practice" links=&[("/practice", "Practice"), ("/practice/exam", "Exam simulation"), ("/practice/review", "Review queue")]/> }
}

/// The query string of a practice run over these questions.
pub fn session_href(ids: &[String], mode: &str, seed: u64) -> String {
    format!(
        "/practice/session?mode={mode}&seed={seed}&ids={}",
        ids.join(",")
    )
}

/// A comma-separated list in the query string (`domains=1.0,2.0`), empty
/// when the key is missing.
pub fn list_param(query: &ParamsMap, key: &str) -> Vec<String> {
    query
        .get(key)
        .map(|v| {
            v.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
