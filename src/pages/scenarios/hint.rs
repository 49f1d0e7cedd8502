use firstline_core::content::scenario::Scenario;
use firstline_core::scenario::evidence::HINT_COST;
use firstline_core::scenario::play::Play;
use leptos::prelude::*;

/// A hint for a practice play (the page shows this only in practice): the
/// engine picks it and records it; each costs the practice score points.
#[component]
pub fn HintButton(scenario: StoredValue<Scenario>, play: RwSignal<Option<Play>>) -> impl IntoView {
    // The hint and the point of the call it was for, so it goes once the
    // call moves on.
    let hint = RwSignal::new(None::<(usize, String)>);
    let ask = move |_| {
        let result = play
            .try_update(|p| p.as_mut().map(|p| scenario.with_value(|s| p.hint(s))))
            .flatten();
        let at = play.with_untracked(|p| p.as_ref().map_or(0, |p| p.turns.len()));
        let text = match result {
            Some(Ok(text)) => format!("Hint: {text}"),
            Some(Err(e)) => format!("No hint: {e}."),
            None => return,
        };
        hint.set(Some((at, text)));
    };
    let current = move || {
        let at = play.with(|p| p.as_ref().map_or(0, |p| p.turns.len()));
        hint.get()
            .filter(|(when, _)| *when == at)
            .map(|(_, text)| text)
    };
    let used = move || play.with(|p| p.as_ref().map_or(0, |p| p.hints.len()));
    view! {
        <div class="hint-box">
            <button type="button" class="secondary" on:click=ask>
                {format!("Show a hint (\u{2212}{HINT_COST} points)")}
            </button>
            <span class="muted">{move || match used() {
                0 => String::new(),
                1 => " 1 hint used".to_string(),
                n => format!(" {n} hints used"),
            }}</span>
            <p class="hint-text" role="status">{current}</p>
        </div>
    }
}
