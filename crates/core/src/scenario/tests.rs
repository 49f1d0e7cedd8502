//! Engine, scoring, analyser and validator tests on small scenarios built
//! from JSON. Each scoring rule has a test that plays the cheat (a mistake
//! then a recovery, a keyword list, a fact never learnt) and sees it lose.

use serde_json::{json, Value};

use crate::content::library::{Library, Source};
use crate::content::scenario::{Behaviour, CriticalMistake, Level, NoteSection, Outcome, Scenario};

use super::analyse::{analyse, apply_rules, Analysis, PathScore, Rule, Truncation, EXPLORE_LIMIT};
use super::debrief::{debrief, outcome_line, time_score, Debrief, Dimension, MISTAKE_MARK};
use super::notes::score_facts;
use super::play::{Mood, Play, PlayError, PlayMode, UndoError};

/// A small scenario: verify (or not), fix (or not), close. Patience 90,
/// starting frustration 50, one frustration point per minute, deadline 15.
/// The right priority is medium impact, high urgency: P2.
pub(super) fn base() -> Value {
    json!({
        "kind": "scenario", "id": "t", "title": "Test", "summary": "A test.",
        "duties": ["password-reset"], "difficulty": "easy",
        "persona": {
            "name": "Ana Silva", "department": "Sales", "role": "Rep", "technical": "low",
            "temperament": "brisk", "frustration": 50, "patience": 90, "time_pressure": 1,
            "variants": [{ "name": "Ben Okoro" }]
        },
        "ticket": { "channel": "chat", "category": "Accounts", "impact": "medium", "urgency": "high",
                    "deadline_minutes": 15, "subject": "Reset", "report": "I forgot my password." },
        "start": "hello",
        "nodes": [
            { "id": "hello", "user": { "calm": "Hi, {name} here.", "angry": "It's {name}. Hurry." },
              "choices": [
                { "id": "verify", "type": "ask", "text": "Can you confirm your employee ID?",
                  "effects": { "frustration": -10, "minutes": 2, "process": 5, "service": 2, "set": ["verified"] },
                  "feedback": "Verified first.", "behaviours": ["verified-identity"], "next": "fix" },
                { "id": "reset-now", "type": "act", "text": "Resetting it now.",
                  "effects": { "frustration": -5, "technical": 2 }, "critical": "unverified-change",
                  "feedback": "No verification.", "behaviours": ["skipped-verification"], "next": "fix" },
                { "id": "rude", "type": "say", "text": "Read the wiki.",
                  "effects": { "frustration": 30, "service": -5 },
                  "feedback": "Dismissive.", "behaviours": ["dismissive"], "next": "hello" },
                { "id": "calm-chat", "type": "say", "text": "Lovely weather!",
                  "requires": { "max_frustration": 30 },
                  "feedback": "Small talk only when calm.", "next": "hello" }
              ] },
            { "id": "fix", "user": { "annoyed": "So is it done?" },
              "choices": [
                { "id": "reset", "type": "act", "text": "Reset with a temporary password.",
                  "requires": { "flags": ["verified"] },
                  "effects": { "minutes": 3, "technical": 6, "set": ["reset"] }, "feedback": "Good.", "next": "end-ok" },
                { "id": "reset-unverified", "type": "act", "text": "Reset anyway.",
                  "requires": { "not_flags": ["verified"] },
                  "effects": { "minutes": 3, "technical": 3 }, "feedback": "Risky.", "next": "end-ok" },
                { "id": "escalate", "type": "escalate", "text": "Send to Tier 2.",
                  "effects": { "minutes": 1, "process": -2 }, "behaviours": ["escalated-too-soon"],
                  "feedback": "Too soon.", "next": "end-esc" },
                { "id": "wait", "type": "say", "text": "One moment...",
                  "effects": { "minutes": 6, "frustration": 5 }, "feedback": "Slow.", "next": "fix" }
              ] }
        ],
        "endings": [
            { "id": "end-ok", "outcome": "resolved", "text": "{name} is back in.", "service": 3,
              "alternatives": [ { "not_flags": ["reset"], "text": "{name} is in, but nobody reset anything properly." } ] },
            { "id": "end-esc", "outcome": "escalated", "tier": 2, "text": "Escalated." },
            { "id": "end-lost", "outcome": "gave-up", "text": "{name} hangs up." },
            { "id": "end-late", "outcome": "deadline-missed", "text": "Too slow." }
        ],
        "on_give_up": "end-lost",
        "on_deadline": "end-late",
        "best_path": ["verify", "reset"],
        "notes": { "facts": [
            { "id": "who", "label": "identity verified", "phrases": ["verified", "employee id"], "learnt_by": ["verify"] },
            { "id": "what", "label": "password reset", "phrases": ["reset password", "password reset", "temporary password"],
              "learnt_by": ["reset", "reset-unverified"] },
            { "id": "tier", "label": "what Tier 2 needs", "section": "handoff", "phrases": ["account history"] }
        ] }
    })
}

/// A note a good technician would write for the best path.
pub(super) const GOOD_NOTE: &str = "Caller verified with her employee ID. I did a password reset and gave her a temporary password by phone.";

pub(super) fn load(value: &Value) -> (Option<Scenario>, Vec<String>) {
    let report = Library::load(vec![Source::new(
        "scenarios/t.json",
        serde_json::to_string_pretty(value).unwrap(),
    )]);
    let findings = report.findings.iter().map(|f| f.to_string()).collect();
    (report.library.scenarios.into_iter().next(), findings)
}

fn scenario() -> Scenario {
    let (s, findings) = load(&base());
    assert!(findings.is_empty(), "{findings:#?}");
    s.unwrap()
}

