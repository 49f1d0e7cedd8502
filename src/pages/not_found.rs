use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::dom::set_title;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
        <p><A href="/">"Go to the home page"</A></p>
    }
}
