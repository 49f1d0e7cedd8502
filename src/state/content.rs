//! Loads every content file named by the build's manifest. Each file is
//! fetched and read on its own, so one bad file never hides the others.

use std::sync::Arc;

use firstline_core::content::manifest::{Manifest, MANIFEST_FILE};
use firstline_core::content::{Finding, Library, LoadReport, Severity, Source};
use futures::future::join_all;
use leptos::prelude::*;

use crate::adapters::fetch::{fetch_json_text, FetchError};

/// Where the build publishes content, relative to the document base.
const CONTENT_ROOT: &str = "content";

/// The JSON path given to findings about a file that could not be
/// downloaded at all (offline, server down): trying again may help, so the
/// banner offers a retry for these.
pub const UNREACHABLE: &str = "(download)";

/// The loaded content, shared by every page.
pub type Content = LocalResource<Arc<LoadReport>>;

pub fn provide_content() {
    let content: Content = LocalResource::new(|| async { Arc::new(load_all().await) });
    provide_context(content);
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}

async fn load_all() -> LoadReport {
    let manifest_path = format!("{CONTENT_ROOT}/{MANIFEST_FILE}");
    let manifest = match fetch_json_text(&manifest_path).await {
        Ok(text) => match serde_json::from_str::<Manifest>(&text) {
            Ok(manifest) => manifest,
            Err(e) => {
                return failed(
                    &manifest_path,
                    format!("the content manifest is malformed: {e}"),
                )
            }
        },
        Err(e) => {
            let mut report = failed(&manifest_path, format!("the content manifest {e}"));
            mark_unreachable(&mut report.findings, &e);
            return report;
        }
    };
    let fetches = manifest.files.iter().map(|name| async move {
        let path = format!("{CONTENT_ROOT}/{name}");
        (name.clone(), fetch_json_text(&path).await)
    });
    let mut sources = Vec::new();
    let mut fetch_findings = Vec::new();
    for (name, result) in join_all(fetches).await {
        match result {
            Ok(text) => sources.push(Source::new(name, text)),
            Err(e) => {
                fetch_findings.push(file_finding(&name, format!("this file {e}")));
                mark_unreachable(&mut fetch_findings, &e);
            }
        }
    }
    let mut report = read_library(sources).await;
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

/// Reading and checking content is split into its own wasm chunk, fetched
/// while the content files download.
#[lazy]
fn read_library(sources: Vec<Source>) -> LoadReport {
    Library::load(sources)
}
