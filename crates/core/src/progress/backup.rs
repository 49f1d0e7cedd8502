//! One file holding all of a learner's progress, to keep safe or move to
//! another browser, and bringing such a file back in by merging it (never
//! replacing): the same union two tabs use, so nothing already here is
//! lost and importing the same file twice changes nothing.
//!
//! The file is a versioned envelope with a checksum of its data, so a
//! damaged or hand-edited file is refused with a plain reason instead of
//! being half-read.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{ExamLog, InterviewLog, Progress, ScenarioLog};
use crate::store::Document;

pub const BACKUP_FORMAT: &str = "firstline-backup";
pub const BACKUP_VERSION: u32 = 1;

/// Everything the learner has saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Everything {
    #[serde(default)]
    pub progress: Progress,
    #[serde(default)]
    pub exams: ExamLog,
    #[serde(default)]
    pub scenarios: ScenarioLog,
    #[serde(default)]
    pub interview: InterviewLog,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    created_at: u64,
    /// FNV-1a (64-bit, hex) of `data` exactly as written.
    checksum: String,
    data: &'a RawValue,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format: String,
    version: u32,
    created_at: u64,
    checksum: String,
    data: Box<RawValue>,
}

/// A backup file that was read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub created_at: u64,
    pub data: Everything,
}

/// What merging a backup in would add, shown before the learner agrees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    pub answers: usize,
    pub exams: usize,
    pub scenarios: usize,
    pub interview_answers: usize,
    pub mocks: usize,
    pub stories_added: usize,
    /// Stories in both, where the backup's edit is newer and wins.
    pub stories_replaced: Vec<String>,
}

impl Preview {
    pub fn is_empty(&self) -> bool {
        *self == Preview::default()
    }
}

impl Everything {
    /// The backup file's text.
    pub fn export(&self, now: u64) -> Result<String, String> {
        let data = serde_json::to_string(self).map_err(|e| e.to_string())?;
        let raw = RawValue::from_string(data).map_err(|e| e.to_string())?;
        let file = FileOut {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            created_at: now,
            checksum: checksum(raw.get()),
            data: &raw,
        };
        serde_json::to_string_pretty(&file).map_err(|e| e.to_string())
    }

    /// What `merge(backup)` would add, without changing anything.
    pub fn preview(&self, backup: &Everything) -> Preview {
        let mut merged = self.clone();
        merged.merge(backup.clone());
        let stories_replaced = backup
            .interview
            .stories
            .iter()
            .filter(|theirs| {
                self.interview
                    .stories
                    .iter()
                    .any(|mine| mine.id == theirs.id && mine.updated_at < theirs.updated_at)
            })
            .map(|s| s.title.clone())
            .collect();
        Preview {
            answers: merged
                .progress
                .attempts
                .len()
                .saturating_sub(self.progress.attempts.len()),
            exams: merged
                .exams
                .records
                .len()
                .saturating_sub(self.exams.records.len()),
            scenarios: merged
                .scenarios
                .plays
                .len()
                .saturating_sub(self.scenarios.plays.len()),
            interview_answers: merged
                .interview
                .answers
                .len()
                .saturating_sub(self.interview.answers.len()),
            mocks: merged
                .interview
                .mocks
                .len()
                .saturating_sub(self.interview.mocks.len()),
            stories_added: merged
                .interview
                .stories
                .len()
                .saturating_sub(self.interview.stories.len()),
            stories_replaced,
        }
    }

    /// Takes in a backup: a union, as between two tabs.
    pub fn merge(&mut self, backup: Everything) {
        self.progress.merge(backup.progress);
        self.exams.merge(backup.exams);
        self.scenarios.merge(backup.scenarios);
        self.interview.merge(backup.interview);
    }
}

