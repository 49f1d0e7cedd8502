//! Which wasm files each page's first visit needs, written into the release
//! build's index.html so its loader can fetch them beside the main module.
//!
//! Without it a page's area code is requested only once the main module has
//! downloaded, compiled and run far enough to match the route: on a slow
//! phone network that chain held the scenario list back by about 0.7 s
//! (Lighthouse LCP 3.5 s before, 2.8 s after, same build and host). The
//! loader starts the files listed under the address it starts on after the
//! first paint, as it does the main module: the content with
//! `<link rel="preload" as="fetch">`, which the app's own `fetch` then finds
//! on its way, and the code as one pack (`pack`) on a first visit, or with
//! preload links when the service worker has every module in its cache.
//!
//! The route-to-area table lives here, beside the build step that reads the
//! split manifest, so a renamed area fails the build instead of quietly
//! preloading nothing; a test keeps it in step with the routes in
//! `src/app.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The placeholder in index.html's module script that the table replaces;
/// it must appear exactly once. Left as it is (development builds), it is
/// an empty table and nothing is preloaded.
pub const PLACEHOLDER: &str = "/* __FIRSTLINE_AREA_CODE__ */ {}";

/// Each route, relative to the site's base (`*` stands for one segment),
/// and the split areas its first visit loads, as measured by listing a
/// release build's requests. `reader` is the content reader, loaded by
/// pages that read a question, scenario or interview file, with the typed
/// readers of the kinds they read (`reader_questions` and so on: each
/// kind's in a chunk of its own, src/state/content.rs; question files
/// holding sims take `reader_question_sims` instead, fetched when a page
/// reads them). The exam setup
/// and the review queue read none on a first visit (the exam's questions
/// and runner come with Start; a queue is empty until questions are
/// answered), so they preload neither.
pub const ROUTES: &[(&str, &[&str])] = &[
    ("practice", &["practice_setup"]),
    // A run reads its files whole when the build passed them and they
    // hold no sim (`reader_passed`); the full reader comes only when not.
    ("practice/session", &["practice", "reader_passed"]),
    ("practice/exam", &["exam"]),
    ("practice/review", &["review"]),
    (
        "practice/results/*",
        &["exam_results", "reader", "reader_questions"],
    ),
    ("scenarios", &["scenario_list"]),
    ("scenarios/*", &["scenarios", "reader", "reader_scenarios"]),
    ("shifts/*", &["shift", "reader", "reader_shifts"]),
    ("interview", &["interview_list"]),
    (
        "interview/q/*",
        &["interview", "reader", "reader_interview"],
    ),
    ("interview/stories", &["stories"]),
    // Its questions are read once a mock starts (drawn from the catalog).
    ("interview/mock", &["mock"]),
    ("interview/report/*", &["mock"]),
    ("progress", &["progress"]),
    ("progress/backup", &["backup"]),
    ("author", &["author"]),
    (
        "author/map/*",
        &["author", "scenario_map", "reader", "reader_scenarios"],
    ),
    // The preview's code (`author_preview`, with every reader and check)
    // is fetched only when this device keeps the instructor's own files,
    // which a first visit's browser never does.
    ("author/yours", &["author"]),
];

/// Content a route's first visit fetches as soon as its page runs,
/// preloaded with its code so that it is not requested only once the code
/// has downloaded and started: the list pages' catalogs (the scenario list
/// is that page's largest paint; a practice run finds its questions' files
/// in the question files' index, an interview question in the interview
/// catalog, and a mock interview
/// draws its questions from one) and the Author page's build report.
/// Paths are under the site's base; the build fails if one is missing
/// (`pwa.rs`), and the browser tests fail if the app then fetches it a
/// second time instead of taking the preload.
pub const CONTENT: &[(&str, &[&str])] = &[
    ("practice", &["content/catalog/questions.json"]),
    ("practice/session", &["content/catalog/question-files.json"]),
    ("practice/exam", &["content/catalog/questions.json"]),
    ("practice/review", &["content/catalog/question-files.json"]),
    ("scenarios", &["content/catalog/scenarios.json"]),
    ("interview", &["content/catalog/interview.json"]),
    ("interview/q/*", &["content/catalog/interview.json"]),
    ("interview/mock", &["content/catalog/interview.json"]),
    ("author", &["content/report.json"]),
];

/// The split manifest's name inside the built `pkg/` folder.
pub const MANIFEST: &str = "__wasm_split_manifest.json";

