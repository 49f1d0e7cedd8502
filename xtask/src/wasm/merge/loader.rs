//! Reading and rewriting the splitter's loader, `__wasm_split.js`.
//!
//! The loader has a shared preamble (`makeLoad`, `wrapAsyncCb`), then one
//! block per chunk (a comment naming the split points that need it and a
//! `makeLoad` that fetches `chunk_N.wasm`), then one exported block per
//! split point whose last line lists the chunks it loads first. Every block
//! is checked against the exact text wasm_split_cli_support 0.2 writes, so
//! a splitter upgrade that changes it fails the build here instead of
//! leaving a loader that fetches deleted files.
//!
//! The merged loader is written compactly (`render`): two lines of helpers,
//! then one line a split point naming its chunks by number, each chunk's
//! loader (what the splitter's block did, without the comments) made where
//! it is first named. Every page's first visit downloads it: the
//! splitter's form was 36 KB (3.4 KB gzip), and a line for each of 170
//! chunks besides would be 27 KB (3.2 KB gzip), where this is 11 KB.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, PartialEq, Eq)]
pub struct Loader {
    /// Everything before the first chunk, unchanged by a rewrite.
    preamble: String,
    /// Chunk names (`chunk_17`) in file order.
    pub chunks: Vec<String>,
    /// Split point names (`practice`) and the chunks each loads, in file order.
    pub splits: Vec<(String, Vec<String>)>,
}

/// The first line of a loader this merge rewrote. Merging again would plan
/// from the merged sizes and merge further (a merged module is smaller than
/// its parts added up), so a merged directory is left as it is.
const MERGED_MARK: &str = "// Chunks merged by xtask/src/wasm/merge.rs.\n";

/// How the splitter's `makeLoad` waits for a module's dependencies: it
/// fails as soon as one fails, while the others may still be fetching and
/// about to fail too. Each clears its memo only once it has failed, so a
/// retry straight after (a learner back online pressing "Try again", or
/// asking for feedback again) took up those doomed fetches and failed
/// again; a browser test caught it on a busy machine.
const ALL_DEPS: &str = "await Promise.all(parallelStuff);";
/// What the merged loader does instead: it waits for every dependency to
/// settle, so by the time a load fails, every failed dependency has
/// cleared its memo and the next attempt fetches it afresh.
const SETTLED_DEPS: &str = "const settled = await Promise.allSettled(parallelStuff); \
     const failed = settled.find((s) => s.status === \"rejected\"); \
     if (failed) throw failed.reason;";

const CHUNK_LINES: usize = 7;
const SPLIT_LINES: usize = 6;

fn chunk_block(name: &str, needed_by: &[&str]) -> String {
    format!(
        "/* {} */\n\
         const __{name} = makeLoad(() => {{\n    \
         const src = fetch(new URL(\"./{name}.wasm\", import.meta.url));\n    \
         src.catch(() => {{}});\n    \
         return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n\
         }}\n\
         , []);\n",
        needed_by.join(", ")
    )
}

fn split_block(name: &str, deps: &[String]) -> String {
    let deps: Vec<String> = deps.iter().map(|d| format!("__{d}")).collect();
    format!(
        "export const __wasm_split_load_{name} = wrapAsyncCb(makeLoad(() => {{\n    \
         const src = fetch(new URL(\"./split_{name}.wasm\", import.meta.url));\n    \
         src.catch(() => {{}});\n    \
         return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n\
         }}\n\
         , [{}]));\n",
        deps.join(", ")
    )
}

/// The merged loader's helpers, two lines. `load` does what the splitter's
/// chunk block did, as a function of the module's file name and the
/// modules it needs first. On a first visit index.html's loader has
/// fetched the page's modules as one pack (`pwa::preload`) and
/// `__firstlinePart` hands over a module's bytes, once; should the pack
/// fail, the module is fetched on its own after all. `area` loads a split
/// point's module after its chunks, given by number (each chunk's `load`
/// is made where it is first named), and keeps the files each split point
/// loads for index.html's loader (`__firstlineFiles`), which would
/// otherwise need its own list of them.
const LOAD_HELPER: &str = "const load = (file, deps) => Object.assign(makeLoad(() => { \
    const url = new URL(`./${file}.wasm`, import.meta.url); \
    const part = globalThis.__firstlinePart && globalThis.__firstlinePart(file); \
    if (part) return async (imports) => { const bytes = await part; \
    return bytes ? WebAssembly.instantiate(bytes, imports) : WebAssembly.instantiateStreaming(fetch(url), imports); }; \
    const src = fetch(url); src.catch(() => {}); \
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports)); }, deps), { file });\n";
const AREA_HELPER: &str = "const chunks = {}; const areas = {}; \
    const area = (name, numbers) => { \
    const deps = numbers.map((n) => chunks[n] || (chunks[n] = load(`chunk_${n}`, []))); \
    const own = load(`split_${name}`, deps); \
    areas[name] = [own, ...deps].map((d) => d.file); return wrapAsyncCb(own); }; \
    export const __firstlineFiles = (name) => areas[name] || [];\n";

