//! The map as a nested list: the start, its choices and where each leads,
//! a node spelled out once and referred to after that. A screen-reader
//! user gets the whole graph, marks included, without the drawing.

use std::sync::Arc;

use firstline_core::scenario::map::{outline, Outline, ScenarioMap, Step};
use leptos::prelude::*;

#[component]
pub fn OutlineView(map: Signal<Arc<ScenarioMap>>) -> impl IntoView {
    move || {
        let m = map.get();
        let tree = outline(&m);
        let items = tree.iter().map(|o| entry(&m, o)).collect_view();
        view! {
            <div class="map-outline" tabindex="0" role="region" aria-label="Outline of the map">
                <h3>"Outline"</h3>
                <ul aria-label="Scenario outline">{items}</ul>
            </div>
        }
    }
}

fn entry(m: &ScenarioMap, o: &Outline) -> AnyView {
    let Some(item) = m.items.get(o.item) else {
        return ().into_any();
    };
    let steps = (!o.steps.is_empty()).then(|| {
        let steps = o.steps.iter().map(|s| step(m, s)).collect_view();
        view! { <ul>{steps}</ul> }
    });
    view! {
        <li>
            <span class=if item.best { "map-line best" } else { "map-line" }>{item.describe()}</span>
            {steps}
        </li>
    }
    .into_any()
}

fn step(m: &ScenarioMap, s: &Step) -> AnyView {
    let (link, rest) = match s {
        Step::Then(l, child) => (*l, Some(entry(m, child))),
        Step::Seen(l, to) => (
            *l,
            m.items.get(*to).map(|i| {
                view! { <ul><li class="muted">{format!("to {} (see above)", i.id)}</li></ul> }
                    .into_any()
            }),
        ),
        Step::Nowhere(l) => (
            *l,
            Some(view! { <ul><li>"to nothing on the map"</li></ul> }.into_any()),
        ),
    };
    let Some(l) = m.links.get(link) else {
        return ().into_any();
    };
    let class = if l.critical.is_some() {
        "map-line critical"
    } else {
        "map-line"
    };
    let rest = match (s, rest) {
        (Step::Then(..), Some(child)) => Some(view! { <ul>{child}</ul> }.into_any()),
        (_, other) => other,
    };
    view! {
        <li>
            <span class=class>{l.describe()}</span>
            {rest}
        </li>
    }
    .into_any()
}
