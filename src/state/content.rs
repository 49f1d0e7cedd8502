//! Content on demand. The build's manifest arrives first: it alone gives
//! the home page its counts and the scenario list its cards. A page that
//! shows content asks for what it needs (`use_content(&[Need::…])`) and
//! only those files are fetched (a folder's files come in one bundle) and
//! read. Each file is still read on its own, so one bad file never hides
//! the others, and every download is shared: two pages needing the same
//! bundle fetch it once.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use firstline_core::content::build_report::{BuildReport, REPORT_FILE};
use firstline_core::content::catalog::{
    InterviewCatalog, QuestionCatalog, ScenarioCatalog, INTERVIEW_CATALOG, QUESTION_CATALOG,
    SCENARIO_CATALOG,
};
use firstline_core::content::gate::Trusted;
use firstline_core::content::library::Loading;
use firstline_core::content::manifest::{BundleFile, Manifest, Need, MANIFEST_FILE};
use firstline_core::content::read::names::url_path;
use firstline_core::content::read::passed;
use firstline_core::content::read::question_files::{self, QuestionFiles, QUESTION_FILES};
use firstline_core::content::read::readers::{Kinds, Readers};
use firstline_core::content::{Finding, LoadReport, Severity, Source};
use futures::future::{join_all, FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::adapters::clock::{next_task, Slice};
use crate::adapters::fetch::{fetch_json_text, FetchError};

/// Where the build publishes content, relative to the document base.
const CONTENT_ROOT: &str = "content";

/// The JSON path given to findings about a file that could not be
/// downloaded at all (offline, server down): trying again may help, so the
/// banner offers a retry for these.
pub const UNREACHABLE: &str = "(download)";

/// What a page reads: `None` while loading.
pub type Content = Signal<Option<Arc<LoadReport>>>;

/// The manifest, or a report of why it could not be had.
pub type ManifestState = Result<Arc<Manifest>, Arc<LoadReport>>;

type SharedFetch = Shared<LocalBoxFuture<'static, Result<String, FetchError>>>;

/// Downloads in flight or done, by path, shared by every page.
#[derive(Default)]
struct Downloads(HashMap<String, SharedFetch>);

impl Downloads {
    fn get(&mut self, path: &str) -> SharedFetch {
        self.0
            .entry(path.to_owned())
            .or_insert_with(|| {
                // Names are percent-encoded: `a#b.json` must not be asked
                // for as `a`.
                let url = format!("{CONTENT_ROOT}/{}", url_path(path));
                async move { fetch_json_text(&url).await }
                    .boxed_local()
                    .shared()
            })
            .clone()
    }

    /// Forgets failed downloads so the next request tries again.
    fn forget_failures(&mut self) {
        self.0
            .retain(|_, fetch| !matches!(fetch.peek(), Some(Err(_))));
    }
}

#[derive(Clone, Copy)]
struct Store {
    owner: StoredValue<Owner, LocalStorage>,
    downloads: StoredValue<Downloads, LocalStorage>,
    loads: StoredValue<BTreeMap<Vec<Need>, LocalResource<Arc<LoadReport>>>, LocalStorage>,
    manifest: LocalResource<ManifestState>,
    /// Bumped by "Try again": every load runs again.
    attempt: RwSignal<u32>,
    /// Bumped when a page asks for content no page asked for before.
    added: RwSignal<u32>,
}

pub fn provide_content() {
    let downloads = StoredValue::new_local(Downloads::default());
    let attempt = RwSignal::new(0u32);
    let manifest = LocalResource::new(move || {
        attempt.track();
        async move { load_manifest(downloads).await }
    });
    provide_context(Store {
        owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
        downloads,
        loads: StoredValue::new_local(BTreeMap::new()),
        manifest,
        attempt,
        added: RwSignal::new(0),
    });
}

fn store() -> Store {
    expect_context::<Store>()
}

/// The manifest: counts and what each file holds, without reading any
/// content.
pub fn use_manifest() -> Signal<Option<ManifestState>> {
    let manifest = store().manifest;
    Signal::derive(move || manifest.get())
}

/// The content a page shows, fetched and read the first time any page
/// needs it.
pub fn use_content(needs: &[Need]) -> Content {
    let needs = needs.to_vec();
    use_content_with(move || needs.clone())
}

/// As `use_content`, for a page whose needs follow its route (a scenario
/// by id).
pub fn use_content_with(needs: impl Fn() -> Vec<Need> + Send + Sync + 'static) -> Content {
    content_resolving(needs, None)
}

/// As `use_content_with`, for a page naming questions by id
/// (`Need::QuestionIds`: a practice or review run): the load reads the
/// build's index of which file holds each question first, then reads the
/// files whole when the build passed them (`passed`), and with the full
/// reader only when not. Only such pages carry the index's reader and
/// that whole-file read.
pub fn use_question_content(needs: impl Fn() -> Vec<Need> + Send + Sync + 'static) -> Content {
    content_resolving(
        needs,
        Some(QuestionRun {
            resolve: resolve_question_ids,
            quick: read_passed_quickly,
        }),
    )
}

/// How a question run reads, beyond what every page does: both boxed, so
/// the shared load carries none of their code.
#[derive(Clone, Copy)]
struct QuestionRun {
    /// Turns the page's needs into what to read, downloading what that
    /// takes (the question files' index).
    resolve: Resolve,
    /// Reads files the build passed whole (`passed`), handing the sources
    /// back for the full reader when it cannot.
    quick: Quick,
}

type Resolve =
    fn(StoredValue<Downloads, LocalStorage>, Vec<Need>) -> LocalBoxFuture<'static, Vec<Need>>;

type Quick = fn(Vec<Source>, Trusted) -> LocalBoxFuture<'static, Result<LoadReport, Vec<Source>>>;

fn content_resolving(
    needs: impl Fn() -> Vec<Need> + Send + Sync + 'static,
    run: Option<QuestionRun>,
) -> Content {
    let store = store();
    Signal::derive(move || {
        let mut key = needs();
        firstline_core::sort::natural(&mut key);
        key.dedup();
        store.load(key, run).get()
    })
}

/// The question files' index downloaded, read and applied (see
/// `Need::QuestionIds`); without it (it cannot be downloaded or read), a
/// run reads its exam's bank instead.
fn resolve_question_ids(
    downloads: StoredValue<Downloads, LocalStorage>,
    needs: Vec<Need>,
) -> LocalBoxFuture<'static, Vec<Need>> {
    async move {
        let text = match downloads.try_update_value(|d| d.get(QUESTION_FILES)) {
            Some(fetch) => fetch.await.ok(),
            None => None,
        };
        let index = text.and_then(|text| serde_json::from_str::<QuestionFiles>(&text).ok());
        question_files::resolve(&needs, index.as_ref())
    }
    .boxed_local()
}

