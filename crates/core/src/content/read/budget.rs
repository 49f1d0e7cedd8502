//! How much one step of reading a library may do. A step stops at the
//! first item that reaches either limit, so its work is bounded by the
//! limits plus one item, whatever the size of the file it is in: the
//! browser gives way between steps, and a file of 10,000 questions then
//! never holds the page for the whole file.

/// Items (a question, an interview question, a top-level member of a
/// file, a whole exam or scenario) one step may read or check.
pub const ITEMS_PER_STEP: usize = 200;

/// Bytes of file text one step may read, counted by whole items: a step
/// always takes at least one item, however large.
pub const BYTES_PER_STEP: usize = 256 * 1024;

/// The work one step did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    /// Items read or checked.
    pub items: usize,
    /// Bytes of file text read (checks work on parsed items and count none).
    pub bytes: usize,
}

impl Work {
    /// Counts one item of `bytes` bytes.
    pub(super) fn spend(&mut self, bytes: usize) {
        self.items = self.items.saturating_add(1);
        self.bytes = self.bytes.saturating_add(bytes);
    }

    /// Counts `items` items that read no file text (checks of parsed
    /// items).
    pub(super) fn spend_items(&mut self, items: usize) {
        self.items = self.items.saturating_add(items);
    }

    /// How many more items the step may take.
    pub(super) fn room(&self) -> usize {
        if self.left() {
            ITEMS_PER_STEP - self.items
        } else {
            0
        }
    }

    /// Whether the step may take another item.
    pub(super) fn left(&self) -> bool {
        self.items < ITEMS_PER_STEP && self.bytes < BYTES_PER_STEP
    }
}
