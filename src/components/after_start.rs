//! The route's page, drawn in the task after the app's first.
//!
//! V8 compiles each wasm function on the main thread the first time it is
//! called, so starting the app is one long task whose length is the code it
//! runs: in a Chrome trace of `/author` most of the start-up task was
//! `wasm.CompileLazy`. Drawing the frame (providers, navigation) in one
//! task and the page in the next makes two shorter tasks, and Lighthouse's
//! TBT counts only what a task takes beyond 50 ms. index.html's frame stays
//! on screen, with the app hidden behind it (style/main.css), until the
//! page is drawn, so nothing flashes in between.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::adapters::clock::next_task;
use crate::adapters::dom::start_loading_shell;

#[component]
pub fn AfterStart(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    spawn_local(async move {
        next_task().await;
        ready.set(true);
    });
    Effect::new(move || {
        if ready.get() {
            start_loading_shell();
        }
    });
    move || ready.get().then(|| children())
}
