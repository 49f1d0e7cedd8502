//! The repository's own content, for tests that check what the build
//! derives from it.

use std::path::Path;

use crate::content::library::Source;

/// The repository's own content, as the build reads it.
pub(crate) fn bundled_sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    let mut pending = vec![root.join("questions"), root.join("scenarios")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let name = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(Source::new(name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}
