use firstline_core::content::manifest::Counts;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::dom::set_title;
use crate::state::content::use_manifest;
use firstline_core::progress::peek::answers_saved;
use firstline_core::progress::Progress;
use firstline_core::store::{Document, KeyValueStore};

use crate::adapters::storage::BrowserStore;

#[component]
pub fn Home() -> impl IntoView {
    set_title("Home");
    // Counts come with the manifest: the home page reads no content.
    let manifest = use_manifest();
    // The count only: the progress document's code stays with the pages
    // that show it.
    let answered = BrowserStore
        .get(Progress::KEY)
        .ok()
        .flatten()
        .and_then(|text| answers_saved(&text))
        .unwrap_or(0);
    // Blank until the manifest arrives, rather than a misleading 0; a
    // no-break space keeps the line's height so nothing moves when it does.
    let count = move |of: fn(&Counts) -> usize, what: &str| match manifest.get() {
        Some(Ok(m)) => format!("{} {what}", of(&m.counts())),
        _ => "\u{a0}".to_owned(),
    };
    view! {
        <section class="hero">
            <h1>"Get ready for your first help-desk job"</h1>
            <p class="lead">
                "FirstLine trains you for the service desk: practise CompTIA-style questions, handle simulated users with real problems and real moods, and rehearse your interview answers. Everything runs in your browser and your progress stays on this device."
            </p>
        </section>
        <ul class="cards" aria-label="Training areas">
            <li class="card">
                <h2><A href="/practice">"Certification practice"</A></h2>
                <p>"A+ Core 1, A+ Core 2 and Network+ style questions with an explanation for every option."</p>
                <p class="muted">{move || count(|c| c.questions, "questions available")}</p>
            </li>
            <li class="card">
                <h2><A href="/scenarios">"Role-play scenarios"</A></h2>
                <p>"Take a ticket from a frustrated user: ask, listen, fix or escalate, and write the notes."</p>
                <p class="muted">{move || count(|c| c.scenarios, "scenarios")}</p>
            </li>
            <li class="card">
                <h2><A href="/interview">"Interview practice"</A></h2>
                <p>"Answer behavioural questions in STAR form and technical questions, with feedback you can act on."</p>
                <p class="muted">{move || count(|c| c.interview, "interview questions")}</p>
            </li>
            <li class="card">
                <h2><A href="/progress">"Your progress"</A></h2>
                <p>{format!("{answered} answers recorded so far.")}</p>
                <p class="muted">"Saved in this browser only."</p>
            </li>
        </ul>
    }
}
