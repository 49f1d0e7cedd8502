//! Checks a shift file: ids unique, numbers in range, every linked incident
//! open, every ticket with a note to write, and the queue fair (the engine's
//! reference play meets every first-response target) and worth playing
//! (taking tickets as they come should miss one). The rules of play are
//! the engine's (`crate::shift`); this module reports where a file breaks
//! them.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use crate::content::finding::Reporter;
use crate::content::path::JsonPath;
use crate::content::shift::{Action, Shift};
use crate::shift::play::MAX_NOTE_CHARS;
use crate::shift::rules::{arrival_order_play, missed_targets, reference_play};

/// A shift is a working day at most.
pub const ARRIVES: RangeInclusive<u32> = 0..=480;
pub const MINUTES: RangeInclusive<u32> = 1..=120;
/// Enough to need prioritising; few enough to play in one sitting (and to
/// bound the checks' work).
pub const MIN_TICKETS: usize = 2;
pub const MAX_TICKETS: usize = 40;
/// Fewer than this hardly tests ordering: a warning.
pub const SUGGESTED_TICKETS: usize = 5;

/// Checks a shift; returns false when it cannot be played.
pub fn check(s: &Shift, report: &mut Reporter) -> bool {
    let root = JsonPath::root();
    let before = report.error_count();
    super::require_text(
        report,
        &root,
        &[
            ("id", &s.id),
            ("title", &s.title),
            ("summary", &s.summary),
            ("briefing", &s.briefing),
        ],
    );
    super::id_without_spaces(report, &root, "shift", &s.id);
    let mut incidents: HashMap<&str, usize> = HashMap::new();
    for (i, incident) in s.incidents.iter().enumerate() {
        let path = root.key("incidents").index(i);
        if let Some(first) = incidents.insert(incident.id.as_str(), i) {
            let other = report.where_is(&root.key("incidents").index(first).key("id"));
            report.error(
                &path.key("id"),
                format!(
                    "incident id \"{}\" is used twice (also at {other}); give each its own",
                    incident.id
                ),
            );
        }
        super::require_text(
            report,
            &path,
            &[("title", &incident.title), ("status", &incident.status)],
        );
    }
    let tickets = root.key("tickets");
    if s.tickets.len() < MIN_TICKETS || s.tickets.len() > MAX_TICKETS {
        report.error(
            &tickets,
            format!(
                "a shift holds {MIN_TICKETS} to {MAX_TICKETS} tickets; this one has {}",
                s.tickets.len()
            ),
        );
        return false;
    }
    if s.tickets.len() < SUGGESTED_TICKETS {
        report.warning(
            &tickets,
            format!(
                "only {} tickets: with fewer than {SUGGESTED_TICKETS} there is little to prioritise",
                s.tickets.len()
            ),
        );
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, t) in s.tickets.iter().enumerate() {
        let path = tickets.index(i);
        if let Some(first) = ids.insert(t.id.as_str(), i) {
            let other = report.where_is(&tickets.index(first).key("id"));
            report.error(
                &path.key("id"),
                format!(
                    "ticket id \"{}\" is used twice (also at {other}); give each its own",
                    t.id
                ),
            );
        }
        super::require_text(
            report,
            &path,
            &[
                ("id", &t.id),
                ("subject", &t.subject),
                ("description", &t.description),
                ("why", &t.why),
            ],
        );
        for (field, value) in [("name", &t.requester.name), ("role", &t.requester.role)] {
            if value.trim().is_empty() {
                report.error(
                    &path.key("requester").key(field),
                    format!("the requester's {field} is empty"),
                );
            }
        }
        in_range(
            report,
            &path.key("arrives"),
            t.arrives,
            ARRIVES,
            "minutes after the start",
        );
        in_range(
            report,
            &path.key("minutes"),
            t.minutes,
            MINUTES,
            "minutes of handling",
        );
        match &t.action {
            Action::Resolve => {}
            Action::Escalate { tier } => {
                if !(2..=3).contains(tier) {
                    report.error(
                        &path.key("action").key("tier"),
                        format!("tier {tier} does not exist; escalate to tier 2 or 3"),
                    );
                }
            }
            Action::Link { incident } => {
                if !incidents.contains_key(incident.as_str()) {
                    let known: Vec<&str> = s.incidents.iter().map(|i| i.id.as_str()).collect();
                    report.error(
                        &path.key("action").key("incident"),
                        format!(
                            "links to incident \"{incident}\", which is not open in this shift \
                             (open: {}); add it to \"incidents\" or link to one of those",
                            if known.is_empty() {
                                "none".into()
                            } else {
                                known.join(", ")
                            }
                        ),
                    );
                }
            }
        }
        check_facts(t, &path, report);
    }
    if report.error_count() > before {
        return false;
    }
    check_fairness(s, report);
    report.error_count() == before
}

