//! Checking a question or interview set a few items per step, with the
//! findings, their order and their positions of checking it at once: the
//! checks of every item first, then each sound item's id claimed against
//! the ids already loaded, with one reporter (and so one locator, reading
//! the file forward) paused between steps.

use std::collections::VecDeque;
use std::ops::Range;

use crate::content::exam::Exam;
use crate::content::file::ContentFile;
use crate::content::finding::{PausedReporter, Reporter};
use crate::content::interview::InterviewQuestion;
use crate::content::path::JsonPath;
use crate::content::question::Question;

use super::budget::Work;
use super::gate::Gate;
use super::library::{FirstSeen, LoadReport, Source};
use super::readers::CheckQuestions;

/// One set being checked.
pub(super) struct SetCheck {
    /// The source's index in the load.
    pub(super) index: usize,
    /// A question set's blueprint, when one loaded.
    exam: Option<Exam>,
    /// What turns a question set's questions into the quiz's (the load's
    /// question readers have it; without them no question set was read).
    check: Option<CheckQuestions>,
    reporter: PausedReporter,
    /// Whether the checks of the set as a whole ran.
    started: bool,
    /// The next item to check.
    next: usize,
    /// Sound items not yet claimed, with their index in the file.
    questions: VecDeque<(usize, Question)>,
    interview: VecDeque<(usize, InterviewQuestion)>,
    /// Items claimed and added to the library.
    loaded: usize,
    /// Indices of the items refused: by the checks, or as a repeated id.
    refused: Vec<u32>,
}

impl SetCheck {
    pub(super) fn new(index: usize, exam: Option<Exam>, check: Option<CheckQuestions>) -> Self {
        SetCheck {
            index,
            exam,
            check,
            reporter: PausedReporter::default(),
            started: false,
            next: 0,
            questions: VecDeque::new(),
            interview: VecDeque::new(),
            loaded: 0,
            refused: Vec::new(),
        }
    }

    /// Checks and claims items of `content` (the set read from `source`)
    /// while `work` has room. Returns true once the set is done and its
    /// summary and findings are in `report`.
    pub(super) fn step(
        &mut self,
        gate: &dyn Gate,
        source: &Source,
        content: &ContentFile,
        seen: &mut FirstSeen,
        report: &mut LoadReport,
        work: &mut Work,
    ) -> bool {
        let paused = std::mem::take(&mut self.reporter);
        let mut reporter = Reporter::resume(&source.name, &source.text, paused);
        let started = std::mem::replace(&mut self.started, true);
        let (kind, done) = match content {
            ContentFile::QuestionSet(set) => {
                let exam = self.exam.as_ref();
                if !started {
                    gate.question_set(source, set, exam, &mut reporter);
                }
                let checked = check_items(
                    &mut self.next,
                    set.questions.len(),
                    &mut self.questions,
                    &mut self.refused,
                    work,
                    |range| match self.check {
                        Some(check) => {
                            gate.questions(source, set, exam, range, check, &mut reporter)
                        }
                        // Not reached: without the question readers no
                        // set was read.
                        None => Vec::new(),
                    },
                );
                let claimed = checked
                    && claim_items(
                        &mut self.questions,
                        &mut self.loaded,
                        &mut self.refused,
                        work,
                        |index, question| {
                            let path = id_path(index);
                            let place = reporter.where_is(&path);
                            let ok =
                                seen.claim("question", &question.id, place, &path, &mut reporter);
                            if ok {
                                report.library.questions.push(question);
                            }
                            ok
                        },
                    );
                ("question-set", claimed)
            }
            ContentFile::InterviewSet(set) => {
                let checked = check_items(
                    &mut self.next,
                    set.questions.len(),
                    &mut self.interview,
                    &mut self.refused,
                    work,
                    |range| gate.interview(source, set, range, &mut reporter),
                );
                let claimed = checked
                    && claim_items(
                        &mut self.interview,
                        &mut self.loaded,
                        &mut self.refused,
                        work,
                        |index, question| {
                            let path = id_path(index);
                            let place = reporter.where_is(&path);
                            let ok = seen.claim(
                                "interview question",
                                &question.id,
                                place,
                                &path,
                                &mut reporter,
                            );
                            if ok {
                                report.library.interview.push(question);
                            }
                            ok
                        },
                    );
                ("interview-set", claimed)
            }
            // Not a set: nothing to check here.
            _ => ("", true),
        };
        if done {
            let mut refused = std::mem::take(&mut self.refused);
            crate::sort::natural(&mut refused);
            report.summarise(source, kind, self.loaded, refused, reporter.finish());
        } else {
            self.reporter = reporter.pause();
        }
        done
    }
}

/// Checks the items from `next` on (of `len`) while `work` has room,
/// queueing the sound ones and noting the others; true once every item is
/// checked.
fn check_items<T>(
    next: &mut usize,
    len: usize,
    sound: &mut VecDeque<(usize, T)>,
    refused: &mut Vec<u32>,
    work: &mut Work,
    mut check: impl FnMut(Range<usize>) -> Vec<(usize, T)>,
) -> bool {
    while *next < len {
        let room = work.room();
        if room == 0 {
            return false;
        }
        let end = next.saturating_add(room).min(len);
        let passed = check(*next..end);
        let mut kept = passed.iter().map(|(i, _)| *i).peekable();
        for index in *next..end {
            if kept.next_if_eq(&index).is_none() {
                refused.push(index_u32(index));
            }
        }
        sound.extend(passed);
        work.spend_items(end - *next);
        *next = end;
    }
    true
}

/// Claims queued sound items (their ids against those already loaded)
/// while `work` has room, counting those that load; true once the queue
/// is empty.
fn claim_items<T>(
    sound: &mut VecDeque<(usize, T)>,
    loaded: &mut usize,
    refused: &mut Vec<u32>,
    work: &mut Work,
    mut claim: impl FnMut(usize, T) -> bool,
) -> bool {
    while work.left() {
        let Some((index, item)) = sound.pop_front() else {
            return true;
        };
        work.spend_items(1);
        if claim(index, item) {
            *loaded += 1;
        } else {
            refused.push(index_u32(index));
        }
    }
    sound.is_empty()
}

/// An item's index as the manifest writes it; a file is far smaller than
/// four billion items (`budget`), so the cap is never reached.
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The path of the id of a set's item `index`.
fn id_path(index: usize) -> JsonPath {
    JsonPath::root().key("questions").index(index).key("id")
}
