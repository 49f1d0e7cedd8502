use leptos::prelude::*;
use leptos_router::components::A;

/// The site header with the main navigation. `A` marks the current page
/// with `aria-current="page"`.
#[component]
pub fn Nav() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"FL"</span>
                " FirstLine"
            </A>
            <nav aria-label="Main">
                <ul>
                    <li><A href="/practice">"Practice"</A></li>
                    <li><A href="/scenarios">"Scenarios"</A></li>
                    <li><A href="/interview">"Interview"</A></li>
                    <li><A href="/progress">"Progress"</A></li>
                    <li><A href="/author">"Author"</A></li>
                </ul>
            </nav>
        </header>
    }
}
