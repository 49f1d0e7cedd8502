//! Converting question sets to and from other quiz formats: Moodle GIFT,
//! Aiken, Anki's tab-separated notes and Moodle XML in (`import`; `xml` is
//! the small XML reader), GIFT and Moodle XML out (`export`). One format per file; this module holds what they share:
//! the settings an import applies to every item (the fields the other
//! formats lack), the findings, the limits and the JSON writer.
//!
//! Nothing is dropped silently: whatever cannot be converted, and whatever
//! the author must still write (an explanation, an option's "why"), is a
//! [`Note`] with the line it comes from. Texts are never invented.

pub mod aiken;
pub mod anki;
pub mod gift;
pub mod moodle_xml;
pub mod moodle_xml_import;
pub mod write;
mod xml;

use std::fmt;

use crate::content::check::question::check_questions;
use crate::content::finding::Reporter;
use crate::content::locate::Locator;
use crate::content::path::JsonPath;
use crate::content::question::{Difficulty, QuestionSet, RawQuestion};

/// The largest file an import reads (8 MiB of text).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// The most questions one import or export converts; the rest are
/// reported in one finding.
pub const MAX_ITEMS: usize = 10_000;

/// How much a finding asks of the author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Something in the source was not converted (an item or a part of one).
    Skipped,
    /// Converted, but the author must still write or fix something before
    /// `firstline check` passes.
    Todo,
    /// Converted with a change worth knowing about; nothing to do.
    Note,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Skipped => "not converted",
            Level::Todo => "to do",
            Level::Note => "note",
        }
    }
}

/// One finding of a conversion, at a 1-based line and column of the file
/// it is about (the source of an import, the question set of an export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub column: usize,
    pub level: Level,
    pub message: String,
    /// For an export: the index of the question concerned in the set, so
    /// [`locate_in_set`] can give its line.
    pub question: Option<usize>,
}

impl Note {
    pub fn at(line: usize, level: Level, message: impl Into<String>) -> Self {
        Note {
            line,
            column: 1,
            level,
            message: message.into(),
            question: None,
        }
    }

    /// A finding about question `index` of the set being exported.
    pub fn on_question(index: usize, level: Level, message: impl Into<String>) -> Self {
        Note {
            line: 1,
            column: 1,
            level,
            message: message.into(),
            question: Some(index),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line,
            self.column,
            self.level.label(),
            self.message
        )
    }
}

/// What an import applies to every item: the fields GIFT, Aiken and Anki
/// do not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSettings {
    pub exam: String,
    pub objective: String,
    pub difficulty: Difficulty,
    /// Ids are this prefix and a number (`net-001`) unless the source
    /// names the item (a GIFT title).
    pub id_prefix: String,
}

/// The result of converting one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion<T> {
    pub output: T,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Gift,
    Aiken,
    Anki,
    MoodleXml,
}

impl ImportFormat {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "gift" => Some(ImportFormat::Gift),
            "aiken" => Some(ImportFormat::Aiken),
            "anki" => Some(ImportFormat::Anki),
            "moodle-xml" | "xml" => Some(ImportFormat::MoodleXml),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Gift,
    MoodleXml,
}

impl ExportFormat {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "gift" => Some(ExportFormat::Gift),
            "moodle-xml" | "xml" => Some(ExportFormat::MoodleXml),
            _ => None,
        }
    }
}

/// Converts `text` in `format` into a question set. Always gives a set
/// (perhaps empty) and the findings; a file over [`MAX_INPUT_BYTES`] is
/// not read and says so.
pub fn import(
    format: ImportFormat,
    text: &str,
    settings: &ImportSettings,
) -> Conversion<QuestionSet> {
    let mut set = QuestionSet {
        schema: None,
        kind: "question-set".into(),
        exam: settings.exam.clone(),
        questions: Vec::new(),
    };
    if text.len() > MAX_INPUT_BYTES {
        return Conversion {
            output: set,
            notes: vec![Note::at(
                1,
                Level::Skipped,
                format!(
                    "the file holds {} bytes, more than the {MAX_INPUT_BYTES} an import reads; split it into smaller files",
                    text.len()
                ),
            )],
        };
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (items, mut notes) = match format {
        ImportFormat::Gift => gift::import(text, settings),
        ImportFormat::Aiken => aiken::import(text, settings),
        ImportFormat::Anki => anki::import(text, settings),
        ImportFormat::MoodleXml => moodle_xml_import::import(text, settings),
    };
    let mut ids = Ids::default();
    let mut lines = Vec::new();
    for item in items {
        let mut question = item.question;
        question.id = ids.unique(item.name.as_deref(), &settings.id_prefix);
        lines.push(item.line);
        set.questions.push(question);
    }
    notes.extend(remaining_problems(&set, &lines));
    crate::sort::by_key(&mut notes, |n| (n.line, n.column, n.level));
    Conversion { output: set, notes }
}

/// Converts a question set to `format`.
pub fn export(format: ExportFormat, set: &QuestionSet) -> Conversion<String> {
    match format {
        ExportFormat::Gift => gift::export(set),
        ExportFormat::MoodleXml => moodle_xml::export(set),
    }
}

/// Gives each export finding the line of its question in the set's text.
pub fn locate_in_set(text: &str, notes: &mut [Note]) {
    let mut locator = Locator::new(text);
    let root = JsonPath::root().key("questions");
    for note in notes.iter_mut() {
        if let Some(index) = note.question {
            let position = locator.locate(&root.index(index));
            note.line = position.line;
            note.column = position.column;
        }
    }
}

/// A converted question, before ids are given out.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub question: RawQuestion,
    /// The name the source gives it (a GIFT title), used for its id.
    pub name: Option<String>,
    /// Where it starts in the source.
    pub line: usize,
}

