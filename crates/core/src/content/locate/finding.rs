//! A problem found in a content file, located precisely enough for an
//! instructor to fix it: file, line, column and JSON path.

use std::cell::RefCell;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::content::locate::{Locator, LocatorMemory, Position};
use crate::content::path::JsonPath;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The item (or the whole file) could not be loaded.
    Error,
    /// Loaded, but something an instructor should look at.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The JSON path of the value concerned, such as `questions[2].answer`.
    pub path: String,
    pub message: String,
    pub severity: Severity,
}

impl Finding {
    pub fn at(
        file: &str,
        position: Position,
        path: &JsonPath,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            file: file.to_owned(),
            line: position.line,
            column: position.column,
            path: path.to_string(),
            message: message.into(),
            severity,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {label}: {} (at {})",
            self.file, self.line, self.column, self.message, self.path
        )
    }
}

/// Collects findings for one file, locating each path in the file's text.
/// One [`Locator`] serves every path, so a file with thousands of items
/// (each located for its id) is read a bounded number of times, not once
/// per item.
pub struct Reporter<'a> {
    file: &'a str,
    locator: RefCell<Locator<'a>>,
    findings: Vec<Finding>,
    errors: usize,
}

/// A [`Reporter`] set aside between the steps one file is checked in:
/// its findings so far and what its locator learnt of the text.
#[derive(Default)]
pub struct PausedReporter {
    locator: LocatorMemory,
    findings: Vec<Finding>,
    errors: usize,
}

impl<'a> Reporter<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Reporter::resume(file, text, PausedReporter::default())
    }

    /// Goes on reporting on the same file and text as the reporter that
    /// was paused.
    pub fn resume(file: &'a str, text: &'a str, paused: PausedReporter) -> Self {
        Reporter {
            file,
            locator: RefCell::new(Locator::resume(text, paused.locator)),
            findings: paused.findings,
            errors: paused.errors,
        }
    }

    /// Sets the reporter aside until the next step ([`resume`](Self::resume)).
    pub fn pause(self) -> PausedReporter {
        PausedReporter {
            locator: self.locator.into_inner().pause(),
            findings: self.findings,
            errors: self.errors,
        }
    }

    pub fn file(&self) -> &str {
        self.file
    }

    pub fn error(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(path, Severity::Error, message);
    }

    pub fn warning(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(path, Severity::Warning, message);
    }

    fn push(&mut self, path: &JsonPath, severity: Severity, message: impl Into<String>) {
        let position = self.locator.get_mut().locate(path);
        self.errors += usize::from(severity == Severity::Error);
        self.findings
            .push(Finding::at(self.file, position, path, severity, message));
    }

    /// Where `path` is, for messages that point at another place.
    pub fn where_is(&self, path: &JsonPath) -> String {
        let p = self.locator.borrow_mut().locate(path);
        format!("{}:{}:{}", self.file, p.line, p.column)
    }

    /// Errors so far (counted as they come: checks ask after every item).
    pub fn error_count(&self) -> usize {
        self.errors
    }

    pub fn finish(self) -> Vec<Finding> {
        self.findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_file_line_column_message() {
        let text = "{\n  \"questions\": [\n    {\"answer\": [9]}\n  ]\n}";
        let mut reporter = Reporter::new("questions/x.json", text);
        let path = JsonPath::root().key("questions").index(0).key("answer");
        reporter.error(&path, "answer 9 is out of range");
        let findings = reporter.finish();
        assert_eq!(
            findings[0].to_string(),
            "questions/x.json:3:16: error: answer 9 is out of range (at questions[0].answer)"
        );
    }
}
