//! The JSON Schema in `schema/` and the model agree: the committed files
//! are what `firstline schema` writes now, every bundled content file
//! validates against its kind's schema, and each broken fixture fails in
//! both the schema and `firstline check`, at the same place, for the same
//! reason.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::firstline;
use jsonschema::error::ValidationErrorKind;
use jsonschema::Validator;
use serde_json::Value;

const KINDS: &[&str] = &["exam", "question-set", "scenario", "interview-set", "shift"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("firstline-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
}

/// A validator per kind, from the committed schema files.
fn validators() -> BTreeMap<&'static str, Validator> {
    KINDS
        .iter()
        .map(|kind| {
            let path = root().join(format!("schema/{kind}.schema.json"));
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let schema: Value = serde_json::from_str(&text).unwrap();
            let validator = jsonschema::validator_for(&schema)
                .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", path.display()));
            (*kind, validator)
        })
        .collect()
}

/// Every schema error in `text` (a content file of a known kind), as
/// (instance path in `firstline check`'s notation, keyword, detail).
fn schema_errors(validators: &BTreeMap<&str, Validator>, text: &str) -> Vec<(String, String)> {
    let value: Value = serde_json::from_str(text).unwrap();
    let kind = value["kind"].as_str().unwrap_or_default().to_owned();
    let validator = validators
        .get(kind.as_str())
        .unwrap_or_else(|| panic!("no schema for kind {kind:?}"));
    validator
        .iter_errors(&value)
        .map(|e| {
            let mut path = dotted(e.instance_path().as_str());
            // An unknown field is reported on its object; check names the field.
            if let ValidationErrorKind::AdditionalProperties { unexpected } = e.kind() {
                for field in unexpected {
                    path = join(&path, field);
                }
            }
            (path, e.kind().keyword().to_owned())
        })
        .collect()
}

