use firstline_core::content::shift::{Action, Shift, ShiftTicket};
use firstline_core::scenario::priority::Level;
use leptos::prelude::*;

use crate::pages::scenarios::ticket::PriorityPanel;

pub const FORM_HEADING: &str = "shift-ticket-heading";

/// What the trainee submits for the open ticket.
pub struct Submitted {
    pub impact: Level,
    pub urgency: Level,
    pub action: Action,
}

/// Every decision this shift offers: resolve, escalate to Tier 2 or 3, or
/// link to one of its open major incidents.
fn decisions(shift: &Shift) -> Vec<Action> {
    let mut out = vec![
        Action::Resolve,
        Action::Escalate { tier: 2 },
        Action::Escalate { tier: 3 },
    ];
    out.extend(shift.incidents.iter().map(|i| Action::Link {
        incident: i.id.clone(),
    }));
    out
}

fn decision_label(shift: &Shift, action: &Action) -> String {
    match action {
        Action::Link { incident } => {
            let title = shift
                .incidents
                .iter()
                .find(|i| &i.id == incident)
                .map_or("", |i| i.title.as_str());
            format!("Link to major incident {incident}: {title}")
        }
        other => other.label(),
    }
}

/// The ticket taken: the requester's words, its priority, the decision and
/// the note. Nothing is recorded until it is submitted.
#[component]
pub fn TicketForm(
    shift: StoredValue<Shift>,
    ticket: ShiftTicket,
    clock: u32,
    note: RwSignal<String>,
    on_submit: Callback<Submitted>,
    on_back: Callback<()>,
) -> impl IntoView {
    let impact = RwSignal::new(None::<Level>);
    let urgency = RwSignal::new(None::<Level>);
    let action = RwSignal::new(None::<Action>);
    let missing = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match (impact.get(), urgency.get(), action.get()) {
            (Some(impact), Some(urgency), Some(action)) => {
                missing.set(None);
                on_submit.run(Submitted {
                    impact,
                    urgency,
                    action,
                });
            }
            (None, _, _) | (_, None, _) => {
                missing.set(Some("Set the ticket's impact and urgency first."))
            }
            (_, _, None) => missing.set(Some("Choose what to do with the ticket first.")),
        }
    };
    let options = shift.with_value(|s| {
        decisions(s)
            .into_iter()
            .map(|a| {
                let label = decision_label(s, &a);
                let picked = a.clone();
                let is = a.clone();
                view! {
                    <label class="choice-radio">
                        <input
                            type="radio"
                            name="shift-decision"
                            prop:checked=move || action.with(|c| c.as_ref() == Some(&is))
                            on:change=move |_| action.set(Some(picked.clone()))
                        />
                        " "{label}
                    </label>
                }
            })
            .collect_view()
    });
    let waited = clock.saturating_sub(ticket.arrives);
    let vip = if ticket.requester.vip {
        " \u{b7} VIP"
    } else {
        ""
    };
    view! {
        <section class="shift-form" aria-labelledby=FORM_HEADING>
            <h2 id=FORM_HEADING tabindex="-1">{ticket.subject.clone()}</h2>
            <p class="muted">
                {format!(
                    "{} ({}){vip} \u{b7} {} \u{b7} arrived at minute {}, taken after {waited} min \u{b7} about {} min to handle",
                    ticket.requester.name,
                    ticket.requester.role,
                    ticket.channel.label(),
                    ticket.arrives,
                    ticket.minutes
                )}
            </p>
            <blockquote>{ticket.description.clone()}</blockquote>
            <form on:submit=submit>
                <PriorityPanel impact=impact urgency=urgency/>
                <fieldset>
                    <legend>"Decision"</legend>
                    {options}
                </fieldset>
                <div class="field">
                    <label for="shift-note">"Ticket note (after an escalation, the hand-off)"</label>
                    <textarea
                        id="shift-note"
                        rows="4"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                </div>
                {move || missing.get().map(|m| view! { <p class="notice warning" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="submit">"Submit ticket"</button>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>
                        "Back to the queue"
                    </button>
                </div>
            </form>
        </section>
    }
}
