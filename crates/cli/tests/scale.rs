//! `firstline check` on a large generated bank: 10,000 questions in one
//! file and spread over 75 files. Locating every question id used to
//! rescan its file from the start (10,000 questions took 96 s), so this
//! measures the time, prints it and bounds it.
//!
//! The debug bound here is generous (debug code is many times slower and
//! the machine may be shared); the release bound of the issue (1 s) is the
//! ignored test below:
//!
//! ```text
//! cargo test -p firstline-cli --release --test scale -- --ignored --nocapture
//! ```

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::firstline;

const QUESTIONS: usize = 10_000;

/// A debug build on a busy machine; the quadratic locator took minutes.
const DEBUG_BOUND: Duration = Duration::from_secs(20);

/// The issue's bound, for release builds.
const RELEASE_BOUND: Duration = Duration::from_secs(1);

/// A word no other question uses: item analysis compares prompts by
/// their content words, so generated questions must not look alike.
fn word(question: usize, k: usize) -> String {
    format!("zq{question}x{k}")
}

fn question(i: usize) -> String {
    let objective = ["1.1", "1.2", "2.1", "2.2"][i % 4];
    let difficulty = ["easy", "medium", "hard"][i % 3];
    let answer = i % 4;
    let mut options = String::new();
    for k in 0..4 {
        let why = if k == answer {
            "Right: this one fixes it."
        } else {
            "Wrong: this one does not."
        };
        let comma = if k < 3 { "," } else { "" };
        // Options of equal length, none repeating a word of the prompt.
        let _ = writeln!(
            options,
            "        {{ \"text\": \"Use the {}\", \"why\": \"{why}\" }}{comma}",
            word(i, 4 + k)
        );
    }
    format!(
        r#"    {{
      "id": "bench-{i:05}",
      "objective": "{objective}",
      "difficulty": "{difficulty}",
      "type": "single",
      "prompt": "Why does the {} {} set off the {} {} on a PC?",
      "explanation": "Because of {}.",
      "options": [
{options}      ],
      "answer": {answer}
    }}"#,
        word(i, 0),
        word(i, 1),
        word(i, 2),
        word(i, 3),
        word(i, 8),
    )
}

const BLUEPRINT: &str = r#"{
  "kind": "exam",
  "id": "BENCH-1",
  "name": "Generated exam",
  "question_count": 10,
  "minutes": 20,
  "passing_score": 700,
  "domains": [
    { "id": "1.0", "name": "One", "weight": 50,
      "objectives": [{ "id": "1.1", "title": "First" }, { "id": "1.2", "title": "Second" }] },
    { "id": "2.0", "name": "Two", "weight": 50,
      "objectives": [{ "id": "2.1", "title": "Third" }, { "id": "2.2", "title": "Fourth" }] }
  ]
}
"#;

/// Writes a blueprint and `total` questions spread evenly over `files`
/// question sets under a fresh folder, and returns the folder.
fn generate(label: &str, files: usize, total: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("firstline-scale-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("exams")).expect("temp folder");
    std::fs::write(dir.join("exams/bench.json"), BLUEPRINT).expect("blueprint written");
    let mut next = 0;
    for f in 0..files {
        let count = total / files + usize::from(f < total % files);
        let body: Vec<String> = (next..next + count).map(question).collect();
        next += count;
        let text = format!(
            "{{\n  \"kind\": \"question-set\",\n  \"exam\": \"BENCH-1\",\n  \"questions\": [\n{}\n  ]\n}}\n",
            body.join(",\n")
        );
        std::fs::write(dir.join(format!("set-{f:03}.json")), text).expect("set written");
    }
    assert_eq!(next, total);
    dir
}

/// Runs `firstline check` on the folder, checks that every question loaded
/// with no finding (so every check ran in full), and returns the time.
fn timed_check(dir: &Path, total: usize) -> Duration {
    let started = Instant::now();
    let (code, stdout, stderr) = firstline(&["check", dir.to_str().expect("UTF-8 temp path")]);
    let took = started.elapsed();
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stderr.contains(&format!("1 exam(s), {total} question(s)"))
            && stderr.contains("0 error(s), 0 warning(s)"),
        "{stderr}"
    );
    took
}

fn measure(bound: Duration) {
    for files in [1, 75] {
        let dir = generate(&format!("{files}"), files, QUESTIONS);
        let took = timed_check(&dir, QUESTIONS);
        println!(
            "firstline check: {QUESTIONS} questions in {files} file(s): {} ms",
            took.as_millis()
        );
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            took <= bound,
            "checking {QUESTIONS} questions in {files} file(s) took {took:?}, over {bound:?} ({} build)",
            if cfg!(debug_assertions) { "debug" } else { "release" }
        );
    }
}

#[test]
fn checking_ten_thousand_questions_stays_fast() {
    let bound = if cfg!(debug_assertions) {
        DEBUG_BOUND
    } else {
        RELEASE_BOUND
    };
    measure(bound);
}

/// The issue's figure: 1 s or less in a release build.
#[test]
#[ignore = "a release benchmark: cargo test -p firstline-cli --release --test scale -- --ignored"]
fn release_check_of_ten_thousand_questions_takes_a_second_or_less() {
    // In a debug build this fails on time: run it with --release.
    measure(RELEASE_BOUND);
}

#[test]
fn generated_questions_are_clean_on_a_small_bank() {
    let dir = generate("small", 3, 40);
    timed_check(&dir, 40);
    let _ = std::fs::remove_dir_all(&dir);
}
