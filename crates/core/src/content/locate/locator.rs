//! Finds where a JSON path's value starts in a file's text, so findings from
//! validation (which works on parsed values) can name a line and column.
//!
//! A [`Locator`] serves every path asked of one file. It reads each object
//! or array the first time a path enters it, only as far as that path
//! needs, and remembers where each member starts; the next path into the
//! same container resumes there. So locating every question id of a file
//! reads the file a bounded number of times (once per level of the paths),
//! not once per id, and line:column come from a line index built once
//! (as far as the paths asked).

use std::collections::hash_map::{Entry, HashMap};

use super::position::{LineTable, Position};
use crate::content::path::{JsonPath, Segment};

/// Where the value at `path` starts, or the nearest enclosing value that
/// exists. Never panics, whatever the text. For many paths in one text,
/// use a [`Locator`].
pub fn locate(text: &str, path: &JsonPath) -> Position {
    Locator::new(text).locate(path)
}

/// Locates many paths in one text in time linear in the text (see the
/// module notes).
pub struct Locator<'a> {
    text: &'a str,
    memory: LocatorMemory,
}

/// What a [`Locator`] has learnt of its text, without the text: kept
/// between the steps a large file is checked in
/// ([`Locator::pause`], [`Locator::resume`]), so the file is still read a
/// bounded number of times in all.
#[derive(Default)]
pub struct LocatorMemory {
    /// Line starts and character counts, as far as positions were asked.
    lines: LineTable,
    /// Containers entered so far, by the byte offset of their bracket.
    containers: HashMap<usize, Container>,
    /// Bytes read so far, for tests that prove the work is linear.
    scanned: usize,
}

/// What is known of one object or array.
struct Container {
    object: bool,
    members: Vec<Member>,
    /// True once the closing bracket (or broken text) was reached.
    done: bool,
}

struct Member {
    /// An object member's key, as the byte range inside its quotes.
    key: Option<(usize, usize)>,
    /// Where the member's value starts.
    value: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator::resume(text, LocatorMemory::default())
    }

    /// Goes on locating in `text` with what an earlier locator of the same
    /// text learnt.
    pub fn resume(text: &'a str, memory: LocatorMemory) -> Self {
        Locator { text, memory }
    }

    /// What this locator learnt, to [`resume`](Self::resume) later.
    pub fn pause(self) -> LocatorMemory {
        self.memory
    }

    /// Where the value at `path` starts, or the nearest enclosing value
    /// that exists.
    pub fn locate(&mut self, path: &JsonPath) -> Position {
        let offset = self.offset(path);
        self.position(offset)
    }

    /// The byte offset where the value at `path` starts, or the nearest
    /// enclosing value that exists.
    pub fn offset(&mut self, path: &JsonPath) -> usize {
        let mut scanner = Scanner {
            bytes: self.text.as_bytes(),
            pos: 0,
        };
        scanner.skip_ws();
        let mut at = scanner.pos;
        self.memory.scanned += at;
        for segment in path.segments() {
            match self.member(at, segment) {
                Some(value) => at = value,
                None => break,
            }
        }
        at
    }

    /// The line and column of a byte offset (the line index is built as
    /// far as the offsets asked, once).
    pub fn position(&mut self, offset: usize) -> Position {
        let memory = &mut self.memory;
        memory.scanned += memory.lines.extend_to(self.text, offset);
        memory.lines.position(self.text, offset)
    }

    /// Bytes read so far by this locator.
    pub fn scanned(&self) -> usize {
        self.memory.scanned
    }

    /// Where the member `segment` of the container at `at` starts.
    fn member(&mut self, at: usize, segment: &Segment) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let container = match self.memory.containers.entry(at) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let object = match bytes.get(at) {
                    Some(b'{') => true,
                    Some(b'[') => false,
                    _ => return None,
                };
                entry.insert(Container {
                    object,
                    members: Vec::new(),
                    done: false,
                })
            }
        };
        match segment {
            Segment::Index(index) => {
                if container.object {
                    return None;
                }
                while container.members.len() <= *index && !container.done {
                    self.memory.scanned += container.advance(bytes, at);
                }
                container.members.get(*index).map(|m| m.value)
            }
            Segment::Key(wanted) => {
                if !container.object {
                    return None;
                }
                let known = container
                    .members
                    .iter()
                    .find(|m| key_is(self.text, m.key, wanted));
                if let Some(member) = known {
                    return Some(member.value);
                }
                while !container.done {
                    let before = container.members.len();
                    self.memory.scanned += container.advance(bytes, at);
                    if let Some(member) = container.members.get(before) {
                        if key_is(self.text, member.key, wanted) {
                            return Some(member.value);
                        }
                    }
                }
                None
            }
        }
    }
}

