//! Builds the app's WebAssembly: compile, split at the lazy-loaded routes
//! (`#[lazy]`, `#[lazy_route]`) into chunks, generate the JS bindings and,
//! for release, shrink every file with wasm-opt and merge the many small
//! chunks into fewer (`wasm/merge.rs`). Trunk runs this as a pre-build hook
//! and copies the result into the site.
//!
//! Splitting keeps the first download small: each page's code arrives when
//! the page is first visited.

mod imports;
mod merge;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{cmd, project, tools};

pub use merge::run as run_merge_chunks;

const CRATE: &str = "firstline-app";
const TARGET: &str = "wasm32-unknown-unknown";
/// Added to `.cargo/config.toml`'s wasm flags for release (cargo joins
/// the arrays): a panic traps where it happens.
const IMMEDIATE_ABORT: &str =
    r#"target.wasm32-unknown-unknown.rustflags=["-Zunstable-options","-Cpanic=immediate-abort"]"#;
/// The wasm features rustc emits, which wasm-opt must be told about.
pub const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Where the built files go; index.html copies them into the site.
pub fn out_dir() -> PathBuf {
    project::root().join("target").join("web").join("pkg")
}

pub fn run(args: &[String]) -> Result<(), String> {
    let release = match args {
        [] => false,
        [flag] if flag == "--release" => true,
        [flag, profile] if flag == "--profile" => profile == "release",
        _ => return Err("usage: cargo xtask wasm [--release | --profile debug|release]".into()),
    };
    build(release)
}

pub fn build(release: bool) -> Result<(), String> {
    let profile = if release { "release" } else { "debug" };
    // Release rebuilds the standard library on the pinned nightly, with
    // panics that stop at once: no panic messages, file names or the
    // formatting code behind them in any module. That is 15% of the main
    // module's gzip, paid by every first visit. Debug builds keep stable
    // and full panic messages (the console shows them).
    let plus = match release {
        true => Some(format!("+{}", tools::ensure_release_nightly()?)),
        false => None,
    };
    println!("  compiling {CRATE} for {TARGET} ({profile})");
    let mut args: Vec<&str> = plus.iter().map(String::as_str).collect();
    args.extend(["build", "-p", CRATE, "--target", TARGET]);
    if release {
        args.extend([
            "--release",
            "-Zbuild-std=std,panic_abort",
            // The standard library's smaller variants (its sorts, for
            // one): 9 KB less gzip over all the modules.
            "-Zbuild-std-features=optimize_for_size",
            "--config",
            IMMEDIATE_ABORT,
        ]);
    }
    cmd::run("cargo", &args)?;

    let input = project::root()
        .join("target")
        .join(TARGET)
        .join(profile)
        .join(format!("{CRATE}.wasm"));
    let out = out_dir();
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;

    println!("  splitting lazy-loaded routes into chunks");
    let wasm = fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let main_split = out.join(format!("{CRATE}_split.wasm"));
    let main_module = format!("./{CRATE}.js");
    let split = {
        let mut opts = wasm_split_cli_support::Options::new(&wasm);
        opts.output_dir = &out;
        opts.main_out_path = &main_split;
        opts.main_module = &main_module;
        opts.link_name = "./__wasm_split.js";
        wasm_split_cli_support::transform(opts)
            .map_err(|e| format!("splitting the wasm failed: {e}"))?
    };
    let manifest = out.join(merge::MANIFEST);
    let entries: BTreeMap<String, Vec<String>> = split.prefetch_map.into_iter().collect();
    fs::write(&manifest, merge::manifest_json(&entries))
        .map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;

    println!("  generating JS bindings");
    cmd::run(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
            "--out-name",
            CRATE,
            "--out-dir",
            path_str(&out)?,
            path_str(&main_split)?,
        ],
    )?;
    fs::remove_file(&main_split)
        .map_err(|e| format!("cannot remove {}: {e}", main_split.display()))?;

    // Keep the main module with its function names, for `twiggy top` (what
    // dominates the first download); wasm-opt strips them below.
    let named = project::root()
        .join("target")
        .join("web")
        .join("main-with-names.wasm");
    fs::copy(out.join(format!("{CRATE}_bg.wasm")), &named)
        .map_err(|e| format!("cannot copy the main module to {}: {e}", named.display()))?;

    write_stylesheet(release)?;

    if release {
        println!("  shrinking with wasm-opt -Oz");
        let mut files = vec![out.join(format!("{CRATE}_bg.wasm"))];
        files.extend(split.split_modules.iter().cloned());
        shrink_all(&files)?;
        // Merging comes after wasm-opt so that the plan weighs chunks at the
        // size they are downloaded, and so that `cargo xtask merge-chunks`
        // on a built site does exactly what the build does. Running wasm-opt
        // again on the merged modules would gain little: chunks reach each
        // other's code only through the table, so it could not inline across
        // them, and the merge already shares types and imports. Debug builds
        // keep the splitter's chunks (and their names, for debugging); only
        // the release build is measured and shipped.
        println!("  merging small chunks");
        let summary = merge::merge_chunks(&out)?;
        println!(
            "  {} chunks merged into {}",
            summary.chunks_before, summary.chunks_after
        );
        let glue = out.join(format!("{CRATE}.js"));
        match imports::shorten(&out.join(format!("{CRATE}_bg.wasm")), &glue)? {
            Some(s) => println!(
                "  {} JS imports renamed short: module and glue {} to {} bytes",
                s.renamed, s.bytes_before, s.bytes_after
            ),
            None => println!("  JS import names kept: the glue does not name every import"),
        }
        shrink_glue(&glue)?;
    }
    Ok(())
}

/// Writes style/main.css where index.html takes it from (target/web), for
/// release without its comments and spacing (see `minify`). Done here, before
/// trunk reads it, so that trunk's file name hash and integrity attribute are
/// those of the file served.
fn write_stylesheet(release: bool) -> Result<(), String> {
    let source = project::root().join("style").join("main.css");
    let css = fs::read_to_string(&source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let css = if release {
        crate::minify::css(&css)
    } else {
        css
    };
    let out = project::root().join("target").join("web").join("main.css");
    fs::write(&out, css).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// wasm-bindgen's JS glue, part of every first visit, without its comment
/// lines and indentation (see `minify::js`); left as it is if it has text
/// over a line end.
fn shrink_glue(glue: &Path) -> Result<(), String> {
    let js =
        fs::read_to_string(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    match crate::minify::js(&js) {
        Some(small) => {
            println!(
                "  {}: comments and indentation out, {} to {} bytes",
                glue.display(),
                js.len(),
                small.len()
            );
            fs::write(glue, small).map_err(|e| format!("cannot write {}: {e}", glue.display()))
        }
        None => {
            println!(
                "  {} kept as written: it has a string or template over a line end",
                glue.display()
            );
            Ok(())
        }
    }
}

/// Runs `wasm-opt -Oz` on every file, one per core at a time: there are
/// a hundred or more chunks, and one at a time took minutes.
fn shrink_all(files: &[PathBuf]) -> Result<(), String> {
    crate::parallel::map(files, "wasm-opt", |file| {
        let file = path_str(file)?;
        let mut args: Vec<&str> = vec!["-Oz"];
        args.extend_from_slice(WASM_FEATURES);
        args.extend_from_slice(&[file, "-o", file]);
        cmd::run("wasm-opt", &args)
    })
    .map(drop)
}

fn path_str(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("path is not UTF-8: {}", path.display()))
}
