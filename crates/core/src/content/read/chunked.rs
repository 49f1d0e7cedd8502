//! Parsing one file a few items per step, with exactly the result
//! `file::parse` gives on the whole text.
//!
//! The top-level object is walked a member at a time, and a `"questions"`
//! array an element at a time: serde_json reads each piece as one value
//! and its end is remembered. Then, for a question or interview set, its
//! other members are deserialized as a small object of their own (with
//! `"questions": []`), so serde applies the same rules to them as to the
//! file (the kind, unknown, repeated and missing fields), and then each
//! element on its own, a step's worth at a time.
//!
//! Only success is taken from the pieces. When every piece reads, the
//! text is one JSON object made of them, and the whole-file parse would
//! give the same set: a value deserializes alone as it does inside its
//! file, and the sets' types nest a few levels deep, far from serde_json's
//! depth limit. Anything else is read by `file::parse` on the whole text,
//! so every finding is exactly what it was: a file that does not parse is
//! read whole, in one step. So are files of the other kinds (one exam or
//! one scenario: a single item), as soon as their `kind` says so.

use std::ops::Range;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Deserializer;

use crate::content::file::ContentFile;
use crate::content::finding::Finding;
use crate::content::interview::{InterviewQuestion, InterviewSet};
use crate::content::question::{QuestionSet, RawQuestion};

use super::budget::Work;
use super::readers::{ReadPiece, Readers};

/// The member of a set that holds its items.
const ITEMS: &str = "questions";
const QUESTION_SET: &str = "question-set";
const INTERVIEW_SET: &str = "interview-set";

/// One file being parsed; see the module notes.
pub(super) struct Chunked {
    at: At,
    /// Where reading resumes in the text.
    pos: usize,
    /// The top-level members other than the items, in order: each key's
    /// quoted text and its value's, as byte ranges.
    members: Vec<(Range<usize>, Range<usize>)>,
    /// The set's kind, once its `kind` member is read.
    kind: Option<String>,
    /// The items' member: how many members came before it, and its key.
    items_key: Option<(usize, Range<usize>)>,
    /// Each item's text.
    items: Vec<Range<usize>>,
    /// The set, once its other members are read; its items are added a
    /// step's worth at a time.
    set: Option<Set>,
}

/// Where in the file reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// Before the opening brace.
    Start,
    /// Before a key or, when `first`, the closing brace.
    Key { first: bool },
    /// Before a comma or the closing brace.
    AfterMember,
    /// Before an item or, when `first`, the closing bracket.
    Item { first: bool },
    /// Before a comma or the closing bracket.
    AfterItem,
    /// After the closing brace: only whitespace may follow.
    End,
    /// Every piece read: the set's own members next.
    Set,
    /// Deserializing the items, from this one on.
    Typed(usize),
}

/// A set being read, with the reader of its items.
enum Set {
    Questions(QuestionSet, ReadPiece<RawQuestion>),
    Interview(InterviewSet, ReadPiece<InterviewQuestion>),
}

/// Reading in pieces stopped: the file is read whole instead.
struct Whole;

/// What a step of parsing came to.
pub(super) enum Parsed {
    More,
    Done(Result<ContentFile, Finding>),
}

impl Chunked {
    pub(super) fn new() -> Self {
        Chunked {
            at: At::Start,
            pos: 0,
            members: Vec::new(),
            kind: None,
            items_key: None,
            items: Vec::new(),
            set: None,
        }
    }

    /// Reads the file `name` with `text` while `work` has room.
    pub(super) fn step(
        &mut self,
        readers: &Readers,
        name: &str,
        text: &str,
        work: &mut Work,
    ) -> Parsed {
        match self.advance(readers, text, work) {
            Ok(Some(content)) => Parsed::Done(Ok(content)),
            Ok(None) => Parsed::More,
            Err(Whole) => {
                work.spend(text.len());
                Parsed::Done(readers.parse(name, text))
            }
        }
    }

