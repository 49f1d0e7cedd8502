use leptos::prelude::*;

/// Ticket notes and, after an escalation, the hand-off. Notes can be
/// written during the conversation; they are submitted once it ends.
#[component]
pub fn NotesForm(
    notes: RwSignal<String>,
    handoff: RwSignal<String>,
    escalated: Signal<bool>,
    over: Signal<bool>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <form class="ticket-notes" on:submit=submit>
            <h2>"Ticket notes"</h2>
            <p class="muted">"Write them as notes a colleague could act on: who, what you found, what you did and the result. A list of keywords earns nothing, and only what you learnt on this call counts."</p>
            <div class="field wide">
                <label for="ticket-notes">"Ticket notes: symptoms, steps taken, result"</label>
                <textarea id="ticket-notes" rows="5" prop:value=move || notes.get()
                    on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </div>
            <Show when=move || escalated.get()>
                <div class="field wide">
                    <label for="handoff-notes">"Hand-off for Tier 2: what was tried, the impact, what they need to do next"</label>
                    <textarea id="handoff-notes" rows="4" prop:value=move || handoff.get()
                        on:input=move |ev| handoff.set(event_target_value(&ev))></textarea>
                </div>
            </Show>
            <Show when=move || over.get() fallback=|| view! { <p class="muted">"You can write notes during the conversation. Submit them once it ends."</p> }>
                <button type="submit">"Submit ticket and see the debrief"</button>
            </Show>
        </form>
    }
}
