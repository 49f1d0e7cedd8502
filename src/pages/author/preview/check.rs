//! Checking the instructor's files as `firstline check` does: the core
//! reads them in steps (`Loading`, the reader the app uses for the bank),
//! giving way to the browser between steps, then the analyser plays every
//! path of each scenario that loaded (`LoadReport::check_scores`, as the
//! CLI's authoring load does), one scenario per task.

use std::sync::Arc;

use firstline_core::content::file::{parse, ContentFile};
use firstline_core::content::library::Loading;
use firstline_core::content::{LoadReport, Source};

use crate::adapters::clock::{next_task, Slice};

/// What one file holds, for the actions offered on it.
#[derive(Clone, Debug, PartialEq)]
pub enum Holds {
    /// A question set that gave questions.
    Questions,
    /// A scenario, by id, and whether it loaded (passed its checks).
    Scenario(String, bool),
    Other,
}

pub struct Checked {
    pub report: Arc<LoadReport>,
    /// By file, in the order given.
    pub holds: Vec<(String, Holds)>,
}

pub async fn check(sources: Vec<Source>) -> Checked {
    let mut loading = Loading::new(sources.clone());
    let mut slice = Slice::start(Slice::DEFAULT_MS);
    while loading.step() {
        slice.maybe_yield().await;
    }
    let mut report = loading.finish();
    let mut holds = Vec::with_capacity(sources.len());
    for source in &sources {
        let summary = report.files.iter().find(|f| f.name == source.name);
        let kind = summary.and_then(|f| f.kind.clone()).unwrap_or_default();
        let loaded = summary.map_or(0, |f| f.loaded);
        // Only a scenario is parsed again (to know its id and run the
        // analyser): scenario files are small, question sets may not be.
        let what = match kind.as_str() {
            "scenario" => match parse(&source.name, &source.text) {
                Ok(ContentFile::Scenario(s)) => {
                    next_task().await;
                    report.check_scores(source, &s);
                    let loaded = report.library.scenario(&s.id).is_some();
                    Holds::Scenario(s.id.clone(), loaded)
                }
                _ => Holds::Other,
            },
            "question-set" if loaded > 0 => Holds::Questions,
            _ => Holds::Other,
        };
        holds.push((source.name.clone(), what));
    }
    Checked {
        report: Arc::new(report),
        holds,
    }
}
