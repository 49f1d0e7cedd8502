use firstline_core::content::catalog::InterviewCard;
use firstline_core::content::interview::{Competency, InterviewKind};
use leptos::prelude::*;

use super::InterviewTabs;
use crate::adapters::dom::set_title;
use crate::components::generated_problem::GeneratedProblem;
use crate::state::content::use_interview_catalog;
use crate::state::progress::use_interview_bests;

/// Every interview question, behavioural by competency and technical by
/// topic, with the learner's best score on each. The list comes from the
/// catalog: a question's rubric is read when it is opened.
#[component]
pub fn InterviewHome() -> impl IntoView {
    set_title("Interview");
    let catalog = use_interview_catalog();
    let bests = use_interview_bests();
    let list = move || {
        let catalog = catalog.get()?.ok()?;
        let best = |id: &str| bests.with(|b| b.get(id).copied());
        let item = |q: &InterviewCard| {
            let score = best(&q.id).map_or(String::new(), |s| format!(" \u{2014} best {s}/100"));
            view! { <li><a href=format!("/interview/q/{}", q.id)>{q.prompt.clone()}</a><span class="muted">{score}</span></li> }
        };
        let questions: Vec<&InterviewCard> = catalog.interview.iter().collect();
        let behavioural = Competency::ALL
            .iter()
            .filter_map(|c| {
                let qs: Vec<&InterviewCard> = questions
                    .iter()
                    .copied()
                    .filter(|q| q.competency == Some(*c))
                    .collect();
                (!qs.is_empty()).then(|| {
                    view! {
                        <h3>{capitalise(c.label())}</h3>
                        <ul>{qs.into_iter().map(item).collect_view()}</ul>
                    }
                })
            })
            .collect_view();
        let mut topics: Vec<_> = questions.iter().filter_map(|q| q.topic).collect();
        firstline_core::sort::natural(&mut topics);
        topics.dedup();
        let technical = topics
            .into_iter()
            .map(|t| {
                let qs: Vec<&InterviewCard> = questions
                    .iter()
                    .copied()
                    .filter(|q| q.kind == InterviewKind::Technical && q.topic == Some(t))
                    .collect();
                view! {
                    <h3>{capitalise(t.label())}</h3>
                    <ul>{qs.into_iter().map(item).collect_view()}</ul>
                }
            })
            .collect_view();
        Some(view! {
            <h2>"Behavioural questions"</h2>
            <p class="muted">"Answer in STAR form: Situation, Task, Action, Result."</p>
            {behavioural}
            <h2>"Technical questions"</h2>
            {technical}
        })
    };
    view! {
        <h1>"Interview practice"</h1>
        <InterviewTabs/>
        <p>"Help-desk interviews mix questions about your experience, technical questions and sometimes a role-play. Practise each here: FirstLine scores what it can observe in your answer, shows you exactly which words earned or cost points, and suggests the two or three changes that matter most."</p>
        <GeneratedProblem problem=Signal::derive(move || catalog.get()?.err())/>
        {list}
    }
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

area_page!(
    InterviewRoute,
    InterviewHome,
    interview_list,
    "Interview practice"
);
