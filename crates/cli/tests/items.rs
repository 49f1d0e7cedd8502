//! Item analysis through the CLI: `check` reports an exam whose keys are
//! too often the longest option as a located error, and `stats` prints the
//! share. The fixture has the key strictly longest in 2 of 5 items.

mod common;

use common::firstline;

const FIXTURE: &str = "tests/fixtures/items";

#[test]
fn check_reports_the_longest_key_share_at_the_blueprint() {
    let (code, stdout, stderr) = firstline(&["check", FIXTURE]);
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "only the share is reported:\n{stdout}");
    let line = lines[0];
    assert!(
        line.starts_with("tests/fixtures/items/blueprint.json:3:9: error: exam ITEMS-1: "),
        "{line}"
    );
    for part in [
        "2 of 5 single-answer items (40%)",
        "30% limit",
        "shorten keys or give distractors their own qualifiers; see docs/content-format.md#item-writing",
        "(at id)",
    ] {
        assert!(line.contains(part), "expected \"{part}\" in: {line}");
    }
    assert!(stderr.contains("1 error(s), 0 warning(s)"), "{stderr}");
}

#[test]
fn stats_prints_the_longest_key_share() {
    let (code, stdout, stderr) = firstline(&["stats", FIXTURE]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.contains("  key strictly longest: 2 of 5 single-answer items (40%), limit 30%"),
        "{stdout}"
    );
    assert!(
        !stderr.contains("left some questions out"),
        "the share leaves no question out: {stderr}"
    );
}
