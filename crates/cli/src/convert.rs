//! `firstline import` and `firstline export`: read a file, let the core
//! convert it (`content::convert`), write the result and print every
//! finding as `file:line:col: level: message`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use firstline_core::content::convert::{
    self, slug, write, ExportFormat, ImportFormat, ImportSettings, Note, MAX_INPUT_BYTES,
};
use firstline_core::content::file::{parse, ContentFile};
use firstline_core::content::question::Difficulty;

use crate::files::{display_name, json_files};
use crate::usage::UsageError;

/// Where blueprints are looked for to check `--exam` and `--objective`.
const BLUEPRINTS: &str = "questions/exams";

/// The flags of one command: `--name value` pairs and one file.
struct Args {
    values: Vec<(String, String)>,
    file: PathBuf,
}

impl Args {
    fn parse(args: &[String], known: &[&str]) -> Result<Args, UsageError> {
        let mut values = Vec::new();
        let mut file = None;
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg.starts_with('-') && arg.len() > 1 {
                let name = match arg.as_str() {
                    "-o" => "--output",
                    other => other,
                };
                if !known.contains(&name) {
                    return Err(UsageError(format!("unknown option \"{arg}\"")));
                }
                let Some(value) = rest.next() else {
                    return Err(UsageError(format!("{arg} needs a value")));
                };
                values.push((name.to_owned(), value.clone()));
            } else if file.is_some() {
                return Err(UsageError(format!(
                    "one input file at a time; \"{arg}\" is a second one"
                )));
            } else {
                file = Some(PathBuf::from(arg));
            }
        }
        let file = file.ok_or_else(|| UsageError("name the file to convert".into()))?;
        Ok(Args { values, file })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn require(&self, name: &str, what: &str) -> Result<&str, UsageError> {
        self.get(name)
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| UsageError(format!("{name} is required: {what}")))
    }
}

pub fn import(args: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(
        args,
        &[
            "--from",
            "--exam",
            "--objective",
            "--difficulty",
            "--id-prefix",
            "--output",
        ],
    )?;
    let from = args.require("--from", "gift, aiken, anki or moodle-xml")?;
    let format = ImportFormat::parse(from).ok_or_else(|| {
        UsageError(format!(
            "--from \"{from}\" is not a format this reads; use gift, aiken, anki or moodle-xml"
        ))
    })?;
    let exam = args.require(
        "--exam",
        "the exam every imported question belongs to, such as 220-1201",
    )?;
    let objective = args.require(
        "--objective",
        "the objective every imported question practises, such as 2.1",
    )?;
    let difficulty = match args.get("--difficulty").unwrap_or("medium") {
        "easy" => Difficulty::Easy,
        "medium" => Difficulty::Medium,
        "hard" => Difficulty::Hard,
        other => {
            return Err(UsageError(format!(
                "--difficulty \"{other}\" is not easy, medium or hard"
            )))
        }
    };
    let output = PathBuf::from(args.require(
        "--output",
        "the question set to write, such as questions/220-1201/imported.json",
    )?);
    distinct(&args.file, &output)?;
    check_blueprint(exam, objective)?;
    let name = display_name(&args.file);
    let prefix = match args.get("--id-prefix") {
        Some(p) => slug(p),
        None => args
            .file
            .file_stem()
            .map(|s| slug(&s.to_string_lossy()))
            .unwrap_or_default(),
    };
    let settings = ImportSettings {
        exam: exam.to_owned(),
        objective: objective.to_owned(),
        difficulty,
        id_prefix: if prefix.is_empty() {
            "q".into()
        } else {
            prefix
        },
    };
    let text = match read_text(&args.file)? {
        Ok(text) => text,
        Err(message) => {
            println!("{name}:1:1: not converted: {message}");
            return Ok(ExitCode::from(1));
        }
    };
    let result = convert::import(format, &text, &settings);
    print_notes(&name, &result.notes);
    let count = result.output.questions.len();
    if count == 0 {
        eprintln!("no question in {name} could be converted; nothing was written");
        return Ok(ExitCode::from(1));
    }
    write_file(&output, &write::question_set(&result.output))?;
    eprintln!(
        "imported {count} question(s) from {name} into {}; {}; then run `firstline check`",
        display_name(&output),
        tally(&result.notes)
    );
    Ok(exit(&result.notes))
}

