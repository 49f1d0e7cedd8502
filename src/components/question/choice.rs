use firstline_core::content::question::{Choice, Question, Task};
use firstline_core::quiz::answer::{Answer, Response};
use firstline_core::quiz::present::Presentation;
use leptos::prelude::*;

use super::TaskCtx;

/// Single answer (radio buttons) or multiple response (checkboxes, at most
/// as many as the question asks for). Options show their number key.
#[component]
pub fn ChoiceTask(
    options: Vec<Choice>,
    answers: Vec<usize>,
    multiple: bool,
    order: Vec<usize>,
    ctx: TaskCtx,
) -> impl IntoView {
    let wanted = answers.len();
    let picks = move || match ctx.answer() {
        Some(Answer::Choice(p)) => p,
        _ => Vec::new(),
    };
    let legend = if multiple {
        format!("Choose {wanted} answers")
    } else {
        "Choose one answer".to_string()
    };
    let name = ctx.id("choice");
    let answers = StoredValue::new(answers);
    let rows = order
        .iter()
        .enumerate()
        .filter_map(|(position, &canonical)| {
            let option = options.get(canonical)?.clone();
            let id = ctx.id(&format!("o{canonical}"));
            let is_picked = move || picks().contains(&canonical);
            let toggle = move |_| {
                let mut current = picks();
                if multiple {
                    if let Some(at) = current.iter().position(|&p| p == canonical) {
                        current.remove(at);
                    } else if current.len() < wanted {
                        current.push(canonical);
                    }
                } else {
                    current = vec![canonical];
                }
                ctx.set(Some(Answer::Choice(current)));
            };
            let blocked =
                move || ctx.reveal.get() || (multiple && !is_picked() && picks().len() >= wanted);
            let class = move || {
                if !ctx.reveal.get() {
                    return "option";
                }
                let right = answers.read_value().contains(&canonical);
                match (right, is_picked()) {
                    (true, _) => "option right",
                    (false, true) => "option wrong",
                    (false, false) => "option",
                }
            };
            let why = option.why.clone();
            let feedback = move || {
                ctx.reveal.get().then(|| {
                    let right = answers.read_value().contains(&canonical);
                    let tag = match (right, is_picked()) {
                        (true, true) => "Correct answer, your choice. ",
                        (true, false) => "Correct answer. ",
                        (false, true) => "Your choice. ",
                        (false, false) => "",
                    };
                    view! { <p class="why"><strong>{tag}</strong>{why.clone()}</p> }
                })
            };
            Some(view! {
                <div class=class>
                    <input
                        type=if multiple { "checkbox" } else { "radio" }
                        id=id.clone()
                        name=name.clone()
                        prop:checked=is_picked
                        disabled=blocked
                        on:change=toggle
                    />
                    <label for=id>
                        <span class="key" aria-hidden="true">{position + 1}</span>
                        {option.text.clone()}
                    </label>
                    {feedback}
                </div>
            })
        })
        .collect_view();
    let counter = multiple.then(|| {
        view! { <p class="muted hint" aria-live="polite">{move || format!("{} of {wanted} chosen", picks().len())}</p> }
    });
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {rows}
            {counter}
        </fieldset>
    }
}

/// The number-key shortcut: picks (or, for multiple response, toggles) the
/// option shown at `number` (1-based) when the question has a single
/// choice task. Returns the new response, or None when the key does nothing.
pub fn pick_by_number(
    question: &Question,
    presentation: &Presentation,
    response: &Response,
    number: usize,
) -> Option<Response> {
    let [task] = question.tasks()[..] else {
        return None;
    };
    let canonical = *presentation.tasks.first()?.get(number.checked_sub(1)?)?;
    let current = match response.first().cloned().flatten() {
        Some(Answer::Choice(p)) => p,
        _ => Vec::new(),
    };
    let picks = match task {
        Task::Single { .. } => vec![canonical],
        Task::Multiple { answers, .. } => {
            let mut picks = current;
            if let Some(at) = picks.iter().position(|&p| p == canonical) {
                picks.remove(at);
            } else if picks.len() < answers.len() {
                picks.push(canonical);
            } else {
                return None;
            }
            picks
        }
        _ => return None,
    };
    Some(vec![Some(Answer::Choice(picks))])
}
