use firstline_core::content::manifest::Need;
use firstline_core::content::shift::Shift;
use firstline_core::shift::draft::{ShiftDraft, ShiftDrafts};
use firstline_core::shift::play::Decision;
use firstline_core::shift::score::ShiftReport;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::queue::{Queue, QUEUE_HEADING};
use super::report::REPORT_HEADING;
use super::scoring;
use super::ticket_form::{Submitted, TicketForm, FORM_HEADING};
use crate::adapters::clock::now_ms;
use crate::adapters::dom::{focus_id, set_title};
use crate::components::on_demand::OnDemand;
use crate::components::retry_alert::RetryAlert;
use crate::state::content::use_content_with;
use crate::state::progress::page_document;

/// The "Try again" button shown when the scoring code cannot download.
const RETRY: &str = "shift-score-retry";

/// `/shifts/:id`: one shift, from its briefing to its report.
#[component]
pub fn ShiftPage() -> impl IntoView {
    set_title("Shift");
    let params = use_params_map();
    let content = use_content_with(move || {
        vec![Need::Shift(
            params.with(|p| p.get("id")).unwrap_or_default(),
        )]
    });
    let page = move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let report = content.get();
        match report.as_ref().map(|r| r.library.shift(&id).cloned()) {
            None => view! { <p>"Loading the shift\u{2026}"</p> }.into_any(),
            Some(None) => view! {
                <h1>"Shift not found"</h1>
                <p>{format!("There is no shift called \u{201c}{id}\u{201d}. It may have been renamed.")}</p>
                <p><a href="/scenarios">"See all scenarios and shifts"</a></p>
            }
            .into_any(),
            Some(Some(s)) => view! { <ShiftPlayer shift=s/> }.into_any(),
        }
    };
    view! { {page} }
}

