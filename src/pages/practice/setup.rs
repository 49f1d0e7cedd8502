use firstline_core::content::exam::Exam;
use firstline_core::quiz::draw::PracticeFilter;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::draw::{draw_href, MAX_COUNT};
use super::{list_param, PracticeTabs};
use crate::adapters::clock::now_ms;
use crate::adapters::dom::set_title;
use crate::components::generated_problem::GeneratedProblem;
use crate::components::number_field::NumberField;
use crate::state::content::use_question_catalog;

/// Choose an exam, domains or objectives and a count, then practise with
/// immediate feedback. `?exam=…&objectives=…` pre-fills the form.
#[component]
pub fn PracticeSetup() -> impl IntoView {
    set_title("Practice");
    // The blueprints and a tag per question come in the catalog: the setup
    // counts without downloading or reading the bank. The session draws
    // (it reads the answer history, to prefer questions not yet answered)
    // and fetches only the chosen exam's questions.
    let catalog = use_question_catalog();
    let query = use_query_map();
    let navigate = use_navigate();

    let exam = RwSignal::new(query.with_untracked(|q| q.get("exam")).unwrap_or_default());
    let domains = RwSignal::new(query.with_untracked(|q| list_param(q, "domains")));
    let objectives = RwSignal::new(query.with_untracked(|q| list_param(q, "objectives")));
    let count = RwSignal::new(10usize);
    let message = RwSignal::new(String::new());

    let ready = move || matches!(catalog.get(), Some(Ok(_)));
    let exams = move || match catalog.get() {
        Some(Ok(c)) => c.exams.clone(),
        _ => Vec::new(),
    };
    let chosen_exam = move || exams().into_iter().find(|e: &Exam| e.id == exam.get());
    let filter = move || PracticeFilter {
        exam: Some(exam.get()).filter(|e| !e.is_empty()),
        domains: domains.get(),
        objectives: objectives.get(),
    };
    let available = move || {
        let f = filter();
        match catalog.get() {
            Some(Ok(c)) => c.questions.iter().filter(|t| f.accepts(*t)).count(),
            _ => 0,
        }
    };

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready() {
            return;
        }
        if available() == 0 {
            message
                .set("No questions match this choice. Choose more domains or objectives.".into());
            return;
        }
        let count = count.get_untracked().clamp(1, MAX_COUNT);
        navigate(&draw_href(&filter(), count, now_ms()), Default::default());
    };

    let toggle = |list: RwSignal<Vec<String>>, id: String| {
        list.update(|l| {
            if let Some(at) = l.iter().position(|x| *x == id) {
                l.remove(at);
            } else {
                l.push(id);
            }
        })
    };

    let domain_boxes = move || {
        chosen_exam().map(|e: Exam| {
            let boxes = e
                .domains
                .iter()
                .map(|d| {
                    let id = d.id.clone();
                    let input_id = format!("domain-{}", d.id);
                    let checked = {
                        let id = id.clone();
                        move || domains.with(|l| l.contains(&id))
                    };
                    view! {
                        <div class="option">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=move |_| toggle(domains, id.clone())/>
                            <label for=input_id>{format!("{} {} ({}%)", d.id, d.name, d.weight)}</label>
                        </div>
                    }
                })
                .collect_view();
            let objective_boxes = e
                .domains
                .iter()
                .flat_map(|d| d.objectives.iter())
                .map(|o| {
                    let id = o.id.clone();
                    let input_id = format!("objective-{}", o.id);
                    let checked = {
                        let id = id.clone();
                        move || objectives.with(|l| l.contains(&id))
                    };
                    view! {
                        <div class="option">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=move |_| toggle(objectives, id.clone())/>
                            <label for=input_id>{format!("{} {}", o.id, o.title)}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>"Domains (none ticked means all)"</legend>
                    {boxes}
                </fieldset>
                <details class="objectives" open=!objectives.get_untracked().is_empty()>
                    <summary>"Objectives (optional)"</summary>
                    <fieldset>
                        <legend>"Objectives (none ticked means all)"</legend>
                        {objective_boxes}
                    </fieldset>
                </details>
            }
        })
    };

    view! {
        <h1>"Certification practice"</h1>
        <PracticeTabs/>
        <p>"Practise at your own pace: every answer is explained option by option, and missed questions join your review queue."</p>
        <GeneratedProblem problem=Signal::derive(move || catalog.get()?.err())/>
        <form class="setup" on:submit=start>
            <div class="field">
                <label for="exam-select">"Exam"</label>
                <select id="exam-select" on:change=move |ev| {
                    exam.set(event_target_value(&ev));
                    domains.set(Vec::new());
                    objectives.set(Vec::new());
                }>
                    <option value="" prop:selected=move || exam.get().is_empty()>"All exams"</option>
                    {move || exams().into_iter().map(|e| {
                        let id = e.id.clone();
                        view! { <option value=e.id.clone() prop:selected=move || exam.get() == id>{e.label()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {domain_boxes}
            <NumberField id="count" label="Number of questions" min=1 max=50 value=count fallback=10/>
            <p class="muted">{move || format!("{} questions match.", available())}</p>
            <button type="submit" disabled=move || !ready()>
                {move || match catalog.get() {
                    Some(Ok(_)) => "Start practice",
                    // The alert above says why and offers Try again.
                    Some(Err(_)) => "Start practice (questions not loaded)",
                    None => "Loading the questions\u{2026}",
                }}
            </button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}

area_page!(
    PracticeRoute,
    PracticeSetup,
    practice_setup,
    "Certification practice"
);
