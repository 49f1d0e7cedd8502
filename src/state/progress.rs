//! The learner's progress and the exam in progress, each saved under its
//! own key so a problem with one never touches the other.

use firstline_core::progress::Progress;
use firstline_core::quiz::session::ActiveExam;
use leptos::prelude::*;

use super::notices::Notices;
use super::saved::Saved;

pub type ProgressState = Saved<Progress>;
pub type ExamState = Saved<ActiveExam>;

pub fn provide(notices: Notices) {
    provide_context(ProgressState::load(notices, "progress"));
    provide_context(ExamState::load(notices, "exam in progress"));
}

pub fn use_progress() -> ProgressState {
    expect_context::<ProgressState>()
}

pub fn use_exam() -> ExamState {
    expect_context::<ExamState>()
}
