//! A sim's view from its chunk: drawn at once when the chunk is here,
//! otherwise with a status while it downloads and, if it cannot, a message
//! with "Try again". Once one sim has its code, every later one on the
//! page draws at once.

use std::cell::Cell;

use firstline_core::content::model::sim::Sim;
use leptos::prelude::*;

use super::super::TaskCtx;
use crate::components::retry_alert::RetryAlert;

type SimView = fn(Sim, TaskCtx) -> AnyView;

thread_local! {
    /// The chunk's view, once downloaded.
    static LOADED: Cell<Option<SimView>> = const { Cell::new(None) };
}

#[component]
pub fn LazySim(sim: Sim, ctx: TaskCtx) -> impl IntoView {
    let sim = StoredValue::new(sim);
    let code = RwSignal::new(LOADED.with(Cell::get).map(Ok::<SimView, ()>));
    let fetch = move || {
        leptos::task::spawn_local(async move {
            let got = super::sim_view().await.map_err(drop);
            if let Ok(view) = got {
                LOADED.with(|l| l.set(Some(view)));
            }
            code.try_set(Some(got));
        });
    };
    if code.with_untracked(Option::is_none) {
        fetch();
    }
    move || match code.get() {
        Some(Ok(view)) => view(sim.get_value(), ctx),
        None => view! { <p role="status">"Loading the simulation\u{2026}"</p> }.into_any(),
        Some(Err(())) => view! {
            <RetryAlert
                message="Could not download the simulation. Check your connection, then try again."
                on_retry=Callback::new(move |()| {
                    code.set(None);
                    fetch();
                })
            />
        }
        .into_any(),
    }
}