/// A seed that keeps the default persona, so tests know the caller.
pub(super) fn seed_for_default(s: &Scenario) -> u64 {
    (0..100)
        .find(|&seed| Play::start(s, seed).name == "Ana Silva")
        .unwrap()
}

/// Plays the choices in order, sets the priority, and debriefs with `notes`.
fn played(
    s: &Scenario,
    choices: &[&str],
    priority: Option<(Level, Level)>,
    notes: &str,
) -> Debrief {
    let mut play = Play::start(s, seed_for_default(s));
    for c in choices {
        play.choose(s, c).unwrap();
    }
    if let Some((impact, urgency)) = priority {
        play.set_priority(impact, urgency);
    }
    debrief(s, &play, notes, "")
}

pub(super) const RIGHT: Option<(Level, Level)> = Some((Level::Medium, Level::High));

#[test]
fn effects_move_mood_clock_and_flags() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    assert_eq!(play.frustration, 50);
    assert_eq!(play.mood(), Mood::Annoyed);
    play.choose(&s, "verify").unwrap();
    // -10 for the choice, +2 for two minutes of time pressure.
    assert_eq!(play.frustration, 42);
    assert_eq!(play.minutes, 2);
    assert!(play.flags.contains("verified"));
    assert_eq!(play.node, "fix");
}

#[test]
fn lines_follow_the_mood_and_fill_in_the_name() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    // Annoyed has no line here: the nearest written one is used.
    assert_eq!(play.user_line(&s), "Hi, Ana here.");
    play.frustration = 80;
    assert_eq!(play.user_line(&s), "It's Ana. Hurry.");
}

#[test]
fn mood_thresholds_open_and_close_choices() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    let ids = |p: &Play| {
        p.offered(&s)
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(!ids(&play).contains(&"calm-chat".to_string()));
    play.frustration = 20;
    assert!(ids(&play).contains(&"calm-chat".to_string()));
}

#[test]
fn flag_conditions_decide_what_is_offered() {
    let s = scenario();
    let mut verified = Play::start(&s, seed_for_default(&s));
    verified.choose(&s, "verify").unwrap();
    let offered: Vec<&str> = verified.offered(&s).iter().map(|c| c.id.as_str()).collect();
    assert_eq!(offered, vec!["reset", "escalate", "wait"]);
    let mut unverified = Play::start(&s, seed_for_default(&s));
    unverified.choose(&s, "reset-now").unwrap();
    assert_eq!(
        unverified.choose(&s, "reset"),
        Err(PlayError::NotOffered("reset".into()))
    );
}

#[test]
fn the_user_gives_up_at_the_limit() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    play.choose(&s, "rude").unwrap(); // 50 + 30 + 1 = 81
    assert!(!play.is_over());
    play.choose(&s, "rude").unwrap(); // 81 + 31 ≥ 90
    assert_eq!(play.ending.as_deref(), Some("end-lost"));
    assert_eq!(play.choose(&s, "verify"), Err(PlayError::Over));
    assert_eq!(play.ending(&s).unwrap().outcome, Outcome::GaveUp);
}

#[test]
fn the_deadline_ends_the_play() {
    let mut v = base();
    v["persona"]["time_pressure"] = json!(0);
    let (s, _) = load(&v);
    let s = s.unwrap();
    let mut play = Play::start(&s, seed_for_default(&s));
    play.choose(&s, "verify").unwrap(); // 2 minutes
    play.choose(&s, "wait").unwrap(); // 8
    play.choose(&s, "wait").unwrap(); // 14
    assert!(!play.is_over());
    play.choose(&s, "wait").unwrap(); // 20 > 15
    assert_eq!(play.ending.as_deref(), Some("end-late"));
    let d = debrief(&s, &play, GOOD_NOTE, "");
    assert_eq!(d.outcome, Outcome::DeadlineMissed);
    assert_eq!(d.score(Dimension::Time), 0);
}

#[test]
fn the_same_seed_replays_the_same_call() {
    let s = scenario();
    let mut names = std::collections::BTreeSet::new();
    for seed in 0..40 {
        let a = Play::start(&s, seed);
        assert_eq!(a, Play::start(&s, seed));
        names.insert(a.name);
    }
    assert_eq!(names.len(), 2, "both the persona and its variant appear");
    let mut v = base();
    v["persona"]["mood_spread"] = json!(10);
    let s = load(&v).0.unwrap();
    let starts: std::collections::BTreeSet<u8> = (0..40)
        .map(|seed| Play::start(&s, seed).frustration)
        .collect();
    assert!(
        starts.len() > 3 && starts.iter().all(|f| (40..=60).contains(f)),
        "{starts:?}"
    );
}

// ---- the order choices are shown in ----------------------------------------

#[test]
fn choices_are_shown_in_a_seeded_order_so_position_gives_nothing_away() {
    let s = scenario();
    let mut first_is_best = 0;
    let mut positions = std::collections::BTreeSet::new();
    for seed in 0..200 {
        let mut play = Play::start(&s, seed);
        play.frustration = 50;
        let shown: Vec<String> = play.shown(&s).iter().map(|c| c.id.clone()).collect();
        let again: Vec<String> = play.shown(&s).iter().map(|c| c.id.clone()).collect();
        assert_eq!(shown, again, "the same play shows the same order");
        let mut sorted = shown.clone();
        sorted.sort();
        assert_eq!(sorted, vec!["reset-now", "rude", "verify"]);
        let at = shown.iter().position(|c| c == "verify").unwrap();
        positions.insert(at);
        if at == 0 {
            first_is_best += 1;
        }
    }
    assert_eq!(
        positions.len(),
        3,
        "the best choice appears in every position"
    );
    assert!(
        (40..=95).contains(&first_is_best),
        "first about a third of the time, not always: {first_is_best}/200"
    );
}

