use firstline_core::quiz::answer::Confidence;
use leptos::prelude::*;

/// "How sure are you?" with each answer; it feeds the review schedule and
/// the calibration view.
#[component]
pub fn ConfidencePicker(
    value: RwSignal<Option<Confidence>>,
    #[prop(into)] disabled: Signal<bool>,
    name: String,
) -> impl IntoView {
    let options = Confidence::ALL
        .iter()
        .map(|&level| {
            // The labels are ASCII words ("Sure", "Unsure", "Guessing").
            let id = format!("{name}-{}", level.label().to_ascii_lowercase());
            view! {
                <span class="pill">
                    <input type="radio" id=id.clone() name=name.clone()
                        prop:checked=move || value.get() == Some(level)
                        disabled=move || disabled.get()
                        on:change=move |_| value.set(Some(level))/>
                    <label for=id>{level.label()}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <fieldset class="confidence">
            <legend>"How sure are you?"</legend>
            {options}
        </fieldset>
    }
}
