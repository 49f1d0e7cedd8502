use firstline_core::content::scenario::{ChoiceKind, Outcome, Scenario};
use firstline_core::scenario::debrief::Debrief;
use firstline_core::scenario::draft::draft_name;
use firstline_core::scenario::graph::choice;
use firstline_core::scenario::play::{Play, PlayMode};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::choices::{shown_at, ChoiceList};
use super::conversation::Conversation;
use super::drafting::{self, Drafting, Kept};
use super::hint::HintButton;
use super::keeper::Keeper;
use super::notes_form::NotesForm;
use super::scoring::{self, Shown};
use super::ticket::TicketCard;
use super::tools::ToolsPanel;
use crate::adapters::dom::{focus_id, set_title};
use crate::components::on_demand::OnDemand;
use crate::components::resuming::resuming;
use crate::components::shortcuts::{use_shortcuts, Shortcut};
use crate::state::content::use_content_with;
use firstline_core::content::manifest::Need;

/// Plays one scenario: `/scenarios/:id?seed=N` (the seed picks the caller
/// and their mood, so a link replays the same call); `&mode=practice`
/// makes it a practice play, whose choices can be taken back and which
/// progress does not count.
#[component]
pub fn ScenarioPage() -> impl IntoView {
    set_title("Scenario");
    let params = use_params_map();
    let query = use_query_map();
    let content = use_content_with(move || {
        vec![Need::Scenario(
            params.with(|p| p.get("id")).unwrap_or_default(),
        )]
    });
    let page = move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let seed = query
            .with(|q| q.get("seed"))
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(1);
        let mode = PlayMode::from_query(query.with(|q| q.get("mode")).as_deref());
        let report = content.get();
        match report.as_ref().map(|r| r.library.scenario(&id).cloned()) {
            None => view! { <p>"Loading the scenario\u{2026}"</p> }.into_any(),
            Some(None) => view! {
                <h1>"Scenario not found"</h1>
                <p>{format!("There is no scenario called \u{201c}{id}\u{201d}. It may have been renamed.")}</p>
                <p><a href="/scenarios">"See all scenarios"</a></p>
            }
            .into_any(),
            Some(Some(s)) => view! { <Player scenario=s seed=seed mode=mode/> }.into_any(),
        }
    };
    view! { {page} }
}

/// The conversation, the ticket and its notes, then the debrief. A mock
/// interview passes `on_done` to receive the overall score.
#[component]
pub fn Player(
    scenario: Scenario,
    seed: u64,
    /// Assessed unless given: a mock interview's role-play always counts.
    #[prop(optional)]
    mode: PlayMode,
    #[prop(optional)] on_done: Option<Callback<u32>>,
    /// An instructor's own file (the Author page's preview): the play is
    /// never recorded in progress, and its draft is kept apart from the
    /// bundled scenario of the same id.
    #[prop(optional)]
    own: bool,
) -> impl IntoView {
    if on_done.is_none() {
        set_title(&scenario.title);
    }
    let draft_id = if own {
        format!("own:{}", scenario.id)
    } else {
        scenario.id.clone()
    };
    let name = StoredValue::new(draft_name(&draft_id, seed, mode));
    let s = StoredValue::new(scenario);
    let code = OnDemand::new(drafting::load);
    // A device that keeps no unfinished plays (a first visit's) has none
    // to resume, and the code that keeps them comes with the first move.
    // Otherwise an unfinished play of this call (same scenario, same seed)
    // resumes after a reload: its choices are replayed, its ticket
    // restored.
    resuming(
        code,
        None,
        move |c: Drafting| {
            let drafts = (c.open)();
            let start =
                s.with_value(|s| name.with_value(|name| (c.resume)(drafts, name, s, seed, mode)));
            (drafts, start)
        },
        "Loading your call\u{2026}",
        RESUME_FAILED,
        move |drafts, start| {
            let keeper = Keeper::new(name.get_value(), code, drafts);
            let scenario = s.get_value();
            view! {
                <PlayerBody
                    scenario=scenario
                    seed=seed
                    mode=mode
                    on_done=on_done
                    own=own
                    keeper=keeper
                    start=start
                />
            }
        },
    )
}

const RESUME_FAILED: &str =
    "Could not download the code that resumes your call. Check your connection, then try again.";

