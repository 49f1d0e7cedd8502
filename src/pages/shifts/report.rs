use firstline_core::content::shift::Action;
use firstline_core::shift::score::{ShiftReport, TicketResult};
use leptos::prelude::*;

pub const REPORT_HEADING: &str = "shift-report";

fn action_text(action: Option<&Action>) -> String {
    action.map_or_else(|| "not handled".to_owned(), Action::label)
}

/// The shift's scores, then each ticket: the priority and decision against
/// the right ones, the response target, the note's facts, and why.
#[component]
pub fn ReportView(report: ShiftReport) -> impl IntoView {
    let rows = [
        ("Triage (priority and decision)", report.triage, "40%"),
        ("Response targets met", report.targets, "30%"),
        ("Ticket notes", report.notes, "30%"),
    ];
    view! {
        <section class="shift-report" aria-labelledby=REPORT_HEADING>
            <h2 id=REPORT_HEADING tabindex="-1">{format!("Shift report: {} / 100", report.overall)}</h2>
            <table>
                <caption>{format!("Scores, after {} simulated minutes", report.minutes)}</caption>
                <thead><tr><th scope="col">"Part"</th><th scope="col">"Score"</th><th scope="col">"Weight"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, score, weight)| view! {
                        <tr><th scope="row">{name}</th><td>{score}</td><td>{weight}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Ticket by ticket"</h3>
            <ol class="shift-results">{report.tickets.into_iter().map(ticket).collect_view()}</ol>
            <p><a href="/scenarios">"Back to scenarios and shifts"</a></p>
        </section>
    }
}

fn ticket(t: TicketResult) -> impl IntoView {
    let priority = match t.set_priority {
        Some(set) if set == t.right_priority => format!("Priority {}: right.", set.label()),
        Some(set) => format!(
            "Priority {}: it should be {}.",
            set.label(),
            t.right_priority.label()
        ),
        None => format!("Not handled: it was {}.", t.right_priority.label()),
    };
    let decision = if t.chosen_action.as_ref() == Some(&t.right_action) {
        format!("{}: right.", t.right_action.label())
    } else {
        format!(
            "You chose: {}. Right: {}.",
            action_text(t.chosen_action.as_ref()),
            t.right_action.label()
        )
    };
    let target = if t.met {
        format!(
            "Taken after {} min: target ({} min) met.",
            t.waited, t.target
        )
    } else {
        format!(
            "Taken after {} min: target ({} min) missed.",
            t.waited, t.target
        )
    };
    let resolution = t.resolved_after.map(|after| {
        let verdict = if after <= t.resolve_target {
            "met"
        } else {
            "missed"
        };
        format!(
            "Resolved {after} min after it arrived: resolution target ({} h) {verdict}.",
            t.resolve_target / 60
        )
    });
    let (found, missing): (Vec<_>, Vec<_>) = t.facts.into_iter().partition(|f| f.found);
    let facts = match (found.is_empty(), missing.is_empty()) {
        (_, true) => "The note states every fact.".to_owned(),
        (true, false) => format!(
            "The note states none of: {}.",
            missing
                .iter()
                .map(|f| f.label.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        (false, false) => format!(
            "The note misses: {}.",
            missing
                .iter()
                .map(|f| f.label.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    view! {
        <li>
            <h4>{t.subject}</h4>
            <ul>
                <li>{priority}</li>
                <li>{decision}</li>
                <li>{target}</li>
                {resolution.map(|r| view! { <li>{r}</li> })}
                <li>{facts}</li>
            </ul>
            <p class="muted">{t.why}</p>
        </li>
    }
}
