use super::*;
use crate::content::catalog::ScenarioCatalog;
use crate::content::read::test_sources::bundled_sources;

#[test]
fn keeps_sorted_json_files_only() {
    let m = Manifest::from_paths(
        [
            "scenarios/b.json",
            "questions\\a.json",
            "manifest.json",
            "report.json",
            "catalog/questions.json",
            "bundles/questions.json",
            "notes.md",
            "scenarios/b.json",
        ]
        .map(String::from),
    );
    assert_eq!(m.files, vec!["questions/a.json", "scenarios/b.json"]);
}

#[test]
fn every_readable_file_has_an_entry_and_counts_match_what_loads() {
    let sources = bundled_sources();
    let (manifest, _) = Manifest::build(&sources);
    assert_eq!(manifest.entries.len(), manifest.files.len());
    let report = Library::load(sources);
    let counts = manifest.counts();
    assert_eq!(counts.questions, report.library.questions.len());
    assert_eq!(counts.scenarios, report.library.scenarios.len());
    assert_eq!(counts.interview, report.library.interview.len());
    assert_eq!(
        manifest.scenario_ids().len(),
        report.library.scenarios.len()
    );
    assert!(counts.questions > 100 && counts.scenarios > 5 && counts.interview > 10);
}

#[test]
fn one_exam_needs_its_folder_and_the_blueprints_in_two_requests() {
    let (manifest, bundles) = Manifest::build(&bundled_sources());
    let files = manifest.select(&[Need::Questions(Some("220-1201".into()))]);
    assert!(files
        .iter()
        .all(|f| f.starts_with("questions/220-1201/") || f.starts_with("questions/exams/")));
    assert!(files.iter().any(|f| f.starts_with("questions/220-1201/")));
    assert_eq!(
        files
            .iter()
            .filter(|f| f.starts_with("questions/exams/"))
            .count(),
        3
    );
    let plan = manifest.plan(&files);
    assert_eq!(
        plan.bundles,
        vec![
            "bundles/questions-220-1201.json",
            "bundles/questions-exams.json"
        ]
    );
    assert!(plan.singles.is_empty());
    // Each bundle carries its files' text unchanged.
    let (_, exams) = bundles
        .iter()
        .find(|(p, _)| p == "bundles/questions-exams.json")
        .unwrap();
    let sources = bundled_sources();
    for carried in &exams.files {
        let original = sources.iter().find(|s| s.name == carried.name).unwrap();
        assert_eq!(original.text, carried.text);
    }
}

#[test]
fn a_scenario_is_fetched_alone_and_the_list_needs_none() {
    let sources = bundled_sources();
    let (manifest, bundles) = Manifest::build(&sources);
    assert!(bundles.iter().all(|(p, _)| !p.contains("scenarios")));
    let catalog = ScenarioCatalog::of(&manifest, &sources);
    // The list's cards are the manifest's scenarios, in the same order.
    let ids: Vec<&str> = catalog.scenarios.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, manifest.scenario_ids());
    let card = &catalog.scenarios[0];
    let files = manifest.select(&[Need::Scenario(card.id.clone())]);
    assert_eq!(files.len(), 1);
    assert!(files[0].starts_with("scenarios/"));
    assert_eq!(manifest.plan(&files).singles, files);
    assert!(!card.title.is_empty() && !card.mood.is_empty() && !card.duties.is_empty());
    assert!(catalog.shifts.len() >= 3 && catalog.shifts.iter().all(|s| s.tickets >= 5));
    // No card text is left in the manifest every page reads.
    let text = serde_json::to_string(&manifest).unwrap();
    assert!(!text.contains(&card.summary));
}

#[test]
fn a_file_the_build_cannot_read_is_loaded_by_every_page() {
    let mut sources = bundled_sources();
    sources.push(Source::new(
        "questions/220-1201/broken.json",
        "{ \"kind\": \"question-set\", ",
    ));
    let (manifest, bundles) = Manifest::build(&sources);
    assert!(manifest.entry("questions/220-1201/broken.json").is_none());
    for need in [Need::Interview, Need::Scenario("none".into()), Need::Exams] {
        let files = manifest.select(&[need]);
        assert!(files.contains(&"questions/220-1201/broken.json".to_string()));
        assert_eq!(
            manifest.plan(&files).singles.last().map(String::as_str),
            Some("questions/220-1201/broken.json")
        );
    }
    // It is not bundled: the good files of its folder still arrive in one request.
    let (_, folder) = bundles
        .iter()
        .find(|(p, _)| p == "bundles/questions-220-1201.json")
        .unwrap();
    assert!(folder
        .files
        .iter()
        .all(|f| f.name != "questions/220-1201/broken.json"));
}

