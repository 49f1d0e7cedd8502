//! Rules 1 and 2: the key's length against the distractors'. A key that
//! is often the longest, or much longer than any distractor, can be picked
//! without knowing the answer.

use super::single::SingleItem;
use super::words::length;

/// Rule 2: a key this many times the longest distractor...
const RATIO: f64 = 1.4;
/// ...and at least this many characters longer stands out. The second
/// condition spares short options ("DNS" against "FTP" is not a cue).
const MIN_EXTRA: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyLength {
    pub key: usize,
    pub longest_distractor: usize,
}

impl KeyLength {
    /// None when the item has no key or no distractor to compare with.
    pub fn of(item: &SingleItem) -> Option<KeyLength> {
        let key = length(&item.key()?.text);
        let longest_distractor = item.distractors().map(|d| length(&d.text)).max()?;
        Some(KeyLength {
            key,
            longest_distractor,
        })
    }

    /// Rule 1 counts these.
    pub fn strictly_longest(&self) -> bool {
        self.key > self.longest_distractor
    }

    /// Rule 2.
    pub fn stands_out(&self) -> bool {
        self.key as f64 >= RATIO * self.longest_distractor as f64
            && self.key >= self.longest_distractor + MIN_EXTRA
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(key: usize, longest_distractor: usize) -> KeyLength {
        KeyLength {
            key,
            longest_distractor,
        }
    }

    #[test]
    fn a_key_stands_out_when_both_much_and_proportionally_longer() {
        assert!(lengths(28, 20).stands_out());
        assert!(!lengths(27, 20).stands_out(), "under 1.4 times");
        assert!(!lengths(15, 10).stands_out(), "1.5 times but only 5 longer");
        assert!(lengths(18, 10).stands_out());
    }

    #[test]
    fn a_tie_is_not_strictly_longest() {
        assert!(!lengths(10, 10).strictly_longest());
        assert!(lengths(11, 10).strictly_longest());
    }
}