pub fn export(args: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(args, &["--to", "--output"])?;
    let to = args.require("--to", "gift or moodle-xml")?;
    let format = ExportFormat::parse(to).ok_or_else(|| {
        UsageError(format!(
            "--to \"{to}\" is not a format this writes; use gift or moodle-xml"
        ))
    })?;
    let output = PathBuf::from(args.require(
        "--output",
        "the file to write, such as quiz.gift or quiz.xml",
    )?);
    distinct(&args.file, &output)?;
    let name = display_name(&args.file);
    let text = match read_text(&args.file)? {
        Ok(text) => text,
        Err(message) => {
            println!("{name}:1:1: error: {message}");
            return Ok(ExitCode::from(1));
        }
    };
    let set = match parse(&name, &text) {
        Ok(ContentFile::QuestionSet(set)) => set,
        Ok(_) => {
            println!("{name}:1:1: error: not a question set (\"kind\": \"question-set\"); export writes question sets only");
            return Ok(ExitCode::from(1));
        }
        Err(finding) => {
            println!("{finding}");
            return Ok(ExitCode::from(1));
        }
    };
    let mut result = convert::export(format, &set);
    convert::locate_in_set(&text, &mut result.notes);
    print_notes(&name, &result.notes);
    write_file(&output, &result.output)?;
    eprintln!(
        "exported {} of {} question(s) from {name} to {}; {}",
        set.questions.len() - skipped(&result.notes),
        set.questions.len(),
        display_name(&output),
        tally(&result.notes)
    );
    Ok(exit(&result.notes))
}

/// The file's text, or why it cannot be converted (too large, not UTF-8).
fn read_text(path: &Path) -> Result<Result<String, String>, UsageError> {
    let file = fs::File::open(path)
        .map_err(|e| UsageError(format!("cannot read \"{}\": {e}", path.display())))?;
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| UsageError(format!("cannot read \"{}\": {e}", path.display())))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Ok(Err(format!("the file holds more than {MAX_INPUT_BYTES} bytes, the most one conversion reads; split it into smaller files")));
    }
    Ok(String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    }))
}

/// Refuses to write over the file being read.
fn distinct(input: &Path, output: &Path) -> Result<(), UsageError> {
    let same = match (fs::canonicalize(input), fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(UsageError(format!(
            "-o \"{}\" is the file being converted; write to another file",
            output.display()
        )));
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<(), UsageError> {
    fs::write(path, text)
        .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", path.display())))
}

/// Refuses an exam or objective the loaded blueprints do not know, when
/// the blueprint folder is there to ask.
fn check_blueprint(exam: &str, objective: &str) -> Result<(), UsageError> {
    let dir = Path::new(BLUEPRINTS);
    if !dir.is_dir() {
        return Ok(());
    }
    for path in json_files(dir)? {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        if let Ok(ContentFile::Exam(blueprint)) = parse(&display_name(&path), &text) {
            if blueprint.id != exam {
                continue;
            }
            if blueprint.objective(objective).is_some() {
                return Ok(());
            }
            let known: Vec<&str> = blueprint
                .domains
                .iter()
                .flat_map(|d| &d.objectives)
                .map(|o| o.id.as_str())
                .collect();
            return Err(UsageError(format!(
                "--objective \"{objective}\" is not in the {exam} blueprint; use one of {}",
                known.join(", ")
            )));
        }
    }
    eprintln!("firstline: no blueprint for exam \"{exam}\" in {BLUEPRINTS}, so --objective was not checked; `firstline check` will ask for one");
    Ok(())
}

fn print_notes(file: &str, notes: &[Note]) {
    for note in notes {
        println!("{file}:{note}");
    }
}

fn skipped(notes: &[Note]) -> usize {
    notes
        .iter()
        .filter(|n| n.level == convert::Level::Skipped && n.question.is_some())
        .count()
}

fn tally(notes: &[Note]) -> String {
    let count = |level| notes.iter().filter(|n| n.level == level).count();
    format!(
        "{} not converted, {} to do, {} note(s)",
        count(convert::Level::Skipped),
        count(convert::Level::Todo),
        count(convert::Level::Note)
    )
}

fn exit(notes: &[Note]) -> ExitCode {
    if notes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
