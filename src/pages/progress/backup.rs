//! Backing up and restoring progress (`/progress/backup`, its own chunk so
//! the Progress page stays light). A restore merges (never replaces),
//! after showing what it would add.

use firstline_core::progress::backup::{read_backup, Everything, Preview};
use firstline_core::store::Document;
use leptos::prelude::*;
use leptos::task::spawn_local;

use leptos_router::components::A;

use crate::adapters::clock::{format_date, now_ms};
use crate::adapters::dom::set_title;
use crate::adapters::files::{download, read_chosen};
use crate::adapters::storage::{ask_to_persist, used_bytes};
use crate::pages::progress::damaged::DamagedPanel;
use crate::state::history;
use crate::state::progress::{
    use_backup_log, use_exam_log, use_interview_log, use_progress, use_scenario_log,
};

#[component]
pub fn BackupPage() -> impl IntoView {
    set_title("Back up and restore");
    view! {
        <h1>"Back up and restore"</h1>
        <BackupPanel/>
        <DamagedPanel/>
        <StoragePanel/>
        <p><A href="/progress">"Back to your progress"</A></p>
    }
}

/// How much space the progress takes, and asking the browser to keep it.
#[component]
fn StoragePanel() -> impl IntoView {
    let used = used_bytes();
    let answer = RwSignal::new(None::<String>);
    let ask = move |_| {
        spawn_local(async move {
            let text = match ask_to_persist().await {
                Ok(true) => {
                    "The browser will keep your progress even when space runs low.".to_owned()
                }
                Ok(false) => {
                    "The browser did not agree (it decides by how often you visit). Keep a backup."
                        .to_owned()
                }
                Err(e) => format!("Not available: {e}. Keep a backup."),
            };
            answer.set(Some(text));
        });
    };
    view! {
        <h2>"Space in this browser"</h2>
        <p>{move || match used {
            // Browsers give a site about 5 MB of this kind of storage; the
            // answers are in its database, which has far more room.
            Some(bytes) => format!(
                "Your progress takes {} KB of this browser\u{2019}s local storage, of about 5,000 KB a site may use{}.",
                bytes.div_ceil(1000),
                match (history::loaded().get(), history::stored_count()) {
                    (true, 1) => ", and 1 answer is kept in its database".to_owned(),
                    (true, n) if n > 1 => format!(", and {n} answers are kept in its database"),
                    _ => String::new(),
                }
            ),
            None => "This browser\u{2019}s storage cannot be read, so progress is not being saved.".to_owned(),
        }}</p>
        <p>"A browser short of space may clear sites\u{2019} data. You can ask it to keep FirstLine\u{2019}s."</p>
        <div class="actions">
            <button type="button" class="secondary" on:click=ask>"Ask the browser to keep my progress"</button>
        </div>
        <p role="status">{move || answer.get()}</p>
    }
}

#[component]
fn BackupPanel() -> impl IntoView {
    let (progress, exams, scenarios, interview) = (
        use_progress(),
        use_exam_log(),
        use_scenario_log(),
        use_interview_log(),
    );
    let everything = move || Everything {
        progress: progress.get_untracked(),
        exams: exams.get_untracked(),
        scenarios: scenarios.get_untracked(),
        interview: interview.get_untracked(),
    };
    let backup_log = use_backup_log();
    let message = RwSignal::new(None::<Result<String, String>>);
    let pending = RwSignal::new(None::<(Everything, Preview, u64)>);
    let input = NodeRef::<leptos::html::Input>::new();

    let save = move |_| {
        let now = now_ms();
        let day = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now as f64))
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        let name = format!("firstline-backup-{}.json", day.get(..10).unwrap_or("today"));
        let result = everything()
            .export(now)
            .and_then(|text| download(&name, &text))
            .map(|()| {
                backup_log.update(|l| l.exported_at = Some(now));
                format!(
                    "Saved {name}. Keep it somewhere safe; restore it here or in another browser."
                )
            })
            .map_err(|e| format!("The backup could not be made: {e}."));
        message.set(Some(result));
    };

    let chosen = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        pending.set(None);
        spawn_local(async move {
            let outcome = match read_chosen(&el).await {
                Ok(None) => return,
                Ok(Some(text)) => read_backup(&text),
                Err(e) => Err(e),
            };
            match outcome {
                Ok(backup) => {
                    let preview = everything().preview(&backup.data);
                    message.set(None);
                    pending.set(Some((backup.data, preview, backup.created_at)));
                }
                Err(e) => message.set(Some(Err(format!("That file was not restored: {e}.")))),
            }
        });
    };

    let merge = move |_| {
        let Some((data, preview, _)) = pending.get_untracked() else {
            return;
        };
        progress.update(|d| d.merge(data.progress));
        exams.update(|d| d.merge(data.exams));
        scenarios.update(|d| d.merge(data.scenarios));
        interview.update(|d| d.merge(data.interview));
        pending.set(None);
        message.set(Some(Ok(format!("Restored: {}.", describe(&preview)))));
    };

    // A backup or preview made before the answers are read would miss them.
    let loaded = history::loaded();
    view! {
        <section>
            <p>"Your progress lives in this browser only, and some browsers clear a site's storage after weeks without a visit. Download a backup now and then; restore it here or in another browser. Restoring adds what is missing and never removes anything."</p>
            <p role="status">{move || (!loaded.get()).then_some("Reading your saved answers\u{2026}")}</p>
            <div class="actions">
                <button type="button" disabled=move || !loaded.get() on:click=save>"Download a backup"</button>
            </div>
            <div class="field">
                <label for="restore-file">"Restore from a backup file"</label>
                <input type="file" id="restore-file" accept=".json,application/json" disabled=move || !loaded.get() node_ref=input on:change=chosen/>
            </div>
            {move || pending.get().map(|(_, preview, created)| {
                let summary = if preview.is_empty() {
                    "Everything in this backup is already here: restoring would change nothing.".to_owned()
                } else {
                    format!("This backup from {} would add {}.", format_date(created), describe(&preview))
                };
                let nothing = preview.is_empty();
                view! {
                    <div class="notice">
                        <p role="status">{summary}</p>
                        {(!preview.stories_replaced.is_empty()).then(|| view! {
                            <p>{format!("Newer versions of these stories would replace yours: {}.", preview.stories_replaced.join(", "))}</p>
                        })}
                        <div class="actions">
                            <button type="button" disabled=nothing on:click=merge>"Add it to this browser"</button>
                            <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="notice warning" role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}

/// "3 answers, 1 exam and 2 scenario results", or "nothing new".
fn describe(p: &Preview) -> String {
    let parts: Vec<String> = [
        (p.answers, "question answer"),
        (p.exams, "exam result"),
        (p.scenarios, "scenario result"),
        (p.interview_answers, "interview answer"),
        (p.mocks, "mock interview"),
        (p.stories_added, "story"),
        (p.stories_replaced.len(), "newer story"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| {
        let plural = if n == 1 {
            String::new()
        } else if what.ends_with('y') && !what.ends_with("ey") {
            return format!("{n} {}ies", &what[..what.len() - 1]);
        } else {
            "s".to_owned()
        };
        format!("{n} {what}{plural}")
    })
    .collect();
    match parts.as_slice() {
        [] => "nothing new".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

area_page!(BackupRoute, BackupPage, backup, "Back up and restore");
