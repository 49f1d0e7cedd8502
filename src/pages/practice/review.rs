use leptos::prelude::*;
use leptos_router::components::A;

use super::{session_href, PracticeTabs};
use crate::adapters::clock::{format_until, now_ms};
use crate::adapters::dom::set_title;
use crate::state::content::use_content;
use crate::state::progress::use_progress;
use firstline_core::content::manifest::Need;

/// Missed and low-confidence questions, due ones first, on a spaced
/// repetition schedule (see `firstline_core::quiz::review`).
#[component]
pub fn ReviewPage() -> impl IntoView {
    set_title("Review queue");
    let progress = use_progress();
    let content = use_content(&[Need::Questions(None)]);
    // The clock moves on while the page is open: a question comes due
    // here, not only after a reload.
    let clock = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(
        move || clock.set(now_ms()),
        std::time::Duration::from_secs(15),
    ) {
        on_cleanup(move || handle.clear());
    }
    let body = move || {
        let now = clock.get();
        let report = content.get()?;
        let library = &report.library;
        let (due, upcoming) = progress.read().with(|p| {
            let due: Vec<String> = p
                .review
                .due(now)
                .into_iter()
                .map(|(id, _)| id.to_owned())
                .filter(|id| library.question(id).is_some())
                .collect();
            let upcoming: Vec<(String, u64)> = p
                .review
                .upcoming(now)
                .into_iter()
                .filter(|(id, _)| library.question(id).is_some())
                .map(|(id, c)| (id.to_owned(), c.due))
                .collect();
            (due, upcoming)
        });
        let start = (!due.is_empty()).then(|| {
            let href = session_href(&due, "review", now);
            view! { <A href=href attr:class="button">{format!("Start review ({} due)", due.len())}</A> }
        });
        let due_list = due
            .iter()
            .map(|id| {
                let prompt = library
                    .question(id)
                    .map(|q| q.prompt.clone())
                    .unwrap_or_default();
                view! { <li>{prompt}</li> }
            })
            .collect_view();
        let upcoming_list = upcoming
            .iter()
            .take(20)
            .map(|(id, due)| {
                let prompt = library.question(id).map(|q| q.prompt.clone()).unwrap_or_default();
                view! { <li>{prompt}<span class="muted">{format!(" \u{2014} due {}", format_until(now, *due))}</span></li> }
            })
            .collect_view();
        Some(view! {
            <h2>{format!("Due now: {}", due.len())}</h2>
            {if due.is_empty() {
                view! { <p>"Nothing is due. Questions you miss, or answer without being sure, come back here later."</p> }.into_any()
            } else {
                view! { <ul aria-label="Due questions">{due_list}</ul> }.into_any()
            }}
            <div class="actions">{start}</div>
            <h2>{format!("Coming up: {}", upcoming.len())}</h2>
            <ul aria-label="Upcoming questions">{upcoming_list}</ul>
        })
    };
    view! {
        <h1>"Review queue"</h1>
        <PracticeTabs/>
        <p>"Missed questions come back after ten minutes, then at growing intervals as you get them right. Answers you were unsure of or guessed come back too."</p>
        {body}
    }
}

area_page!(ReviewRoute, ReviewPage, practice, "Review queue");
