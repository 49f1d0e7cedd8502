//! Merging the splitter's small chunks into fewer, larger ones (see
//! `plan.rs` for why and how they are chosen), run on the release build and
//! by `cargo xtask merge-chunks DIR` on a built site.
//!
//! A merged chunk keeps its first member's file name (`chunk_N.wasm`, so
//! tools that recognise the app's code by name still do); the other members'
//! files, and the stale `.gz` beside every changed file, are deleted, and
//! `__wasm_split.js` and `__wasm_split_manifest.json` are rewritten to load
//! the merged chunks. Everything is computed before the first file changes,
//! so a failure leaves the directory as it was.

mod loader;
mod modules;
mod plan;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use loader::Loader;

const LOADER: &str = "__wasm_split.js";
pub use modules::validate;

pub const MANIFEST: &str = "__wasm_split_manifest.json";

pub fn run(args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err("usage: cargo xtask merge-chunks DIR  (a built site or its pkg/)".into());
    };
    let dir = Path::new(dir);
    let pkg = if dir.join(LOADER).exists() {
        dir.to_path_buf()
    } else {
        dir.join("pkg")
    };
    let summary = merge_chunks(&pkg)?;
    summary.print();
    println!(
        "  removed and rewritten files lost their .gz; run `cargo xtask compress` (and \
         `cargo xtask pwa`, whose precache list names the chunks) on the site"
    );
    Ok(())
}

/// The addresses whose first visit loads split points together
/// (`pwa::preload::ROUTES`), the top-level pages weighing
/// `FIRST_PAGE_WEIGHT`: they are where most visits start, and the pages
/// whose speed is measured with Lighthouse.
fn route_consumers() -> Vec<plan::Consumer> {
    crate::pwa::preload::ROUTES
        .iter()
        .map(|(route, areas)| plan::Consumer {
            weight: if route.contains('/') {
                1
            } else {
                FIRST_PAGE_WEIGHT
            },
            splits: areas.iter().map(|a| (*a).to_owned()).collect(),
        })
        .collect()
}

/// Measured on this app's build (570 chunks, 18 routes): against weighing
/// every split point alike, 3 cut the five list pages' code by 10-21 KB
/// gzip each and most deeper pages' by 3-18 KB (the backup page's grew by
/// 23 KB, a scenario's by 8 KB); 2 and 5 did less well on the list pages
/// or on the rest.
const FIRST_PAGE_WEIGHT: u64 = 3;

/// What a split point's first visit fetches: its own module and its chunks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Load {
    pub files: usize,
    pub bytes: u64,
    pub gzip_bytes: u64,
}

pub struct Summary {
    /// The directory had been merged before and was left as it was.
    pub already_merged: bool,
    pub chunks_before: usize,
    pub chunks_after: usize,
    /// Each split point, before and after.
    pub splits: Vec<(String, Load, Load)>,
}

impl Summary {
    pub fn print(&self) {
        if self.already_merged {
            println!(
                "  the chunks were merged already ({} chunks); nothing changed",
                self.chunks_after
            );
            return;
        }
        println!(
            "  merged {} chunks into {} (smallest at least {} bytes)",
            self.chunks_before,
            self.chunks_after,
            plan::MIN_CHUNK_BYTES
        );
        println!(
            "  {:<20} {:>16} {:>20} {:>20}",
            "split", "requests", "bytes", "gzip bytes"
        );
        for (split, before, after) in &self.splits {
            println!(
                "  {split:<20} {:>7} -> {:<6} {:>9} -> {:<8} {:>9} -> {:<8}",
                before.files,
                after.files,
                before.bytes,
                after.bytes,
                before.gzip_bytes,
                after.gzip_bytes
            );
        }
    }
}