#[test]
fn a_pinned_choice_keeps_its_written_place() {
    let mut v = base();
    v["nodes"][0]["choices"][2]["pin"] = json!(true);
    let s = load(&v).0.unwrap();
    for seed in 0..50 {
        let mut play = Play::start(&s, seed);
        play.frustration = 50;
        let shown = play.shown(&s);
        assert_eq!(shown[2].id, "rude", "seed {seed}");
    }
}

#[test]
fn pressing_one_every_turn_does_not_win() {
    let s = scenario();
    let mut total = 0;
    for seed in 0..100 {
        let mut play = Play::start(&s, seed);
        while !play.is_over() {
            let first = play.shown(&s)[0].id.clone();
            play.choose(&s, &first).unwrap();
        }
        play.set_priority(Level::Medium, Level::High);
        total += debrief(&s, &play, GOOD_NOTE, "").overall;
    }
    assert!(total / 100 < 50, "pressing 1 averages {}", total / 100);
}

// ---- scoring ----------------------------------------------------------------

#[test]
fn the_best_path_with_a_good_note_and_the_right_priority_scores_100_everywhere() {
    let s = scenario();
    let d = played(&s, &["verify", "reset"], RIGHT, GOOD_NOTE);
    for dim in &d.dimensions {
        assert_eq!(dim.score, 100, "{:?}", dim.dimension);
    }
    assert_eq!(d.overall, 100);
    assert!(d.mistakes.is_empty() && d.critical.is_empty());
    assert!(d.good.contains(&Behaviour::VerifiedIdentity));
    assert_eq!(d.closing, "Ana is back in.");
}

#[test]
fn a_mistake_then_a_recovery_stays_on_the_record() {
    let s = scenario();
    let best = played(&s, &["verify", "reset"], RIGHT, GOOD_NOTE);
    let recovered = played(&s, &["rude", "verify", "reset"], RIGHT, GOOD_NOTE);
    assert!(
        recovered.overall + 10 <= best.overall,
        "recovery must not erase the mistake: {} vs {}",
        recovered.overall,
        best.overall
    );
    assert_eq!(recovered.mistakes.len(), 1);
    assert_eq!(recovered.mistakes[0].choice, "rude");
    assert_eq!(recovered.mistakes[0].turn, Some(0));
    assert_eq!(recovered.recoveries, vec!["verify", "reset"]);
    assert!(recovered.score(Dimension::Service) < 100);
    assert!(recovered.poor.contains(&Behaviour::Dismissive));
}

#[test]
fn every_repeat_of_a_mistake_costs_again() {
    let mut v = base();
    v["persona"]["patience"] = json!(100);
    v["persona"]["time_pressure"] = json!(0);
    v["nodes"][0]["choices"][2]["effects"]["frustration"] = json!(5);
    let s = load(&v).0.unwrap();
    let once = played(&s, &["rude", "verify", "reset"], RIGHT, GOOD_NOTE);
    let thrice = played(
        &s,
        &["rude", "rude", "rude", "verify", "reset"],
        RIGHT,
        GOOD_NOTE,
    );
    assert!(
        thrice.overall + 10 <= once.overall,
        "{} vs {}",
        thrice.overall,
        once.overall
    );
    assert_eq!(thrice.mistakes.len(), 3);
}

#[test]
fn a_critical_mistake_zeroes_the_score_and_names_the_harm() {
    let s = scenario();
    let d = played(&s, &["reset-now", "reset-unverified"], RIGHT, GOOD_NOTE);
    assert_eq!(
        d.critical,
        vec![("reset-now".to_string(), CriticalMistake::UnverifiedChange)]
    );
    assert_eq!(d.overall, 0);
    assert_eq!(d.outcome, Outcome::Resolved);
    assert_eq!(
        outcome_line(&d),
        "Resolved, but an account was changed for a caller nobody verified"
    );
    assert!(d.poor.contains(&Behaviour::SkippedVerification));
    assert_eq!(
        d.closing, "Ana is in, but nobody reset anything properly.",
        "the ending describes this path"
    );
}

#[test]
fn documentation_is_a_fifth_of_the_score_and_a_blank_note_earns_none_of_it() {
    let s = scenario();
    let blank = played(&s, &["verify", "reset"], RIGHT, "");
    assert_eq!(blank.score(Dimension::Documentation), 0);
    assert_eq!(blank.overall, 80);
}

#[test]
fn a_keyword_list_or_a_token_note_earns_no_facts() {
    let s = scenario();
    let keywords = played(
        &s,
        &["verify", "reset"],
        RIGHT,
        "verified employee id password reset temporary password verified employee id",
    );
    assert_eq!(
        keywords.score(Dimension::Documentation),
        0,
        "{:#?}",
        keywords.facts
    );
    let token = played(&s, &["verify", "reset"], RIGHT, "Verified. Password reset.");
    assert_eq!(token.score(Dimension::Documentation), 0);
    let note = played(&s, &["verify", "reset"], RIGHT, GOOD_NOTE);
    assert_eq!(note.score(Dimension::Documentation), 100);
}

#[test]
fn a_fact_earns_nothing_unless_it_was_learnt_on_the_path_played() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    play.choose(&s, "verify").unwrap();
    play.choose(&s, "escalate").unwrap();
    let results = score_facts(
        &s,
        &play,
        GOOD_NOTE,
        "Tier 2: please look at the account history for this user.",
    );
    let what = results.iter().find(|f| f.id == "what").unwrap();
    assert!(what.found.is_some(), "the note states it");
    assert!(!what.learnt, "but the reset never happened on this path");
    assert!(!what.credited());
    let tier = results.iter().find(|f| f.id == "tier").unwrap();
    assert_eq!(tier.section, NoteSection::Handoff);
    assert!(
        tier.credited(),
        "a fact known from the start needs no choice"
    );
    let d = debrief(
        &s,
        &play,
        GOOD_NOTE,
        "Tier 2: please look at the account history for this user.",
    );
    assert_eq!(
        d.score(Dimension::Documentation),
        67,
        "2 of 3 required facts"
    );
}

