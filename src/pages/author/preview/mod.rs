//! Preview of an instructor's own content files on the Author page: they
//! pick or drop files (or a folder), the browser checks them with the
//! core's reading and checking code (the same `firstline check` runs), and
//! the good ones can be played at once, marked as their own and kept out
//! of progress. The files are kept on this device (`progress::own_files`)
//! until removed.
//!
//! Only the launcher is in the Author page's code: the panel, the reading,
//! the analyser and the players are a chunk of their own
//! (`author_preview`), fetched when the preview is opened.

mod check;
mod file_list;
mod panel;
pub mod play;
mod practice;

use firstline_core::progress::own_files::OwnFiles;
use firstline_core::store::{Document, KeyValueStore};
use leptos::prelude::*;

use crate::adapters::storage::BrowserStore;
use crate::components::lazy_part::LazyPart;

const HEADING: &str = "preview-heading";

/// Where the preview sits on the Author page: open at once when files are
/// kept from an earlier visit, else on a click.
#[component]
pub fn PreviewLauncher() -> impl IntoView {
    let kept = BrowserStore.get(OwnFiles::KEY).ok().flatten().is_some();
    let open = RwSignal::new(kept);
    let closed = move || {
        view! {
            <section aria-labelledby=HEADING>
                <h2 id=HEADING>"Preview your own files"</h2>
                <p>"Check question sets, scenarios and shifts in this browser, then play them."</p>
                <button type="button" on:click=move |_| open.set(true)>"Open the preview"</button>
            </section>
        }
    };
    view! {
        <Show when=move || open.get() fallback=closed>
            <LazyPart load=load_panel what="the preview"/>
        </Show>
    }
}

part_code!(
    load_panel,
    preview_panel,
    author_preview,
    view! { <panel::PreviewPanel heading=HEADING/> }.into_any()
);