    /// Reads pieces while `work` has room; the content once all are read.
    fn advance(
        &mut self,
        readers: &Readers,
        text: &str,
        work: &mut Work,
    ) -> Result<Option<ContentFile>, Whole> {
        let bytes = text.as_bytes();
        while work.left() {
            self.pos = skip_ws(bytes, self.pos);
            let next = bytes.get(self.pos).copied();
            match self.at {
                At::Start => {
                    expect(next, b'{')?;
                    self.pos += 1;
                    self.at = At::Key { first: true };
                }
                At::Key { first: true } if next == Some(b'}') => {
                    self.pos += 1;
                    self.at = At::End;
                }
                At::Key { .. } => self.member(text, work)?,
                At::AfterMember => {
                    self.at = match next {
                        Some(b',') => At::Key { first: false },
                        Some(b'}') => At::End,
                        _ => return Err(Whole),
                    };
                    self.pos += 1;
                }
                At::Item { first: true } if next == Some(b']') => {
                    self.pos += 1;
                    self.at = At::AfterMember;
                }
                At::Item { .. } => {
                    let start = self.pos;
                    let (_, end) = value_at::<IgnoredAny>(text, start)?;
                    work.spend(end.saturating_sub(start));
                    self.items.push(start..end);
                    self.pos = end;
                    self.at = At::AfterItem;
                }
                At::AfterItem => {
                    self.at = match next {
                        Some(b',') => At::Item { first: false },
                        Some(b']') => At::AfterMember,
                        _ => return Err(Whole),
                    };
                    self.pos += 1;
                }
                At::End => {
                    if next.is_some() {
                        return Err(Whole);
                    }
                    self.at = At::Set;
                }
                At::Set => {
                    self.set = Some(self.own_members(readers, text, work)?);
                    self.at = At::Typed(0);
                }
                At::Typed(index) => {
                    let Some(range) = self.items.get(index).cloned() else {
                        return self
                            .set
                            .take()
                            .map(Set::into_content)
                            .map(Some)
                            .ok_or(Whole);
                    };
                    let piece = text.get(range.clone()).ok_or(Whole)?;
                    match self.set.as_mut().ok_or(Whole)? {
                        Set::Questions(set, item) => set.questions.push(item(piece).ok_or(Whole)?),
                        Set::Interview(set, item) => set.questions.push(item(piece).ok_or(Whole)?),
                    }
                    work.spend(range.len());
                    self.at = At::Typed(index + 1);
                }
            }
        }
        Ok(None)
    }

    /// Reads one top-level member, or enters the items' array.
    fn member(&mut self, text: &str, work: &mut Work) -> Result<(), Whole> {
        let bytes = text.as_bytes();
        let key_start = self.pos;
        expect(bytes.get(key_start).copied(), b'"')?;
        let (key, key_end) = value_at::<String>(text, key_start)?;
        let colon = skip_ws(bytes, key_end);
        expect(bytes.get(colon).copied(), b':')?;
        let value = skip_ws(bytes, colon + 1);
        if key == ITEMS && self.items_key.is_none() && bytes.get(value) == Some(&b'[') {
            self.items_key = Some((self.members.len(), key_start..key_end));
            work.spend(value.saturating_sub(key_start));
            self.pos = value + 1;
            self.at = At::Item { first: true };
            return Ok(());
        }
        let (_, end) = value_at::<IgnoredAny>(text, value)?;
        if key == "kind" && self.kind.is_none() {
            // Only sets are read in pieces; an exam or a scenario is one
            // item, read whole at once without reading it in pieces first.
            let kind: String = typed(text.get(value..end).ok_or(Whole)?)?;
            if kind != QUESTION_SET && kind != INTERVIEW_SET {
                return Err(Whole);
            }
            self.kind = Some(kind);
        }
        work.spend(end.saturating_sub(key_start));
        self.members.push((key_start..key_end, value..end));
        self.pos = end;
        self.at = At::AfterMember;
        Ok(())
    }