#[test]
fn notes_are_matched_by_stem_and_synonym_inside_sentences() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    play.choose(&s, "verify").unwrap();
    play.choose(&s, "reset").unwrap();
    let r = score_facts(
        &s,
        &play,
        "I confirmed the caller with her ID, then the password reset was done by me.",
        "",
    );
    assert!(
        r[0].found.is_some(),
        "'confirmed' matches 'verified' as a synonym"
    );
    assert!(r[1].found.is_some());
    assert!(
        r[2].found.is_none(),
        "hand-off facts are looked for in the hand-off only"
    );
}

#[test]
fn priority_comes_from_impact_and_urgency_and_a_wrong_one_costs_process() {
    let s = scenario();
    let right = played(&s, &["verify", "reset"], RIGHT, GOOD_NOTE);
    assert_eq!(right.priority.map(|p| p.label()), Some("P2"));
    assert_eq!(right.expected_priority.label(), "P2");
    let off_by_one = played(
        &s,
        &["verify", "reset"],
        Some((Level::Medium, Level::Medium)),
        GOOD_NOTE,
    );
    assert_eq!(off_by_one.priority.map(|p| p.label()), Some("P3"));
    assert_eq!(off_by_one.score(Dimension::Process), 85);
    assert_eq!(off_by_one.mistakes[0].choice, "priority");
    let unset = played(&s, &["verify", "reset"], None, GOOD_NOTE);
    assert_eq!(unset.score(Dimension::Process), 70);
    assert!(unset.overall < off_by_one.overall);
    assert!(off_by_one.overall <= 100 - MISTAKE_MARK);
}

#[test]
fn time_never_penalises_the_best_pace() {
    assert_eq!(time_score(5, 5), 100);
    assert_eq!(time_score(3, 5), 100);
    assert_eq!(time_score(10, 5), 0);
    assert_eq!(time_score(99, 5), 0);
    assert_eq!(time_score(u32::MAX, 0), 0);
    let s = scenario();
    let slow = played(&s, &["verify", "wait", "reset"], RIGHT, GOOD_NOTE);
    assert_eq!(
        slow.score(Dimension::Time),
        0,
        "11 minutes against the best path's 5"
    );
}

// ---- the playthrough analyser ------------------------------------------------

#[test]
fn the_analyser_plays_every_path_and_finds_the_range() {
    let s = scenario();
    let a = analyse(&s);
    assert!(a.exhaustive);
    assert_eq!(a.best.as_ref().map(|b| b.overall), Some(100));
    assert_eq!(a.highest.as_ref().map(|b| b.overall), Some(100));
    assert_eq!(a.lowest.as_ref().map(|b| b.overall), Some(0));
    assert!(a.endings_reached.contains("end-esc"));
    assert_eq!(a.covered, 7, "calm-chat needs a calm caller, never reached");
    assert!(a.problems.is_empty(), "{:#?}", a.problems);
}

#[test]
fn choices_for_a_calmer_caller_are_played_from_the_ends_of_the_mood_spread() {
    let mut v = base();
    v["persona"]["mood_spread"] = json!(25);
    let s = load(&v).0.unwrap();
    let a = analyse(&s);
    assert_eq!(
        a.covered, 8,
        "calm-chat is reached by a caller who starts calm"
    );
    assert!(a
        .scores
        .iter()
        .any(|p| p.choices.contains(&"calm-chat".to_string())));
}

fn rules_broken(v: &Value) -> Vec<Rule> {
    let s = load(v).0.expect("loads");
    analyse(&s).problems.iter().map(|p| p.rule).collect()
}

#[test]
fn the_analyser_flags_a_best_path_below_the_top() {
    let mut v = base();
    v["endings"][0]["process"] = json!(-1);
    assert!(rules_broken(&v).contains(&Rule::BestBelowTop));
}

#[test]
fn the_analyser_flags_a_mistake_that_costs_too_little() {
    let mut v = base();
    v["nodes"][1]["choices"].as_array_mut().unwrap().push(json!({
        "id": "reset-jargon", "type": "act", "text": "Resetting the AD object's pwdLastSet.",
        "requires": { "flags": ["verified"] },
        "effects": { "minutes": 3, "technical": 6, "set": ["reset"] }, "behaviours": ["used-jargon"],
        "feedback": "Jargon.", "next": "end-ok"
    }));
    v["notes"]["facts"][1]["learnt_by"] = json!(["reset", "reset-unverified", "reset-jargon"]);
    assert!(rules_broken(&v).contains(&Rule::MistakeNearBest));
    // A real cost fixes it.
    v["nodes"][1]["choices"][4]["effects"]["service"] = json!(-3);
    assert!(!rules_broken(&v).contains(&Rule::MistakeNearBest));
}

#[test]
fn the_analyser_flags_a_path_that_outscores_the_best_path() {
    let mut v = base();
    v["nodes"][1]["choices"][2]["effects"] = json!({ "minutes": 1, "process": 1 });
    v["nodes"][1]["choices"][2]["behaviours"] = json!([]);
    v["best_path"] = json!(["verify", "escalate"]);
    v["notes"]["facts"][1]["learnt_by"] = json!([]);
    assert!(
        !rules_broken(&v).contains(&Rule::OutscoresBest),
        "capped credit: resolving earns no more"
    );
    // An ending that costs the best path lets another path beat it.
    v["endings"][1]["process"] = json!(-3);
    let broken = rules_broken(&v);
    assert!(broken.contains(&Rule::OutscoresBest), "{broken:?}");
    assert!(broken.contains(&Rule::BestBelowTop));
}

