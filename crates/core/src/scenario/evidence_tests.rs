//! Evidence and hints: opening tools (minutes, frustration, once only),
//! choices that depend on what was seen, undo and drafts with tools, hints
//! in practice only, the debrief's checks, the scoring rules with their
//! cheats, and the validator's findings with their locations.

use serde_json::{json, Value};

use crate::content::scenario::Scenario;

use super::analyse::analyse;
use super::debrief::{debrief, Dimension, MISTAKE_MARK};
use super::draft::{Draft, Drafts};
use super::evidence::{best_play, HintError, ToolError, CHECK_COST, HINT_COST};
use super::play::{Play, PlayMode, UndoError};
use super::tests::{base, has, load, seed_for_default, GOOD_NOTE, RIGHT};

/// The base scenario with three tools: the directory account (an expected
/// check, 2 minutes, everywhere), the ticket history (1 minute,
/// everywhere) and a knowledge-base article (3 minutes, only at "fix"); and
/// a choice at "fix" that is offered only once the account was seen.
fn with_tools() -> Value {
    let mut v = base();
    v["tools"] = json!([
        { "id": "account", "kind": "directory-account", "title": "Directory account: {name}",
          "minutes": 2, "expected": true,
          "points_to": "The account was locked by a phone still using the old password.",
          "content": { "rows": [
              { "label": "Locked", "value": "yes, at 08:52" },
              { "label": "Lockout source", "value": "mail server (phone)" } ] } },
        { "id": "history", "kind": "ticket-history", "title": "Ticket history",
          "content": { "rows": [ { "value": "No earlier tickets." } ] } },
        { "id": "kb", "kind": "knowledge-base", "title": "KB: password resets", "minutes": 3,
          "available_from": ["fix"],
          "content": { "command": "search: reset", "output": "KB0042 Resetting a password" } }
    ]);
    v["nodes"][1]["choices"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "fix-source", "type": "act", "text": "Clear the old password on the phone.",
            "requires": { "flags": ["verified"], "seen": ["account"] },
            "effects": { "minutes": 1, "technical": 2 },
            "feedback": "You acted on the lockout source.", "next": "end-ok"
        }));
    v
}

fn scenario() -> Scenario {
    let (s, findings) = load(&with_tools());
    assert!(findings.is_empty(), "{findings:#?}");
    s.unwrap()
}

fn start(s: &Scenario) -> Play {
    Play::start(s, seed_for_default(s))
}

#[test]
fn opening_a_tool_takes_its_minutes_and_is_recorded_once() {
    let s = scenario();
    let mut play = start(&s);
    assert_eq!((play.minutes, play.frustration), (0, 50));
    assert_eq!(play.open_tool(&s, "account"), Ok(true));
    // Two minutes at one frustration point a minute.
    assert_eq!((play.minutes, play.frustration), (2, 52));
    assert!(play.has_seen("account"));
    // Looking again is free and not recorded again.
    assert_eq!(play.open_tool(&s, "account"), Ok(false));
    assert_eq!(play.minutes, 2);
    assert_eq!(play.opened.len(), 1);
    // A tool without minutes takes one.
    play.open_tool(&s, "history").unwrap();
    assert_eq!(play.minutes, 3);
}

#[test]
fn unknown_and_unavailable_tools_are_refused() {
    let s = scenario();
    let mut play = start(&s);
    assert_eq!(
        play.open_tool(&s, "nope"),
        Err(ToolError::Unknown("nope".into()))
    );
    assert_eq!(
        play.open_tool(&s, "kb"),
        Err(ToolError::NotAvailable("kb".into()))
    );
    assert_eq!(play.minutes, 0);
    play.choose(&s, "verify").unwrap();
    assert_eq!(play.open_tool(&s, "kb"), Ok(true));
    play.choose(&s, "reset").unwrap();
    assert_eq!(play.open_tool(&s, "history"), Err(ToolError::Over));
    // What was opened can still be looked at, for free.
    let minutes = play.minutes;
    assert_eq!(play.open_tool(&s, "kb"), Ok(false));
    assert_eq!(play.minutes, minutes);
}

#[test]
fn looking_can_run_out_the_clock_or_the_callers_patience() {
    let mut v = with_tools();
    v["tools"][2]["available_from"] = json!([]);
    v["tools"][2]["minutes"] = json!(16);
    let (s, findings) = load(&v);
    assert!(findings.is_empty(), "{findings:#?}");
    let s = s.unwrap();
    let mut play = start(&s);
    play.open_tool(&s, "kb").unwrap();
    assert_eq!(play.ending.as_deref(), Some("end-late"));
}

