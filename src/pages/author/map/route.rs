//! `/author/map/:id`: the map of a bundled scenario, and the list of maps
//! on the Author page.

use std::sync::Arc;

use firstline_core::content::manifest::Need;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::MapView;
use crate::adapters::dom::set_title;
use crate::components::lazy_part::LazyPart;
use crate::state::content::{use_content_with, use_scenario_catalog};

#[component]
pub fn MapPage() -> impl IntoView {
    set_title("Scenario map");
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    let content = use_content_with(move || vec![Need::Scenario(id())]);
    let page = move || {
        let id = id();
        match content.get().map(|r| r.library.scenario(&id).cloned()) {
            None => view! { <p role="status">"Loading the scenario\u{2026}"</p> }.into_any(),
            Some(None) => view! {
                <p>{format!("There is no scenario called \u{201c}{id}\u{201d}.")}</p>
            }
            .into_any(),
            Some(Some(s)) => {
                provide_context(Subject(Arc::new(s)));
                view! { <LazyPart load=load_map what="the map"/> }.into_any()
            }
        }
    };
    view! {
        <h1>"Scenario map"</h1>
        <p><a href="/author">"Back to content for instructors"</a></p>
        {page}
    }
}

/// The scenario the map's chunk draws, handed over as context.
#[derive(Clone)]
struct Subject(Arc<firstline_core::content::scenario::Scenario>);

// The layout and the analyser are a chunk of their own, so the Author
// page's first visit does not carry them.
part_code!(
    load_map,
    map_view,
    scenario_map,
    match use_context::<Subject>() {
        Some(Subject(s)) => view! { <MapView scenario=s/> }.into_any(),
        None => ().into_any(),
    }
);

/// Links to the map of every bundled scenario, listed when asked for (the
/// list is a download of its own, which a first visit does not need).
#[component]
pub fn MapLinks() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <h2>"Scenario maps"</h2>
        <p>"Each scenario\u{2019}s branches at a glance: the best path, critical mistakes, unreachable nodes, dead ends and the score range of each ending."</p>
        <details on:toggle=move |_| open.set(true)>
            <summary>"Maps of the bundled scenarios"</summary>
            <Show when=move || open.get()>
                <MapList/>
            </Show>
        </details>
    }
}

/// From the scenario catalog's cards: no scenario is read until its map
/// is opened.
#[component]
fn MapList() -> impl IntoView {
    let catalog = use_scenario_catalog();
    let links = move || {
        let catalog = catalog.get()?.ok()?;
        Some(
            catalog
                .scenarios
                .iter()
                .map(|c| {
                    view! { <li><a href=format!("/author/map/{}", c.id)>{c.title.clone()}</a></li> }
                })
                .collect_view(),
        )
    };
    view! { <ul class="map-links">{links}</ul> }
}

area_page!(MapRoute, MapPage, author, "Scenario map");