/// A play from its start (`start`: a resumed one, or a fresh call).
#[component]
fn PlayerBody(
    scenario: Scenario,
    seed: u64,
    mode: PlayMode,
    on_done: Option<Callback<u32>>,
    own: bool,
    keeper: Keeper,
    start: Option<Kept>,
) -> impl IntoView {
    // Recording a result reads the learner's results: the scorer does
    // that under this owner, which holds the app's context.
    let owner = Owner::current();
    let s = StoredValue::new(scenario.clone());
    let resumed = RwSignal::new(start.is_some());
    let start = start.unwrap_or_else(|| Kept {
        play: Play::start(&scenario, seed).in_mode(mode),
        notes: String::new(),
        handoff: String::new(),
        impact: None,
        urgency: None,
    });
    let play = RwSignal::new(Some(start.play));
    let notes = RwSignal::new(start.notes);
    let handoff = RwSignal::new(start.handoff);
    let impact = RwSignal::new(start.impact);
    let urgency = RwSignal::new(start.urgency);
    let result = RwSignal::new(None::<Debrief>);
    let ticket_now = move || {
        Some(Kept {
            play: play.get()?,
            notes: notes.get(),
            handoff: handoff.get(),
            impact: impact.get(),
            urgency: urgency.get(),
        })
    };
    // Each change is kept (opening the page changes nothing).
    Effect::new(move |opened: Option<()>| {
        if result.with(Option::is_some) {
            return;
        }
        let Some(kept) = ticket_now() else { return };
        if opened.is_some() {
            keeper.keep(kept);
        }
    });
    let start_over = move |_| {
        play.set(Some(s.with_value(|s| Play::start(s, seed).in_mode(mode))));
        notes.set(String::new());
        handoff.set(String::new());
        impact.set(None);
        urgency.set(None);
        resumed.set(false);
    };
    let announce = RwSignal::new(String::new());
    let over = Signal::derive(move || play.with(|p| p.as_ref().is_some_and(Play::is_over)));
    let escalated = Signal::derive(move || {
        play.with(|p| {
            p.as_ref().is_some_and(|p| {
                s.with_value(|s| {
                    p.ending(s).is_some_and(|e| e.outcome == Outcome::Escalated)
                        || p.turns.iter().any(|t| {
                            choice(s, &t.node, &t.choice)
                                .is_some_and(|c| c.kind == ChoiceKind::Escalate)
                        })
                })
            })
        })
    });

    let choose = Callback::new(move |id: String| {
        let before = play.with_untracked(|p| p.as_ref().map(|p| p.mood()));
        play.update(|p| {
            if let Some(p) = p.as_mut() {
                s.with_value(|s| {
                    // A choice no longer on offer (a double click) is ignored.
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
            announce.set("The conversation has ended. Check the priority, finish the ticket notes, then submit them for your debrief.".into());
        } else if after != before {
            if let Some(mood) = after {
                announce.set(format!("{name} sounds {} now.", mood.label()));
            }
        }
    });
    // Practice only: the play is rebuilt without its last choice (the
    // ending too), and the trainee hears what happened.
    let undo = move |_| {
        let result = play
            .try_update(|p| p.as_mut().map(|p| s.with_value(|s| p.undo(s))))
            .flatten();
        let line = match result {
            Some(Ok(())) => {
                let last = play.with_untracked(|p| {
                    p.as_ref()
                        .map(|p| s.with_value(|s| p.user_line(s)))
                        .unwrap_or_default()
                });
                format!("Took back your last choice. The user is saying: {last}")
            }
            Some(Err(e)) => format!("Nothing taken back: {e}."),
            None => String::new(),
        };
        announce.set(line);
    };
    use_shortcuts(move |key| match key {
        Shortcut::Number(n) if !over.get_untracked() => {
            let id = play
                .with_untracked(|p| p.as_ref().and_then(|p| s.with_value(|s| shown_at(s, p, n))));
            match id {
                Some(id) => {
                    choose.run(id);
                    true
                }
                None => false,
            }
        }
        _ => false,
    });

    // The scoring code: fetched quietly once the learner makes a move (a
    // failure is reported if it still fails on submit), and on submit.
    let scorer = OnDemand::new(scoring::load);
    let submitting = RwSignal::new(false);
    Effect::new(move |first: Option<()>| {
        play.track();
        notes.track();
        if first.is_some() {
            scorer.prefetch();
        }
    });
    let submit = Callback::new(move |()| {
        let Some(mut p) = play.get_untracked() else {
            return;
        };
        if let (Some(i), Some(u)) = (impact.get_untracked(), urgency.get_untracked()) {
            p.set_priority(i, u);
        }
        // Save before scoring: the play, its priority and the notes as
        // submitted are in storage before the debrief runs, so if scoring
        // fails or the tab is closed meanwhile, a reload resumes the call
        // with the learner's work instead of losing it.
        keeper.keep(Kept {
            play: p.clone(),
            notes: notes.get_untracked(),
            handoff: handoff.get_untracked(),
            impact: impact.get_untracked(),
            urgency: urgency.get_untracked(),
        });
        if submitting.get_untracked() {
            return;
        }
        submitting.set(true);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            keeper.settle().await;
            let scorer = scorer.get().await;
            submitting.set(false);
            let Some(scorer) = scorer else { return };
            let d = s.with_value(|s| {
                (scorer.score)(s, &p, &notes.get_untracked(), &handoff.get_untracked())
            });
            if !own {
                if let Some(owner) = &owner {
                    owner.with(|| (scorer.record)(&p, &d));
                }
            }
            keeper.finish();
            if let Some(done) = on_done {
                done.run(d.overall);
            }
            play.set(Some(p));
            result.set(Some(d));
            // The debrief replaces the form the focus was on: move focus
            // (and a screen reader) to its heading once it is drawn.
            request_animation_frame(|| focus_id("debrief-heading"));
        });
    });

    let ticket = scenario.ticket.clone();
    let caller = play.with_untracked(|p| {
        p.as_ref()
            .map(|p| format!("{} \u{b7} {}, {}", p.name, p.role, p.department))
            .unwrap_or_default()
    });
    let patience = scenario.persona.patience;
    let deadline = scenario.ticket.deadline_minutes;
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
                <p><strong>"Clock: "</strong>{format!("{} of the {deadline} minutes before the user's deadline", p.minutes)}</p>
            </div>
        })
    };
    let debrief_view = move || {
        let d = result.get()?;
        let p = play.get()?;
        let scorer = scorer.loaded()?;
        // A resolved ticket can be written up for the knowledge base, when
        // the scenario says what an article on it states.
        let article = (d.outcome == Outcome::Resolved && on_done.is_none() && !own)
            .then(|| s.with_value(|s| s.article.clone().map(|r| (r, s.id.clone()))))
            .flatten();
        Some((scorer.show)(Shown {
            scenario: s,
            play: p,
            debrief: d,
            notes: notes.get_untracked(),
            handoff: handoff.get_untracked(),
            article,
        }))
    };
    let scoring_note = move || {
        if submitting.get() {
            Some(view! { <p role="status">"Scoring your call\u{2026}"</p> }.into_any())
        } else {
            // Submitting saves the ticket first, with code of its own:
            // say whether that could be done.
            let message = match (scorer.failed(), keeper.failed()) {
                (false, _) => return None,
                (true, false) => "Could not download the code that scores your call. Your ticket is saved: check your connection, then submit it again.",
                (true, true) => "Could not download the code that saves and scores your call. Your ticket is still on this page: check your connection, then submit it again.",
            };
            Some(view! { <p class="notice warning" role="alert">{message}</p> }.into_any())
        }
    };
    // Say which kind of play this is before the first choice, and offer
    // the other kind (a mock interview's role-play is always assessed).
    let scenario_id = scenario.id.clone();
    let mode_note = (on_done.is_none() && !own).then(move || match mode {
        PlayMode::Practice => view! {
            <p class="notice info">
                "Practice play: you can take back a choice, and it is not counted in your progress. "
                <a href=format!("/scenarios/{scenario_id}?seed={seed}")>"Play this call for the record instead"</a>
            </p>
        }
        .into_any(),
        PlayMode::Assessed => view! {
            <p class="muted">
                "This play counts in your progress: every choice stands. "
                <a href=format!("/scenarios/{scenario_id}?seed={seed}&mode=practice")>"Practise this call first"</a>
                " (choices can be taken back; not counted)."
            </p>
        }
        .into_any(),
    });
    let heading = if on_done.is_some() {
        view! { <h2>{format!("Role-play: {}", scenario.title)}</h2> }.into_any()
    } else {
        view! { <h1>{scenario.title.clone()}</h1> }.into_any()
    };
    view! {
        {heading}
        <Show when=move || resumed.get() && result.with(Option::is_none)>
            <div class="notice info" role="status">
                <p>"You were part way through this call, so it carries on where you left off."</p>
                <button type="button" class="secondary" on:click=start_over>"Start this call again"</button>
            </div>
        </Show>
        {mode_note}
        <TicketCard ticket=ticket caller=caller impact=impact urgency=urgency/>
        {status}
        <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        <Conversation scenario=s play=play.into()/>
        <ToolsPanel scenario=s play=play announce=announce/>
        <Show when=move || !over.get()>
            <ChoiceList scenario=s play=play.into() on_choose=choose/>
        </Show>
        // Practice only: an assessed play has no hint and no undo.
        <Show when=move || mode == PlayMode::Practice && !over.get()>
            <HintButton scenario=s play=play/>
        </Show>
        <Show when=move || mode == PlayMode::Practice && result.with(Option::is_none)>
            <p>
                <button type="button" class="secondary" on:click=undo>"Take back my last choice"</button>
            </p>
        </Show>
        <Show when=move || result.with(Option::is_none)>
            <NotesForm notes=notes handoff=handoff escalated=escalated over=over on_submit=submit/>
            {scoring_note}
        </Show>
        {debrief_view}
    }
}

area_page!(ScenarioPlayRoute, ScenarioPage, scenarios, "Scenario");
