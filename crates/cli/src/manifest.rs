//! `firstline manifest DIR`: writes the list of content files the app
//! fetches. The build runs it on the published copy of the content.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use firstline_core::content::manifest::{Manifest, MANIFEST_FILE};

use crate::files::{display_name, json_files};
use crate::usage::UsageError;

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let [dir] = args else {
        return Err(UsageError(
            "manifest takes exactly one folder, as in `firstline manifest dist/content`".into(),
        ));
    };
    let root = Path::new(dir);
    let mut relative = Vec::new();
    for path in json_files(root)? {
        if let Ok(rel) = path.strip_prefix(root) {
            relative.push(display_name(rel));
        }
    }
    let manifest = Manifest::from_paths(relative);
    let text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| UsageError(format!("cannot encode the manifest: {e}")))?;
    let target = root.join(MANIFEST_FILE);
    fs::write(&target, text + "\n")
        .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", target.display())))?;
    println!(
        "wrote {} ({} files)",
        display_name(&target),
        manifest.files.len()
    );
    Ok(ExitCode::SUCCESS)
}