#[component]
fn ShiftPlayer(shift: Shift) -> impl IntoView {
    set_title(&shift.title);
    // Recording the shift reads the learner's results: the scorer does
    // that under this owner, which holds the app's context.
    let owner = StoredValue::new(Owner::current());
    let drafts = page_document::<ShiftDrafts>("shift in progress");
    let id = StoredValue::new(shift.id.clone());
    let draft = drafts
        .get_untracked()
        .get(&shift.id)
        .cloned()
        .unwrap_or_default();
    let title = shift.title.clone();
    let briefing = shift.briefing.clone();
    let incidents = shift.incidents.clone();
    let total = shift.tickets.len();
    let shift = StoredValue::new(shift);
    // A draft names tickets by id; one the file no longer has is dropped
    // rather than shown.
    let play = RwSignal::new(draft.play);
    let open = RwSignal::new(
        draft
            .open
            .filter(|t| shift.with_value(|s| s.tickets.iter().any(|x| &x.id == t))),
    );
    let note = RwSignal::new(draft.note);
    let result = RwSignal::new(None::<ShiftReport>);
    let error = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        if result.with(Option::is_some) {
            return;
        }
        let draft = ShiftDraft {
            play: play.get(),
            open: open.get(),
            note: note.get(),
            saved_at: now_ms(),
        };
        let unchanged = drafts
            .read()
            .with_untracked(|d| match d.get(&id.get_value()) {
                Some(saved) => {
                    ShiftDraft {
                        saved_at: saved.saved_at,
                        ..draft.clone()
                    } == *saved
                }
                None => draft.is_empty(),
            });
        if !unchanged {
            drafts.update(|d| d.put(&id.get_value(), draft));
        }
    });

    // The scoring code: fetched quietly once the learner takes a ticket
    // (a failure is reported if it still fails when the shift ends), and
    // when it ends. The play stays saved until it is recorded.
    let scorer = OnDemand::new(scoring::load);
    let scoring = RwSignal::new(false);
    let finish = move || {
        if scoring.get_untracked() {
            return;
        }
        scoring.set(true);
        leptos::task::spawn_local(async move {
            let got = scorer.get().await;
            scoring.try_set(false);
            let Some(scorer) = got else {
                // The alert replaces the form the focus was on.
                request_animation_frame(|| focus_id(RETRY));
                return;
            };
            let Some(owner) = owner.try_get_value().flatten() else {
                return;
            };
            let done =
                play.with_untracked(|p| shift.with_value(|s| owner.with(|| (scorer.finish)(s, p))));
            drafts.update(|d| d.finish(&id.get_value()));
            result.set(Some(done));
            request_animation_frame(|| focus_id(REPORT_HEADING));
        });
    };
    let on_take = Callback::new(move |ticket: String| {
        scorer.prefetch();
        error.set(None);
        note.set(String::new());
        open.set(Some(ticket));
        request_animation_frame(|| focus_id(FORM_HEADING));
    });
    let on_wait = Callback::new(move |()| {
        let waited = shift.with_value(|s| play.try_update(|p| p.wait(s)));
        match waited {
            // The button goes with the wait (the tickets that arrived take
            // its place): the focus goes to the queue, not to the page.
            Some(Ok(_)) => request_animation_frame(|| focus_id(QUEUE_HEADING)),
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    });
    let on_back = Callback::new(move |()| {
        open.set(None);
        request_animation_frame(|| focus_id(QUEUE_HEADING));
    });
    let on_submit = Callback::new(move |s: Submitted| {
        let Some(ticket) = open.get_untracked() else {
            return;
        };
        let decision = Decision {
            impact: s.impact,
            urgency: s.urgency,
            action: s.action,
            note: note.get_untracked(),
        };
        let taken = shift.with_value(|sh| play.try_update(|p| p.take(sh, &ticket, decision)));
        match taken {
            Some(Ok(())) => {
                open.set(None);
                note.set(String::new());
                if play.with_untracked(|p| shift.with_value(|sh| p.finished(sh))) {
                    finish();
                } else {
                    request_animation_frame(|| focus_id(QUEUE_HEADING));
                }
            }
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    });
    // A shift finished before a reload (every ticket handled) shows its
    // report again rather than an empty queue.
    if play.with_untracked(|p| shift.with_value(|s| p.finished(s))) {
        finish();
    }

    let status = move || {
        play.with(|p| {
            let waiting = shift.with_value(|s| p.waiting(s).len());
            format!(
                "Minute {} of the shift \u{b7} {waiting} waiting \u{b7} {} of {total} handled",
                p.clock,
                p.handled.len()
            )
        })
    };
    // A memo, so the queue is not drawn again (losing the focus on its
    // Wait button) each time the play changes: only when this does.
    let finished = Memo::new(move |_| play.with(|p| shift.with_value(|s| p.finished(s))));
    let body = move || {
        // The scorer is looked at only once there is a report: its code
        // arriving mid-shift must not draw the ticket form again (and so
        // take the focus from it).
        if let Some(r) = result.get() {
            if let Some(scorer) = scorer.loaded() {
                return (scorer.show)(r);
            }
        }
        // Every ticket handled: the report comes (the status above says
        // it is being scored, or why it cannot be), not an empty queue.
        if finished.get() {
            return ().into_any();
        }
        let current = open
            .get()
            .and_then(|t| shift.with_value(|s| s.tickets.iter().find(|x| x.id == t).cloned()));
        match current {
            Some(ticket) => view! {
                <TicketForm
                    shift=shift
                    ticket=ticket
                    clock=play.with_untracked(|p| p.clock)
                    note=note
                    on_submit=on_submit
                    on_back=on_back
                />
            }
            .into_any(),
            None => {
                view! { <Queue shift=shift play=play on_take=on_take on_wait=on_wait/> }.into_any()
            }
        }
    };
    view! {
        <h1>{title}</h1>
        <p>{briefing}</p>
        {(!incidents.is_empty()).then(|| view! {
            <section class="shift-incidents" aria-label="Open major incidents">
                <h2>"Open major incidents"</h2>
                <ul>
                    {incidents.iter().map(|i| view! {
                        <li><strong>{i.id.clone()}</strong>{format!(": {}. Status: {}", i.title, i.status)}</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <p class="shift-clock" role="status">{status}</p>
        {move || error.get().map(|e| view! { <p class="notice warning" role="alert">{e}</p> })}
        {move || if scoring.get() {
            Some(view! { <p role="status">"Scoring your shift\u{2026}"</p> }.into_any())
        } else {
            scorer.failed().then(|| view! {
                <RetryAlert
                    message="Could not download the code that scores your shift. Your work is saved: check your connection, then try again."
                    on_retry=Callback::new(move |()| finish())
                    button_id=RETRY
                />
            }.into_any())
        }}
        {body}
    }
}

area_page!(ShiftRoute, ShiftPage, shift, "Shift");