/// A split point's line: its chunks by number (`chunk_17` is 17), each
/// made a loader where first named, so no chunk needs a line of its own.
fn compact_split(name: &str, deps: &[String]) -> String {
    let numbers: Vec<&str> = deps
        .iter()
        .map(|d| d.strip_prefix("chunk_").unwrap_or(d))
        .collect();
    format!(
        "export const __wasm_split_load_{name} = area(\"{name}\", [{}]);\n",
        numbers.join(", ")
    )
}

fn shape_error(line: usize, what: &str) -> String {
    format!(
        "__wasm_split.js line {}: {what}; the splitter's loader no longer has the shape \
         xtask/src/wasm/merge/loader.rs expects (did wasm_split_cli_support change?)",
        line + 1
    )
}

impl Loader {
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.starts_with(MERGED_MARK) {
            return Self::parse_merged(text);
        }
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let is_chunk_start = |i: usize| {
            lines[i].starts_with("/* ")
                && lines
                    .get(i + 1)
                    .is_some_and(|l| l.starts_with("const __chunk_"))
        };
        let is_split_start = |i: usize| lines[i].starts_with("export const __wasm_split_load_");
        let first = (0..lines.len())
            .find(|&i| is_chunk_start(i) || is_split_start(i))
            .ok_or_else(|| shape_error(lines.len(), "no chunk or split loader found"))?;
        let preamble: String = lines[..first].concat();
        // The merge relies on what these do: `makeLoad` fetches once and
        // starts a module's dependencies before instantiating it.
        for needed in [
            "function makeLoad(fetcher, deps)",
            "function wrapAsyncCb(",
            ALL_DEPS,
        ] {
            if !preamble.contains(needed) {
                return Err(shape_error(0, &format!("the preamble has no `{needed}`")));
            }
        }

        let mut at = first;
        let mut chunks = Vec::new();
        let mut comments = BTreeMap::new();
        while at < lines.len() && is_chunk_start(at) {
            let block = lines.get(at..at + CHUNK_LINES).map(|b| b.concat());
            let name = lines[at + 1]
                .strip_prefix("const __")
                .and_then(|l| l.strip_suffix(" = makeLoad(() => {\n"))
                .filter(|n| is_chunk_name(n))
                .ok_or_else(|| shape_error(at + 1, "a chunk loader without a chunk_N name"))?;
            let needed_by: Vec<&str> = lines[at]
                .strip_prefix("/* ")
                .and_then(|l| l.strip_suffix(" */\n"))
                .map(|l| l.split(", ").collect())
                .ok_or_else(|| shape_error(at, "a chunk comment that is not one line"))?;
            if block.as_deref() != Some(chunk_block(name, &needed_by).as_str()) {
                return Err(shape_error(
                    at,
                    &format!("the loader of {name} is not the expected text"),
                ));
            }
            let needed_by: BTreeSet<String> = needed_by.iter().map(|s| s.to_string()).collect();
            if comments.insert(name.to_owned(), needed_by).is_some() {
                return Err(shape_error(at, &format!("{name} has two loaders")));
            }
            chunks.push(name.to_owned());
            at += CHUNK_LINES;
        }