#[test]
fn the_analyser_flags_a_critical_path_that_scores_high() {
    let path = |overall, critical| PathScore {
        choices: vec!["x".into()],
        ending: "e".into(),
        overall,
        scores: vec![(Dimension::Technical, 100)],
        mistakes: 1,
        critical,
    };
    let mut a = Analysis {
        best: Some(PathScore {
            mistakes: 0,
            ..path(100, false)
        }),
        ..Analysis::default()
    };
    apply_rules(&mut a, &[path(0, true)]);
    assert!(!a
        .problems
        .iter()
        .any(|p| p.rule == Rule::CriticalScoresHigh));
    apply_rules(&mut a, &[path(60, true)]);
    assert!(a
        .problems
        .iter()
        .any(|p| p.rule == Rule::CriticalScoresHigh));
}

#[test]
fn the_analyser_samples_when_the_paths_are_too_many_and_stays_bounded() {
    // 16 two-way steps that each loop back to the start: 2^16 paths.
    let mut v = base();
    let mut nodes = Vec::new();
    for i in 0..16 {
        let next = if i == 15 {
            "fix".to_string()
        } else {
            format!("n{}", i + 1)
        };
        nodes.push(json!({ "id": format!("n{i}"), "user": { "calm": "Go on." }, "choices": [
            { "id": format!("a{i}"), "type": "say", "text": "A", "effects": { "minutes": 0, "frustration": -1 }, "feedback": "x", "next": next },
            { "id": format!("b{i}"), "type": "say", "text": "B", "effects": { "minutes": 0, "frustration": -1 }, "feedback": "x", "next": next }
        ]}));
    }
    v["nodes"][0]["choices"][0]["next"] = json!("n0");
    v["nodes"].as_array_mut().unwrap().extend(nodes);
    v["best_path"] = json!([
        "verify", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12",
        "a13", "a14", "a15", "reset"
    ]);
    let s = load(&v).0.expect("loads");
    let started = std::time::Instant::now();
    let a = analyse(&s);
    assert!(!a.exhaustive);
    assert!(
        a.paths > 1000 && a.covered > 30,
        "{} paths, {} covered",
        a.paths,
        a.covered
    );
    assert!(started.elapsed().as_secs() < 60, "bounded work");
}

// ---- the validator on broken scenarios -------------------------------------

fn findings_for(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = base();
    change(&mut v);
    let (s, findings) = load(&v);
    assert!(s.is_none(), "a broken scenario must not load");
    findings
}

pub(super) fn has(findings: &[String], needle: &str) -> bool {
    findings.iter().any(|f| f.contains(needle))
}

#[test]
fn a_dangling_link_is_found_with_its_node() {
    let f = findings_for(|v| v["nodes"][1]["choices"][0]["next"] = json!("nowhere"));
    assert!(
        has(&f, "choice \"reset\" in node \"fix\" leads to \"nowhere\""),
        "{f:#?}"
    );
    assert!(f[0].starts_with("scenarios/t.json:"), "{f:#?}");
    assert!(has(&f, "(at nodes[1].choices[0].next)"), "{f:#?}");
}

#[test]
fn an_unreachable_node_is_found() {
    let f = findings_for(|v| {
        v["nodes"].as_array_mut().unwrap().push(json!({
            "id": "orphan", "user": { "calm": "Hello?" },
            "choices": [{ "id": "o", "type": "say", "text": "Hi", "feedback": "x", "next": "end-ok" }]
        }))
    });
    assert!(has(&f, "node \"orphan\" can never be reached"), "{f:#?}");
}

#[test]
fn a_dead_end_is_found() {
    let f = findings_for(|v| {
        // Once verified, nothing in "fix" is offered but the flag-gated reset…
        v["nodes"][1]["choices"] = json!([
            { "id": "reset", "type": "act", "text": "Reset.", "requires": { "flags": ["never-set"] },
              "feedback": "x", "next": "end-ok" }
        ]);
    });
    assert!(has(&f, "node \"fix\" is a dead end"), "{f:#?}");
}

#[test]
fn an_endless_loop_is_found() {
    let f = findings_for(|v| {
        v["nodes"][1]["choices"] = json!([
            { "id": "wait", "type": "say", "text": "Wait.", "feedback": "x", "next": "fix" }
        ]);
    });
    assert!(
        has(&f, "from node \"fix\" no path ever reaches an ending"),
        "{f:#?}"
    );
}

#[test]
fn a_scenario_without_a_resolving_path_is_rejected() {
    let f = findings_for(|v| {
        v["endings"][0]["outcome"] = json!("escalated");
        v["endings"][0]["tier"] = json!(2);
    });
    assert!(has(&f, "no path resolves the ticket"), "{f:#?}");
}

#[test]
fn other_structural_problems_are_named() {
    let f = findings_for(|v| v["best_path"] = json!(["verify", "escalate-nope"]));
    assert!(has(&f, "best_path step 2 is \"escalate-nope\""), "{f:#?}");
    let f = findings_for(|v| v["on_give_up"] = json!("end-ok"));
    assert!(
        has(
            &f,
            "on_give_up names ending \"end-ok\" whose outcome is resolved"
        ),
        "{f:#?}"
    );
    let f = findings_for(|v| v["nodes"][0]["choices"][1]["id"] = json!("verify"));
    assert!(has(&f, "duplicate choice id \"verify\""), "{f:#?}");
    let f = findings_for(|v| v["persona"]["frustration"] = json!(95));
    assert!(has(&f, "could give up before the first word"), "{f:#?}");
}

