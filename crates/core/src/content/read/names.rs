//! Content file names as web addresses. The app fetches each file by its
//! name under the content root, so a name must reach the static host
//! unchanged: [`url_path`] percent-encodes it for the request, and
//! [`name_finding`] tells authors (in `firstline check` and the build's
//! report) about names a host or a tool on the way would still change,
//! with a name that works.

use std::fmt::Write as _;

use crate::content::finding::{Finding, Severity};

/// What a file name may hold and still reach every host unchanged.
pub const SAFE_NAMES: &str =
    "letters a-z and A-Z, digits, \"-\", \"_\" and \".\", not starting with \".\"";

/// A `/`-separated name as the path of a URL: every byte of each segment
/// other than letters, digits, `-`, `.`, `_` and `~` is percent-encoded,
/// so `a#b.json` is asked for as `a%23b.json`, not as `a`.
pub fn url_path(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, segment) in name.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        for byte in segment.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(byte));
            } else {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Why a host could serve a name as another or not at all, and a name
/// that works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameProblem {
    pub reason: String,
    pub rename_to: String,
}

/// The problem with `relative` (a content file's `/`-separated name under
/// its content folder), if any: the first character that a static host,
/// a browser or a tool on the way changes or refuses.
pub fn name_problem(relative: &str) -> Option<NameProblem> {
    let reason = relative.split('/').find_map(|segment| {
        if segment.starts_with('.') {
            return Some(format!(
                "\"{segment}\" starts with \".\": hosts and build tools skip hidden files and folders"
            ));
        }
        segment.chars().find(|&c| !is_safe(c)).map(reason_for)
    })?;
    Some(NameProblem {
        reason,
        rename_to: safe_name(relative),
    })
}

/// A warning at the file for a name that a host would mangle. `file` is
/// the name as findings show it; `relative` the name under the content
/// folder, as the app asks for it.
pub fn name_finding(file: &str, relative: &str) -> Option<Finding> {
    let problem = name_problem(relative)?;
    Some(Finding {
        file: file.to_owned(),
        line: 1,
        column: 1,
        // About the file, not a value in it.
        path: "(file)".to_owned(),
        message: format!(
            "the file name \"{relative}\" may not reach the app unchanged: {}; rename to \"{}\" ({SAFE_NAMES})",
            problem.reason, problem.rename_to
        ),
        severity: Severity::Warning,
    })
}

fn is_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

fn reason_for(c: char) -> String {
    match c {
        '#' => "\"#\" ends the path of a web address, so the app would ask for the name cut short there".into(),
        '?' => "\"?\" starts the query of a web address, so the app would ask for the name cut short there".into(),
        '%' => "\"%\" starts an escape in a web address, and hosts decode it".into(),
        '\\' => "\"\\\" separates folders on Windows, and hosts and tools turn it into \"/\"".into(),
        '+' => "some hosts (Amazon S3 among them) read \"+\" in an address as a space".into(),
        c if c.is_whitespace() => "it holds a space or other blank, which hosts and tools encode differently or refuse".into(),
        c if c.is_control() => format!("it holds the control character U+{:04X}", u32::from(c)),
        c if !c.is_ascii() => format!(
            "\"{c}\" is not ASCII, and systems store such names in different Unicode forms (macOS, zip, git), so the name may not match the address"
        ),
        c => format!("\"{c}\" is not allowed in file names on every system, or is changed in web addresses"),
    }
}

/// `relative` with every unsafe character replaced: common accented
/// letters by their base letter, anything else by "-", no leading dots.
pub fn safe_name(relative: &str) -> String {
    relative
        .split('/')
        .map(safe_segment)
        .collect::<Vec<_>>()
        .join("/")
}

fn safe_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for c in segment.trim_start_matches('.').chars() {
        if is_safe(c) {
            out.push(c);
        } else if let Some(letters) = base_letters(c) {
            out.push_str(letters);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    // No dashes beside dots or at the ends.
    while out.contains("-.") || out.contains(".-") {
        out = out.replace("-.", ".").replace(".-", ".");
    }
    let out = out.trim_matches('-');
    if out.is_empty() || out.starts_with('.') {
        format!("file{out}")
    } else {
        out.to_owned()
    }
}

/// The base letters of common accented Latin letters.
fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'ç' => "c",
        'Ç' => "C",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' => "n",
        'Ñ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' => "Y",
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_encode_what_a_host_would_cut_or_decode() {
        assert_eq!(url_path("questions/a#b.json"), "questions/a%23b.json");
        assert_eq!(url_path("a?b.json"), "a%3Fb.json");
        assert_eq!(url_path("100%.json"), "100%25.json");
        assert_eq!(url_path("my file.json"), "my%20file.json");
        assert_eq!(url_path("café/ü.json"), "caf%C3%A9/%C3%BC.json");
        assert_eq!(url_path("a+b\\c.json"), "a%2Bb%5Cc.json");
        // Safe names are unchanged, bundles and catalogs included.
        for name in [
            "questions/220-1201/1-mobile-devices.json",
            "bundles/questions-exams.json",
            "manifest.json",
            "a_b.c~d.json",
        ] {
            assert_eq!(url_path(name), name);
        }
    }

    #[test]
    fn mangled_names_are_reported_with_a_name_that_works() {
        let cases = [
            ("a#b.json", "\"#\" ends the path", "a-b.json"),
            ("what?.json", "\"?\" starts the query", "what.json"),
            ("100%.json", "\"%\" starts an escape", "100.json"),
            ("my file (1).json", "a space", "my-file-1.json"),
            ("café.json", "not ASCII", "cafe.json"),
            ("日本.json", "not ASCII", "file.json"),
            ("a\\b.json", "separates folders on Windows", "a-b.json"),
            (".hidden.json", "hidden files", "hidden.json"),
            (
                "ok/.draft/x.json",
                "\".draft\" starts with",
                "ok/draft/x.json",
            ),
            ("sub dir/x.json", "a space", "sub-dir/x.json"),
            ("a+b.json", "as a space", "a-b.json"),
            ("tab\there.json", "a space", "tab-here.json"),
            ("bell\u{7}.json", "control character U+0007", "bell.json"),
            ("a:b.json", "\":\" is not allowed", "a-b.json"),
        ];
        for (name, reason, rename) in cases {
            let problem = name_problem(name).unwrap_or_else(|| panic!("{name} passed"));
            assert!(
                problem.reason.contains(reason),
                "{name}: {}",
                problem.reason
            );
            assert_eq!(problem.rename_to, rename, "{name}");
            assert_eq!(name_problem(&problem.rename_to), None, "{rename}");
        }
    }

    #[test]
    fn ordinary_names_pass() {
        for name in [
            "220-1201/1-mobile-devices.json",
            "exams/a-plus-core-1.json",
            "new_starter.v2.json",
        ] {
            assert_eq!(name_problem(name), None, "{name}");
        }
    }

    #[test]
    fn the_finding_names_the_file_and_the_fix() {
        let finding = name_finding("questions/a#b.json", "a#b.json").expect("a finding");
        assert_eq!(finding.file, "questions/a#b.json");
        assert_eq!((finding.line, finding.column), (1, 1));
        assert_eq!(finding.path, "(file)");
        assert!(!finding.is_error());
        assert!(
            finding.message.contains("rename to \"a-b.json\""),
            "{}",
            finding.message
        );
    }
}
