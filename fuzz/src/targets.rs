//! What each fuzz target does with its input, and the invariants it
//! asserts. The files in `fuzz_targets/` only call these.

use std::collections::HashSet;

use firstline_core::content::catalog::{InterviewCatalog, QuestionCatalog};
use firstline_core::content::file::{self, ContentFile};
use firstline_core::content::interview::InterviewQuestion;
use firstline_core::content::library::Loading;
use firstline_core::content::read::passed;
use firstline_core::content::read::readers::Readers;
use firstline_core::content::locate::{locate, offset_of, path_at, Position};
use firstline_core::content::path::JsonPath;
use firstline_core::content::scenario::{Level, Scenario};
use firstline_core::content::{build_report::BuildReport, manifest::Manifest, stats};
use firstline_core::content::{Library, Source};
use firstline_core::interview::mock::ActiveMock;
use firstline_core::interview::score::{
    score_star, score_technical, speech_metrics, Band, Feedback,
};
use firstline_core::interview::{detect, words, Part, StarAnswer};
use firstline_core::progress::reminder::BackupLog;
use firstline_core::progress::{ExamLog, InterviewLog, Progress, ScenarioLog, ScenarioRecord};
use firstline_core::quiz::run::PracticeRuns;
use firstline_core::quiz::session::ActiveExam;
use firstline_core::scenario::analyse::{Analysis, PathScore};
use firstline_core::scenario::debrief::{debrief, Debrief};
use firstline_core::scenario::draft::{Draft, Drafts};
use firstline_core::scenario::play::{Mood, Play};
use firstline_core::store::Document;
use firstline_core::text::{prose, tokens};

use crate::bundled;
use crate::check::{self, finding_in, percent, share, span_in};
use crate::input::Bytes;

/// Files in one input are separated by NUL, which JSON text cannot hold.
pub const FILE_SEPARATOR: char = '\0';

// ---------------------------------------------------------------------------
// content_file: one to four content files of any kind, read as the app and
// the CLI read them.

pub fn content_file(text: &str) {
    let sources: Vec<Source> = text
        .split(FILE_SEPARATOR)
        .take(4)
        .enumerate()
        .map(|(i, t)| Source::new(format!("content/f{i}.json"), t))
        .collect();
    let mut scenario = false;
    for source in &sources {
        match file::parse(&source.name, &source.text) {
            Err(finding) => {
                assert_eq!(finding.file, source.name);
                finding_in(&source.text, &finding);
            }
            Ok(parsed) => {
                scenario |= matches!(parsed, ContentFile::Scenario(_));
                model_round_trip(&source.name, &parsed);
            }
        }
    }
    // The analyser (authoring only) has its own target, scenario_file.
    let report = if scenario {
        Library::load(sources.clone())
    } else {
        Library::load_for_authoring(sources.clone())
    };
    for finding in &report.findings {
        let Some(source) = sources.iter().find(|s| s.name == finding.file) else {
            panic!("finding for a file that was not loaded: {finding}");
        };
        finding_in(&source.text, finding);
    }
    for summary in &report.files {
        assert!(
            sources.iter().any(|s| s.name == summary.name),
            "summary of an unknown file {}",
            summary.name
        );
    }
    // What the build writes from the same files.
    let (manifest, bundles) = Manifest::build(&sources);
    for name in &manifest.files {
        assert!(
            sources.iter().any(|s| &s.name == name),
            "manifest lists {name}"
        );
    }
    let _ = bundles;
    // The learner pages trust the manifest's verdicts instead of checking
    // again, with the readers of the kinds the manifest says the files
    // hold: they must keep exactly what the checks kept.
    let kinds = manifest.kinds(sources.iter().map(|s| s.name.as_str()));
    let mut trusting = Loading::with_gate(
        sources.clone(),
        Box::new(manifest.trusted()),
        Readers::of(kinds),
    );
    while trusting.step() {}
    let trusted = trusting.finish();
    assert_eq!(
        trusted.library, report.library,
        "trusting the build's verdicts kept something else"
    );
    // A run reads the files the build passed whole, without the checks:
    // when it does, it reads what the full reader does.
    if let Some(quick) = passed::read(&sources, &manifest.trusted()) {
        assert_eq!(quick, trusted, "reading passed files whole differs");
    }
    let _ = QuestionCatalog::of(&report);
    let _ = InterviewCatalog::of(&report);
    let _ = BuildReport::of(&report);
    for exam in stats::exam_stats(&report.library) {
        let _ = exam;
    }
}

