//! Finding content files on disk.

use std::fs;
use std::path::{Path, PathBuf};

use firstline_core::content::pack::EXTENSION as PACK_EXTENSION;

use crate::usage::UsageError;

/// Folders never searched for content.
const SKIPPED: &[&str] = &["node_modules", "target", "dist"];

/// Every `.json` file under `dir`, sorted, skipping hidden folders and
/// packs (`.firstline-pack.json`: a pack saved among the content is not
/// content itself).
pub fn json_files(dir: &Path) -> Result<Vec<PathBuf>, UsageError> {
    if !dir.is_dir() {
        return Err(UsageError(format!("\"{}\" is not a folder", dir.display())));
    }
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = fs::read_dir(&folder)
            .map_err(|e| UsageError(format!("cannot read folder \"{}\": {e}", folder.display())))?;
        for entry in entries {
            let entry = entry.map_err(|e| {
                UsageError(format!("cannot read folder \"{}\": {e}", folder.display()))
            })?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && !SKIPPED.contains(&name.as_str()) {
                    pending.push(path);
                }
            } else if name.ends_with(".json") && !name.ends_with(PACK_EXTENSION) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A path as shown in findings: with `/` separators.
pub fn display_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A path under a content folder as the app asks for it: its components
/// joined with `/`, each as written (a backslash inside a Unix file name
/// stays, so the name check sees it).
pub fn relative_name(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
