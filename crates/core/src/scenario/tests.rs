//! Engine and validator tests on small scenarios built from JSON.

use serde_json::{json, Value};

use crate::content::library::{Library, Source};
use crate::content::scenario::{Behaviour, NoteSection, Outcome, Scenario};
use crate::content::scenario_check::analyse;

use super::debrief::{debrief, score_notes, time_score, Dimension};
use super::play::{Mood, Play, PlayError};

/// A small scenario: verify (or not), fix (or not), close. Patience 90,
/// starting frustration 50, one frustration point per minute, SLA 15.
fn base() -> Value {
    json!({
        "kind": "scenario", "id": "t", "title": "Test", "summary": "A test.",
        "duties": ["password-reset"], "difficulty": "easy",
        "persona": {
            "name": "Ana Silva", "department": "Sales", "role": "Rep", "technical": "low",
            "temperament": "brisk", "frustration": 50, "patience": 90, "time_pressure": 1,
            "variants": [{ "name": "Ben Okoro" }]
        },
        "ticket": { "channel": "chat", "category": "Accounts", "priority": "P3", "sla_minutes": 15,
                    "subject": "Reset", "report": "I forgot my password." },
        "start": "hello",
        "nodes": [
            { "id": "hello", "user": { "calm": "Hi, {name} here.", "angry": "It's {name}. Hurry." },
              "choices": [
                { "id": "verify", "type": "ask", "text": "Can you confirm your employee ID?",
                  "effects": { "frustration": -10, "minutes": 2, "process": 5, "service": 2, "set": ["verified"] },
                  "feedback": "Verified first.", "behaviours": ["verified-identity"], "next": "fix" },
                { "id": "reset-now", "type": "act", "text": "Resetting it now.",
                  "effects": { "frustration": -5, "technical": 2 }, "critical": true,
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
                  "effects": { "minutes": 3, "technical": 6 }, "feedback": "Good.", "next": "end-ok" },
                { "id": "reset-unverified", "type": "act", "text": "Reset anyway.",
                  "requires": { "not_flags": ["verified"] },
                  "effects": { "minutes": 3, "technical": 3 }, "feedback": "Risky.", "next": "end-ok" },
                { "id": "escalate", "type": "escalate", "text": "Send to Tier 2.",
                  "effects": { "minutes": 1, "process": 1 }, "feedback": "Too soon.", "next": "end-esc" },
                { "id": "wait", "type": "say", "text": "One moment...",
                  "effects": { "minutes": 6, "frustration": 5 }, "feedback": "Slow.", "next": "fix" }
              ] }
        ],
        "endings": [
            { "id": "end-ok", "outcome": "resolved", "text": "{name} is back in.", "service": 3 },
            { "id": "end-esc", "outcome": "escalated", "tier": 2, "text": "Escalated." },
            { "id": "end-lost", "outcome": "gave-up", "text": "{name} hangs up." },
            { "id": "end-sla", "outcome": "sla-breached", "text": "Too slow." }
        ],
        "on_give_up": "end-lost",
        "on_sla_breach": "end-sla",
        "best_path": ["verify", "reset"],
        "notes": { "points": 10, "facts": [
            { "id": "who", "label": "identity verified", "phrases": ["verified", "employee id"] },
            { "id": "what", "label": "password reset", "phrases": ["reset password", "password reset", "temporary password"] },
            { "id": "tier", "label": "what Tier 2 needs", "section": "handoff", "phrases": ["account history"] }
        ] }
    })
}

fn load(value: &Value) -> (Option<Scenario>, Vec<String>) {
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
fn seed_for_default(s: &Scenario) -> u64 {
    (0..100)
        .find(|&seed| Play::start(s, seed).name == "Ana Silva")
        .unwrap()
}

#[test]
fn effects_move_mood_clock_points_and_flags() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    assert_eq!(play.frustration, 50);
    assert_eq!(play.mood(), Mood::Annoyed);
    play.choose(&s, "verify").unwrap();
    // -10 for the choice, +2 for two minutes of time pressure.
    assert_eq!(play.frustration, 42);
    assert_eq!(play.minutes, 2);
    assert!(play.flags.contains("verified"));
    assert_eq!((play.points.process, play.points.service), (5, 2));
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
fn the_clock_breaches_the_sla() {
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
    assert_eq!(play.ending.as_deref(), Some("end-sla"));
}

#[test]
fn endings_end_the_play_and_add_their_points() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    play.choose(&s, "verify").unwrap();
    play.choose(&s, "reset").unwrap();
    assert_eq!(play.ending.as_deref(), Some("end-ok"));
    assert_eq!(play.points.service, 2 + 3);
    assert_eq!(play.mood_history(), vec![50, 42, 45]);
}

