//! Content packs: every content file of a course in one JSON file an
//! instructor can share, which `firstline check` validates and the app can
//! import. A pack holds each file's path and its text unchanged, so the
//! findings on a file inside a pack are exactly those on the file itself,
//! at the same line and column:
//!
//! ```json
//! { "format": "firstline-pack", "version": 1,
//!   "files": [ { "path": "questions/net.json", "text": "{\n  \"kind\": ..." } ] }
//! ```
//!
//! `read_pack` refuses what is not a pack, a newer version, a pack or a
//! file over its size limit, too many files, and paths that could leave the
//! folder they are unpacked into or that two files share; `write_pack`
//! refuses to write what `read_pack` would refuse.

use serde::{Deserialize, Serialize};

use crate::content::Source;

/// The pack's `"format"`.
pub const FORMAT: &str = "firstline-pack";
/// The newest pack version this code reads and the one it writes.
pub const VERSION: u32 = 1;
/// What a pack's file name ends with, by convention.
pub const EXTENSION: &str = ".firstline-pack.json";
/// The largest pack read, in bytes of its text (the bundled content of
/// the whole project is about 4 MB).
pub const MAX_PACK_BYTES: usize = 32 * 1024 * 1024;
/// The largest file inside a pack, in bytes, as for an import.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The most files a pack holds.
pub const MAX_FILES: usize = 2_000;
/// The longest path inside a pack, in bytes.
pub const MAX_PATH_BYTES: usize = 300;

/// A pack: its format and version, and the files it carries, sorted by
/// path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub format: String,
    pub version: u32,
    pub files: Vec<PackFile>,
}

/// One content file in a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Relative, `/`-separated, ending in `.json`, such as
    /// `questions/220-1201/ports.json`.
    pub path: String,
    /// The file's text, unchanged.
    pub text: String,
}

/// Why a pack cannot be read or written. Each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("the pack is {bytes} bytes, more than the {limit} a pack may hold; split the content into smaller packs")]
    TooLarge { bytes: usize, limit: usize },
    #[error("not a FirstLine pack: line {line}, column {column}: {message}; a pack is written by `firstline pack`")]
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a FirstLine pack: \"format\" is \"{found}\", expected \"{FORMAT}\"")]
    WrongFormat { found: String },
    #[error("pack version {found} cannot be read here (this FirstLine reads versions up to {VERSION}); update FirstLine, or write the pack again with this one")]
    UnsupportedVersion { found: u32 },
    #[error("the pack holds no content files; pack a folder with .json content files in it")]
    NoFiles,
    #[error("the pack holds {count} files, more than the {limit} a pack may hold; split the content into smaller packs")]
    TooManyFiles { count: usize, limit: usize },
    #[error("\"{path}\" is {bytes} bytes, more than the {limit} a file in a pack may hold; split it into smaller files")]
    FileTooLarge {
        path: String,
        bytes: usize,
        limit: usize,
    },
    #[error("file {index} in the pack has the path \"{path}\", which {reason}; use a relative path such as \"questions/net.json\"")]
    BadPath {
        index: usize,
        path: String,
        reason: &'static str,
    },
    #[error("\"{path}\" is in the pack twice; each path may appear once")]
    DuplicatePath { path: String },
}

/// Reads a pack's text, checking every bound before anything is used.
pub fn read_pack(text: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            bytes: text.len(),
            limit: MAX_PACK_BYTES,
        });
    }
    // The format and version first, so a newer pack (whose files may have
    // changed shape) is named as such rather than as malformed.
    let header: Header = serde_json::from_str(text).map_err(|e| malformed(&e))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(PackError::WrongFormat {
            found: header.format.unwrap_or_default(),
        });
    }
    if let Some(found) = header.version {
        if !(1..=VERSION).contains(&found) {
            return Err(PackError::UnsupportedVersion { found });
        }
    }
    let pack: Pack = serde_json::from_str(text).map_err(|e| malformed(&e))?;
    check(&pack.files)?;
    Ok(pack)
}

