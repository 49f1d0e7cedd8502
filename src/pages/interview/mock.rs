use firstline_core::content::interview::InterviewKind;
use firstline_core::content::scenario::Scenario;
use firstline_core::interview::mock::{seconds_per_question, ActiveMock, MockInProgress, MockStep};
use firstline_core::progress::{MockItem, MockKind, MockRecord};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::answer::{Answered, QuestionPractice};
use super::InterviewTabs;
use crate::adapters::clock::{format_date, now_ms};
use crate::adapters::dom::set_title;
use crate::components::number_field::NumberField;
use crate::pages::scenarios::play::Player;
use crate::state::content::{
    interview_needs, use_content_with, use_interview_catalog, use_manifest,
};
use crate::state::progress::{page_document, use_interview_log};
use firstline_core::content::manifest::Need;

/// A mock interview: a configured run of behavioural and technical
/// questions and a role-play, each timed, ending in a report that is saved
/// and can be printed. A mock in progress is saved after each question
/// (`interview::mock`), so a reload resumes it.
#[component]
pub fn MockPage() -> impl IntoView {
    set_title("Mock interview");
    let manifest = use_manifest();
    let active = page_document::<ActiveMock>("mock interview in progress");
    let restored = active
        .get_untracked()
        .mock
        .and_then(MockInProgress::repaired);
    let resumed = RwSignal::new(restored.is_some());
    let mock = RwSignal::new(restored);
    Effect::new(move |_| {
        let mut saved = mock.get();
        let unchanged = active.read().with_untracked(|a| match (&a.mock, &saved) {
            (Some(old), Some(new)) => {
                MockInProgress {
                    saved_at: old.saved_at,
                    ..new.clone()
                } == *old
            }
            (None, None) => true,
            _ => false,
        });
        if unchanged {
            return;
        }
        if let Some(m) = saved.as_mut() {
            m.saved_at = now_ms();
        }
        active.update(|a| a.mock = saved);
    });
    let steps =
        Memo::new(move |_| mock.with(|m| m.as_ref().map(|m| m.steps.clone()).unwrap_or_default()));
    let index = Memo::new(move |_| mock.with(|m| m.as_ref().map_or(0, |m| m.index)));
    let done_current =
        Memo::new(move |_| mock.with(|m| m.as_ref().is_some_and(MockInProgress::current_done)));
    // Questions are drawn from the catalog; only the files holding a
    // mock's questions are read, once it has them (every interview file
    // if the catalog cannot be had).
    let catalog = use_interview_catalog();
    let content = use_content_with(move || {
        let ids: Vec<String> = steps.with(|s| {
            s.iter()
                .filter(|s| s.kind != MockKind::Roleplay)
                .map(|s| s.id.clone())
                .collect()
        });
        interview_needs(
            catalog.get(),
            &ids.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    });
    // The questions of a kind to draw from: the catalog's, else the
    // library's once read; `None` while neither is in.
    let pool = move |kind: InterviewKind| -> Option<Vec<String>> {
        let ids = match catalog.get_untracked()? {
            Ok(catalog) => catalog
                .interview
                .iter()
                .filter(|q| q.kind == kind)
                .map(|q| q.id.clone())
                .collect(),
            Err(_) => content
                .get_untracked()?
                .library
                .interview
                .iter()
                .filter(|q| q.kind == kind)
                .map(|q| q.id.clone())
                .collect(),
        };
        Some(ids)
    };
    let ready = move || match catalog.get() {
        Some(Ok(_)) => true,
        Some(Err(_)) => content.get().is_some(),
        None => false,
    };
    // The role-play's scenario, fetched once a mock picks one.
    let role_play_content = use_content_with(move || {
        steps.with(|s| {
            s.iter()
                .filter(|s| s.kind == MockKind::Roleplay)
                .map(|s| Need::Scenario(s.id.clone()))
                .collect()
        })
    });
    let log = use_interview_log();
    let navigate = use_navigate();
    let behavioural = RwSignal::new(3usize);
    let technical = RwSignal::new(3usize);
    let roleplay = RwSignal::new(true);
    let minutes = RwSignal::new(mock.with_untracked(|m| m.as_ref().map_or(2, |m| m.minutes)));

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(behavioural_ids), Some(technical_ids)) = (
            pool(InterviewKind::Behavioural),
            pool(InterviewKind::Technical),
        ) else {
            return;
        };
        let mut rng = fastrand::Rng::with_seed(now_ms());
        let mut pick = |mut ids: Vec<String>, n: usize, mock: MockKind| {
            rng.shuffle(&mut ids);
            ids.into_iter()
                .take(n)
                .map(|id| MockStep {
                    kind: mock,
                    id,
                    seed: 0,
                })
                .collect::<Vec<_>>()
        };
        let mut plan = pick(
            behavioural_ids,
            behavioural.get_untracked(),
            MockKind::Behavioural,
        );
        plan.extend(pick(
            technical_ids,
            technical.get_untracked(),
            MockKind::Technical,
        ));
        let scenarios: Vec<String> = match manifest.get_untracked() {
            Some(Ok(m)) => m.scenario_ids().into_iter().map(str::to_owned).collect(),
            _ => Vec::new(),
        };
        if roleplay.get_untracked() && !scenarios.is_empty() {
            let i = rng.usize(0..scenarios.len());
            plan.push(MockStep {
                kind: MockKind::Roleplay,
                id: scenarios[i].clone(),
                seed: rng.u64(0..1_000_000),
            });
        }
        if plan.is_empty() {
            return;
        }
        resumed.set(false);
        mock.set(Some(MockInProgress::new(
            plan,
            minutes.get_untracked(),
            now_ms(),
        )));
    };

    let record = move |item: MockItem| {
        mock.update(|m| {
            if let Some(m) = m.as_mut() {
                m.record(item);
            }
        });
    };
    let next = move |_: leptos::ev::MouseEvent| {
        let mut moved = false;
        mock.update(|m| moved = m.as_mut().is_some_and(MockInProgress::advance));
        if moved {
            resumed.set(false);
            return;
        }
        let Some(finished) = mock.get_untracked() else {
            return;
        };
        let record = MockRecord {
            at: now_ms(),
            items: finished.items,
        };
        let at = log.read().with_untracked(|l| l.mocks.len());
        log.update(|l| l.mocks.push(record));
        mock.set(None);
        navigate(&format!("/interview/report/{at}"), Default::default());
    };
    let next = StoredValue::new_local(next);

    let setup = move || {
        view! {
            <form class="setup" on:submit=start>
                <div class="row">
                    <NumberField id="mock-behavioural" label="Behavioural questions" min=0 max=6 value=behavioural fallback=3/>
                    <NumberField id="mock-technical" label="Technical questions" min=0 max=6 value=technical fallback=3/>
                    <NumberField id="mock-minutes" label="Minutes per question" min=1 max=10 value=minutes fallback=2/>
                </div>
                <div class="option">
                    <input type="checkbox" id="mock-roleplay" prop:checked=move || roleplay.get() on:change=move |_| roleplay.update(|r| *r = !*r)/>
                    <label for="mock-roleplay">"End with a role-play with a frustrated user"</label>
                </div>
                <button type="submit" disabled=move || !ready()>
                    {move || if ready() { "Start the mock interview" } else { "Loading the questions\u{2026}" }}
                </button>
            </form>
        }
    };

    let runner = move || {
        let step = steps.with(|s| s.get(index.get()).cloned())?;
        let total = steps.with(Vec::len);
        let header = format!("Question {} of {total}", index.get() + 1);
        // The field lets any number through: the core bounds it.
        let limit = seconds_per_question(minutes.get_untracked());
        // Untracked: answering now flips it, and must not redraw the answer.
        let body = if done_current.get_untracked() {
            view! { <p role="status">"Your answer to this question is saved. Go on when you are ready."</p> }.into_any()
        } else {
            match step.kind {
                MockKind::Roleplay => {
                    let scenario = role_play_content
                        .get()?
                        .library
                        .scenario(&step.id)
                        .cloned()?;
                    let title = scenario.title.clone();
                    let id = step.id.clone();
                    let done = Callback::new(move |score: u32| {
                        record(MockItem {
                            id: id.clone(),
                            prompt: format!("Role-play: {title}"),
                            kind: MockKind::Roleplay,
                            score: Some(score),
                            improvements: Vec::new(),
                            answer: String::new(),
                            seconds: 0,
                        })
                    });
                    let seed = step.seed;
                    view! {
                    <Suspense fallback=|| view! { <p role="status">"Loading the role-play\u{2026}"</p> }>
                        {Suspend::new(async move {
                            role_play(scenario, seed, done).await.unwrap_or_else(|_| view! {
                                <div class="notice warning" role="alert">
                                    <p>"The role-play could not be downloaded. Check your connection; you can go on to the report without it."</p>
                                </div>
                            }.into_any())
                        })}
                    </Suspense>
                }
                .into_any()
                }
                kind => {
                    let Some(report) = content.get() else {
                        return Some(
                            view! { <p role="status">"Loading the questions\u{2026}"</p> }
                                .into_any(),
                        );
                    };
                    let question = report.library.interview_question(&step.id).cloned()?;
                    let prompt = question.prompt.clone();
                    let id = step.id.clone();
                    let done = Callback::new(move |a: Answered| {
                        record(MockItem {
                            id: id.clone(),
                            prompt: prompt.clone(),
                            kind,
                            score: Some(a.score),
                            improvements: a.improvements,
                            answer: a.answer,
                            seconds: a.seconds,
                        })
                    });
                    view! { <QuestionPractice question=question limit=limit on_done=done/> }
                        .into_any()
                }
            }
        };
        Some(view! {
            <Show when=move || resumed.get()>
                <p class="notice info" role="status">"You were part way through this mock interview, so it carries on at the question you were on. Finished answers are kept."</p>
            </Show>
            <p class="muted">{header}</p>
            {body}
            <div class="actions">
                <button type="button" disabled=move || !done_current.get() on:click=move |ev| next.with_value(|f| f(ev))>
                    {move || if index.get() + 1 < steps.with(Vec::len) { "Next question" } else { "Finish and see the report" }}
                </button>
            </div>
        }.into_any())
    };
    let running = move || steps.with(|s| !s.is_empty());
    view! {
        <h1>"Mock interview"</h1>
        <InterviewTabs/>
        <p>"A run of questions as in a real help-desk interview, each timed. At the end you get a report to print or share with a coach; it is saved to your progress."</p>
        <Show when=running fallback=setup>
            {runner}
        </Show>
    }
}

