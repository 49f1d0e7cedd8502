//! Question files the build checked and passed, read whole and without
//! the checks: a practice run's quick way in.
//!
//! Why: the full reader (`loading`, with `locate` to place findings and
//! the question checks that `gate::Trusted` still runs, since they build
//! the quiz's questions) is about a fifth of a practice session's first
//! download, to read one or two files the build has already passed. Here
//! each file is parsed in one go, its model picked out of the JSON by hand
//! (`json`, much smaller than the model's derived readers) without sims,
//! and built with the model's own builders (`content::written`). Anything unexpected gives `None` and the page
//! reads the same sources with the full reader, which reports it by file,
//! line and column: a file the build refused something in or never saw, a
//! file that does not parse (or holds a sim), a question the quiz could
//! not run, an id twice, or more text than one go should parse.

use crate::content::written;

use super::gate::Trusted;
use super::library::{FileSummary, LoadReport, Source};

mod json;

/// The most text read in one go: parsing it on a slow phone stays well
/// inside one frame budget's worth of long task (a run's file is a few
/// tens of KB; a whole bank goes to the stepped reader).
pub const MAX_TEXT: usize = 256 * 1024;

/// Exams and question sets from `sources`, as the full reader trusting the
/// build would read them, or `None` (see the module notes).
pub fn read(sources: &[Source], trusted: &Trusted) -> Option<LoadReport> {
    let total = sources
        .iter()
        .fold(0usize, |sum, s| sum.saturating_add(s.text.len()));
    if total > MAX_TEXT || !sources.iter().all(|s| trusted.passed(&s.name)) {
        return None;
    }
    // In name order, as the full reader reads them.
    let mut sources: Vec<&Source> = sources.iter().collect();
    crate::sort::by(&mut sources, |a, b| a.name.cmp(&b.name));
    let mut exams = Vec::new();
    let mut sets = Vec::new();
    for source in sources {
        let value = serde_json::from_str::<serde_json::Value>(&source.text).ok()?;
        match value.get("kind").and_then(serde_json::Value::as_str) {
            Some("question-set") => sets.push((source, json::question_set(&value)?)),
            Some("exam") => exams.push((source, json::exam(&value)?)),
            _ => return None,
        }
    }
    let mut report = LoadReport::default();
    for (source, exam) in exams {
        if report.library.exam(&exam.id).is_some() {
            return None;
        }
        report.library.exams.push(exam);
        report.files.push(summary(source, "exam", 1));
    }
    let library = &mut report.library;
    for (source, set) in sets {
        let exam = library.exams.iter().find(|e| e.id == set.exam);
        for raw in &set.questions {
            let question = written::plain_question(raw, &set.exam, exam, &source.name)?;
            library.questions.push(question);
        }
        report
            .files
            .push(summary(source, "question-set", set.questions.len()));
    }
    // Each id once, across the files (sorted, not hashed: the page carries
    // no hashing code for it).
    let mut ids: Vec<&str> = library.questions.iter().map(|q| q.id.as_str()).collect();
    crate::sort::natural(&mut ids);
    if ids.windows(2).any(|pair| pair[0] == pair[1]) {
        return None;
    }
    crate::sort::by(&mut report.files, |a, b| a.name.cmp(&b.name));
    Some(report)
}

