//! Scoring an answer and drawing its feedback. This is most of an
//! interview question's own code (the scoring rules, the stemmer, the
//! feedback with the answer marked up), so it is a wasm
//! chunk of its own (`interview_feedback`), with the interview log's
//! reading, which only recording an answer needs: a question's page opens
//! without it and fetches it as the learner starts to answer, so "Get
//! feedback" rarely waits for it. The page reaches it only through
//! `Grader`, a table of functions, which keeps every call to it inside the
//! chunk.

use std::future::Future;
use std::pin::Pin;

use firstline_core::content::interview::{Competency, InterviewKind, InterviewQuestion};
use firstline_core::interview::score::{score_star, score_technical, speech_metrics, Feedback};
use firstline_core::interview::{Part, StarAnswer};
use firstline_core::progress::InterviewAttempt;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::answer::SaveStory;
use super::editor::Spoken;
use super::feedback::FeedbackView;
use crate::state::progress::use_interview_log;

/// The chunk's functions.
#[derive(Clone, Copy)]
pub struct Grader {
    /// Scores the STAR answer of a behavioural question, else the text.
    pub grade: fn(&InterviewQuestion, &StarAnswer, &str) -> Feedback,
    /// Words a minute and fillers of what was dictated, over its seconds.
    pub speech: fn(&str, f64) -> (u32, f64),
    /// Adds a scored answer to the learner's interview log (run under the
    /// page's owner: the log is the app's context).
    pub record: fn(InterviewAttempt),
    /// Draws the feedback.
    pub show: fn(Shown) -> AnyView,
}

/// What the feedback shows.
pub struct Shown {
    pub feedback: Feedback,
    /// The answer, part by part (one part for a technical answer).
    pub parts: Vec<(Part, String)>,
    pub spoken: Spoken,
    /// For its example or model answer.
    pub question: InterviewQuestion,
    /// The answer to offer for the story bank, and its competency; `None`
    /// where it is not offered (technical answers, a mock interview).
    pub story: Option<(StarAnswer, Option<Competency>)>,
}

/// Fetches the chunk (see `OnDemand`).
pub fn load() -> Pin<Box<dyn Future<Output = Result<Grader, SplitLoaderError>>>> {
    Box::pin(grader())
}

#[leptos::wasm_split::wasm_split(interview_feedback, wasm_split_path = ::leptos::wasm_split, fallible)]
fn grader() -> Result<Grader, SplitLoaderError> {
    Ok(Grader {
        grade,
        speech: speech_metrics,
        record,
        show,
    })
}

fn record(attempt: InterviewAttempt) {
    use_interview_log().update(|log| log.answers.push(attempt));
}

fn grade(question: &InterviewQuestion, star: &StarAnswer, text: &str) -> Feedback {
    if question.kind == InterviewKind::Behavioural {
        score_star(star, question)
    } else {
        score_technical(text, question)
    }
}

fn show(shown: Shown) -> AnyView {
    let Shown {
        feedback,
        parts,
        spoken,
        question,
        story,
    } = shown;
    let example = if let Some(e) = question.example {
        Some(
            view! {
                <details class="example">
                    <summary>"Compare with an example answer"</summary>
                    <dl>
                        <dt>"Situation"</dt><dd>{e.situation}</dd>
                        <dt>"Task"</dt><dd>{e.task}</dd>
                        <dt>"Action"</dt><dd>{e.action}</dd>
                        <dt>"Result"</dt><dd>{e.result}</dd>
                    </dl>
                </details>
            }
            .into_any(),
        )
    } else {
        question.model_answer.map(|m| {
            view! {
                <details class="example"><summary>"Compare with a model answer"</summary><p>{m}</p></details>
            }
            .into_any()
        })
    };
    let save = story
        .map(|(answer, competency)| view! { <SaveStory answer=answer competency=competency/> });
    view! {
        <FeedbackView feedback=feedback parts=parts spoken=spoken example=example/>
        {save}
    }
    .into_any()
}
