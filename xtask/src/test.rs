//! `cargo xtask test`: everything CI checks, in order, with a summary.
//! A step that cannot run because an earlier one failed is reported as
//! skipped, and a skipped step fails the run.

use std::time::{Duration, Instant};

use crate::{budget, cmd, fuzz, lighthouse, project, tools};

struct Step {
    name: &'static str,
    /// Steps that must pass first.
    needs: &'static [&'static str],
    run: fn() -> Result<String, String>,
}

enum Outcome {
    Passed(String),
    Failed(String),
    Skipped(String),
}

const STEPS: &[Step] = &[
    Step {
        name: "tools",
        needs: &[],
        run: install_tools,
    },
    Step {
        name: "fmt",
        needs: &["tools"],
        run: fmt,
    },
    Step {
        name: "clippy-native",
        needs: &["tools"],
        run: clippy_native,
    },
    Step {
        name: "clippy-wasm",
        needs: &["tools"],
        run: clippy_wasm,
    },
    Step {
        name: "unit-tests",
        needs: &["tools"],
        run: unit_tests,
    },
    Step {
        name: "content-check",
        needs: &["tools"],
        run: content_check,
    },
    Step {
        name: "fuzz-smoke",
        needs: &[],
        run: fuzz_smoke,
    },
    Step {
        name: "release-build",
        needs: &["tools"],
        run: release_build,
    },
    Step {
        name: "bundle-budget",
        needs: &["release-build"],
        run: bundle_budget,
    },
    Step {
        name: "lighthouse",
        needs: &["release-build"],
        run: lighthouse_step,
    },
    Step {
        name: "browser-tests",
        needs: &["release-build"],
        run: browser_tests,
    },
];

pub fn run(args: &[String]) -> Result<(), String> {
    let only: Vec<&str> = match args {
        [] => Vec::new(),
        [flag, names @ ..] if flag == "--only" && !names.is_empty() => {
            names.iter().map(String::as_str).collect()
        }
        _ => return Err("usage: cargo xtask test [--only STEP...]".into()),
    };
    for name in &only {
        if !STEPS.iter().any(|s| s.name == *name) {
            let all: Vec<&str> = STEPS.iter().map(|s| s.name).collect();
            return Err(format!("no step \"{name}\"; steps are {}", all.join(", ")));
        }
    }
    let started = Instant::now();
    let mut results: Vec<(&str, Outcome, Duration)> = Vec::new();
    let selected: Vec<&Step> = STEPS
        .iter()
        .filter(|s| only.is_empty() || only.contains(&s.name) || s.name == "tools")
        .collect();
    for (i, step) in selected.iter().enumerate() {
        let blocked = step.needs.iter().find(|need| {
            results
                .iter()
                .any(|(name, outcome, _)| name == *need && !matches!(outcome, Outcome::Passed(_)))
        });
        if let Some(need) = blocked {
            results.push((
                step.name,
                Outcome::Skipped(format!("{need} did not pass")),
                Duration::ZERO,
            ));
            continue;
        }
        println!("\n==> [{}/{}] {}", i + 1, selected.len(), step.name);
        let t = Instant::now();
        let outcome = match (step.run)() {
            Ok(note) => Outcome::Passed(note),
            Err(error) => {
                eprintln!("  FAILED: {error}");
                Outcome::Failed(error)
            }
        };
        results.push((step.name, outcome, t.elapsed()));
    }
    println!("\n==> summary ({} in all)", minutes(started.elapsed()));
    let mut failures = 0;
    for (name, outcome, took) in &results {
        let (label, detail) = match outcome {
            Outcome::Passed(note) => ("pass", note.clone()),
            Outcome::Failed(error) => ("FAIL", error.clone()),
            Outcome::Skipped(why) => ("SKIP", format!("not run: {why}")),
        };
        if !matches!(outcome, Outcome::Passed(_)) {
            failures += 1;
        }
        println!("  {label}  {name:<14} {:>7}  {detail}", minutes(*took));
    }
    if !only.is_empty() {
        println!(
            "  PARTIAL RUN: only {} ran; CI runs every step.",
            only.join(", ")
        );
    }
    if failures > 0 {
        Err(format!("{failures} step(s) did not pass"))
    } else {
        println!("  all {} steps passed", results.len());
        Ok(())
    }
}

fn minutes(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}m{:02}s", s / 60, s % 60)
}

fn install_tools() -> Result<String, String> {
    tools::ensure_build_tools()?;
    let nightly = tools::ensure_release_nightly()?;
    tools::ensure_browser()?;
    Ok(format!(
        "trunk, wasm-bindgen, wasm-opt, {nightly} with rust-src, npm packages and chromium present"
    ))
}

fn fmt() -> Result<String, String> {
    cmd::run("cargo", &["fmt", "--all", "--", "--check"])?;
    Ok("formatted".into())
}

fn clippy_native() -> Result<String, String> {
    cmd::run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    Ok("no warnings".into())
}

fn clippy_wasm() -> Result<String, String> {
    cmd::run(
        "cargo",
        &[
            "clippy",
            "-p",
            "firstline-app",
            "-p",
            "firstline-core",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    Ok("no warnings".into())
}

fn unit_tests() -> Result<String, String> {
    cmd::run(
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "firstline-app",
            "--locked",
        ],
    )?;
    Ok("native tests pass".into())
}

fn content_check() -> Result<String, String> {
    cmd::run(
        "cargo",
        &[
            "run",
            "--quiet",
            "--locked",
            "-p",
            "firstline-cli",
            "--",
            "check",
        ],
    )?;
    Ok("bundled content is clean".into())
}

/// A short pass of every fuzz target, so a change that makes any of them
/// crash fails here; `cargo xtask fuzz` runs them longer.
fn fuzz_smoke() -> Result<String, String> {
    fuzz::fuzz(fuzz::TARGETS, fuzz::SMOKE_SECONDS)
}

fn release_build() -> Result<String, String> {
    cmd::run("trunk", &["build", "--release"])?;
    Ok("dist/ built".into())
}

fn bundle_budget() -> Result<String, String> {
    budget::check(&project::dist())
}

fn lighthouse_step() -> Result<String, String> {
    lighthouse::check(&project::dist())
}

fn browser_tests() -> Result<String, String> {
    let mut command = cmd::command(
        "playwright",
        &["test", "--config", "e2e/playwright.config.ts"],
    );
    command.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    cmd::run_command(command)?;
    Ok("Playwright and axe pass in Chromium".into())
}