#[test]
fn a_choice_needing_evidence_is_offered_only_once_it_was_seen() {
    let s = scenario();
    let mut play = start(&s);
    play.choose(&s, "verify").unwrap();
    let offered =
        |p: &Play| -> Vec<String> { p.offered(&s).iter().map(|c| c.id.clone()).collect() };
    assert!(!offered(&play).contains(&"fix-source".to_owned()));
    assert!(play.choose(&s, "fix-source").is_err());
    play.open_tool(&s, "account").unwrap();
    assert!(offered(&play).contains(&"fix-source".to_owned()));
    play.choose(&s, "fix-source").unwrap();
    assert!(play.is_over());
}

#[test]
fn undo_keeps_the_tools_opened_before_the_choice_and_takes_back_the_rest() {
    let s = scenario();
    let mut play = start(&s).in_mode(PlayMode::Practice);
    play.open_tool(&s, "account").unwrap();
    play.choose(&s, "verify").unwrap();
    play.open_tool(&s, "kb").unwrap();
    let at_fix = play.clone();
    play.choose(&s, "fix-source").unwrap();
    play.undo(&s).unwrap();
    // Back at "fix", with both tools still open: they came before the choice.
    assert_eq!(play.node, "fix");
    assert_eq!(play.opened, at_fix.opened);
    assert_eq!(
        (play.minutes, play.frustration),
        (at_fix.minutes, at_fix.frustration)
    );
    assert!(play.offered(&s).iter().any(|c| c.id == "fix-source"));
    // Taking back "verify" takes back the article opened after it.
    play.undo(&s).unwrap();
    assert_eq!(play.node, "hello");
    assert_eq!(play.tool_steps().len(), 1);
    assert!(play.has_seen("account") && !play.has_seen("kb"));
    assert_eq!(play.minutes, 2);
    // An assessed play still cannot undo.
    let mut assessed = start(&s);
    assessed.open_tool(&s, "account").unwrap();
    assessed.choose(&s, "verify").unwrap();
    assert_eq!(assessed.undo(&s), Err(UndoError::Assessed));
}

#[test]
fn a_draft_saves_the_tools_opened_and_an_older_draft_still_reads() {
    let s = scenario();
    let seed = seed_for_default(&s);
    let mut play = Play::start(&s, seed).in_mode(PlayMode::Practice);
    play.open_tool(&s, "history").unwrap();
    play.choose(&s, "verify").unwrap();
    play.hint(&s).unwrap();
    play.open_tool(&s, "account").unwrap();
    let mut drafts = Drafts::default();
    drafts.put("t", Draft::of(&play, "", "", 5));
    let text = serde_json::to_string(&drafts).unwrap();
    let back: Drafts = serde_json::from_str(&text).unwrap();
    let again = back.get("t").unwrap().replay(&s, seed);
    assert_eq!(again, play);
    // A draft saved before tools existed has no "tools" or "hints".
    let old = r#"{"choices":["verify"],"notes":"n","saved_at":3}"#;
    let draft: Draft = serde_json::from_str(old).unwrap();
    let replayed = draft.replay(&s, seed);
    assert_eq!(replayed.turns.len(), 1);
    assert!(replayed.opened.is_empty() && replayed.hints.is_empty());
    // A hint taken is kept (a reload cannot make it free); a hand-edited
    // draft cannot repeat one or place it past the call.
    let mut hinted = Play::start(&s, seed).in_mode(PlayMode::Practice);
    hinted.hint(&s).unwrap();
    assert!(!Draft::of(&hinted, "", "", 1).is_empty());
    let edited = Draft {
        hints: vec![0, 0, 0, 9],
        mode: PlayMode::Practice,
        ..Draft::default()
    };
    assert_eq!(edited.replay(&s, seed).hints, vec![0]);
    // Opening a tool alone is worth resuming.
    let mut only_tool = Play::start(&s, seed);
    only_tool.open_tool(&s, "account").unwrap();
    assert!(!Draft::of(&only_tool, "", "", 1).is_empty());
}

