use firstline_core::content::scenario::{Level, Ticket};
use firstline_core::scenario::priority::Priority;
use leptos::prelude::*;

/// The ticket as logged: subject, caller, the user's own words, and the
/// priority the trainee sets from impact and urgency.
#[component]
pub fn TicketCard(
    ticket: Ticket,
    caller: String,
    impact: RwSignal<Option<Level>>,
    urgency: RwSignal<Option<Level>>,
) -> impl IntoView {
    let details = format!(
        "{caller} \u{b7} via {} \u{b7} {} \u{b7} needs it within {} minutes",
        ticket.channel.label(),
        ticket.category,
        ticket.deadline_minutes
    );
    view! {
        <section class="ticket-card" aria-label="Ticket">
            <p><strong>{ticket.subject.clone()}</strong></p>
            <p class="muted">{details}</p>
            <blockquote>{ticket.report.clone()}</blockquote>
            <PriorityPanel impact=impact urgency=urgency/>
        </section>
    }
}

/// Impact and urgency selects; the priority and its targets follow from the
/// matrix and are announced as they change.
#[component]
pub fn PriorityPanel(
    impact: RwSignal<Option<Level>>,
    urgency: RwSignal<Option<Level>>,
) -> impl IntoView {
    let outcome = move || match (impact.get(), urgency.get()) {
        (Some(i), Some(u)) => {
            let p = Priority::of(i, u);
            let t = p.targets();
            format!(
                "Priority {}: first response within {}, resolution within {}.",
                p.label(),
                t.respond,
                t.resolve
            )
        }
        _ => "Set impact and urgency to give the ticket its priority.".to_string(),
    };
    view! {
        <fieldset class="priority">
            <legend>"Priority"</legend>
            <LevelSelect id="ticket-impact" label="Impact" hint="who and how much work is affected" value=impact/>
            <LevelSelect id="ticket-urgency" label="Urgency" hint="how soon the harm grows" value=urgency/>
            <p class="priority-result" role="status" aria-live="polite">{outcome}</p>
        </fieldset>
    }
}

#[component]
fn LevelSelect(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<Option<Level>>,
) -> impl IntoView {
    let parse = |v: &str| Level::ALL.into_iter().find(|l| l.label() == v);
    view! {
        <div class="field">
            <label for=id>{label}<span class="muted">{format!(" ({hint})")}</span></label>
            <select id=id on:change=move |ev| value.set(parse(&event_target_value(&ev)))>
                <option value="" selected=move || value.get().is_none()>"Choose\u{2026}"</option>
                {Level::ALL.into_iter().map(|l| view! {
                    <option value=l.label() selected=move || value.get() == Some(l)>{l.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