/// What was read, written back as JSON, reads as the same thing.
fn model_round_trip(name: &str, parsed: &ContentFile) {
    let (value, kind) = match parsed {
        ContentFile::Exam(x) => (serde_json::to_value(x), "exam"),
        ContentFile::QuestionSet(x) => (serde_json::to_value(x), "question-set"),
        ContentFile::Scenario(x) => (serde_json::to_value(x), "scenario"),
        ContentFile::InterviewSet(x) => (serde_json::to_value(x), "interview-set"),
        ContentFile::Shift(x) => (serde_json::to_value(x), "shift"),
    };
    let mut value = value.expect("the content model serializes");
    if let Some(object) = value.as_object_mut() {
        object.insert("kind".into(), kind.into());
    }
    let text = value.to_string();
    match file::parse(name, &text) {
        Ok(again) => assert_eq!(&again, parsed, "written back as {text}"),
        Err(finding) => panic!("written back as {text}, it does not read: {finding}"),
    }
}

// ---------------------------------------------------------------------------
// locate: the JSON locator on any text; on valid JSON, every path it is
// asked for must lead to that value.

pub fn locate_in(text: &str) {
    let len = text.len();
    for offset in [0, 1, len / 3, len / 2, len.saturating_sub(1), len, len + 7] {
        let position = Position::of_offset(text, offset);
        check::position_in(text, position.line, position.column, "of_offset");
        let _ = path_at(text, offset);
    }
    let lines = text.split('\n').count();
    for (line, column) in [
        (1, 1),
        (lines, 1),
        (lines, len + 1),
        (lines + 1, 3),
        (lines / 2 + 1, 5),
    ] {
        let offset = offset_of(text, line, column);
        assert!(
            offset <= len && text.is_char_boundary(offset),
            "offset_of({line}, {column}) = {offset}"
        );
    }
    match serde_json::from_str::<Tree>(text) {
        Ok(tree) => {
            let mut paths = Vec::new();
            tree.paths(JsonPath::root(), &mut paths);
            // At most 48 paths, spread over the file.
            let step = paths.len() / 48 + 1;
            for (path, expected) in paths.iter().step_by(step) {
                located_value_is(text, path, expected);
            }
        }
        Err(_) => {
            for path in [
                JsonPath::root().key("kind"),
                JsonPath::root().key("questions").index(1).key("id"),
                JsonPath::root()
                    .key("nodes")
                    .index(0)
                    .key("choices")
                    .index(1),
                JsonPath::root().index(2).key("a"),
            ] {
                let p = locate(text, &path);
                check::position_in(text, p.line, p.column, &format!("locate({path})"));
            }
        }
    }
}

fn located_value_is(text: &str, path: &JsonPath, expected: &Tree) {
    let p = locate(text, path);
    check::position_in(text, p.line, p.column, &format!("locate({path})"));
    let at = check::offset_of_position(text, p);
    let mut values = serde_json::Deserializer::from_str(&text[at..]).into_iter::<Tree>();
    match values.next() {
        Some(Ok(found)) => assert_eq!(
            &found, expected,
            "locate({path}) = {}:{} found another value",
            p.line, p.column
        ),
        other => panic!(
            "locate({path}) = {}:{} is not at a value: {other:?}",
            p.line, p.column
        ),
    }
    // And back: the value being read there has this path.
    let back = path_at(text, at + 1);
    let wanted = match expected {
        Tree::Array(_) => path.index(0),
        _ => path.clone(),
    };
    assert_eq!(back, wanted, "path_at(locate({path}) + 1)");
}

/// A JSON value that keeps every key in order, repeats included (the
/// locator finds the first of repeated keys; serde_json's Value the last).
#[derive(Debug, PartialEq)]
enum Tree {
    Scalar(serde_json::Value),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl Tree {
    /// Every path and the value there; a repeated key only at its first.
    fn paths<'a>(&'a self, at: JsonPath, out: &mut Vec<(JsonPath, &'a Tree)>) {
        match self {
            Tree::Scalar(_) => {}
            Tree::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    item.paths(at.index(i), out);
                }
            }
            Tree::Object(entries) => {
                let mut seen = HashSet::new();
                for (key, value) in entries {
                    if seen.insert(key.as_str()) {
                        value.paths(at.key(key), out);
                    }
                }
            }
        }
        out.push((at, self));
    }
}

