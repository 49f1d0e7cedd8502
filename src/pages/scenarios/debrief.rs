use firstline_core::content::scenario::{NoteSection, Scenario};
use firstline_core::scenario::debrief::{outcome_line, Debrief};
use firstline_core::scenario::graph::choice;
use firstline_core::scenario::play::{Play, PlayMode};
use leptos::prelude::*;

use super::chart::MoodChart;
use crate::adapters::clock::now_ms;

/// What happened and why: the outcome and any harm, scores by dimension,
/// mistakes (which stay on the record) apart from the recovery, the
/// priority set against the right one, every choice's feedback, the path
/// against the best path, the mood chart and the ticket facts.
#[component]
pub fn DebriefView(
    scenario: StoredValue<Scenario>,
    play: Play,
    debrief: Debrief,
    notes: String,
    handoff: String,
) -> impl IntoView {
    let s = scenario.get_value();
    let outcome = outcome_line(&debrief);
    let closing = debrief.closing.clone();
    let choice_at = |node: &str, id: &str| choice(&s, node, id).cloned();
    let dims = debrief
        .dimensions
        .iter()
        .map(|d| {
            let detail = if d.penalty > 0 {
                format!("{} / 100 (earned {}, mistakes cost {})", d.score, d.credit, d.penalty)
            } else {
                format!("{} / 100", d.score)
            };
            view! {
                <tr>
                    <th scope="row">{format!("{} ({}%)", d.dimension.label(), d.dimension.weight())}</th>
                    <td>
                        <span class="bar" aria-hidden="true"><span style:width=format!("{}%", d.score)></span></span>
                        {detail}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let critical = (!debrief.critical.is_empty()).then(|| {
        let items = debrief
            .critical
            .iter()
            .map(|(_, m)| view! { <li>{format!("You {}.", m.label())}</li> })
            .collect_view();
        view! {
            <div class="notice error" role="alert">
                <p><strong>"Critical mistake. "</strong>"On a real quality form this zeroes the whole call, so your overall score is 0."</p>
                <ul>{items}</ul>
            </div>
        }
    });
    let text_of = |id: &str| {
        s.nodes
            .iter()
            .flat_map(|n| &n.choices)
            .find(|c| c.id == id)
            .map(|c| play.fill(&c.text))
            .unwrap_or_else(|| id.to_owned())
    };
    let mistakes = (!debrief.mistakes.is_empty()).then(|| {
        let items = debrief
            .mistakes
            .iter()
            .map(|m| {
                let what = match m.turn {
                    Some(turn) => format!("Turn {}: \u{201c}{}\u{201d}", turn + 1, text_of(&m.choice)),
                    None if m.choice == "priority" => "Priority".to_string(),
                    None if m.choice.starts_with("check:") => "A check not made".to_string(),
                    None => "The ending".to_string(),
                };
                let costs: Vec<String> = m
                    .costs
                    .iter()
                    .map(|(d, c)| format!("\u{2212}{c} {}", d.label().to_lowercase()))
                    .collect();
                let costs = if costs.is_empty() { String::new() } else { format!(" ({})", costs.join(", ")) };
                view! { <li><strong>{what}</strong>{costs}" \u{2014} "{m.feedback.clone()}</li> }
            })
            .collect_view();
        view! {
            <h3>"Mistakes"</h3>
            <p class="muted">"Each one stays on the record: later good choices earn their own credit but do not erase it."</p>
            <ul aria-label="Mistakes">{items}</ul>
        }
    });
    let recoveries = (!debrief.recoveries.is_empty()).then(|| {
        let items = debrief
            .recoveries
            .iter()
            .map(|id| view! { <li>{text_of(id)}</li> })
            .collect_view();
        view! {
            <h3>"Recovery"</h3>
            <ul aria-label="Recovery">{items}</ul>
        }
    });
    let checks = super::evidence_debrief::checks_view(&debrief);
    let expected = debrief.expected_priority;
    let targets = expected.targets();
    let priority = match debrief.priority {
        Some(p) if p == expected => format!(
            "You set {}, the right priority: first response within {}, resolution within {}.",
            p.label(), targets.respond, targets.resolve
        ),
        Some(p) => format!(
            "You set {}. Impact {} and urgency {} make it {}: first response within {}, resolution within {}.",
            p.label(), s.ticket.impact.label().to_lowercase(), s.ticket.urgency.label().to_lowercase(),
            expected.label(), targets.respond, targets.resolve
        ),
        None => format!(
            "You did not set a priority. Impact {} and urgency {} make it {}: first response within {}, resolution within {}.",
            s.ticket.impact.label().to_lowercase(), s.ticket.urgency.label().to_lowercase(),
            expected.label(), targets.respond, targets.resolve
        ),
    };
    let transcript = play
        .turns
        .iter()
        .filter_map(|t| {
            let c = choice_at(&t.node, &t.choice)?;
            let tags = c
                .behaviours
                .iter()
                .map(|b| {
                    let (class, mark) = if b.is_good() { ("tag good", "\u{2713} ") } else { ("tag poor", "\u{2717} ") };
                    view! { <span class=class>{mark}{b.label()}</span> }
                })
                .collect_view();
            Some(view! {
                <li>
                    <p class="said-user"><strong>{format!("{}: ", play.first_name())}</strong>{t.user_line.clone()}</p>
                    <p class="said-me"><strong>"You: "</strong>{play.fill(&c.text)}</p>
                    <p class="feedback-line">{c.feedback.clone()}</p>
                    <p class="tags">{tags}</p>
                </li>
            })
        })
        .collect_view();
    let taken: Vec<String> = play.turns.iter().map(|t| t.choice.clone()).collect();
    let diverged = taken
        .iter()
        .zip(&s.best_path)
        .position(|(a, b)| a != b)
        .or_else(|| {
            (taken.len() != s.best_path.len()).then_some(taken.len().min(s.best_path.len()))
        });
    let path_list = |ids: &[String]| {
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                let class = if diverged.is_some_and(|d| i >= d) {
                    "differs"
                } else {
                    ""
                };
                view! { <li class=class>{text_of(id)}</li> }
            })
            .collect_view()
    };
    let yours = path_list(&taken);
    let best = path_list(&s.best_path);
    let path_note = match diverged {
        None => "You took the best path.".to_string(),
        Some(d) => format!("Your path left the best path at step {}.", d + 1),
    };
    let fact_items = |section: NoteSection, text: &str| {
        debrief
            .facts
            .iter()
            .filter(|f| f.section == section)
            .map(|f| match (f.learnt, f.found) {
                (false, _) => view! { <li class="fact missing">"\u{2717} "{f.label.clone()}": not learnt on this call, so it cannot count"</li> }.into_any(),
                (true, Some((start, end))) => {
                    let found = text.get(start..end).unwrap_or("").to_string();
                    view! { <li class="fact found">"\u{2713} "{f.label.clone()}": found \u{201c}"<mark>{found}</mark>"\u{201d}"</li> }.into_any()
                }
                (true, None) => view! { <li class="fact missing">"\u{2717} "{f.label.clone()}": missing (state it in a sentence)"</li> }.into_any(),
            })
            .collect_view()
    };
    let note_facts = fact_items(NoteSection::Notes, &notes);
    let has_handoff = debrief
        .facts
        .iter()
        .any(|f| f.section == NoteSection::Handoff);
    let handoff_facts = fact_items(NoteSection::Handoff, &handoff);
    let good: Vec<&str> = debrief.good.iter().map(|b| b.label()).collect();
    let poor: Vec<&str> = debrief.poor.iter().map(|b| b.label()).collect();
    let replay = format!("/scenarios/{}?seed={}", s.id, play.seed);
    let fresh = format!("/scenarios/{}?seed={}", s.id, now_ms() % 1_000_000);
    let practice = (play.mode == PlayMode::Practice).then(|| {
        let taken_back = match play.undone {
            0 => "no choices taken back".to_string(),
            1 => "1 choice taken back".to_string(),
            n => format!("{n} choices taken back"),
        };
        view! {
            <p class="notice info">
                {format!("Practice play ({taken_back}): it is kept, but not counted in your progress. ")}
                <a href=format!("/scenarios/{}?seed={}", s.id, play.seed)>"Play this call for the record"</a>
            </p>
        }
    });
    view! {
        <section class="debrief" aria-labelledby="debrief-heading">
            <h2 id="debrief-heading" tabindex="-1">"Debrief"</h2>
            <p class="big-score">{debrief.overall}<span class="muted">" / 100"</span></p>
            {practice}
            <p><strong>{format!("Outcome: {outcome}. ")}</strong>{closing}</p>
            {critical}
            <table>
                <caption>"Scores by dimension"</caption>
                <tbody>{dims}</tbody>
            </table>
            {mistakes}
            {recoveries}
            {checks}
            <h3>"Priority"</h3>
            <p>{priority}</p>
            <p>{format!("Done well: {}.", if good.is_empty() { "nothing yet".to_string() } else { good.join(", ") })}</p>
            <p>{format!("To work on: {}.", if poor.is_empty() { "nothing flagged".to_string() } else { poor.join(", ") })}</p>
            <h3>"The user's mood"</h3>
            <MoodChart history=play.mood_history() patience=s.persona.patience/>
            <h3>"Your path and the best path"</h3>
            <p>{path_note}</p>
            <div class="paths">
                <div><h4>"Your choices"</h4><ol aria-label="Your choices">{yours}</ol></div>
                <div><h4>"Best path"</h4><ol aria-label="Best path">{best}</ol></div>
            </div>
            <h3>"Ticket notes"</h3>
            <ul aria-label="Ticket facts">{note_facts}</ul>
            {has_handoff.then(|| view! { <h4>"Hand-off"</h4><ul aria-label="Hand-off facts">{handoff_facts}</ul> })}
            <h3>"Transcript with feedback"</h3>
            <ol class="transcript" aria-label="Transcript with feedback">{transcript}</ol>
            <div class="actions">
                <a class="button" href=fresh>"Play again with a new caller"</a>
                <a class="button secondary-link" href=replay>"Replay the same call"</a>
                <a class="button secondary-link" href="/scenarios">"All scenarios"</a>
            </div>
        </section>
    }
}