    /// The set with its members other than the items, deserialized
    /// together as one small object in which the items are `[]`.
    /// A set of a kind `readers` do not read is read whole, for its
    /// finding.
    fn own_members(&self, readers: &Readers, text: &str, work: &mut Work) -> Result<Set, Whole> {
        let (before, key) = self.items_key.clone().ok_or(Whole)?;
        let piece = |range: &Range<usize>| text.get(range.clone()).ok_or(Whole);
        let mut parts = Vec::with_capacity(self.members.len() + 1);
        for (k, v) in &self.members {
            parts.push(format!("{}:{}", piece(k)?, piece(v)?));
        }
        parts.insert(before.min(parts.len()), format!("{}:[]", piece(&key)?));
        let object = format!("{{{}}}", parts.join(","));
        work.spend(object.len());
        match self.kind.as_deref() {
            Some(QUESTION_SET) => {
                let set = readers.question_set.ok_or(Whole)?;
                (set.own)(&object)
                    .map(|s| Set::Questions(s, set.item))
                    .ok_or(Whole)
            }
            Some(INTERVIEW_SET) => {
                let set = readers.interview_set.ok_or(Whole)?;
                (set.own)(&object)
                    .map(|s| Set::Interview(s, set.item))
                    .ok_or(Whole)
            }
            _ => Err(Whole),
        }
    }
}

impl Set {
    fn into_content(self) -> ContentFile {
        match self {
            Set::Questions(set, _) => ContentFile::QuestionSet(set),
            Set::Interview(set, _) => ContentFile::InterviewSet(set),
        }
    }
}

/// The value that starts at byte `at` (after any whitespace), and the
/// byte after it.
fn value_at<T: DeserializeOwned>(text: &str, at: usize) -> Result<(T, usize), Whole> {
    let rest = text.get(at..).ok_or(Whole)?;
    let mut values = Deserializer::from_str(rest).into_iter::<T>();
    match values.next() {
        Some(Ok(value)) => Ok((value, at.saturating_add(values.byte_offset()))),
        _ => Err(Whole),
    }
}

/// `piece` as a whole value of type `T`.
fn typed<T: DeserializeOwned>(piece: &str) -> Result<T, Whole> {
    serde_json::from_str(piece).map_err(|_| Whole)
}

fn expect(found: Option<u8>, wanted: u8) -> Result<(), Whole> {
    if found == Some(wanted) {
        Ok(())
    } else {
        Err(Whole)
    }
}

