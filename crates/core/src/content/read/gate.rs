//! Which items of a parsed file a load keeps. Authoring (the CLI, the
//! build, the Author page's preview) runs every check (`Checked`); the
//! learner pages trust the build's verdict (`Trusted`), which ran those
//! checks on the same files and wrote what it refused into the manifest.
//!
//! Why two: the checks are about a quarter of the content reader's code,
//! and every page that shows a question, a scenario or an interview
//! question downloads that reader on its first visit. Parsing stays in
//! both, so a file that does not read is still reported by file, line and
//! column, and ids are still claimed once across the files a page loads.

use std::ops::Range;

use crate::content::check;
use crate::content::exam::Exam;
use crate::content::finding::Reporter;
use crate::content::interview::{InterviewQuestion, InterviewSet};
use crate::content::path::JsonPath;
use crate::content::question::{Question, QuestionSet};
use crate::content::scenario::Scenario;
use crate::content::shift::Shift;

use super::library::Source;
use super::readers::CheckQuestions;

/// Decides, file by file and item by item, what a load keeps; it reports
/// what it refuses through the file's reporter.
///
/// A load holds its gate as a `dyn Gate`: the reading code is then one
/// copy shared by the learner pages and the Author page's preview, and
/// the checks are only in the code of the pages that make a `Checked`.
pub trait Gate {
    /// Whether to run the checks across files (the blueprint's domains
    /// having enough questions): an authoring warning.
    fn across_files(&self) -> bool;

    fn exam(&self, source: &Source, exam: &Exam, reporter: &mut Reporter) -> bool;
    fn scenario(&self, source: &Source, scenario: &Scenario, reporter: &mut Reporter) -> bool;
    fn shift(&self, source: &Source, shift: &Shift, reporter: &mut Reporter) -> bool;
    /// Checks of a question set as a whole, before its items.
    fn question_set(
        &self,
        source: &Source,
        set: &QuestionSet,
        exam: Option<&Exam>,
        reporter: &mut Reporter,
    );
    /// The sound questions among `range`, with their index in the file;
    /// `check` is what turns them into the quiz's (the question readers').
    fn questions(
        &self,
        source: &Source,
        set: &QuestionSet,
        exam: Option<&Exam>,
        range: Range<usize>,
        check: CheckQuestions,
        reporter: &mut Reporter,
    ) -> Vec<(usize, Question)>;
    /// The sound interview questions among `range`.
    fn interview(
        &self,
        source: &Source,
        set: &InterviewSet,
        range: Range<usize>,
        reporter: &mut Reporter,
    ) -> Vec<(usize, InterviewQuestion)>;
}

/// Runs every check (`content::check`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Checked;

impl Gate for Checked {
    fn across_files(&self) -> bool {
        true
    }

    fn exam(&self, _: &Source, exam: &Exam, reporter: &mut Reporter) -> bool {
        check::exam::validate(exam, reporter)
    }

    fn scenario(&self, _: &Source, scenario: &Scenario, reporter: &mut Reporter) -> bool {
        check::scenario::check(scenario, reporter)
    }

    fn shift(&self, _: &Source, shift: &Shift, reporter: &mut Reporter) -> bool {
        check::shift::check(shift, reporter)
    }

    fn question_set(
        &self,
        _: &Source,
        set: &QuestionSet,
        exam: Option<&Exam>,
        reporter: &mut Reporter,
    ) {
        check::question::check_blueprint_known(set, exam, reporter);
    }

    fn questions(
        &self,
        _: &Source,
        set: &QuestionSet,
        exam: Option<&Exam>,
        range: Range<usize>,
        check: CheckQuestions,
        reporter: &mut Reporter,
    ) -> Vec<(usize, Question)> {
        check(set, exam, range, reporter)
    }

    fn interview(
        &self,
        _: &Source,
        set: &InterviewSet,
        range: Range<usize>,
        reporter: &mut Reporter,
    ) -> Vec<(usize, InterviewQuestion)> {
        check::interview::check_questions(set, range, reporter)
    }
}

/// The build's verdicts: for each file it read, the indices of the items
/// its checks refused (a blueprint, scenario or shift is item 0). A file
/// without a verdict was not checked by the build (added since, or not
/// readable then) and nothing in it is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trusted {
    /// By file name, sorted, each name once (a sorted list rather than a
    /// hash map: the pages that read it carry no hashing code for it).
    verdicts: Vec<(String, Vec<u32>)>,
}

/// What a learner sees for an item the build refused.
pub const REFUSED: &str = "the site's build refused this (its checks found a problem): open the Author page or run `firstline check` to see what, fix it, then rebuild the site";
/// What a learner sees for a file the build did not check.
pub const UNCHECKED: &str = "this file was not checked when the site was built (it was added or changed since), so it is not used: rebuild the site (`cargo xtask serve` does on each change)";

