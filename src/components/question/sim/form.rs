use firstline_core::content::model::sim::{Form, Input};
use firstline_core::sim::{capped, form, SimAnswer, MAX_VALUE_CHARS};
use leptos::prelude::*;

use super::TaskCtx;

/// A settings page: one labelled control per field, opening on the
/// page's starting values.
#[component]
pub fn FormSim(form: Form, ctx: TaskCtx) -> impl IntoView {
    let start = StoredValue::new(form::start(&form));
    let n = form.fields.len();
    let values = move || match ctx.sim_answer() {
        Some(SimAnswer::Form(v)) if v.len() == n => v,
        _ => start.get_value(),
    };
    let set = move |i: usize, value: String| {
        let mut all = values();
        if let Some(slot) = all.get_mut(i) {
            *slot = capped(&value, MAX_VALUE_CHARS);
        }
        ctx.set_sim(SimAnswer::Form(all));
    };
    let fields = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let id = ctx.id(&format!("f-{}", field.id));
            let hint_id = format!("{id}-hint");
            let hint = field.hint.clone().map(|h| view! { <p class="muted hint" id=hint_id.clone()>{h}</p> });
            let described = field.hint.as_ref().map(|_| hint_id.clone());
            let current = move || values().get(i).cloned().unwrap_or_default();
            let control = match field.input {
                Input::Text => view! {
                    <input type="text" id=id.clone() autocomplete="off" spellcheck="false"
                        maxlength=MAX_VALUE_CHARS.to_string() aria-describedby=described
                        prop:value=current disabled=move || ctx.reveal.get()
                        on:input=move |ev| set(i, event_target_value(&ev))/>
                }
                .into_any(),
                Input::Select => {
                    let options = field
                        .options
                        .iter()
                        .map(|o| {
                            let value = o.clone();
                            view! { <option value=o.clone() prop:selected=move || current() == value>{o.clone()}</option> }
                        })
                        .collect_view();
                    view! {
                        <select id=id.clone() aria-describedby=described disabled=move || ctx.reveal.get()
                            on:change=move |ev| set(i, event_target_value(&ev))>{options}</select>
                    }
                    .into_any()
                }
                Input::Checkbox => view! {
                    <input type="checkbox" id=id.clone() aria-describedby=described
                        prop:checked=move || current() == "on" disabled=move || ctx.reveal.get()
                        on:change=move |ev| set(i, if event_target_checked(&ev) { "on".into() } else { "off".into() })/>
                }
                .into_any(),
            };
            let class = if field.input == Input::Checkbox { "field sim-field checkbox" } else { "field sim-field" };
            view! {
                <div class=class>
                    <label for=id>{field.label.clone()}</label>
                    {control}
                    {hint}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="sim-form">
            <legend>{form.title.clone()}</legend>
            {fields}
        </fieldset>
    }
}