/// What the build's check found (`content/report.json`), for the Author
/// page: every file's problems without reading the bank here.
pub fn use_build_report() -> Generated<BuildReport> {
    use_generated(REPORT_FILE, "the build's report")
}

/// The practice setup's catalog: blueprints and a tag per question.
pub fn use_question_catalog() -> Generated<QuestionCatalog> {
    use_generated(QUESTION_CATALOG, "the question catalog")
}

/// The interview list's catalog.
pub fn use_interview_catalog() -> Generated<InterviewCatalog> {
    use_generated(INTERVIEW_CATALOG, "the interview catalog")
}

/// What to read for the interview questions `ids`: only the files holding
/// them, as the catalog says; every interview file if the catalog cannot
/// be had or does not know them (a mock draws from them then); nothing
/// while it is still coming, or for no question.
pub fn interview_needs(
    catalog: Option<Result<Arc<InterviewCatalog>, String>>,
    ids: &[&str],
) -> Vec<Need> {
    match catalog {
        Some(Ok(_)) if ids.is_empty() => Vec::new(),
        Some(Ok(catalog)) => {
            let files = catalog.files_of(ids.iter().copied());
            if files.is_empty() {
                vec![Need::Interview]
            } else {
                vec![Need::Files(files)]
            }
        }
        Some(Err(_)) => vec![Need::Interview],
        None => Vec::new(),
    }
}

