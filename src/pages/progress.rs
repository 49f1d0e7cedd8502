use leptos::prelude::*;

use crate::adapters::dom::set_title;
use crate::state::content::use_content;
use crate::state::progress::use_progress;

#[component]
pub fn ProgressPage() -> impl IntoView {
    set_title("Progress");
    let progress = use_progress().read();
    let content = use_content();
    let summary = move || {
        progress.with(|p| {
            let total = p.attempts.len();
            let right = p.attempts.iter().filter(|a| a.correct()).count();
            (total, right)
        })
    };
    view! {
        <h1>"Your progress"</h1>
        <p>
            {move || {
                let (total, right) = summary();
                if total == 0 {
                    "You have not answered any questions yet.".to_string()
                } else {
                    format!("{right} of {total} answers correct.")
                }
            }}
        </p>
        <Show when=move || summary().0 != 0>
            <table>
                <caption>"Recent answers"</caption>
                <thead>
                    <tr><th scope="col">"Question"</th><th scope="col">"Exam"</th><th scope="col">"Result"</th></tr>
                </thead>
                <tbody>
                    {move || {
                        let library = content.get();
                        progress.with(|p| {
                            p.recent().take(50).map(|a| {
                                let prompt = library
                                    .as_ref()
                                    .and_then(|r| r.library.question(&a.question).map(|q| q.prompt.clone()))
                                    .unwrap_or_else(|| a.question.clone());
                                let result = if a.correct() { "Correct" } else { "Incorrect" };
                                view! {
                                    <tr>
                                        <td>{prompt}</td>
                                        <td>{a.exam.clone()}</td>
                                        <td>{result}</td>
                                    </tr>
                                }
                            }).collect_view()
                        })
                    }}
                </tbody>
            </table>
        </Show>
    }
}