pub fn merge_chunks(pkg: &Path) -> Result<Summary, String> {
    let loader_path = pkg.join(LOADER);
    let manifest_path = pkg.join(MANIFEST);
    let text = read_text(&loader_path)?;
    let loader = Loader::parse(&text)?;
    let manifest: BTreeMap<String, Vec<String>> = serde_json::from_str(&read_text(&manifest_path)?)
        .map_err(|e| format!("{} is malformed: {e}", manifest_path.display()))?;
    if loader.is_merged() {
        let loads = loads(pkg, &loader)?;
        return Ok(Summary {
            already_merged: true,
            chunks_before: loader.chunks.len(),
            chunks_after: loader.chunks.len(),
            splits: loads.into_iter().map(|(s, l)| (s, l, l)).collect(),
        });
    }

    let wasm = |chunk: &str| pkg.join(format!("{chunk}.wasm"));
    let mut sizes = BTreeMap::new();
    let needed = loader.needed_by();
    let mut chunks = Vec::new();
    for name in &loader.chunks {
        let path = wasm(name);
        let bytes = fs::metadata(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .len();
        sizes.insert(name.clone(), bytes);
        chunks.push(plan::Chunk {
            name: name.clone(),
            bytes,
            needed_by: needed.get(name).cloned().unwrap_or_default(),
        });
    }
    let consumers = plan::consumers(&chunks, route_consumers());
    let groups = plan::plan(&chunks, plan::MIN_CHUNK_BYTES, &consumers);

    // Build every merged module first: nothing on disk changes until all
    // of them are valid.
    let mut renamed = BTreeMap::new();
    let mut merged: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for group in groups.iter().filter(|g| g.members.len() > 1) {
        let holder = &group.members[0];
        let inputs = group
            .members
            .iter()
            .map(|m| {
                fs::read(wasm(m)).map_err(|e| format!("cannot read {}: {e}", wasm(m).display()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let refs: Vec<&[u8]> = inputs.iter().map(Vec::as_slice).collect();
        let bytes = modules::merge(&refs)
            .map_err(|e| format!("merging {} failed: {e}", group.members.join(", ")))?;
        for member in &group.members[1..] {
            renamed.insert(member.clone(), holder.clone());
        }
        merged.push((wasm(holder), bytes));
    }
    let new_loader = loader.rewrite(&renamed);
    let new_manifest = loader::rewrite_manifest(&manifest, &loader, &renamed)?;

    let before = loads(pkg, &loader)?;
    for (path, bytes) in &merged {
        write(path, bytes)?;
    }
    for gone in renamed.keys() {
        remove(&wasm(gone))?;
    }
    write(&loader_path, new_loader.render().as_bytes())?;
    write(&manifest_path, manifest_json(&new_manifest).as_bytes())?;
    let after = loads(pkg, &new_loader)?;

    let splits = before
        .into_iter()
        .map(|(split, b)| {
            let a = after.get(&split).copied().unwrap_or_default();
            (split, b, a)
        })
        .collect();
    Ok(Summary {
        already_merged: false,
        chunks_before: loader.chunks.len(),
        chunks_after: new_loader.chunks.len(),
        splits,
    })
}

/// The manifest's text, one split point a line (also what `wasm.rs` writes).
pub fn manifest_json(entries: &BTreeMap<String, Vec<String>>) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|(name, files)| {
            let files: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
            format!("  \"{name}\": [{}]", files.join(", "))
        })
        .collect();
    format!("{{\n{}\n}}\n", lines.join(",\n"))
}

fn loads(pkg: &Path, loader: &Loader) -> Result<BTreeMap<String, Load>, String> {
    let mut cache: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for (split, deps) in &loader.splits {
        let files: BTreeSet<String> = deps
            .iter()
            .cloned()
            .chain([format!("split_{split}")])
            .collect();
        let mut load = Load {
            files: files.len(),
            ..Load::default()
        };
        for file in files {
            let (raw, gz) = match cache.get(&file) {
                Some(&sizes) => sizes,
                None => {
                    let path = pkg.join(format!("{file}.wasm"));
                    let bytes = fs::read(&path)
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    let sizes = (bytes.len() as u64, gzip_len(&bytes)?);
                    cache.insert(file, sizes);
                    sizes
                }
            };
            load.bytes += raw;
            load.gzip_bytes += gz;
        }
        out.insert(split.clone(), load);
    }
    Ok(out)
}

/// Gzip at the default level, as `budget.rs` measures.
fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(encoder.finish().map_err(|e| e.to_string())?.len() as u64)
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes `path` and deletes its `.gz`, which no longer matches.
fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    remove_gz(path)
}

fn remove(path: &Path) -> Result<(), String> {
    fs::remove_file(path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    remove_gz(path)
}

fn remove_gz(path: &Path) -> Result<(), String> {
    let mut gz = path.as_os_str().to_owned();
    gz.push(".gz");
    match fs::remove_file(&gz) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", Path::new(&gz).display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ConstExpr, DataSection, ElementSection, Elements, EntityType, Function,
        FunctionSection, ImportSection, Instruction, MemoryType, Module, RefType, TableType,
        TypeSection,
    };

    struct Dir(PathBuf);

    impl Dir {
        fn new(name: &str) -> Dir {
            let dir =
                std::env::temp_dir().join(format!("xtask-merge-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Dir(dir)
        }
        fn write(&self, name: &str, bytes: &[u8]) {
            fs::write(self.0.join(name), bytes).unwrap();
        }
        fn names(&self) -> Vec<String> {
            let mut names: Vec<String> = fs::read_dir(&self.0)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// A chunk with one function in table slot `slot` and a byte at `slot`.
    fn tiny_chunk(slot: i32) -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        let memory = MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        };
        imports.import("__wasm_split", "memory", EntityType::Memory(memory));
        let table = TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: 8,
            maximum: None,
            shared: false,
        };
        imports.import(
            "__wasm_split",
            "__indirect_function_table",
            EntityType::Table(table),
        );
        let mut functions = FunctionSection::new();
        functions.function(0);
        let mut elements = ElementSection::new();
        elements.active(
            None,
            &ConstExpr::i32_const(slot),
            Elements::Functions([0][..].into()),
        );
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::End);
        code.function(&body);
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(slot), [slot as u8]);
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&elements)
            .section(&code)
            .section(&data);
        module.finish()
    }

    const PREAMBLE: &str = "import { initSync } from \"./app.js\";\n\
        function wrapAsyncCb(callee) {}\n\
        function makeLoad(fetcher, deps) { await Promise.all(parallelStuff); }\n";

    fn chunk_js(n: u32, needed_by: &str) -> String {
        format!(
            "/* {needed_by} */\nconst __chunk_{n} = makeLoad(() => {{\n    \
             const src = fetch(new URL(\"./chunk_{n}.wasm\", import.meta.url));\n    \
             src.catch(() => {{}});\n    \
             return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}}\n, []);\n"
        )
    }

    fn split_js(name: &str, deps: &str) -> String {
        format!(
            "export const __wasm_split_load_{name} = wrapAsyncCb(makeLoad(() => {{\n    \
             const src = fetch(new URL(\"./split_{name}.wasm\", import.meta.url));\n    \
             src.catch(() => {{}});\n    \
             return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}}\n, [{deps}]));\n"
        )
    }

    #[test]
    fn small_chunks_become_one_file_that_every_loader_names() {
        let pkg = Dir::new("small");
        for n in 1..=3 {
            pkg.write(&format!("chunk_{n}.wasm"), &tiny_chunk(n));
            pkg.write(&format!("chunk_{n}.wasm.gz"), b"stale");
        }
        pkg.write("split_a.wasm", b"a");
        pkg.write("split_b.wasm", b"b");
        let js = [
            PREAMBLE.to_owned(),
            chunk_js(1, "a, b"),
            chunk_js(2, "a"),
            chunk_js(3, "b"),
            split_js("a", "__chunk_1, __chunk_2"),
            split_js("b", "__chunk_1, __chunk_3"),
        ]
        .concat();
        pkg.write(LOADER, js.as_bytes());
        pkg.write(
            MANIFEST,
            br#"{"a": ["chunk_1", "chunk_2", "split_a"], "b": ["chunk_1", "chunk_3", "split_b"]}"#,
        );

        let summary = merge_chunks(&pkg.0).unwrap();
        assert_eq!((summary.chunks_before, summary.chunks_after), (3, 1));
        let (split, before, after) = &summary.splits[0];
        assert_eq!((split.as_str(), before.files, after.files), ("a", 3, 2));
        assert_eq!(
            pkg.names(),
            [
                "__wasm_split.js",
                "__wasm_split_manifest.json",
                "chunk_1.wasm",
                "split_a.wasm",
                "split_b.wasm"
            ]
        );
        let merged = fs::read(pkg.0.join("chunk_1.wasm")).unwrap();
        modules::validate(&merged).unwrap();
        let loader = Loader::parse(&fs::read_to_string(pkg.0.join(LOADER)).unwrap()).unwrap();
        assert_eq!(loader.chunks, ["chunk_1"]);
        assert!(loader.splits.iter().all(|(_, deps)| deps == &["chunk_1"]));
        let manifest = fs::read_to_string(pkg.0.join(MANIFEST)).unwrap();
        assert_eq!(
            manifest,
            "{\n  \"a\": [\"chunk_1\", \"split_a\"],\n  \"b\": [\"chunk_1\", \"split_b\"]\n}\n"
        );

        let again = merge_chunks(&pkg.0).unwrap();
        assert!(again.already_merged);
        assert_eq!(fs::read(pkg.0.join("chunk_1.wasm")).unwrap(), merged);
    }

    #[test]
    fn a_failed_merge_changes_nothing() {
        let pkg = Dir::new("broken");
        pkg.write("chunk_1.wasm", &tiny_chunk(1));
        pkg.write("chunk_2.wasm", b"\0asm\x01\0\0\0\x01");
        pkg.write("split_a.wasm", b"a");
        let js = [
            PREAMBLE.to_owned(),
            chunk_js(1, "a"),
            chunk_js(2, "a"),
            split_js("a", "__chunk_1, __chunk_2"),
        ]
        .concat();
        pkg.write(LOADER, js.as_bytes());
        pkg.write(MANIFEST, br#"{"a": ["chunk_1", "chunk_2", "split_a"]}"#);
        let err = merge_chunks(&pkg.0).err().unwrap();
        assert!(err.starts_with("merging chunk_1, chunk_2 failed"), "{err}");
        assert_eq!(fs::read_to_string(pkg.0.join(LOADER)).unwrap(), js);
        assert_eq!(pkg.names().len(), 5);
    }
}
