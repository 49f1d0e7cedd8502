//! Scoring a finished call, recording it and drawing its debrief (with
//! the knowledge-base article after a resolved call). None of it runs
//! until the ticket is submitted, and with the scenario results' reading
//! it is a good part of a scenario page's code, so it is a wasm chunk of
//! its own (`scenario_debrief`): the page opens without it and fetches it
//! once the learner makes a move, so submitting rarely waits for it. The
//! player reaches it only through `Scorer`, a table of functions.

use std::future::Future;
use std::pin::Pin;

use firstline_core::content::scenario::{ArticleRubric, Scenario};
use firstline_core::progress::ScenarioRecord;
use firstline_core::scenario::debrief::{debrief, Debrief};
use firstline_core::scenario::play::Play;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::article::ArticleForm;
use super::debrief::DebriefView;
use crate::adapters::clock::now_ms;
use crate::state::progress::use_scenario_log;

/// The chunk's functions.
#[derive(Clone, Copy)]
pub struct Scorer {
    /// Scores a finished play with its notes and handoff.
    pub score: fn(&Scenario, &Play, &str, &str) -> Debrief,
    /// Adds the scored play to the learner's scenario results (run under
    /// the page's owner: the results are the app's context).
    pub record: fn(&Play, &Debrief),
    /// Draws the debrief.
    pub show: fn(Shown) -> AnyView,
}

/// What the debrief shows.
pub struct Shown {
    pub scenario: StoredValue<Scenario>,
    pub play: Play,
    pub debrief: Debrief,
    pub notes: String,
    pub handoff: String,
    /// The knowledge-base article to offer (its rubric, the scenario's
    /// id), when one is.
    pub article: Option<(ArticleRubric, String)>,
}

/// Fetches the chunk (see `OnDemand`).
pub fn load() -> Pin<Box<dyn Future<Output = Result<Scorer, SplitLoaderError>>>> {
    Box::pin(scorer())
}

#[leptos::wasm_split::wasm_split(scenario_debrief, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scorer() -> Result<Scorer, SplitLoaderError> {
    Ok(Scorer {
        score: debrief,
        record,
        show,
    })
}

fn record(play: &Play, debrief: &Debrief) {
    use_scenario_log().update(|log| log.plays.push(ScenarioRecord::of(play, debrief, now_ms())));
}

fn show(shown: Shown) -> AnyView {
    let Shown {
        scenario,
        play,
        debrief,
        notes,
        handoff,
        article,
    } = shown;
    let article = article.map(|(rubric, id)| view! { <ArticleForm rubric=rubric scenario=id/> });
    view! {
        <DebriefView scenario=scenario play=play debrief=debrief notes=notes handoff=handoff/>
        {article}
    }
    .into_any()
}
