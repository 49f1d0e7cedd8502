use firstline_core::content::shift::{Shift, ShiftTicket};
use firstline_core::shift::play::ShiftPlay;
use leptos::prelude::*;

pub const QUEUE_HEADING: &str = "shift-queue";

/// The tickets waiting, oldest first, each with a button to take it; with
/// none waiting, a button to wait for the next arrival.
#[component]
pub fn Queue(
    shift: StoredValue<Shift>,
    play: RwSignal<ShiftPlay>,
    on_take: Callback<String>,
    on_wait: Callback<()>,
) -> impl IntoView {
    let waiting = move || {
        play.with(|p| {
            shift.with_value(|s| {
                p.waiting(s)
                    .into_iter()
                    .map(|t| row(t, p.clock, on_take))
                    .collect_view()
            })
        })
    };
    let empty = move || play.with(|p| shift.with_value(|s| p.waiting(s).is_empty()));
    let next = move || play.with(|p| shift.with_value(|s| p.next_arrival(s)));
    view! {
        <section class="shift-queue" aria-labelledby=QUEUE_HEADING>
            <h2 id=QUEUE_HEADING tabindex="-1">"Queue"</h2>
            <Show when=move || !empty() fallback=move || view! {
                <p>"Nothing is waiting."</p>
                {move || next().map(|at| view! {
                    <button type="button" on:click=move |_| on_wait.run(())>
                        {format!("Wait for the next ticket (minute {at})")}
                    </button>
                })}
            }>
                <ul class="shift-tickets" aria-label="Waiting tickets">{waiting}</ul>
            </Show>
        </section>
    }
}

fn row(t: &ShiftTicket, clock: u32, on_take: Callback<String>) -> impl IntoView {
    let id = t.id.clone();
    let waited = clock.saturating_sub(t.arrives);
    let vip = t.requester.vip.then_some(" \u{b7} VIP");
    view! {
        <li class="shift-ticket">
            <p><strong>{t.subject.clone()}</strong></p>
            <p class="muted">
                {format!(
                    "{} ({}){} \u{b7} {} \u{b7} arrived at minute {}, waiting {} min",
                    t.requester.name,
                    t.requester.role,
                    vip.unwrap_or(""),
                    t.channel.label(),
                    t.arrives,
                    waited
                )}
            </p>
            <button
                type="button"
                aria-label=format!("Take ticket: {}", t.subject)
                on:click=move |_| on_take.run(id.clone())
            >
                "Take this ticket"
            </button>
        </li>
    }
}
