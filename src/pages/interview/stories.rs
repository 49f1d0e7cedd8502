use firstline_core::interview::Part;
use leptos::prelude::*;

use super::home::capitalise;
use super::InterviewTabs;
use crate::adapters::clock::{format_date, now_ms};
use crate::adapters::dom::set_title;
use crate::state::progress::use_interview_log;

/// The learner's saved stories, tagged by competency, and the competencies
/// that still lack one.
#[component]
pub fn StoriesPage() -> impl IntoView {
    set_title("Story bank");
    let log = use_interview_log();
    let read = log.read();
    let missing = move || {
        read.with(|p| p.competencies_without_story())
            .into_iter()
            .map(|c| view! { <li>{capitalise(c.label())}</li> })
            .collect_view()
    };
    let stories = move || {
        read.with(|p| p.stories.clone())
            .into_iter()
            .map(|s| {
                let id = s.id.clone();
                let tags: Vec<String> = s.competencies.iter().map(|c| c.label().to_owned()).collect();
                let parts = Part::STAR
                    .iter()
                    .map(|&p| view! { <dt>{p.label()}</dt><dd>{s.answer.part(p).to_owned()}</dd> })
                    .collect_view();
                view! {
                    <li class="card story">
                        <h3>{s.title.clone()}</h3>
                        <p class="muted">{format!("{} \u{b7} saved {}", tags.join(", "), format_date(s.updated_at))}</p>
                        <details><summary>"Read the story"</summary><dl>{parts}</dl></details>
                        <button type="button" class="secondary small" aria-label=format!("Delete the story \u{201c}{}\u{201d}", s.title)
                            on:click=move |_| log.update(|l| l.delete_story(&id, now_ms()))>"Delete"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || read.with(|p| p.stories.is_empty());
    view! {
        <h1>"Story bank"</h1>
        <InterviewTabs/>
        <p>"Keep three to five strong stories ready and reuse them across questions. Save a story from any behavioural answer's feedback, then start a new answer from it."</p>
        <h2>"Competencies without a story yet"</h2>
        <ul aria-label="Competencies without a story">{missing}</ul>
        <h2>"Your stories"</h2>
        <Show when=move || !empty() fallback=|| view! { <p>"No stories yet. Answer a behavioural question and save it."</p> }>
            <ul class="cards" aria-label="Your stories">{stories}</ul>
        </Show>
    }
}

area_page!(StoriesRoute, StoriesPage, stories, "Story bank");
