//! After a resolved ticket: write it up as a knowledge-base article, part by
//! part, and see each part scored with the words that earned it
//! highlighted, or what it is missing named (`firstline_core::scenario::article`).

use firstline_core::content::scenario::ArticleRubric;
use firstline_core::progress::ArticleRecord;
use firstline_core::scenario::article::{score, ArticleScore, ArticleText, Part, PartScore};
use leptos::prelude::*;

use crate::adapters::clock::now_ms;
use crate::adapters::dom::focus_id;
use crate::state::progress::use_scenario_log;

const RESULT_HEADING: &str = "article-score";

#[component]
pub fn ArticleForm(rubric: ArticleRubric, scenario: String) -> impl IntoView {
    let fields: [(Part, &'static str, RwSignal<String>); 5] = Part::ALL.map(|p| {
        let id = match p {
            Part::Title => "article-title",
            Part::Environment => "article-environment",
            Part::Cause => "article-cause",
            Part::Resolution => "article-resolution",
            Part::Verify => "article-verify",
        };
        (p, id, RwSignal::new(String::new()))
    });
    let result = RwSignal::new(None::<(ArticleScore, ArticleText)>);
    let log = use_scenario_log();
    let rubric = StoredValue::new(rubric);
    let scenario = StoredValue::new(scenario);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = |i: usize| fields[i].2.get_untracked();
        let article = ArticleText {
            title: text(0),
            environment: text(1),
            cause: text(2),
            resolution: text(3),
            verify: text(4),
        };
        let scored = rubric.with_value(|r| score(r, &article));
        log.update(|l| {
            l.articles.push(ArticleRecord {
                scenario: scenario.get_value(),
                score: scored.total,
                at: now_ms(),
            })
        });
        result.set(Some((scored, article)));
        request_animation_frame(|| focus_id(RESULT_HEADING));
    };
    let inputs = fields
        .into_iter()
        .map(|(part, id, value)| {
            let input = if part == Part::Title {
                view! {
                    <input id=id type="text" prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                }
                .into_any()
            } else {
                view! {
                    <textarea id=id rows="3" prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))></textarea>
                }
                .into_any()
            };
            view! {
                <div class="field">
                    <label for=id>{part.label()}</label>
                    {input}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="article-form" aria-labelledby="article-heading">
            <h2 id="article-heading">"Write it up for the knowledge base"</h2>
            <p class="muted">"Optional. The next technician should fix this from your article alone. Each part is scored on what it states, in sentences."</p>
            <form on:submit=submit>
                {inputs}
                <div class="actions"><button type="submit">"Score my article"</button></div>
            </form>
            {move || result.get().map(|(s, a)| view! { <ArticleResult score=s article=a/> })}
        </section>
    }
}

#[component]
fn ArticleResult(score: ArticleScore, article: ArticleText) -> impl IntoView {
    let parts = score
        .parts
        .into_iter()
        .map(|p| part_view(p, &article))
        .collect_view();
    view! {
        <h3 id=RESULT_HEADING tabindex="-1">{format!("Article: {} / 100", score.total)}</h3>
        <ul class="article-parts">{parts}</ul>
    }
}

fn text_of(part: Part, a: &ArticleText) -> &str {
    match part {
        Part::Title => &a.title,
        Part::Environment => &a.environment,
        Part::Cause => &a.cause,
        Part::Resolution => &a.resolution,
        Part::Verify => &a.verify,
    }
}

fn part_view(p: PartScore, article: &ArticleText) -> impl IntoView {
    let text = text_of(p.part, article).to_owned();
    let found: Vec<String> = p
        .checks
        .iter()
        .filter_map(|c| c.found.and_then(|(a, b)| text.get(a..b)).map(str::to_owned))
        .collect();
    let missing: Vec<String> = p
        .checks
        .iter()
        .filter(|c| c.found.is_none())
        .map(|c| format!("\u{201c}{}\u{201d}", c.wanted))
        .collect();
    let detail = if p.repeated {
        "It repeats a sentence from another part, so it earns nothing: each part says its own thing.".to_owned()
    } else if missing.is_empty() {
        "Complete.".to_owned()
    } else {
        format!("Missing: {}.", missing.join(", "))
    };
    view! {
        <li>
            <strong>{format!("{}: {} of {}", p.part.label(), p.points, p.part.points())}</strong>
            {(!found.is_empty() && !p.repeated).then(|| view! {
                <p>"Earned by: "{found.into_iter().map(|f| view! { <mark>{f}</mark>" " }).collect_view()}</p>
            })}
            <p>{detail}</p>
        </li>
    }
}
