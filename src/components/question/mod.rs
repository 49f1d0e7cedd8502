//! One question of any type: prompt, exhibit and the inputs for each task,
//! and, once revealed, the feedback on every option. Keyboard-operable
//! throughout; no drag and drop.

mod check_form;
mod choice;
mod fill;
mod matching;
mod ordering;
mod sim;

use firstline_core::content::question::{Body, Question, Task};
use firstline_core::quiz::answer::{Answer, Response};
use firstline_core::quiz::present::Presentation;
use firstline_core::quiz::score::{percent, score_question};
use leptos::prelude::*;

pub use check_form::CheckForm;
pub use choice::pick_by_number;

/// A PBQ item's prompt and explanation.
type ItemText = (String, Option<String>);

/// Shared by the task inputs: the response being built and whether the
/// feedback is showing.
#[derive(Clone, Copy)]
pub struct TaskCtx {
    pub response: RwSignal<Response>,
    pub reveal: Signal<bool>,
    pub index: usize,
    /// Unique per question on the page, for element ids.
    pub key: StoredValue<String>,
}

impl TaskCtx {
    pub fn answer(&self) -> Option<Answer> {
        self.response.with(|r| r.get(self.index).cloned().flatten())
    }

    pub fn set(&self, answer: Option<Answer>) {
        let index = self.index;
        self.response.update(|r| {
            if r.len() <= index {
                r.resize(index + 1, None);
            }
            r[index] = answer;
        });
    }

    pub fn id(&self, suffix: &str) -> String {
        format!("{}-t{}-{suffix}", self.key.get_value(), self.index)
    }
}

#[component]
pub fn QuestionView(
    question: Question,
    presentation: Presentation,
    response: RwSignal<Response>,
    #[prop(into)] reveal: Signal<bool>,
    /// Show domain, objective and difficulty (practice); hidden in exams.
    #[prop(optional)]
    show_meta: bool,
) -> impl IntoView {
    let key = StoredValue::new(format!("q-{}", question.id));
    let prompt_id = format!("{}-prompt", key.get_value());
    let labelled_by = prompt_id.clone();
    let meta = show_meta.then(|| {
        format!(
            "{} · objective {} · {} · {}",
            question.exam,
            question.objective,
            question.kind().label(),
            question.difficulty.label()
        )
    });
    let exhibit = question.exhibit.clone().map(|text| {
        view! {
            <figure class="exhibit">
                <figcaption>"Exhibit"</figcaption>
                <pre tabindex="0" aria-label="Exhibit">{text}</pre>
            </figure>
        }
    });
    let tasks: Vec<(Option<ItemText>, Task)> = match &question.body {
        Body::Task(task) => vec![(None, task.clone())],
        Body::Pbq(items) => items
            .iter()
            .map(|i| {
                (
                    Some((i.prompt.clone(), i.explanation.clone())),
                    i.task.clone(),
                )
            })
            .collect(),
        Body::Sim { task, items } => std::iter::once((None, task.clone()))
            .chain(items.iter().map(|i| {
                (
                    Some((i.prompt.clone(), i.explanation.clone())),
                    i.task.clone(),
                )
            }))
            .collect(),
    };
    // A sim comes first and is not numbered; its items count from 1.
    let skip = usize::from(matches!(question.body, Body::Sim { .. }));
    let count = tasks.len().saturating_sub(skip);
    let inputs = tasks
        .into_iter()
        .enumerate()
        .map(|(index, (item_prompt, task))| {
            let ctx = TaskCtx { response, reveal, index, key };
            let order = presentation.tasks.get(index).cloned().unwrap_or_default();
            let input = task_input(task, order, ctx);
            match item_prompt {
                Some((p, explanation)) => view! {
                    <section class="pbq-item" aria-label=format!("Item {} of {count}", index + 1 - skip)>
                        <h3>{format!("Item {} of {count}", index + 1 - skip)}</h3>
                        <p class="item-prompt">{p}</p>
                        {input}
                        {move || reveal.get().then(|| explanation.clone().map(|e| view! { <p class="why">{e}</p> }))}
                    </section>
                }
                .into_any(),
                None => input,
            }
        })
        .collect_view();
    let q = StoredValue::new(question.clone());
    // When the answer is checked, the feedback is where the learner looks
    // next (and the inputs just went disabled, which would drop focus to
    // the page): move focus there. Not on a page that opens revealed.
    let feedback = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |before: Option<bool>| {
        let now = reveal.get();
        if now && before == Some(false) {
            request_animation_frame(move || {
                if let Some(el) = feedback.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
        now
    });
    let verdict = move || {
        reveal.get().then(|| {
            let scored = response.with(|r| score_question(&q.read_value(), r));
            let (class, text) = if scored.correct() {
                ("verdict right", "Correct.".to_string())
            } else if scored.score > 0.0 {
                (
                    "verdict partial",
                    format!("Partly correct: {}% of the marks.", percent(scored.score)),
                )
            } else {
                ("verdict wrong", "Not quite.".to_string())
            };
            view! {
                <div class="feedback" tabindex="-1" node_ref=feedback>
                    <p class=class>{text}</p>
                    <p>{q.read_value().explanation.clone()}</p>
                </div>
            }
        })
    };
    view! {
        <article class="question" aria-labelledby=labelled_by>
            {meta.map(|m| view! { <p class="muted meta">{m}</p> })}
            <h2 id=prompt_id class="prompt">{question.prompt.clone()}</h2>
            {exhibit}
            {inputs}
            <div role="status" aria-live="polite">{verdict}</div>
        </article>
    }
}

fn task_input(task: Task, order: Vec<usize>, ctx: TaskCtx) -> AnyView {
    match task {
        Task::Single { options, answer } => choice::ChoiceTask(choice::ChoiceTaskProps {
            options,
            answers: vec![answer],
            multiple: false,
            order,
            ctx,
        })
        .into_any(),
        Task::Multiple { options, answers } => choice::ChoiceTask(choice::ChoiceTaskProps {
            options,
            answers,
            multiple: true,
            order,
            ctx,
        })
        .into_any(),
        Task::Ordering { steps } => {
            ordering::OrderingTask(ordering::OrderingTaskProps { steps, order, ctx }).into_any()
        }
        Task::Matching { .. } => {
            matching::MatchingTask(matching::MatchingTaskProps { task, order, ctx }).into_any()
        }
        Task::Fill { accept } => fill::FillTask(fill::FillTaskProps { accept, ctx }).into_any(),
        Task::Sim(sim) => sim::lazy::LazySim(sim::lazy::LazySimProps { sim: *sim, ctx }).into_any(),
    }
}