        let mut splits = Vec::new();
        while at < lines.len() && is_split_start(at) {
            let name = lines[at]
                .strip_prefix("export const __wasm_split_load_")
                .and_then(|l| l.strip_suffix(" = wrapAsyncCb(makeLoad(() => {\n"))
                .ok_or_else(|| shape_error(at, "a split loader without a name"))?;
            let last = at + SPLIT_LINES - 1;
            let deps: Vec<String> = lines
                .get(last)
                .and_then(|l| l.strip_prefix(", ["))
                .and_then(|l| l.strip_suffix("]));\n"))
                .map(|l| {
                    l.split(", ")
                        .filter(|d| !d.is_empty())
                        .map(|d| d.trim_start_matches("__").to_owned())
                        .collect()
                })
                .ok_or_else(|| shape_error(last, &format!("split {name} has no list of chunks")))?;
            if let Some(unknown) = deps.iter().find(|d| !comments.contains_key(*d)) {
                return Err(shape_error(
                    last,
                    &format!("split {name} loads unknown {unknown}"),
                ));
            }
            let block = lines[at..=last].concat();
            if block != split_block(name, &deps) {
                return Err(shape_error(
                    at,
                    &format!("the loader of split {name} is not the expected text"),
                ));
            }
            splits.push((name.to_owned(), deps));
            at += SPLIT_LINES;
        }
        if let Some(extra) = (at..lines.len()).find(|&i| !lines[i].trim().is_empty()) {
            return Err(shape_error(
                extra,
                "unexpected text after the split loaders",
            ));
        }

        let loader = Loader {
            preamble,
            chunks,
            splits,
        };
        // The comment above each chunk must say what the split loaders do:
        // the plan reads who needs a chunk from the loaders.
        for (name, needed_by) in loader.needed_by() {
            if comments.get(&name) != Some(&needed_by) {
                return Err(shape_error(
                    first,
                    &format!("the comment on {name} does not list the splits that load it"),
                ));
            }
        }
        Ok(loader)
    }

    /// Reads a loader `render` wrote, line by line against the same text.
    fn parse_merged(text: &str) -> Result<Self, String> {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let helper = lines
            .iter()
            .position(|l| *l == LOAD_HELPER)
            .ok_or_else(|| shape_error(0, "a merged loader without its `load` helper"))?;
        if lines.get(helper + 1) != Some(&AREA_HELPER) {
            return Err(shape_error(
                helper + 1,
                "a merged loader without its `area` helper",
            ));
        }
        let preamble: String = lines[..helper].concat();
        let mut chunks = Vec::new();
        let mut splits = Vec::new();
        for (at, line) in lines.iter().enumerate().skip(helper + 2) {
            if let Some(rest) = line.strip_prefix("export const __wasm_split_load_") {
                let name = rest.split(' ').next().unwrap_or_default();
                let deps: Vec<String> = rest
                    .split_once(", [")
                    .and_then(|(_, l)| l.strip_suffix("]);\n"))
                    .and_then(|l| {
                        l.split(", ")
                            .filter(|d| !d.is_empty())
                            .map(|d| {
                                let name = format!("chunk_{d}");
                                is_chunk_name(&name).then_some(name)
                            })
                            .collect()
                    })
                    .ok_or_else(|| {
                        shape_error(at, &format!("split {name} has no list of chunks"))
                    })?;
                if *line != compact_split(name, &deps) {
                    return Err(shape_error(
                        at,
                        &format!("the loader of split {name} is not the expected text"),
                    ));
                }
                for dep in &deps {
                    if !chunks.contains(dep) {
                        chunks.push(dep.clone());
                    }
                }
                splits.push((name.to_owned(), deps));
            } else if !line.trim().is_empty() {
                return Err(shape_error(at, "unexpected text in the merged loader"));
            }
        }
        Ok(Loader {
            preamble,
            chunks,
            splits,
        })
    }

    pub fn is_merged(&self) -> bool {
        self.preamble.starts_with(MERGED_MARK)
    }

    /// Each chunk and the split points that load it.
    pub fn needed_by(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut needed: BTreeMap<String, BTreeSet<String>> = self
            .chunks
            .iter()
            .map(|c| (c.clone(), BTreeSet::new()))
            .collect();
        for (split, deps) in &self.splits {
            for dep in deps {
                if let Some(set) = needed.get_mut(dep) {
                    set.insert(split.clone());
                }
            }
        }
        needed
    }

    /// The loader after merging: `renamed` maps each merged-away chunk to the
    /// chunk that now holds its code. Only the holders keep a loader, and
    /// each split loads each holder once, where its first member was.
    pub fn rewrite(&self, renamed: &BTreeMap<String, String>) -> Loader {
        let holder = |c: &String| renamed.get(c).unwrap_or(c).clone();
        let splits = self
            .splits
            .iter()
            .map(|(name, deps)| (name.clone(), dedup(deps.iter().map(holder))))
            .collect();
        let preamble = if self.is_merged() {
            self.preamble.clone()
        } else {
            format!(
                "{MERGED_MARK}{}",
                self.preamble.replacen(ALL_DEPS, SETTLED_DEPS, 1)
            )
        };
        Loader {
            preamble,
            chunks: self
                .chunks
                .iter()
                .filter(|c| !renamed.contains_key(*c))
                .cloned()
                .collect(),
            splits,
        }
    }

    /// The loader's text: compact once merged, else as the splitter wrote it.
    pub fn render(&self) -> String {
        if self.is_merged() {
            let mut out = self.preamble.clone();
            out.push_str(LOAD_HELPER);
            out.push_str(AREA_HELPER);
            for (name, deps) in &self.splits {
                out.push_str(&compact_split(name, deps));
            }
            return out;
        }
        let needed = self.needed_by();
        let mut out = self.preamble.clone();
        for chunk in &self.chunks {
            let splits: Vec<&str> = needed
                .get(chunk)
                .map(|s| s.iter().map(String::as_str).collect())
                .unwrap_or_default();
            out.push_str(&chunk_block(chunk, &splits));
        }
        for (name, deps) in &self.splits {
            out.push_str(&split_block(name, deps));
        }
        out
    }
}