/// Reads a backup file, or says plainly why it cannot be used.
pub fn read_backup(text: &str) -> Result<Backup, String> {
    let file: FileIn = serde_json::from_str(text).map_err(|e| {
        format!("this is not a FirstLine backup file ({e}); choose a file FirstLine saved")
    })?;
    if file.format != BACKUP_FORMAT {
        return Err(format!(
            "this file holds \"{}\", not a FirstLine backup; choose a file FirstLine saved",
            file.format
        ));
    }
    if file.version == 0 || file.version > BACKUP_VERSION {
        return Err(format!(
            "this backup has version {}, and this FirstLine reads version {BACKUP_VERSION}; update FirstLine (reload the page) and try again",
            file.version
        ));
    }
    if checksum(file.data.get()) != file.checksum {
        return Err(
            "this backup file was changed or damaged after it was saved (its checksum does not match); use an unchanged copy".to_owned(),
        );
    }
    let mut data: Everything = serde_json::from_str(file.data.get())
        .map_err(|e| format!("this backup's contents cannot be read ({e})"))?;
    data.progress.repair();
    data.exams.repair();
    data.scenarios.repair();
    data.interview.repair();
    Ok(Backup {
        created_at: file.created_at,
        data,
    })
}

/// FNV-1a, 64-bit, as hex: a check against damage, not tampering.
fn checksum(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::super::{Attempt, Mode, Story};
    use super::*;
    use crate::interview::StarAnswer;

    fn attempt(question: &str, at: u64) -> Attempt {
        Attempt {
            question: question.into(),
            exam: "220-1201".into(),
            domain: "2.0".into(),
            objective: "2.1".into(),
            score: 1.0,
            at,
            mode: Mode::Practice,
            confidence: None,
            wrong_picks: vec!["DHCP".into()],
        }
    }

    fn story(title: &str, updated_at: u64) -> Story {
        Story {
            id: "s1".into(),
            title: title.into(),
            competencies: vec![],
            answer: StarAnswer::default(),
            updated_at,
        }
    }

    fn sample() -> Everything {
        let mut all = Everything::default();
        all.progress.record(attempt("q1", 10));
        all.progress.record(attempt("q2", 20));
        all.interview
            .stories
            .push(story("Projector before an exam", 50));
        all
    }

    #[test]
    fn a_backup_reads_back_as_it_was_saved() {
        let text = sample().export(99).unwrap();
        let backup = read_backup(&text).unwrap();
        assert_eq!(backup.created_at, 99);
        assert_eq!(backup.data.progress.attempts, sample().progress.attempts);
        assert_eq!(backup.data.interview, sample().interview);
    }

    #[test]
    fn importing_into_another_browser_adds_what_is_new_and_twice_adds_nothing() {
        let backup = read_backup(&sample().export(99).unwrap()).unwrap().data;
        let mut other = Everything::default();
        other.progress.record(attempt("q9", 15));
        other.interview.stories.push(story("Old title", 40));
        let preview = other.preview(&backup);
        assert_eq!(preview.answers, 2);
        assert_eq!(preview.stories_added, 0);
        assert_eq!(preview.stories_replaced, vec!["Projector before an exam"]);
        other.merge(backup.clone());
        assert_eq!(other.progress.attempts.len(), 3);
        assert_eq!(other.interview.stories[0].title, "Projector before an exam");
        // The same file again: nothing to add.
        assert!(other.preview(&backup).is_empty());
        let before = other.clone();
        other.merge(backup);
        assert_eq!(other, before);
    }

    #[test]
    fn a_damaged_edited_or_foreign_file_is_refused_with_a_reason() {
        let text = sample().export(99).unwrap();
        let edited = text.replacen("\"q1\"", "\"q7\"", 1);
        assert!(read_backup(&edited).unwrap_err().contains("checksum"));
        let truncated = &text[..text.len() / 2];
        assert!(read_backup(truncated)
            .unwrap_err()
            .contains("not a FirstLine backup"));
        let foreign = text.replacen(BACKUP_FORMAT, "someone-else", 1);
        assert!(read_backup(&foreign).unwrap_err().contains("someone-else"));
        let newer = text.replacen("\"version\": 1", "\"version\": 7", 1);
        assert!(read_backup(&newer).unwrap_err().contains("version 7"));
    }
}
