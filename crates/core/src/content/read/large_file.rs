//! A file of thousands of questions is read in many small steps, each at
//! most a step's budget of items, and gives exactly the report of reading
//! it whole: the same questions and the same findings, in the same order,
//! at the same lines and columns.

use std::fmt::Write as _;

use crate::content::check;
use crate::content::file::{self, ContentFile};
use crate::content::finding::{Finding, Reporter};
use crate::content::library::{FirstSeen, Library, Loading, Source};
use crate::content::path::JsonPath;
use crate::content::question::Question;

use super::budget::{Work, BYTES_PER_STEP, ITEMS_PER_STEP};

const QUESTIONS: usize = 5_000;

const BLUEPRINT: &str = r#"{"kind": "exam", "id": "BIG", "name": "Big exam",
  "question_count": 10, "minutes": 20, "passing_score": 700,
  "domains": [{"id": "1.0", "name": "One", "weight": 100,
    "objectives": [{"id": "1.1", "title": "First"}, {"id": "1.2", "title": "Second"}]}]}"#;

/// `QUESTIONS` questions, a few of them broken (an empty prompt, an
/// objective the blueprint lacks) or repeating an earlier id, so the
/// report has findings all through the file.
fn big_set() -> String {
    let mut questions = Vec::new();
    for i in 0..QUESTIONS {
        let id = if i % 101 == 50 { i - 1 } else { i };
        let prompt = if i % 97 == 3 { " " } else { "Which one?" };
        let objective = if i % 89 == 7 { "9.9" } else { "1.2" };
        let mut q = String::new();
        let _ = write!(
            q,
            "    {{\n      \"id\": \"big-{id}\", \"objective\": \"{objective}\", \"difficulty\": \"easy\",\n      \"type\": \"single\", \"prompt\": \"{prompt}\", \"explanation\": \"Because.\",\n      \"options\": [{{\"text\": \"A é\", \"why\": \"w\"}}, {{\"text\": \"B\", \"why\": \"w\"}}], \"answer\": {}\n    }}",
            i % 2
        );
        questions.push(q);
    }
    format!(
        "{{\n  \"kind\": \"question-set\",\n  \"exam\": \"BIG\",\n  \"questions\": [\n{}\n  ]\n}}\n",
        questions.join(",\n")
    )
}

fn sources() -> Vec<Source> {
    vec![
        Source::new("exams/big.json", BLUEPRINT),
        Source::new("big/set.json", big_set()),
    ]
}

/// The set file read and checked whole, as the load did before it was
/// split into steps: the file parsed at once, every question checked,
/// then every sound question's id claimed, with one reporter.
fn read_whole(source: &Source) -> (Vec<Question>, Vec<Finding>) {
    let exam = match file::parse("exams/big.json", BLUEPRINT) {
        Ok(ContentFile::Exam(exam)) => exam,
        other => panic!("{other:?}"),
    };
    let set = match file::parse(&source.name, &source.text) {
        Ok(ContentFile::QuestionSet(set)) => set,
        other => panic!("{other:?}"),
    };
    let mut reporter = Reporter::new(&source.name, &source.text);
    check::question::check_blueprint_known(&set, Some(&exam), &mut reporter);
    let sound =
        check::question::check_questions(&set, Some(&exam), 0..set.questions.len(), &mut reporter);
    let mut seen = FirstSeen::default();
    let mut loaded = Vec::new();
    for (index, question) in sound {
        let path = JsonPath::root().key("questions").index(index).key("id");
        let place = reporter.where_is(&path);
        if seen.claim("question", &question.id, place, &path, &mut reporter) {
            loaded.push(question);
        }
    }
    (loaded, reporter.finish())
}

#[test]
fn a_large_file_is_read_in_bounded_steps() {
    let sources = sources();
    let mut loading = Loading::new(sources.clone());
    let mut steps = 0;
    let mut largest = Work::default();
    while loading.step() {
        steps += 1;
        let work = loading.last_step();
        largest.items = largest.items.max(work.items);
        largest.bytes = largest.bytes.max(work.bytes);
    }
    println!(
        "{QUESTIONS} questions in one file: {steps} steps, at most {} items and {} bytes in one",
        largest.items, largest.bytes
    );
    assert!(largest.items <= ITEMS_PER_STEP, "{largest:?}");
    // A step stops after the item that reaches the byte budget.
    assert!(largest.bytes <= BYTES_PER_STEP + 1_000, "{largest:?}");
    // Read a piece at a time, deserialized, checked and claimed, each
    // at most ITEMS_PER_STEP items a step.
    assert!(steps >= 4 * QUESTIONS / ITEMS_PER_STEP, "{steps} steps");

    let report = loading.finish();
    assert_eq!(report, Library::load(sources.clone()));
    let (questions, findings) = read_whole(&sources[1]);
    assert_eq!(report.library.questions, questions);
    let in_set: Vec<Finding> = report
        .findings
        .iter()
        .filter(|f| f.file == "big/set.json")
        .cloned()
        .collect();
    assert_eq!(in_set, findings);
    // Broken questions and repeated ids all through the file.
    assert!(findings.len() > 100, "{}", findings.len());
    assert!(findings
        .iter()
        .any(|f| f.message.contains("duplicate question id") && f.line > 1_000));
}
