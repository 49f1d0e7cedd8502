//! Reading the chosen files: which are backups and whose, and for every
//! other file what is wrong and what the instructor can do about it.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::Deserialize;

use crate::progress::backup::{read_backup, Everything, BACKUP_FORMAT, BACKUP_VERSION};

/// The most files one report reads: a large class, and a bound on the
/// work (each file may be up to the browser's 20 MB read limit).
pub const MAX_FILES: usize = 200;

/// The usual fix: the learner's own page makes a file this report reads.
const EXPORT_AGAIN: &str =
    "ask the learner to export it again from Progress → Back up and restore (“Download a backup”)";

/// A file that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file's name, as chosen.
    pub file: String,
    /// What is wrong, in plain words.
    pub problem: String,
    /// What to do about it.
    pub fix: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}; {}.", self.file, self.problem, self.fix)
    }
}

/// A backup that was read, with the learner it belongs to.
pub(super) struct Learner {
    pub label: String,
    pub file: String,
    pub data: Everything,
}

/// The first fields of a file, read before the whole backup so that a
/// foreign or newer file gets a precise reason. Other fields are skipped.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

pub(super) fn read_files(
    files: Vec<(String, Result<String, String>)>,
) -> (Vec<Learner>, Vec<FileError>) {
    let mut learners = Vec::new();
    let mut errors = Vec::new();
    let mut labels = HashSet::new();
    // The files read so far (name, text), and their texts' hashes, to
    // find a file chosen twice without comparing every pair.
    let mut kept: Vec<(String, String)> = Vec::new();
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, (name, text)) in files.into_iter().enumerate() {
        let error = |problem: String, fix: &str| FileError {
            file: name.clone(),
            problem,
            fix: fix.to_owned(),
        };
        if index >= MAX_FILES {
            errors.push(error(
                format!("not read: a report takes at most {MAX_FILES} files"),
                "load the others in a second report",
            ));
            continue;
        }
        let text = match text {
            Ok(text) => text,
            Err(reason) => {
                errors.push(error(
                    format!("could not be read ({reason})"),
                    "choose it again, or ask the learner to send it again",
                ));
                continue;
            }
        };
        let hash = {
            let mut h = DefaultHasher::new();
            text.hash(&mut h);
            h.finish()
        };
        let same = by_hash.get(&hash).into_iter().flatten();
        // The same file chosen twice would count a learner twice.
        if let Some((first, _)) = same.map(|&i| &kept[i]).find(|(_, t)| *t == text) {
            errors.push(error(
                format!("the same backup as {first}, so it is counted once"),
                "remove one of the two copies",
            ));
            continue;
        }
        match check(&text) {
            Ok(data) => {
                by_hash.entry(hash).or_default().push(kept.len());
                kept.push((name.clone(), text));
                learners.push(Learner {
                    label: unique(learner_label(&name, index), &mut labels),
                    file: name,
                    data,
                });
            }
            Err((problem, fix)) => errors.push(error(problem, fix)),
        }
    }
    (learners, errors)
}

/// Reads one backup, or says what is wrong and what to do.
fn check(text: &str) -> Result<Everything, (String, &'static str)> {
    // A file opened and saved again in some editors gains a byte-order
    // mark; the backup inside is unchanged.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(("the file is empty".to_owned(), EXPORT_AGAIN));
    }
    let expected = format!("expected a file with \"format\": \"{BACKUP_FORMAT}\"");
    let head: Head = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_data() {
            "JSON, but not an object with a format".to_owned()
        } else {
            format!("not JSON: {e}")
        };
        (
            format!("not a FirstLine backup ({expected}; this is {what})"),
            EXPORT_AGAIN,
        )
    })?;
    // An array reads as a struct too, field by field.
    if !text.trim_start().starts_with('{') {
        return Err((
            format!("not a FirstLine backup ({expected}; this is JSON, but not an object)"),
            EXPORT_AGAIN,
        ));
    }
    let format = head.format.map(|f| match f {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    match format.as_deref() {
        Some(BACKUP_FORMAT) => {}
        // The browser's own storage documents ("firstline-progress", …)
        // are one part of a learner's progress, not the whole backup.
        Some(format) if format.starts_with("firstline-") => {
            return Err((
                format!(
                    "holds \"{format}\", one part of a learner's progress as the browser stores it, not a backup ({expected})"
                ),
                EXPORT_AGAIN,
            ))
        }
        Some(format) => {
            return Err((
                format!("not a FirstLine backup ({expected}; this one has \"{format}\")"),
                EXPORT_AGAIN,
            ))
        }
        None => {
            return Err((
                format!("not a FirstLine backup ({expected}; this one has none)"),
                EXPORT_AGAIN,
            ))
        }
    }
    if let Some(version) = head.version.as_ref().and_then(serde_json::Value::as_u64) {
        if version > u64::from(BACKUP_VERSION) {
            return Err((
                format!("made by a newer FirstLine (backup version {version}; this page reads version {BACKUP_VERSION})"),
                "reload this page to update FirstLine, then load the files again",
            ));
        }
    }
    read_backup(text).map(|b| b.data).map_err(|e| {
        if e.contains("checksum does not match") {
            (
                "changed or damaged after it was saved (its checksum does not match)".to_owned(),
                "ask the learner for the unchanged file, or to export it again from Progress → Back up and restore",
            )
        } else {
            // read_backup's messages end with advice to the learner after
            // "; ": the reason is kept, the advice is the instructor's.
            let reason = e.split("; ").next().unwrap_or(&e).to_owned();
            (reason, EXPORT_AGAIN)
        }
    })
}

/// The learner's name as the file's: "maria.json" → "maria". A name left
/// empty becomes "learner N", N counting files from 1.
pub fn learner_label(file: &str, index: usize) -> String {
    // Browsers give a bare name, but a path from elsewhere keeps its last part.
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match base.len().checked_sub(5) {
        Some(cut) if base.is_char_boundary(cut) && base[cut..].eq_ignore_ascii_case(".json") => {
            &base[..cut]
        }
        _ => base,
    };
    let stem = stem.trim();
    if stem.is_empty() {
        format!("learner {}", index + 1)
    } else {
        stem.to_owned()
    }
}

/// `label`, or "label (2)", "label (3)", … when taken (ignoring case, so
/// the columns of a spreadsheet stay distinct to a reader).
fn unique(label: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = label.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{label} ({n})");
        n += 1;
    }
    candidate
}
