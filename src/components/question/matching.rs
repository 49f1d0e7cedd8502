use firstline_core::content::question::Task;
use firstline_core::quiz::answer::Answer;
use leptos::prelude::*;

use super::TaskCtx;

/// Match each left item by choosing from a list: a labelled select per
/// item, usable by keyboard and screen reader without drag and drop.
#[component]
pub fn MatchingTask(task: Task, order: Vec<usize>, ctx: TaskCtx) -> impl IntoView {
    let Task::Matching { pairs, .. } = &task else {
        return ().into_any();
    };
    let choices: Vec<String> = task
        .matching_choices()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let n = pairs.len();
    let chosen = move || match ctx.answer() {
        Some(Answer::Match(c)) => c,
        _ => vec![None; n],
    };
    let choices = StoredValue::new(choices);
    let order = StoredValue::new(order);
    let rows = pairs
        .iter()
        .enumerate()
        .map(|(row, pair)| {
            let id = ctx.id(&format!("m{row}"));
            let right = pair.right.clone();
            let why = pair.why.clone();
            let current = move || chosen().get(row).copied().flatten();
            let on_change = move |ev| {
                let value = event_target_value(&ev);
                let mut all = chosen();
                all.resize(n, None);
                all[row] = value.parse::<usize>().ok();
                ctx.set(Some(Answer::Match(all)));
            };
            let options = order.with_value(|order| {
                order
                    .iter()
                    .map(|&c| {
                        let text = choices.with_value(|all| all.get(c).cloned().unwrap_or_default());
                        view! { <option value=c.to_string() prop:selected=move || current() == Some(c)>{text}</option> }
                    })
                    .collect_view()
            });
            let feedback = move || {
                ctx.reveal.get().then(|| {
                    let picked = current().and_then(|c| choices.with_value(|all| all.get(c).cloned()));
                    let tag = if picked.as_deref() == Some(right.as_str()) {
                        "Correct. ".to_string()
                    } else {
                        format!("Answer: {}. ", right)
                    };
                    view! { <p class="why"><strong>{tag}</strong>{why.clone()}</p> }
                })
            };
            view! {
                <div class="match-row">
                    <label for=id.clone()>{pair.left.clone()}</label>
                    <select id=id disabled=move || ctx.reveal.get() on:change=on_change>
                        <option value="" prop:selected=move || current().is_none()>"Choose\u{2026}"</option>
                        {options}
                    </select>
                    {feedback}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="matching">
            <p class="muted hint">"Choose the match for each item. An answer may be used more than once."</p>
            {rows}
        </div>
    }
    .into_any()
}
