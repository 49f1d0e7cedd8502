//! Damaged data on the backup page: what FirstLine could not read and kept
//! aside (one copy per damaged text), and damaged text it could not copy
//! aside, which pauses saving that document. Each can be downloaded
//! unchanged and then discarded, to give its space back and let saving go
//! on.

use firstline_core::interview::mock::ActiveMock;
use firstline_core::progress::reminder::BackupLog;
use firstline_core::progress::{ExamLog, InterviewLog, Progress, ScenarioLog};
use firstline_core::quiz::run::PracticeRuns;
use firstline_core::quiz::session::ActiveExam;
use firstline_core::scenario::draft::Drafts;
use firstline_core::store::{
    backup_keys, backup_prefix, discard_backup, DiscardError, Document, KeyValueStore, StoreError,
};
use leptos::prelude::*;

use crate::adapters::clock::{format_date, iso_day, now_ms};
use crate::adapters::dom::focus_id;
use crate::adapters::files::download;
use crate::adapters::storage::BrowserStore;
use crate::state::damaged;
use crate::state::progress::{
    use_backup_log, use_exam_log, use_interview_log, use_progress, use_scenario_log,
};

/// Every document FirstLine keeps in localStorage: its key, what it is
/// called, and the word for it in a downloaded file's name. Only the keys
/// are used here, so no document's code comes with this page.
const DOCUMENTS: [(&str, &str, &str); 9] = [
    (Progress::KEY, "progress", "progress"),
    (ExamLog::KEY, "exam results", "exams"),
    (ScenarioLog::KEY, "scenario results", "scenarios"),
    (InterviewLog::KEY, "interview practice", "interview"),
    (BackupLog::KEY, "backup reminder", "backup-log"),
    (PracticeRuns::KEY, "practice run", "runs"),
    (ActiveExam::KEY, "exam in progress", "exam"),
    (Drafts::KEY, "scenario in progress", "plays"),
    (ActiveMock::KEY, "mock interview in progress", "mock"),
];

const HEADING_ID: &str = "damaged-heading";

/// One damaged text in storage.
#[derive(Clone)]
struct Damaged {
    document_key: &'static str,
    what: &'static str,
    slug: &'static str,
    /// Where the text is: a backup key, or the document's own key.
    key: String,
    /// When it was kept aside (ms); `None` for text still under the
    /// document's own key because it could not be copied aside.
    kept_at: Option<u64>,
    text: String,
}

impl Damaged {
    /// Names the item in its buttons' accessible names and in messages;
    /// the key tells apart two items of the same document and time.
    fn label(&self) -> String {
        match self.kept_at {
            Some(at) => format!(
                "damaged {} kept aside on {} ({})",
                self.what,
                format_date(at),
                self.key
            ),
            None => format!(
                "damaged {} that could not be kept aside ({})",
                self.what, self.key
            ),
        }
    }

    fn file_name(&self) -> String {
        let day = iso_day(self.kept_at.unwrap_or_else(now_ms));
        format!("firstline-damaged-{}-{day}.json", self.slug)
    }

    /// Removes it, through the document's own code when it was loaded in
    /// this visit (which also lets that document save again).
    fn discard(&self) -> Result<(), DiscardError> {
        let loaded = damaged::loaded(self.document_key);
        match (self.kept_at, loaded) {
            (None, Some(ops)) => ops.discard_in_place(&self.text),
            (Some(_), Some(ops)) => ops.discard_backup(&self.key),
            // A backup of a document not loaded in this visit (a page's own,
            // such as the exam in progress): only the copy can go.
            (Some(_), None) => discard_backup(&BrowserStore, self.document_key, &self.key),
            // Not listed without the document's code: never reached.
            (None, None) => Err(DiscardError::NotABackup {
                key: self.key.clone(),
                document_key: self.document_key.to_owned(),
            }),
        }
    }
}

/// Every damaged text in storage, by document, oldest backup first.
fn find(store: &dyn KeyValueStore) -> Result<Vec<Damaged>, StoreError> {
    let mut found = Vec::new();
    for (document_key, what, slug) in DOCUMENTS {
        let item = |key: String, kept_at: Option<u64>, text: String| Damaged {
            document_key,
            what,
            slug,
            key,
            kept_at,
            text,
        };
        if let Some(ops) = damaged::loaded(document_key) {
            if let Some(text) = ops.unbacked()? {
                found.push(item(document_key.to_owned(), None, text));
            }
        }
        let prefix = backup_prefix(document_key);
        for key in backup_keys(store, document_key)? {
            let kept_at = key.strip_prefix(&prefix).and_then(|at| at.parse().ok());
            // Gone since it was listed (another tab discarded it).
            let Some(text) = store.get(&key)? else {
                continue;
            };
            found.push(item(key, kept_at, text));
        }
    }
    Ok(found)
}

