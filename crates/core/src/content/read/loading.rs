//! Reading a library in small steps. `Library::load` runs them all at
//! once; the browser runs a few at a time and lets the page paint and
//! answer input in between, so reading a large bank never freezes it.
//!
//! The order is fixed: every file is parsed, then blueprints are checked
//! (question sets are checked against them), then question sets,
//! scenarios and interview sets, each in file-name order, then the checks
//! across files. A step is at most a budget of items (`budget`): a file
//! of thousands of questions is parsed (`chunked`) and checked
//! (`set_check`) over many steps, with the same findings, in the same
//! order, as when it is read at once.

use crate::content::file::ContentFile;
use crate::content::finding::Reporter;
use crate::content::path::JsonPath;

use super::budget::Work;
use super::chunked::{Chunked, Parsed};
use super::gate::{Checked, Gate};
use super::library::{FileSummary, FirstSeen, LoadReport, Source};
use super::readers::Readers;
use super::set_check::SetCheck;

/// A library being read; see the module notes. `gate` decides what is kept
/// of each file: every check (`Checked`, authoring) or the build's verdict
/// (`gate::Trusted`, the learner pages).
pub struct Loading {
    gate: Box<dyn Gate>,
    readers: Readers,
    sources: Vec<Source>,
    /// Each source's parsed content, by index; `None` until parsed or when
    /// the file could not be read.
    parsed: Vec<Option<ContentFile>>,
    stage: Stage,
    /// The next source to look at in the current stage.
    next: usize,
    report: LoadReport,
    exams: FirstSeen,
    questions: FirstSeen,
    scenarios: FirstSeen,
    shifts: FirstSeen,
    interview: FirstSeen,
    /// The file whose work is spread over steps, while it is.
    current: Option<Current>,
    /// What the last step did.
    last: Work,
}

/// A file part done.
enum Current {
    /// Being parsed: the source's index, and how far it got.
    Parsing(usize, Chunked),
    /// A question or interview set being checked.
    Checking(SetCheck),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Parse,
    Exams,
    Questions,
    Scenarios,
    Interview,
    Done,
}

impl Stage {
    fn after(self) -> Stage {
        match self {
            Stage::Parse => Stage::Exams,
            Stage::Exams => Stage::Questions,
            Stage::Questions => Stage::Scenarios,
            Stage::Scenarios => Stage::Interview,
            Stage::Interview | Stage::Done => Stage::Done,
        }
    }

    /// Whether this stage has work for a file holding `content`.
    fn takes(self, content: &ContentFile) -> bool {
        matches!(
            (self, content),
            (Stage::Exams, ContentFile::Exam(_))
                | (Stage::Questions, ContentFile::QuestionSet(_))
                | (
                    Stage::Scenarios,
                    ContentFile::Scenario(_) | ContentFile::Shift(_)
                )
                | (Stage::Interview, ContentFile::InterviewSet(_))
        )
    }
}

impl Loading {
    /// Starts reading `sources`, of every kind, running every check.
    pub fn new(sources: Vec<Source>) -> Self {
        Loading::with_gate(sources, Box::new(Checked), Readers::all())
    }

    /// Starts reading `sources`, in name order so results do not depend on
    /// the order files arrived in, keeping what `gate` passes; a file of a
    /// kind `readers` do not read is reported, not read.
    pub fn with_gate(mut sources: Vec<Source>, gate: Box<dyn Gate>, readers: Readers) -> Self {
        crate::sort::by(&mut sources, |a, b| a.name.cmp(&b.name));
        let parsed = sources.iter().map(|_| None).collect();
        Loading {
            gate,
            readers,
            sources,
            parsed,
            stage: Stage::Parse,
            next: 0,
            report: LoadReport::default(),
            exams: FirstSeen::default(),
            questions: FirstSeen::default(),
            scenarios: FirstSeen::default(),
            shifts: FirstSeen::default(),
            interview: FirstSeen::default(),
            current: None,
            last: Work::default(),
        }
    }

