//! Scoring a finished shift, recording it in the learner's results and
//! drawing its report. None of it runs until the last ticket is handled,
//! and with the results' reading (the scenario log) it is a good part of
//! a shift page's code, so it is a wasm chunk of its own (`shift_report`):
//! the page opens without it and fetches it once the learner takes a
//! ticket. The page reaches it only through `Scorer`, a table of
//! functions.

use std::future::Future;
use std::pin::Pin;

use firstline_core::content::shift::Shift;
use firstline_core::progress::ShiftRecord;
use firstline_core::shift::play::ShiftPlay;
use firstline_core::shift::score::{report, ShiftReport};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::report::ReportView;
use crate::adapters::clock::now_ms;
use crate::state::progress::use_scenario_log;

/// The chunk's functions.
#[derive(Clone, Copy)]
pub struct Scorer {
    /// Scores the shift and adds it to the learner's results (run under
    /// the page's owner: the results are the app's context).
    pub finish: fn(&Shift, &ShiftPlay) -> ShiftReport,
    /// Draws the report.
    pub show: fn(ShiftReport) -> AnyView,
}

/// Fetches the chunk (see `OnDemand`).
pub fn load() -> Pin<Box<dyn Future<Output = Result<Scorer, SplitLoaderError>>>> {
    Box::pin(scorer())
}

#[leptos::wasm_split::wasm_split(shift_report, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scorer() -> Result<Scorer, SplitLoaderError> {
    Ok(Scorer { finish, show })
}

fn finish(shift: &Shift, play: &ShiftPlay) -> ShiftReport {
    let done = report(shift, play);
    let at = now_ms();
    use_scenario_log().update(|l| l.shifts.push(ShiftRecord::of(&done, &shift.id, at)));
    done
}

fn show(report: ShiftReport) -> AnyView {
    view! { <ReportView report=report/> }.into_any()
}