/// Kilobytes the text takes in localStorage (UTF-16), rounded up.
fn kilobytes(text: &str) -> u64 {
    (text.encode_utf16().count() as u64 * 2).div_ceil(1000)
}

#[component]
pub fn DamagedPanel() -> impl IntoView {
    // Loads the documents the backup page uses, if the page has not yet,
    // so damage they could not copy aside is listed.
    let _ = (
        use_progress(),
        use_exam_log(),
        use_scenario_log(),
        use_interview_log(),
        use_backup_log(),
    );
    let refresh = RwSignal::new(0_u32);
    // Keys downloaded in this visit: only these can be discarded.
    let downloaded = RwSignal::new(Vec::<String>::new());
    let status = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);

    let row = move |item: Damaged| {
        let label = item.label();
        let summary = match item.kept_at {
            Some(at) => format!(
                "{}: kept aside on {}, {} KB.",
                capitalise(item.what),
                format_date(at),
                kilobytes(&item.text)
            ),
            None => format!(
                "{}: could not be read or copied aside, {} KB. Saving your {} is paused until it is discarded.",
                capitalise(item.what),
                kilobytes(&item.text),
                item.what
            ),
        };
        let key = item.key.clone();
        let shown_key = item.key.clone();
        let ready = move || downloaded.with(|d| d.contains(&key));
        let get = {
            let (item, label) = (item.clone(), label.clone());
            move |_| match download(&item.file_name(), &item.text) {
                Ok(()) => {
                    problem.set(None);
                    downloaded.update(|d| d.push(item.key.clone()));
                    status.set(format!(
                        "Downloaded {} as {}. You can now discard it.",
                        label,
                        item.file_name()
                    ));
                }
                Err(e) => problem.set(Some(format!("It could not be downloaded: {e}."))),
            }
        };
        let drop = {
            let label = label.clone();
            move |_| match item.discard() {
                Ok(()) => {
                    problem.set(None);
                    status.set(format!("Discarded {label}."));
                    refresh.update(|n| *n = n.wrapping_add(1));
                    // The button is gone with its row: the heading is where
                    // the list, and the message about it, begin.
                    focus_id(HEADING_ID);
                }
                Err(e) => problem.set(Some(format!("It was not discarded: {e}."))),
            }
        };
        view! {
            <li class="finding warning">
                <p>{summary}</p>
                <p class="muted">"Storage key: " <code>{shown_key}</code></p>
                <div class="actions">
                    <button type="button" aria-label=format!("Download {label}") on:click=get>
                        "Download"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Discard {label}")
                        aria-describedby="damaged-how"
                        disabled=move || !ready()
                        on:click=drop
                    >
                        "Discard"
                    </button>
                </div>
            </li>
        }
    };

    let list = move || {
        refresh.track();
        match find(&BrowserStore) {
            Ok(items) if items.is_empty() => view! {
                <p>"Nothing is kept aside: FirstLine has found no damaged data in this browser."</p>
            }
            .into_any(),
            Ok(items) => view! {
                <p id="damaged-how">
                    "FirstLine could not read these, so it kept them instead of losing them. Download one first: its Discard button becomes available once you have downloaded it on this visit. Discarding removes it from this browser for good and gives its space back."
                </p>
                <ul class="findings">{items.into_iter().map(row).collect_view()}</ul>
            }
            .into_any(),
            Err(e) => view! {
                <p class="notice warning" role="alert">
                    {format!("Browser storage cannot be read ({e}), so damaged data cannot be listed.")}
                </p>
            }
            .into_any(),
        }
    };

    view! {
        <section aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID tabindex="-1">"Damaged data kept aside"</h2>
            {list}
            <p role="status">{move || status.get()}</p>
            {move || problem.get().map(|text| view! { <p class="notice warning" role="alert">{text}</p> })}
        </section>
    }
}

/// "Exam results" from "exam results".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
