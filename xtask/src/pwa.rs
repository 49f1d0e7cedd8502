//! `cargo xtask pwa DIR`: writes the service worker that makes the built
//! site work offline. Trunk runs it as a post-build hook on its staging
//! directory, after `firstline manifest` (whose output it must list) and
//! before anything writes compressed copies (which it must not list).
//!
//! The worker comes from the template `pwa/sw.js`; two placeholders are
//! filled in here:
//! - the version: a hash of every listed file's path and bytes (and of the
//!   template), so any change to the site gives a new cache name, and the
//!   browser sees a changed worker and offers the update;
//! - the precache list: every file in DIR the app can need, taken from the
//!   disk, so new content or a renamed wasm chunk is picked up with no list
//!   to maintain.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{minify, project};

pub(crate) mod csp;
pub(crate) mod preload;
pub(crate) mod prerender;

/// The template's placeholders; each must appear exactly once.
const VERSION_PLACEHOLDER: &str = "__FIRSTLINE_VERSION__";
const PRECACHE_PLACEHOLDER: &str = "/* __FIRSTLINE_PRECACHE__ */ []";

/// The worker's file name at the site's root. It must sit at the root: a
/// worker controls only pages at or below its own path.
pub const WORKER: &str = "sw.js";

/// The worker development builds get instead (see the file).
const DEV_WORKER: &str = "sw-dev.js";

/// Where the build publishes the content formats' JSON Schema (the
/// project's `schema/`, copied by index.html), never precached.
const SCHEMA_DIR: &str = "schema/";

/// Hex digits of the hash kept as the version: plenty to tell builds apart.
const VERSION_LEN: usize = 12;

const USAGE: &str =
    "usage: cargo xtask pwa [--profile release|debug] DIR (the built site, e.g. dist)";

pub fn run(args: &[String]) -> Result<(), String> {
    let (release, dir) = match args {
        [dir] if !dir.starts_with('-') => (true, PathBuf::from(dir)),
        [flag, profile, dir] if flag == "--profile" && !dir.starts_with('-') => {
            match profile.as_str() {
                "release" => (true, PathBuf::from(dir)),
                "debug" => (false, PathBuf::from(dir)),
                other => return Err(format!("unknown profile \"{other}\"\n{USAGE}")),
            }
        }
        _ => return Err(USAGE.into()),
    };
    if !dir.is_dir() {
        return Err(format!(
            "{} is not a directory; pass the built site (trunk's staging dir or dist)",
            dir.display()
        ));
    }
    let out = dir.join(WORKER);
    if !release {
        // A development build caches nothing, so a rebuild shows at once;
        // this worker only removes a release worker left on the address.
        let dev = project::root().join("pwa").join(DEV_WORKER);
        fs::copy(&dev, &out)
            .map_err(|e| format!("cannot copy {} to {}: {e}", dev.display(), out.display()))?;
        println!("  wrote {} (development: no offline cache)", out.display());
        return Ok(());
    }
    let template_path = project::root().join("pwa").join(WORKER);
    let template = fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "cannot read the worker template {}: {e}",
            template_path.display()
        )
    })?;
    // The policy changes index.html, so it goes in before the version
    // (a hash of every file) is taken.
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    // The preload table is part of the module script, so it goes in before
    // the policy hashes that script; so does taking out the comments.
    let split_manifest = dir.join("pkg").join(preload::MANIFEST);
    let manifest = fs::read_to_string(&split_manifest)
        .map_err(|e| format!("cannot read {}: {e}", split_manifest.display()))?;
    let table = preload::table(&manifest)?;
    for file in table.values().flatten() {
        if !dir.join(file).is_file() {
            return Err(format!(
                "the preload table lists {file}, which the build did not write (code \
                 from {}, content from CONTENT in xtask/src/pwa/preload.rs); it would \
                 point at nothing",
                split_manifest.display()
            ));
        }
    }
    let packs = preload::write_packs(&dir, &table)?;
    println!(
        "  wrote {} first-visit packs of each route's code ({} KB in all, before gzip)",
        packs.len(),
        packs.iter().map(|(_, bytes)| bytes).sum::<usize>() / 1024
    );
    let html = csp::apply(&preload::apply(&minify::html(&html), &table)?)?;
    fs::write(&index, &html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    println!(
        "  wrote the preload table ({} routes) and the Content-Security-Policy into {}",
        table.len(),
        index.display()
    );
    // From the finished index.html, so it carries the same scripts, table
    // and policy.
    let catalog_path = dir.join(prerender::CATALOG);
    let catalog = fs::read_to_string(&catalog_path)
        .map_err(|e| format!("cannot read {}: {e}", catalog_path.display()))?;
    let page = dir.join(prerender::PAGE);
    fs::write(&page, prerender::scenario_page(&html, &catalog)?)
        .map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    println!(
        "  wrote {} (the scenario list, prerendered)",
        page.display()
    );
    let files = list(&dir)?;
    let version = version(&dir, &files, &template)?;
    let worker = render(&template, &version, &files)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    fs::write(&out, worker).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "  wrote {} (version {version}, {} files to precache)",
        out.display(),
        files.len()
    );
    Ok(())
}