/// Skips JSON whitespace (exactly the four bytes serde_json accepts).
fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::file;
    use crate::content::read::budget::ITEMS_PER_STEP;
    use crate::content::read::test_sources::bundled_sources;

    /// Parses `text` in steps as the load does, with the number of steps.
    fn in_steps(text: &str) -> (Result<ContentFile, Finding>, usize) {
        let mut chunked = Chunked::new();
        for steps in 1.. {
            let mut work = Work::default();
            if let Parsed::Done(result) = chunked.step(&Readers::all(), "f.json", text, &mut work) {
                return (result, steps);
            }
            assert!(work.items <= ITEMS_PER_STEP, "{work:?}");
        }
        unreachable!("steps never end")
    }

    fn same_as_whole(text: &str) {
        assert_eq!(in_steps(text).0, file::parse("f.json", text), "{text}");
    }

    const SET: &str = r#"{"kind": "question-set", "exam": "X",
  "questions": [
    {"id": "q1", "objective": "1.1", "difficulty": "easy", "type": "single",
     "prompt": "p", "explanation": "e", "options": [{"text": "a", "why": "w"}], "answer": 0},
    {"id": "q2", "objective": "1.1", "difficulty": "hard", "type": "fill",
     "prompt": "p", "explanation": "e", "accept": ["x"]}
  ]
}"#;

    #[test]
    fn every_bundled_file_parses_as_when_read_whole() {
        for source in bundled_sources() {
            assert_eq!(
                in_steps(&source.text).0,
                file::parse("f.json", &source.text),
                "{}",
                source.name
            );
        }
    }

    #[test]
    fn broken_and_unusual_sets_give_the_whole_file_finding() {
        same_as_whole(SET);
        // Every truncation: each is broken somewhere else.
        for end in 0..SET.len() {
            same_as_whole(&SET[..end]);
        }
        for text in [
            // Members in another order, or repeated, missing or unknown.
            r#"{"questions": [], "exam": "X", "kind": "question-set"}"#,
            r#"{"kind": "question-set", "questions": [], "exam": "X", "questions": []}"#,
            r#"{"kind": "question-set", "exam": "X", "kind": "question-set", "questions": []}"#,
            r#"{"kind": "question-set", "exam": "X"}"#,
            r#"{"kind": "question-set", "questions": []}"#,
            r#"{"kind": "question-set", "exam": "X", "questions": [], "extra": 1}"#,
            r#"{"kind": "question-set", "exam": "X", "questions": null}"#,
            r#"{"k\u0069nd": "question-set", "exam": "X", "qu\u0065stions": []}"#,
            r#"{"kind": "interview-set", "questions": [{"id": 1}]}"#,
            r#"{"kind": "interview-set", "questions": []}"#,
            // The editor's schema, read as a member of its own (or refused
            // when it is not a string).
            r#"{"$schema": "../../schema/question-set.schema.json", "kind": "question-set", "exam": "X", "questions": []}"#,
            r#"{"kind": "interview-set", "$schema": 7, "questions": []}"#,
            // Broken separators, trailing commas and text.
            r#"{"kind": "question-set", "exam": "X", "questions": [,]}"#,
            r#"{"kind": "question-set", "exam": "X", "questions": [{} {}]}"#,
            r#"{"kind": "question-set", "exam": "X", "questions": [],}"#,
            r#"{"kind": "question-set", "exam": "X", "questions": []} x"#,
            r#"{"kind": "question-set", "exam": "X", "questions": [1x]}"#,
            r#"{"kind": "question-set" "exam": "X", "questions": []}"#,
            r#"{"kind": 5, "exam": "X", "questions": []}"#,
            r#"{"kind": "exam", "id": "x"}"#,
            "\u{feff}{\"kind\": \"question-set\", \"exam\": \"X\", \"questions\": []}",
            " \t\r\n{ } ",
            "[]",
            "",
        ] {
            same_as_whole(text);
        }
        // A question nested past serde_json's depth limit.
        let deep = format!(
            r#"{{"kind": "question-set", "exam": "X", "questions": [{{"id": {}1{}}}]}}"#,
            "[".repeat(126),
            "]".repeat(126)
        );
        same_as_whole(&deep);
    }

    #[test]
    fn seeded_random_edits_give_the_whole_file_result() {
        const NOISE: &[char] = &['{', '}', '[', ']', '"', ',', ':', '\\', '0', ' ', 'é'];
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..3_000 {
            let mut chars: Vec<char> = SET.chars().collect();
            for _ in 0..rng.usize(1..4) {
                let at = rng.usize(0..chars.len());
                match rng.u8(0..3) {
                    0 => {
                        chars.remove(at);
                    }
                    1 => chars.insert(at, NOISE[rng.usize(0..NOISE.len())]),
                    _ => chars[at] = NOISE[rng.usize(0..NOISE.len())],
                }
            }
            same_as_whole(&chars.into_iter().collect::<String>());
        }
    }

    #[test]
    fn a_set_of_a_kind_without_readers_is_reported_as_when_read_whole() {
        let text = r#"{"kind": "interview-set", "questions": [
  {"id": "q1"}, {"id": "q2"}
]}"#;
        let questions_only = Readers::questions();
        let mut chunked = Chunked::new();
        let result = loop {
            let mut work = Work::default();
            if let Parsed::Done(result) = chunked.step(&questions_only, "f.json", text, &mut work) {
                break result;
            }
        };
        assert_eq!(result, questions_only.parse("f.json", text));
        let finding = result.expect_err("no interview reader");
        assert_eq!((finding.path.as_str(), finding.line), ("kind", 1));
        assert!(
            finding.message.contains("does not read \"interview-set\""),
            "{}",
            finding.message
        );
    }

    #[test]
    fn a_large_set_takes_many_small_steps() {
        let item = r#"{"id": "q", "objective": "1.1", "difficulty": "easy", "type": "fill",
     "prompt": "p", "explanation": "e", "accept": ["x"]}"#;
        let items = vec![item; 1_000].join(",\n");
        let text = format!(
            "{{\"kind\": \"question-set\", \"exam\": \"X\", \"questions\": [\n{items}\n]}}"
        );
        let (result, steps) = in_steps(&text);
        assert_eq!(result, file::parse("f.json", &text));
        // 1,000 items read, then 1,000 deserialized, 200 a step.
        assert!(steps >= 10, "{steps} steps");
    }
}
