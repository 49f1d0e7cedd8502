//! `firstline`: the instructors' command-line tool. It reads content files
//! with the same core the app uses, so what passes here loads in the app.

mod check;
mod convert;
mod files;
mod manifest;
mod pack;
mod play;
mod schema;
mod stats;
mod usage;

use std::process::ExitCode;

use usage::UsageError;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("firstline: {error}");
            eprintln!("{}", usage::SHORT);
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let Some((command, rest)) = args.split_first() else {
        println!("{}", usage::LONG);
        return Ok(ExitCode::SUCCESS);
    };
    match command.as_str() {
        "check" => check::run(rest),
        "manifest" => manifest::run(rest),
        "stats" => stats::run(rest),
        "play" => play::run(rest),
        "import" => convert::import(rest),
        "export" => convert::export(rest),
        "schema" => schema::run(rest),
        "pack" => pack::run(rest),
        "help" | "--help" | "-h" => {
            println!("{}", usage::LONG);
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            println!("firstline {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError(format!("unknown command \"{other}\""))),
    }
}
