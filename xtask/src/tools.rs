//! Installs what a fresh machine lacks, at pinned versions. Each check is
//! fast when the tool is already there, so every run can call these.

use std::fs;
use std::path::Path;

use crate::cmd::{self, output, run};
use crate::project;

pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen's wasm-opt, from npm; Debian's is too old for current rustc.
const WASM_OPT_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The pinned nightly, and the commit date its rustc reports, so a
/// `nightly` already installed at that date is used as it is. The fuzz
/// targets build with it (cargo-fuzz needs nightly), and so does the
/// release wasm (it rebuilds the standard library: see `wasm.rs`).
pub const NIGHTLY: &str = "nightly-2026-05-20";
const NIGHTLY_COMMIT_DATE: &str = "2026-05-19";
pub const CARGO_FUZZ_VERSION: &str = "0.13.1";

/// The pinned nightly and cargo-fuzz, installed when missing; returns the
/// toolchain name to run cargo with (`cargo +NAME fuzz ...`).
pub fn ensure_fuzz_tools() -> Result<String, String> {
    let toolchain = ensure_nightly()?;
    let have = output("cargo", &["fuzz", "--version"]).unwrap_or_default();
    if have == format!("cargo-fuzz {CARGO_FUZZ_VERSION}") {
        println!("  ok: {have}");
    } else {
        println!(
            "  installing cargo-fuzz {CARGO_FUZZ_VERSION} (first run only: about a minute)..."
        );
        run(
            "cargo",
            &[
                "install",
                "cargo-fuzz",
                "--version",
                CARGO_FUZZ_VERSION,
                "--locked",
                "--force",
            ],
        )?;
    }
    Ok(toolchain)
}

fn ensure_nightly() -> Result<String, String> {
    let at_pinned_date = |name: &str| {
        output("rustc", &[&format!("+{name}"), "-vV"]).is_some_and(|v| {
            v.lines()
                .any(|l| l.trim() == format!("commit-date: {NIGHTLY_COMMIT_DATE}"))
        })
    };
    for name in [NIGHTLY, "nightly"] {
        if at_pinned_date(name) {
            println!("  ok: {name} (rustc of {NIGHTLY_COMMIT_DATE})");
            return Ok(name.to_owned());
        }
    }
    println!("  installing {NIGHTLY} (first run only: about a minute)...");
    run(
        "rustup",
        &["toolchain", "install", NIGHTLY, "--profile", "minimal"],
    )?;
    Ok(NIGHTLY.to_owned())
}

/// The pinned nightly with the standard library's source, which the
/// release wasm build compiles (`-Zbuild-std`); returns the toolchain name
/// to run cargo with.
pub fn ensure_release_nightly() -> Result<String, String> {
    let toolchain = ensure_nightly()?;
    let installed = output(
        "rustup",
        &[
            "component",
            "list",
            "--installed",
            "--toolchain",
            &toolchain,
        ],
    )
    .unwrap_or_default();
    if installed.lines().any(|l| l.starts_with("rust-src")) {
        println!("  ok: rust-src for {toolchain}");
    } else {
        println!("  installing rust-src for {toolchain} (first run only: a few seconds)...");
        run(
            "rustup",
            &["component", "add", "rust-src", "--toolchain", &toolchain],
        )?;
    }
    Ok(toolchain)
}

/// Everything needed to build the app.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_npm_packages()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    Ok(())
}

/// Debian's Chromium and ChromeDriver for the browser tests.
pub fn ensure_browser() -> Result<(), String> {
    let present = |p: &str| Path::new(p).exists();
    if present("/usr/bin/chromium") && present("/usr/bin/chromedriver") {
        println!("  ok: chromium and chromedriver");
        return Ok(());
    }
    println!("  installing Debian's chromium and chromium-driver (about 1-2 minutes)...");
    let apt = |args: &[&str]| {
        let mut command = if is_root() {
            cmd::command("apt-get", args)
        } else {
            let mut with_sudo = vec!["apt-get"];
            with_sudo.extend_from_slice(args);
            cmd::command("sudo", &with_sudo)
        };
        command.env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run_command(command)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}

fn is_root() -> bool {
    output("id", &["-u"]).as_deref() == Some("0")
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("  ok: rust target {WASM_TARGET}");
        return Ok(());
    }
    println!("  installing rust target {WASM_TARGET} (under a minute)...");
    run("rustup", &["target", "add", WASM_TARGET])
}