#[test]
fn points_count_once_however_often_a_choice_is_taken() {
    let s = scenario();
    let mut play = Play::start(&s, seed_for_default(&s));
    play.frustration = 10;
    play.choose(&s, "rude").unwrap();
    play.choose(&s, "rude").unwrap();
    assert_eq!(play.points.service, -5);
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

#[test]
fn ticket_notes_are_matched_by_stem_and_synonym() {
    let s = scenario();
    let results = score_notes(
        &s.notes.facts,
        "Verified the user. Reset their password and gave a temp code.",
        "",
    );
    assert!(results[0].found.is_some(), "'verified' matches");
    assert!(
        results[1].found.is_none(),
        "'reset their password' is not a listed phrase"
    );
    let results = score_notes(&s.notes.facts, "Confirmed caller, password reset done", "");
    assert!(
        results[0].found.is_some(),
        "'confirmed' matches 'verified' as a synonym"
    );
    assert!(results[1].found.is_some());
    assert_eq!(results[2].section, NoteSection::Handoff);
    assert!(
        results[2].found.is_none(),
        "hand-off facts are looked for in the hand-off only"
    );
    let results = score_notes(&s.notes.facts, "", "Attached the account history.");
    assert!(results[2].found.is_some());
}

#[test]
fn debrief_scores_the_best_path_high_and_flags_critical_mistakes() {
    let s = scenario();
    let mut best = Play::start(&s, seed_for_default(&s));
    best.choose(&s, "verify").unwrap();
    best.choose(&s, "reset").unwrap();
    let d = debrief(
        &s,
        &best,
        "Verified employee ID, password reset with a temporary password.",
        "",
    );
    assert!(d.critical.is_empty());
    assert_eq!(d.notes_share, 1.0);
    let score = |dim: Dimension| {
        d.dimensions
            .iter()
            .find(|x| x.dimension == dim)
            .unwrap()
            .score
    };
    assert_eq!(score(Dimension::Technical), 100);
    assert_eq!(score(Dimension::Time), 100);
    assert!(d.overall >= 90, "{d:#?}");
    assert!(d.good.contains(&Behaviour::VerifiedIdentity));

    let mut risky = Play::start(&s, seed_for_default(&s));
    risky.choose(&s, "reset-now").unwrap();
    risky.choose(&s, "reset-unverified").unwrap();
    let d = debrief(&s, &risky, "", "");
    assert_eq!(d.critical, vec!["reset-now".to_string()]);
    assert_eq!(d.overall, 0);
    assert!(d.poor.contains(&Behaviour::SkippedVerification));
    assert_eq!(d.notes_share, 0.0);
}

#[test]
fn the_time_score_falls_from_half_the_sla_to_the_sla() {
    assert_eq!(time_score(5, 20), 100);
    assert_eq!(time_score(10, 20), 100);
    assert_eq!(time_score(15, 20), 50);
    assert_eq!(time_score(20, 20), 0);
    assert_eq!(time_score(99, 20), 0);
}

#[test]
fn analysis_reports_the_reachable_score_range() {
    let s = scenario();
    let a = analyse(&s);
    assert_eq!((a.technical.min, a.technical.max), (0, 6));
    assert_eq!((a.process.min, a.process.max), (0, 6));
    assert!(a.endings_reached.contains("end-esc"));
    assert!(!a.truncated);
}

// ---- the validator on broken scenarios -------------------------------------

fn findings_for(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = base();
    change(&mut v);
    let (s, findings) = load(&v);
    assert!(s.is_none(), "a broken scenario must not load");
    findings
}

fn has(findings: &[String], needle: &str) -> bool {
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