    /// Does the next piece of work: at most a step's budget of items
    /// (`budget::ITEMS_PER_STEP`), however large the file they are in.
    /// Returns false once nothing is left, when `finish` gives the report.
    pub fn step(&mut self) -> bool {
        let mut work = Work::default();
        let more = self.step_within(&mut work);
        self.last = work;
        more
    }

    /// What the last step did, to show that steps stay small.
    pub fn last_step(&self) -> Work {
        self.last
    }

    fn step_within(&mut self, work: &mut Work) -> bool {
        loop {
            if let Some(current) = self.current.take() {
                self.resume(current, work);
                return true;
            }
            if self.stage == Stage::Done {
                return false;
            }
            let Some(index) = self.next_file() else {
                self.stage = self.stage.after();
                self.next = 0;
                continue;
            };
            self.next = index + 1;
            // A file's first piece is done in the step that finds it.
            self.current = match self.stage {
                Stage::Parse => Some(Current::Parsing(index, Chunked::new())),
                _ => self.check(index, work),
            };
            if self.current.is_none() {
                return true;
            }
        }
    }

    /// Goes on with a file part done, keeping it for the next step when
    /// the budget runs out first.
    fn resume(&mut self, current: Current, work: &mut Work) {
        match current {
            Current::Parsing(index, mut chunked) => {
                let Some(source) = self.sources.get(index) else {
                    return;
                };
                match chunked.step(&self.readers, &source.name, &source.text, work) {
                    Parsed::More => self.current = Some(Current::Parsing(index, chunked)),
                    Parsed::Done(Ok(content)) => {
                        if let Some(slot) = self.parsed.get_mut(index) {
                            *slot = Some(content);
                        }
                    }
                    Parsed::Done(Err(finding)) => {
                        self.report.files.push(FileSummary {
                            name: source.name.clone(),
                            kind: None,
                            loaded: 0,
                            errors: 1,
                            warnings: 0,
                            refused: Vec::new(),
                        });
                        self.report.findings.push(finding);
                    }
                }
            }
            Current::Checking(mut set) => {
                let (Some(source), Some(Some(content))) =
                    (self.sources.get(set.index), self.parsed.get(set.index))
                else {
                    return;
                };
                let seen = match content {
                    ContentFile::InterviewSet(_) => &mut self.interview,
                    _ => &mut self.questions,
                };
                if !set.step(
                    self.gate.as_ref(),
                    source,
                    content,
                    seen,
                    &mut self.report,
                    work,
                ) {
                    self.current = Some(Current::Checking(set));
                }
            }
        }
    }

    /// The checks across files, and the report. Any steps not yet taken
    /// are taken first.
    pub fn finish(self) -> LoadReport {
        self.finish_parts().0
    }

    /// `finish`, also giving back the sources (in name order) and what
    /// each parsed to, so the authoring checks need not parse them again.
    pub(super) fn finish_parts(mut self) -> (LoadReport, Vec<Source>, Vec<Option<ContentFile>>) {
        while self.step() {}
        if self.gate.across_files() {
            self.report.check_drawable(&self.sources, &self.exams.0);
        }
        crate::sort::by(&mut self.report.files, |a, b| a.name.cmp(&b.name));
        (self.report, self.sources, self.parsed)
    }

    /// The next source, from `next` on, with work in this stage.
    fn next_file(&self) -> Option<usize> {
        let stage = self.stage;
        (self.next..self.sources.len()).find(|&i| match stage {
            Stage::Parse => true,
            Stage::Done => false,
            _ => self.parsed[i].as_ref().is_some_and(|c| stage.takes(c)),
        })
    }