/// Writes a pack of `files` (path and text): the current version, files
/// sorted by path, as two-space indented JSON ending in a newline.
pub fn write_pack(files: Vec<PackFile>) -> Result<String, PackError> {
    let mut files = files;
    crate::sort::by(&mut files, |a, b| a.path.cmp(&b.path));
    check(&files)?;
    let pack = Pack {
        format: FORMAT.into(),
        version: VERSION,
        files,
    };
    let mut text = serde_json::to_string_pretty(&pack).map_err(|e| malformed(&e))?;
    text.push('\n');
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            bytes: text.len(),
            limit: MAX_PACK_BYTES,
        });
    }
    Ok(text)
}

impl Pack {
    /// The files as sources to load, each named `<pack>/<path>` so a
    /// finding names the pack and the file inside it.
    pub fn sources(&self, pack_name: &str) -> Vec<Source> {
        self.files
            .iter()
            .map(|f| Source::new(source_name(pack_name, &f.path), f.text.clone()))
            .collect()
    }
}

/// How a file inside a pack is named in findings: `<pack>/<path>`.
pub fn source_name(pack_name: &str, path: &str) -> String {
    format!("{pack_name}/{path}")
}

/// Just the format and version, other members skipped.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u32>,
}

fn malformed(e: &serde_json::Error) -> PackError {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => full[..at].to_owned(),
        None => full,
    };
    PackError::Malformed {
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// The bounds both reading and writing keep.
fn check(files: &[PackFile]) -> Result<(), PackError> {
    if files.is_empty() {
        return Err(PackError::NoFiles);
    }
    if files.len() > MAX_FILES {
        return Err(PackError::TooManyFiles {
            count: files.len(),
            limit: MAX_FILES,
        });
    }
    let mut paths: Vec<&str> = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        if let Some(reason) = path_problem(&file.path) {
            return Err(PackError::BadPath {
                index,
                path: file.path.clone(),
                reason,
            });
        }
        if file.text.len() > MAX_FILE_BYTES {
            return Err(PackError::FileTooLarge {
                path: file.path.clone(),
                bytes: file.text.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        paths.push(&file.path);
    }
    crate::sort::natural(&mut paths);
    if let Some(pair) = paths.windows(2).find(|w| w[0] == w[1]) {
        return Err(PackError::DuplicatePath {
            path: pair[0].to_owned(),
        });
    }
    Ok(())
}

/// What is wrong with a path inside a pack, if anything: it must stay
/// inside the folder it is unpacked into, on any system.
fn path_problem(path: &str) -> Option<&'static str> {
    if path.is_empty() {
        return Some("is empty");
    }
    if path.len() > MAX_PATH_BYTES {
        return Some("is longer than 300 bytes");
    }
    if path.starts_with('/') {
        return Some("is absolute");
    }
    if path.contains('\\') {
        return Some("holds a backslash (use / between folders)");
    }
    if path.contains(':') {
        return Some("holds a colon (a drive or stream name on Windows)");
    }
    if path.chars().any(char::is_control) {
        return Some("holds a control character");
    }
    if path
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Some("has an empty, \".\" or \"..\" folder");
    }
    if !path.ends_with(".json") {
        return Some("does not end in .json");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> PackFile {
        PackFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_written_pack_reads_back_sorted_and_unchanged() {
        let text = "{\n  \"kind\": \"interview-set\",\n  \"questions\": []\n}\n";
        let written = write_pack(vec![
            file("scenarios/b.json", "{}"),
            file("questions/a.json", text),
        ])
        .unwrap();
        let pack = read_pack(&written).unwrap();
        assert_eq!((pack.format.as_str(), pack.version), (FORMAT, VERSION));
        let paths: Vec<&str> = pack.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["questions/a.json", "scenarios/b.json"]);
        assert_eq!(pack.files[0].text, text);
        let sources = pack.sources("course.firstline-pack.json");
        assert_eq!(
            sources[0].name,
            "course.firstline-pack.json/questions/a.json"
        );
        assert!(written.ends_with("}\n"));
    }

    #[test]
    fn what_is_not_a_pack_says_so_with_its_position() {
        assert!(matches!(
            read_pack("{\"format\": \"firstline-pack\",\n \"version\" 1}"),
            Err(PackError::Malformed { line: 2, .. })
        ));
        let err =
            read_pack(r#"{"kind": "question-set", "exam": "x", "questions": []}"#).unwrap_err();
        assert_eq!(
            err,
            PackError::WrongFormat {
                found: String::new()
            }
        );
        assert!(err.to_string().starts_with("not a FirstLine pack"), "{err}");
        let err =
            read_pack(r#"{"format": "firstline-pack", "version": 1, "files": [], "extra": 1}"#)
                .unwrap_err();
        assert!(matches!(err, PackError::Malformed { .. }), "{err}");
        assert!(err.to_string().contains("unknown field `extra`"), "{err}");
        assert_eq!(
            read_pack(r#"{"format": "firstline-pack", "version": 1, "files": []}"#),
            Err(PackError::NoFiles)
        );
    }

    #[test]
    fn versions_outside_the_known_range_are_refused_by_name() {
        for found in [0, VERSION + 1, u32::MAX] {
            let text = format!(
                r#"{{"format": "firstline-pack", "version": {found}, "files": {{"changed": true}}}}"#
            );
            assert_eq!(
                read_pack(&text),
                Err(PackError::UnsupportedVersion { found })
            );
        }
        // Past u32: not a version at all.
        assert!(matches!(
            read_pack(r#"{"format": "firstline-pack", "version": 4294967296, "files": []}"#),
            Err(PackError::Malformed { .. })
        ));
    }

    #[test]
    fn paths_must_stay_inside_the_folder() {
        for path in [
            "",
            "/etc/passwd.json",
            "../up.json",
            "a/../../up.json",
            "a//b.json",
            "./a.json",
            "a\\b.json",
            "C:x.json",
            "a\u{0}.json",
            "notes.txt",
        ] {
            let err = write_pack(vec![file(path, "{}")]).unwrap_err();
            assert!(
                matches!(err, PackError::BadPath { index: 0, .. }),
                "{path:?}: {err}"
            );
            let pack = format!(
                r#"{{"format": "firstline-pack", "version": 1, "files": [{{"path": {}, "text": "{{}}"}}]}}"#,
                serde_json::to_string(path).unwrap()
            );
            assert!(
                matches!(read_pack(&pack), Err(PackError::BadPath { .. })),
                "{path:?}"
            );
        }
        let long = format!("{}.json", "a".repeat(MAX_PATH_BYTES));
        assert!(matches!(
            write_pack(vec![file(&long, "{}")]),
            Err(PackError::BadPath { .. })
        ));
        assert_eq!(
            write_pack(vec![file("a.json", "{}"), file("a.json", "[]")]),
            Err(PackError::DuplicatePath {
                path: "a.json".into()
            })
        );
    }

    #[test]
    fn sizes_and_counts_are_bounded() {
        let too_many: Vec<PackFile> = (0..=MAX_FILES)
            .map(|i| file(&format!("f{i}.json"), "{}"))
            .collect();
        assert_eq!(
            write_pack(too_many),
            Err(PackError::TooManyFiles {
                count: MAX_FILES + 1,
                limit: MAX_FILES
            })
        );
        let big = " ".repeat(MAX_FILE_BYTES + 1);
        assert!(matches!(
            write_pack(vec![file("big.json", &big)]),
            Err(PackError::FileTooLarge { .. })
        ));
        let huge = " ".repeat(MAX_PACK_BYTES + 1);
        assert_eq!(
            read_pack(&huge),
            Err(PackError::TooLarge {
                bytes: MAX_PACK_BYTES + 1,
                limit: MAX_PACK_BYTES
            })
        );
    }
}
