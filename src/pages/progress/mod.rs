pub mod backup;
mod damaged;
mod dashboard;
mod interview;
mod readiness;
mod reminder;
mod trends;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::dom::set_title;
use crate::components::lazy_part::LazyPart;
use crate::state::progress::{use_exam_log, use_interview_log, use_progress, use_scenario_log};

/// The Progress page: a summary, then the dashboard once there is anything
/// to show. A first visit downloads the summary's code only.
#[component]
pub fn ProgressPage() -> impl IntoView {
    set_title("Progress");
    let progress = use_progress().read();
    let plays = use_scenario_log().read();
    let exam_log = use_exam_log().read();
    let interview = use_interview_log().read();
    let summary = move || {
        let played = plays.with(|l| l.assessed().count());
        let taken = exam_log.with(|l| l.records.len());
        progress.with(|p| {
            let total = p.attempts.len();
            if total == 0 && played == 0 && taken == 0 {
                return "You have not answered any questions or played any scenarios yet.".to_string();
            }
            let right = p.attempts.iter().filter(|a| a.correct()).count();
            format!(
                "{right} of {total} answers correct; {} exam(s) taken; {} question(s) in your review queue; {} scenario(s) played.",
                taken,
                p.review.cards.len(),
                played
            )
        })
    };
    let any_data = move || {
        progress.with(|p| !p.attempts.is_empty())
            || plays.with(|l| !l.plays.is_empty())
            || exam_log.with(|l| !l.records.is_empty())
            || interview.with(|l| !l.answers.is_empty() || !l.mocks.is_empty())
    };
    view! {
        <h1>"Your progress"</h1>
        <p>{summary}</p>
        <Show when=any_data>
            <LazyPart load=load_dashboard what="your dashboard"/>
        </Show>
        <h2>"Keep your progress safe"</h2>
        // Short: a paragraph longer than the page's first would become the
        // largest paint, after the app starts.
        <p><A href="/progress/backup">"Back up or restore your progress"</A></p>
    }
}

part_code!(
    load_dashboard,
    dashboard,
    progress_dashboard,
    view! { <dashboard::Dashboard/> }.into_any()
);

area_page!(ProgressRoute, ProgressPage, progress, "Your progress");
