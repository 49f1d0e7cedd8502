mod class_report;
pub mod map;
pub mod preview;
mod report_tables;

use std::sync::Arc;

use firstline_core::content::item_analysis::{analyse, ItemAnalysis, LongestShare, DOCS};
use firstline_core::scenario::cues::length_cue_over;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::adapters::dom::set_title;
use crate::state::content::{
    use_all_loads, use_build_report, use_content, use_content_with, UNREACHABLE,
};
use class_report::ClassReportLauncher;
use firstline_core::content::build_report::BuildReport;
use firstline_core::content::manifest::Need;
use firstline_core::content::{Finding, LoadReport};
use map::route::MapLinks;
use preview::PreviewLauncher;

/// For instructors: every problem in the content and what each file holds.
/// The build's check (`content/report.json`) gives the whole picture
/// without reading the bank here; this browser adds what only it saw (a
/// file the build never listed, a download that failed).
#[component]
pub fn Author() -> impl IntoView {
    set_title("Author");
    let build = use_build_report();
    // No needs: only files without a manifest entry (unknown to the build)
    // are read, so they are reported here too.
    let unlisted = use_content(&[]);
    let loads = use_all_loads();
    let report = move || {
        unlisted.track();
        let live = loads.get();
        let live: Vec<&LoadReport> = live.iter().map(AsRef::as_ref).collect();
        let is_download = |f: &Finding| f.path == UNREACHABLE;
        match build.get()? {
            Ok(build) => Some((build.with_live(&live, is_download), None)),
            Err(problem) => Some((
                BuildReport::default().with_live(&live, is_download),
                Some(problem),
            )),
        }
    };
    view! {
        <h1>"Content for instructors"</h1>
        <p>
            "Training content lives in JSON files under "<code>"questions/"</code>" and "<code>"scenarios/"</code>
            ". Add or edit a file, run "<code>"firstline check"</code>" to validate it, and rebuild: new files appear here without any code change."
        </p>
        // Above the report, so the report arriving below it moves nothing
        // the reader already sees (the class report grows only when asked).
        <PreviewLauncher/>
        <ItemAnalysisPanel/>
        <MapLinks/>
        <ClassReportLauncher/>
        {move || match report() {
            None => view! { <p class="muted" role="status">"Loading the build\u{2019}s report\u{2026}"</p> }.into_any(),
            Some((report, problem)) => view! {
                {problem.map(|p| view! { <p class="notice warning" role="alert">{p}</p> })}
                <ReportView report/>
            }.into_any(),
        }}
    }
}

#[component]
fn ReportView(report: BuildReport) -> impl IntoView {
    let BuildReport { files, findings } = report;
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
        <div class="table-wrap" tabindex="0" role="region" aria-label="Content files the app loaded">
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
        </div>
    }
}

/// Item analysis on demand: it compares every option and prompt in the
/// bank, so it downloads and reads the whole bank, only when asked.
#[component]
fn ItemAnalysisPanel() -> impl IntoView {
    let wanted = RwSignal::new(false);
    let content = use_content_with(move || {
        if wanted.get() {
            vec![Need::All]
        } else {
            Vec::new()
        }
    });
    let analysis = RwSignal::new(None::<(Arc<ItemAnalysis>, LongestShare)>);
    let failed = RwSignal::new(false);
    let started = StoredValue::new(false);
    // Runs once the bank has arrived after the click.
    Effect::new(move |_| {
        if !wanted.get() || started.get_value() {
            return;
        }
        if let Some(report) = content.get() {
            started.set_value(true);
            spawn_local(async move {
                match run_analysis(report).await {
                    Ok(done) => analysis.set(Some(done)),
                    Err(_) => {
                        // Clicking again downloads the code again.
                        started.set_value(false);
                        wanted.set(false);
                        failed.set(true);
                    }
                }
            });
        }
    });
    let busy = move || wanted.get() && analysis.with(Option::is_none);
    view! {
        <h2>"Item analysis"</h2>
        <p>
            "Finds cues that give an answer away to a test-wise learner, such as a key that is often the longest option. The rules are in "<code>{DOCS}</code>"."
        </p>
        <button type="button" class="secondary" aria-disabled=move || busy().to_string() on:click=move |_| {
            if !busy() {
                failed.set(false);
                wanted.set(true);
            }
        }>
            {move || if busy() { "Reading every content file\u{2026}" } else { "Run item analysis" }}
        </button>
        // Only the one-line summary is announced; the table and list are
        // there to read at leisure.
        <p role="status" aria-live="polite">{move || analysis.get().map(|(a, s)| summary(&a, &s))}</p>
        {move || failed.get().then(|| view! {
            <p class="notice warning" role="alert">"Could not download the item analysis. Check your connection, then run it again."</p>
        })}
        {move || analysis.get().map(|(a, s)| view! { <ItemAnalysisResult analysis=a scenarios=s/> })}
    }
}

