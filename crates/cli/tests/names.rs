//! File names a static host would change: the app asks for `a#b.json` as
//! `a%23b.json`, but some names still do not survive hosts and tools, so
//! `firstline check` and the build's report warn about them with a name
//! that works.

mod common;

use std::path::PathBuf;

use common::firstline;

/// A folder holding a file under each name. The files are empty objects
/// (each an error, "missing kind"), so the name warnings are told apart
/// by severity.
fn folder(label: &str, names: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("firstline-names-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for name in names {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("temp folder");
        std::fs::write(path, "{}").expect("file written");
    }
    dir
}

const NAMES: &[(&str, &str, &str)] = &[
    (
        "a#b.json",
        "\"#\" ends the path of a web address",
        "a-b.json",
    ),
    ("what?.json", "\"?\" starts the query", "what.json"),
    ("100%.json", "\"%\" starts an escape", "100.json"),
    ("my file.json", "a space", "my-file.json"),
    ("café.json", "is not ASCII", "cafe.json"),
    ("a\\b.json", "separates folders on Windows", "a-b.json"),
    (".hidden.json", "hidden files", "hidden.json"),
    ("sub dir/x.json", "a space", "sub-dir/x.json"),
];

#[test]
fn check_warns_about_names_a_host_would_change_and_names_the_fix() {
    let mut names: Vec<&str> = NAMES.iter().map(|(name, _, _)| *name).collect();
    names.push("fine-name_2.json");
    let dir = folder("check", &names);
    let root = dir.to_str().expect("UTF-8 temp path");
    let (code, stdout, stderr) = firstline(&["check", root]);
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    for (name, reason, rename) in NAMES {
        let line = stdout
            .lines()
            .find(|l| {
                l.starts_with(&format!(
                    "{root}/{}:1:1: warning: the file name \"{name}\"",
                    name.replace('\\', "/")
                ))
            })
            .unwrap_or_else(|| panic!("no warning for {name} in:\n{stdout}"));
        assert!(line.contains(reason), "expected \"{reason}\" in: {line}");
        assert!(
            line.contains(&format!("rename to \"{rename}\"")),
            "expected the fix in: {line}"
        );
    }
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(warnings.len(), NAMES.len(), "{stdout}");
    assert!(
        !warnings.iter().any(|l| l.contains("fine-name_2.json")),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!(
            "{} error(s), {} warning(s)",
            names.len(),
            NAMES.len()
        )),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_build_report_carries_the_same_warning() {
    let dir = folder("manifest", &["questions/a#b.json", "questions/ok.json"]);
    let (code, stdout, stderr) = firstline(&["manifest", dir.to_str().expect("UTF-8 temp path")]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("report.json")).expect("report written"),
    )
    .expect("report is JSON");
    let findings: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "warning")
        .collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["file"], "questions/a#b.json");
    assert_eq!(findings[0]["severity"], "warning");
    let message = findings[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("rename to \"questions/a-b.json\""),
        "{message}"
    );
    // The file is listed under its own name; the app encodes it.
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("manifest.json")).expect("manifest written"),
    )
    .expect("manifest is JSON");
    assert_eq!(
        manifest["files"],
        serde_json::json!(["questions/a#b.json", "questions/ok.json"])
    );
    let summary = &report["files"][0];
    assert_eq!(summary["name"], "questions/a#b.json");
    assert_eq!(summary["warnings"], 1);
    assert_eq!(report["files"][1]["warnings"], 0);
    let _ = std::fs::remove_dir_all(&dir);
}