/// The table for `manifest` (area name to chunk names, as the splitter
/// writes it): each route to the `pkg/` files its areas need, the area's
/// own module last, with no file twice. (index.html's loader starts them
/// in its own order: content, then the areas' own modules, then the rest.)
pub fn table(manifest: &str) -> Result<BTreeMap<&'static str, Vec<String>>, String> {
    let areas: BTreeMap<String, Vec<String>> = serde_json::from_str(manifest)
        .map_err(|e| format!("cannot read the split manifest {MANIFEST}: {e}"))?;
    let mut out = BTreeMap::new();
    for (route, needs) in ROUTES {
        // Content first: small, and what the page shows.
        let mut files: Vec<String> = CONTENT
            .iter()
            .filter(|(r, _)| r == route)
            .flat_map(|(_, paths)| paths.iter().map(|p| (*p).to_owned()))
            .collect();
        for area in *needs {
            let chunks = areas.get(*area).ok_or_else(|| {
                format!(
                    "the route \"{route}\" preloads the area \"{area}\", which the split \
                     manifest does not have (it has: {}); update ROUTES in \
                     xtask/src/pwa/preload.rs to the area its page's `area_page!` names",
                    areas.keys().cloned().collect::<Vec<_>>().join(", ")
                )
            })?;
            let own = format!("split_{area}");
            for name in chunks.iter().chain(std::iter::once(&own)) {
                let file = format!("pkg/{name}.wasm");
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
        out.insert(*route, files);
    }
    Ok(out)
}

/// Where a route's first-visit pack is written, relative to the site;
/// index.html's loader derives the same name from the table's key
/// (`*` becomes `any`, `/` becomes `-`).
pub fn pack_path(route: &str) -> String {
    format!(
        "pkg/route-{}.pack",
        route.replace('*', "any").replace('/', "-")
    )
}

/// A route's code as one file, which index.html's loader fetches on a first
/// visit instead of each module: one request instead of twenty to eighty
/// (each with its headers, and on a slow line each a wait), and gzip finds
/// more to share in one file than in many (on this app's build the code of
/// a deeper page came to 8-11% fewer bytes, headers aside). The modules stay
/// as they are beside it for later visits, which the service worker answers
/// one file at a time from its cache, so two packs holding the same module
/// cost the site's size, never a visitor's second download.
///
/// The layout: the header's length (u32, little-endian), the header (a line
/// per module: its name as the split loader asks for it, a space and its
/// length in bytes), then the modules' bytes in the header's order.
pub fn pack(dir: &Path, files: &[String]) -> Result<Vec<u8>, String> {
    let mut header = String::new();
    let mut body = Vec::new();
    for file in files {
        let Some(name) = code_name(file) else {
            continue;
        };
        let path = dir.join(file);
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        header.push_str(&format!("{name} {}\n", bytes.len()));
        body.extend_from_slice(&bytes);
    }
    let len = u32::try_from(header.len()).map_err(|_| "a pack's header is over 4 GB".to_owned())?;
    let mut out = Vec::with_capacity(4 + header.len() + body.len());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Writes every route's pack into `dir` (the built site); returns each
/// route's pack path and size.
pub fn write_packs(
    dir: &Path,
    table: &BTreeMap<&'static str, Vec<String>>,
) -> Result<Vec<(String, usize)>, String> {
    let mut out = Vec::new();
    for (route, files) in table {
        let bytes = pack(dir, files)?;
        let path = pack_path(route);
        let target = dir.join(&path);
        fs::write(&target, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        out.push((path, bytes.len()));
    }
    Ok(out)
}

/// A code file's name as the split loader asks for it (`pkg/chunk_3.wasm`
/// is `chunk_3`); content has none.
fn code_name(file: &str) -> Option<&str> {
    file.strip_prefix("pkg/")?.strip_suffix(".wasm")
}

/// index.html with the table in place of the placeholder.
pub fn apply(html: &str, table: &BTreeMap<&'static str, Vec<String>>) -> Result<String, String> {
    match html.matches(PLACEHOLDER).count() {
        1 => {}
        0 => {
            return Err(format!(
                "index.html has no `{PLACEHOLDER}` in its module script, so no page's code \
                 would be preloaded; put it back where the loader reads its table"
            ))
        }
        n => {
            return Err(format!(
                "index.html has `{PLACEHOLDER}` {n} times; keep it once, in the module script"
            ))
        }
    }
    let json = serde_json::to_string(&compact(table))
        .map_err(|e| format!("cannot write the preload table: {e}"))?;
    Ok(html.replacen(PLACEHOLDER, &json, 1))
}

/// The table as index.html carries it: each route's content paths, then
/// the areas (split points) whose code it loads, space-separated. The
/// loader asks the split loader for each area's files (`__firstlineFiles`
/// in `__wasm_split.js`, which has the list anyway): every file named here
/// for every route was 1.3 KB of each first visit's gzip.
fn compact(table: &BTreeMap<&'static str, Vec<String>>) -> BTreeMap<&'static str, String> {
    table
        .iter()
        .map(|(route, files)| {
            let content = files
                .iter()
                .filter(|f| code_name(f).is_none())
                .map(String::as_str);
            let areas = ROUTES
                .iter()
                .find(|(r, _)| r == route)
                .map_or(&[][..], |(_, areas)| *areas);
            let names: Vec<&str> = content.chain(areas.iter().copied()).collect();
            (*route, names.join(" "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> String {
        let mut areas = serde_json::Map::new();
        for (_, needs) in ROUTES {
            for area in *needs {
                areas.insert(
                    (*area).to_owned(),
                    serde_json::json!(["chunk_1", format!("chunk_{area}")]),
                );
            }
        }
        serde_json::Value::Object(areas).to_string()
    }

    #[test]
    fn each_route_lists_its_areas_chunks_then_the_areas_own_module_once() {
        let table = table(&manifest()).unwrap();
        assert_eq!(
            table["scenarios/*"],
            [
                "pkg/chunk_1.wasm",
                "pkg/chunk_scenarios.wasm",
                "pkg/split_scenarios.wasm",
                "pkg/chunk_reader.wasm",
                "pkg/split_reader.wasm",
                "pkg/chunk_reader_scenarios.wasm",
                "pkg/split_reader_scenarios.wasm",
            ]
        );
        assert_eq!(table.len(), ROUTES.len());
    }

    #[test]
    fn an_area_the_manifest_lacks_fails_the_build_naming_route_and_fix() {
        let err = table(r#"{"practice": ["chunk_1"]}"#).unwrap_err();
        assert!(
            err.contains("\"practice\" preloads the area \"practice_setup\""),
            "{err}"
        );
        assert!(err.contains("xtask/src/pwa/preload.rs"), "{err}");
    }

    #[test]
    fn the_placeholder_is_replaced_once_and_a_missing_one_is_an_error() {
        let table = table(&manifest()).unwrap();
        let html = format!("<script type=\"module\">const code = {PLACEHOLDER};</script>");
        let out = apply(&html, &table).unwrap();
        assert!(!out.contains(PLACEHOLDER));
        assert!(out.contains("\"progress\":\"progress\""), "{out}");
        assert!(apply("<script></script>", &table)
            .unwrap_err()
            .contains("no `"));
        let twice = format!("{html}{html}");
        assert!(apply(&twice, &table).unwrap_err().contains("2 times"));
    }

    #[test]
    fn a_list_page_preloads_its_catalog_before_its_code() {
        let table = table(&manifest()).unwrap();
        assert_eq!(
            table["scenarios"],
            [
                "content/catalog/scenarios.json",
                "pkg/chunk_1.wasm",
                "pkg/chunk_scenario_list.wasm",
                "pkg/split_scenario_list.wasm",
            ]
        );
        let html = format!("<script type=\"module\">const code = {PLACEHOLDER};</script>");
        let out = apply(&html, &table).unwrap();
        assert!(
            out.contains("\"scenarios\":\"content/catalog/scenarios.json scenario_list\""),
            "{out}"
        );
        // Every route with content is a route of the table.
        for (route, _) in CONTENT {
            assert!(ROUTES.iter().any(|(r, _)| r == route), "{route}");
        }
    }

    #[test]
    fn a_pack_holds_a_routes_modules_after_a_header_naming_each_and_no_content() {
        let dir = std::env::temp_dir().join(format!("xtask-pack-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("pkg")).unwrap();
        fs::write(dir.join("pkg/chunk_1.wasm"), b"one").unwrap();
        fs::write(dir.join("pkg/split_list.wasm"), b"second").unwrap();
        let files = [
            "content/catalog/scenarios.json".to_owned(),
            "pkg/chunk_1.wasm".to_owned(),
            "pkg/split_list.wasm".to_owned(),
        ];
        let packed = pack(&dir, &files).unwrap();
        let header = "chunk_1 3\nsplit_list 6\n";
        assert_eq!(packed[..4], (header.len() as u32).to_le_bytes());
        assert_eq!(&packed[4..4 + header.len()], header.as_bytes());
        assert_eq!(&packed[4 + header.len()..], b"onesecond");
        let missing = pack(&dir, &["pkg/chunk_9.wasm".to_owned()]).unwrap_err();
        assert!(missing.contains("chunk_9.wasm"), "{missing}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_route_has_its_own_pack_name() {
        let names: std::collections::BTreeSet<String> =
            ROUTES.iter().map(|(route, _)| pack_path(route)).collect();
        assert_eq!(names.len(), ROUTES.len());
        assert_eq!(pack_path("scenarios/*"), "pkg/route-scenarios-any.pack");
        assert_eq!(
            pack_path("practice/session"),
            "pkg/route-practice-session.pack"
        );
    }

    /// Every route the app declares, but the home page (which has no area),
    /// has an entry, and no entry names a route the app lacks.
    #[test]
    fn the_table_covers_exactly_the_apps_routes() {
        let app = std::fs::read_to_string(crate::project::root().join("src/app.rs")).unwrap();
        let mut declared: Vec<String> = app
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|path| {
                path.trim_start_matches('/')
                    .split('/')
                    .map(|seg| if seg.starts_with(':') { "*" } else { seg })
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .filter(|path| !path.is_empty())
            .collect();
        declared.sort();
        let mut listed: Vec<String> = ROUTES.iter().map(|(r, _)| (*r).to_owned()).collect();
        listed.sort();
        assert_eq!(listed, declared);
    }
}