/// `/questions/0/type` as `questions[0].type`.
fn dotted(pointer: &str) -> String {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .fold(String::new(), |path, segment| {
            if segment.parse::<usize>().is_ok() {
                format!("{path}[{segment}]")
            } else {
                join(&path, &segment)
            }
        })
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[test]
fn committed_schema_is_up_to_date() {
    let out = temp_dir("schema-out");
    let (code, stdout, stderr) = firstline(&["schema", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let fix = "the schema no longer matches the content model: run \
               `cargo run -p firstline-cli -- schema -o schema` at the project root \
               and commit schema/";
    let mut generated = Vec::new();
    json_files(&out, &mut generated);
    let mut committed = Vec::new();
    json_files(&root().join("schema"), &mut committed);
    let names = |files: &[PathBuf]| -> Vec<String> {
        files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&committed), names(&generated), "{fix}");
    for file in &generated {
        let name = file.file_name().unwrap();
        let now = fs::read_to_string(file).unwrap();
        let was = fs::read_to_string(root().join("schema").join(name)).unwrap_or_default();
        assert!(now == was, "schema/{}: {fix}", name.to_string_lossy());
    }
    assert_eq!(generated.len(), KINDS.len());
    let _ = fs::remove_dir_all(out);
}

#[test]
fn every_bundled_file_validates() {
    let validators = validators();
    let mut files = Vec::new();
    json_files(&root().join("questions"), &mut files);
    json_files(&root().join("scenarios"), &mut files);
    assert!(files.len() > 50, "{} files", files.len());
    let mut kinds = BTreeMap::new();
    let mut failures = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        *kinds
            .entry(value["kind"].as_str().unwrap_or_default().to_owned())
            .or_insert(0) += 1;
        for (path, keyword) in schema_errors(&validators, &text) {
            failures.push(format!("{}: {keyword} at {path}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every kind is exercised by the bundled content.
    for kind in KINDS {
        assert!(kinds.contains_key(*kind), "no bundled {kind}: {kinds:?}");
    }
}

/// Why a fixture is broken: the words `firstline check` says and the
/// schema keywords that say the same.
#[derive(Debug, Clone, Copy)]
enum Reason {
    UnknownField,
    WrongType,
    MissingField,
    BadValue,
    OutOfRange,
}

impl Reason {
    fn check_says(self) -> &'static str {
        match self {
            Reason::UnknownField => "unknown field",
            Reason::WrongType => "invalid type",
            Reason::MissingField => "missing field",
            Reason::BadValue => "unknown variant",
            Reason::OutOfRange => "invalid value",
        }
    }

    fn keywords(self) -> &'static [&'static str] {
        match self {
            Reason::UnknownField => &["additionalProperties"],
            Reason::WrongType => &["type"],
            Reason::MissingField => &["required"],
            Reason::BadValue => &["enum", "oneOf", "const"],
            Reason::OutOfRange => &["maximum", "minimum"],
        }
    }
}

#[test]
fn broken_fixtures_fail_for_the_same_reason_in_both() {
    let cases = [
        (
            "unknown-field.json",
            Reason::UnknownField,
            "questions[0].anwser",
        ),
        ("unknown-top-level.json", Reason::UnknownField, "version"),
        ("wrong-type.json", Reason::WrongType, "question_count"),
        ("missing-field.json", Reason::MissingField, "questions[0]"),
        ("bad-enum.json", Reason::BadValue, "tickets[0].impact"),
        (
            "bad-choice-type.json",
            Reason::BadValue,
            "nodes[0].choices[0].type",
        ),
        ("out-of-range.json", Reason::OutOfRange, "persona.patience"),
    ];
    let dir = "tests/fixtures/schema";
    let (code, stdout, stderr) = firstline(&["check", dir]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(
        stdout.lines().count(),
        cases.len(),
        "one finding per fixture:\n{stdout}"
    );
    let validators = validators();
    for (file, reason, path) in cases {
        // firstline check: one error, at this path, for this reason.
        let finding = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{dir}/{file}:")))
            .unwrap_or_else(|| panic!("no finding for {file} in:\n{stdout}"));
        assert!(
            finding.contains(reason.check_says()) && finding.ends_with(&format!("(at {path})")),
            "{file}: expected {reason:?} at {path}, check said: {finding}"
        );
        // The schema: fails at the same place, for the same reason.
        let text =
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(file)).unwrap();
        let errors = schema_errors(&validators, &text);
        assert!(
            errors
                .iter()
                .any(|(at, keyword)| at == path && reason.keywords().contains(&keyword.as_str())),
            "{file}: expected {reason:?} at {path} from the schema, got {errors:?}"
        );
        // And nowhere else: the fixture is broken in one place only.
        assert!(
            errors.iter().all(|(at, _)| at == path),
            "{file}: the schema found more than the one mistake: {errors:?}"
        );
    }
}

#[test]
fn stamped_files_name_their_schema_and_still_check_clean() {
    let dir = temp_dir("stamp");
    let copy = |from: &str| {
        let mut files = Vec::new();
        let source = root().join(from);
        if source.is_dir() {
            json_files(&source, &mut files);
        } else {
            files.push(source);
        }
        for file in files {
            let rel = file.strip_prefix(root()).unwrap();
            let to = dir.join(rel);
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&file, to).unwrap();
        }
    };
    copy("schema");
    copy("questions/exams");
    copy("questions/interview");
    copy("questions/220-1201");
    copy("scenarios/account-locked-payroll.json");
    copy("scenarios/shifts");
    let arg = |p: &str| dir.join(p).to_str().unwrap().to_owned();
    let before = firstline(&["check", &arg("questions"), &arg("scenarios")]);
    let (code, stdout, stderr) = firstline(&[
        "schema",
        "--stamp",
        "-o",
        &arg("schema"),
        &arg("questions"),
        &arg("scenarios"),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("already named a schema; 0 skipped"),
        "{stdout}"
    );
    let mut files = Vec::new();
    json_files(&dir.join("questions"), &mut files);
    json_files(&dir.join("scenarios"), &mut files);
    let validators = validators();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let kind = value["kind"].as_str().unwrap();
        let named = value["$schema"]
            .as_str()
            .unwrap_or_else(|| panic!("{} was not stamped", file.display()));
        // The path resolves, from the file's folder, to its kind's schema.
        let target = file.parent().unwrap().join(named);
        assert!(
            named.ends_with(&format!("{kind}.schema.json")) && target.is_file(),
            "{}: {named}",
            file.display()
        );
        assert_eq!(
            schema_errors(&validators, &text),
            vec![],
            "{}",
            file.display()
        );
    }
    // A second run changes nothing.
    let (_, again, _) = firstline(&["schema", "--stamp", "-o", &arg("schema"), &arg("questions")]);
    assert!(again.starts_with("stamped 0 file(s)"), "{again}");
    // The engines ignore `$schema`: the stamped files check as before
    // (the same findings, each at its line, which is one lower now).
    let after = firstline(&["check", &arg("questions"), &arg("scenarios")]);
    assert_eq!(after.0, before.0, "{}{}", after.1, after.2);
    assert_eq!(
        after.1.lines().count(),
        before.1.lines().count(),
        "{}",
        after.1
    );
    assert_eq!(after.2, before.2);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn schema_usage_errors_exit_2() {
    assert_eq!(firstline(&["schema", "--stamp"]).0, 2);
    assert_eq!(firstline(&["schema", "--frobnicate"]).0, 2);
    assert_eq!(firstline(&["schema", "questions"]).0, 2);
    assert_eq!(
        firstline(&["schema", "--stamp", "-o", "no/such/dir", "tests"]).0,
        2
    );
}

/// `cargo tree` inverted on schemars for a package, `-e normal` (linked
/// code only) and, for the app, the wasm target.
fn who_links_schemars(package: &str, wasm: bool) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO"));
    cmd.args(["tree", "-p", package, "-e", "normal", "-i", "schemars"])
        .current_dir(root());
    if wasm {
        cmd.args(["--target", "wasm32-unknown-unknown"]);
    }
    let out = cmd.output().expect("cargo runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_web_app_does_not_link_schemars() {
    // The CLI does (so the query works and the check below means something).
    let cli = who_links_schemars("firstline-cli", false);
    assert!(cli.contains("firstline-core"), "{cli}");
    // The app's wasm does not: only the CLI turns on the core's `schema`.
    let app = who_links_schemars("firstline-app", true);
    assert!(
        app.contains("did not match any packages") && !app.contains("firstline-core"),
        "the app's wasm links schemars; keep the core's `schema` feature off in \
         the app (and in anything the app depends on):\n{app}"
    );
}
