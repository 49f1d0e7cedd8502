//! The first moment of a practice run chosen on the setup page: the
//! questions are drawn here, not on the setup page, because preferring the
//! ones the learner has not answered needs the answer history, and reading
//! it (the progress document and IndexedDB) is code the session loads
//! anyway and the setup's first visit should not carry.

use std::collections::HashSet;

use firstline_core::quiz::draw::{draw_practice, PracticeFilter};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::{list_param, session_href};
use crate::components::generated_problem::GeneratedProblem;
use crate::state::content::use_question_catalog;
use crate::state::history;
use crate::state::progress::use_progress;

/// Most questions a practice run draws.
pub const MAX_COUNT: usize = 50;

/// The address of a run to draw: the setup's choice, `count` and `seed`.
pub fn draw_href(filter: &PracticeFilter, count: usize, seed: u64) -> String {
    let mut href = format!(
        "/practice/session?mode=practice&seed={seed}&count={}",
        count.clamp(1, MAX_COUNT)
    );
    if let Some(exam) = &filter.exam {
        href.push_str(&format!("&exam={exam}"));
    }
    for (key, list) in [
        ("domains", &filter.domains),
        ("objectives", &filter.objectives),
    ] {
        if !list.is_empty() {
            href.push_str(&format!("&{key}={}", list.join(",")));
        }
    }
    href
}

/// Draws the run the address describes once the catalog and the answer
/// history are in, then replaces the address with the run's own
/// (`ids=…`), which a reload or a link keeps.
#[component]
pub fn DrawRun() -> impl IntoView {
    let query = use_query_map();
    let catalog = use_question_catalog();
    let progress = use_progress();
    let history_loaded = history::loaded();
    let navigate = use_navigate();

    let (filter, count, seed) = query.with_untracked(|q| {
        let filter = PracticeFilter {
            exam: q.get("exam").filter(|e| !e.is_empty()),
            domains: list_param(q, "domains"),
            objectives: list_param(q, "objectives"),
        };
        let count = q
            .get("count")
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(10)
            .clamp(1, MAX_COUNT);
        let seed = q.get("seed").and_then(|s| s.parse().ok()).unwrap_or(1);
        (filter, count, seed)
    });
    let nothing_matches = RwSignal::new(false);
    let drawn = StoredValue::new(false);

    Effect::new(move |_| {
        let Some(Ok(catalog)) = catalog.get() else {
            return;
        };
        // Drawn before the history is in, the run would prefer questions
        // only because their answers had not been read yet.
        if !history_loaded.get() || drawn.get_value() {
            return;
        }
        drawn.set_value(true);
        let ids = progress.with_untracked(|p| {
            let seen: HashSet<&str> = p.attempts.iter().map(|a| a.question.as_str()).collect();
            let pool: Vec<_> = catalog.questions.iter().collect();
            draw_practice(&pool, &filter, count, &|id| seen.contains(id), seed)
        });
        if ids.is_empty() {
            nothing_matches.set(true);
            return;
        }
        let href = session_href(&ids, "practice", seed);
        let href = match &filter.exam {
            Some(exam) => format!("{href}&exam={exam}"),
            None => href,
        };
        navigate(
            &href,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });

    view! {
        <GeneratedProblem problem=Signal::derive(move || catalog.get()?.err())/>
        {move || if nothing_matches.get() {
            view! {
                <p role="alert">
                    "No questions match this choice. "
                    <A href="/practice">"Choose more domains or objectives"</A>
                </p>
            }.into_any()
        } else {
            view! { <p class="muted" role="status">"Drawing your questions\u{2026}"</p> }.into_any()
        }}
    }
}