#[test]
fn hints_are_for_practice_only_and_cost_points() {
    let s = scenario();
    let mut assessed = start(&s);
    assert_eq!(assessed.hint(&s), Err(HintError::Assessed));
    assert!(assessed.hints.is_empty());

    let mut practice = start(&s).in_mode(PlayMode::Practice);
    // The first hint points at the expected check not yet made.
    let first = practice.hint(&s).unwrap();
    assert!(first.contains("Directory account: Ana"), "{first}");
    // Asking again at the same point is free.
    practice.hint(&s).unwrap();
    assert_eq!(practice.hints.len(), 1);
    practice.open_tool(&s, "account").unwrap();
    // Then the best choice's reason.
    assert_eq!(practice.hint(&s).unwrap(), "Verified first.");
    assert_eq!(practice.hints.len(), 1, "same point of the call");
    practice.choose(&s, "verify").unwrap();
    // A node's own hint comes before the best choice's feedback.
    let mut v = with_tools();
    v["nodes"][1]["hint"] = json!("Reset, {name}: the account is verified.");
    let (s2, f) = load(&v);
    assert!(f.is_empty(), "{f:#?}");
    let s2 = s2.unwrap();
    assert_eq!(
        practice.hint(&s2).unwrap(),
        "Reset, Ana: the account is verified."
    );
    assert_eq!(practice.hints.len(), 2);
    practice.choose(&s, "reset").unwrap();
    assert_eq!(practice.hint(&s), Err(HintError::Over));

    // The same play without hints scores HINT_COST more per hint.
    let mut clean = practice.clone();
    clean.hints.clear();
    for p in [&mut practice, &mut clean] {
        let (i, u) = RIGHT.unwrap();
        p.set_priority(i, u);
    }
    let with = debrief(&s, &practice, GOOD_NOTE, "");
    let without = debrief(&s, &clean, GOOD_NOTE, "");
    assert_eq!(without.overall, 100);
    assert_eq!(with.hints, 2);
    assert_eq!(with.overall, 100 - 2 * HINT_COST);
}

fn finished(s: &Scenario, tools_then_choices: &[&str]) -> Play {
    let mut play = start(s);
    for step in tools_then_choices {
        match step.strip_prefix("tool:") {
            Some(id) => {
                play.open_tool(s, id).unwrap();
            }
            None => play.choose(s, step).unwrap(),
        }
    }
    let (i, u) = RIGHT.unwrap();
    play.set_priority(i, u);
    play
}

#[test]
fn the_debrief_lists_checks_done_and_missed_with_where_they_pointed() {
    let s = scenario();
    let good = debrief(
        &s,
        &finished(&s, &["tool:account", "verify", "reset"]),
        GOOD_NOTE,
        "",
    );
    assert_eq!(good.overall, 100, "{good:#?}");
    assert_eq!(good.checks.len(), 1);
    assert!(good.checks[0].done && good.checks[0].expected);
    assert_eq!(good.checks[0].title, "Directory account: Ana");
    assert!(good.checks[0]
        .points_to
        .as_deref()
        .is_some_and(|p| p.contains("phone")));

    let skipped = debrief(&s, &finished(&s, &["verify", "reset"]), GOOD_NOTE, "");
    assert!(skipped.checks[0].missed());
    let m = skipped
        .mistakes
        .iter()
        .find(|m| m.choice == "check:account")
        .expect("a missed check is a mistake");
    assert_eq!(m.costs, vec![(Dimension::Process, CHECK_COST)]);
    assert!(m.feedback.contains("phone"), "{}", m.feedback);
    // Skipping the check saves two minutes but scores below the best path.
    assert_eq!(skipped.score(Dimension::Process), 100 - CHECK_COST);
    assert!(
        skipped.overall + MISTAKE_MARK <= good.overall - 3,
        "{}",
        skipped.overall
    );

    // A tool opened but not expected is listed as opened, not as a check.
    let extra = debrief(
        &s,
        &finished(&s, &["tool:account", "tool:history", "verify", "reset"]),
        GOOD_NOTE,
        "",
    );
    assert!(extra
        .checks
        .iter()
        .any(|c| c.tool == "history" && c.done && !c.expected));
}

#[test]
fn opening_every_tool_blindly_costs_time_and_mood_and_scores_below_the_best() {
    let s = scenario();
    let best = best_play(&s);
    let mut best_scored = best.clone();
    let (i, u) = RIGHT.unwrap();
    best_scored.set_priority(i, u);
    let best_d = debrief(&s, &best_scored, GOOD_NOTE, "");
    assert_eq!(best_d.overall, 100);
    // The best play opened the expected check and nothing else.
    assert_eq!(best.tool_steps().len(), 1);

    let blind = finished(
        &s,
        &["tool:account", "tool:history", "verify", "tool:kb", "reset"],
    );
    let blind_d = debrief(&s, &blind, GOOD_NOTE, "");
    assert!(blind.minutes > best.minutes);
    assert!(blind.frustration > best.frustration);
    assert!(blind_d.score(Dimension::Time) < 100);
    assert!(blind_d.overall < best_d.overall, "{}", blind_d.overall);
}

#[test]
fn the_analyser_opens_the_checks_and_judges_skipping_them() {
    let s = scenario();
    let a = analyse(&s);
    assert!(a.problems.is_empty(), "{:#?}", a.problems);
    let best = a.best.as_ref().unwrap();
    assert_eq!(best.overall, 100);
    assert_eq!(best.choices, ["tool:account", "verify", "reset"]);
    // The same choices without the check were played and scored lower.
    let skipped = a
        .scores
        .iter()
        .find(|p| p.choices == ["verify", "reset"])
        .expect("the path without the check is judged");
    assert!(skipped.mistakes > 0 && skipped.overall + 5 < 100);
    // The choice that needs the evidence was reached.
    assert!(a
        .scores
        .iter()
        .any(|p| p.choices.contains(&"fix-source".to_owned())));
}

