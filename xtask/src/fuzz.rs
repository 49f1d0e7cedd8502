//! `cargo xtask fuzz [--seconds N] [TARGET...]`: runs every fuzz target in
//! `fuzz/` (cargo-fuzz and libFuzzer, on the pinned nightly), one after
//! another, each from a seed corpus written from the repository's content.
//! The test command runs the same for a few seconds a target (`smoke`).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{cmd, project, tools};

/// Every target in fuzz/Cargo.toml, in the order they run.
pub const TARGETS: &[&str] = &[
    "content_file",
    "locate",
    "store",
    "interview",
    "scenario_play",
    "scenario_file",
];

/// Seconds per target for `cargo xtask fuzz` without `--seconds`.
const DEFAULT_SECONDS: u64 = 60;
/// Seconds per target in the test command's smoke pass.
pub const SMOKE_SECONDS: u64 = 10;
/// One input running longer than this is reported as a hang.
const TIMEOUT_SECONDS: u64 = 20;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets: Vec<&str> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--seconds needs a whole number of seconds above 0")?;
            }
            name => match TARGETS.iter().find(|t| **t == name) {
                Some(t) => targets.push(t),
                None => {
                    return Err(format!(
                        "no fuzz target \"{name}\"; targets are {}\nusage: cargo xtask fuzz [--seconds N] [TARGET...]",
                        TARGETS.join(", ")
                    ))
                }
            },
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    let summary = fuzz(&targets, seconds)?;
    println!("\n==> fuzz: {summary}");
    Ok(())
}

/// Installs what is missing, builds, seeds and runs `targets` for
/// `seconds` each. Ok is a one-line summary; Err names what crashed.
pub fn fuzz(targets: &[&str], seconds: u64) -> Result<String, String> {
    let started = Instant::now();
    let toolchain = tools::ensure_fuzz_tools()?;
    let plus = format!("+{toolchain}");
    // No sanitizer: the core is safe Rust, and AddressSanitizer would
    // double the build and halve the runs. Debug assertions stay on
    // (cargo-fuzz's default without -O), so an overflow is a crash.
    let build = Instant::now();
    cmd::run_command(fuzz_command(&[
        &plus,
        "fuzz",
        "build",
        "--sanitizer",
        "none",
    ]))?;
    let build = build.elapsed();
    let fuzzing = Instant::now();
    let mut lines = Vec::new();
    let mut crashed = Vec::new();
    for target in targets {
        let corpus = project::root().join("fuzz").join("corpus").join(target);
        println!("\n==> fuzz {target}: seeds from the bundled content, then {seconds} s");
        let ran = seed(target, &corpus).and_then(|()| run_target(&plus, target, &corpus, seconds));
        match ran {
            Ok(runs) => lines.push(format!("{target} {runs} runs")),
            Err(e) => {
                eprintln!("  FAILED: {e}");
                lines.push(format!("{target} FAILED"));
                crashed.push(format!("{target}: {e}"));
            }
        }
    }
    let summary = format!(
        "{} target(s), {seconds} s each, in {} (build {}, fuzzing {}): {}",
        targets.len(),
        minutes(started.elapsed()),
        minutes(build),
        minutes(fuzzing.elapsed()),
        lines.join(", ")
    );
    if crashed.is_empty() {
        Ok(summary)
    } else {
        Err(format!(
            "{summary}\n  {}\n  reproduce with `cargo +{toolchain} fuzz run --sanitizer none TARGET fuzz/artifacts/TARGET/FILE`",
            crashed.join("\n  ")
        ))
    }
}

/// Writes the target's seeds into its corpus: the target makes them from
/// the repository's content on its first input (`fuzz/src/seeds.rs`). The
/// built binary runs once on an empty input, so a corpus that already
/// holds a crash is reported by the run, not here.
fn seed(target: &str, corpus: &Path) -> Result<(), String> {
    std::fs::create_dir_all(corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    let built = project::root().join("fuzz").join("target");
    let empty = built.join("empty-input");
    std::fs::write(&empty, b"").map_err(|e| format!("cannot write {}: {e}", empty.display()))?;
    let host = cmd::output("rustc", &["-vV"])
        .and_then(|v| {
            v.lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        })
        .ok_or("cannot tell the host from `rustc -vV`")?;
    let binary = built.join(host).join("release").join(target);
    let mut command = std::process::Command::new(&binary);
    command
        .arg(&empty)
        .current_dir(project::root())
        .env("FIRSTLINE_FUZZ_SEEDS", corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd::run_command(command).map_err(|e| format!("writing the seeds failed: {e}"))
}

/// Runs one target; Ok is the number of inputs run.
fn run_target(plus: &str, target: &str, corpus: &Path, seconds: u64) -> Result<u64, String> {
    let corpus_arg = corpus.to_string_lossy();
    let time = format!("-max_total_time={seconds}");
    let timeout = format!("-timeout={TIMEOUT_SECONDS}");
    let mut command = fuzz_command(&[
        plus,
        "fuzz",
        "run",
        "--sanitizer",
        "none",
        target,
        &corpus_arg,
        "--",
        &time,
        &timeout,
        "-rss_limit_mb=2048",
        "-max_len=262144",
        "-print_final_stats=1",
    ]);
    // Tokens that help a target, such as numbers at the edges of a type.
    let dict = project::root()
        .join("fuzz")
        .join("dict")
        .join(format!("{target}.dict"));
    if dict.exists() {
        command.arg(format!("-dict={}", dict.display()));
    }
    command.stdin(Stdio::null()).stderr(Stdio::piped());
    println!(
        "  $ cargo {plus} fuzz run --sanitizer none {target} {corpus_arg} -- {time} {timeout} ..."
    );
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    // Pass libFuzzer's report through, keeping the figures for the summary.
    let mut runs = 0;
    if let Some(stderr) = child.stderr.take() {
        let mut out = std::io::stderr();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                runs = n.trim().parse().unwrap_or(runs);
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz did not finish: {e}"))?;
    if status.success() {
        Ok(runs)
    } else {
        Err(format!(
            "found a crash or hang ({status}); the input is in fuzz/artifacts/{target}/"
        ))
    }
}

/// cargo in the project root; the fuzz crate always builds into its own
/// fuzz/target, whatever CARGO_TARGET_DIR says for the workspace.
fn fuzz_command(args: &[&str]) -> std::process::Command {
    let mut command = cmd::command("cargo", args);
    command.env_remove("CARGO_TARGET_DIR");
    command
}

fn minutes(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}m{:02}s", s / 60, s % 60)
}
