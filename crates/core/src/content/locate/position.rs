//! Line:column positions of byte offsets. [`LineIndex`] is built in one
//! pass over a file and answers each offset in logarithmic time, so a
//! file with thousands of findings or ids is not rescanned per position.

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `offset` in `text` (one pass over the text;
    /// build a [`LineIndex`] to ask for many).
    pub fn of_offset(text: &str, offset: usize) -> Self {
        LineIndex::new(text).position(offset)
    }
}

/// Characters are counted from a mark every this many bytes.
const MARK_EVERY: usize = 256;

/// Where each line starts, and how many characters come before every
/// 256th byte, for one text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    table: LineTable,
}

impl<'a> LineIndex<'a> {
    /// One pass over `text`.
    pub fn new(text: &'a str) -> Self {
        let mut table = LineTable::default();
        table.extend_to(text, text.len());
        LineIndex { text, table }
    }

    /// The position of byte `offset`, clamped to the text and moved back
    /// to the start of the character it falls in.
    pub fn position(&self, offset: usize) -> Position {
        self.table.position(self.text, offset)
    }
}

/// A [`LineIndex`] without its text, built only as far as positions were
/// asked for. A [`Locator`](super::Locator) keeps one between the steps a
/// large file is checked in: each step then reads only the part of the
/// text its findings are in, and the whole text once over all steps.
#[derive(Debug, Clone, Default)]
pub struct LineTable {
    /// Byte offset of each line's first byte, up to `built`; the first
    /// is 0.
    line_starts: Vec<usize>,
    /// `marks[k]`: characters in the first `k * MARK_EVERY` bytes.
    marks: Vec<usize>,
    /// Bytes indexed so far: a multiple of `MARK_EVERY`, or the whole text.
    built: usize,
    /// Characters in the first `built` bytes.
    chars: usize,
}

impl LineTable {
    /// Indexes `text` at least as far as `offset` (a mark at a time), and
    /// returns how many bytes that read.
    pub fn extend_to(&mut self, text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        if self.line_starts.is_empty() {
            self.line_starts.push(0);
        }
        let from = self.built;
        let target = offset.min(bytes.len());
        while self.built <= target && self.built < bytes.len() {
            let end = self.built.saturating_add(MARK_EVERY).min(bytes.len());
            self.marks.push(self.chars);
            for (i, &byte) in bytes[self.built..end].iter().enumerate() {
                if byte == b'\n' {
                    self.line_starts.push(self.built + i + 1);
                }
                self.chars += usize::from(is_char_start(byte));
            }
            self.built = end;
        }
        // The mark for the end of the text when its length is a multiple
        // of MARK_EVERY (the loop above pushes one per chunk start only):
        // without it the end of such a text counted 0 characters before it.
        if self.built == bytes.len()
            && bytes.len().is_multiple_of(MARK_EVERY)
            && self.marks.len() == bytes.len() / MARK_EVERY
        {
            self.marks.push(self.chars);
        }
        self.built - from
    }

    /// The position of byte `offset` in `text` (the text this table
    /// indexes), clamped to the text and moved back to the start of the
    /// character it falls in. The table must reach `offset`
    /// ([`extend_to`](Self::extend_to)); where it does not, lines and
    /// characters past its end are not counted.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // line_starts[0] == 0 <= offset, so at least one start qualifies.
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .chars_before(text, offset)
            .saturating_sub(self.chars_before(text, line_start))
            + 1;
        Position { line, column }
    }

    /// Characters in the text before byte `offset` (at most `MARK_EVERY`
    /// bytes counted).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = offset / MARK_EVERY;
        let from = mark * MARK_EVERY;
        let counted = self.marks.get(mark).copied().unwrap_or(0);
        let rest = text.as_bytes().get(from..offset).unwrap_or(&[]);
        counted + rest.iter().filter(|&&b| is_char_start(b)).count()
    }
}

/// Whether a UTF-8 byte starts a character (is not a continuation byte).
fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
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
    let mut offset = start
        .saturating_add(byte_column.saturating_sub(1))
        .min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position by counting from the start: what the index must equal.
    fn counted(text: &str, offset: usize) -> Position {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }

    /// Found by the fuzzer: at the very end of a text whose length is a
    /// multiple of the mark spacing, the column underflowed.
    #[test]
    fn the_end_of_a_text_a_multiple_of_the_mark_spacing_long() {
        for lines in [false, true] {
            for len in [MARK_EVERY, 2 * MARK_EVERY, 4 * MARK_EVERY] {
                let text: String = (0..len)
                    .map(|i| if lines && i % 40 == 39 { '\n' } else { 'a' })
                    .collect();
                let index = LineIndex::new(&text);
                assert_eq!(index.position(len), counted(&text, len), "len {len}");
                assert_eq!(index.position(len - 1), counted(&text, len - 1));
            }
        }
    }

    #[test]
    fn the_index_agrees_with_counting_at_every_offset() {
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(match i % 5 {
                0 => "ab\n",
                1 => "é€😀 ",
                2 => "\n\n",
                3 => "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                _ => "ü",
            });
        }
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) {
                assert_eq!(
                    index.position(offset),
                    counted(&text, offset),
                    "at {offset}"
                );
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "aé\nb";
        let index = LineIndex::new(text);
        // Byte 2 is inside é: it is at é.
        assert_eq!(index.position(2), Position { line: 1, column: 2 });
        assert_eq!(index.position(99), Position { line: 2, column: 2 });
        assert_eq!(LineIndex::new("").position(5), Position::START);
        assert_eq!(
            Position::of_offset(text, 4),
            Position { line: 2, column: 1 }
        );
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
        assert_eq!(offset_of(text, 1, usize::MAX), text.len());
    }
}
