use firstline_core::scenario::debrief::Debrief;
use firstline_core::scenario::evidence::HINT_COST;
use leptos::prelude::*;

/// The debrief's evidence: the checks a good technician makes, done and
/// missed, other tools opened, where each pointed, and hints taken.
pub fn checks_view(d: &Debrief) -> Option<impl IntoView> {
    if d.checks.is_empty() && d.hints == 0 {
        return None;
    }
    let item = |c: &firstline_core::scenario::debrief::CheckResult| {
        let (class, mark, state) = if c.done {
            ("fact found", "\u{2713} ", "checked")
        } else {
            ("fact missing", "\u{2717} ", "missed")
        };
        let pointed = c.points_to.clone().map(|p| {
            let lead = if c.done {
                " It pointed to: "
            } else {
                " It would have shown: "
            };
            format!("{lead}{p}")
        });
        view! { <li class=class>{mark}<strong>{format!("{}: {state}.", c.title)}</strong>{pointed}</li> }
    };
    let expected: Vec<_> = d.checks.iter().filter(|c| c.expected).map(item).collect();
    let other: Vec<_> = d.checks.iter().filter(|c| !c.expected).map(item).collect();
    let done = d.checks.iter().filter(|c| c.expected && c.done).count();
    let total = d.checks.iter().filter(|c| c.expected).count();
    let hints = (d.hints > 0).then(|| {
        let n = d.hints;
        let what = if n == 1 { "1 hint".to_string() } else { format!("{n} hints") };
        view! { <p>{format!("You took {what} in this practice play: \u{2212}{} points overall.", n * HINT_COST)}</p> }
    });
    Some(view! {
        <h3>"Expected checks"</h3>
        {(total > 0).then(|| view! {
            <p>{format!("You made {done} of the {total} check(s) a good technician makes before acting.")}</p>
            <ul aria-label="Expected checks">{expected}</ul>
        })}
        {(!other.is_empty()).then(|| view! {
            <h4>"Other evidence you opened"</h4>
            <ul aria-label="Other evidence opened">{other}</ul>
        })}
        {hints}
    })
}