fn in_range(
    report: &mut Reporter,
    path: &JsonPath,
    value: u32,
    range: RangeInclusive<u32>,
    what: &str,
) {
    if !range.contains(&value) {
        report.error(
            path,
            format!(
                "{value} is out of range: give {} to {} {what}",
                range.start(),
                range.end()
            ),
        );
    }
}

fn check_facts(t: &crate::content::shift::ShiftTicket, path: &JsonPath, report: &mut Reporter) {
    let facts = path.key("facts");
    if t.facts.is_empty() {
        report.error(
            &facts,
            "list at least one fact a good note on this ticket states (id, label, phrases)",
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (j, fact) in t.facts.iter().enumerate() {
        let fact_path = facts.index(j);
        if seen.insert(fact.id.as_str(), j).is_some() {
            report.error(
                &fact_path.key("id"),
                format!("fact id \"{}\" is used twice in this ticket", fact.id),
            );
        }
        if fact.label.trim().is_empty() {
            report.error(
                &fact_path.key("label"),
                "label is empty: say what the fact is",
            );
        }
        if fact.phrases.iter().all(|p| p.trim().is_empty()) {
            report.error(
                &fact_path.key("phrases"),
                "give at least one phrase a note could state this fact with",
            );
        }
        if fact
            .phrases
            .iter()
            .any(|p| p.chars().count() > MAX_NOTE_CHARS)
        {
            report.error(
                &fact_path.key("phrases"),
                format!("a phrase is longer than a note may be ({MAX_NOTE_CHARS} characters)"),
            );
        }
    }
}

fn check_fairness(s: &Shift, report: &mut Reporter) {
    let tickets = JsonPath::root().key("tickets");
    let reference = reference_play(s);
    for id in missed_targets(s, &reference) {
        if let Some(i) = s.tickets.iter().position(|t| t.id == id) {
            report.error(
                &tickets.index(i).key("arrives"),
                format!(
                    "ticket \"{id}\" misses its first-response target even when the most \
                     urgent waiting ticket is always taken first; make it arrive earlier, \
                     or the tickets before it take fewer minutes"
                ),
            );
        }
    }
    if missed_targets(s, &arrival_order_play(s)).is_empty() {
        report.warning(
            &tickets,
            "taking the tickets as they arrive meets every target, so the order tests \
             nothing: let an urgent ticket arrive behind slower, less urgent ones",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::finding::{Finding, Severity};

    const GOOD: &str = r#"{
  "kind": "shift", "id": "s", "title": "T", "summary": "S", "briefing": "B",
  "incidents": [{ "id": "INC1", "title": "Email", "status": "Investigating" }],
  "tickets": [
    { "id": "a", "arrives": 0, "channel": "email", "requester": { "name": "A", "role": "R" },
      "subject": "x", "description": "d", "impact": "low", "urgency": "low",
      "action": { "decision": "resolve" }, "minutes": 30, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] },
    { "id": "b", "arrives": 0, "channel": "email", "requester": { "name": "B", "role": "R" },
      "subject": "x", "description": "d", "impact": "medium", "urgency": "medium",
      "action": { "decision": "escalate", "tier": 2 }, "minutes": 10, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] },
    { "id": "c", "arrives": 5, "channel": "phone", "requester": { "name": "C", "role": "R" },
      "subject": "x", "description": "d", "impact": "high", "urgency": "high",
      "action": { "decision": "link", "incident": "INC1" }, "minutes": 5, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] },
    { "id": "d", "arrives": 6, "channel": "chat", "requester": { "name": "D", "role": "R" },
      "subject": "x", "description": "d", "impact": "low", "urgency": "low",
      "action": { "decision": "resolve" }, "minutes": 5, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] },
    { "id": "e", "arrives": 7, "channel": "chat", "requester": { "name": "E", "role": "R" },
      "subject": "x", "description": "d", "impact": "low", "urgency": "low",
      "action": { "decision": "resolve" }, "minutes": 5, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] }
  ]
}"#;

    fn findings(text: &str) -> (bool, Vec<Finding>) {
        let shift: Shift = serde_json::from_str(text).unwrap();
        let mut report = Reporter::new("scenarios/s.json", text);
        let ok = check(&shift, &mut report);
        (ok, report.finish())
    }

    fn messages(found: &[Finding], severity: Severity) -> Vec<String> {
        found
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| format!("{}:{} {}", f.line, f.column, f.message))
            .collect()
    }

    #[test]
    fn a_fair_shift_that_tests_ordering_passes_clean() {
        let (ok, found) = findings(GOOD);
        assert!(ok);
        assert_eq!(found, []);
    }

    #[test]
    fn an_unknown_incident_a_bad_tier_and_numbers_out_of_range_are_located() {
        let text = GOOD
            .replace(r#""incident": "INC1""#, r#""incident": "INC9""#)
            .replace(r#""tier": 2"#, r#""tier": 4"#)
            .replace(
                r#""minutes": 30, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] },
    { "id": "b""#,
                r#""minutes": 0, "why": "w",
      "facts": [{ "id": "f", "label": "l", "phrases": ["p"] }] },
    { "id": "b""#,
            );
        let (ok, found) = findings(&text);
        assert!(!ok);
        let errors = messages(&found, Severity::Error);
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("7:") && e.contains("give 1 to 120")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("11:") && e.contains("tier 4 does not exist")),
            "{errors:#?}"
        );
        assert!(
            errors.iter().any(|e| e.starts_with("15:")
                && e.contains("\"INC9\"")
                && e.contains("open: INC1")),
            "{errors:#?}"
        );
    }

    #[test]
    fn a_ticket_that_cannot_meet_its_target_is_an_error_at_its_arrival() {
        // The P3 waiting at the start takes 30 minutes; a P1 arriving at
        // minute 1 then waits 29 minutes even when taken next.
        let text = GOOD
            .replace(r#""id": "c", "arrives": 5"#, r#""id": "c", "arrives": 1"#)
            .replace(
                r#""tier": 2 }, "minutes": 10"#,
                r#""tier": 2 }, "minutes": 30"#,
            );
        let (ok, found) = findings(&text);
        assert!(!ok);
        let errors = messages(&found, Severity::Error);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("ticket \"c\" misses its first-response target")),
            "{errors:#?}"
        );
    }

    #[test]
    fn a_queue_that_first_come_first_served_gets_right_is_a_warning() {
        let text = GOOD
            .replace(r#""id": "c", "arrives": 5"#, r#""id": "c", "arrives": 0"#)
            .replace(
                r#"{ "id": "a", "arrives": 0"#,
                r#"{ "id": "a", "arrives": 100"#,
            );
        let (ok, found) = findings(&text);
        assert!(ok);
        let warnings = messages(&found, Severity::Warning);
        assert!(
            warnings.iter().any(|w| w.contains("tests nothing")),
            "{warnings:#?}"
        );
    }

    #[test]
    fn duplicate_ids_and_a_ticket_with_nothing_to_note_are_errors() {
        let text = GOOD
            .replace(
                r#"{ "id": "d", "arrives": 6"#,
                r#"{ "id": "a", "arrives": 6"#,
            )
            .replacen(
                r#""facts": [{ "id": "f", "label": "l", "phrases": ["p"] }]"#,
                r#""facts": []"#,
                1,
            );
        let (ok, found) = findings(&text);
        assert!(!ok);
        let errors = messages(&found, Severity::Error);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("ticket id \"a\" is used twice (also at scenarios/s.json:5:")),
            "{errors:#?}"
        );
        assert!(
            errors.iter().any(|e| e.contains("list at least one fact")),
            "{errors:#?}"
        );
    }

    #[test]
    fn a_shift_of_one_ticket_is_refused() {
        let shift: Shift = serde_json::from_str(GOOD).unwrap();
        let mut one = shift.clone();
        one.tickets.truncate(1);
        let text = serde_json::to_string(&one).unwrap();
        let mut report = Reporter::new("scenarios/s.json", &text);
        assert!(!check(&one, &mut report));
        let found = report.finish();
        assert!(found[0].message.contains("2 to 40 tickets; this one has 1"));
    }
}