#[test]
fn a_choice_that_skips_verification_must_name_its_critical_mistake() {
    let f = findings_for(|v| {
        v["nodes"][0]["choices"][1]
            .as_object_mut()
            .unwrap()
            .remove("critical");
    });
    assert!(has(&f, "choice \"reset-now\" skips verification"), "{f:#?}");
    let f = findings_for(|v| v["nodes"][0]["choices"][1]["critical"] = json!("oops"));
    assert!(has(&f, "unknown variant `oops`"), "{f:#?}");
}

#[test]
fn the_best_path_must_have_no_mistake_and_learn_every_fact() {
    let f = findings_for(|v| {
        v["best_path"] = json!(["rude", "verify", "reset"]);
    });
    assert!(
        has(&f, "best_path step 1 (\"rude\") is a mistake"),
        "{f:#?}"
    );
    let f = findings_for(|v| v["notes"]["facts"][1]["learnt_by"] = json!(["reset-unverified"]));
    assert!(
        has(&f, "fact \"what\" cannot be learnt on the best path"),
        "{f:#?}"
    );
    let f = findings_for(|v| v["notes"]["facts"][0]["learnt_by"] = json!(["nope"]));
    assert!(
        has(
            &f,
            "fact \"who\" is learnt by \"nope\", which is not a choice id"
        ),
        "{f:#?}"
    );
}

#[test]
fn the_length_cue_counts_best_choices_that_are_strictly_longest() {
    use super::cues::length_cue;
    let s = scenario();
    // "Can you confirm your employee ID?" (33) against "Resetting it now." and
    // "Read the wiki."; then "Reset with a temporary password." (32) against
    // "Send to Tier 2." and "One moment..." ("Reset anyway." needs no flag).
    let cue = length_cue(&s);
    assert_eq!((cue.items, cue.longest), (2, 2));
    let mut v = base();
    v["nodes"][0]["choices"][2]["text"] =
        json!("Have you tried reading the self-service wiki article first?");
    let s = load(&v).0.unwrap();
    assert_eq!(length_cue(&s).longest, 1);
    assert!((length_cue(&s).percent() - 50.0).abs() < 1e-9);
    assert!(length_cue(&s).over_limit(), "50% is over the 35% limit");
}

#[test]
fn a_saved_draft_replays_to_the_same_play() {
    use super::draft::{draft_name, Draft, Drafts};
    let s = scenario();
    let seed = 7;
    let mut play = Play::start(&s, seed);
    for c in ["rude", "verify"] {
        play.choose(&s, c).unwrap();
    }
    let mut drafts = Drafts::default();
    let name = draft_name(&s.id, seed, PlayMode::Assessed);
    drafts.put(&name, Draft::of(&play, "User locked out.", "", 100));
    let text = serde_json::to_string(&drafts).unwrap();
    let back: Drafts = serde_json::from_str(&text).unwrap();
    let draft = back.get(&name).unwrap();
    assert_eq!(draft.replay(&s, seed), play);
    assert_eq!(draft.notes, "User locked out.");
    // Finishing the play forgets it.
    let mut back = back;
    back.finish(&name);
    assert!(back.get(&name).is_none());
}

#[test]
fn a_draft_of_a_changed_scenario_stops_at_the_missing_choice() {
    use super::draft::Draft;
    let s = scenario();
    let draft = Draft {
        choices: vec!["verify".into(), "gone-choice".into(), "reset".into()],
        saved_at: 1,
        ..Draft::default()
    };
    let play = draft.replay(&s, 3);
    assert_eq!(play.turns.len(), 1);
    assert_eq!(play.node, "fix");
}

#[test]
fn an_empty_draft_is_not_kept_and_long_notes_are_cut() {
    use super::draft::{Draft, Drafts, MAX_NOTE_CHARS};
    let s = scenario();
    let play = Play::start(&s, 1);
    let mut drafts = Drafts::default();
    drafts.put("t:1", Draft::of(&play, "  ", "", 1));
    assert!(drafts.plays.is_empty());
    let long = "é".repeat(MAX_NOTE_CHARS + 50);
    let draft = Draft::of(&play, &long, "", 1);
    assert_eq!(draft.notes.chars().count(), MAX_NOTE_CHARS);
}

// ---- bounded work -------------------------------------------------------------

/// The base scenario with a detour of `k` two-way steps from the start that
/// loops back to its own beginning: every step offers two harmless
/// choices, and only a caller who is still as calm as at the start may
/// leave the loop at its last step, so almost no path ever finishes while
/// the paths explored grow as 4^k (two laps of 2^k).
fn loop_scenario(k: usize) -> Scenario {
    let mut v = base();
    v["nodes"][0]["choices"].as_array_mut().unwrap().push(
        json!({ "id": "detour", "type": "say", "text": "Tell me more.",
            "effects": { "minutes": 0 }, "feedback": "Fine.", "next": "n0" }),
    );
    for i in 0..k {
        let next = if i + 1 == k {
            "n0".to_string()
        } else {
            format!("n{}", i + 1)
        };
        let mut choices = vec![
            json!({ "id": format!("a{i}"), "type": "say", "text": "A", "effects": { "minutes": 0 }, "feedback": "x", "next": next }),
            json!({ "id": format!("b{i}"), "type": "say", "text": "B", "effects": { "minutes": 0, "frustration": -1 }, "feedback": "x", "next": next }),
        ];
        if i + 1 == k {
            choices.push(json!({ "id": "out", "type": "say", "text": "Back to it.",
                "effects": { "minutes": 0 }, "requires": { "min_frustration": 50 },
                "feedback": "x", "next": "fix" }));
        }
        v["nodes"].as_array_mut().unwrap().push(
            json!({ "id": format!("n{i}"), "user": { "calm": "Go on." }, "choices": choices }),
        );
    }
    let (s, findings) = load(&v);
    assert!(findings.is_empty(), "{findings:#?}");
    s.unwrap()
}

