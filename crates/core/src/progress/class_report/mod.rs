//! The class report for instructors: several learners' backup files read
//! together into tables per learner, per objective, per scenario, per
//! scenario dimension and per interview question, each also as CSV.
//!
//! Learners' files are untrusted input: every file is read on its own, a
//! file that cannot be used is named with what is wrong and what to do
//! (never hiding the others), numbers outside their range are left out
//! and counted, and the number of files is capped so the work is bounded.
//!
//! Interview answers are saved with their overall score only (0-100), not
//! per criterion, so the interview table is per question.

mod csv;
mod read;
mod tables;

pub use csv::csv_cell;
pub use read::{learner_label, FileError, MAX_FILES};
pub use tables::{
    LearnerRow, LearnerTable, ObjectiveRow, ObjectiveTable, ScoreRow, ScoreTable, Scores, Share,
};

/// Everything the Author page shows after files are loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClassReport {
    /// One entry per file that could not be used, in the order chosen.
    pub errors: Vec<FileError>,
    pub learners: LearnerTable,
    pub objectives: ObjectiveTable,
    pub scenarios: ScoreTable,
    pub dimensions: ScoreTable,
    pub interview: ScoreTable,
}

impl ClassReport {
    /// Reads the files, each as (file name, its text or why the browser
    /// could not read it), in the order chosen. Files past [`MAX_FILES`]
    /// are reported, not read, whatever they hold.
    pub fn build(files: Vec<(String, Result<String, String>)>) -> ClassReport {
        let (learners, errors) = read::read_files(files);
        let mut report = tables::build(&learners);
        report.errors = errors;
        report
    }

    /// Whether no file could be used.
    pub fn is_empty(&self) -> bool {
        self.learners.rows.is_empty()
    }
}

/// The last millisecond of 9999-12-31 (UTC): later times are not dates a
/// learner's browser could have saved, so they are out of range.
pub const MAX_TIME_MS: u64 = 253_402_300_799_999;

/// A time as its UTC date, "2025-03-14"; empty when out of range. Plain
/// and the same everywhere, for a printed table and a spreadsheet alike.
pub fn iso_date(ms: u64) -> String {
    if ms > MAX_TIME_MS {
        return String::new();
    }
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let days = (ms / 86_400_000) as i64 + 719_468;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests;
