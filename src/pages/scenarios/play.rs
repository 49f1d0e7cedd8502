use firstline_core::content::scenario::{ChoiceKind, Outcome, Scenario};
use firstline_core::progress::ScenarioRecord;
use firstline_core::scenario::debrief::{debrief, Debrief};
use firstline_core::scenario::play::Play;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::conversation::Conversation;
use super::debrief::DebriefView;
use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::components::shortcuts::{use_shortcuts, Shortcut};
use crate::state::content::use_content;
use crate::state::progress::use_scenario_log;

/// Plays one scenario: `/scenarios/:id?seed=N` (the seed picks the caller
/// and their mood, so a link replays the same call).
#[component]
pub fn ScenarioPage() -> impl IntoView {
    set_title("Scenario");
    let params = use_params_map();
    let query = use_query_map();
    let content = use_content();
    let page = move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let seed = query
            .with(|q| q.get("seed"))
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(1);
        let report = content.get();
        match report.as_ref().map(|r| r.library.scenario(&id).cloned()) {
            None => view! { <p>"Loading the scenario\u{2026}"</p> }.into_any(),
            Some(None) => view! {
                <h1>"Scenario not found"</h1>
                <p>{format!("There is no scenario called \u{201c}{id}\u{201d}. It may have been renamed.")}</p>
                <p><a href="/scenarios">"See all scenarios"</a></p>
            }
            .into_any(),
            Some(Some(s)) => view! { <Player scenario=s seed=seed/> }.into_any(),
        }
    };
    view! { {page} }
}

