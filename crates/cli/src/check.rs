//! `firstline check`: validates content with the core's checks and prints
//! every finding, never stopping at the first bad file.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use firstline_core::content::read::names::name_finding;
use firstline_core::content::{Finding, Library, LoadReport, Severity, Source};

use crate::files::{display_name, json_files, relative_name};
use crate::usage::UsageError;

const DEFAULT_DIRS: &[&str] = &["questions", "scenarios"];

/// Every content file under the folders, read and loaded by the core.
pub struct Loaded {
    pub report: LoadReport,
    /// Files that could not be read as text, as findings.
    pub unreadable: Vec<Finding>,
    pub file_count: usize,
}

/// Reads every `.json` file under the named folders (default: questions
/// and scenarios) and in the named packs, and loads them together.
pub fn load_dirs(args: &[String]) -> Result<Loaded, UsageError> {
    if let Some(flag) = args.iter().find(|a| a.starts_with('-')) {
        return Err(UsageError(format!("unknown option \"{flag}\"")));
    }
    let dirs: Vec<PathBuf> = if args.is_empty() {
        DEFAULT_DIRS
            .iter()
            .map(PathBuf::from)
            .filter(|d| d.is_dir())
            .collect()
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    if dirs.is_empty() {
        return Err(UsageError("no content folder: run in the project folder or name one, as in `firstline check questions`".into()));
    }
    let mut sources = Vec::new();
    let mut findings = Vec::new();
    // Names a static host would change: the app could not fetch the file.
    let mut names = Vec::new();
    for dir in &dirs {
        // A pack's files are checked as they are, each named inside it.
        if crate::pack::is_pack(dir) {
            sources.extend(crate::pack::sources(dir)?);
            continue;
        }
        if dir.is_file() {
            return Err(UsageError(format!(
                "\"{}\" is a file: check takes folders and packs (NAME{})",
                dir.display(),
                firstline_core::content::pack::EXTENSION
            )));
        }
        for path in json_files(dir)? {
            let name = display_name(&path);
            names.extend(name_finding(&name, &relative_name(&path, dir)));
            match fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => sources.push(Source::new(name, text)),
                    Err(e) => findings.push(file_finding(
                        name,
                        format!(
                            "not UTF-8 text (invalid byte at offset {})",
                            e.utf8_error().valid_up_to()
                        ),
                    )),
                },
                Err(e) => findings.push(file_finding(name, format!("cannot read the file: {e}"))),
            }
        }
    }
    let file_count = sources.len() + findings.len();
    let mut report = Library::load_for_authoring(sources);
    report.add_file_findings(names);
    Ok(Loaded {
        report,
        unreadable: findings,
        file_count,
    })
}

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let Loaded {
        report,
        unreadable,
        file_count,
    } = load_dirs(args)?;
    let mut findings = unreadable;
    findings.extend(report.findings.iter().cloned());
    findings.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    for finding in &findings {
        println!("{finding}");
    }
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    let library = &report.library;
    for (id, a) in &report.analyses {
        eprintln!("{}", crate::play::summary(id, a));
    }
    for shift in &library.shifts {
        eprintln!("{}", crate::play::shift_summary(shift));
    }
    eprintln!(
        "checked {file_count} file(s): {} exam(s), {} question(s), {} scenario(s), {} shift(s), {} interview question(s); {errors} error(s), {warnings} warning(s)",
        library.exams.len(),
        library.questions.len(),
        library.scenarios.len(),
        library.shifts.len(),
        library.interview.len(),
    );
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn file_finding(file: String, message: String) -> Finding {
    Finding {
        file,
        line: 1,
        column: 1,
        path: "(file)".into(),
        message,
        severity: Severity::Error,
    }
}
