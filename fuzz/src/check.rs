//! The invariants the targets assert. Each panics with what broke and the
//! values involved, which libFuzzer reports as a crash.

use std::fmt::Debug;

use firstline_core::content::locate::Position;
use firstline_core::content::Finding;
use firstline_core::store::{self, Document, KeyValueStore, Loaded, MemoryStore, Notice};

/// A 1-based line and column (columns in characters) that lie in `text`:
/// on one of its lines, at most one past the line's last character.
pub fn position_in(text: &str, line: usize, column: usize, what: &str) {
    assert!(
        line >= 1 && column >= 1,
        "{what}: {line}:{column} is not 1-based"
    );
    let Some(line_text) = text.split('\n').nth(line - 1) else {
        panic!(
            "{what}: line {line} is past the end ({} lines)",
            text.split('\n').count()
        );
    };
    let chars = line_text.chars().count();
    assert!(
        column <= chars + 1,
        "{what}: column {column} is past the end of line {line} ({chars} characters)"
    );
}

/// The byte offset of a position that `position_in` accepted.
pub fn offset_of_position(text: &str, position: Position) -> usize {
    let mut start = 0;
    for _ in 1..position.line {
        start += text[start..].find('\n').map_or(0, |at| at + 1);
    }
    let line = &text[start..];
    start
        + line
            .char_indices()
            .nth(position.column - 1)
            .map_or(line.len(), |(at, _)| at)
}

/// A finding located inside its file.
pub fn finding_in(text: &str, finding: &Finding) {
    position_in(
        text,
        finding.line,
        finding.column,
        &format!("finding {finding}"),
    );
    assert!(!finding.message.is_empty(), "a finding without a message");
}

/// A byte span inside `text`, on character boundaries.
pub fn span_in(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} is outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} splits a character in {:?}",
        text
    );
}

/// A score on the 0-100 scale.
pub fn percent(score: u32, what: &str) {
    assert!(score <= 100, "{what}: {score} is above 100");
}

/// A share on the 0-1 scale.
pub fn share(value: f64, what: &str) {
    assert!(
        value.is_finite() && (0.0..=1.0).contains(&value),
        "{what}: {value} is not in 0..=1"
    );
}

/// Loads `D` from a store that holds `text` under its key, and checks what
/// loading promises: an unreadable text is kept aside unchanged and the
/// document starts fresh; whatever was read saves, and what was saved reads
/// back equal, with no notice. Returns the loaded document.
pub fn store_round_trip<D: Document + PartialEq + Debug + Clone>(text: &str) -> D {
    let kv = MemoryStore::new();
    kv.set(D::KEY, text)
        .expect("a memory store without a limit");
    let first: Loaded<D> = store::load(&kv, 7);
    match &first.notice {
        None => {}
        Some(Notice::KeptAside { backup_key, .. }) => {
            assert_eq!(
                first.doc,
                D::default(),
                "an unreadable document starts fresh"
            );
            assert_eq!(
                kv.get(backup_key).ok().flatten().as_deref(),
                Some(text),
                "the unreadable text is kept aside unchanged"
            );
        }
        Some(Notice::Upgraded { backup_key, .. }) => {
            assert_eq!(
                kv.get(backup_key).ok().flatten().as_deref(),
                Some(text),
                "the original of an upgrade is kept unchanged"
            );
        }
        Some(other) => panic!("a memory store gave {other:?}"),
    }
    assert!(first.writable, "a memory store is always writable here");
    assert_reads_back(&first.doc);
    first.doc
}

/// Saves `doc` and reads it back: equal, with no notice, and saving what
/// was read writes the same text again.
pub fn assert_reads_back<D: Document + PartialEq + Debug>(doc: &D) {
    let kv = MemoryStore::new();
    if let Err(e) = store::save(&kv, doc, 8) {
        panic!("a document that was read cannot be saved: {e}\n{doc:?}");
    }
    let saved = kv.get(D::KEY).ok().flatten().unwrap_or_default();
    let again: Loaded<D> = store::load(&kv, 9);
    assert_eq!(
        again.notice, None,
        "what was saved cannot be read back:\n{saved}"
    );
    assert_eq!(&again.doc, doc, "read back differently from:\n{saved}");
    store::save(&kv, &again.doc, 8).expect("saves again");
    let resaved = kv.get(D::KEY).ok().flatten().unwrap_or_default();
    assert_eq!(saved, resaved, "saving what was read back changed the text");
}
