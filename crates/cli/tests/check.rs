//! `firstline check` on a folder of broken fixtures: one finding per broken
//! file, each with file, line and column, and exit status 1.

mod common;

use common::firstline;

#[test]
fn every_broken_fixture_gets_a_located_finding() {
    let (code, stdout, stderr) = firstline(&["check", "tests/fixtures/broken"]);
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let expect = [
        ("syntax-error.json:4:3:", "invalid JSON: expected `,` or `}`"),
        ("unknown-field.json:13:14:", "unknown field `anwser`"),
        ("answer-out-of-range.json:13:17:", "answer 4 is out of range: there are 2 options, numbered 0 to 1"),
        ("duplicate-id.json:15:13:", "duplicate question id \"dup-1\"; first defined at tests/fixtures/broken/duplicate-id.json:6:13"),
        ("missing-kind.json:1:1:", "missing \"kind\""),
        ("unknown-objective.json:7:20:", "objective \"9.9\" is not in the TEST-1 blueprint; use one of 1.1, 2.1"),
        ("wrong-type.json:5:28:", "invalid type: string \"ninety\", expected u32"),
        ("missing-why.json:14:31:", "explain why this option is right or wrong"),
    ];
    for (location, message) in expect {
        let line = stdout
            .lines()
            .find(|l| l.contains(location))
            .unwrap_or_else(|| panic!("no finding at {location} in:\n{stdout}"));
        assert!(line.starts_with("tests/fixtures/broken/"), "{line}");
        assert!(line.contains(message), "expected \"{message}\" in: {line}");
    }
    assert_eq!(
        stdout.lines().count(),
        expect.len(),
        "one finding per broken file:\n{stdout}"
    );
    assert!(
        !stdout.contains("blueprint.json"),
        "the good blueprint has no findings"
    );
    assert!(stderr.contains("checked 10 file(s)"), "{stderr}");
    assert!(
        !stdout.contains("good.json"),
        "the good question set has no findings"
    );
}

#[test]
fn bundled_content_is_clean() {
    let (code, stdout, stderr) = firstline(&["check", "../../questions", "../../scenarios"]);
    // No finding at all: no error, and no item-analysis or analyser warning.
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("0 error(s), 0 warning(s)"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(firstline(&["check", "no/such/folder"]).0, 2);
    assert_eq!(firstline(&["frobnicate"]).0, 2);
    assert_eq!(firstline(&["check", "--strict"]).0, 2);
    assert_eq!(firstline(&["manifest"]).0, 2);
}

#[test]
fn manifest_lists_the_content_files() {
    let dir = std::env::temp_dir().join(format!("firstline-manifest-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("questions/sub")).unwrap();
    std::fs::write(dir.join("questions/sub/b.json"), "{}").unwrap();
    std::fs::write(dir.join("questions/a.json"), "{}").unwrap();
    std::fs::write(dir.join("questions/README.md"), "").unwrap();
    let (code, stdout, _) = firstline(&["manifest", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("(2 files, 0 bundles; 2 problem(s)"),
        "{stdout}"
    );
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(
        parsed["files"],
        serde_json::json!(["questions/a.json", "questions/sub/b.json"])
    );
    // The build's report names each broken file for the Author page.
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["findings"][0]["file"], "questions/a.json");
    assert_eq!(report["findings"][1]["file"], "questions/sub/b.json");
    assert_eq!(report["files"][0]["errors"], 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn manifest_bundles_a_folder_of_blueprints_and_rerunning_ignores_its_own_output() {
    let dir = std::env::temp_dir().join(format!("firstline-bundle-{}", std::process::id()));
    let exams = dir.join("questions/exams");
    std::fs::create_dir_all(&exams).unwrap();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions/exams");
    for name in ["a-plus-core-1.json", "network-plus.json"] {
        std::fs::copy(repo.join(name), exams.join(name)).unwrap();
    }
    for _ in 0..2 {
        let (code, stdout, _) = firstline(&["manifest", dir.to_str().unwrap()]);
        assert_eq!(code, 0);
        assert!(stdout.contains("(2 files, 1 bundles;"), "{stdout}");
    }
    let bundle = std::fs::read_to_string(dir.join("bundles/questions-exams.json")).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    assert_eq!(
        parsed["files"][0]["name"],
        "questions/exams/a-plus-core-1.json"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["entries"][1]["kind"], "exam");
    std::fs::remove_dir_all(&dir).unwrap();
}
