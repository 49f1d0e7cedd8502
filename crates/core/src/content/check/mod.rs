//! Checks on loaded content: each reports, at a JSON path, where a file
//! breaks a rule and how to fix it. The engines own the semantics (a
//! scenario's graph and scoring live in `crate::scenario`); these modules
//! only apply them to files.

pub mod evidence;
pub mod exam;
pub mod interview;
pub mod item_analysis;
pub mod question;
pub mod scenario;
pub mod shift;
pub mod sim;

use crate::content::finding::Reporter;
use crate::content::path::JsonPath;

/// Reports each of `fields` (name and value, under `at`) that is empty.
pub(crate) fn require_text(report: &mut Reporter, at: &JsonPath, fields: &[(&str, &str)]) {
    for (field, value) in fields {
        if value.trim().is_empty() {
            report.error(&at.key(field), format!("{field} is empty"));
        }
    }
}

/// Reports an `id` (of a `what`, at `at.id`) that has spaces: ids appear in
/// addresses and links.
pub(crate) fn id_without_spaces(report: &mut Reporter, at: &JsonPath, what: &str, id: &str) {
    if id.chars().any(char::is_whitespace) {
        report.error(
            &at.key("id"),
            format!("{what} id \"{id}\" contains spaces; use letters, digits and dashes"),
        );
    }
}
