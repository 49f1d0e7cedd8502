use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::notices::{use_notices, Level};

/// Notices for the user. Warnings and errors use role="alert" so they are
/// announced at once; each can be dismissed.
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="notices">
            <For each=move || notices.list().get() key=|n| n.id let:notice>
                {
                    let (class, role, label) = match notice.level {
                        Level::Info => ("notice info", "status", "Note"),
                        Level::Warning => ("notice warning", "alert", "Warning"),
                        Level::Error => ("notice error", "alert", "Problem"),
                    };
                    let id = notice.id;
                    view! {
                        <div class=class role=role>
                            <p>
                                <strong>{label} ": "</strong>{notice.text.clone()}
                                {notice.link.map(|(href, text)| view! { " " <A href=href>{text}</A> })}
                            </p>
                            <button type="button" class="secondary" on:click=move |_| notices.dismiss(id)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
