//! The review queue: what is due now, when each other question comes back,
//! and how many reviews fall on each of the next two weeks.

pub(crate) mod forecast;
mod when;

use firstline_core::content::manifest::Need;
use firstline_core::quiz::review::forecast::{forecast, FORECAST_DAYS};
use leptos::prelude::*;
use leptos_router::components::A;

use super::{session_href, PracticeTabs};
use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::state::content::use_question_content;
use crate::state::progress::use_progress;
use forecast::ForecastView;
use when::{next_review_words, utc_offset_minutes};

/// Upcoming questions listed before the rest fold away.
const FIRST_UPCOMING: usize = 20;

/// Missed and low-confidence questions, due ones first, on the FSRS-6
/// schedule (see `firstline_core::quiz::review`).
#[component]
pub fn ReviewPage() -> impl IntoView {
    set_title("Review queue");
    let progress = use_progress();
    // Only the files holding the questions on the schedule, found from
    // the build's index (not every bank, about 380 KB).
    let content = use_question_content(move || {
        progress.read().with(|p| {
            let ids: Vec<String> = p.review.cards.keys().cloned().collect();
            if ids.is_empty() {
                Vec::new()
            } else {
                vec![Need::QuestionIds { ids, exam: None }]
            }
        })
    });
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
        let offset = utc_offset_minutes(now);
        let report = content.get()?;
        let library = &report.library;
        let prompt = |id: &str| {
            library
                .question(id)
                .map(|q| q.prompt.clone())
                .unwrap_or_default()
        };
        // Only questions in the bank: one removed since it was missed
        // cannot be reviewed, so it is neither listed nor counted.
        let (due, upcoming, fortnight) = progress.read().with(|p| {
            let known = |id: &str| library.question(id).is_some();
            let due: Vec<String> = p
                .review
                .due(now)
                .into_iter()
                .filter(|(id, _)| known(id))
                .map(|(id, _)| id.to_owned())
                .collect();
            let upcoming: Vec<(String, u64)> = p
                .review
                .upcoming(now)
                .into_iter()
                .filter(|(id, _)| known(id))
                .map(|(id, c)| (id.to_owned(), c.due))
                .collect();
            let dues = p
                .review
                .cards
                .iter()
                .filter(|(id, _)| known(id))
                .map(|(_, c)| c.due);
            (due, upcoming, forecast(dues, now, offset, FORECAST_DAYS))
        });
        let start = (!due.is_empty()).then(|| {
            let href = session_href(&due, "review", now);
            view! { <A href=href attr:class="button">{format!("Start review ({} due)", due.len())}</A> }
        });
        let due_list = due
            .iter()
            .map(|id| view! { <li>{prompt(id)}<span class="muted">" \u{2014} due now"</span></li> })
            .collect_view();
        let item = |(id, at): &(String, u64)| {
            let when = next_review_words(*at, now, offset);
            view! { <li>{prompt(id)}<span class="muted">{format!(" \u{2014} {when}")}</span></li> }
        };
        let first: Vec<_> = upcoming.iter().take(FIRST_UPCOMING).map(item).collect();
        let rest: Vec<_> = upcoming.iter().skip(FIRST_UPCOMING).map(item).collect();
        let more = (!rest.is_empty()).then(|| {
            view! {
                <details>
                    <summary>{format!("{} more", rest.len())}</summary>
                    <ul aria-label="More upcoming questions">{rest}</ul>
                </details>
            }
        });
        Some(view! {
            <h2>{format!("Due now: {}", due.len())}</h2>
            {if due.is_empty() {
                view! { <p>"Nothing is due. Questions you miss, or answer without being sure, come back here later."</p> }.into_any()
            } else {
                view! { <ul aria-label="Due questions">{due_list}</ul> }.into_any()
            }}
            <div class="actions">{start}</div>
            <h2>{format!("Coming up: {}", upcoming.len())}</h2>
            <ul aria-label="Upcoming questions">{first}</ul>
            {more}
            <ForecastView forecast=fortnight/>
        })
    };
    view! {
        <h1>"Review queue"</h1>
        <PracticeTabs/>
        <p>"Questions you miss come back after ten minutes; questions you answer right but unsure, or guessing, join too. Each comes back when you are likely to start forgetting it (the FSRS-6 schedule Anki uses, set for nine answers in ten to be right), so every right answer lengthens the wait, the more the surer you were."</p>
        {body}
    }
}

area_page!(ReviewRoute, ReviewPage, review, "Review queue");
