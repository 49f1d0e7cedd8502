//! `cargo xtask serve`: install what is missing, build and serve the app
//! with live reload.

use crate::{cmd, tools};

pub fn run(args: &[String]) -> Result<(), String> {
    let mut port = "8080".to_owned();
    let mut release = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--port" => port = rest.next().ok_or("--port needs a number")?.clone(),
            "--release" => release = true,
            other => {
                return Err(format!(
                    "unknown option \"{other}\" for serve (use --port N, --release)"
                ))
            }
        }
    }
    println!("[1/2] checking tools");
    tools::ensure_build_tools()?;
    println!("[2/2] building and serving (the first build takes a few minutes)");
    println!("  FirstLine will be at http://127.0.0.1:{port}/ once trunk reports the build finished. Ctrl+C stops it.");
    let mut trunk_args = vec!["serve", "--address", "127.0.0.1", "--port", port.as_str()];
    if release {
        trunk_args.push("--release");
    }
    cmd::run("trunk", &trunk_args)
}
