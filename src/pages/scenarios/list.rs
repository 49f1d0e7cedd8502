use firstline_core::content::scenario::Scenario;
use firstline_core::scenario::play::Mood;
use leptos::prelude::*;

use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::state::content::use_content;
use crate::state::progress::use_scenario_log;

/// Every scenario, with its ticket and the learner's best score so far.
#[component]
pub fn Scenarios() -> impl IntoView {
    set_title("Scenarios");
    let content = use_content();
    let log = use_scenario_log().read();
    let seed = now_ms();
    let cards = move || {
        let report = content.get()?;
        let best = |id: &str| {
            log.with(|l| {
                l.plays
                    .iter()
                    .filter(|r| r.scenario == id)
                    .map(|r| r.overall)
                    .max()
            })
        };
        Some(
            report
                .library
                .scenarios
                .iter()
                .map(|s| card(s, best(&s.id), seed))
                .collect_view(),
        )
    };
    view! {
        <h1>"Role-play scenarios"</h1>
        <p>"Take a ticket from a simulated user. Choose what to say and do: the user reacts, set the ticket's priority, race the user's deadline, and the debrief shows what you did well and what to change."</p>
        <ul class="cards scenario-cards" aria-label="Scenarios">{cards}</ul>
    }
}

fn card(s: &Scenario, best: Option<u32>, seed: u64) -> impl IntoView {
    let duties: Vec<&str> = s.duties.iter().map(|d| d.label()).collect();
    let mood = Mood::of(s.persona.frustration).label();
    let href = format!("/scenarios/{}?seed={}", s.id, seed % 1_000_000);
    view! {
        <li class="card">
            <h2><a href=href>{s.title.clone()}</a></h2>
            <p>{s.summary.clone()}</p>
            <p class="muted">
                {format!(
                    "{} \u{b7} {} \u{b7} deadline {} min \u{b7} caller starts {} \u{b7} {}",
                    s.ticket.channel.label(),
                    s.ticket.category,
                    s.ticket.deadline_minutes,
                    mood,
                    s.difficulty.label()
                )}
            </p>
            <p class="muted">{format!("Practises: {}", duties.join(", "))}</p>
            <p>{best.map_or("Not played yet".to_string(), |b| format!("Your best: {b} / 100"))}</p>
        </li>
    }
}

lazy_page!(ScenariosRoute, Scenarios);
