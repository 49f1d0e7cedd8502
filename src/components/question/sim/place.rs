use firstline_core::content::model::sim::Place;
use firstline_core::sim::{place, SimAnswer};
use leptos::prelude::*;

use super::TaskCtx;
use crate::adapters::dom::focus_id;

/// Select a piece, then the slot to place it in: buttons throughout, no
/// dragging, each placement announced.
#[component]
pub fn PlaceSim(place: Place, ctx: TaskCtx) -> impl IntoView {
    let n = place.slots.len();
    let place = StoredValue::new(place);
    let selected = RwSignal::new(None::<usize>);
    let announce = RwSignal::new(String::new());
    let slots = move || match ctx.sim_answer() {
        Some(SimAnswer::Place(s)) if s.len() == n => s,
        _ => vec![None; n],
    };
    let piece_label = move |p: usize| {
        place.with_value(|pl| {
            pl.pieces
                .get(p)
                .map(|x| x.label.clone())
                .unwrap_or_default()
        })
    };
    let slot_label = move |s: usize| {
        place.with_value(|pl| pl.slots.get(s).map(|x| x.label.clone()).unwrap_or_default())
    };
    let put = move |slot: usize, piece: Option<usize>| {
        let mut all = slots();
        place.with_value(|pl| place::put(pl, &mut all, slot, piece));
        ctx.set_sim(SimAnswer::Place(all));
    };
    let pieces = move || {
        let now = slots();
        place.with_value(|pl| {
            pl.pieces
                .iter()
                .enumerate()
                .map(|(p, piece)| {
                    let label = piece.label.clone();
                    let spoken = label.clone();
                    let at: Vec<String> = now
                        .iter()
                        .enumerate()
                        .filter(|(_, x)| **x == Some(p))
                        .map(|(s, _)| slot_label(s))
                        .collect();
                    let status = (!at.is_empty()).then(|| format!(" (in {})", at.join(", ")));
                    view! {
                        <li>
                            <button type="button" class="secondary small piece"
                                aria-pressed=move || (selected.get() == Some(p)).to_string()
                                disabled=move || ctx.reveal.get()
                                on:click=move |_| {
                                    selected.set(Some(p));
                                    announce.set(format!("{spoken} selected. Choose the slot to place it in."));
                                }>{label}</button>
                            <span class="muted">{status}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let slot_rows = move || {
        let now = slots();
        (0..n)
            .map(|s| {
                let label = slot_label(s);
                let held = now.get(s).copied().flatten();
                let holding = held.map_or_else(|| "empty".to_owned(), piece_label);
                let place_label = {
                    let label = label.clone();
                    move || match selected.get() {
                        Some(p) => format!("Place {} in {label}", piece_label(p)),
                        None => format!("Place in {label}"),
                    }
                };
                let spoken = label.clone();
                let cleared = label.clone();
                let place_id = ctx.id(&format!("place-{s}"));
                let refocus = place_id.clone();
                let refocus_clear = place_id.clone();
                view! {
                    <li class="slot">
                        <span class="slot-label">{label.clone()}</span>
                        <strong class="slot-piece">{holding}</strong>
                        <span class="step-buttons">
                            <button type="button" id=place_id class="small" aria-label=place_label disabled=move || ctx.reveal.get()
                                on:click=move |_| match selected.get_untracked() {
                                    Some(p) => {
                                        put(s, Some(p));
                                        announce.set(format!("{} placed in {spoken}.", piece_label(p)));
                                        selected.set(None);
                                        let id = refocus.clone();
                                        request_animation_frame(move || focus_id(&id));
                                    }
                                    None => announce.set("Select a piece first.".into()),
                                }>"Place here"</button>
                            <button type="button" class="secondary small" aria-label=format!("Clear {label}")
                                disabled=move || ctx.reveal.get() || held.is_none()
                                on:click=move |_| {
                                    put(s, None);
                                    announce.set(format!("{cleared} cleared."));
                                    let id = refocus_clear.clone();
                                    request_animation_frame(move || focus_id(&id));
                                }>"Clear"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let reuse = place.with_value(|p| p.reuse);
    view! {
        <div class="place">
            <p class="muted hint">
                {if reuse {
                    "Select a piece, then Place here on a slot. A piece may go in several slots."
                } else {
                    "Select a piece, then Place here on a slot. Placing a piece again moves it."
                }}
            </p>
            <h3 class="sim-sub">"Pieces"</h3>
            <ul class="pieces" aria-label="Pieces">{pieces}</ul>
            <h3 class="sim-sub">"Slots"</h3>
            <ul class="slots" aria-label="Slots">{slot_rows}</ul>
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        </div>
    }
}
