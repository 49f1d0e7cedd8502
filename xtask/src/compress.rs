//! `cargo xtask compress DIR`: writes `X.gz` beside every text or wasm file
//! `X` under DIR, with Zopfli.
//!
//! Real hosts send these files gzipped, and static servers (sirv, which the
//! browser tests and the Lighthouse step use, and most CDNs) send a
//! precompressed `X.gz` when the browser accepts gzip. Compressing once at
//! build time lets us use the slowest, smallest encoder, and makes the local
//! measurements see what a visitor downloads. Zopfli writes ordinary gzip
//! that every browser reads, about 5% smaller than zlib's best level (the
//! main module 188.3 to 179 KB), at a hundred times the time: a few seconds
//! a megabyte, spread over the cores.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use std::num::NonZeroU64;

/// Files worth compressing. Images other than SVG are compressed already;
/// a `.pack` is a route's wasm modules in one file (`pwa/preload.rs`).
const EXTENSIONS: &[&str] = &[
    "html",
    "js",
    "css",
    "wasm",
    "json",
    "svg",
    "webmanifest",
    "pack",
];

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// `.gz` files written (new or replacing a stale one).
    pub written: usize,
    /// Files where gzip would not be smaller, so no `.gz` is kept.
    pub not_smaller: usize,
    /// Total size of the compressed files, before and after.
    pub original_bytes: u64,
    pub gzip_bytes: u64,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err("usage: cargo xtask compress DIR".into());
    };
    let dir = Path::new(dir);
    let summary = compress_tree(dir)?;
    println!(
        "xtask compress: {} .gz files written under {} ({} KB to {} KB); {} left alone where gzip is not smaller",
        summary.written,
        dir.display(),
        summary.original_bytes / 1000,
        summary.gzip_bytes / 1000,
        summary.not_smaller
    );
    Ok(())
}

/// Compresses every matching file under `dir`, replacing any `.gz` already
/// there, so running it twice gives the same result as running it once.
pub fn compress_tree(dir: &Path) -> Result<Summary, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    let packed = pack_all(&files)?;
    let mut summary = Summary::default();
    for (file, (original, packed)) in files.iter().zip(packed) {
        let gz = gz_path(file);
        if packed.len() < original {
            fs::write(&gz, &packed).map_err(|e| format!("cannot write {}: {e}", gz.display()))?;
            summary.written += 1;
            summary.original_bytes += original as u64;
            summary.gzip_bytes += packed.len() as u64;
        } else {
            // A .gz left from an earlier build would be served instead of
            // the new file, so an outdated one must go.
            if gz.exists() {
                fs::remove_file(&gz)
                    .map_err(|e| format!("cannot remove stale {}: {e}", gz.display()))?;
            }
            summary.not_smaller += 1;
        }
    }
    Ok(summary)
}

/// A file's size and its gzip.
type Packed = (usize, Vec<u8>);

/// Each file's size and gzip, in the order given, compressed one file per
/// core at a time.
fn pack_all(files: &[PathBuf]) -> Result<Vec<Packed>, String> {
    crate::parallel::map(files, "compression", |file| {
        let bytes = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let packed = gzip(&bytes).map_err(|e| format!("cannot gzip {}: {e}", file.display()))?;
        Ok((bytes.len(), packed))
    })
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if kind.is_dir() {
            collect(&path, files)?;
        } else if kind.is_file() && wanted(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

fn gz_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    PathBuf::from(name)
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    // Zopfli's own advice: 15 passes for small files, 5 for large ones.
    let passes = if bytes.len() > 1_000_000 { 5 } else { 15 };
    let options = zopfli::Options {
        iteration_count: NonZeroU64::new(passes).unwrap_or(NonZeroU64::MIN),
        ..zopfli::Options::default()
    };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)?;
    out.flush()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-compress-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("pkg")).unwrap();
        dir
    }

    fn gunzip(path: &Path) -> Vec<u8> {
        let mut out = Vec::new();
        GzDecoder::new(fs::File::open(path).unwrap())
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn writes_gz_beside_wanted_files_in_every_folder() {
        let dir = temp_dir("tree");
        let text = "let x = 1;\n".repeat(200);
        fs::write(dir.join("index.html"), &text).unwrap();
        fs::write(dir.join("pkg").join("app.js"), &text).unwrap();
        fs::write(dir.join("pkg").join("app_bg.wasm"), vec![0u8; 4000]).unwrap();
        fs::write(dir.join("site.webmanifest"), &text).unwrap();
        fs::write(dir.join("photo.png"), &text).unwrap();

        let summary = compress_tree(&dir).unwrap();

        assert_eq!(summary.written, 4);
        assert_eq!(summary.not_smaller, 0);
        assert!(summary.gzip_bytes < summary.original_bytes);
        assert_eq!(gunzip(&dir.join("pkg").join("app.js.gz")), text.as_bytes());
        assert_eq!(
            gunzip(&dir.join("pkg").join("app_bg.wasm.gz")),
            vec![0u8; 4000]
        );
        assert!(dir.join("index.html.gz").exists());
        assert!(dir.join("site.webmanifest.gz").exists());
        assert!(!dir.join("photo.png.gz").exists(), "PNG is not in the list");
        assert!(
            !dir.join("pkg").join("app.js.gz.gz").exists(),
            "a .gz is never compressed again"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn skips_files_gzip_would_not_shrink_and_removes_their_stale_gz() {
        let dir = temp_dir("small");
        fs::write(dir.join("tiny.json"), "{}").unwrap();
        fs::write(dir.join("tiny.json.gz"), "left from an old build").unwrap();

        let summary = compress_tree(&dir).unwrap();

        assert_eq!(summary.written, 0);
        assert_eq!(summary.not_smaller, 1);
        assert!(!dir.join("tiny.json.gz").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn running_twice_replaces_stale_gz_with_the_same_result() {
        let dir = temp_dir("again");
        let file = dir.join("main.css");
        fs::write(&file, "body { color: red; }\n".repeat(50)).unwrap();
        compress_tree(&dir).unwrap();
        let first = fs::read(gz_path(&file)).unwrap();

        let changed = "body { color: blue; }\n".repeat(50);
        fs::write(&file, &changed).unwrap();
        compress_tree(&dir).unwrap();
        assert_eq!(
            gunzip(&gz_path(&file)),
            changed.as_bytes(),
            "stale .gz replaced"
        );

        fs::write(&file, "body { color: red; }\n".repeat(50)).unwrap();
        let summary = compress_tree(&dir).unwrap();
        assert_eq!(summary.written, 1);
        assert_eq!(
            fs::read(gz_path(&file)).unwrap(),
            first,
            "same input, same bytes"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_it() {
        let missing = std::env::temp_dir().join("xtask-compress-no-such-dir");
        let error = compress_tree(&missing).unwrap_err();
        assert!(error.contains("xtask-compress-no-such-dir"), "{error}");
    }
}
