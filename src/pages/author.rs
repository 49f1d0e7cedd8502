use std::sync::Arc;

use firstline_core::content::item_analysis::{analyse, ItemAnalysis, LongestShare, DOCS};
use firstline_core::scenario::cues::length_cue_over;
use leptos::prelude::*;

use crate::adapters::dom::set_title;
use crate::state::content::use_content;
use firstline_core::content::manifest::Need;

/// For instructors: what loaded, and every problem found in the content.
#[component]
pub fn Author() -> impl IntoView {
    set_title("Author");
    let content = use_content(&[Need::All]);
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
            })}
        <ItemAnalysisPanel/>
    }
}

/// Item analysis on demand: it compares every option and prompt in the
/// bank, which start-up does not need, so it runs only when asked.
#[component]
fn ItemAnalysisPanel() -> impl IntoView {
    let content = use_content(&[Need::All]);
    let analysis = RwSignal::new(None::<(Arc<ItemAnalysis>, LongestShare)>);
    let run = move |_| {
        if let Some(report) = content.get_untracked() {
            let scenarios = length_cue_over(&report.library.scenarios);
            analysis.set(Some((Arc::new(analyse(&report.library)), scenarios)));
        }
    };
    view! {
        <h2>"Item analysis"</h2>
        <p>
            "Looks for cues that give a question's answer away: keys that are often or much the longest option, prompt words only the key repeats, matching questions solved by elimination, and near-duplicate prompts; and, in scenarios, how often the best choice is the longest. "
            <code>"firstline check"</code>" reports the same, with line numbers. The rules are in "<code>{DOCS}</code>"."
        </p>
        <button type="button" class="secondary" disabled=move || content.get().is_none() on:click=run>
            "Run item analysis"
        </button>
        // Only the one-line summary is announced; the table and list are
        // there to read at leisure.
        <p role="status" aria-live="polite">{move || analysis.get().map(|(a, s)| summary(&a, &s))}</p>
        {move || analysis.get().map(|(a, s)| view! { <ItemAnalysisResult analysis=a scenarios=s/> })}
    }
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