impl Trusted {
    pub fn new(verdicts: impl IntoIterator<Item = (String, Vec<u32>)>) -> Self {
        Trusted {
            verdicts: {
                let mut verdicts: Vec<_> = verdicts.into_iter().collect();
                // The last verdict given for a name wins, as in a map.
                verdicts.reverse();
                crate::sort::by(&mut verdicts, |a, b| a.0.cmp(&b.0));
                verdicts.dedup_by(|later, first| later.0 == first.0);
                verdicts
            },
        }
    }

    /// The build's verdict on `file`: the items it refused, or `None` if
    /// it never read it.
    fn verdict(&self, file: &str) -> Option<&Vec<u32>> {
        self.verdicts
            .binary_search_by(|(name, _)| name.as_str().cmp(file))
            .ok()
            .and_then(|at| self.verdicts.get(at))
            .map(|(_, refused)| refused)
    }

    /// Whether the build read `file` and refused nothing in it.
    pub fn passed(&self, file: &str) -> bool {
        self.verdict(file).is_some_and(Vec::is_empty)
    }

    /// Whether item `index` of `source` may be used, reporting at `path`
    /// (and, for a file the build never saw, once at its top) when not.
    fn keeps(
        &self,
        source: &Source,
        index: usize,
        path: &JsonPath,
        reporter: &mut Reporter,
    ) -> bool {
        match self.verdict(&source.name) {
            None => {
                if index == 0 {
                    reporter.error(&JsonPath::root(), UNCHECKED);
                }
                false
            }
            Some(refused) => {
                let refused = u32::try_from(index).map_or(true, |i| refused.contains(&i));
                if refused {
                    reporter.error(path, REFUSED);
                }
                !refused
            }
        }
    }

    fn items<T: Clone>(
        &self,
        source: &Source,
        items: &[T],
        range: Range<usize>,
        reporter: &mut Reporter,
    ) -> Vec<(usize, T)> {
        let mut kept = Vec::new();
        for index in range {
            let path = JsonPath::root().key("questions").index(index);
            let Some(item) = items.get(index) else {
                break;
            };
            if self.keeps(source, index, &path, reporter) {
                kept.push((index, item.clone()));
            }
        }
        kept
    }
}

impl Gate for Trusted {
    fn across_files(&self) -> bool {
        false
    }

    fn exam(&self, source: &Source, _: &Exam, reporter: &mut Reporter) -> bool {
        self.keeps(source, 0, &JsonPath::root(), reporter)
    }

    fn scenario(&self, source: &Source, _: &Scenario, reporter: &mut Reporter) -> bool {
        self.keeps(source, 0, &JsonPath::root(), reporter)
    }

    fn shift(&self, source: &Source, _: &Shift, reporter: &mut Reporter) -> bool {
        self.keeps(source, 0, &JsonPath::root(), reporter)
    }

    fn question_set(&self, _: &Source, _: &QuestionSet, _: Option<&Exam>, _: &mut Reporter) {}

    /// A question is written for authors (`RawQuestion`) and becomes the
    /// model the quiz runs while it is checked, so questions are still
    /// checked here, with the build's findings; a file the build did not
    /// see is refused as elsewhere.
    fn questions(
        &self,
        source: &Source,
        set: &QuestionSet,
        exam: Option<&Exam>,
        range: Range<usize>,
        check: CheckQuestions,
        reporter: &mut Reporter,
    ) -> Vec<(usize, Question)> {
        if self.verdict(&source.name).is_some() {
            check(set, exam, range, reporter)
        } else {
            if range.start == 0 {
                reporter.error(&JsonPath::root(), UNCHECKED);
            }
            Vec::new()
        }
    }