    /// Checks an exam or a scenario (one item each) at once; a set is
    /// returned to be checked in steps.
    fn check(&mut self, index: usize, work: &mut Work) -> Option<Current> {
        let source = &self.sources[index];
        let content = self.parsed[index].as_ref()?;
        let report = &mut self.report;
        let mut reporter = Reporter::new(&source.name, &source.text);
        let id_path = JsonPath::root().key("id");
        match content {
            ContentFile::Exam(exam) => {
                work.spend_items(1);
                let ok = self.gate.exam(source, exam, &mut reporter)
                    && self.exams.claim(
                        "exam",
                        &exam.id,
                        source.name.clone(),
                        &id_path,
                        &mut reporter,
                    );
                if ok {
                    report.library.exams.push(exam.clone());
                }
                report.summarise(
                    source,
                    "exam",
                    usize::from(ok),
                    refused_unless(ok),
                    reporter.finish(),
                );
                None
            }
            ContentFile::QuestionSet(set) => {
                let exam = report.library.exam(&set.exam).cloned();
                Some(Current::Checking(SetCheck::new(
                    index,
                    exam,
                    self.readers.check_questions,
                )))
            }
            ContentFile::Scenario(scenario) => {
                work.spend_items(1);
                let ok = self.gate.scenario(source, scenario, &mut reporter)
                    && self.scenarios.claim(
                        "scenario",
                        &scenario.id,
                        source.name.clone(),
                        &id_path,
                        &mut reporter,
                    );
                if ok {
                    report.library.scenarios.push((**scenario).clone());
                }
                report.summarise(
                    source,
                    "scenario",
                    usize::from(ok),
                    refused_unless(ok),
                    reporter.finish(),
                );
                None
            }
            ContentFile::Shift(shift) => {
                work.spend_items(shift.tickets.len().max(1));
                let ok = self.gate.shift(source, shift, &mut reporter)
                    && self.shifts.claim(
                        "shift",
                        &shift.id,
                        source.name.clone(),
                        &id_path,
                        &mut reporter,
                    );
                if ok {
                    report.library.shifts.push((**shift).clone());
                }
                report.summarise(
                    source,
                    "shift",
                    usize::from(ok),
                    refused_unless(ok),
                    reporter.finish(),
                );
                None
            }
            ContentFile::InterviewSet(_) => {
                Some(Current::Checking(SetCheck::new(index, None, None)))
            }
        }
    }
}

/// A one-item file's refused items: none, or its item 0.
fn refused_unless(ok: bool) -> Vec<u32> {
    if ok {
        Vec::new()
    } else {
        vec![0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;

    fn sources() -> Vec<Source> {
        let exam = r#"{"kind":"exam","id":"X","name":"Test exam","question_count":2,
            "passing_score":700,"minutes":10,
            "domains":[{"id":"1.0","name":"One","weight":100,
              "objectives":[{"id":"1.1","title":"First objective"}]}]}"#;
        vec![
            Source::new("b/broken.json", "{ not json"),
            Source::new("a/exam.json", exam),
            Source::new("c/dup-exam.json", exam),
        ]
    }

    #[test]
    fn stepping_gives_the_same_report_as_loading_at_once() {
        let mut loading = Loading::new(sources());
        let mut steps = 0;
        while loading.step() {
            steps += 1;
            assert!(steps < 100, "reading three files never ends");
        }
        // Three parses, then two blueprints to check (the broken file has
        // nothing to check).
        assert_eq!(steps, 5);
        assert_eq!(loading.finish(), Library::load(sources()));
    }

    #[test]
    fn a_broken_file_and_a_repeat_are_reported_and_the_rest_loads() {
        let report = Library::load(sources());
        assert_eq!(report.library.exams.len(), 1);
        assert_eq!(report.files.len(), 3);
        let messages: Vec<_> = report
            .findings
            .iter()
            .map(|f| (f.file.as_str(), f.message.as_str()))
            .collect();
        assert!(
            messages.iter().any(|(f, _)| *f == "b/broken.json"),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|(f, m)| *f == "c/dup-exam.json" && m.contains("duplicate exam id")),
            "{messages:?}"
        );
    }

    #[test]
    fn finish_takes_any_steps_left() {
        let mut loading = Loading::new(sources());
        assert!(loading.step());
        assert_eq!(loading.finish(), Library::load(sources()));
    }
}
