//! Running commands with the project's tools on PATH, and reporting what
//! runs so slow steps are never silent.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::project;

/// PATH with the project's npm tools and cargo's bin folder first, so trunk
/// finds the pinned wasm-opt and wasm-bindgen.
pub fn tool_path() -> OsString {
    let mut dirs = vec![project::node_bin()];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(Path::new(&home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo").join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the project root with the tool PATH.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(project::root())
        .env("PATH", tool_path());
    command
}

/// Runs a command, streaming its output; Err names the command.
pub fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_command(command(program, args))
}

pub fn run_command(mut command: Command) -> Result<(), String> {
    let shown = describe(&command);
    println!("  $ {shown}");
    let status = command
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// A command's trimmed standard output, or None if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program, args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