/// The analysis compares every option and prompt in the bank: its code is
/// a chunk of its own, fetched on the first run, so the Author page's first
/// visit does not carry it.
#[leptos::wasm_split::wasm_split(item_analysis, wasm_split_path = ::leptos::wasm_split, fallible)]
fn run_analysis(
    report: Arc<LoadReport>,
) -> Result<(Arc<ItemAnalysis>, LongestShare), leptos::wasm_split::SplitLoaderError> {
    let scenarios = length_cue_over(&report.library.scenarios);
    Ok((Arc::new(analyse(&report.library)), scenarios))
}

fn summary(analysis: &ItemAnalysis, scenarios: &LongestShare) -> String {
    format!(
        "Item analysis: {} exam(s) over the longest-key limit, scenarios {} the longest-best-choice limit, {} warning(s).",
        analysis.exams_over_limit().count(),
        if scenarios.over_limit() { "over" } else { "within" },
        analysis.cues.len()
    )
}

fn share_row(label: String, k: LongestShare) -> impl IntoView {
    let result = if k.over_limit() {
        format!("over the {}% limit", k.limit_percent)
    } else {
        format!("within the {}% limit", k.limit_percent)
    };
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{k.items}</td>
            <td>{k.longest}</td>
            <td>{format!("{:.0}%", k.percent())}</td>
            <td>{result}</td>
        </tr>
    }
}

#[component]
fn ItemAnalysisResult(analysis: Arc<ItemAnalysis>, scenarios: LongestShare) -> impl IntoView {
    let stopped = analysis.duplicates.stopped.then(|| {
        view! { <p>"The near-duplicate search stopped early: the bank has too many similar prompts to compare them all."</p> }
    });
    let exams = analysis.exams.clone();
    let cues = analysis.cues.clone();
    view! {
        {stopped}
        <div class="table-wrap" tabindex="0" role="region" aria-label="Longest-answer shares">
        <table>
            <caption>"How often the right answer is strictly the longest option, per exam and over all scenarios"</caption>
            <thead>
                <tr>
                    <th scope="col">"Content"</th>
                    <th scope="col">"Items or best-path decisions"</th>
                    <th scope="col">"Key strictly longest"</th>
                    <th scope="col">"Share"</th>
                    <th scope="col">"Result"</th>
                </tr>
            </thead>
            <tbody>
                {exams.into_iter().map(|e| share_row(format!("{} {}", e.exam, e.name), e.keys)).collect_view()}
                {share_row("All scenarios (best choice)".to_string(), scenarios)}
            </tbody>
        </table>
        </div>
        {if cues.is_empty() {
            view! { <p>"No cues found in the questions."</p> }.into_any()
        } else {
            view! {
                <ul class="findings" aria-label="Item-analysis warnings">
                    {cues.into_iter().map(|c| view! {
                        <li class="finding warning">
                            <code>{format!("{} {}", c.file, c.question)}</code>
                            " "
                            <span>{c.message()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

area_page!(AuthorRoute, Author, author, "Content for instructors");