/// The conversation, the ticket notes and the debrief. A mock interview
/// passes `on_done` to receive the overall score.
#[component]
pub fn Player(
    scenario: Scenario,
    seed: u64,
    #[prop(optional)] on_done: Option<Callback<u32>>,
) -> impl IntoView {
    if on_done.is_none() {
        set_title(&scenario.title);
    }
    let log = use_scenario_log();
    let s = StoredValue::new(scenario.clone());
    let play = RwSignal::new(Some(Play::start(&scenario, seed)));
    let notes = RwSignal::new(String::new());
    let handoff = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Debrief>);
    let announce = RwSignal::new(String::new());
    let over = Memo::new(move |_| play.with(|p| p.as_ref().is_some_and(Play::is_over)));
    let escalated = Memo::new(move |_| {
        play.with(|p| {
            p.as_ref().is_some_and(|p| {
                s.with_value(|s| {
                    p.ending(s).is_some_and(|e| e.outcome == Outcome::Escalated)
                        || p.turns.iter().any(|t| {
                            s.nodes
                                .iter()
                                .flat_map(|n| &n.choices)
                                .any(|c| c.id == t.choice && c.kind == ChoiceKind::Escalate)
                        })
                })
            })
        })
    });

    let choose = move |id: String| {
        let before = play.with_untracked(|p| p.as_ref().map(|p| p.mood()));
        play.update(|p| {
            if let Some(p) = p.as_mut() {
                s.with_value(|s| {
                    let _ = p.choose(s, &id);
                });
            }
        });
        let (after, name, ending) = play.with_untracked(|p| {
            p.as_ref()
                .map(|p| (Some(p.mood()), p.first_name().to_owned(), p.is_over()))
                .unwrap_or((None, String::new(), false))
        });
        if ending {
            announce.set("The conversation has ended. Write the ticket notes, then submit them for your debrief.".into());
        } else if after != before {
            if let Some(mood) = after {
                announce.set(format!("{name} sounds {} now.", mood.label()));
            }
        }
    };
    use_shortcuts(move |key| match key {
        Shortcut::Number(n) if !over.get_untracked() => {
            let id = play.with_untracked(|p| {
                p.as_ref()
                    .and_then(|p| s.with_value(|s| p.offered(s).get(n - 1).map(|c| c.id.clone())))
            });
            match id {
                Some(id) => {
                    choose(id);
                    true
                }
                None => false,
            }
        }
        _ => false,
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = play.get_untracked() else {
            return;
        };
        let d = s.with_value(|s| debrief(s, &p, &notes.get_untracked(), &handoff.get_untracked()));
        log.update(|log| {
            log.plays.push(ScenarioRecord {
                scenario: p.scenario.clone(),
                seed: p.seed,
                caller: p.name.clone(),
                outcome: d.outcome,
                ending: p.ending.clone().unwrap_or_default(),
                overall: d.overall,
                dimensions: d
                    .dimensions
                    .iter()
                    .map(|x| (x.dimension, x.score))
                    .collect(),
                critical: d.critical.len(),
                minutes: p.minutes,
                choices: p.turns.iter().map(|t| t.choice.clone()).collect(),
                notes_share: d.notes_share,
                at: now_ms(),
            })
        });
        if let Some(done) = on_done {
            done.run(d.overall);
        }
        result.set(Some(d));
    };

    let ticket = s.with_value(|s| s.ticket.clone());
    let persona = play.with_untracked(|p| {
        p.as_ref()
            .map(|p| (p.name.clone(), p.role.clone(), p.department.clone()))
    });
    let patience = scenario.persona.patience;
    let status = move || {
        let p = play.get()?;
        let mood = p.mood();
        Some(view! {
            <div class="status-bar">
                <p class=format!("mood mood-{}", mood.label())>
                    <strong>"Mood: "</strong>{mood.label()}
                    <meter min="0" max="100" low="40" high="70" optimum="0" value=p.frustration.to_string()
                        aria-label=format!("Frustration {} of 100; gives up at {patience}", p.frustration)></meter>
                    <span class="muted">{format!(" frustration {} of 100", p.frustration)}</span>
                </p>
                <p><strong>"Clock: "</strong>{format!("{} of {} minutes (SLA)", p.minutes, ticket.sla_minutes)}</p>
            </div>
        })
    };
    let choices = move || {
        if over.get() {
            return None;
        }
        let p = play.get()?;
        let offered: Vec<(String, ChoiceKind, String)> = s.with_value(|s| {
            p.offered(s)
                .into_iter()
                .map(|c| (c.id.clone(), c.kind, p.fill(&c.text)))
                .collect()
        });
        let buttons = offered
            .into_iter()
            .enumerate()
            .map(|(i, (id, kind, text))| {
                view! {
                    <li>
                        <button type="button" class="choice" on:click=move |_| choose(id.clone())>
                            <span class="key" aria-hidden="true">{i + 1}</span>
                            <span class="kind">{kind.label()}</span>
                            " "
                            <span>{text}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section aria-labelledby="choices-heading">
                <h2 id="choices-heading">"Your move"</h2>
                <ol class="choices-list">{buttons}</ol>
                <p class="muted hint">"Number keys 1\u{2013}9 pick a choice."</p>
            </section>
        })
    };
    let notes_form = move || {
        (result.get().is_none()).then(|| {
            view! {
                <form class="ticket-notes" on:submit=submit>
                    <h2>"Ticket"</h2>
                    <div class="field wide">
                        <label for="ticket-notes">"Ticket notes: symptoms, steps taken, result"</label>
                        <textarea id="ticket-notes" rows="5" prop:value=move || notes.get()
                            on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                    </div>
                    <Show when=move || escalated.get()>
                        <div class="field wide">
                            <label for="handoff-notes">"Hand-off for Tier 2: what was tried, the impact, what they need to do next"</label>
                            <textarea id="handoff-notes" rows="4" prop:value=move || handoff.get()
                                on:input=move |ev| handoff.set(event_target_value(&ev))></textarea>
                        </div>
                    </Show>
                    <Show when=move || over.get() fallback=|| view! { <p class="muted">"You can write notes during the conversation. Submit them once it ends."</p> }>
                        <button type="submit">"Submit ticket and see the debrief"</button>
                    </Show>
                </form>
            }
        })
    };
    let debrief_view = move || {
        let d = result.get()?;
        let p = play.get()?;
        Some(
            view! { <DebriefView scenario=s play=p debrief=d notes=notes.get_untracked() handoff=handoff.get_untracked()/> },
        )
    };
    let (name, role, department) = persona.unwrap_or_default();
    let heading = if on_done.is_some() {
        view! { <h2>{format!("Role-play: {}", scenario.title)}</h2> }.into_any()
    } else {
        view! { <h1>{scenario.title.clone()}</h1> }.into_any()
    };
    view! {
        {heading}
        <section class="ticket-card" aria-label="Ticket">
            <p><strong>{ticket.subject.clone()}</strong></p>
            <p class="muted">{format!("{name} \u{b7} {role}, {department} \u{b7} priority {} \u{b7} SLA {} minutes \u{b7} via {}", ticket.priority.label(), ticket.sla_minutes, ticket.channel.label())}</p>
            <blockquote>{ticket.report.clone()}</blockquote>
        </section>
        {status}
        <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        <Conversation scenario=s play=play.into()/>
        {choices}
        {notes_form}
        {debrief_view}
    }
}

lazy_page!(ScenarioPlayRoute, ScenarioPage);
