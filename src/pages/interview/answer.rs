use firstline_core::content::interview::{Competency, InterviewKind, InterviewQuestion};
use firstline_core::interview::score::Feedback;
use firstline_core::interview::words::word_count;
use firstline_core::interview::{Part, StarAnswer};
use firstline_core::progress::{InterviewAttempt, Story};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::editor::{DictateButton, Spoken, StarEditor};
use super::grading::{self, Grader, Shown};
use super::home::capitalise;
use super::timer::AnswerTimer;
use super::InterviewTabs;
use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::adapters::speech::{can_dictate, can_speak, speak};
use crate::components::on_demand::OnDemand;
use crate::state::content::{interview_needs, use_content_with, use_interview_catalog};
use crate::state::progress::use_interview_log;

/// What a finished answer gives back (to a mock interview).
#[derive(Clone)]
pub struct Answered {
    pub score: u32,
    pub improvements: Vec<String>,
    pub answer: String,
    pub seconds: u32,
}

/// `/interview/q/:id`: answer one question and get feedback.
#[component]
pub fn AnswerPage() -> impl IntoView {
    set_title("Interview question");
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    // Only the file holding the question, as the catalog says; every
    // interview file if the catalog cannot be had or does not know it.
    let catalog = use_interview_catalog();
    let content = use_content_with(move || interview_needs(catalog.get(), &[id().as_str()]));
    move || {
        let id = id();
        // Until the catalog is in, the file needed is not known yet.
        catalog.with(Option::is_some).then_some(())?;
        let report = content.get()?;
        let question = report.library.interview_question(&id).cloned();
        Some(match question {
            None => view! {
                <h1>"Question not found"</h1>
                <p>"There is no interview question at this address."</p>
                <p><a href="/interview">"See all questions"</a></p>
            }
            .into_any(),
            Some(q) => view! {
                <h1>"Interview practice"</h1>
                <InterviewTabs/>
                <QuestionPractice question=q/>
            }
            .into_any(),
        })
    }
}

