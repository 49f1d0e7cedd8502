use firstline_core::interview::score::{CriterionId, Feedback, Highlight};
use firstline_core::interview::words::fillers;
use firstline_core::interview::Part;
use firstline_core::quiz::score::percent;
use leptos::prelude::*;

use super::editor::Spoken;
use firstline_core::interview::score::speech_metrics;

/// The learner's text with what each criterion matched marked: green for
/// words that earned credit, red for words that cost it. Each mark says
/// why for screen readers too.
fn highlighted(text: &str, mut marks: Vec<&Highlight>) -> impl IntoView {
    firstline_core::sort::by_key(&mut marks, |h| (h.start, h.end));
    let mut pieces = Vec::new();
    let mut at = 0;
    for h in marks {
        if h.start < at
            || h.end > text.len()
            || !text.is_char_boundary(h.start)
            || !text.is_char_boundary(h.end)
        {
            continue;
        }
        if h.start > at {
            pieces.push(text[at..h.start].to_owned().into_any());
        }
        let class = if h.good { "hl good" } else { "hl poor" };
        let why = format!(
            " ({}: {})",
            if h.good { "credit" } else { "costs" },
            h.criterion.label()
        );
        pieces.push(
            view! { <mark class=class>{text[h.start..h.end].to_owned()}</mark><span class="visually-hidden">{why}</span> }.into_any(),
        );
        at = h.end;
    }
    if at < text.len() {
        pieces.push(text[at..].to_owned().into_any());
    }
    pieces.collect_view()
}

/// Score, the criteria with what each observed, the top improvements, the
/// answer with its matches marked, and the key points found and missing.
#[component]
pub fn FeedbackView(
    feedback: Feedback,
    parts: Vec<(Part, String)>,
    spoken: Spoken,
    example: Option<AnyView>,
) -> impl IntoView {
    let rows = feedback
        .criteria
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.id.label()}</th>
                    <td>{format!("{}%", percent(c.score))}</td>
                    <td>{c.weight}</td>
                    <td>{c.detail.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let improvements = feedback
        .improvements
        .iter()
        .map(|i| view! { <li>{i.clone()}</li> })
        .collect_view();
    let all: Vec<&Highlight> = feedback
        .criteria
        .iter()
        .flat_map(|c| &c.highlights)
        .filter(|h| h.criterion != CriterionId::Specificity || h.good)
        .collect();
    let marked = parts
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(part, text)| {
            let marks: Vec<&Highlight> = all.iter().copied().filter(|h| h.part == *part).collect();
            view! {
                <div class="marked-part">
                    {(*part != Part::Answer).then(|| view! { <h4>{part.label()}</h4> })}
                    <p>{highlighted(text, marks)}</p>
                </div>
            }
        })
        .collect_view();
    // The learner's own words at a place in the answer.
    let quote = |part: Part, start: usize, end: usize| {
        parts
            .iter()
            .find(|(p, _)| *p == part)
            .and_then(|(_, t)| t.get(start..end))
            .unwrap_or("")
            .to_owned()
    };
    let points = feedback
        .key_points
        .iter()
        .map(|k| match (k.found, k.contradicted) {
            (Some((part, start, end)), _) => {
                let words = quote(part, start, end);
                view! { <li class="fact found">"\u{2713} "{k.label.clone()}": \u{201c}"<mark>{words}</mark>"\u{201d}"</li> }.into_any()
            }
            (None, Some((part, start, end))) => {
                let words = quote(part, start, end);
                view! { <li class="fact contradicted">"\u{26a0} "{k.label.clone()}": contradicted by what you wrote, \u{201c}"<mark class="hl poor">{words}</mark>"\u{201d}. Stating the opposite of a key point earns nothing."</li> }.into_any()
            }
            (None, None) => {
                let why = k.unearned.as_ref().map_or_else(|| "not covered".to_owned(), |u| format!("not earned: {u}"));
                view! { <li class="fact missing">"\u{2717} "{k.label.clone()}": "{why}</li> }.into_any()
            }
        })
        .collect_view();
    let lists = (!feedback.lists.is_empty()).then(|| {
        let items = feedback
            .lists
            .iter()
            .map(|&(part, start, end)| view! { <li>"\u{201c}"{quote(part, start, end)}"\u{201d}"</li> })
            .collect_view();
        view! {
            <h3>"Not read as sentences"</h3>
            <p class="muted">"These parts read as lists of words, so they earned nothing. Say the same in full sentences: what you did, and why."</p>
            <ul aria-label="Parts not read as sentences">{items}</ul>
        }
    });
    let pace = (spoken.seconds >= 5.0).then(|| {
        let (wpm, per_minute) = speech_metrics(&spoken.text, spoken.seconds);
        let fillers_heard = fillers(&spoken.text).len();
        view! {
            <p>
                <strong>"Spoken: "</strong>
                {format!(
                    "{wpm} words a minute (conversational pace is about 120 to 160); {fillers_heard} filler(s), {}.{} a minute (fluent speakers use about one).",
                    (per_minute * 10.0).round() as u32 / 10,
                    (per_minute * 10.0).round() as u32 % 10
                )}
            </p>
        }
    });
    view! {
        <section class="interview-feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">"Feedback"</h2>
            <p class="big-score">{feedback.score}<span class="muted">" / 100"</span></p>
            <p class="band">{format!("{} ({})", feedback.band.label(), feedback.band.range())}</p>
            <p class="muted">"Scored on what can be seen in the answer, never on you. Each line below says what it found."</p>
            {pace}
            <h3>"The changes that would help most"</h3>
            {if feedback.improvements.is_empty() {
                view! { <p>"Nothing big to change: this answer meets every criterion."</p> }.into_any()
            } else {
                view! { <ol aria-label="Top improvements">{improvements}</ol> }.into_any()
            }}
            <div class="table-wrap">
                <table>
                    <caption>"How the score was worked out"</caption>
                    <thead><tr><th scope="col">"Criterion"</th><th scope="col">"Met"</th><th scope="col">"Weight"</th><th scope="col">"What it found"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>"Your answer, marked"</h3>
            <p class="muted">"Green earned credit (key points, numbers, \u{201c}I\u{201d}, specific details); red cost it (fillers, hedges, \u{201c}we\u{201d}, statements that contradict a key point)."</p>
            {marked}
            <h3>"Key points"</h3>
            <p class="muted">"A key point counts when you state the fact in a sentence, in your own words; repeating the question, a general word such as \u{201c}ticket\u{201d}, or a list of keywords does not earn it."</p>
            <ul aria-label="Key points">{points}</ul>
            {lists}
            {example}
        </section>
    }
}
