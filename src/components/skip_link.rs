use leptos::prelude::*;

use crate::adapters::dom::focus_main;

/// "Skip to content" for keyboard users. The router would treat `#main` as
/// a navigation, so the click moves focus itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_main();
        }>"Skip to content"</a>
    }
}