#[test]
#[ignore = "timing figures for the report: cargo test --release -- --ignored --nocapture"]
fn loop_scenario_timings() {
    for k in [4, 6, 8, 10, 12, 24, 30] {
        let s = loop_scenario(k);
        let started = std::time::Instant::now();
        let a = analyse(&s);
        println!(
            "k={k}: {:?}, {} paths, exhaustive {}",
            started.elapsed(),
            a.paths,
            a.exhaustive
        );
    }
}

#[test]
fn a_loop_that_rarely_finishes_is_sampled_within_the_work_limit() {
    // Before the limit counted every state, k = 30 never returned (2^30
    // states per lap) and k = 24 took seconds in a release build.
    let s = loop_scenario(30);
    let started = std::time::Instant::now();
    let a = analyse(&s);
    assert!(!a.exhaustive);
    assert_eq!(a.sampled_because, Some(Truncation::Work));
    assert_eq!(a.explored, EXPLORE_LIMIT + 1);
    assert!(a.paths > 0, "the sample still scores paths");
    assert!(
        started.elapsed().as_secs() < 30,
        "bounded work, even in a debug build: {:?}",
        started.elapsed()
    );
}

#[test]
fn a_truncated_analysis_is_a_check_finding_with_the_scenario_and_the_fix() {
    let s = loop_scenario(30);
    let text = "{}";
    let mut reporter = crate::content::finding::Reporter::new("scenarios/loop.json", text);
    crate::content::check::scenario::check_scores(&s, &mut reporter);
    let findings: Vec<String> = reporter.finish().iter().map(|f| f.to_string()).collect();
    assert!(
        findings.iter().any(|f| f.contains("scenarios/loop.json")
            && f.contains("scenario \"t\" cannot be played exhaustively")
            && f.contains("loop more than they finish")
            && f.contains("give loops a way out")),
        "{findings:#?}"
    );
}

#[test]
fn a_small_scenario_is_still_played_exhaustively() {
    let a = analyse(&scenario());
    assert!(a.exhaustive);
    assert_eq!(a.sampled_because, None);
    assert!(a.explored > 0 && a.explored < EXPLORE_LIMIT);
}

#[test]
#[ignore = "figures for the bundled scenarios: cargo test --release -- --ignored --nocapture"]
fn bundled_scenario_timings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = Library::load(vec![Source::new("scenarios/x.json", text)]);
        let Some(s) = report.library.scenarios.first() else {
            continue;
        };
        let started = std::time::Instant::now();
        let a = analyse(s);
        println!(
            "{}: {:?}, explored {}, {} paths, exhaustive {}",
            s.id,
            started.elapsed(),
            a.explored,
            a.paths,
            a.exhaustive
        );
    }
}

// ---- numbers in range -----------------------------------------------------------

/// The base scenario with every number at the edge of its type, read
/// without the checks (as a fuzzer or a future caller might).
fn extreme() -> Scenario {
    let mut v = base();
    for c in v["nodes"][0]["choices"].as_array_mut().unwrap() {
        c["effects"] = json!({ "frustration": i32::MIN, "minutes": u32::MAX,
            "technical": i32::MAX, "service": i32::MIN, "process": i32::MAX, "set": ["verified"] });
    }
    for c in v["nodes"][1]["choices"].as_array_mut().unwrap() {
        c["effects"] = json!({ "frustration": i32::MAX, "minutes": 0,
            "technical": i32::MAX, "service": i32::MAX, "process": i32::MIN });
    }
    for e in v["endings"].as_array_mut().unwrap() {
        e["technical"] = json!(i32::MAX);
        e["service"] = json!(i32::MIN);
        e["process"] = json!(i32::MAX);
    }
    v["ticket"]["deadline_minutes"] = json!(u32::MAX);
    v["persona"]["time_pressure"] = json!(u8::MAX);
    serde_json::from_value(v).unwrap()
}

#[test]
fn extreme_numbers_never_overflow_in_the_play_the_debrief_or_the_analyser() {
    let s = extreme();
    for choices in [
        &["verify", "reset"][..],
        &["reset-now", "reset-unverified"],
        &["verify", "wait", "wait", "reset"],
        &["rude", "rude", "verify", "escalate"],
    ] {
        let mut play = Play::start(&s, 3);
        for c in choices {
            let _ = play.choose(&s, c);
        }
        play.set_priority(Level::Low, Level::Low);
        let d = debrief(&s, &play, GOOD_NOTE, "");
        assert!(d.overall <= 100);
        assert!(d
            .dimensions
            .iter()
            .all(|x| x.score <= 100 && x.credit <= 100));
        assert!(play.frustration <= 100);
    }
    let a = analyse(&s);
    assert!(a.scores.iter().all(|p| p.overall <= 100));
}

