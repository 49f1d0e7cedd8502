use firstline_core::content::catalog::{ScenarioCard, ShiftCard};
use leptos::prelude::*;

use crate::adapters::clock::now_ms;
use crate::adapters::dom::{release_loading_shell, set_title};
use crate::components::generated_problem::GeneratedProblem;
use crate::state::content::{use_scenario_catalog, Generated};
use crate::state::progress::use_scenario_bests;
use firstline_core::content::catalog::ScenarioCatalog;
use firstline_core::progress::peek::Bests;

/// Every scenario, with its ticket and the learner's best score so far.
/// The cards come from the scenario catalog: the list reads no scenario
/// file.
#[component]
pub fn Scenarios() -> impl IntoView {
    set_title("Scenarios");
    let catalog = use_scenario_catalog();
    let bests = use_scenario_bests();
    let seed = now_ms();
    // The build prerenders these cards into scenarios.html's frame, which
    // stays on screen until the app's cards (or the catalog's error) are
    // drawn in its place.
    Effect::new(move || {
        if catalog.with(Option::is_some) {
            release_loading_shell();
        }
    });
    let cards = move || {
        let catalog = catalog.get()?.ok()?;
        let best = |id: &str| bests.with(|b| b.scenarios.get(id).copied());
        Some(
            catalog
                .scenarios
                .iter()
                .map(|s| card(s, best(&s.id), seed))
                .collect_view(),
        )
    };
    view! {
        <h1>"Role-play scenarios"</h1>
        <p>"Take a ticket from a simulated user. Choose what to say and do: the user reacts, set the ticket's priority, race the user's deadline, and the debrief shows what you did well and what to change."</p>
        <GeneratedProblem problem=Signal::derive(move || catalog.get()?.err())/>
        <ul class="cards scenario-cards" aria-label="Scenarios">{cards}</ul>
        <Shifts catalog bests/>
    }
}

/// The shifts: queues of tickets to prioritise, with the learner's best.
#[component]
fn Shifts(catalog: Generated<ScenarioCatalog>, bests: Signal<Bests>) -> impl IntoView {
    let cards = move || {
        let catalog = catalog.get()?.ok()?;
        let shifts = &catalog.shifts;
        if shifts.is_empty() {
            return None;
        }
        let best = |id: &str| bests.with(|b| b.shifts.get(id).copied());
        let items = shifts
            .iter()
            .map(|s| shift_card(s, best(&s.id)))
            .collect_view();
        Some(view! {
            <h2 id="shifts-heading">"Shifts"</h2>
            <p>"A queue of tickets arriving over a shift: set each one's priority, take them in the right order, decide each (resolve, escalate, or link to a major incident) and write its note. Response targets run from each ticket's arrival."</p>
            <ul class="cards" aria-labelledby="shifts-heading">{items}</ul>
        })
    };
    view! { {cards} }
}

fn shift_card(s: &ShiftCard, best: Option<u32>) -> impl IntoView {
    view! {
        <li class="card">
            <h3><a href=format!("/shifts/{}", s.id)>{s.title.clone()}</a></h3>
            <p>{s.summary.clone()}</p>
            <p class="muted">{format!("{} tickets", s.tickets)}</p>
            <p>{best.map_or("Not played yet".to_string(), |b| format!("Your best: {b} / 100"))}</p>
        </li>
    }
}

fn card(s: &ScenarioCard, best: Option<u32>, seed: u64) -> impl IntoView {
    let href = format!("/scenarios/{}?seed={}", s.id, seed % 1_000_000);
    let practice = format!("{href}&mode=practice");
    view! {
        <li class="card">
            <h2><a href=href>{s.title.clone()}</a></h2>
            <p>{s.summary.clone()}</p>
            <p class="muted">
                {format!(
                    "{} \u{b7} {} \u{b7} deadline {} min \u{b7} caller starts {} \u{b7} {}",
                    s.channel, s.category, s.deadline_minutes, s.mood, s.difficulty
                )}
            </p>
            <p class="muted">{format!("Practises: {}", s.duties.join(", "))}</p>
            <p>{best.map_or("Not played yet".to_string(), |b| format!("Your best: {b} / 100"))}</p>
            <p>
                <a href=practice aria-label=format!("Practise this call: {}", s.title)>"Practise this call"</a>
                <span class="muted">" (choices can be taken back; not counted)"</span>
            </p>
        </li>
    }
}

area_page!(
    ScenariosRoute,
    Scenarios,
    scenario_list,
    "Role-play scenarios"
);
