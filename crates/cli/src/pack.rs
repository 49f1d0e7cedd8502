//! `firstline pack DIR... -o NAME.firstline-pack.json`: every content file
//! under the folders in one file to share (the core's `content::pack`),
//! and reading a pack back for `firstline check`.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use firstline_core::content::pack::{self, read_pack, write_pack, PackFile};
use firstline_core::content::Source;

use crate::files::{display_name, json_files, relative_name};
use crate::usage::UsageError;

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let mut out = None;
    let mut dirs = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" => match rest.next() {
                Some(value) => out = Some(PathBuf::from(value)),
                None => return Err(UsageError("-o needs the pack's file name".into())),
            },
            flag if flag.starts_with('-') => {
                return Err(UsageError(format!("unknown option \"{flag}\"")))
            }
            dir => dirs.push(PathBuf::from(dir)),
        }
    }
    let Some(out) = out else {
        return Err(UsageError(format!(
            "name the pack with -o, as in `firstline pack questions scenarios -o course{}`",
            pack::EXTENSION
        )));
    };
    if !display_name(&out).ends_with(pack::EXTENSION) {
        return Err(UsageError(format!(
            "name the pack NAME{} (\"{}\" does not end so), so `firstline check` and the app know it",
            pack::EXTENSION,
            out.display()
        )));
    }
    if dirs.is_empty() {
        return Err(UsageError(
            "name the content folders to pack, as in `firstline pack questions scenarios -o course.firstline-pack.json`".into(),
        ));
    }
    let mut files = Vec::new();
    for dir in &dirs {
        let prefix = folder_name(dir);
        for path in json_files(dir)? {
            let rel = relative_name(&path, dir);
            let name = match &prefix {
                Some(prefix) => format!("{prefix}/{rel}"),
                None => rel,
            };
            let text = fs::read_to_string(&path).map_err(|e| {
                UsageError(format!(
                    "cannot pack \"{}\": {e} (a pack holds UTF-8 text only)",
                    path.display()
                ))
            })?;
            files.push(PackFile { path: name, text });
        }
    }
    let count = files.len();
    let text = write_pack(files).map_err(|e| UsageError(format!("cannot write the pack: {e}")))?;
    fs::write(&out, &text)
        .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", out.display())))?;
    println!(
        "wrote {} ({count} file(s), {} bytes); check it with `firstline check {}`",
        display_name(&out),
        text.len(),
        display_name(&out)
    );
    Ok(ExitCode::SUCCESS)
}

/// The folder's own name, which starts each path in the pack (`questions`
/// for `../course/questions`); none for `.` and the like.
fn folder_name(dir: &Path) -> Option<String> {
    match dir.components().next_back() {
        Some(Component::Normal(name)) => Some(name.to_string_lossy().into_owned()),
        _ => None,
    }
}

/// Whether a command-line argument names a pack rather than a folder.
pub fn is_pack(path: &Path) -> bool {
    path.is_file() && display_name(path).ends_with(pack::EXTENSION)
}

/// A pack's files as sources, named `<pack>/<path>`.
pub fn sources(path: &Path) -> Result<Vec<Source>, UsageError> {
    let name = display_name(path);
    let bytes = fs::metadata(path)
        .map_err(|e| UsageError(format!("cannot read \"{name}\": {e}")))?
        .len();
    // Refused before reading it all into memory.
    if bytes > pack::MAX_PACK_BYTES as u64 {
        return Err(UsageError(format!(
            "{name}: the pack is {bytes} bytes, more than the {} a pack may hold; split the content into smaller packs",
            pack::MAX_PACK_BYTES
        )));
    }
    let text =
        fs::read_to_string(path).map_err(|e| UsageError(format!("cannot read \"{name}\": {e}")))?;
    let pack = read_pack(&text).map_err(|e| UsageError(format!("{name}: {e}")))?;
    Ok(pack.sources(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_start_with_the_folder_packed() {
        assert_eq!(
            folder_name(Path::new("../course/questions")).as_deref(),
            Some("questions")
        );
        assert_eq!(
            folder_name(Path::new("scenarios/")).as_deref(),
            Some("scenarios")
        );
        assert_eq!(folder_name(Path::new(".")), None);
        assert_eq!(folder_name(Path::new("..")), None);
    }
}
