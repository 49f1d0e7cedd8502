use leptos::prelude::*;
use leptos_router::components::A;

/// Links between the pages of one area; the current one is marked with
/// `aria-current="page"`. The first link is the area's home, matched exactly.
#[component]
pub fn SubNav(
    label: &'static str,
    links: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let items = links
        .iter()
        .enumerate()
        .map(|(i, (href, text))| view! { <A href=*href exact=i == 0>{*text}</A> })
        .collect_view();
    view! { <nav class="tabs" aria-label=label>{items}</nav> }
}
