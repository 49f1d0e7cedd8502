//! `firstline play` and the analyser's findings in `firstline check`, on
//! small fixture scenarios.

mod common;

use common::firstline;

#[test]
fn play_reports_every_path_with_its_scores() {
    let (code, stdout, stderr) = firstline(&["play", "--paths", "tests/fixtures/play"]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.contains("scenario reset: best path 100, highest 100, lowest 0, best with a mistake 38 over 4 path(s); 4 of 4 choices played"),
        "{stdout}"
    );
    assert!(stdout.contains("best path:   100 | technical 100 customer 100 process 100 documentation 100 time 100 | 0 mistake(s) | end-ok | verify > reset"), "{stdout}");
    assert!(
        stdout.contains("reset-now > reset"),
        "every path is listed: {stdout}"
    );
    assert!(stdout.contains("critical"), "{stdout}");
    assert!(stdout.contains("ending end-esc"), "{stdout}");
}

#[test]
fn a_mistake_that_costs_too_little_is_an_error_at_the_best_path() {
    let (code, stdout, _) = firstline(&["play", "tests/fixtures/play-cheap-mistake"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout
            .contains("error: a path with 1 mistake(s) scores 95, within 5 of the best path's 100"),
        "{stdout}"
    );
    let (code, stdout, _) = firstline(&["check", "tests/fixtures/play-cheap-mistake"]);
    assert_eq!(code, 1);
    let line = stdout
        .lines()
        .find(|l| l.contains("within 5 of the best path"))
        .unwrap_or_else(|| panic!("no analyser finding in:\n{stdout}"));
    assert!(
        line.starts_with("tests/fixtures/play-cheap-mistake/reset.json:"),
        "{line}"
    );
    assert!(line.contains("(at best_path)"), "{line}");
}
