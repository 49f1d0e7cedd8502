//! `firstline manifest DIR`: writes the list of content files the app
//! fetches, what each holds, the bundles that carry a folder's files in
//! one request, the catalog the list pages show, and the report of
//! `firstline check`'s findings that the Author page shows. The build runs it on the published copy of the
//! content.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use firstline_core::content::build_report::{BuildReport, REPORT_FILE};
use firstline_core::content::catalog::{
    InterviewCatalog, QuestionCatalog, ScenarioCatalog, INTERVIEW_CATALOG, QUESTION_CATALOG,
    SCENARIO_CATALOG,
};
use firstline_core::content::manifest::{is_generated, Manifest, MANIFEST_FILE};
use firstline_core::content::read::names::name_finding;
use firstline_core::content::read::question_files::{QuestionFiles, QUESTION_FILES};
use firstline_core::content::{Library, Source};

use crate::files::{display_name, json_files, relative_name};
use crate::usage::UsageError;

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let [dir] = args else {
        return Err(UsageError(
            "manifest takes exactly one folder, as in `firstline manifest dist/content`".into(),
        ));
    };
    let root = Path::new(dir);
    let mut sources = Vec::new();
    let mut names = Vec::new();
    for path in json_files(root)? {
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let name = display_name(rel);
        if is_generated(&name) {
            continue;
        }
        // The app encodes names in its requests; a name a host would still
        // change is reported on the Author page, as `firstline check` does.
        names.extend(name_finding(&name, &relative_name(&path, root)));
        // A file that is not UTF-8 is still listed, so the app reports it.
        let text = fs::read(&path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|e| UsageError(format!("cannot read \"{}\": {e}", path.display())))?;
        sources.push(Source::new(name, text));
    }
    // One load serves the build's report and the manifest's counts.
    let mut checked = Library::load_for_authoring(sources.clone());
    checked.add_file_findings(names);
    let (manifest, bundles) = Manifest::build_loaded(&sources, &checked);
    for (path, bundle) in &bundles {
        write_json(root, path, bundle, &format!("the bundle {path}"))?;
    }
    let report = BuildReport::of(&checked);
    write_json(root, REPORT_FILE, &report, "the build's report")?;
    let questions = QuestionCatalog::of(&checked);
    write_json(root, QUESTION_CATALOG, &questions, "the question catalog")?;
    let files = QuestionFiles::of(&questions);
    write_json(root, QUESTION_FILES, &files, "the question files' index")?;
    let interview = InterviewCatalog::of(&checked);
    write_json(root, INTERVIEW_CATALOG, &interview, "the interview catalog")?;
    let scenarios = ScenarioCatalog::of(&manifest, &sources);
    write_json(root, SCENARIO_CATALOG, &scenarios, "the scenario catalog")?;
    // Compact, as the rest: every page downloads and parses it first.
    write_json(root, MANIFEST_FILE, &manifest, "the manifest")?;
    let target = root.join(MANIFEST_FILE);
    println!(
        "wrote {} ({} files, {} bundles; {} problem(s) in the build's report)",
        display_name(&target),
        manifest.files.len(),
        bundles.len(),
        report.findings.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `value` as compact JSON to `name` under `root`, making its
/// folder if needed.
fn write_json(
    root: &Path,
    name: &str,
    value: &impl serde::Serialize,
    what: &str,
) -> Result<(), UsageError> {
    let text = serde_json::to_string(value)
        .map_err(|e| UsageError(format!("cannot encode {what}: {e}")))?;
    let target = root.join(name);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| UsageError(format!("cannot create \"{}\": {e}", parent.display())))?;
    }
    fs::write(&target, text)
        .map_err(|e| UsageError(format!("cannot write \"{}\": {e}", target.display())))
}
