//! Interview practice on the Progress page: every scored answer and mock
//! interview, each linking back to where it can be seen again.

use firstline_core::progress::InterviewLog;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock::format_date;
use crate::state::content::use_interview_catalog;
use crate::state::progress::use_interview_log;

#[component]
pub fn InterviewProgress() -> impl IntoView {
    let log = use_interview_log().read();
    let mocks = move || {
        let rows: Vec<_> = log.with(|l| {
            l.mocks
                .iter()
                .enumerate()
                .rev()
                .map(|(i, m)| (i, m.at, m.average(), m.items.len()))
                .collect()
        });
        rows.into_iter()
            .map(|(i, at, average, items)| {
                let score = average.map_or("no answers scored".to_owned(), |s| format!("{s} / 100 on average"));
                view! {
                    <li>
                        <A href=format!("/interview/report/{i}")>{format!("Mock interview of {}", format_date(at))}</A>
                        {format!(": {items} question(s), {score}")}
                    </li>
                }
            })
            .collect_view()
    };
    let has_answers = move || log.with(|l| !l.answers.is_empty());
    let has_mocks = move || log.with(|l| !l.mocks.is_empty());
    view! {
        <Show when=move || has_answers() || has_mocks()>
            <h2>"Interview practice"</h2>
            <Show when=has_mocks>
                <ul aria-label="Mock interviews">{mocks}</ul>
            </Show>
            <Show when=has_answers>
                <AnswersTable log/>
            </Show>
        </Show>
    }
}

/// The scored answers. Its own component so the interview catalog (for
/// the prompts) is fetched only when there are answers to show.
#[component]
fn AnswersTable(log: Signal<InterviewLog>) -> impl IntoView {
    // Prompts from the catalog; the id stands in until it arrives.
    let catalog = use_interview_catalog();
    let prompt = move |id: &str| {
        catalog
            .get()
            .and_then(Result::ok)
            .and_then(|c| {
                c.interview
                    .iter()
                    .find(|q| q.id == id)
                    .map(|q| q.prompt.clone())
            })
            .unwrap_or_else(|| id.to_owned())
    };
    let answers = move || {
        let rows = log.with(|l| l.answers.iter().rev().take(50).cloned().collect::<Vec<_>>());
        rows.into_iter()
            .map(|a| {
                // Read here, not inside the link: a component's children
                // are built untracked, and the prompt must follow the
                // catalog's arrival.
                let text = prompt(&a.question);
                view! {
                    <tr>
                        <td>{format_date(a.at)}</td>
                        <td><A href=format!("/interview/q/{}", a.question)>{text}</A></td>
                        <td>{format!("{} / 100", a.score)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-wrap">
            <table>
                <caption>"Interview answers"</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"Question"</th><th scope="col">"Score"</th></tr></thead>
                <tbody>{answers}</tbody>
            </table>
        </div>
    }
}