/// Every file under `dir` the app can need, as `/`-separated paths relative
/// to `dir`, sorted so the output (and the version) never depends on the
/// order the file system lists them in.
pub fn list(dir: &Path) -> Result<Vec<String>, String> {
    if !dir.is_dir() {
        return Err(format!(
            "{} is not a directory; pass the built site (trunk's staging dir or dist)",
            dir.display()
        ));
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    if !files.iter().any(|f| f == "index.html") {
        return Err(format!(
            "{} has no index.html; the worker would have no app shell to serve offline",
            dir.display()
        ));
    }
    Ok(files)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return Err(format!(
                "{} has a name that is not UTF-8; it cannot be served as a URL",
                entry.path().display()
            ));
        };
        let path = format!("{prefix}{name}");
        // Follows symlinks, as a static server would.
        let meta = fs::metadata(entry.path())
            .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        if meta.is_dir() {
            if !name.starts_with('.') {
                walk(&entry.path(), &format!("{path}/"), out)?;
            }
        } else if wanted(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a file (path relative to the site's root) belongs in the cache.
fn wanted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    // Compressed siblings (.gz, .br) are the same bytes the server sends
    // for the plain name; the worker caches what the browser decoded.
    let compressed = name.ends_with(".gz") || name.ends_with(".br");
    // The worker is fetched by the browser itself, never from a cache.
    let worker = path == WORKER;
    // Hidden files are never part of the site; source maps are fetched only
    // by developer tools; the split manifest is read by the budget check,
    // never by the app (its loader has the chunk list built in).
    let unused =
        name.starts_with('.') || name.ends_with(".map") || name == "__wasm_split_manifest.json";
    // The content formats' JSON Schema is published for authors' editors,
    // which fetch it themselves; the app never asks for it.
    let for_editors = path.starts_with(SCHEMA_DIR);
    // Offline, every address is answered with index.html; the prerendered
    // list is for a first visit over the network.
    let prerendered = path == prerender::PAGE;
    // A route's code packed for a first visit (`preload::pack`): the worker
    // caches the modules themselves, which later visits load.
    let packed = name.ends_with(".pack");
    !(compressed || worker || unused || for_editors || prerendered || packed)
}

/// The first hex digits of a SHA-256 over every listed file's path and
/// bytes and the template. Paths count too, so renaming a file is a change.
pub fn version(dir: &Path, files: &[String], template: &str) -> Result<String, String> {
    let mut hash = Sha256::new();
    hash.update(template.as_bytes());
    for file in files {
        let path = dir.join(file);
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        // Lengths separate the fields, so ("ab", "c") and ("a", "bc") differ.
        hash.update((file.len() as u64).to_le_bytes());
        hash.update(file.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let digest = hash.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(hex[..VERSION_LEN].to_owned())
}

/// The template with its placeholders filled in.
pub fn render(template: &str, version: &str, files: &[String]) -> Result<String, String> {
    for placeholder in [VERSION_PLACEHOLDER, PRECACHE_PLACEHOLDER] {
        let count = template.matches(placeholder).count();
        if count != 1 {
            return Err(format!(
                "the worker template must contain `{placeholder}` exactly once (found {count})"
            ));
        }
    }
    let urls: Vec<String> = files.iter().map(|f| url(f)).collect();
    let mut list = String::from("[\n");
    for url in &urls {
        // serde_json quotes and escapes exactly as JavaScript needs.
        let quoted = serde_json::to_string(url).map_err(|e| e.to_string())?;
        list.push_str(&format!("  {quoted},\n"));
    }
    list.push(']');
    Ok(template
        .replace(VERSION_PLACEHOLDER, version)
        .replace(PRECACHE_PLACEHOLDER, &list))
}

/// A file's URL relative to the worker's scope. The root index.html is
/// cached as "./", the address every static server answers with it; some
/// servers redirect "/index.html" to "/", and a redirected response cannot
/// answer a navigation.
fn url(file: &str) -> String {
    if file == "index.html" {
        return "./".into();
    }
    file.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Escapes what would change a path's meaning in a URL (`?`, `#`, `%`,
/// spaces and so on); letters, digits and common punctuation stay readable.
fn percent_encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh directory under the system temp dir, removed when dropped.
    struct Site(PathBuf);

    impl Site {
        fn new() -> Site {
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "firstline-pwa-test-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Site(dir)
        }

        fn write(&self, path: &str, text: &str) {
            let path = self.0.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }

    impl Drop for Site {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// A built site as trunk leaves it, after a compression step has run.
    fn site() -> Site {
        let site = Site::new();
        for (path, text) in [
            (
                "index.html",
                "<!doctype html><head><meta charset=\"utf-8\" /><script type=\"module\">const areaCode = /* __FIRSTLINE_AREA_CODE__ */ {};</script></head>\
                 <body><div id=\"loading-shell\"><h1>FirstLine</h1><div id=\"shell-page\"></div></div></body>",
            ),
            ("scenarios.html", "an older prerendered list"),
            ("index.html.gz", "gz"),
            ("main-0123.css", "body{}"),
            ("main-0123.css.br", "br"),
            ("favicon-4567.svg", "<svg/>"),
            ("register-89ab.js", "register"),
            ("manifest.webmanifest", "{}"),
            ("icons/icon-192.png", "png"),
            ("pkg/firstline-app.js", "js"),
            ("pkg/firstline-app_bg.wasm", "wasm"),
            ("pkg/chunk_1.wasm", "chunk"),
            ("pkg/__wasm_split.js", "loader"),
            ("pkg/firstline-app.js.map", "{}"),
            ("content/manifest.json", "[]"),
            ("content/questions/net.json", "{}"),
            ("content/questions/net.json.gz", "gz"),
            ("content/scenarios/a b#1.json", "{}"),
            ("schema/scenario.schema.json", "{}"),
            ("sw.js", "an older worker"),
            (".DS_Store", "junk"),
            (".hidden/file.json", "{}"),
        ] {
            site.write(path, text);
        }
        site.write("pkg/__wasm_split_manifest.json", "{}");
        site
    }

    /// `site()` as a release build leaves it: the split manifest names
    /// every area a route preloads, and each area's module exists.
    fn release_site() -> Site {
        let site = site();
        let mut areas = serde_json::Map::new();
        for (_, needs) in preload::ROUTES {
            for area in *needs {
                areas.insert((*area).to_owned(), serde_json::json!(["chunk_1"]));
                site.write(&format!("pkg/split_{area}.wasm"), "split");
            }
        }
        for (_, paths) in preload::CONTENT {
            for path in *paths {
                site.write(path, "{}");
            }
        }
        site.write(
            prerender::CATALOG,
            r#"{"scenarios":[{"id":"lost-files","title":"Lost files","summary":"s","channel":"chat","category":"c","deadline_minutes":5,"mood":"calm","difficulty":"easy","duties":[]}],"shifts":[]}"#,
        );
        site.write(
            "pkg/__wasm_split_manifest.json",
            &serde_json::Value::Object(areas).to_string(),
        );
        site
    }

    const TEMPLATE: &str =
        "const VERSION = '__FIRSTLINE_VERSION__';\nconst PRECACHE = /* __FIRSTLINE_PRECACHE__ */ [];\n";

    #[test]
    fn lists_what_the_app_needs_sorted_without_compressed_copies_the_worker_or_the_schema() {
        let site = site();
        assert_eq!(
            list(&site.0).unwrap(),
            [
                "content/manifest.json",
                "content/questions/net.json",
                "content/scenarios/a b#1.json",
                "favicon-4567.svg",
                "icons/icon-192.png",
                "index.html",
                "main-0123.css",
                "manifest.webmanifest",
                "pkg/__wasm_split.js",
                "pkg/chunk_1.wasm",
                "pkg/firstline-app.js",
                "pkg/firstline-app_bg.wasm",
                "register-89ab.js",
            ]
        );
    }

    #[test]
    fn same_files_give_the_same_version() {
        let (a, b) = (site(), site());
        let files = list(&a.0).unwrap();
        let version_a = version(&a.0, &files, TEMPLATE).unwrap();
        assert_eq!(version_a.len(), VERSION_LEN);
        assert!(version_a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(version_a, version(&a.0, &files, TEMPLATE).unwrap());
        assert_eq!(
            version_a,
            version(&b.0, &list(&b.0).unwrap(), TEMPLATE).unwrap()
        );
    }

    #[test]
    fn a_changed_added_or_renamed_file_or_template_changes_the_version() {
        let site = site();
        let before = version(&site.0, &list(&site.0).unwrap(), TEMPLATE).unwrap();
        let now = |site: &Site| version(&site.0, &list(&site.0).unwrap(), TEMPLATE).unwrap();

        site.write("content/questions/net.json", "{\"changed\":1}");
        let changed = now(&site);
        assert_ne!(before, changed);

        site.write("content/questions/new.json", "{}");
        let added = now(&site);
        assert_ne!(changed, added);

        fs::rename(
            site.0.join("content/questions/new.json"),
            site.0.join("content/questions/renamed.json"),
        )
        .unwrap();
        assert_ne!(added, now(&site));

        let files = list(&site.0).unwrap();
        assert_ne!(
            version(&site.0, &files, TEMPLATE).unwrap(),
            version(&site.0, &files, &format!("{TEMPLATE}// changed\n")).unwrap()
        );
    }

    #[test]
    fn compressed_copies_and_the_worker_do_not_change_the_version() {
        let site = site();
        let before = version(&site.0, &list(&site.0).unwrap(), TEMPLATE).unwrap();
        site.write("pkg/chunk_1.wasm.gz", "new gz");
        site.write("sw.js", "the worker this run writes");
        assert_eq!(
            before,
            version(&site.0, &list(&site.0).unwrap(), TEMPLATE).unwrap()
        );
    }

    #[test]
    fn renders_the_version_and_urls_relative_to_the_scope() {
        let files = vec![
            "content/scenarios/a b#1.json".to_owned(),
            "index.html".to_owned(),
            "pkg/firstline-app.js".to_owned(),
        ];
        let worker = render(TEMPLATE, "0123456789ab", &files).unwrap();
        assert_eq!(
            worker,
            "const VERSION = '0123456789ab';\nconst PRECACHE = [\n  \"content/scenarios/a%20b%231.json\",\n  \"./\",\n  \"pkg/firstline-app.js\",\n];\n"
        );
    }

    #[test]
    fn a_template_without_its_placeholders_is_an_error() {
        let err = render("const VERSION = 'x';", "v", &[]).unwrap_err();
        assert!(err.contains("__FIRSTLINE_VERSION__"), "{err}");
        let twice = format!("{TEMPLATE}{TEMPLATE}");
        let err = render(&twice, "v", &[]).unwrap_err();
        assert!(err.contains("found 2"), "{err}");
    }

    #[test]
    fn a_site_without_index_html_is_an_error_naming_it() {
        let site = Site::new();
        site.write("pkg/firstline-app.js", "js");
        let err = list(&site.0).unwrap_err();
        assert!(err.contains("no index.html"), "{err}");
        assert!(err.contains(&site.0.display().to_string()), "{err}");
    }

    #[test]
    fn writes_the_worker_for_each_profile_and_rejects_bad_arguments() {
        let site = release_site();
        let dir = site.0.display().to_string();
        run(std::slice::from_ref(&dir)).unwrap();
        let worker = fs::read_to_string(site.0.join(WORKER)).unwrap();
        // The prerendered list is written from the finished index.html (its
        // policy and all), and is not precached: offline, index.html answers.
        let index = fs::read_to_string(site.0.join("index.html")).unwrap();
        let list = fs::read_to_string(site.0.join(prerender::PAGE)).unwrap();
        assert!(list.contains(">Lost files</a>"), "{list}");
        assert!(
            index.contains("Content-Security-Policy") && list.contains("Content-Security-Policy")
        );
        assert!(list.len() > index.len());
        assert!(!worker.contains(prerender::PAGE), "{worker}");
        assert!(
            worker.contains("\"content/questions/net.json\""),
            "{worker}"
        );
        assert!(!worker.contains(".gz\""), "{worker}");
        assert!(!worker.contains(VERSION_PLACEHOLDER));
        // Each route's code is packed for a first visit, and the packs are
        // not precached: the worker has the modules themselves.
        let pack = fs::read(site.0.join(preload::pack_path("progress"))).unwrap();
        assert!(pack.ends_with(b"chunksplit"), "{pack:?}");
        assert!(!worker.contains(".pack"), "{worker}");

        run(&["--profile".into(), "debug".into(), dir.clone()]).unwrap();
        let dev = fs::read_to_string(site.0.join(WORKER)).unwrap();
        assert!(dev.contains("unregister()"), "{dev}");
        assert!(!dev.contains("PRECACHE"), "{dev}");

        assert!(run(&["--profile".into(), "fast".into(), dir]).is_err());
        assert!(run(&[]).is_err());
        let missing = run(&["/no/such/site".into()]).unwrap_err();
        assert!(missing.contains("/no/such/site"), "{missing}");
    }

    #[test]
    fn the_repository_template_has_both_placeholders() {
        let path = project::root().join("pwa").join(WORKER);
        let template = fs::read_to_string(&path).unwrap();
        render(&template, "0123456789ab", &["index.html".to_owned()]).unwrap();
    }
}
