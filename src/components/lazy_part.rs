//! A part of a page whose code is a wasm chunk of its own (the Progress
//! dashboard, the class report): a status while it downloads, the part
//! when it arrives, and a message with "Try again" if it cannot.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::page_code::PageView;
use super::retry_alert::RetryAlert;

/// Loads the part's chunk and hands back its view builder.
pub type PartLoad = fn() -> Pin<Box<dyn Future<Output = Result<PageView, SplitLoaderError>>>>;

#[component]
pub fn LazyPart(
    load: PartLoad,
    /// Names the part in messages: "your dashboard".
    what: &'static str,
    /// While true the code still downloads, but nothing shows: the part
    /// waits for something else it needs (the exam runner, for its
    /// questions), and the page says what it is waiting for.
    #[prop(optional, into)]
    hold: Option<Signal<bool>>,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let code = LocalResource::new(move || {
        attempt.track();
        // The loader logs why; the part says what to do.
        async move { load().await.map_err(drop) }
    });
    move || {
        if hold.is_some_and(|h| h.get()) {
            return ().into_any();
        }
        match code.get() {
        None => view! { <p role="status">{format!("Loading {what}\u{2026}")}</p> }.into_any(),
        Some(Ok(part)) => part(),
        Some(Err(_)) => view! {
            <RetryAlert
                message=format!("Could not download {what}. Check your connection, then try again.")
                on_retry=Callback::new(move |()| attempt.update(|n| *n = n.wrapping_add(1)))
            />
        }
        .into_any(),
    }
    }
}