impl Container {
    /// Reads the next member of the container whose bracket is at `open`,
    /// and returns how many bytes it read.
    fn advance(&mut self, bytes: &[u8], open: usize) -> usize {
        let mut s = Scanner {
            bytes,
            pos: open + 1,
        };
        if let Some(last) = self.members.last() {
            s.pos = last.value;
        }
        let start = s.pos;
        if !self.members.is_empty() && (s.skip_value().is_none() || s.eat(b',').is_none()) {
            self.done = true;
            return s.pos.saturating_sub(start);
        }
        s.skip_ws();
        if matches!(s.peek(), None | Some(b'}' | b']')) {
            self.done = true;
            return s.pos.saturating_sub(start);
        }
        let key = if self.object {
            let key_start = s.pos;
            if s.skip_string().is_none() {
                self.done = true;
                return s.pos.saturating_sub(start);
            }
            // The key's text, inside its quotes.
            let key = (key_start + 1, s.pos - 1);
            if s.eat(b':').is_none() {
                self.done = true;
                return s.pos.saturating_sub(start);
            }
            s.skip_ws();
            Some(key)
        } else {
            None
        };
        self.members.push(Member { key, value: s.pos });
        s.pos.saturating_sub(start)
    }
}

/// Whether the key in `range` (inside its quotes) reads as `wanted`.
fn key_is(text: &str, range: Option<(usize, usize)>, wanted: &str) -> bool {
    let Some((start, end)) = range else {
        return false;
    };
    let Some(raw) = text.as_bytes().get(start..end) else {
        return false;
    };
    if !raw.contains(&b'\\') {
        return raw == wanted.as_bytes();
    }
    // Escapes: decode the quoted key.
    text.get(start.saturating_sub(1)..end + 1)
        .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
        .is_some_and(|key| key == wanted)
}

pub(super) struct Scanner<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    pub(super) fn skip_string(&mut self) -> Option<()> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value of any kind without recursion, so deep nesting is safe.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => self.pos += 1,
                b' ' | b'\t' | b'\n' | b'\r' if depth > 0 => self.pos += 1,
                b',' | b':' | b' ' | b'\t' | b'\n' | b'\r' => return Some(()),
                _ => self.pos += 1,
            }
            if depth == 0 && self.at_value_end() {
                return Some(());
            }
        }
    }

    fn at_value_end(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
        )
    }
}