    fn interview(
        &self,
        source: &Source,
        set: &InterviewSet,
        range: Range<usize>,
        reporter: &mut Reporter,
    ) -> Vec<(usize, InterviewQuestion)> {
        self.items(source, &set.questions, range, reporter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::library::{Library, Loading};
    use crate::content::manifest::Manifest;
    use crate::content::read::test_sources::bundled_sources;

    fn trusting(sources: Vec<Source>, gate: Trusted) -> crate::content::LoadReport {
        let mut loading = Loading::with_gate(
            sources,
            Box::new(gate),
            crate::content::read::readers::Readers::all(),
        );
        while loading.step() {}
        loading.finish()
    }

    fn scenario_source() -> Source {
        bundled_sources()
            .into_iter()
            .filter(|s| {
                s.name.starts_with("scenarios/") && s.text.contains("\"kind\": \"scenario\"")
            })
            .min_by(|a, b| a.name.cmp(&b.name))
            .expect("the repository has scenarios")
    }

    fn interview_source() -> Source {
        bundled_sources()
            .into_iter()
            .find(|s| s.name == "questions/interview/technical.json")
            .expect("the repository has technical interview questions")
    }

    /// The ids of an interview set's first two questions.
    fn first_two_ids(source: &Source) -> (String, String) {
        let report = Library::load(vec![source.clone()]);
        let ids: Vec<_> = report
            .library
            .interview
            .iter()
            .map(|q| q.id.clone())
            .collect();
        (ids[0].clone(), ids[1].clone())
    }

    #[test]
    fn trusting_the_build_loads_what_checking_loads() {
        let sources = bundled_sources();
        let (manifest, _) = Manifest::build(&sources);
        let checked = Library::load(sources.clone());
        let trusted = trusting(sources, manifest.trusted());
        assert_eq!(trusted.library, checked.library);
        assert_eq!(trusted.error_count(), checked.error_count());
        assert!(trusted.library.questions.len() > 100 && trusted.library.scenarios.len() > 5);
    }

    #[test]
    fn an_item_the_build_refused_is_left_out_and_said_why() {
        let scenario = scenario_source();
        let interview = interview_source();
        let (first, second) = first_two_ids(&interview);
        let all = Library::load(vec![interview.clone()])
            .library
            .interview
            .len();
        let gate = Trusted::new([
            (scenario.name.clone(), vec![0]),
            (interview.name.clone(), vec![1]),
        ]);
        let report = trusting(vec![scenario.clone(), interview.clone()], gate);
        assert!(report.library.scenarios.is_empty());
        let ids: Vec<_> = report
            .library
            .interview
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(ids.len(), all - 1);
        assert!(ids.contains(&first.as_str()) && !ids.contains(&second.as_str()));
        let refused: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.message == REFUSED)
            .map(|f| (f.file.as_str(), f.path.as_str(), f.line > 1))
            .collect();
        assert_eq!(
            refused,
            [
                (scenario.name.as_str(), "(top level)", false),
                (interview.name.as_str(), "questions[1]", true)
            ]
        );
        // With the verdict that the build passes everything, all loads.
        let gate = Trusted::new([
            (scenario.name.clone(), vec![]),
            (interview.name.clone(), vec![]),
        ]);
        let report = trusting(vec![scenario, interview], gate);
        assert_eq!(
            (
                report.library.scenarios.len(),
                report.library.interview.len()
            ),
            (1, all)
        );
        assert_eq!(report.error_count(), 0);
    }

    #[test]
    fn a_file_the_build_did_not_read_is_not_used_and_a_broken_one_is_still_located() {
        let report = trusting(
            vec![
                Source::new("questions/interview/new.json", interview_source().text),
                Source::new(
                    "questions/broken.json",
                    "{\n  \"kind\": \"exam\",\n  \"id\" 3\n}",
                ),
            ],
            Trusted::default(),
        );
        assert!(report.library.interview.is_empty());
        let found: Vec<_> = report
            .findings
            .iter()
            .map(|f| {
                (
                    f.file.as_str(),
                    f.line,
                    f.message.starts_with("this file was not checked"),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("questions/broken.json", 3, false),
                ("questions/interview/new.json", 1, true)
            ]
        );
    }

    #[test]
    fn the_manifest_carries_what_the_checks_refused() {
        let mut broken = scenario_source();
        // A scenario whose title is empty fails its checks.
        let title = broken
            .text
            .find("\"title\"")
            .expect("scenarios have a title");
        let end = broken.text[title..]
            .find(",\n")
            .expect("the title ends a line")
            + title;
        broken.text.replace_range(title..end, "\"title\": \"\"");
        let interview = interview_source();
        let (first, second) = first_two_ids(&interview);
        let repeat = interview
            .text
            .replace(&format!("\"{second}\""), &format!("\"{first}\""));
        let sources = vec![
            broken.clone(),
            Source::new("questions/interview/i.json", repeat),
        ];
        let (manifest, _) = Manifest::build(&sources);
        let refused = |file: &str| {
            manifest
                .entries
                .iter()
                .find(|e| e.file == file)
                .map(|e| e.refused.clone())
        };
        assert_eq!(refused(&broken.name), Some(vec![0]));
        assert_eq!(refused("questions/interview/i.json"), Some(vec![1]));
        // And it reads back from the file the build writes.
        let text = serde_json::to_string(&manifest).expect("a manifest encodes");
        assert!(text.contains("\"refused\":[1]"), "{text}");
        let read: Manifest = serde_json::from_str(&text).expect("it reads back");
        assert_eq!(read, manifest);
        assert_eq!(read.trusted(), manifest.trusted());
    }
}