/// The scenario list's catalog: scenario and shift cards.
pub fn use_scenario_catalog() -> Generated<ScenarioCatalog> {
    use_generated(SCENARIO_CATALOG, "the scenario catalog")
}

/// A file the build writes beside the content, or why it could not be had.
pub type Generated<T> = Signal<Option<Result<Arc<T>, String>>>;

fn use_generated<T: DeserializeOwned + Send + Sync + 'static>(
    file: &'static str,
    what: &'static str,
) -> Generated<T> {
    let store = store();
    // Owned by the page: the download itself is shared and kept.
    let resource = LocalResource::new(move || {
        store.attempt.track();
        async move {
            let fetch = store
                .downloads
                .try_update_value(|d| d.get(file))
                .ok_or_else(|| "the page was closed".to_owned())?;
            let text = fetch.await.map_err(|e| format!("{what} ({file}) {e}"))?;
            let read = serde_json::from_str::<T>(&text)
                .map(Arc::new)
                .map_err(|e| format!("{what} ({file}) is malformed ({e}); rebuild the site"));
            // The page draws what was read in a task of its own: reading
            // and drawing a list page's catalog together were one long
            // task on a phone.
            next_task().await;
            read
        }
    });
    Signal::derive(move || resource.get())
}

/// Every load so far, for the banner: problems and downloads that failed.
pub fn use_all_loads() -> Signal<Vec<Arc<LoadReport>>> {
    let store = store();
    Signal::derive(move || {
        let mut out = Vec::new();
        if let Some(Err(report)) = store.manifest.get() {
            out.push(report);
        }
        store.added.track();
        let loads: Vec<_> = store.loads.with_value(|l| l.values().copied().collect());
        out.extend(loads.into_iter().filter_map(|r| r.get()));
        out
    })
}

/// Downloads again whatever failed, on every page.
pub fn retry_downloads() {
    let store = store();
    store.downloads.update_value(Downloads::forget_failures);
    store.attempt.update(|n| *n = n.wrapping_add(1));
}

impl Store {
    fn load(self, key: Vec<Need>, run: Option<QuestionRun>) -> LocalResource<Arc<LoadReport>> {
        if let Some(found) = self.loads.with_value(|l| l.get(&key).copied()) {
            return found;
        }
        // Owned by the app, not the page that asked first: the next page
        // needing the same content finds it read.
        let owner = self.owner.get_value();
        let needs = key.clone();
        let resource = owner.with(|| {
            LocalResource::new(move || {
                self.attempt.track();
                let needs = needs.clone();
                async move { Arc::new(load(self.downloads, &needs, run).await) }
            })
        });
        self.loads.update_value(|l| {
            l.insert(key, resource);
        });
        // `loads` is not reactive: tell the banner there is one more, once
        // the computation that asked has finished.
        let added = self.added;
        queue_microtask(move || added.update(|n| *n = n.wrapping_add(1)));
        resource
    }
}

async fn load_manifest(downloads: StoredValue<Downloads, LocalStorage>) -> ManifestState {
    let fetch = downloads
        .try_update_value(|d| d.get(MANIFEST_FILE))
        .ok_or_else(|| Arc::new(failed(MANIFEST_FILE, "the page was closed".into())))?;
    match fetch.await {
        Ok(text) => serde_json::from_str::<Manifest>(&text)
            .map(Arc::new)
            .map_err(|e| {
                Arc::new(failed(
                    MANIFEST_FILE,
                    format!("the content manifest is malformed: {e}"),
                ))
            }),
        Err(e) => {
            let mut report = failed(MANIFEST_FILE, format!("the content manifest {e}"));
            mark_unreachable(&mut report.findings, &e);
            Err(Arc::new(report))
        }
    }
}

