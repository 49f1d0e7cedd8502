//! `firstline check` on scenarios whose evidence is wrong: a `requires.seen`
//! naming no tool, a tool's minutes out of range, and a choice depending on
//! evidence no path to it can show, each located at file:line:col with its
//! JSON path. The check stays the single gate for the new fields.

mod common;

use common::firstline;

#[test]
fn broken_evidence_is_found_where_it_is_written() {
    let (code, stdout, stderr) = firstline(&["check", "tests/fixtures/evidence"]);
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let expect = [
        (
            "printer.json:81:15:",
            "choice \"fix\" requires having seen \"pnig\", which is not a tool id",
            "(at nodes[1].choices[0].requires.seen[0])",
        ),
        (
            "printer.json:164:18:",
            "minutes 90 is outside 1-60",
            "(at tools[1].minutes)",
        ),
        (
            "printer-paths.json:57:15:",
            "choice \"guess\" depends on tool \"ping\", which cannot have been seen at node \"hello\"",
            "(at nodes[0].choices[1].requires.seen[0])",
        ),
    ];
    for (location, message, path) in expect {
        let line = stdout
            .lines()
            .find(|l| l.contains(location))
            .unwrap_or_else(|| panic!("no finding at {location} in:\n{stdout}"));
        assert!(line.contains(message), "expected \"{message}\" in: {line}");
        assert!(line.ends_with(path), "expected {path} in: {line}");
    }
    assert_eq!(stdout.lines().count(), expect.len(), "{stdout}");
}
