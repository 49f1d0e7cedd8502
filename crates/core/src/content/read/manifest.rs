//! The list of content files the build publishes beside the app, so the
//! browser knows what to fetch. Generated, never edited by hand.

use serde::{Deserialize, Serialize};

/// The manifest's file name under the content root.
pub const MANIFEST_FILE: &str = "manifest.json";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Paths relative to the content root, with `/` separators, sorted.
    pub files: Vec<String>,
}

impl Manifest {
    /// Builds a manifest from relative paths: keeps `.json` files other than
    /// the manifest itself, normalises separators, sorts and dedups.
    pub fn from_paths<I: IntoIterator<Item = String>>(paths: I) -> Self {
        let mut files: Vec<String> = paths
            .into_iter()
            .map(|p| p.replace('\\', "/"))
            .filter(|p| p.ends_with(".json") && p != MANIFEST_FILE)
            .collect();
        files.sort();
        files.dedup();
        Manifest { files }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_sorted_json_files_only() {
        let m = Manifest::from_paths(
            [
                "scenarios/b.json",
                "questions\\a.json",
                "manifest.json",
                "notes.md",
                "scenarios/b.json",
            ]
            .map(String::from),
        );
        assert_eq!(m.files, vec!["questions/a.json", "scenarios/b.json"]);
    }
}