/// The role-play step. Its code (the scenario player and debrief) is a
/// chunk of its own, fetched when a mock reaches this step, so starting a
/// mock interview does not download it.
#[leptos::wasm_split::wasm_split(scenarios, wasm_split_path = ::leptos::wasm_split, fallible)]
fn role_play(
    scenario: Scenario,
    seed: u64,
    on_done: Callback<u32>,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <Player scenario=scenario seed=seed on_done=on_done/> }.into_any())
}

/// A saved mock interview's report, ready to print.
#[component]
pub fn MockReport() -> impl IntoView {
    set_title("Mock interview report");
    let params = use_params_map();
    let log = use_interview_log().read();
    move || {
        let n = params
            .with(|p| p.get("n"))
            .and_then(|n| n.parse::<usize>().ok());
        let Some(record) = n.and_then(|n| log.with(|l| l.mocks.get(n).cloned())) else {
            return view! {
                <h1>"Mock interview report"</h1>
                <p>"There is no saved mock interview at this address."</p>
                <p><a href="/interview/mock">"Start a mock interview"</a></p>
            }
            .into_any();
        };
        let average = record
            .average()
            .map_or("no answers".to_string(), |a| format!("{a} / 100"));
        let items = record
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let kind = match item.kind {
                    MockKind::Behavioural => "Behavioural",
                    MockKind::Technical => "Technical",
                    MockKind::Roleplay => "Role-play",
                };
                let tips = item.improvements.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
                view! {
                    <li class="report-item">
                        <h2>{format!("{}. {}", i + 1, item.prompt)}</h2>
                        <p class="muted">{format!("{kind} \u{b7} score {}", item.score.map_or("not answered".to_string(), |s| format!("{s} / 100")))}</p>
                        {(!item.answer.is_empty()).then(|| view! { <p class="answer-text">{item.answer.clone()}</p> })}
                        {(!item.improvements.is_empty()).then(|| view! { <h3>"To improve"</h3><ul>{tips}</ul> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h1>"Mock interview report"</h1>
            <p>{format!("{} \u{b7} average {average}", format_date(record.at))}</p>
            <div class="actions no-print">
                <button type="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print this report"</button>
                <a class="button secondary-link" href="/interview/mock">"Another mock interview"</a>
            </div>
            <ol class="report" aria-label="Report">{items}</ol>
        }
        .into_any()
    }
}

area_page!(MockRoute, MockPage, mock, "Mock interview");
area_page!(ReportRoute, MockReport, mock, "Mock interview report");
