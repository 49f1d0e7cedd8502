//! `firstline manifest DIR`: writes the list of content files the app
//! fetches, what each holds, and the bundles that carry a folder's files in
//! one request. The build runs it on the published copy of the content.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use firstline_core::content::manifest::{Manifest, BUNDLE_DIR, MANIFEST_FILE};
use firstline_core::content::Source;

use crate::files::{display_name, json_files};
use crate::usage::UsageError;

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let [dir] = args else {
        return Err(UsageError(
            "manifest takes exactly one folder, as in `firstline manifest dist/content`".into(),
        ));
    };
    let root = Path::new(dir);
    let mut sources = Vec::new();
    for path in json_files(root)? {
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let name = display_name(rel);
        if name == MANIFEST_FILE || name.starts_with(&format!("{BUNDLE_DIR}/")) {
            continue;
        }
        // A file that is not UTF-8 is still listed, so the app reports it.
        let text = fs::read(&path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|e| UsageError(format!("cannot read \"{}\": {e}", path.display())))?;
        sources.push(Source::new(name, text));
    }
    let (manifest, bundles) = Manifest::build(&sources);
    for (path, bundle) in &bundles {
        let target = root.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| UsageError(format!("cannot create \"{}\": {e}", parent.display())))?;
        }
        let text = serde_json::to_string(bundle)
            .map_err(|e| UsageError(format!("cannot encode the bundle {path}: {e}")))?;
        fs::write(&target, text)
            .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", target.display())))?;
    }
    let text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| UsageError(format!("cannot encode the manifest: {e}")))?;
    let target = root.join(MANIFEST_FILE);
    fs::write(&target, text + "\n")
        .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", target.display())))?;
    println!(
        "wrote {} ({} files, {} bundles)",
        display_name(&target),
        manifest.files.len(),
        bundles.len()
    );
    Ok(ExitCode::SUCCESS)
}
