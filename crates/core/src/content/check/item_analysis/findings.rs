//! Item analysis as located findings for `firstline check`: the exam share
//! at the exam's blueprint, each cue at the option, pairs or prompt it is
//! about. Locating needs the files' text, which only the authoring load has;
//! one locator per file serves all its findings, so a file with thousands
//! of cues is read a bounded number of times, not once per cue.

use std::collections::HashMap;

use super::{CueKind, ItemAnalysis};
use crate::content::file::{self, ContentFile};
use crate::content::finding::{Finding, Severity};
use crate::content::library::Source;
use crate::content::locate::{Locator, Position};
use crate::content::path::JsonPath;

/// Errors for exams over the limit, then a warning per cue.
pub fn findings(analysis: &ItemAnalysis, sources: &[Source]) -> Vec<Finding> {
    let mut places = Places::of(sources);
    let mut out = Vec::new();
    for exam in analysis.exams_over_limit() {
        let at = places
            .blueprint(&exam.exam)
            .or_else(|| places.first_question_of(&exam.exam));
        out.push(places.finding(at, Severity::Error, exam.message()));
    }
    for cue in &analysis.cues {
        let at = places
            .question(&cue.file, &cue.question)
            .map(|(source, root)| {
                let base = match cue.item {
                    Some(i) => root.key("items").index(i),
                    None => root,
                };
                let path = match &cue.kind {
                    CueKind::LongKey { answer, .. } | CueKind::Echo { answer, .. } => {
                        base.key("options").index(*answer)
                    }
                    CueKind::NoSpareChoice => base.key("pairs"),
                    CueKind::Sim(_) => base.key("sim"),
                    CueKind::NearDuplicate { .. } => base.key("prompt"),
                };
                (source, path)
            });
        let at = at.or_else(|| places.file(&cue.file).map(|s| (s, JsonPath::root())));
        out.push(places.finding(at, Severity::Warning, cue.message()));
    }
    out
}

/// Where blueprints and questions are written, read from the sources once.
struct Places<'a> {
    sources: &'a [Source],
    /// exam id -> source index; the first file in name order wins, as in
    /// the load.
    blueprints: HashMap<String, usize>,
    /// (file, question id) -> (source index, index in the file)
    questions: HashMap<(&'a str, String), (usize, usize)>,
    /// exam id -> source index of its first question file
    first_sets: HashMap<String, usize>,
    /// source index -> the locator of its findings
    locators: HashMap<usize, Locator<'a>>,
}

/// A source, by index, and a path in it.
type Place = (usize, JsonPath);

impl<'a> Places<'a> {
    fn of(sources: &'a [Source]) -> Self {
        let mut order: Vec<usize> = (0..sources.len()).collect();
        crate::sort::by(&mut order, |&a, &b| sources[a].name.cmp(&sources[b].name));
        let mut blueprints = HashMap::new();
        let mut questions = HashMap::new();
        let mut first_sets = HashMap::new();
        for s in order {
            let source = &sources[s];
            match file::parse(&source.name, &source.text) {
                Ok(ContentFile::Exam(exam)) => {
                    blueprints.entry(exam.id).or_insert(s);
                }
                Ok(ContentFile::QuestionSet(set)) => {
                    if !set.questions.is_empty() {
                        first_sets.entry(set.exam.clone()).or_insert(s);
                    }
                    for (i, q) in set.questions.into_iter().enumerate() {
                        questions
                            .entry((source.name.as_str(), q.id))
                            .or_insert((s, i));
                    }
                }
                _ => {}
            }
        }
        Places {
            sources,
            blueprints,
            questions,
            first_sets,
            locators: HashMap::new(),
        }
    }

    fn blueprint(&self, exam: &str) -> Option<Place> {
        let s = *self.blueprints.get(exam)?;
        Some((s, JsonPath::root().key("id")))
    }

    fn question(&self, file: &str, id: &str) -> Option<Place> {
        let (s, i) = *self.questions.get(&(file, id.to_owned()))?;
        Some((s, JsonPath::root().key("questions").index(i)))
    }

    /// Where an exam's share goes when its blueprint cannot be found:
    /// the first question of its first question file.
    fn first_question_of(&self, exam: &str) -> Option<Place> {
        let s = *self.first_sets.get(exam)?;
        Some((s, JsonPath::root().key("questions").index(0)))
    }

    fn file(&self, name: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.name == name)
    }

    fn finding(&mut self, at: Option<Place>, severity: Severity, message: String) -> Finding {
        let sources = self.sources;
        match at.and_then(|(s, path)| Some((s, sources.get(s)?, path))) {
            Some((s, source, path)) => {
                let locator = self
                    .locators
                    .entry(s)
                    .or_insert_with(|| Locator::new(&source.text));
                Finding::at(
                    &source.name,
                    locator.locate(&path),
                    &path,
                    severity,
                    message,
                )
            }
            None => Finding::at(
                "(content)",
                Position::START,
                &JsonPath::root(),
                severity,
                message,
            ),
        }
    }
}