/// The JSON path of the value being read at byte `offset`: the inverse of
/// [`locate`], used to name the path of a parse error from its position.
pub fn path_at(text: &str, offset: usize) -> JsonPath {
    enum Frame {
        Object {
            key: Option<String>,
            expect_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut scanner = Scanner { bytes, pos: 0 };
    while scanner.pos < end {
        match bytes[scanner.pos] {
            b'{' => {
                stack.push(Frame::Object {
                    key: None,
                    expect_key: true,
                });
                scanner.pos += 1;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                scanner.pos += 1;
            }
            b'}' | b']' => {
                stack.pop();
                scanner.pos += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key }) => {
                        *key = None;
                        *expect_key = true;
                    }
                    Some(Frame::Array { index }) => *index += 1,
                    None => {}
                }
                scanner.pos += 1;
            }
            b'"' => {
                let start = scanner.pos;
                if scanner.skip_string().is_none() {
                    break;
                }
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        let raw = text.get(start..scanner.pos).unwrap_or("\"\"");
                        *key = Some(serde_json::from_str(raw).unwrap_or_default());
                        *expect_key = false;
                    }
                }
            }
            _ => scanner.pos += 1,
        }
    }
    let mut path = JsonPath::root();
    for frame in &stack {
        path = match frame {
            Frame::Object { key: Some(key), .. } => path.key(key),
            Frame::Object { key: None, .. } => return path,
            Frame::Array { index } => path.index(*index),
        };
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "kind": "question-set",
  "questions": [
    { "id": "a", "answer": [1] },
    {
      "id": "b",
      "answer": [7],
      "nested": {"x": [1, {"y": "}"}]}
    }
  ]
}"#;

    fn at(path: JsonPath) -> (usize, usize) {
        let p = locate(TEXT, &path);
        (p.line, p.column)
    }

    #[test]
    fn finds_nested_values() {
        let q = JsonPath::root().key("questions");
        assert_eq!(at(q.clone()), (3, 16));
        assert_eq!(at(q.index(0).key("answer")), (4, 28));
        assert_eq!(at(q.index(1).key("answer")), (7, 17));
        assert_eq!(at(q.index(1).key("answer").index(0)), (7, 18));
        assert_eq!(at(q.index(1).key("nested").key("x").index(1)), (8, 27));
    }

    #[test]
    fn falls_back_to_the_nearest_existing_parent() {
        let q = JsonPath::root().key("questions");
        assert_eq!(at(q.index(1).key("missing")), (5, 5));
        assert_eq!(at(q.index(9)), (3, 16));
        assert_eq!(at(JsonPath::root()), (1, 1));
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in [
            "", "{", "[", "\"", "{\"a\":", "[1,", "{\"a\\", "]]]", "\u{e9}{",
        ] {
            let _ = locate(text, &JsonPath::root().key("a").index(3).key("b"));
        }
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "{\"é\": 1, \"b\": 2}";
        let p = locate(text, &JsonPath::root().key("b"));
        assert_eq!((p.line, p.column), (1, 15));
    }

    /// A question set of `n` questions, pretty-printed, with non-ASCII text.
    fn bank(n: usize) -> String {
        let questions: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "    {{\n      \"id\": \"q-{i}\",\n      \"prompt\": \"Qu'est-ce qui a changé {i}?\",\n      \"options\": [{{\"text\": \"a\", \"why\": \"é\"}}, {{\"text\": \"b\", \"why\": \"w\"}}],\n      \"answer\": 1\n    }}"
                )
            })
            .collect();
        format!(
            "{{\n  \"kind\": \"question-set\",\n  \"questions\": [\n{}\n  ]\n}}\n",
            questions.join(",\n")
        )
    }

    /// The paths the loader asks for in every question.
    fn question_paths(n: usize) -> Vec<JsonPath> {
        let q = JsonPath::root().key("questions");
        (0..n)
            .flat_map(|i| {
                [
                    q.index(i).key("id"),
                    q.index(i).key("options").index(1).key("why"),
                    q.index(i).key("answer"),
                ]
            })
            .collect()
    }

    #[test]
    fn one_locator_answers_as_locating_each_path_afresh() {
        let text = bank(40);
        let mut locator = Locator::new(&text);
        let mut paths = question_paths(40);
        // Out of order, repeated, and some that do not exist.
        paths.reverse();
        paths.extend(question_paths(3));
        paths.push(JsonPath::root().key("questions").index(99).key("id"));
        paths.push(JsonPath::root().key("questions").index(2).key("nope"));
        paths.push(JsonPath::root().key("kind").index(0));
        for path in &paths {
            assert_eq!(locator.locate(path), locate(&text, path), "{path}");
        }
        let p = locator.locate(&JsonPath::root().key("questions").index(7).key("id"));
        assert_eq!((p.line, p.column), (4 + 7 * 6 + 1, 13));
    }

    #[test]
    fn locating_every_question_is_linear_in_the_file() {
        // Before, each id was found by reading the file from the start:
        // doubling the questions quadrupled the work.
        let work = |n: usize| {
            let text = bank(n);
            let mut locator = Locator::new(&text);
            for path in question_paths(n) {
                locator.locate(&path);
            }
            (locator.scanned(), text.len())
        };
        let (small, small_len) = work(1_000);
        let (large, large_len) = work(4_000);
        // Each byte is read once per level of the paths, plus the line index.
        assert!(small <= 6 * small_len, "{small} bytes read for {small_len}");
        assert!(large <= 6 * large_len, "{large} bytes read for {large_len}");
        assert!(
            large * 10 <= small * 4 * 11,
            "four times the questions took {large} bytes of reading against {small}"
        );
    }

    #[test]
    fn keys_with_escapes_are_compared_as_decoded() {
        let text = r#"{"a\"b": 1, "\u0063": [5, 6]}"#;
        let p = locate(text, &JsonPath::root().key("c").index(1));
        assert_eq!((p.line, p.column), (1, 27));
        let p = locate(text, &JsonPath::root().key("a\"b"));
        assert_eq!((p.line, p.column), (1, 10));
    }

    #[test]
    fn a_locator_never_panics_on_broken_text() {
        for text in [
            "",
            "{",
            "[",
            "\"",
            "{\"a\":",
            "[1,",
            "{\"a\\",
            "]]]",
            "\u{e9}{",
            "{\"a\" 1}",
            "[[[[",
            "{\"a\": [1, 2",
            "{\"a\": {\"b\": \"\\",
        ] {
            let mut locator = Locator::new(text);
            for path in [
                JsonPath::root().key("a").index(3).key("b"),
                JsonPath::root().key("a").index(1),
                JsonPath::root().index(0).index(0).index(0),
                JsonPath::root().key("a").key("b"),
            ] {
                let p = locator.locate(&path);
                assert_eq!(p, locate(text, &path), "{text:?} {path}");
            }
        }
    }
}

#[cfg(test)]
mod path_at_tests {
    use super::*;

    #[test]
    fn names_the_key_or_element_at_an_offset() {
        let text = r#"{"a": [{"b": 1}, {"c": "x", "d": [5, 6]}], "e": true}"#;
        let at =
            |needle: &str| path_at(text, text.find(needle).unwrap() + needle.len()).to_string();
        assert_eq!(at("\"b\""), "a[0].b");
        assert_eq!(at("\"x\""), "a[1].c");
        assert_eq!(at("[5, 6"), "a[1].d[1]");
        assert_eq!(at("[5, 6]}"), "a[1]");
        assert_eq!(at("\"e\": tr"), "e");
    }
}
