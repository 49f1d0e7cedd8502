//! What a page shows when code it fetched on demand cannot download: the
//! message, as an alert, and a "Try again" button. Every such place says
//! it the same way.

use leptos::prelude::*;

#[component]
pub fn RetryAlert(
    /// What could not be done and what to do: "Could not download …".
    #[prop(into)]
    message: String,
    on_retry: Callback<()>,
    /// An id for the button, for a page that moves the focus to it.
    #[prop(optional)]
    button_id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="notice warning" role="alert">
            <p>{message}</p>
            <button type="button" id=button_id on:click=move |_| on_retry.run(())>"Try again"</button>
        </div>
    }
}
