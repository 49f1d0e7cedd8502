//! An instructor's own content files, kept on this device for the Author
//! page's preview until they are removed. They are not progress: playing
//! them records nothing, and they are not in a backup. Kept whole as text,
//! so they are read and checked exactly as the build would, every visit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::library::Source;
use crate::store::Document;

/// The most text kept, in bytes: localStorage holds about 5 MB for the
/// whole site, and the learner's own documents come first.
pub const MAX_KEPT_BYTES: usize = 1_500_000;
/// The most files kept.
pub const MAX_KEPT_FILES: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnFiles {
    /// By file name.
    #[serde(default)]
    pub files: BTreeMap<String, OwnFile>,
    /// Files removed, by name, with when: so another tab's older copy does
    /// not bring a removed file back.
    #[serde(default)]
    pub removed: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnFile {
    pub text: String,
    pub added_at: u64,
}

/// Why a file was not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeepError {
    /// Keeping it would pass [`MAX_KEPT_BYTES`].
    TooBig {
        name: String,
        bytes: usize,
        free: usize,
    },
    /// Keeping it would pass [`MAX_KEPT_FILES`].
    TooMany { name: String },
}

impl std::fmt::Display for KeepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeepError::TooBig { name, bytes, free } => write!(
                f,
                "\u{201c}{name}\u{201d} was not added: it is {} KB and only {} KB of the {} KB for your files is free; remove a file you no longer need, or run firstline check on it instead",
                bytes.div_ceil(1000),
                free / 1000,
                MAX_KEPT_BYTES / 1000
            ),
            KeepError::TooMany { name } => write!(
                f,
                "\u{201c}{name}\u{201d} was not added: {MAX_KEPT_FILES} files are kept at most; remove one you no longer need"
            ),
        }
    }
}

impl OwnFiles {
    /// Bytes of text kept.
    pub fn bytes(&self) -> usize {
        self.files
            .values()
            .fold(0usize, |n, f| n.saturating_add(f.text.len()))
    }

    /// Keeps `text` as `name`, replacing a file of that name, unless the
    /// limits would be passed (then nothing changes).
    pub fn keep(&mut self, name: &str, text: &str, at: u64) -> Result<(), KeepError> {
        let replaced = self.files.get(name).map_or(0, |f| f.text.len());
        let free = MAX_KEPT_BYTES.saturating_sub(self.bytes().saturating_sub(replaced));
        if text.len() > free {
            return Err(KeepError::TooBig {
                name: name.to_owned(),
                bytes: text.len(),
                free,
            });
        }
        if replaced == 0 && !self.files.contains_key(name) && self.files.len() >= MAX_KEPT_FILES {
            return Err(KeepError::TooMany {
                name: name.to_owned(),
            });
        }
        self.removed.remove(name);
        self.files.insert(
            name.to_owned(),
            OwnFile {
                text: text.to_owned(),
                added_at: at,
            },
        );
        Ok(())
    }

    pub fn remove(&mut self, name: &str, at: u64) {
        if self.files.remove(name).is_some() {
            self.removed.insert(name.to_owned(), at);
        }
    }

    /// The files as sources for the content reader, in name order.
    pub fn sources(&self) -> Vec<Source> {
        self.files
            .iter()
            .map(|(name, f)| Source::new(name.clone(), f.text.clone()))
            .collect()
    }
}

impl Document for OwnFiles {
    const KEY: &'static str = "firstline.own";
    const FORMAT: &'static str = "firstline-own-files";
    const VERSION: u32 = 1;

    /// Each name as whichever tab changed it last, kept or removed.
    fn merge(&mut self, theirs: Self) {
        for (name, at) in theirs.removed {
            let newer = self.files.get(&name).is_none_or(|f| f.added_at <= at);
            if newer {
                self.files.remove(&name);
                let kept = self.removed.entry(name).or_insert(at);
                *kept = (*kept).max(at);
            }
        }
        for (name, file) in theirs.files {
            let removed_after = self
                .removed
                .get(&name)
                .is_some_and(|&at| at >= file.added_at);
            let mine_newer = self
                .files
                .get(&name)
                .is_some_and(|f| f.added_at >= file.added_at);
            if !removed_after && !mine_newer {
                self.removed.remove(&name);
                self.files.insert(name, file);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_kept_within_the_limits_and_a_refusal_changes_nothing() {
        let mut own = OwnFiles::default();
        assert_eq!(own.keep("a.json", "{}", 1), Ok(()));
        let big = "x".repeat(MAX_KEPT_BYTES);
        let refused = own.keep("big.json", &big, 2);
        assert!(matches!(refused, Err(KeepError::TooBig { .. })));
        assert!(refused.unwrap_err().to_string().contains("remove a file"));
        assert_eq!(own.files.len(), 1);
        // Replacing a file counts its new size, not both.
        assert_eq!(own.keep("a.json", &big[2..], 3), Ok(()));
        assert_eq!(own.bytes(), MAX_KEPT_BYTES - 2);
        let mut many = OwnFiles::default();
        for i in 0..MAX_KEPT_FILES {
            assert_eq!(many.keep(&format!("{i}.json"), "{}", 1), Ok(()));
        }
        assert!(matches!(
            many.keep("one-more.json", "{}", 2),
            Err(KeepError::TooMany { .. })
        ));
        assert_eq!(
            many.keep("0.json", "[]", 2),
            Ok(()),
            "a replacement is not one more"
        );
    }

    #[test]
    fn a_removal_in_one_tab_is_not_undone_by_an_older_copy_in_another() {
        let mut first = OwnFiles::default();
        first.keep("a.json", "{}", 1).ok();
        first.keep("b.json", "{}", 1).ok();
        let second = first.clone();
        first.remove("a.json", 5);
        first.merge(second.clone());
        assert!(!first.files.contains_key("a.json"));
        let mut other = second;
        other.merge(first.clone());
        assert!(
            !other.files.contains_key("a.json"),
            "the removal reaches the other tab"
        );
        // Kept again later, it comes back everywhere.
        other.keep("a.json", "{\"v\":2}", 9).ok();
        first.merge(other);
        assert_eq!(
            first.files.get("a.json").map(|f| f.text.as_str()),
            Some("{\"v\":2}")
        );
        assert_eq!(first.sources().len(), 2);
    }
}
