//! The tables as CSV (RFC 4180) for a spreadsheet. Names and ids come from
//! learners' files, so every cell is guarded against formula injection.

use super::iso_date;
use super::tables::{LearnerTable, ObjectiveTable, ScoreTable, Share};

/// One cell: a text a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so
/// it shows as text; a cell with a comma, quote or line break is quoted,
/// its quotes doubled.
pub fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Rows to CSV text: CRLF line ends and a byte-order mark, which
/// spreadsheets need to read accented names as UTF-8.
fn csv(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn share_cells(share: Option<Share>) -> [String; 2] {
    [
        number(share.map(|s| s.percent())),
        number(share.map(|s| s.answered)),
    ]
}

impl LearnerTable {
    pub fn to_csv(&self) -> String {
        let mut header: Vec<String> = ["Learner", "File", "Answers"].map(String::from).into();
        for exam in &self.exams {
            header.push(format!("{exam} % right"));
            header.push(format!("{exam} answered"));
        }
        header.extend(
            [
                "Exams taken",
                "Exams passed",
                "Scenarios played",
                "Scenario mean score",
                "Interview answers",
                "Interview mean score",
                "Mock interviews",
                "Last activity (UTC)",
                "Values ignored",
            ]
            .map(String::from),
        );
        let mut rows = vec![header];
        for r in &self.rows {
            let mut row = vec![r.learner.clone(), r.file.clone(), r.answers.to_string()];
            row.extend(r.exams.iter().flat_map(|s| share_cells(*s)));
            row.extend([
                r.exams_taken.to_string(),
                r.exams_passed.to_string(),
                r.scenarios_played.to_string(),
                number(r.scenario_mean),
                r.interview_answers.to_string(),
                number(r.interview_mean),
                r.mock_interviews.to_string(),
                r.last_activity.map(iso_date).unwrap_or_default(),
                r.ignored.to_string(),
            ]);
            rows.push(row);
        }
        csv(rows)
    }
}

impl ObjectiveTable {
    pub fn to_csv(&self) -> String {
        let mut header = vec!["Exam".to_owned(), "Objective".to_owned()];
        for learner in &self.learners {
            header.push(format!("{learner} % right"));
            header.push(format!("{learner} answered"));
        }
        let mut rows = vec![header];
        for r in &self.rows {
            let mut row = vec![r.exam.clone(), r.objective.clone()];
            row.extend(r.cells.iter().flat_map(|s| share_cells(*s)));
            rows.push(row);
        }
        csv(rows)
    }
}

impl ScoreTable {
    pub fn to_csv(&self) -> String {
        let mut header = vec![self.subject.to_owned()];
        for learner in &self.learners {
            for what in ["best", "last", "mean", "count"] {
                header.push(format!("{learner} {what}"));
            }
        }
        let mut rows = vec![header];
        for r in &self.rows {
            let mut row = vec![r.key.clone()];
            for cell in &r.cells {
                row.extend([
                    number(cell.map(|s| s.best)),
                    number(cell.map(|s| s.last)),
                    number(cell.map(|s| s.mean())),
                    number(cell.map(|s| s.count)),
                ]);
            }
            rows.push(row);
        }
        csv(rows)
    }
}
