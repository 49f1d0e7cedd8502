//! The class report: an instructor loads learners' backup files and sees
//! the class side by side, to print or take to a spreadsheet. The files
//! are read in this browser only; nothing is sent anywhere.

use std::sync::Arc;

use firstline_core::progress::class_report::{ClassReport, MAX_FILES};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::report_tables::ReportTables;
use crate::adapters::dom::{focus_id, print_only};
use crate::adapters::files::{chosen, read_list, ReadLimits, MAX_READ_BYTES};
use crate::components::lazy_part::LazyPart;

/// A class's backups: a backup of years of daily practice is a few
/// megabytes, and the total bounds the memory a mistaken choice takes.
const BACKUPS: ReadLimits = ReadLimits {
    files: MAX_FILES,
    each: MAX_READ_BYTES,
    total: 100_000_000.0,
    advice: "it is too big to be a FirstLine backup",
};

/// Ids the print style sheet and the focus move refer to.
const SECTION: &str = "class-report";
const HEADING: &str = "class-report-heading";
const ERRORS: &str = "class-report-errors";
const INPUT: &str = "class-report-files";

/// The class report's place on the Author page. Its code (reading
/// backups, the tables, CSV) is a chunk of its own, fetched when the
/// instructor opens it, so the Author page's first visit does not carry it.
#[component]
pub fn ClassReportLauncher() -> impl IntoView {
    let open = RwSignal::new(false);
    let closed = move || {
        view! {
            <section class="class-report" aria-labelledby=HEADING>
                <h2 id=HEADING>"Class report"</h2>
                // Short: a paragraph longer than the page's first would
                // become its largest paint, after the app starts.
                <p>"Compare learners side by side from their backup files."</p>
                <button type="button" on:click=move |_| open.set(true)>"Open the class report"</button>
            </section>
        }
    };
    view! {
        <Show when=move || open.get() fallback=closed>
            <LazyPart load=load_panel what="the class report"/>
        </Show>
    }
}

part_code!(
    load_panel,
    class_report_panel,
    class_report,
    view! { <ClassReportPanel/> }.into_any()
);

#[component]
fn ClassReportPanel() -> impl IntoView {
    // Opened by the instructor's click: their next step is choosing files.
    request_animation_frame(|| focus_id(INPUT));
    let input = NodeRef::<leptos::html::Input>::new();
    let report = RwSignal::new(None::<Arc<ClassReport>>);
    let reading = RwSignal::new(false);
    // Each choice's number: a slow read finishing after a newer choice
    // must not replace the newer report.
    let choice = StoredValue::new(0u32);

    let chosen = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        reading.set(true);
        choice.update_value(|n| *n = n.wrapping_add(1));
        let mine = choice.get_value();
        spawn_local(async move {
            let files = read_list(chosen(&el), BACKUPS).await;
            if choice.get_value() != mine {
                return;
            }
            reading.set(false);
            // The choice was cancelled: the report shown stays.
            if files.is_empty() {
                return;
            }
            let built = ClassReport::build(files);
            // Problems first: they explain why a learner is missing below.
            let target = if built.errors.is_empty() {
                HEADING
            } else {
                ERRORS
            };
            report.set(Some(Arc::new(built)));
            // The report replaces what was there: move focus (and a screen
            // reader) to it once it is drawn.
            request_animation_frame(move || focus_id(target));
        });
    };

    let status = move || {
        if reading.get() {
            return "Reading the files\u{2026}".to_owned();
        }
        report
            .with(|r| r.as_deref().map(summary))
            .unwrap_or_default()
    };

    view! {
        <section id=SECTION class="class-report" aria-labelledby=HEADING>
            <h2 id=HEADING tabindex="-1">"Class report"</h2>
            <p>
                "Load the backup files your learners download from Progress \u{2192} Back up and restore to see the class side by side, per learner, objective, scenario and interview question. The files are read in this browser only; nothing is uploaded. Each learner is named after their file."
            </p>
            <div class="field no-print">
                <label for=INPUT>"Learners\u{2019} backup files"</label>
                <input
                    type="file"
                    id=INPUT
                    multiple
                    accept=".json,application/json"
                    node_ref=input
                    on:change=chosen
                />
            </div>
            <p role="status">{status}</p>
            {move || report.get().map(|r| view! { <ReportBody report=r/> })}
        </section>
    }
}

/// "2 learners in the report; 1 file could not be used."
fn summary(report: &ClassReport) -> String {
    let learners = match report.learners.rows.len() {
        1 => "1 learner".to_owned(),
        n => format!("{n} learners"),
    };
    match report.errors.len() {
        0 => format!("{learners} in the report."),
        1 => format!("{learners} in the report; 1 file could not be used."),
        n => format!("{learners} in the report; {n} files could not be used."),
    }
}

#[component]
fn ReportBody(report: Arc<ClassReport>) -> impl IntoView {
    let errors = report.errors.clone();
    let errors = (!errors.is_empty()).then(|| {
        let heading = match errors.len() {
            1 => "1 file could not be used".to_owned(),
            n => format!("{n} files could not be used"),
        };
        view! {
            <div id=ERRORS class="notice warning" tabindex="-1">
                <h3>{heading}</h3>
                <ul class="findings" aria-label="Files not used">
                    {errors.into_iter().map(|e| view! {
                        <li class="finding error">
                            <code>{e.file.clone()}</code>
                            {format!(": {}; {}.", e.problem, e.fix)}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    let body = if report.is_empty() {
        view! { <p>"No learner\u{2019}s file could be read, so there is no report yet."</p> }
            .into_any()
    } else {
        view! {
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| print_only(SECTION)>
                    "Print the class report"
                </button>
            </div>
            <ReportTables report/>
        }
        .into_any()
    };
    view! {
        {errors}
        {body}
    }
}
