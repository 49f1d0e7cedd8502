//! Each of the instructor's files: what it holds, its findings with file,
//! line and column, and what can be done with it.

use std::sync::Arc;

use leptos::prelude::*;

use super::check::{Checked, Holds};

#[component]
pub fn FileList(checked: Arc<Checked>, on_remove: Callback<String>) -> impl IntoView {
    let report = checked.report.clone();
    checked
        .holds
        .iter()
        .map(|(name, holds)| {
            let summary = report.files.iter().find(|f| &f.name == name).cloned();
            let findings: Vec<_> = report
                .findings
                .iter()
                .filter(|f| &f.file == name)
                .cloned()
                .collect();
            let line = match &summary {
                Some(s) => format!(
                    "{}: {} item(s) loaded, {} error(s), {} warning(s)",
                    s.kind.clone().unwrap_or_else(|| "unreadable".into()),
                    s.loaded,
                    s.errors,
                    s.warnings
                ),
                None => "not read".to_owned(),
            };
            let link = |what: &str| {
                format!(
                    "/author/yours?do={what}&file={}",
                    String::from(js_sys::encode_uri_component(name))
                )
            };
            let actions = match holds {
                Holds::Questions => view! {
                    <a class="button secondary-link" href=link("practise")>{format!("Practise {name}")}</a>
                }
                .into_any(),
                Holds::Scenario(_, loaded) => view! {
                    {loaded.then(|| view! { <a class="button secondary-link" href=link("play")>{format!("Play {name}")}</a> })}
                    " "
                    <a class="button secondary-link" href=link("map")>{format!("Map of {name}")}</a>
                }
                .into_any(),
                Holds::Other => ().into_any(),
            };
            let remove = name.clone();
            let findings = (!findings.is_empty()).then(|| {
                view! {
                    <ul class="findings" aria-label=format!("Problems in {name}")>
                        {findings.into_iter().map(|f| view! {
                            <li class=if f.is_error() { "finding error" } else { "finding warning" }>
                                <code>{format!("{}:{}:{}", f.file, f.line, f.column)}</code>
                                " "
                                <span>{f.message.clone()}</span>
                                <span class="muted">{format!(" (at {})", f.path)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
            });
            view! {
                <article class="own-file" aria-label=format!("Your file {name}")>
                    <h4><code>{name.clone()}</code></h4>
                    <p>{line}</p>
                    {findings}
                    <p class="actions">
                        {actions}
                        " "
                        <button type="button" class="secondary" on:click=move |_| on_remove.run(remove.clone())>
                            {format!("Remove {name}")}
                        </button>
                    </p>
                </article>
            }
        })
        .collect_view()
}
