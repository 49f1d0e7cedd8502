use crate::content::shift::{Action, Shift};
use crate::scenario::priority::{Level, Priority};

use super::play::{Decision, ShiftError, ShiftPlay, MAX_NOTE_CHARS};
use super::rules::{arrival_order_play, missed_targets, model_note, reference_play};
use super::score::report;

/// Five tickets: a P4 and a P3 waiting at the start, then a P1 (one more
/// report of an open major incident), a P2 and a VIP's P4. Taken as they
/// come, the P1 and the P2 miss their targets.
fn shift() -> Shift {
    serde_json::from_str(
        r#"{
  "kind": "shift", "id": "test-shift", "title": "Test", "summary": "s", "briefing": "b",
  "incidents": [{ "id": "INC1", "title": "Email down", "status": "Investigating" }],
  "tickets": [
    { "id": "mouse", "arrives": 0, "channel": "email",
      "requester": { "name": "Ann", "role": "Clerk" },
      "subject": "New mouse", "description": "My mouse scroll wheel sticks.",
      "impact": "low", "urgency": "low", "action": { "decision": "resolve" }, "minutes": 20,
      "why": "One person, a workaround.",
      "facts": [{ "id": "wheel", "label": "the scroll wheel sticks", "phrases": ["scroll wheel"] }] },
    { "id": "share", "arrives": 0, "channel": "chat",
      "requester": { "name": "Bo", "role": "Analyst" },
      "subject": "Share slow", "description": "The team share is slow for me today.",
      "impact": "medium", "urgency": "medium", "action": { "decision": "escalate", "tier": 2 }, "minutes": 15,
      "why": "Needs the storage team.",
      "facts": [{ "id": "slow", "label": "the share is slow", "phrases": ["share is slow", "slow share"] }] },
    { "id": "mail", "arrives": 5, "channel": "phone",
      "requester": { "name": "Cy", "role": "Buyer" },
      "subject": "No email", "description": "Outlook says disconnected for our whole floor.",
      "impact": "high", "urgency": "high", "action": { "decision": "link", "incident": "INC1" }, "minutes": 10,
      "why": "The open major incident.",
      "facts": [{ "id": "floor", "label": "the whole floor", "phrases": ["whole floor"] }] },
    { "id": "till", "arrives": 10, "channel": "phone",
      "requester": { "name": "Di", "role": "Shop lead" },
      "subject": "Card reader", "description": "The card reader on till 2 declines every card.",
      "impact": "medium", "urgency": "high", "action": { "decision": "resolve" }, "minutes": 15,
      "why": "A team cannot take payments.",
      "facts": [{ "id": "till2", "label": "which till", "phrases": ["till 2"] }] },
    { "id": "wallpaper", "arrives": 12, "channel": "email",
      "requester": { "name": "Ed", "role": "Chief executive", "vip": true },
      "subject": "Wallpaper", "description": "Please change my wallpaper to the new brand image.",
      "impact": "low", "urgency": "low", "action": { "decision": "resolve" }, "minutes": 5,
      "why": "A VIP's request is prioritised like anyone's.",
      "facts": [{ "id": "brand", "label": "the new brand image", "phrases": ["brand image"] }] }
  ]
}"#,
    )
    .unwrap()
}

fn decision(impact: Level, urgency: Level, action: Action, note: &str) -> Decision {
    Decision {
        impact,
        urgency,
        action,
        note: note.into(),
    }
}

#[test]
fn the_reference_play_meets_every_target_and_scores_100() {
    let s = shift();
    let play = reference_play(&s);
    assert!(play.finished(&s));
    assert_eq!(missed_targets(&s, &play), Vec::<String>::new());
    let r = report(&s, &play);
    assert_eq!(
        (r.triage, r.targets, r.notes, r.overall),
        (100, 100, 100, 100)
    );
    // The P3 waiting at the start goes first, then the P1 as it arrives.
    let order: Vec<&str> = play.handled.iter().map(|h| h.ticket.as_str()).collect();
    assert_eq!(order, ["share", "mail", "till", "mouse", "wallpaper"]);
}

