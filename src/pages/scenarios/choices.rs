use firstline_core::content::scenario::{ChoiceKind, Scenario};
use firstline_core::scenario::play::Play;
use leptos::prelude::*;

/// The choices on offer, in the play's shown order (seeded, so position
/// gives nothing away); number keys follow this order.
#[component]
pub fn ChoiceList(
    scenario: StoredValue<Scenario>,
    play: Signal<Option<Play>>,
    on_choose: Callback<String>,
) -> impl IntoView {
    let shown = move || -> Vec<(String, ChoiceKind, String)> {
        play.with(|p| {
            p.as_ref()
                .map(|p| {
                    scenario.with_value(|s| {
                        p.shown(s)
                            .into_iter()
                            .map(|c| (c.id.clone(), c.kind, p.fill(&c.text)))
                            .collect()
                    })
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="choices-heading">
            <h2 id="choices-heading">"Your move"</h2>
            <ol class="choices-list">
                {move || shown().into_iter().enumerate().map(|(i, (id, kind, text))| view! {
                    <li>
                        <button type="button" class="choice" on:click=move |_| on_choose.run(id.clone())>
                            <span class="key" aria-hidden="true">{i + 1}</span>
                            <span class="kind">{kind.label()}</span>
                            " "
                            <span>{text}</span>
                        </button>
                    </li>
                }).collect_view()}
            </ol>
            {move || shown().is_empty().then(|| view! {
                <p>"Nothing to say yet: check the evidence first."</p>
            })}
            <p class="muted hint">"Number keys 1\u{2013}9 pick a choice."</p>
        </section>
    }
}

/// The id of the choice shown at 1-based position `n`, for number keys.
pub fn shown_at(s: &Scenario, play: &Play, n: usize) -> Option<String> {
    play.shown(s).get(n.checked_sub(1)?).map(|c| c.id.clone())
}
