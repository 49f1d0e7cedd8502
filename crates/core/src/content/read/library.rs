//! Everything the content files hold, loaded together: each file on its own
//! (a broken file is reported and skipped), then checks across files.

use crate::scenario::analyse::Analysis;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::content::check;
use crate::content::exam::Exam;
use crate::content::file::ContentFile;
use crate::content::finding::{Finding, Reporter};
use crate::content::interview::InterviewQuestion;
use crate::content::item_analysis;
use crate::content::path::JsonPath;
use crate::content::question::Question;
use crate::content::scenario::Scenario;
use crate::content::shift::Shift;
use crate::quiz::draw;

pub use super::loading::Loading;

/// One content file's name (its path under the content root) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub exams: Vec<Exam>,
    pub questions: Vec<Question>,
    pub scenarios: Vec<Scenario>,
    /// Shifts: tickets arriving in a queue (`crate::shift`).
    pub shifts: Vec<Shift>,
    pub interview: Vec<InterviewQuestion>,
}

/// How one file fared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub name: String,
    /// The file's kind, when it could be read.
    pub kind: Option<String>,
    /// How many items (exams, questions...) it contributed.
    pub loaded: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The indices of the items the checks refused (a blueprint, scenario
    /// or shift is item 0), which the manifest carries to the browser.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    pub library: Library,
    pub findings: Vec<Finding>,
    pub files: Vec<FileSummary>,
    /// The playthrough analysis of each scenario, by id (authoring only).
    pub analyses: Vec<(String, Analysis)>,
}

impl Library {
    /// `load`, plus checks that only authors need and that would make the
    /// app's download bigger (they use the interview scorer). The CLI runs
    /// this; the browser runs `load`.
    pub fn load_for_authoring(sources: Vec<Source>) -> LoadReport {
        // Each file is parsed once, by the load; the checks below reuse it.
        let (mut report, sources, parsed) = Loading::new(sources).finish_parts();
        for (source, content) in sources.iter().zip(&parsed) {
            match content {
                Some(ContentFile::InterviewSet(set)) => {
                    let mut reporter = Reporter::new(&source.name, &source.text);
                    check::interview::check_examples(set, &mut reporter);
                    let findings = reporter.finish();
                    if let Some(summary) = report.files.iter_mut().find(|f| f.name == source.name) {
                        summary.warnings += findings.len();
                    }
                    report.findings.extend(findings);
                }
                // The playthrough analyser plays every path of every
                // scenario that loaded: authors need it, start-up does not.
                Some(ContentFile::Scenario(scenario)) => report.check_scores(source, scenario),
                _ => {}
            }
        }
        // Item analysis compares options and prompts across the whole bank;
        // only authors act on it, so start-up in the browser skips it.
        let analysis = item_analysis::analyse(&report.library);
        // Locating findings reads every file again: only when there are any.
        if analysis.exams_over_limit().next().is_some() || !analysis.cues.is_empty() {
            report.add_authoring(item_analysis::findings(&analysis, &sources));
        }
        let length = check::scenario::check_length_cue(&report.library.scenarios, &sources);
        report.add_authoring(length);
        report
    }
}

impl LoadReport {
    pub fn error_count(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }
}

