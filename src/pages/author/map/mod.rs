//! A scenario's map for its author: the SVG drawing (`drawing.rs`) and,
//! beside it, the same graph as a nested outline (`outline.rs`), from the
//! core's layout and marks (`firstline_core::scenario::map`). The score
//! ranges need the analyser to play every path, so the map is drawn first
//! and the ranges follow in the next task.

mod drawing;
mod outline;
pub mod route;

use std::sync::Arc;

use firstline_core::content::scenario::Scenario;
use firstline_core::scenario::analyse::analyse;
use firstline_core::scenario::map::ScenarioMap;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::adapters::clock::next_task;
use drawing::Drawing;
use outline::OutlineView;

/// The map of `scenario`, with its key, drawing and outline.
#[component]
pub fn MapView(
    scenario: Arc<Scenario>,
    /// The scenario did not pass its checks (a previewed file with
    /// errors): the analyser only plays scenarios that did, so no ranges.
    #[prop(optional)]
    unchecked: bool,
) -> impl IntoView {
    let map = RwSignal::new(Arc::new(ScenarioMap::build(&scenario, None)));
    let scored = RwSignal::new(false);
    let s = scenario.clone();
    spawn_local(async move {
        if unchecked {
            return;
        }
        // Paint the map before the analyser takes the main thread.
        next_task().await;
        let analysis = analyse(&s);
        map.set(Arc::new(ScenarioMap::build(&s, Some(&analysis))));
        scored.set(true);
    });
    let id = scenario.id.clone();
    let notes = move || {
        let m = map.get();
        let mut out = Vec::new();
        if m.left_out > 0 {
            out.push(format!(
                "The map shows the first {} nodes and endings; {} more are left off.",
                m.items.len(),
                m.left_out
            ));
        }
        if m.reach_unknown {
            out.push("The flags combine in too many ways to find unreachable nodes and dead ends, so none are marked.".to_owned());
        }
        out.into_iter()
            .map(|t| view! { <p class="notice warning">{t}</p> })
            .collect_view()
    };
    view! {
        <section class="scenario-map" aria-labelledby=format!("map-{id}")>
            <h2 id=format!("map-{id}")>{format!("Map of \u{201c}{}\u{201d}", scenario.title)}</h2>
            <p class="muted">
                "Columns go by the fewest choices from the start; endings follow the nodes, and nodes no link reaches come last. "
                "Key: thick outline and arrows, the best path; red dashed arrows, critical mistakes; a dashed box, unreachable; "
                "\u{26a0} a dead end or a loop with no way out. Each ending shows the analyser\u{2019}s score range."
            </p>
            <p role="status" class="muted">
                {move || if unchecked {
                    "No score ranges: the analyser plays a scenario once its errors are fixed."
                } else if scored.get() {
                    "Score ranges: every analysed path is counted."
                } else {
                    "Scoring every path for the score ranges\u{2026}"
                }}
            </p>
            {notes}
            <div class="map-layout">
                <Drawing map=map.into()/>
                <OutlineView map=map.into()/>
            </div>
        </section>
    }
}