// ---- the validator ----------------------------------------------------------

fn findings_for(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = with_tools();
    change(&mut v);
    let (s, findings) = load(&v);
    assert!(
        s.is_none(),
        "a broken scenario must not load: {findings:#?}"
    );
    findings
}

#[test]
fn an_unknown_tool_in_requires_seen_is_found_where_it_is_named() {
    let f = findings_for(|v| v["nodes"][1]["choices"][4]["requires"]["seen"] = json!(["acount"]));
    assert!(
        has(
            &f,
            "choice \"fix-source\" requires having seen \"acount\", which is not a tool id"
        ),
        "{f:#?}"
    );
    assert!(
        has(&f, "(at nodes[1].choices[4].requires.seen[0])"),
        "{f:#?}"
    );
    assert!(f[0].starts_with("scenarios/t.json:"), "{f:#?}");
}

#[test]
fn duplicate_tool_ids_and_unknown_nodes_are_found() {
    let f = findings_for(|v| {
        v["tools"][1]["id"] = json!("account");
        v["tools"][2]["available_from"] = json!(["fixx"]);
    });
    assert!(has(&f, "duplicate tool id \"account\""), "{f:#?}");
    assert!(has(&f, "(at tools[1].id)"), "{f:#?}");
    assert!(
        has(&f, "available from \"fixx\", which is not a node id"),
        "{f:#?}"
    );
    assert!(has(&f, "(at tools[2].available_from[0])"), "{f:#?}");
}

#[test]
fn tool_numbers_and_empty_evidence_are_found() {
    for (minutes, ok) in [(0, false), (1, true), (60, true), (61, false)] {
        let mut v = with_tools();
        v["tools"][1]["minutes"] = json!(minutes);
        let (_, f) = load(&v);
        assert_eq!(f.is_empty(), ok, "{minutes}: {f:#?}");
        if !ok {
            assert!(
                has(&f, &format!("minutes {minutes} is outside 1-60")),
                "{f:#?}"
            );
            assert!(has(&f, "(at tools[1].minutes)"), "{f:#?}");
        }
    }
    let f = findings_for(|v| v["tools"][1]["content"] = json!({ "rows": [] }));
    assert!(has(&f, "tool \"history\" shows nothing"), "{f:#?}");
    assert!(has(&f, "(at tools[1].content)"), "{f:#?}");
    let f = findings_for(|v| v["nodes"][0]["hint"] = json!(" "));
    assert!(has(&f, "(at nodes[0].hint)"), "{f:#?}");
}

#[test]
fn evidence_that_is_never_shown_is_found() {
    let f = findings_for(|v| {
        v["nodes"].as_array_mut().unwrap().push(json!({
            "id": "orphan", "user": { "calm": "Hello?" },
            "choices": [{ "id": "o", "type": "say", "text": "Hi", "feedback": "x", "next": "end-ok" }]
        }));
        v["tools"][1]["available_from"] = json!(["orphan"]);
    });
    assert!(has(&f, "tool \"history\" is never shown"), "{f:#?}");
    assert!(has(&f, "(at tools[1].available_from)"), "{f:#?}");
}

#[test]
fn a_choice_depending_on_evidence_that_cannot_have_been_seen_is_found() {
    // The article can be opened only at "fix"; a choice at "hello", which
    // comes before it, cannot depend on it.
    let f = findings_for(|v| v["nodes"][0]["choices"][0]["requires"] = json!({ "seen": ["kb"] }));
    assert!(
        has(&f, "choice \"verify\" depends on tool \"kb\", which cannot have been seen at node \"hello\""),
        "{f:#?}"
    );
    assert!(
        has(&f, "(at nodes[0].choices[0].requires.seen[0])"),
        "{f:#?}"
    );
    // At "fix" itself it can.
    let mut v = with_tools();
    v["nodes"][1]["choices"][4]["requires"]["seen"] = json!(["kb"]);
    assert!(load(&v).1.is_empty());
}

#[test]
fn an_expected_check_the_best_path_cannot_make_is_found() {
    let f = findings_for(|v| {
        v["nodes"].as_array_mut().unwrap().push(json!({
            "id": "side", "user": { "calm": "Hm?" },
            "choices": [{ "id": "back", "type": "say", "text": "Back", "feedback": "x", "next": "fix" }]
        }));
        v["nodes"][0]["choices"][3]["next"] = json!("side");
        v["tools"][0]["available_from"] = json!(["side"]);
    });
    assert!(
        has(
            &f,
            "tool \"account\" is an expected check, but no node on the best path offers it"
        ),
        "{f:#?}"
    );
    assert!(has(&f, "(at tools[0].expected)"), "{f:#?}");
}
