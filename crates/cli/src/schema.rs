//! `firstline schema`: writes the content formats' JSON Schema (from the
//! core's model, `content::schema`) and stamps content files with the
//! `"$schema"` that names theirs, so an editor completes and checks them.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use firstline_core::content::file::KINDS;
use firstline_core::content::schema;
use serde_json::Value;

use crate::files::{display_name, json_files};
use crate::usage::UsageError;

/// Where the schemas live, at the project root.
const DEFAULT_DIR: &str = "schema";

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let mut dir = PathBuf::from(DEFAULT_DIR);
    let mut stamp = false;
    let mut paths = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--schema-dir" => match rest.next() {
                Some(value) => dir = PathBuf::from(value),
                None => return Err(UsageError(format!("{arg} needs a folder"))),
            },
            "--stamp" => stamp = true,
            flag if flag.starts_with('-') => {
                return Err(UsageError(format!("unknown option \"{flag}\"")))
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    if stamp {
        if paths.is_empty() {
            return Err(UsageError(
                "--stamp needs the content folders, as in `firstline schema --stamp questions scenarios`".into(),
            ));
        }
        stamp_dirs(&dir, &paths)
    } else if let Some(path) = paths.first() {
        Err(UsageError(format!(
            "unexpected \"{}\": write with `firstline schema -o DIR`, stamp with `firstline schema --stamp DIR...`",
            path.display()
        )))
    } else {
        write_all(&dir)
    }
}

/// Writes every kind's schema into `dir`.
fn write_all(dir: &Path) -> Result<ExitCode, UsageError> {
    fs::create_dir_all(dir)
        .map_err(|e| UsageError(format!("cannot create \"{}\": {e}", dir.display())))?;
    let all = schema::all();
    for kind in &all {
        let path = dir.join(kind.file_name());
        fs::write(&path, kind.text())
            .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", path.display())))?;
    }
    println!(
        "wrote {} schema(s) to {}: {}",
        all.len(),
        display_name(dir),
        all.iter()
            .map(|k| k.file_name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// Adds `"$schema"` to every content file under `dirs` lacking one.
fn stamp_dirs(schema_dir: &Path, dirs: &[PathBuf]) -> Result<ExitCode, UsageError> {
    let schema_dir = fs::canonicalize(schema_dir).map_err(|e| {
        UsageError(format!(
            "cannot find the schema folder \"{}\" ({e}): write it first with `firstline schema -o {}`",
            schema_dir.display(),
            schema_dir.display()
        ))
    })?;
    let (mut stamped, mut named, mut skipped) = (0usize, 0usize, 0usize);
    for dir in dirs {
        for path in json_files(dir)? {
            let name = display_name(&path);
            let text = fs::read_to_string(&path)
                .map_err(|e| UsageError(format!("cannot read \"{name}\": {e}")))?;
            let Some(kind) = kind_of(&text) else {
                // `firstline check` says what is wrong with it.
                eprintln!("{name}: skipped: not a content file with a known \"kind\"");
                skipped += 1;
                continue;
            };
            if has_schema(&text) {
                named += 1;
                continue;
            }
            let folder = fs::canonicalize(&path)
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .ok_or_else(|| UsageError(format!("cannot resolve the folder of \"{name}\"")))?;
            let target = relative(&folder, &schema_dir.join(schema::file_name(&kind)));
            let Some(new_text) = stamp(&text, &target) else {
                eprintln!("{name}: skipped: cannot place \"$schema\" in it");
                skipped += 1;
                continue;
            };
            fs::write(&path, new_text)
                .map_err(|e| UsageError(format!("cannot write \"{name}\": {e}")))?;
            stamped += 1;
        }
    }
    println!("stamped {stamped} file(s); {named} already named a schema; {skipped} skipped");
    Ok(if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The file's `kind`, when it is one of the content kinds.
fn kind_of(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).ok()?;
    let kind = value.get("kind")?.as_str()?;
    KINDS.contains(&kind).then(|| kind.to_owned())
}

fn has_schema(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .ok()
        .is_some_and(|v| v.get("$schema").is_some())
}

/// `to` relative to the folder `from`, with `/` separators (both absolute).
fn relative(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let ups = from.len().saturating_sub(common);
    std::iter::repeat_n("..".to_owned(), ups)
        .chain(
            to.iter()
                .skip(common)
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect::<Vec<_>>()
        .join("/")
}

/// The text with `"$schema": target` as the object's first member, in the
/// layout of the member after it, so nothing else in the file moves. None
/// when the text is not one JSON object or the result would not read back.
pub fn stamp(text: &str, target: &str) -> Option<String> {
    let open = text.find('{')?;
    if !text[..open]
        .trim_start_matches('\u{feff}')
        .trim()
        .is_empty()
    {
        return None;
    }
    let after = &text[open + 1..];
    let gap_len = after.len() - after.trim_start().len();
    let gap = &after[..gap_len];
    let value = serde_json::to_string(target).ok()?;
    let empty = after.trim_start().starts_with('}');
    // A minified file stays minified; an indented one gets its own line.
    let colon = if gap.is_empty() { ":" } else { ": " };
    let member = if empty {
        format!("{gap}\"$schema\"{colon}{value}")
    } else {
        format!("{gap}\"$schema\"{colon}{value},")
    };
    let out = format!("{}{member}{after}", &text[..=open]);
    let parsed: Value = serde_json::from_str(&out).ok()?;
    (parsed.get("$schema").and_then(Value::as_str) == Some(target)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamping_keeps_the_layout() {
        let text = "{\n  \"kind\": \"exam\",\n  \"id\": \"x\"\n}\n";
        assert_eq!(
            stamp(text, "../schema/exam.schema.json").as_deref(),
            Some("{\n  \"$schema\": \"../schema/exam.schema.json\",\n  \"kind\": \"exam\",\n  \"id\": \"x\"\n}\n")
        );
        assert_eq!(
            stamp("{\"kind\":\"exam\"}", "s.json").as_deref(),
            Some("{\"$schema\":\"s.json\",\"kind\":\"exam\"}")
        );
        assert_eq!(stamp("[1]", "s.json"), None);
        assert_eq!(stamp("{\"kind\": ", "s.json"), None);
    }

    #[test]
    fn relative_paths_climb_to_the_common_folder() {
        assert_eq!(
            relative(
                Path::new("/p/questions/220-1201"),
                Path::new("/p/schema/question-set.schema.json")
            ),
            "../../schema/question-set.schema.json"
        );
        assert_eq!(
            relative(Path::new("/p"), Path::new("/p/schema/exam.schema.json")),
            "schema/exam.schema.json"
        );
    }
}