fn ensure_trunk() -> Result<(), String> {
    let have = output("trunk", &["--version"]).unwrap_or_default();
    if have == format!("trunk {TRUNK_VERSION}") {
        println!("  ok: {have}");
        return Ok(());
    }
    println!("  installing trunk {TRUNK_VERSION} (first run only: about 9 minutes on 2 cores)...");
    // --locked: without it a moved CSS dependency breaks the build.
    run(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = project::locked_version("wasm-bindgen")?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have == format!("wasm-bindgen {wanted}") {
        println!("  ok: {have}");
        return Ok(());
    }
    println!("  installing wasm-bindgen-cli {wanted}, the version Cargo.lock pins (first run only: about 6 minutes)...");
    // Not --locked: its lock file names a crate version the registry lacks.
    run(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ],
    )
}

/// Runs `npm ci` when node_modules does not match package-lock.json, or a
/// package package.json names (Playwright, Lighthouse, ...) is missing.
fn ensure_npm_packages() -> Result<(), String> {
    let root = project::root();
    let lock = fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp_path = root.join("node_modules").join(".firstline-lock-stamp");
    let stamp = format!("{:016x}", fnv1a(&lock));
    let wasm_opt_ok =
        output("wasm-opt", &["--version"]).is_some_and(|v| v.contains(WASM_OPT_VERSION));
    // The stamp alone would miss a package deleted or replaced by hand.
    let pinned_ok = missing_npm_packages(&root)?.is_empty();
    if wasm_opt_ok
        && pinned_ok
        && fs::read_to_string(&stamp_path).ok().as_deref() == Some(stamp.as_str())
    {
        println!("  ok: npm packages match package-lock.json");
        return Ok(());
    }
    println!("  installing npm packages from package-lock.json (about a minute)...");
    let mut command = cmd::command("npm", &["ci", "--no-audit", "--no-fund"]);
    // Playwright must use Debian's Chromium: there is nothing to download from.
    command.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    cmd::run_command(command)?;
    let have = output("wasm-opt", &["--version"]).unwrap_or_default();
    if !have.contains(WASM_OPT_VERSION) {
        return Err(format!(
            "wasm-opt from npm reports \"{have}\", expected version {WASM_OPT_VERSION}"
        ));
    }
    let missing = missing_npm_packages(&root)?;
    if !missing.is_empty() {
        return Err(format!(
            "after npm ci, node_modules still lacks {}; is package-lock.json up to date with package.json? (npm install --package-lock-only)",
            missing.join(", ")
        ));
    }
    fs::write(&stamp_path, stamp).map_err(|e| format!("cannot write {}: {e}", stamp_path.display()))
}

/// The devDependencies of package.json not installed at their pinned version.
fn missing_npm_packages(root: &Path) -> Result<Vec<String>, String> {
    let manifest_path = root.join("package.json");
    let text = fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let manifest: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is malformed: {e}", manifest_path.display()))?;
    let wanted = manifest
        .get("devDependencies")
        .and_then(serde_json::Value::as_object)
        .ok_or_else(|| format!("{} has no devDependencies", manifest_path.display()))?;
    let mut missing = Vec::new();
    for (name, version) in wanted {
        let installed =
            fs::read_to_string(root.join("node_modules").join(name).join("package.json"))
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|p| p.get("version").cloned());
        if installed.as_ref() != Some(version) {
            missing.push(format!("{name}@{}", version.as_str().unwrap_or("?")));
        }
    }
    Ok(missing)
}

/// A stable 64-bit hash, to notice a changed lock file between runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn hash_changes_with_content() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }
}
