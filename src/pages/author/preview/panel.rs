//! The preview panel: choosing or dropping files, the check's findings per
//! file, and what can be done with each.

use std::sync::Arc;

use firstline_core::content::pack::{read_pack, EXTENSION};
use firstline_core::content::Source;
use firstline_core::progress::own_files::{OwnFiles, MAX_KEPT_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::check::{check, Checked};
use super::file_list::FileList;
use crate::adapters::clock::now_ms;
use crate::adapters::files::{chosen, dropped, read_list, ReadLimits};
use crate::state::progress::page_document;

/// Far above a course's content, and a bound on the memory and time a
/// mistaken choice (a home folder) takes.
const LIMITS: ReadLimits = ReadLimits {
    files: 100,
    each: 5_000_000.0,
    total: 20_000_000.0,
    advice: "check it with firstline check",
};

#[component]
pub fn PreviewPanel(heading: &'static str) -> impl IntoView {
    let own = page_document::<OwnFiles>("your files");
    let checked = RwSignal::new(None::<Arc<Checked>>);
    let checking = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let reading = RwSignal::new(false);
    // Each check's number: a slow check finishing after a newer one must
    // not replace it.
    let generation = StoredValue::new(0u32);
    let files = own.read();
    Effect::new(move |_| {
        let sources = files.with(OwnFiles::sources);
        generation.update_value(|n| *n = n.wrapping_add(1));
        let mine = generation.get_value();
        checking.set(true);
        spawn_local(async move {
            let result = check(sources).await;
            if generation.get_value() == mine {
                checked.set(Some(Arc::new(result)));
                checking.set(false);
            }
        });
    });

    let add = move |list: Vec<web_sys::File>| {
        if list.is_empty() {
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let read = read_list(list, LIMITS).await;
            let mut notes = Vec::new();
            let mut kept = 0;
            own.update(|o| {
                for (name, text) in read {
                    let text = match text {
                        Ok(text) => text,
                        Err(why) => {
                            notes.push(format!("\u{201c}{name}\u{201d}: {why}"));
                            continue;
                        }
                    };
                    // A pack's files are kept one by one, each named
                    // inside it as `firstline check` names them.
                    let files = if name.ends_with(EXTENSION) {
                        match read_pack(&text) {
                            Ok(pack) => pack.sources(&name),
                            Err(e) => {
                                notes.push(format!("\u{201c}{name}\u{201d}: {e}"));
                                continue;
                            }
                        }
                    } else {
                        vec![Source::new(name, text)]
                    };
                    for f in files {
                        match o.keep(&f.name, &f.text, now_ms()) {
                            Ok(()) => kept += 1,
                            Err(e) => notes.push(e.to_string()),
                        }
                    }
                }
            });
            if kept == 0 && notes.is_empty() {
                notes.push("No .json files were found in what you chose.".to_owned());
            }
            problems.set(notes);
            reading.set(false);
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        add(chosen(&input));
        // The same file chosen again (after an edit) is read again.
        input.set_value("");
    };
    // A folder input (not in the markup vocabulary, so set once mounted).
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            el.set_webkitdirectory(true);
        }
    });
    let drag_over = RwSignal::new(false);
    let status = move || {
        if reading.get() {
            "Reading your files\u{2026}".to_owned()
        } else if checking.get() {
            "Checking your files\u{2026}".to_owned()
        } else {
            let n = files.with(|o| o.files.len());
            let kb = files.with(OwnFiles::bytes).div_ceil(1000);
            format!(
                "{n} file(s) kept on this device, {kb} KB of {} KB.",
                MAX_KEPT_BYTES / 1000
            )
        }
    };
    view! {
        <section class="preview" aria-labelledby=heading>
            <h2 id=heading>"Preview your own files"</h2>
            <p>
                "Check question sets, scenarios, shifts and content packs ("<code>"firstline pack"</code>") in this browser with the same checks as "<code>"firstline check"</code>
                " (item analysis aside), then play the good ones. They stay on this device until you remove them, and playing them is never recorded in your progress."
            </p>
            <div
                class=move || if drag_over.get() { "drop-zone over" } else { "drop-zone" }
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    drag_over.set(true);
                }
                on:dragleave=move |_| drag_over.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    drag_over.set(false);
                    add(dropped(&ev));
                }
            >
                <p>"Drop .json files or a pack here, or choose them:"</p>
                <p>
                    <label for="own-files">"Content files"</label>
                    " "
                    <input id="own-files" type="file" multiple=true accept=".json,application/json" on:change=on_files/>
                </p>
                <p>
                    <label for="own-folder">"A folder of content files"</label>
                    " "
                    <input id="own-folder" type="file" multiple=true node_ref=folder on:change=on_files/>
                </p>
            </div>
            <p role="status" aria-live="polite">{status}</p>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <div class="notice warning" role="alert">
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <h3>"Your files"</h3>
            {move || match checked.get() {
                None => view! { <p class="muted">"Checking\u{2026}"</p> }.into_any(),
                Some(c) if c.holds.is_empty() => view! { <p>"No files yet."</p> }.into_any(),
                Some(c) => view! {
                    <FileList checked=c on_remove=Callback::new(move |name: String| {
                        own.update(|o| o.remove(&name, now_ms()));
                    })/>
                }
                .into_any(),
            }}
        </section>
    }
}