impl Library {
    pub fn exam(&self, id: &str) -> Option<&Exam> {
        self.exams.iter().find(|e| e.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn interview_question(&self, id: &str) -> Option<&InterviewQuestion> {
        self.interview.iter().find(|q| q.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn shift(&self, id: &str) -> Option<&Shift> {
        self.shifts.iter().find(|s| s.id == id)
    }

    /// Loads every source. Sources are processed in name order so results do
    /// not depend on the order files arrived in. The browser drives the
    /// same work one file at a time (`Loading::step`) to keep the page
    /// responsive.
    pub fn load(sources: Vec<Source>) -> LoadReport {
        let mut loading = Loading::new(sources);
        while loading.step() {}
        loading.finish()
    }
}

/// Where each id was first defined, so a repeat can point back to it.
#[derive(Default)]
pub(super) struct FirstSeen(pub(super) HashMap<String, String>);

impl FirstSeen {
    /// Records `id` as defined at `place`, or reports it at `path` as a
    /// duplicate and returns false.
    pub(super) fn claim(
        &mut self,
        what: &str,
        id: &str,
        place: String,
        path: &JsonPath,
        reporter: &mut Reporter,
    ) -> bool {
        if let Some(first) = self.0.get(id) {
            reporter.error(
                path,
                format!("duplicate {what} id \"{id}\"; first defined at {first}; ids must be unique across all files"),
            );
            return false;
        }
        self.0.insert(id.to_owned(), place);
        true
    }
}

impl LoadReport {
    /// Warns, at the blueprint, about domains without enough questions for
    /// a full exam (the draw then takes more from other domains).
    pub(super) fn check_drawable(
        &mut self,
        sources: &[Source],
        exam_origin: &HashMap<String, String>,
    ) {
        for exam in &self.library.exams {
            let Some(source) = exam_origin
                .get(&exam.id)
                .and_then(|name| sources.iter().find(|s| &s.name == name))
            else {
                continue;
            };
            let available = |domain: &str| {
                self.library
                    .questions
                    .iter()
                    .filter(|q| q.exam == exam.id && q.domain == domain)
                    .count()
            };
            let wanted = draw::allocate(exam, &|_| usize::MAX, exam.question_count as usize);
            let mut reporter = Reporter::new(&source.name, &source.text);
            for (index, (domain, need)) in wanted.iter().enumerate() {
                let have = available(domain);
                if have < *need {
                    reporter.warning(
                        &JsonPath::root().key("domains").index(index),
                        format!(
                            "domain {domain} has {have} question(s) but a full {}-question exam draws {need}; add questions, or full exams will draw more from other domains",
                            exam.question_count
                        ),
                    );
                }
            }
            let findings = reporter.finish();
            if let Some(summary) = self.files.iter_mut().find(|f| f.name == source.name) {
                summary.warnings += findings.len();
            }
            self.findings.extend(findings);
        }
    }

    /// Adds findings about the files themselves (such as their names,
    /// which only the caller knows relative to the content folder),
    /// counted against their files.
    pub fn add_file_findings(&mut self, findings: Vec<Finding>) {
        self.add_authoring(findings);
    }

    /// Plays every path of `scenario` (read from `source`) when it loaded,
    /// as `load_for_authoring` does for each scenario, and adds what the
    /// analyser found. The browser's preview reads in steps and calls this
    /// one scenario at a time, so it reports what `firstline check` does.
    pub fn check_scores(&mut self, source: &Source, scenario: &Scenario) {
        if self.library.scenario(&scenario.id).is_none() {
            return;
        }
        let mut reporter = Reporter::new(&source.name, &source.text);
        let analysis = check::scenario::check_scores(scenario, &mut reporter);
        self.analyses.push((scenario.id.clone(), analysis));
        self.add_authoring(reporter.finish());
    }

    /// Adds findings from authoring-only checks, counted against their files.
    fn add_authoring(&mut self, findings: Vec<Finding>) {
        for finding in &findings {
            if let Some(summary) = self.files.iter_mut().find(|f| f.name == finding.file) {
                if finding.is_error() {
                    summary.errors += 1;
                } else {
                    summary.warnings += 1;
                }
            }
        }
        self.findings.extend(findings);
    }

    pub(super) fn summarise(
        &mut self,
        source: &Source,
        kind: &str,
        loaded: usize,
        refused: Vec<u32>,
        findings: Vec<Finding>,
    ) {
        self.files.push(FileSummary {
            name: source.name.clone(),
            kind: Some(kind.to_owned()),
            loaded,
            refused,
            errors: findings.iter().filter(|f| f.is_error()).count(),
            warnings: findings.iter().filter(|f| !f.is_error()).count(),
        });
        self.findings.extend(findings);
    }
}