/// One question: prompt (read aloud if wanted), tips, the editor, timer,
/// and feedback on request. In a mock interview `limit` sets the time and
/// `on_done` receives the result.
#[component]
pub fn QuestionPractice(
    question: InterviewQuestion,
    #[prop(optional)] limit: Option<u32>,
    #[prop(optional)] on_done: Option<Callback<Answered>>,
) -> impl IntoView {
    // Recording an answer reads the learner's interview log: the grading
    // chunk does that under this owner, which holds the app's context.
    let owner = StoredValue::new(Owner::current());
    let q = StoredValue::new(question.clone());
    let behavioural = question.kind == InterviewKind::Behavioural;
    let star = RwSignal::new(StarAnswer::default());
    let text = RwSignal::new(String::new());
    let spoken = RwSignal::new(Spoken::default());
    let running = RwSignal::new(limit.is_some());
    let seconds = RwSignal::new(0u32);
    let feedback = RwSignal::new(None::<Feedback>);
    // The grading code is fetched as the learner starts to answer, so it
    // is there by the time they ask for feedback.
    let grader = OnDemand::new(grading::load);

    let finish = move |g: Grader| {
        let f =
            q.with_value(|q| star.with_untracked(|s| text.with_untracked(|t| (g.grade)(q, s, t))));
        running.set(false);
        let s = spoken.get_untracked();
        let spoken_stats = (s.seconds >= 5.0).then(|| (g.speech)(&s.text, s.seconds));
        let attempt = InterviewAttempt {
            question: q.with_value(|q| q.id.clone()),
            score: f.score,
            words: f.words,
            spoken: spoken_stats,
            at: now_ms(),
            criteria: f
                .criteria
                .iter()
                .map(|c| (c.id, (c.score.clamp(0.0, 1.0) * 100.0).round() as u32))
                .collect(),
        };
        owner.with_value(|owner| {
            if let Some(owner) = owner {
                owner.with(|| (g.record)(attempt));
            }
        });
        if let Some(done) = on_done {
            let answer = if behavioural {
                star.with_untracked(|a| {
                    Part::STAR
                        .iter()
                        .map(|p| format!("{}: {}", p.label(), a.part(*p)))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
            } else {
                text.get_untracked()
            };
            done.run(Answered {
                score: f.score,
                improvements: f.improvements.clone(),
                answer,
                seconds: seconds.get_untracked(),
            });
        }
        feedback.set(Some(f));
    };
    let waiting = RwSignal::new(false);
    let get_feedback = move |_| {
        // One attempt per answer: a second click while scoring is ignored.
        if waiting.get_untracked() {
            return;
        }
        waiting.set(true);
        leptos::task::spawn_local(async move {
            if let Some(g) = grader.get().await {
                finish(g);
            }
            waiting.set(false);
        })
    };

    let label = question
        .competency
        .map(|c| format!("Behavioural \u{b7} {}", c.label()))
        .or_else(|| {
            question
                .topic
                .map(|t| format!("Technical \u{b7} {}", t.label()))
        })
        .unwrap_or_default();
    let tips = question
        .tips
        .iter()
        .map(|t| view! { <li>{t.clone()}</li> })
        .collect_view();
    let prompt = question.prompt.clone();
    let read_aloud = can_speak().then(|| {
        let prompt = prompt.clone();
        view! { <button type="button" class="secondary small" on:click=move |_| speak(&prompt)>"Read the question aloud"</button> }
    });
    let voice_note = (!can_dictate()).then(|| {
        view! { <p class="muted hint">"Voice input is not available in this browser, so type your answer. (Dictation works in Chrome and Edge.)"</p> }
    });
    let editor = if behavioural {
        view! { <StarEditor answer=star spoken=spoken key=question.id.clone()/> }.into_any()
    } else {
        let id = format!("tech-{}", question.id);
        view! {
            <div class="field wide">
                <label for=id.clone()>"Your answer"</label>
                <textarea id=id rows="8" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <p class="muted hint">{move || format!("{} words", word_count(&text.get()))}" "
                    <DictateButton label="answer".to_string() spoken=spoken on_text=Callback::new(move |t: String| text.update(|x| { if !x.is_empty() { x.push(' '); } x.push_str(&t); }))/>
                </p>
            </div>
        }
        .into_any()
    };
    let has_answer = move || {
        if behavioural {
            !star.with(StarAnswer::is_empty)
        } else {
            !text.with(|t| t.trim().is_empty())
        }
    };
    Effect::new(move || {
        if has_answer() {
            grader.prefetch();
        }
    });
    let result = move || {
        let f = feedback.get()?;
        let g = grader.loaded()?;
        let parts: Vec<(Part, String)> = if behavioural {
            star.with(|a| {
                Part::STAR
                    .iter()
                    .map(|p| (*p, a.part(*p).to_owned()))
                    .collect()
            })
        } else {
            vec![(Part::Answer, text.get())]
        };
        let story = (behavioural && on_done.is_none())
            .then(|| (star.get_untracked(), q.with_value(|q| q.competency)));
        Some((g.show)(Shown {
            feedback: f,
            parts,
            spoken: spoken.get_untracked(),
            question: q.get_value(),
            story,
        }))
    };
    let unavailable = move || {
        if waiting.get() {
            Some(view! { <p role="status">"Scoring your answer\u{2026}"</p> }.into_any())
        } else {
            grader.failed().then(|| view! {
                <p class="notice warning" role="alert">"Could not download the code that scores answers. Check your connection, then ask for feedback again."</p>
            }.into_any())
        }
    };
    view! {
        <article class="interview-question" aria-labelledby="iq-prompt">
            <p class="muted">{label}</p>
            <h2 id="iq-prompt">{prompt}</h2>
            {read_aloud}
            <details class="tips">
                <summary>"Tips"</summary>
                <ul>{tips}</ul>
            </details>
            <AnswerTimer running=running seconds=seconds limit=limit.unwrap_or(0)/>
            {voice_note}
            {editor}
            <div class="actions">
                <button type="button" disabled=move || !has_answer() on:click=get_feedback>
                    {if on_done.is_some() { "Finish this answer" } else { "Get feedback" }}
                </button>
            </div>
            {unavailable}
            {result}
        </article>
    }
}

/// Saves the answer to the story bank, tagged by competency.
#[component]
pub(super) fn SaveStory(answer: StarAnswer, competency: Option<Competency>) -> impl IntoView {
    let log = use_interview_log();
    let title = RwSignal::new(String::new());
    let tags = RwSignal::new(competency.into_iter().collect::<Vec<_>>());
    let saved = RwSignal::new(false);
    let answer = StoredValue::new(answer);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = title.get_untracked().trim().to_owned();
        if name.is_empty() || tags.with_untracked(Vec::is_empty) {
            return;
        }
        let now = now_ms();
        log.update(|l| {
            l.stories.push(Story {
                id: format!("story-{now}"),
                title: name,
                competencies: tags.get_untracked(),
                answer: answer.get_value(),
                updated_at: now,
            })
        });
        saved.set(true);
    };
    let boxes = Competency::ALL
        .iter()
        .map(|&c| {
            let id = format!("tag-{}", c.slug());
            view! {
                <span class="pill">
                    <input type="checkbox" id=id.clone() prop:checked=move || tags.with(|t| t.contains(&c))
                        on:change=move |_| tags.update(|t| if let Some(i) = t.iter().position(|x| *x == c) { t.remove(i); } else { t.push(c); })/>
                    <label for=id>{capitalise(c.label())}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <form class="save-story" on:submit=save>
            <h3>"Keep this story"</h3>
            <p class="muted">"Strong candidates keep three to five stories ready and reuse them. Save this one to use again."</p>
            <div class="field">
                <label for="story-title">"Story title"</label>
                <input type="text" id="story-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            </div>
            <fieldset class="filters">
                <legend>"Competencies it shows"</legend>
                {boxes}
            </fieldset>
            <button type="submit" disabled=move || title.with(|t| t.trim().is_empty()) || tags.with(Vec::is_empty)>"Save to story bank"</button>
            <p role="status">{move || saved.get().then_some("Saved to your story bank.")}</p>
        </form>
    }
}

area_page!(AnswerRoute, AnswerPage, interview, "Interview practice");
