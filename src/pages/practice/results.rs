use firstline_core::content::library::Library;
use firstline_core::quiz::insights::most_picked_wrong;
use firstline_core::quiz::present::present;
use firstline_core::quiz::results::{by_domain, by_objective, Breakdown, ExamRecord};
use firstline_core::quiz::score::{is_full, percent};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::PracticeTabs;
use crate::adapters::clock::{format_clock, format_date};
use crate::adapters::dom::set_title;
use crate::components::question::QuestionView;
use crate::state::content::use_content;
use crate::state::progress::{use_exam_log, use_progress};
use firstline_core::content::manifest::Need;

/// One finished exam: estimated score, breakdowns, and every question with
/// the learner's answer, the key and the explanations.
#[component]
pub fn ExamResults() -> impl IntoView {
    set_title("Exam results");
    let params = use_params_map();
    let exams = use_exam_log();
    let index = move || {
        params
            .with(|p| p.get("n"))
            .and_then(|n| n.parse::<usize>().ok())
    };
    move || match index().and_then(|i| exams.read().with(|l| l.records.get(i).cloned())) {
        Some(record) => view! { <ResultsFor record/> }.into_any(),
        None => view! {
            <h1>"Exam results"</h1>
            <PracticeTabs/>
            <p>"There is no saved exam at this address."</p>
            <p><A href="/practice/exam">"Take an exam"</A></p>
        }
        .into_any(),
    }
}

/// The results of `record`, once its exam's questions are in (only that
/// exam's are fetched).
#[component]
fn ResultsFor(record: ExamRecord) -> impl IntoView {
    let content = use_content(&[Need::Questions(Some(record.exam.clone()))]);
    move || {
        let report = content.get()?;
        Some(results_view(record.clone(), &report.library))
    }
}

fn results_view(record: ExamRecord, library: &Library) -> impl IntoView {
    let Some(exam) = library.exam(&record.exam).cloned() else {
        return view! { <h1>"Exam results"</h1><p>{format!("The blueprint for {} is no longer loaded.", record.exam)}</p> }.into_any();
    };
    let passed = record.passed();
    let domains = by_domain(&record, &exam);
    let objectives = by_objective(&record, &exam);
    let progress = use_progress();
    let wrong = progress
        .read()
        .with_untracked(|p| most_picked_wrong(&p.attempts, 5));
    let timed_out = record.reason == firstline_core::quiz::session::SubmitReason::Timeout;
    let items = record
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let question = library.question(&item.question)?.clone();
            let outcome = if is_full(item.score) {
                "Correct"
            } else if item.score > 0.0 {
                "Partly correct"
            } else {
                "Incorrect"
            };
            let response = RwSignal::new(item.response.clone());
            let prompt = question.prompt.clone();
            Some(view! {
                <li>
                    <details>
                        <summary>{format!("Question {}: {outcome}. ", i + 1)}<span class="muted">{prompt}</span></summary>
                        <QuestionView question=question.clone() presentation=present(&question, 0) response=response reveal=true show_meta=true/>
                    </details>
                </li>
            })
        })
        .collect_view();
    let wrong_list = wrong
        .into_iter()
        .map(|w| {
            let prompt = library.question(&w.question).map(|q| q.prompt.clone()).unwrap_or(w.question.clone());
            view! { <li><strong>{w.pick.clone()}</strong>{format!(" \u{2014} picked {} time{} for: ", w.times, if w.times == 1 { "" } else { "s" })}<span class="muted">{prompt}</span></li> }
        })
        .collect_view();
    view! {
        <h1>{format!("Exam results: {}", exam.label())}</h1>
        <PracticeTabs/>
        <section class="score-card" aria-labelledby="score-heading">
            <h2 id="score-heading">"Estimated score"</h2>
            <p class="big-score">{record.scaled}<span class="muted">" / 900"</span></p>
            <p class=if passed { "verdict right" } else { "verdict wrong" }>
                {if passed { "Above the pass line" } else { "Below the pass line" }}
                {format!(" of {}.", record.passing_score)}
            </p>
            <p class="muted">"This is an estimate: CompTIA does not publish how raw scores map to its 100\u{2013}900 scale. FirstLine maps the share of marks earned linearly onto the scale."</p>
            <p>{format!("{} of {} questions fully correct; {}% of the marks. Time used {} of {}.", record.correct_count(), record.items.len(), percent(record.raw()), format_clock(record.elapsed_ms), format_clock(record.limit_ms))}</p>
            {timed_out.then(|| view! { <p>"The time ran out, so the exam was submitted automatically."</p> })}
            <p class="muted">{format!("Finished {}", format_date(record.finished_at))}</p>
        </section>
        <h2>"By domain"</h2>
        {breakdown_table("Results by domain", domains)}
        <h2>"By objective"</h2>
        {breakdown_table("Results by objective", objectives)}
        <h2>"Wrong options you pick most often"</h2>
        <p class="muted">"Across all your practice and exams."</p>
        <ul>{wrong_list}</ul>
        <h2>"Question by question"</h2>
        <ol class="item-review" aria-label="Question by question review">{items}</ol>
        <div class="actions">
            <A href="/practice/exam" attr:class="button">"Take another exam"</A>
            <A href="/practice/review" attr:class="button secondary-link">"Review queue"</A>
        </div>
    }
    .into_any()
}

fn breakdown_table(caption: &'static str, rows: Vec<Breakdown>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|b| {
            let share = percent(b.share());
            view! {
                <tr>
                    <th scope="row">{format!("{} {}", b.id, b.name)}</th>
                    <td>{b.asked}</td>
                    <td>
                        <span class="bar" aria-hidden="true"><span style:width=format!("{share}%")></span></span>
                        {format!("{share}%")}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table>
                <caption>{caption}</caption>
                <thead><tr><th scope="col">"Area"</th><th scope="col">"Questions"</th><th scope="col">"Score"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

area_page!(ResultsRoute, ExamResults, exam_results, "Exam results");
