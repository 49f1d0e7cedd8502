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
const DEBUG_BOUND: Duration = Duration::from_secs(10);

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

/// How long one run took: on the clock, and the processor time the
/// child used (Linux only), which a busy machine does not inflate.
#[derive(Debug, Clone, Copy)]
struct Took {
    wall: Duration,
    cpu: Option<Duration>,
}

impl Took {
    /// What the bound is checked against: processor time when known.
    fn measured(self) -> Duration {
        self.cpu.unwrap_or(self.wall)
    }
}

impl std::fmt::Display for Took {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ms", self.wall.as_millis())?;
        if let Some(cpu) = self.cpu {
            write!(f, " ({} ms of processor time)", cpu.as_millis())?;
        }
        Ok(())
    }
}

/// Processor time (user and system) of this process's finished children,
/// from /proc/self/stat (in ticks of 1/100 s, the Linux ABI's USER_HZ).
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses: field 3
    // (state) comes first, so cutime (16) and cstime (17) are 13 and 14.
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs `firstline check` on the folder, checks that every question loaded
/// with no finding (so every check ran in full), and returns the time.
/// Held by each test that times `firstline check`. Processor time is read
/// for all this process's finished children, so a check another test ran
/// at the same time was counted too: the doubling test failed on 3.49 s
/// against 740 ms when the ten-thousand test's check finished inside its
/// window. Timed tests take turns instead.
static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn timing() -> std::sync::MutexGuard<'static, ()> {
    // A test that panicked while holding it poisons it; the lock still
    // serialises, which is all it is for.
    TIMING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn timed_check(dir: &Path, total: usize) -> Took {
    let cpu_before = children_cpu();
    let started = Instant::now();
    let (code, stdout, stderr) = firstline(&["check", dir.to_str().expect("UTF-8 temp path")]);
    let wall = started.elapsed();
    // Other tests' children may be counted too: that only makes it stricter.
    let cpu = children_cpu()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stderr.contains(&format!("1 exam(s), {total} question(s)"))
            && stderr.contains("0 error(s), 0 warning(s)"),
        "{stderr}"
    );
    Took { wall, cpu }
}

fn build() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

fn measure(bound: Duration) {
    let _turn = timing();
    for files in [1, 75] {
        let dir = generate(&format!("{files}"), files, QUESTIONS);
        let took = timed_check(&dir, QUESTIONS);
        println!(
            "firstline check ({} build): {QUESTIONS} questions in {files} file(s): {took}",
            build()
        );
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            took.measured() <= bound,
            "checking {QUESTIONS} questions in {files} file(s) took {took}, over {bound:?} ({} build)",
            build()
        );
        // Even on a busy machine, not many times the processor time.
        assert!(took.wall <= bound * 4, "{took}");
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

/// Twice the questions in one file, about twice the time: locating each
/// id by reading its file from the start made it four times.
#[test]
fn doubling_the_questions_in_a_file_doubles_the_time() {
    let half = generate("half", 1, QUESTIONS / 2);
    let full = generate("full", 1, QUESTIONS);
    let _turn = timing();
    // The faster of two runs of each, to steady the figures.
    let best = |dir: &Path, total| {
        (0..2)
            .map(|_| timed_check(dir, total).measured())
            .min()
            .unwrap_or_default()
    };
    let (half_time, full_time) = (best(&half, QUESTIONS / 2), best(&full, QUESTIONS));
    println!(
        "firstline check: {} questions in {half_time:?}, {QUESTIONS} in {full_time:?}",
        QUESTIONS / 2
    );
    let _ = std::fs::remove_dir_all(&half);
    let _ = std::fs::remove_dir_all(&full);
    assert!(
        full_time <= half_time * 3,
        "twice the questions took {full_time:?} against {half_time:?}"
    );
}

#[test]
fn generated_questions_are_clean_on_a_small_bank() {
    let dir = generate("small", 3, 40);
    let _turn = timing();
    timed_check(&dir, 40);
    let _ = std::fs::remove_dir_all(&dir);
}