#[test]
fn taking_tickets_as_they_come_misses_the_p1_and_the_p2() {
    let s = shift();
    let play = arrival_order_play(&s);
    assert_eq!(missed_targets(&s, &play), ["mail", "till"]);
    let r = report(&s, &play);
    assert_eq!(r.triage, 100);
    // P1 (4) and P2 (3) missed of 4+3+2+1+1 = 11: 4 of 11 met.
    assert_eq!(r.targets, 36);
    assert!(r.overall < 85, "{}", r.overall);
}

#[test]
fn the_same_answer_for_every_ticket_loses_whatever_it_is() {
    let s = shift();
    // Everything P1, everything escalated, keywords for notes, and even in
    // the best order: the cheat that needs no reading.
    for (impact, urgency, action) in [
        (Level::High, Level::High, Action::Escalate { tier: 2 }),
        (Level::High, Level::High, Action::Resolve),
        (Level::Low, Level::Low, Action::Resolve),
    ] {
        let mut play = ShiftPlay::new();
        for id in ["share", "mail", "till", "mouse", "wallpaper"] {
            while play.waiting(&s).iter().all(|t| t.id != id) {
                play.clock += 1;
            }
            let note = "scroll wheel share is slow whole floor till 2 brand image";
            play.take(&s, id, decision(impact, urgency, action.clone(), note))
                .unwrap();
        }
        let r = report(&s, &play);
        assert_eq!(r.notes, 0, "a keyword list is not a note");
        assert!(
            r.triage < 60,
            "{impact:?}/{urgency:?}/{action:?}: triage {}",
            r.triage
        );
        assert!(
            r.overall < 60,
            "{impact:?}/{urgency:?}/{action:?}: overall {}",
            r.overall
        );
    }
}

#[test]
fn a_vip_is_prioritised_by_impact_and_urgency_not_rank() {
    let s = shift();
    let mut play = reference_play(&s);
    let wallpaper = play
        .handled
        .iter_mut()
        .find(|h| h.ticket == "wallpaper")
        .unwrap();
    wallpaper.decision.impact = Level::Medium;
    wallpaper.decision.urgency = Level::High;
    let r = report(&s, &play);
    let t = r.tickets.iter().find(|t| t.id == "wallpaper").unwrap();
    assert_eq!(t.set_priority, Some(Priority::P2));
    assert_eq!(
        t.triage, 50,
        "the decision was right, the priority two steps off"
    );
    assert!(r.overall < 100);
}

#[test]
fn linking_to_the_wrong_place_or_escalating_to_the_wrong_tier_is_a_wrong_decision() {
    let s = shift();
    let mut play = reference_play(&s);
    for h in &mut play.handled {
        if h.ticket == "share" {
            h.decision.action = Action::Escalate { tier: 3 };
        }
    }
    let r = report(&s, &play);
    assert_eq!(
        r.tickets.iter().find(|t| t.id == "share").unwrap().triage,
        50
    );
}

#[test]
fn a_note_earns_only_the_facts_it_states_in_sentences() {
    let s = shift();
    let mouse = s.tickets.iter().find(|t| t.id == "mouse").unwrap();
    let mut play = ShiftPlay::new();
    play.take(
        &s,
        "mouse",
        decision(Level::Low, Level::Low, Action::Resolve, "scroll wheel"),
    )
    .unwrap();
    let r = report(&s, &play);
    assert_eq!(r.tickets[0].notes, 0);
    let mut play = ShiftPlay::new();
    play.take(
        &s,
        "mouse",
        decision(Level::Low, Level::Low, Action::Resolve, &model_note(mouse)),
    )
    .unwrap();
    assert_eq!(report(&s, &play).tickets[0].notes, 100);
}

#[test]
fn tickets_not_handled_score_nothing_and_miss_their_targets() {
    let s = shift();
    let mut play = ShiftPlay::new();
    let mouse = s.tickets.iter().find(|t| t.id == "mouse").unwrap();
    play.take(
        &s,
        "mouse",
        decision(Level::Low, Level::Low, Action::Resolve, &model_note(mouse)),
    )
    .unwrap();
    let r = report(&s, &play);
    assert!(!play.finished(&s));
    let unhandled: Vec<&str> = r
        .tickets
        .iter()
        .filter(|t| t.set_priority.is_none())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(unhandled, ["share", "mail", "till", "wallpaper"]);
    assert!(r
        .tickets
        .iter()
        .filter(|t| t.set_priority.is_none())
        .all(|t| !t.met && t.triage == 0 && t.notes == 0));
    assert_eq!(r.triage, 20);
}

