//! A labelled whole-number field bound to a signal: the setup forms' counts
//! and minutes. What is typed is kept when it reads as a number and gives
//! `fallback` otherwise (an emptied field); `min` and `max` guide the
//! browser's spinner and keyboard, and each page still clamps the value
//! where it uses it, since a typed number can be anything.

use std::str::FromStr;

use leptos::prelude::*;

#[component]
pub fn NumberField<T>(
    id: &'static str,
    label: &'static str,
    min: T,
    max: T,
    value: RwSignal<T>,
    fallback: T,
) -> impl IntoView
where
    T: FromStr + ToString + Copy + Send + Sync + 'static,
{
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input type="number" id=id min=min.to_string() max=max.to_string()
                prop:value=move || value.get().to_string()
                on:input=move |ev| value.set(event_target_value(&ev).parse().unwrap_or(fallback))/>
        </div>
    }
}
