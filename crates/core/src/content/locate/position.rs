//! Finds where a JSON path's value starts in a file's text, so findings from
//! validation (which works on parsed values) can name a line and column.

use crate::content::path::{JsonPath, Segment};

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Position { line, column }
    }
}

/// Where the value at `path` starts, or the nearest enclosing value that
/// exists. Never panics, whatever the text.
pub fn locate(text: &str, path: &JsonPath) -> Position {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    let mut found = scanner.pos;
    for segment in path.segments() {
        let entered = match segment {
            Segment::Key(key) => scanner.enter_key(key),
            Segment::Index(index) => scanner.enter_index(*index),
        };
        if entered.is_none() {
            break;
        }
        found = scanner.pos;
    }
    Position::of_offset(text, found)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
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

    /// Reads a string starting at the cursor and returns its decoded value.
    fn read_string(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.pos;
        self.skip_string()?;
        let raw = std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?;
        serde_json::from_str(raw).ok()
    }

    fn skip_string(&mut self) -> Option<()> {
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

    fn enter_key(&mut self, wanted: &str) -> Option<()> {
        self.eat(b'{')?;
        loop {
            self.skip_ws();
            if self.peek() == Some(b'}') {
                return None;
            }
            let key = self.read_string()?;
            self.eat(b':')?;
            self.skip_ws();
            if key == wanted {
                return Some(());
            }
            self.skip_value()?;
            self.eat(b',')?;
        }
    }

    fn enter_index(&mut self, wanted: usize) -> Option<()> {
        self.eat(b'[')?;
        for _ in 0..wanted {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return None;
            }
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.skip_ws();
        (self.peek() != Some(b']')).then_some(())
    }
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
}

/// The byte offset of a 1-based line and byte column, as serde_json reports
/// them (the column of the byte where it stopped), clamped to the text.
pub fn offset_of(text: &str, line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(at) => start += at + 1,
            None => return text.len(),
        }
    }
    let mut offset = (start + byte_column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
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

    #[test]
    fn converts_lines_and_columns_to_offsets() {
        let text = "ab\ncdé\nf";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 2), 4);
        assert_eq!(offset_of(text, 2, 3), 5);
        assert_eq!(offset_of(text, 2, 4), 5); // inside é: back to its start
        assert_eq!(offset_of(text, 2, 5), 7);
        assert_eq!(offset_of(text, 9, 9), text.len());
    }
}