#[test]
fn the_clock_and_the_queue_follow_the_rules() {
    let s = shift();
    let mut play = ShiftPlay::new();
    let any = || decision(Level::Low, Level::Low, Action::Resolve, "");
    assert_eq!(
        play.take(&s, "mail", any()),
        Err(ShiftError::NotArrived {
            ticket: "mail".into(),
            arrives: 5
        })
    );
    assert_eq!(
        play.take(&s, "nope", any()),
        Err(ShiftError::UnknownTicket("nope".into()))
    );
    assert_eq!(play.wait(&s), Err(ShiftError::TicketsWaiting(2)));
    play.take(&s, "mouse", any()).unwrap();
    assert_eq!(play.clock, 20);
    assert_eq!(
        play.take(&s, "mouse", any()),
        Err(ShiftError::AlreadyHandled("mouse".into()))
    );
    let link = decision(
        Level::High,
        Level::High,
        Action::Link {
            incident: "INC9".into(),
        },
        "",
    );
    assert_eq!(
        play.take(&s, "mail", link),
        Err(ShiftError::UnknownIncident("INC9".into()))
    );
    let tier = decision(Level::High, Level::High, Action::Escalate { tier: 4 }, "");
    assert_eq!(play.take(&s, "mail", tier), Err(ShiftError::BadTier(4)));
    let long = decision(
        Level::High,
        Level::High,
        Action::Resolve,
        &"x".repeat(MAX_NOTE_CHARS + 1),
    );
    assert_eq!(
        play.take(&s, "mail", long),
        Err(ShiftError::NoteTooLong(MAX_NOTE_CHARS + 1))
    );
    // A refused take changes nothing.
    assert_eq!(play.clock, 20);
    assert_eq!(play.handled.len(), 1);
    for id in ["share", "mail", "till", "wallpaper"] {
        play.take(&s, id, any()).unwrap();
    }
    assert!(play.finished(&s));
    assert_eq!(play.wait(&s), Err(ShiftError::NothingToWaitFor));
}

#[test]
fn with_the_queue_empty_waiting_jumps_to_the_next_arrival() {
    let mut s = shift();
    s.tickets.retain(|t| t.id == "till" || t.id == "wallpaper");
    let mut play = ShiftPlay::new();
    assert!(play.waiting(&s).is_empty());
    assert_eq!(play.wait(&s), Ok(10));
    assert_eq!(play.waiting(&s).len(), 1);
}

#[test]
fn a_play_saves_and_reads_back_whole() {
    let s = shift();
    let play = reference_play(&s);
    let text = serde_json::to_string(&play).unwrap();
    let back: ShiftPlay = serde_json::from_str(&text).unwrap();
    assert_eq!(back, play);
}

#[test]
fn a_finished_shift_is_kept_in_the_scenario_log_and_merges_by_time() {
    use crate::progress::{ScenarioLog, ShiftRecord};
    use crate::store::Document;
    let s = shift();
    let arrival = report(&s, &arrival_order_play(&s));
    let record = ShiftRecord::of(&arrival, &s.id, 7);
    assert_eq!(record.missed, ["mail", "till"]);
    assert_eq!(record.overall, u32::from(arrival.overall));
    let mut ours = ScenarioLog::default();
    ours.shifts.push(record.clone());
    let mut theirs = ScenarioLog::default();
    theirs.shifts.push(record.clone());
    theirs.shifts.push(ShiftRecord { at: 9, ..record });
    ours.merge(theirs);
    assert_eq!(ours.shifts.len(), 2);
    // A log saved before shifts existed reads with none.
    let old: ScenarioLog = serde_json::from_str(r#"{"plays": []}"#).unwrap();
    assert!(old.shifts.is_empty());
}

#[test]
fn a_ticket_resolved_at_the_desk_shows_its_resolution_time_and_others_none() {
    let s = shift();
    let r = report(&s, &reference_play(&s));
    let till = r.tickets.iter().find(|t| t.id == "till").unwrap();
    // Arrived at 10, taken at 25 (after the P3 and the P1), 15 minutes.
    assert_eq!(till.resolved_after, Some(30));
    assert_eq!(till.resolve_target, 480);
    let mail = r.tickets.iter().find(|t| t.id == "mail").unwrap();
    assert_eq!(mail.resolved_after, None, "linked to the major incident");
}