#[test]
fn every_number_in_a_scenario_has_bounds_that_check_names() {
    let findings = findings_for(|v| {
        v["ticket"]["deadline_minutes"] = json!(u32::MAX);
        v["nodes"][0]["choices"][0]["effects"] = json!({ "frustration": i32::MIN, "minutes": 99_999_999,
            "technical": i32::MAX, "service": -101, "process": 101, "set": ["verified"] });
        v["nodes"][0]["choices"][3]["requires"] =
            json!({ "max_frustration": 200, "min_frustration": 255 });
        v["endings"][0]["service"] = json!(i32::MAX);
    });
    for (at, needle) in [
        (
            "ticket.deadline_minutes)",
            "deadline_minutes 4294967295 is outside 1-10080",
        ),
        (
            "effects.frustration)",
            "frustration -2147483648 is outside -100 to 100",
        ),
        ("effects.minutes)", "minutes 99999999 is outside 0-480"),
        (
            "effects.technical)",
            "technical 2147483647 is outside -100 to 100",
        ),
        ("effects.service)", "service -101 is outside -100 to 100"),
        ("effects.process)", "process 101 is outside -100 to 100"),
        (
            "requires.max_frustration)",
            "max_frustration 200 is outside 0-100",
        ),
        (
            "requires.min_frustration)",
            "min_frustration 255 is outside 0-100",
        ),
        (
            "endings[0].service)",
            "service 2147483647 is outside -100 to 100",
        ),
    ] {
        assert!(
            findings
                .iter()
                .any(|f| f.contains(at) && f.contains(needle)),
            "{needle} {at}\n{findings:#?}"
        );
    }
}

// ---- practice and assessed plays -------------------------------------------

#[test]
fn an_assessed_play_cannot_take_back_a_choice() {
    let s = scenario();
    let mut play = Play::start(&s, 3);
    assert_eq!(play.mode, PlayMode::Assessed);
    play.choose(&s, "rude").unwrap();
    let before = play.clone();
    assert_eq!(play.undo(&s), Err(UndoError::Assessed));
    assert_eq!(play, before);
}

#[test]
fn undo_in_practice_restores_the_play_as_it_was_before_the_choice() {
    let s = scenario();
    let seed = seed_for_default(&s);
    let mut play = Play::start(&s, seed).in_mode(PlayMode::Practice);
    assert_eq!(play.undo(&s), Err(UndoError::NothingToUndo));
    play.choose(&s, "verify").unwrap();
    let after_verify = play.clone();
    play.set_priority(Level::Medium, Level::High);
    // A slow choice moves mood, clock and transcript; undoing it puts
    // every one back, keeps the priority set meanwhile, and counts the undo.
    play.choose(&s, "wait").unwrap();
    assert_ne!(play.frustration, after_verify.frustration);
    play.undo(&s).unwrap();
    assert_eq!(play.turns, after_verify.turns);
    assert_eq!(
        (play.frustration, play.minutes, &play.flags, &play.node),
        (
            after_verify.frustration,
            after_verify.minutes,
            &after_verify.flags,
            &after_verify.node
        )
    );
    assert_eq!(play.undone, 1);
    assert!(play.priority.is_some());
    // An ending can be taken back too.
    play.choose(&s, "reset").unwrap();
    assert!(play.is_over());
    play.undo(&s).unwrap();
    assert!(!play.is_over());
    assert_eq!(play.undone, 2);
    assert_eq!(play.mode, PlayMode::Practice);
}

#[test]
fn trying_every_choice_by_undo_is_practice_and_never_counts() {
    use crate::progress::{ScenarioLog, ScenarioRecord};
    let s = scenario();
    let seed = seed_for_default(&s);
    // The cheat: try a choice, undo whatever went badly, keep the best.
    let mut practice = Play::start(&s, seed).in_mode(PlayMode::Practice);
    practice.choose(&s, "rude").unwrap();
    practice.undo(&s).unwrap();
    practice.choose(&s, "verify").unwrap();
    practice.choose(&s, "reset").unwrap();
    practice.set_priority(Level::Medium, Level::High);
    let d = debrief(&s, &practice, GOOD_NOTE, "");
    let mut assessed = Play::start(&s, seed);
    assessed.choose(&s, "rude").unwrap();
    assessed.choose(&s, "verify").unwrap();
    assessed.choose(&s, "reset").unwrap();
    assessed.set_priority(Level::Medium, Level::High);
    let honest = debrief(&s, &assessed, GOOD_NOTE, "");
    let log = ScenarioLog {
        plays: vec![
            ScenarioRecord::of(&practice, &d, 1),
            ScenarioRecord::of(&assessed, &honest, 2),
        ],
        ..ScenarioLog::default()
    };
    let counted: Vec<u32> = log.assessed().map(|p| p.overall).collect();
    assert_eq!(counted, vec![honest.overall]);
    assert!(
        honest.overall < d.overall,
        "the undone mistake is not on the practice record"
    );
    assert_eq!(log.plays[0].undone, 1);
    assert_eq!(log.plays[0].mode, PlayMode::Practice);
}

#[test]
fn a_practice_draft_resumes_as_practice_under_its_own_name() {
    use super::draft::{draft_name, Draft};
    let s = scenario();
    let mut play = Play::start(&s, 5).in_mode(PlayMode::Practice);
    play.choose(&s, "rude").unwrap();
    play.undo(&s).unwrap();
    play.choose(&s, "verify").unwrap();
    let draft = Draft::of(&play, "", "", 10);
    let text = serde_json::to_string(&draft).unwrap();
    let back: Draft = serde_json::from_str(&text).unwrap();
    assert_eq!(back.replay(&s, 5), play);
    assert_ne!(
        draft_name(&s.id, 5, PlayMode::Practice),
        draft_name(&s.id, 5, PlayMode::Assessed)
    );
    // Drafts and records saved before modes existed read as assessed.
    let old: Draft = serde_json::from_str(r#"{"choices":["verify"],"saved_at":1}"#).unwrap();
    assert_eq!(old.replay(&s, 5).mode, PlayMode::Assessed);
}

#[test]
fn only_the_word_practice_in_an_address_makes_a_practice_play() {
    assert_eq!(PlayMode::from_query(Some("practice")), PlayMode::Practice);
    for other in [
        None,
        Some(""),
        Some("Practice"),
        Some("assessed"),
        Some("x"),
    ] {
        assert_eq!(PlayMode::from_query(other), PlayMode::Assessed);
    }
}