async fn load(
    downloads: StoredValue<Downloads, LocalStorage>,
    needs: &[Need],
    run: Option<QuestionRun>,
) -> LoadReport {
    let manifest = match load_manifest(downloads).await {
        Ok(manifest) => manifest,
        // Only findings: cloning the whole report would bring the clone
        // code of every kind of content into this page's download.
        Err(report) => {
            return LoadReport {
                findings: report.findings.clone(),
                ..LoadReport::default()
            }
        }
    };
    let needs = match run {
        // Done here, in the load the page waits for anyway, rather than
        // as a resource of its own.
        Some(run) => (run.resolve)(downloads, needs.to_vec()).await,
        None => needs.to_vec(),
    };
    let files = manifest.select(&needs);
    if files.is_empty() {
        // Nothing to read: do not fetch the reading code either.
        return LoadReport::default();
    }
    let plan = manifest.plan(&files);
    let fetch = |path: &String| {
        let download = downloads.try_update_value(|d| d.get(path));
        let path = path.clone();
        async move {
            let result = match download {
                Some(download) => download.await,
                None => Err(FetchError::Network("the page was closed".into())),
            };
            (path, result)
        }
    };
    let (bundles, singles) = futures::join!(
        join_all(plan.bundles.iter().map(fetch)),
        join_all(plan.singles.iter().map(fetch))
    );
    let mut sources = Vec::new();
    let mut fetch_findings = Vec::new();
    let mut slice = Slice::start(Slice::DEFAULT_MS);
    for (path, result) in bundles {
        slice.maybe_yield().await;
        let bundle = result.map_err(|e| (format!("this bundle of content files {e}"), e));
        match bundle {
            Ok(text) => match serde_json::from_str::<BundleFile>(&text) {
                Ok(bundle) => sources.extend(
                    bundle
                        .files
                        .into_iter()
                        .map(|f| Source::new(f.name, f.text)),
                ),
                Err(e) => fetch_findings.push(file_finding(
                    &path,
                    format!("this bundle of content files is malformed ({e}); rebuild the site"),
                )),
            },
            Err((message, e)) => {
                fetch_findings.push(file_finding(&path, message));
                mark_unreachable(&mut fetch_findings, &e);
            }
        }
    }
    for (name, result) in singles {
        match result {
            Ok(text) => sources.push(Source::new(name, text)),
            Err(e) => {
                fetch_findings.push(file_finding(&name, format!("this file {e}")));
                mark_unreachable(&mut fetch_findings, &e);
            }
        }
    }
    slice.maybe_yield().await;
    let kinds = manifest.kinds(sources.iter().map(|s| s.name.as_str()));
    let sources = match run {
        Some(run) if kinds == Kinds::QUESTIONS_WITHOUT_SIMS => {
            match (run.quick)(sources, manifest.trusted()).await {
                Ok(mut report) => {
                    report.findings.extend(fetch_findings);
                    return report;
                }
                Err(sources) => sources,
            }
        }
        _ => sources,
    };
    let reading = match load_readers(kinds).await {
        Ok(readers) => read_library(sources, manifest.trusted(), readers).await,
        Err(e) => Err(e),
    };
    let mut report = match reading {
        Ok(reading) => reading.await,
        Err(e) => {
            let mut report = failed(
                "(app)",
                format!("the code that reads content could not be downloaded ({e})"),
            );
            if let Some(f) = report.findings.last_mut() {
                f.path = UNREACHABLE.into();
            }
            report
        }
    };
    report.findings.extend(fetch_findings);
    report
}

fn failed(file: &str, message: String) -> LoadReport {
    LoadReport {
        findings: vec![file_finding(file, message)],
        ..LoadReport::default()
    }
}

/// Marks the last finding as a download failure when trying again could
/// help (no connection, or the server failing), not a broken file.
fn mark_unreachable(findings: &mut [Finding], error: &FetchError) {
    let retry = match error {
        FetchError::Network(_) => true,
        FetchError::Status(code) => *code >= 500,
        FetchError::NotJson(_) | FetchError::Body(_) => false,
    };
    if let (true, Some(last)) = (retry, findings.last_mut()) {
        last.path = UNREACHABLE.into();
    }
}

fn file_finding(file: &str, message: String) -> Finding {
    Finding {
        file: file.to_owned(),
        line: 1,
        column: 1,
        path: "(file)".into(),
        message,
        severity: Severity::Error,
    }
}

type ReadersLoad = LocalBoxFuture<'static, Result<Readers, leptos::wasm_split::SplitLoaderError>>;

