use leptos::prelude::*;

use crate::adapters::dom::set_title;
use crate::state::content::use_content;

/// For instructors: what loaded, and every problem found in the content.
#[component]
pub fn Author() -> impl IntoView {
    set_title("Author");
    let content = use_content();
    view! {
        <h1>"Content for instructors"</h1>
        <p>
            "Training content lives in JSON files under "<code>"questions/"</code>" and "<code>"scenarios/"</code>
            ". Add or edit a file, run "<code>"firstline check"</code>" to validate it, and rebuild: new files appear here without any code change."
        </p>
        {move || content.get().map(|report| {
                let findings = report.findings.clone();
                let files = report.files.clone();
                view! {
                    <h2>"Problems"</h2>
                    {if findings.is_empty() {
                        view! { <p>"No problems found in the content files."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="findings" aria-label="Content problems">
                                {findings.into_iter().map(|f| view! {
                                    <li class=if f.is_error() { "finding error" } else { "finding warning" }>
                                        <code>{format!("{}:{}:{}", f.file, f.line, f.column)}</code>
                                        " "
                                        <span>{f.message.clone()}</span>
                                        <span class="muted">{format!(" (at {})", f.path)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <h2>"Files"</h2>
                    <table>
                        <caption>"Content files the app loaded"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"File"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Items loaded"</th>
                                <th scope="col">"Errors"</th>
                                <th scope="col">"Warnings"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {files.into_iter().map(|f| view! {
                                <tr>
                                    <td><code>{f.name.clone()}</code></td>
                                    <td>{f.kind.clone().unwrap_or_else(|| "unreadable".into())}</td>
                                    <td>{f.loaded}</td>
                                    <td>{f.errors}</td>
                                    <td>{f.warnings}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}

    }
}

lazy_page!(AuthorRoute, Author);
