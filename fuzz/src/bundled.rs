//! The repository's content, read once per fuzzing process.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use firstline_core::content::interview::InterviewQuestion;
use firstline_core::content::scenario::Scenario;
use firstline_core::content::{Library, Source};

/// The repository root (this crate is `fuzz/` in it).
pub fn repo() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Every `.json` file under `questions/` and `scenarios/`, named by its
/// path under the repository, in name order.
pub fn sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let root = repo();
        let mut files = Vec::new();
        for folder in ["questions", "scenarios"] {
            collect(&root, &root.join(folder), &mut files);
        }
        files.sort_by(|a: &Source, b| a.name.cmp(&b.name));
        files
    })
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<Source>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            if let Ok(text) = fs::read_to_string(&path) {
                let name = path.strip_prefix(root).unwrap_or(&path);
                out.push(Source::new(name.to_string_lossy(), text));
            }
        }
    }
}

/// The bundled content, loaded as the app loads it.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::load(sources().to_vec()).library)
}

pub fn scenarios() -> &'static [Scenario] {
    &library().scenarios
}

pub fn interview() -> &'static [InterviewQuestion] {
    &library().interview
}