/// The typed readers of `kinds`: each kind's deserializing code is a wasm
/// chunk of its own (most of the reading code), fetched together, so a
/// page downloads the readers of what it shows and no other.
async fn load_readers(kinds: Kinds) -> Result<Readers, leptos::wasm_split::SplitLoaderError> {
    // Question files holding sims take the readers with the sim model;
    // the others, the readers without it (`content::no_sim`).
    let wanted: [(bool, fn() -> ReadersLoad); 5] = [
        (kinds.questions && !kinds.sims, || {
            question_readers().boxed_local()
        }),
        (kinds.questions && kinds.sims, || {
            question_sim_readers().boxed_local()
        }),
        (kinds.scenarios, || scenario_readers().boxed_local()),
        (kinds.shifts, || shift_readers().boxed_local()),
        (kinds.interview, || interview_readers().boxed_local()),
    ];
    let loads = wanted
        .into_iter()
        .filter(|(wanted, _)| *wanted)
        .map(|(_, load)| load());
    let mut readers = Readers::default();
    for part in join_all(loads).await {
        readers = readers.with(part?);
    }
    Ok(readers)
}

/// Declares `$load`, which fetches the wasm chunk `$split` holding the
/// readers `Readers::$group` (each kind's deserializing code) and hands
/// them back.
macro_rules! readers_chunk {
    ($load:ident, $split:ident, $group:ident) => {
        #[leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $load() -> Result<Readers, leptos::wasm_split::SplitLoaderError> {
            Ok(Readers::$group())
        }
    };
}

readers_chunk!(question_readers, reader_questions, questions_without_sims);
readers_chunk!(question_sim_readers, reader_question_sims, questions);
readers_chunk!(scenario_readers, reader_scenarios, scenarios);
readers_chunk!(shift_readers, reader_shifts, shifts);
readers_chunk!(interview_readers, reader_interview, interview);

/// Question files the build passed, read whole without the full reader
/// (`passed`): a chunk of its own, so only a run fetches it. Its sources
/// come back when it cannot read them (or the chunk cannot be had), for
/// the full reader to read and report on.
fn read_passed_quickly(
    sources: Vec<Source>,
    trusted: Trusted,
) -> LocalBoxFuture<'static, Result<LoadReport, Vec<Source>>> {
    async move {
        let text = sources
            .iter()
            .fold(0usize, |sum, s| sum.saturating_add(s.text.len()));
        if text > passed::MAX_TEXT {
            // Not worth fetching the chunk only to be told so.
            return Err(sources);
        }
        // The chunk takes a copy: offline, the full reader still has them.
        match read_passed(sources.clone(), trusted).await {
            Ok(Some(report)) => Ok(report),
            _ => Err(sources),
        }
    }
    .boxed_local()
}

#[leptos::wasm_split::wasm_split(reader_passed, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_passed(
    sources: Vec<Source>,
    trusted: Trusted,
) -> Result<Option<LoadReport>, leptos::wasm_split::SplitLoaderError> {
    Ok(passed::read(&sources, &trusted))
}

/// Reading content is its own wasm chunk, fetched while the first content
/// downloads; pages that show none never fetch it. It keeps what the
/// build's checks passed (`Trusted`: the manifest's verdicts) rather than
/// running the checks again, which would add about a quarter to it; the
/// Author page's preview runs them on an instructor's own files. It reads
/// in steps of at most a couple of hundred items (`Loading::step`, however
/// large a file is) and gives way to the browser between slices, so a
/// large bank never blocks the page. (A split function cannot be `async`:
/// it returns the reading as a boxed future instead.)
#[leptos::wasm_split::wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_library(
    sources: Vec<Source>,
    trusted: Trusted,
    readers: Readers,
) -> Result<LocalBoxFuture<'static, LoadReport>, leptos::wasm_split::SplitLoaderError> {
    Ok(async move {
        let mut loading = Loading::with_gate(sources, Box::new(trusted), readers);
        let mut slice = Slice::start(Slice::DEFAULT_MS);
        while loading.step() {
            slice.maybe_yield().await;
        }
        loading.finish()
    }
    .boxed_local())
}
