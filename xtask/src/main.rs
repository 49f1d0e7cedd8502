//! Project automation: `cargo xtask serve` and `cargo xtask test` install
//! what a fresh machine lacks, then build, serve or test everything.

mod budget;
mod cmd;
mod compress;
mod fuzz;
mod lighthouse;
mod minify;
mod parallel;
mod project;
mod pwa;
mod serve;
mod test;
mod tools;
mod wasm;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask <command>

COMMANDS:
    serve              install missing tools, build, and serve the app on http://127.0.0.1:8080
    test               install missing tools and run every check CI runs, with a summary
    wasm               build the app's split WebAssembly (trunk runs this as a pre-build hook)
    pwa DIR            write DIR/sw.js, the service worker that precaches DIR for offline use (a post-build hook)
    merge-chunks DIR   merge the small wasm chunks of the built site DIR (the release build does this itself)
    budget [DIR]       check the download budgets of the built site DIR (default dist/)
    compress DIR       write a gzipped X.gz beside each text and wasm file under DIR (a post-build hook)
    fuzz [--seconds N] [TARGET...]
                       run every fuzz target in fuzz/ for N seconds each (default 60), installing nightly and cargo-fuzz if missing
    lighthouse [DIR]   Lighthouse mobile on each page of DIR (default dist/), checked against budgets.json
    help               show this help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("wasm") => wasm::run(&args[1..]),
        Some("pwa") => pwa::run(&args[1..]),
        Some("compress") => compress::run(&args[1..]),
        Some("merge-chunks") => wasm::run_merge_chunks(&args[1..]),
        Some("budget") => budget::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("lighthouse") => lighthouse::run(&args[1..]),
        None | Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command \"{other}\"\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