/// Hands out ids unique within the file: a slug of the source's name, or
/// the prefix and a running number.
#[derive(Default)]
struct Ids {
    used: std::collections::HashSet<String>,
    next: usize,
}

impl Ids {
    fn unique(&mut self, name: Option<&str>, prefix: &str) -> String {
        let base = name.map(slug).filter(|s| !s.is_empty());
        let candidate = match base {
            Some(base) => {
                let mut id = base.clone();
                let mut n = 2;
                while self.used.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                id
            }
            None => loop {
                self.next += 1;
                let id = format!("{prefix}-{:03}", self.next);
                if !self.used.contains(&id) {
                    break id;
                }
            },
        };
        self.used.insert(candidate.clone());
        candidate
    }
}

/// Lower-case letters, digits, `.`, `_` and `-`; every other run becomes
/// one dash.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The letter naming option `index` (A, B, ...).
pub fn letter(index: usize) -> String {
    u8::try_from(index).ok().filter(|&i| i < 26).map_or_else(
        || (index + 1).to_string(),
        |i| char::from(b'A' + i).to_string(),
    )
}

/// The to-do findings every importer gives for texts it could not find:
/// the question's explanation and each option's or pair's "why".
pub fn missing_texts(question: &RawQuestion, line: usize, explanation_source: &str) -> Vec<Note> {
    let mut notes = Vec::new();
    let missing: Vec<String> = question
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.why.trim().is_empty())
        .map(|(i, _)| letter(i))
        .collect();
    if !missing.is_empty() {
        notes.push(Note::at(
            line,
            Level::Todo,
            format!(
                "\"why\" is missing for option{} {}: write why each is right or wrong",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ),
        ));
    }
    let pairs: Vec<String> = question
        .pairs
        .iter()
        .filter(|p| p.why.trim().is_empty())
        .map(|p| format!("\"{}\"", p.left))
        .collect();
    if !pairs.is_empty() {
        notes.push(Note::at(
            line,
            Level::Todo,
            format!(
                "\"why\" is missing for the pair{} {}: write why each matches",
                if pairs.len() == 1 { "" } else { "s" },
                pairs.join(", ")
            ),
        ));
    }
    if question.explanation.trim().is_empty() {
        notes.push(Note::at(
            line,
            Level::Todo,
            format!("the explanation is missing ({explanation_source}): write why the answer is what it is"),
        ));
    }
    notes
}

/// Whatever else `firstline check` would still report on the converted
/// questions (an option count out of range, a duplicate option), as to-do
/// findings at each question's line. Missing texts are reported by the
/// importers themselves.
fn remaining_problems(set: &QuestionSet, lines: &[usize]) -> Vec<Note> {
    let text = write::question_set(set);
    let mut reporter = Reporter::new("import", &text);
    let _ = check_questions(set, None, 0..set.questions.len(), &mut reporter);
    let mut notes = Vec::new();
    for finding in reporter.finish() {
        let path = finding.path.as_str();
        if path.ends_with(".why")
            || path.ends_with(".explanation")
            || finding.message.starts_with("explanation is empty")
        {
            continue;
        }
        let index = path
            .strip_prefix("questions[")
            .and_then(|rest| rest.split(']').next())
            .and_then(|n| n.parse::<usize>().ok());
        let line = index.and_then(|i| lines.get(i)).copied().unwrap_or(1);
        let within = index.map_or(path, |i| {
            path.strip_prefix(&format!("questions[{i}]"))
                .map_or(path, |p| p.trim_start_matches('.'))
        });
        let place = if within.is_empty() {
            String::new()
        } else {
            format!(" (at {within})")
        };
        notes.push(Note::at(
            line,
            Level::Todo,
            format!("{}{place}", finding.message),
        ));
    }
    notes
}

/// Splits text into lines, numbered from 1, without their line endings.
pub(crate) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
}

/// The note given once the item limit is reached.
pub(crate) fn too_many(line: usize) -> Note {
    Note::at(
        line,
        Level::Skipped,
        format!("stopped after {MAX_ITEMS} questions, the most one conversion reads; this and every later question were not converted: split the file"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_digits_and_dashes() {
        assert_eq!(slug("  Q1: DNS ports!  "), "q1-dns-ports");
        assert_eq!(slug("net-dns-01"), "net-dns-01");
        assert_eq!(slug("***"), "");
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique(Some("Q1"), "p"), "q1");
        assert_eq!(ids.unique(Some("q1"), "p"), "q1-2");
        assert_eq!(ids.unique(None, "p"), "p-001");
        assert_eq!(ids.unique(None, "p"), "p-002");
    }

    #[test]
    fn letters_name_options() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(3), "D");
        assert_eq!(letter(30), "31");
    }
}
