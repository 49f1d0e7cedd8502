use firstline_core::quiz::answer::Answer;
use leptos::prelude::*;

use super::TaskCtx;

/// Type a value. Checked tolerantly (case, spacing, number formats).
#[component]
pub fn FillTask(accept: Vec<String>, ctx: TaskCtx) -> impl IntoView {
    let id = ctx.id("fill");
    let text = move || match ctx.answer() {
        Some(Answer::Text(t)) => t,
        _ => String::new(),
    };
    let accepted = accept.join(" or ");
    view! {
        <div class="field fill">
            <label for=id.clone()>"Your answer"</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                spellcheck="false"
                prop:value=text
                disabled=move || ctx.reveal.get()
                on:input=move |ev| ctx.set(Some(Answer::Text(event_target_value(&ev))))
            />
            {move || ctx.reveal.get().then(|| view! { <p class="why"><strong>"Accepted: "</strong>{accepted.clone()}</p> })}
        </div>
    }
}
