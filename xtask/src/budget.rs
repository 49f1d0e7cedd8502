//! The initial-download budget: gzip size of the wasm, JavaScript and CSS
//! the browser must fetch before the app starts (content excluded).

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// 300 KB of gzip, the limit the issue sets.
pub const BUDGET_BYTES: u64 = 300 * 1000;

pub struct Measured {
    pub files: Vec<(String, u64, u64)>,
    pub total_gzip: u64,
}

/// Measures every .wasm, .js and .css file at the top of `dist`.
pub fn measure(dist: &Path) -> Result<Measured, String> {
    let entries = fs::read_dir(dist)
        .map_err(|e| format!("cannot read {}: {e}; build first", dist.display()))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "wasm" | "js" | "css") {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        files.push((name, bytes.len() as u64, gzip_size(&bytes)?));
    }
    if !files.iter().any(|(n, _, _)| n.ends_with(".wasm")) {
        return Err(format!(
            "no .wasm file in {}; the build did not produce the app",
            dist.display()
        ));
    }
    files.sort();
    let total_gzip = files.iter().map(|f| f.2).sum();
    Ok(Measured { files, total_gzip })
}

/// Gzip at the default level, as a typical web server sends it.
fn gzip_size(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    let out = encoder.finish().map_err(|e| e.to_string())?;
    Ok(out.len() as u64)
}

pub fn check(dist: &Path) -> Result<String, String> {
    let measured = measure(dist)?;
    for (name, raw, gz) in &measured.files {
        println!("  {name}: {} raw, {} gzip", kb(*raw), kb(*gz));
    }
    let line = format!(
        "initial download {} gzip of {} budget ({:.0}%)",
        kb(measured.total_gzip),
        kb(BUDGET_BYTES),
        measured.total_gzip as f64 * 100.0 / BUDGET_BYTES as f64
    );
    println!("  {line}");
    if measured.total_gzip > BUDGET_BYTES {
        Err(format!("{line}: over budget"))
    } else {
        Ok(line)
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_only_the_initial_download() {
        let dir = std::env::temp_dir().join(format!("xtask-budget-{}", std::process::id()));
        fs::create_dir_all(dir.join("content")).unwrap();
        fs::write(dir.join("app_bg.wasm"), vec![0u8; 5000]).unwrap();
        fs::write(dir.join("app.js"), "x".repeat(100)).unwrap();
        fs::write(dir.join("index.html"), "<html>").unwrap();
        fs::write(dir.join("content").join("big.json"), "y".repeat(900_000)).unwrap();
        let m = measure(&dir).unwrap();
        assert_eq!(m.files.len(), 2);
        assert!(m.total_gzip > 0 && m.total_gzip < 1000, "{}", m.total_gzip);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_build_without_wasm_is_an_error() {
        let dir = std::env::temp_dir().join(format!("xtask-budget-empty-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        assert!(measure(&dir).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}