fn is_chunk_name(name: &str) -> bool {
    name.strip_prefix("chunk_")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `items` without repeats, each where it first appeared.
pub fn dedup(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items.filter(|i| seen.insert(i.clone())).collect()
}

/// The split manifest (split point -> files it loads, `__wasm_split_manifest.json`)
/// after the same merge, checked against the loader it was written with.
pub fn rewrite_manifest(
    manifest: &BTreeMap<String, Vec<String>>,
    loader: &Loader,
    renamed: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let js: BTreeMap<&str, BTreeSet<&str>> = loader
        .splits
        .iter()
        .map(|(s, deps)| (s.as_str(), deps.iter().map(String::as_str).collect()))
        .collect();
    let listed: BTreeSet<&str> = manifest.keys().map(String::as_str).collect();
    if listed != js.keys().copied().collect() {
        return Err(
            "__wasm_split_manifest.json and __wasm_split.js list different split points".into(),
        );
    }
    let mut out = BTreeMap::new();
    for (split, files) in manifest {
        let chunks: BTreeSet<&str> = files
            .iter()
            .map(String::as_str)
            .filter(|f| is_chunk_name(f))
            .collect();
        if Some(&chunks) != js.get(split.as_str()) {
            return Err(format!(
                "__wasm_split_manifest.json and __wasm_split.js disagree on the chunks of {split}"
            ));
        }
        let files = dedup(files.iter().map(|f| renamed.get(f).unwrap_or(f).clone()));
        out.insert(split.clone(), files);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREAMBLE: &str = "import { initSync } from \"./app.js\";\n\
        function wrapAsyncCb(callee) {}\n\
        function makeLoad(fetcher, deps) { await Promise.all(parallelStuff); }\n";

    fn sample() -> String {
        let mut text = PREAMBLE.to_owned();
        text.push_str(&chunk_block("chunk_1", &["a", "b"]));
        text.push_str(&chunk_block("chunk_2", &["a"]));
        text.push_str(&chunk_block("chunk_3", &["b"]));
        text.push_str(&split_block("b", &["chunk_1".into(), "chunk_3".into()]));
        text.push_str(&split_block("a", &["chunk_1".into(), "chunk_2".into()]));
        text
    }

    #[test]
    fn reads_chunks_splits_and_who_needs_what() {
        let loader = Loader::parse(&sample()).unwrap();
        assert_eq!(loader.chunks, ["chunk_1", "chunk_2", "chunk_3"]);
        assert_eq!(
            loader.splits[0],
            ("b".into(), vec!["chunk_1".into(), "chunk_3".into()])
        );
        let needed = loader.needed_by();
        assert_eq!(needed["chunk_1"], BTreeSet::from(["a".into(), "b".into()]));
        assert_eq!(
            loader.render(),
            sample(),
            "rendering unchanged gives the same text"
        );
    }

    #[test]
    fn a_merged_load_fails_only_once_every_dependency_has_settled() {
        let loader = Loader::parse(&sample()).unwrap();
        let text = loader.rewrite(&BTreeMap::new()).render();
        assert!(!text.contains(ALL_DEPS), "{text}");
        assert!(text.contains("await Promise.allSettled(parallelStuff)"));
        assert!(text.contains("if (failed) throw failed.reason;"));
        // A splitter that waits differently is not merged blindly.
        let other = sample().replace(ALL_DEPS, "await Promise.any(parallelStuff);");
        let error = Loader::parse(&other).unwrap_err();
        assert!(error.contains(ALL_DEPS), "{error}");
    }

    #[test]
    fn merged_chunks_keep_one_loader_and_splits_name_them_once() {
        let loader = Loader::parse(&sample()).unwrap();
        let renamed = BTreeMap::from([
            ("chunk_2".to_string(), "chunk_1".to_string()),
            ("chunk_3".to_string(), "chunk_1".to_string()),
        ]);
        assert!(!loader.is_merged());
        let text = loader.rewrite(&renamed).render();
        let again = Loader::parse(&text).unwrap();
        assert!(again.is_merged(), "a rewritten loader says so");
        assert_eq!(again.chunks, ["chunk_1"]);
        assert_eq!(
            again.splits,
            [
                ("b".into(), vec!["chunk_1".into()]),
                ("a".into(), vec!["chunk_1".into()])
            ]
        );
        assert!(!text.contains("chunk_2") && !text.contains("chunk_3"));
        assert!(
            text.contains("export const __wasm_split_load_b = area(\"b\", [1]);\n"),
            "{text}"
        );
        assert!(
            text.len() < sample().len(),
            "the merged form is the shorter"
        );
        assert_eq!(
            again.render(),
            text,
            "a merged loader reads back as written"
        );
        assert_eq!(
            again.rewrite(&BTreeMap::new()),
            again,
            "and is not merged twice"
        );
    }

    #[test]
    fn a_merged_loader_edited_by_hand_fails_with_the_line() {
        let loader = Loader::parse(&sample()).unwrap();
        let renamed = BTreeMap::from([("chunk_2".to_string(), "chunk_1".to_string())]);
        let text = loader.rewrite(&renamed).render();
        let not_a_chunk = text.replace("[1, 3]", "[1, three]");
        assert_ne!(not_a_chunk, text);
        assert!(Loader::parse(&not_a_chunk)
            .unwrap_err()
            .contains("split b has no list of chunks"));
        let extra = format!("{text}console.log(1);\n");
        assert!(Loader::parse(&extra)
            .unwrap_err()
            .contains("unexpected text in the merged loader"));
        let no_helper = text.replace("const load = ", "const lode = ");
        assert!(Loader::parse(&no_helper)
            .unwrap_err()
            .contains("`load` helper"));
        let no_area = text.replace("const areas = {}", "const areaz = {}");
        assert!(Loader::parse(&no_area)
            .unwrap_err()
            .contains("`area` helper"));
    }

    #[test]
    fn an_unexpected_shape_fails_with_the_line() {
        let changed = sample().replace("instantiateStreaming(src, imports)", "instantiate(src)");
        let err = Loader::parse(&changed).unwrap_err();
        assert!(err.contains("line 4") && err.contains("chunk_1"), "{err}");
        let extra = format!("{}console.log(1);\n", sample());
        assert!(Loader::parse(&extra)
            .unwrap_err()
            .contains("after the split loaders"));
        assert!(Loader::parse("export {}\n").is_err());
        let wrong_comment = sample().replace("/* a */", "/* b */");
        assert!(Loader::parse(&wrong_comment)
            .unwrap_err()
            .contains("comment on chunk_2"));
    }

    #[test]
    fn the_manifest_follows_the_merge_and_must_match_the_loader() {
        let loader = Loader::parse(&sample()).unwrap();
        let manifest = BTreeMap::from([
            (
                "a".to_string(),
                vec!["chunk_1".into(), "chunk_2".into(), "split_a".into()],
            ),
            (
                "b".to_string(),
                vec!["chunk_1".into(), "chunk_3".into(), "split_b".into()],
            ),
        ]);
        let renamed = BTreeMap::from([("chunk_2".to_string(), "chunk_1".to_string())]);
        let out = rewrite_manifest(&manifest, &loader, &renamed).unwrap();
        assert_eq!(out["a"], ["chunk_1", "split_a"]);
        assert_eq!(out["b"], ["chunk_1", "chunk_3", "split_b"]);
        let mut stale = manifest.clone();
        stale.insert("a".into(), vec!["chunk_1".into(), "split_a".into()]);
        assert!(rewrite_manifest(&stale, &loader, &renamed).is_err());
    }
}
