//! A simulation inside a question: a terminal, a settings form, pieces to
//! place or a firewall table, each worked by keyboard with labelled
//! controls, each with a Reset back to how it opened. What the learner did
//! is the task's answer in the response, so an exam can leave the question
//! and come back to it as it was. Once revealed, each step's verdict.
//!
//! Most questions are not sims, so their views are a wasm chunk of their
//! own (`question_sim`), fetched when a page first shows one
//! (`lazy.rs`).

mod acl;
mod form;
pub mod lazy;
mod place;
mod terminal;

use firstline_core::content::model::sim::Sim;
use firstline_core::quiz::answer::Answer;
use firstline_core::sim::{score, SimAnswer};
use leptos::prelude::*;

use super::TaskCtx;

impl TaskCtx {
    /// The sim's answer so far, if any.
    pub fn sim_answer(&self) -> Option<SimAnswer> {
        match self.answer() {
            Some(Answer::Sim(done)) => Some(done),
            _ => None,
        }
    }

    pub fn set_sim(&self, done: SimAnswer) {
        self.set(Some(Answer::Sim(done)));
    }
}

/// Draws a sim (the chunk's one function, reached through `lazy.rs`).
#[leptos::wasm_split::wasm_split(question_sim, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sim_view() -> Result<fn(Sim, TaskCtx) -> AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(|sim, ctx| SimTask(SimTaskProps { sim, ctx }).into_any())
}

#[component]
fn SimTask(sim: Sim, ctx: TaskCtx) -> impl IntoView {
    let sim = StoredValue::new(sim);
    let body = match sim.get_value() {
        Sim::Terminal(t) => {
            terminal::TerminalSim(terminal::TerminalSimProps { terminal: t, ctx }).into_any()
        }
        Sim::Form(f) => form::FormSim(form::FormSimProps { form: f, ctx }).into_any(),
        Sim::Place(p) => place::PlaceSim(place::PlaceSimProps { place: p, ctx }).into_any(),
        Sim::Acl(a) => acl::AclSim(acl::AclSimProps { acl: a, ctx }).into_any(),
    };
    let announce = RwSignal::new(String::new());
    let reset = move |_| {
        ctx.set(None);
        announce.set("The simulation is back to how it opened.".into());
    };
    let steps = move || {
        ctx.reveal.get().then(|| {
            let done = ctx.sim_answer();
            let scored = sim.with_value(|s| score(s, done.as_ref()));
            let steps = scored
                .steps
                .into_iter()
                .map(|s| {
                    let (class, tag) = if s.done { ("step right", "Met: ") } else { ("step wrong", "Not met: ") };
                    view! { <li class=class><span><strong>{tag}</strong>{s.text}</span><p class="why">{s.why}</p></li> }
                })
                .collect_view();
            let penalties = scored
                .penalties
                .into_iter()
                .map(|s| view! { <li class="step wrong"><span><strong>"Cost a mark: "</strong>{s.text}</span><p class="why">{s.why}</p></li> })
                .collect_view();
            view! {
                <h3>"Steps"</h3>
                <ul class="sim-steps">{steps}{penalties}</ul>
            }
        })
    };
    view! {
        <section class="sim" aria-label="Simulation">
            {body}
            <p class="sim-reset">
                <button type="button" class="secondary small" disabled=move || ctx.reveal.get() on:click=reset>
                    "Reset simulation"
                </button>
            </p>
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
            {steps}
        </section>
    }
}
