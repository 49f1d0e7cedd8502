use firstline_core::content::question::Step;
use firstline_core::quiz::answer::Answer;
use leptos::prelude::*;

use super::TaskCtx;

/// Put steps in order with Move up / Move down buttons (no drag and drop);
/// each move is announced.
#[component]
pub fn OrderingTask(steps: Vec<Step>, order: Vec<usize>, ctx: TaskCtx) -> impl IntoView {
    let steps = StoredValue::new(steps);
    let start = StoredValue::new(order);
    let current = move || match ctx.answer() {
        Some(Answer::Order(o)) => o,
        _ => start.get_value(),
    };
    let announce = RwSignal::new(String::new());
    let move_step = move |from: usize, to: usize| {
        let mut order = current();
        if to >= order.len() {
            return;
        }
        order.swap(from, to);
        let text =
            steps.with_value(|s| s.get(order[to]).map(|s| s.text.clone()).unwrap_or_default());
        announce.set(format!(
            "Moved \u{201c}{text}\u{201d} to position {} of {}",
            to + 1,
            order.len()
        ));
        ctx.set(Some(Answer::Order(order)));
    };
    let answered = move || matches!(ctx.answer(), Some(Answer::Order(_)));
    let list = move || {
        let order = current();
        let n = order.len();
        let reveal = ctx.reveal.get();
        order
            .into_iter()
            .enumerate()
            .map(|(position, step)| {
                let text = steps.with_value(|s| s.get(step).map(|s| s.text.clone()).unwrap_or_default());
                let placed_right = position == step;
                let feedback = reveal.then(|| {
                    let why = steps.with_value(|s| s.get(step).map(|s| s.why.clone()).unwrap_or_default());
                    let tag = if placed_right {
                        "In the right place. ".to_string()
                    } else {
                        format!("Belongs at position {}. ", step + 1)
                    };
                    view! { <p class="why"><strong>{tag}</strong>{why}</p> }
                });
                let class = match (reveal, placed_right) {
                    (false, _) => "step",
                    (true, true) => "step right",
                    (true, false) => "step wrong",
                };
                view! {
                    <li class=class>
                        <span class="step-text">{text.clone()}</span>
                        <span class="step-buttons">
                            <button type="button" class="secondary small" disabled=reveal || position == 0
                                aria-label=format!("Move \u{201c}{text}\u{201d} up")
                                on:click=move |_| move_step(position, position.wrapping_sub(1))>"Up"</button>
                            <button type="button" class="secondary small" disabled=reveal || position + 1 == n
                                aria-label=format!("Move \u{201c}{text}\u{201d} down")
                                on:click=move |_| move_step(position, position + 1)>"Down"</button>
                        </span>
                        {feedback}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="ordering">
            <p class="muted hint">"Put the steps in order, first at the top. Use the Up and Down buttons."</p>
            <ol aria-label="Steps in your order">{list}</ol>
            <p class="muted hint">
                {move || if answered() { "Your order is recorded." } else { "Move a step, or confirm the order as it is." }}
                " "
                <button type="button" class="secondary small" disabled=move || ctx.reveal.get() || answered()
                    on:click=move |_| ctx.set(Some(Answer::Order(current())))>"Confirm this order"</button>
            </p>
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        </div>
    }
}