impl<'de> serde::Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Tree;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
                Ok(Tree::Scalar(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
                Ok(Tree::Scalar(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
                Ok(Tree::Scalar(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
                Ok(Tree::Scalar(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
                Ok(Tree::Scalar(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Tree, E> {
                Ok(Tree::Scalar(serde_json::Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Tree::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Tree::Object(entries))
            }
        }
        d.deserialize_any(Visit)
    }
}

// ---------------------------------------------------------------------------
// store: any text stored under a document's key.

/// The documents, in the order of the input's first byte.
pub const DOCUMENTS: [&str; 9] = [
    Progress::KEY,
    ExamLog::KEY,
    ScenarioLog::KEY,
    InterviewLog::KEY,
    BackupLog::KEY,
    ActiveExam::KEY,
    PracticeRuns::KEY,
    Drafts::KEY,
    ActiveMock::KEY,
];

pub fn store(data: &[u8]) {
    let mut input = Bytes::new(data);
    let which = input.u8();
    let text = input.rest_text();
    match usize::from(which) % DOCUMENTS.len() {
        0 => store_one::<Progress>(&text),
        1 => store_one::<ExamLog>(&text),
        2 => store_one::<ScenarioLog>(&text),
        3 => store_one::<InterviewLog>(&text),
        4 => store_one::<BackupLog>(&text),
        5 => store_one::<ActiveExam>(&text),
        6 => store_one::<PracticeRuns>(&text),
        7 => store_one::<Drafts>(&text),
        _ => store_one::<ActiveMock>(&text),
    }
}

fn store_one<D: Document + PartialEq + std::fmt::Debug + Clone>(text: &str) {
    let doc: D = check::store_round_trip(text);
    // Merging what another tab read of the same text must save and read
    // back too.
    let mut merged = doc.clone();
    merged.merge(doc);
    check::assert_reads_back(&merged);
}

// ---------------------------------------------------------------------------
// interview: any text scored against a bundled question, as a technical
// answer and as a STAR answer.

pub fn interview(data: &[u8]) {
    let mut input = Bytes::new(data);
    let which = usize::from(input.u8());
    let seconds = f64::from(input.u8()) * 3.0;
    let text = input.rest_text();
    let questions = bundled::interview();
    let Some(question) = questions.get(which % questions.len().max(1)) else {
        return;
    };
    text_spans(&text);

    let technical = score_technical(&text, question);
    feedback(&technical, question, |_| text.as_str());

    // Parts separated by \u{1}, or found by the STAR detector.
    let answer = if text.contains('\u{1}') {
        let mut parts = text.splitn(4, '\u{1}').map(str::to_owned);
        StarAnswer {
            situation: parts.next().unwrap_or_default(),
            task: parts.next().unwrap_or_default(),
            action: parts.next().unwrap_or_default(),
            result: parts.next().unwrap_or_default(),
        }
    } else {
        detect::split(&text)
    };
    let star = score_star(&answer, question);
    feedback(&star, question, |part| answer.part(part));

    let (wpm, fillers) = speech_metrics(&text, seconds);
    let _ = wpm;
    assert!(
        fillers.is_finite() && fillers >= 0.0,
        "fillers per minute {fillers}"
    );
}

/// Spans the text helpers give lie in the text, on character boundaries.
fn text_spans(text: &str) {
    for t in tokens(text) {
        span_in(text, t.start, t.end, "token");
    }
    for c in prose::clauses(text) {
        span_in(text, c.start, c.end, "clause");
    }
    let (mine, ours) = words::pronouns(text);
    for (what, spans) in [
        ("number", words::numbers(text)),
        ("filler", words::fillers(text)),
        ("specific", words::specifics(text)),
        ("I", mine),
        ("we", ours),
    ] {
        for s in spans {
            span_in(text, s.start, s.end, what);
        }
    }
    let range = text.as_ptr() as usize..=text.as_ptr() as usize + text.len();
    for sentence in detect::sentences(text) {
        let at = sentence.as_ptr() as usize;
        assert!(
            range.contains(&at) && range.contains(&(at + sentence.len())),
            "a sentence outside the text"
        );
    }
}

fn feedback<'a>(f: &Feedback, q: &InterviewQuestion, part_text: impl Fn(Part) -> &'a str) {
    percent(f.score, "interview score");
    assert_eq!(f.band, Band::of(f.score), "band of {}", f.score);
    for c in &f.criteria {
        share(c.score, &format!("criterion {:?}", c.id));
        for h in &c.highlights {
            span_in(
                part_text(h.part),
                h.start,
                h.end,
                &format!("highlight of {:?}", c.id),
            );
        }
    }
    assert_eq!(
        f.key_points.len(),
        q.key_points.len(),
        "one result per key point"
    );
    for k in &f.key_points {
        for (part, start, end) in k.found.iter().chain(&k.contradicted) {
            span_in(
                part_text(*part),
                *start,
                *end,
                &format!("key point {}", k.label),
            );
        }
    }
    for (part, start, end) in &f.lists {
        span_in(part_text(*part), *start, *end, "list");
    }
    assert!(f.improvements.len() <= 3, "at most three improvements");
}

// ---------------------------------------------------------------------------
// scenario_play: a bundled scenario played by a script of choices.

/// A choice byte that asks for a choice that is not on offer.
pub const NOT_OFFERED: u8 = 0xFE;
/// Ends the script; what follows is the notes, a NUL, then the hand-off.
pub const END_OF_SCRIPT: u8 = 0xFF;

pub fn scenario_play(data: &[u8]) {
    let scenarios = bundled::scenarios();
    if scenarios.is_empty() {
        return;
    }
    let mut input = Bytes::new(data);
    let s = &scenarios[usize::from(input.u8()) % scenarios.len()];
    let seed = input.u64();
    let priority = input.u8();
    let script = input.until(END_OF_SCRIPT).to_vec();
    let rest = input.rest_text();
    let (notes, handoff) = rest.split_once(FILE_SEPARATOR).unwrap_or((&rest, ""));
    play_script(s, seed, &script, priority, notes, handoff);
}

/// Plays `script` (each byte picks among the choices on offer, in written
/// order) and checks the play, its debrief, its draft and its record.
pub fn play_script(
    s: &Scenario,
    seed: u64,
    script: &[u8],
    priority: u8,
    notes: &str,
    handoff: &str,
) -> Play {
    let mut play = Play::start(s, seed);
    assert_eq!(play, Play::start(s, seed), "a start is deterministic");
    for &pick in script {
        let offered = play.offered(s);
        let before = (play.minutes, play.turns.len());
        let id = match offered.get(usize::from(pick) % offered.len().max(1)) {
            Some(c) if pick != NOT_OFFERED => c.id.clone(),
            _ => "\u{1}not-a-choice".to_owned(),
        };
        let shown = play.shown(s);
        assert_eq!(shown.len(), offered.len(), "shown and offered differ");
        let result = play.choose(s, &id);
        if result.is_ok() {
            assert_eq!(play.turns.len(), before.1 + 1);
            assert!(play.minutes >= before.0, "the clock went back");
        } else {
            assert_eq!(
                (play.minutes, play.turns.len()),
                before,
                "a refused choice changed the play"
            );
        }
        play_state(&play, s);
        if play.is_over() && pick % 3 == 0 {
            break;
        }
    }
    if priority & 0x80 != 0 {
        let level = |b: u8| Level::ALL[usize::from(b) % Level::ALL.len()];
        play.set_priority(level(priority), level(priority >> 2));
    }
    let _ = play.user_line(s);
    let _ = play.closing_text(s);

    // A reload replays the saved choices into the same play.
    let draft = Draft::of(&play, notes, handoff, 5);
    let mut replayed = draft.replay(s, seed);
    replayed.priority = play.priority;
    assert_eq!(replayed, play, "the draft replays into another play");
    let mut drafts = Drafts::default();
    drafts.put("fuzz", draft);
    check::assert_reads_back(&drafts);

    if play.is_over() {
        let d = debrief(s, &play, notes, handoff);
        debrief_state(&d, notes, handoff, s);
        let record = ScenarioRecord::of(&play, &d, 9);
        let log = ScenarioLog {
            plays: vec![record],
            ..ScenarioLog::default()
        };
        check::assert_reads_back(&log);
    }
    play
}

fn play_state(play: &Play, s: &Scenario) {
    assert!(play.frustration <= 100, "frustration {}", play.frustration);
    assert_eq!(play.mood(), Mood::of(play.frustration));
    assert_eq!(play.mood_history().len(), play.turns.len() + 1);
    if !play.is_over() {
        assert!(
            s.nodes.iter().any(|n| n.id == play.node),
            "a play in progress at unknown node {}",
            play.node
        );
    }
}

pub fn debrief_state(d: &Debrief, notes: &str, handoff: &str, s: &Scenario) {
    percent(d.overall, "overall");
    for dim in &d.dimensions {
        percent(dim.score, &format!("{:?} score", dim.dimension));
        percent(dim.credit, &format!("{:?} credit", dim.dimension));
    }
    share(d.notes_share, "notes share");
    if !d.critical.is_empty() {
        assert_eq!(d.overall, 0, "a critical mistake scores zero");
    }
    assert_eq!(d.facts.len(), s.notes.facts.len());
    for f in &d.facts {
        if let Some((start, end)) = f.found {
            let text = match f.section {
                firstline_core::content::scenario::NoteSection::Notes => notes,
                firstline_core::content::scenario::NoteSection::Handoff => handoff,
            };
            span_in(text, start, end, &format!("fact {}", f.id));
        }
    }
}

// ---------------------------------------------------------------------------
// scenario_file: any text as a scenario file, read, analysed as authors do,
// played along a few paths and debriefed.

pub fn scenario_file(text: &str) {
    let name = "scenarios/fuzz.json";
    let sources = vec![Source::new(name, text)];
    let report = Library::load_for_authoring(sources);
    for finding in &report.findings {
        assert_eq!(finding.file, name, "{finding}");
        finding_in(text, finding);
    }
    let Some(s) = report.library.scenarios.first() else {
        return;
    };
    if let Some((_, analysis)) = report.analyses.first() {
        analysis_state(analysis);
    }
    // Along the best path, then always the first, always the last, and a
    // seeded mix of choices, with a note that states every fact.
    let notes = ideal_note(s);
    let best: Vec<u8> = {
        let mut play = Play::nominal(s);
        let mut picks = Vec::new();
        for id in &s.best_path {
            let offered = play.offered(s);
            let Some(at) = offered.iter().position(|c| &c.id == id) else {
                break;
            };
            picks.push(u8::try_from(at).unwrap_or(0));
            if play.choose(s, id).is_err() {
                break;
            }
        }
        picks
    };
    play_script(s, 0, &best, 0x80, &notes, &notes);
    let mut rng = fastrand_like(text.len() as u64);
    for seed in [1u64, 2, 3] {
        let script: Vec<u8> = (0..80)
            .map(|i| match seed {
                1 => 0,
                2 => 0xFD,
                _ => (rng.next() >> 56) as u8 ^ i,
            })
            .collect();
        play_script(s, seed, &script, 0x80 | seed as u8, &notes, "");
    }
}

fn analysis_state(a: &Analysis) {
    assert!(
        a.covered <= a.choices,
        "covered {} of {}",
        a.covered,
        a.choices
    );
    let check_path = |p: &PathScore, what: &str| {
        percent(p.overall, what);
        for (d, score) in &p.scores {
            percent(*score, &format!("{what} {d:?}"));
        }
    };
    for p in &a.scores {
        check_path(p, "path");
    }
    for (p, what) in [
        (&a.best, "best"),
        (&a.highest, "highest"),
        (&a.lowest, "lowest"),
    ] {
        if let Some(p) = p {
            check_path(p, what);
        }
    }
    if let (Some(h), Some(l)) = (&a.highest, &a.lowest) {
        assert!(
            h.overall >= l.overall,
            "highest {} below lowest {}",
            h.overall,
            l.overall
        );
    }
}

/// A note that states every fact of the scenario in a sentence.
fn ideal_note(s: &Scenario) -> String {
    s.notes
        .facts
        .iter()
        .filter_map(|f| f.phrases.first())
        .map(|p| format!("On the call today I confirmed that the {p} was the case for the user."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A tiny deterministic generator (xorshift), so scripts depend on the
/// input only.
struct XorShift(u64);

fn fastrand_like(seed: u64) -> XorShift {
    XorShift(seed | 1)
}

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
