//! Shows a page whose code is in a lazily loaded wasm chunk: the page's
//! heading at once, the page when its code arrives, and a plain message
//! with "Try again" when it cannot be downloaded (offline on a page not
//! visited yet), instead of a page that silently never changes.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Builds the page's view; lives in the page's chunk.
pub type PageView = fn() -> AnyView;

/// Loads a page's chunk and hands back its view builder.
pub type PageLoad = fn() -> Pin<Box<dyn Future<Output = Result<PageView, SplitLoaderError>>>>;

#[component]
pub fn PageCode(load: PageLoad, title: &'static str) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let code = LocalResource::new(move || {
        attempt.track();
        // The loader logs why; the page says what to do. The page is drawn
        // in a task of its own, not in the one that instantiated its code:
        // together they were a page's longest task at start (33 ms
        // unthrottled in a Lighthouse trace of /author, 130 ms at 4x).
        async move {
            let page = load().await.map_err(drop);
            crate::adapters::clock::next_task().await;
            page
        }
    });
    // A prerendered frame waits for its page to draw; a page whose code
    // cannot be had never will, and its message must show.
    Effect::new(move || {
        if matches!(code.get(), Some(Err(_))) {
            crate::adapters::dom::release_loading_shell();
        }
    });
    move || match code.get() {
        None => view! {
            <h1>{title}</h1>
            <p class="muted" role="status">"Loading\u{2026}"</p>
        }
        .into_any(),
        Some(Ok(page)) => page(),
        Some(Err(_)) => view! {
            <h1>{title}</h1>
            <div class="notice warning" role="alert">
                <p>
                    <strong>"This page could not be downloaded. "</strong>
                    "Check your connection, then try again. Your saved progress is safe."
                </p>
                <button type="button" on:click=move |_| attempt.update(|n| *n = n.wrapping_add(1))>
                    "Try again"
                </button>
            </div>
        }
        .into_any(),
    }
}