fn summary(source: &Source, kind: &str, loaded: usize) -> FileSummary {
    FileSummary {
        name: source.name.clone(),
        kind: Some(kind.to_owned()),
        loaded,
        errors: 0,
        warnings: 0,
        refused: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::library::Loading;
    use crate::content::manifest::Manifest;
    use crate::content::read::readers::Readers;
    use crate::content::read::test_sources::bundled_sources;

    /// The full reader trusting the build, as the app runs it.
    fn full(sources: Vec<Source>, trusted: Trusted) -> LoadReport {
        let mut loading = Loading::with_gate(sources, Box::new(trusted), Readers::all());
        while loading.step() {}
        loading.finish()
    }

    fn exams(all: &[Source]) -> Vec<Source> {
        all.iter()
            .filter(|s| s.text.contains("\"kind\": \"exam\""))
            .cloned()
            .collect()
    }

    fn question_files(all: &[Source]) -> Vec<Source> {
        all.iter()
            .filter(|s| s.text.contains("\"kind\": \"question-set\""))
            .cloned()
            .collect()
    }

    #[test]
    fn every_passed_file_without_sims_reads_as_the_full_reader_reads_it() {
        let all = bundled_sources();
        let (manifest, _) = Manifest::build(&all);
        let trusted = manifest.trusted();
        let mut read_here = 0;
        for file in question_files(&all) {
            let has_sim = file.text.contains("\"type\": \"sim\"");
            // With the blueprints, the file in the middle as a run reads
            // them, and given in reverse name order.
            let mut sources = exams(&all);
            sources.insert(1, file.clone());
            sources.reverse();
            let quick = read(&sources, &trusted);
            if has_sim {
                assert_eq!(quick, None, "{}: a sim takes the full reader", file.name);
                continue;
            }
            let quick = quick.unwrap_or_else(|| panic!("{} reads whole", file.name));
            assert_eq!(quick, full(sources, trusted.clone()), "{}", file.name);
            assert!(!quick.library.questions.is_empty());
            read_here += 1;
        }
        assert!(read_here > 10, "only {read_here} files read whole");
    }

    fn one_file() -> (Vec<Source>, Trusted) {
        let all = bundled_sources();
        let (manifest, _) = Manifest::build(&all);
        let file = question_files(&all)
            .into_iter()
            .filter(|s| !s.text.contains("\"type\": \"sim\""))
            .min_by(|a, b| a.name.cmp(&b.name))
            .expect("the repository has question files");
        (vec![file], manifest.trusted())
    }

    #[test]
    fn anything_the_build_did_not_pass_goes_to_the_full_reader() {
        let (sources, trusted) = one_file();
        assert!(read(&sources, &trusted).is_some());
        let name = sources[0].name.clone();
        // Never seen by the build, or with a question it refused.
        assert_eq!(read(&sources, &Trusted::default()), None);
        assert_eq!(read(&sources, &Trusted::new([(name, vec![3])])), None);
    }

    #[test]
    fn a_file_changed_since_the_build_goes_to_the_full_reader() {
        let (sources, trusted) = one_file();
        let changed = |from: &str, to: &str| {
            let mut changed = sources.clone();
            assert!(changed[0].text.contains(from), "{from}");
            changed[0].text = changed[0].text.replacen(from, to, 1);
            read(&changed, &trusted)
        };
        // Broken syntax, a key past the options, an unknown field, a sim.
        assert_eq!(changed("\"questions\"", "\"questions"), None);
        assert_eq!(changed("\"answer\": ", "\"answer\": 7"), None);
        assert_eq!(changed("\"prompt\"", "\"promt\""), None);
        assert_eq!(changed("\"prompt\"", "\"sim\": {}, \"prompt\""), None);
        // The same question twice.
        let mut twice = sources.clone();
        twice.push(Source::new("z/again.json", sources[0].text.clone()));
        let trusted_both = Trusted::new([
            (sources[0].name.clone(), Vec::new()),
            ("z/again.json".to_owned(), Vec::new()),
        ]);
        assert!(read(&sources, &trusted_both).is_some());
        assert_eq!(read(&twice, &trusted_both), None);
    }

    #[test]
    fn more_text_than_one_go_goes_to_the_stepped_reader() {
        let (mut sources, _) = one_file();
        let name = sources[0].name.clone();
        let padding = " ".repeat(MAX_TEXT);
        sources[0].text.push_str(&padding);
        assert_eq!(read(&sources, &Trusted::new([(name, Vec::new())])), None);
    }
}