#[test]
fn a_manifest_without_entries_loads_everything() {
    let manifest: Manifest = serde_json::from_str(r#"{"files": ["a.json", "b/c.json"]}"#).unwrap();
    assert_eq!(
        manifest.select(&[Need::Interview]),
        vec!["a.json", "b/c.json"]
    );
    assert_eq!(manifest.counts(), Counts::default());
}

#[test]
fn building_from_the_authoring_load_gives_the_same_manifest() {
    let sources = bundled_sources();
    let checked = Library::load_for_authoring(sources.clone());
    assert_eq!(
        Manifest::build_loaded(&sources, &checked),
        Manifest::build(&sources)
    );
}

#[test]
fn entries_are_written_flat_and_read_back() {
    let manifest: Manifest = serde_json::from_str(
        r#"{"files":["a.json","b.json","c.json"],"entries":[
            {"file":"a.json","kind":"question-set","exam":"220-1201","count":3},
            {"file":"b.json","kind":"scenario","id":"wifi"},
            {"file":"c.json","kind":"interview-set","count":2}]}"#,
    )
    .unwrap();
    assert_eq!(
        manifest.entries[0].holds,
        Holds::QuestionSet {
            exam: "220-1201".into(),
            count: 3,
            sims: false,
        }
    );
    assert_eq!(
        manifest.entries[1].holds,
        Holds::Scenario { id: "wifi".into() }
    );
    let text = serde_json::to_string(&manifest).unwrap();
    assert!(
        text.contains(r#"{"file":"b.json","kind":"scenario","id":"wifi"}"#),
        "{text}"
    );
    assert_eq!(serde_json::from_str::<Manifest>(&text).unwrap(), manifest);
}

#[test]
fn an_entry_missing_what_its_kind_needs_names_the_file_and_the_field() {
    let text =
        r#"{"files":["a.json"],"entries":[{"file":"a.json","kind":"question-set","count":3}]}"#;
    let error = serde_json::from_str::<Manifest>(text)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(r#"the entry for "a.json" has no "exam""#),
        "{error}"
    );
    let text = r#"{"files":["a.json"],"entries":[{"file":"a.json","kind":"scenario","id":"x","colour":1}]}"#;
    let error = serde_json::from_str::<Manifest>(text)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown field `colour`"), "{error}");
}

#[test]
fn a_run_of_a_few_questions_fetches_their_files_and_a_large_one_the_bundle() {
    let (manifest, _) = Manifest::build(&bundled_sources());
    let folder: Vec<String> = manifest
        .files
        .iter()
        .filter(|f| f.starts_with("questions/220-1201/"))
        .cloned()
        .collect();
    assert!(folder.len() > 4, "{folder:?}");
    let few = vec![folder[0].clone(), folder[3].clone()];
    let files = manifest.select(&[Need::Exams, Need::Files(few.clone())]);
    // Its two files, and the blueprints the questions are checked against.
    assert!(files
        .iter()
        .all(|f| few.contains(f) || f.starts_with("questions/exams/")));
    assert!(few.iter().all(|f| files.contains(f)));
    let plan = manifest.plan(&files);
    assert_eq!(plan.singles, few);
    assert_eq!(plan.bundles, vec!["bundles/questions-exams.json"]);
    // Half the folder or more: one request for the folder.
    let most = folder[..folder.len().div_ceil(2)].to_vec();
    let plan = manifest.plan(&manifest.select(&[Need::Exams, Need::Files(most)]));
    assert!(plan.singles.is_empty(), "{plan:?}");
    assert_eq!(
        plan.bundles,
        vec![
            "bundles/questions-220-1201.json",
            "bundles/questions-exams.json"
        ]
    );
}

#[test]
fn the_readers_a_page_takes_are_the_kinds_of_its_files() {
    let mut sources = bundled_sources();
    let (manifest, _) = Manifest::build(&sources);
    let kinds_of = |manifest: &Manifest, needs: &[Need]| {
        let files = manifest.select(needs);
        manifest.kinds(files.iter().map(String::as_str))
    };
    let only = |set: fn(&mut Kinds)| {
        let mut kinds = Kinds::default();
        set(&mut kinds);
        kinds
    };
    let scenario = manifest.scenario_ids()[0].to_owned();
    assert_eq!(
        kinds_of(&manifest, &[Need::Scenario(scenario)]),
        only(|k| k.scenarios = true)
    );
    assert_eq!(
        kinds_of(&manifest, &[Need::Interview]),
        only(|k| k.interview = true)
    );
    // Every exam's bank holds sims, in files of their own: a page reading
    // the whole bank takes the sim model, one reading other files does not.
    assert_eq!(
        kinds_of(&manifest, &[Need::Questions(None)]),
        only(|k| {
            k.questions = true;
            k.sims = true;
        })
    );
    let without_sims: Vec<String> = manifest
        .select(&[Need::Questions(None)])
        .into_iter()
        .filter(|f| f.starts_with("questions/") && !f.contains("sims"))
        .collect();
    assert!(!without_sims.is_empty());
    assert_eq!(
        manifest.kinds(without_sims.iter().map(String::as_str)),
        only(|k| k.questions = true)
    );
    let sims = "questions/220-1202/sims.json";
    assert_eq!(
        manifest.kinds([sims]),
        only(|k| {
            k.questions = true;
            k.sims = true;
        })
    );
    let text = serde_json::to_string(&manifest).unwrap();
    assert!(
        text.contains(
            r#""file":"questions/220-1202/sims.json","kind":"question-set","exam":"220-1202""#
        ) && text.contains(r#""sims":true"#),
        "the build writes which files hold sims"
    );
    assert!(kinds_of(&manifest, &[Need::Scenario("none".into())]).is_empty());
    assert_eq!(kinds_of(&manifest, &[Need::All]), Kinds::ALL);
    // A file the build could not read may be of any kind: every page that
    // loads it takes every reader, so its finding is the build's.
    sources.push(Source::new("scenarios/broken.json", "{ \"kind\": "));
    let (manifest, _) = Manifest::build(&sources);
    assert_eq!(kinds_of(&manifest, &[Need::Interview]), Kinds::ALL);
}
