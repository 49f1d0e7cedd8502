//! Runs the built `firstline` binary from the CLI crate's folder.

use std::path::Path;
use std::process::Command;

/// Exit status, stdout and stderr of `firstline ARGS`.
pub fn firstline(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_firstline"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("the firstline binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
