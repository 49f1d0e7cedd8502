//! Each kind scored by the engine, the best play earning every mark and
//! the cheat each kind invites losing.

use super::*;
use crate::content::model::sim::{Acl, Form, Place, Sim, Terminal};
use crate::quiz::score::is_full;

fn terminal() -> Terminal {
    serde_json::from_str(
        r#"{
        "prompt": "C:\\>",
        "commands": [
            {"input": "ipconfig /all", "aliases": ["ipconfig -all"], "output": "DNS Servers . . : 10.0.0.99"},
            {"input": "nslookup intranet", "output": "*** Request to 10.0.0.99 timed-out"},
            {"input": "ping 10.0.0.53", "output": "Reply from 10.0.0.53"},
            {"input": "ipconfig /release", "output": "Adapter released"},
            {"input": "netsh winsock reset", "output": "Successfully reset the Winsock Catalog."}
        ],
        "programs": [{"name": "ping", "output": "Ping request could not find host {args}."}],
        "unknown": "'{command}' is not recognized as an internal or external command,\noperable program or batch file.",
        "steps": [
            {"text": "Read the DNS servers", "run": ["ipconfig /all"], "why": "w"},
            {"text": "Test name resolution", "run": ["nslookup intranet"], "why": "w"},
            {"text": "Reach the right DNS server", "run": ["ping 10.0.0.53"], "why": "w"}
        ],
        "avoid": [
            {"run": "ipconfig /release", "why": "drops the session"},
            {"run": "netsh winsock reset", "why": "not a DNS fix"}
        ]
    }"#,
    )
    .unwrap()
}

#[test]
fn a_terminal_answers_authored_known_and_unknown_commands() {
    let t = terminal();
    assert_eq!(
        terminal::respond(&t, "  IPCONFIG   -ALL "),
        "DNS Servers . . : 10.0.0.99"
    );
    assert_eq!(
        terminal::respond(&t, "ping 8.8.8.8"),
        "Ping request could not find host 8.8.8.8."
    );
    assert!(terminal::respond(&t, "dig intranet").starts_with("'dig' is not recognized"));
    assert_eq!(terminal::respond(&t, "   "), "");
    let long = "x".repeat(10_000);
    assert!(terminal::respond(&t, &long).chars().count() < 400);
}

#[test]
fn a_terminal_scores_per_step_and_the_run_everything_cheat_loses() {
    let t = terminal();
    let sim = Sim::Terminal(t.clone());
    let best = SimAnswer::Terminal(vec![
        "ipconfig /all".into(),
        "nslookup intranet".into(),
        "ping 10.0.0.53".into(),
    ]);
    assert!(is_full(score(&sim, Some(&best)).score()));
    let partial = SimAnswer::Terminal(vec!["ipconfig /all".into(), "dir".into()]);
    assert!((score(&sim, Some(&partial)).score() - 1.0 / 3.0).abs() < 1e-9);
    // The cheat: every authored command, in every spelling.
    let everything: Vec<String> = t
        .commands
        .iter()
        .flat_map(|c| std::iter::once(c.input.clone()).chain(c.aliases.clone()))
        .collect();
    let cheat = score(&sim, Some(&SimAnswer::Terminal(everything)));
    assert!(
        (cheat.score() - 1.0 / 3.0).abs() < 1e-9,
        "{}",
        cheat.score()
    );
    assert_eq!(cheat.penalties.len(), 2);
    assert!(cheat.wrong.contains(&"Ran ipconfig /release".to_owned()));
}

#[test]
fn a_terminal_log_is_bounded_and_later_lines_never_count() {
    let t = terminal();
    let mut log = Vec::new();
    for _ in 0..MAX_COMMANDS {
        assert!(terminal::run(&mut log, "dir"));
    }
    assert!(!terminal::run(&mut log, "ipconfig /all"));
    assert_eq!(log.len(), MAX_COMMANDS);
    // A stored answer longer than the cap (hand-edited) scores only its
    // first lines.
    let mut lines = vec!["dir".to_owned(); MAX_COMMANDS];
    lines.push("ipconfig /all".into());
    assert_eq!(terminal::score(&t, &lines).score(), 0.0);
}

fn form() -> Form {
    serde_json::from_str(
        r#"{
        "title": "Wireless and LAN",
        "fields": [
            {"id": "security", "label": "Security", "input": "select", "options": ["Open", "WPA2-Personal", "WPA3-Personal"], "value": "Open"},
            {"id": "passphrase", "label": "Passphrase", "value": ""},
            {"id": "start", "label": "DHCP start", "value": "192.168.1.2"},
            {"id": "end", "label": "DHCP end", "value": "192.168.1.254"},
            {"id": "wps", "label": "WPS", "input": "checkbox", "value": "on"}
        ],
        "rules": [
            {"text": "WPA3", "field": "security", "check": {"one_of": ["WPA3-Personal"]}, "why": "w"},
            {"text": "Long passphrase", "field": "passphrase", "check": {"min_length": 12}, "why": "w"},
            {"text": "Start in the LAN", "field": "start", "check": {"ipv4_between": ["192.168.1.1", "192.168.1.254"]}, "why": "w"},
            {"text": "Range leaves out the printer", "field": "start", "check": {"range_excludes": {"end": "end", "address": "192.168.1.50"}}, "why": "w"},
            {"text": "WPS off", "field": "wps", "check": {"one_of": ["off"]}, "why": "w"}
        ]
    }"#,
    )
    .unwrap()
}

#[test]
fn a_form_checks_each_rule_and_the_same_value_everywhere_loses() {
    let f = form();
    let sim = Sim::Form(f.clone());
    assert_eq!(
        score(&sim, None).score(),
        0.2,
        "only the start address holds"
    );
    let best = SimAnswer::Form(vec![
        "WPA3-Personal".into(),
        "correct-horse-battery".into(),
        "192.168.1.100".into(),
        "192.168.1.199".into(),
        "off".into(),
    ]);
    assert!(is_full(score(&sim, Some(&best)).score()));
    // A range that swallows the reservation fails that rule only.
    let mut values = form::start(&f);
    values[0] = "WPA3-Personal".into();
    let scored = form::score(&f, &values);
    assert!(!scored.steps[3].done);
    assert!(scored.steps[0].done);
    // A start after the end is no range at all.
    let reversed = vec![
        "WPA3-Personal".into(),
        "correct-horse-battery".into(),
        "192.168.1.200".into(),
        "192.168.1.100".into(),
        "off".into(),
    ];
    assert!(!form::score(&f, &reversed).steps[3].done);
    // The cheat: one value in every field.
    // The best a single value does is an address (long enough for the
    // passphrase, in the LAN, a one-address range): 3 of 5.
    for (value, most) in [
        ("WPA3-Personal", 0.4),
        ("off", 0.2),
        ("192.168.1.100", 0.6),
        ("aaaaaaaaaaaaaaaa", 0.2),
    ] {
        let cheat = SimAnswer::Form(vec![value.into(); f.fields.len()]);
        let got = score(&sim, Some(&cheat)).score();
        assert!(got <= most + 1e-9, "{value}: {got}");
    }
    // A select value that is not an option reads as empty.
    let forged = SimAnswer::Form(vec!["wpa3-personal ".into(); 1]);
    assert!(!score(&sim, Some(&forged)).steps[0].done);
}

fn place() -> Place {
    serde_json::from_str(
        r#"{
        "pieces": [
            {"id": "fw", "label": "Firewall"},
            {"id": "sw", "label": "Switch"},
            {"id": "ap", "label": "Access point"},
            {"id": "hub", "label": "Hub"}
        ],
        "slots": [
            {"id": "edge", "label": "Edge", "accepts": ["fw"], "why": "w"},
            {"id": "core", "label": "Core", "accepts": ["sw"], "why": "w"},
            {"id": "wifi", "label": "Wireless", "accepts": ["ap"], "why": "w"}
        ]
    }"#,
    )
    .unwrap()
}

#[test]
fn a_placement_is_judged_per_slot_and_one_piece_everywhere_loses() {
    let p = place();
    let sim = Sim::Place(p.clone());
    let mut slots = Vec::new();
    place::put(&p, &mut slots, 0, Some(0));
    place::put(&p, &mut slots, 1, Some(1));
    place::put(&p, &mut slots, 2, Some(3));
    let scored = score(&sim, Some(&SimAnswer::Place(slots.clone())));
    assert!((scored.score() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(scored.wrong, vec!["Wireless → Hub".to_owned()]);
    place::put(&p, &mut slots, 2, Some(2));
    assert!(is_full(
        score(&sim, Some(&SimAnswer::Place(slots.clone()))).score()
    ));
    // Moving a piece takes it out of its old slot.
    place::put(&p, &mut slots, 1, Some(0));
    assert_eq!(slots, vec![None, Some(0), Some(2)]);
    // The cheat: the same piece in every slot (a forged answer, since the
    // page moves a piece) counts in none.
    for piece in 0..p.pieces.len() {
        let cheat = SimAnswer::Place(vec![Some(piece); p.slots.len()]);
        assert_eq!(score(&sim, Some(&cheat)).score(), 0.0);
    }
    // Out-of-range pieces are refused.
    let mut slots = Vec::new();
    place::put(&p, &mut slots, 0, Some(99));
    place::put(&p, &mut slots, 99, Some(0));
    assert!(slots.iter().all(Option::is_none));
}

fn acl() -> Acl {
    serde_json::from_str(
        r#"{
        "rows": [
            {"action": "allow", "protocol": "tcp", "source": "10.0.20.0/24", "destination": "10.0.10.5", "port": "443", "blank": ["port"]},
            {"action": "deny", "protocol": "any", "source": "10.0.20.0/24", "destination": "10.0.10.0/24", "port": "any"},
            {"action": "allow", "protocol": "any", "source": "10.0.20.0/24", "destination": "any", "port": "any", "blank": ["action"]}
        ],
        "start": [2, 1, 0],
        "choices": {"port": ["22", "80", "443", "3389", "any"]},
        "flows": [
            {"text": "Sales PC browses the web server", "protocol": "tcp", "source": "10.0.20.7", "destination": "10.0.10.5", "port": 443, "expect": "allow", "why": "w"},
            {"text": "Sales PC opens RDP to the web server", "protocol": "tcp", "source": "10.0.20.7", "destination": "10.0.10.5", "port": 3389, "expect": "deny", "why": "w"},
            {"text": "Sales PC pings the file server", "protocol": "icmp", "source": "10.0.20.7", "destination": "10.0.10.9", "expect": "deny", "why": "w"},
            {"text": "Sales PC reaches the internet", "protocol": "tcp", "source": "10.0.20.7", "destination": "203.0.113.10", "port": 443, "expect": "allow", "why": "w"}
        ]
    }"#,
    )
    .unwrap()
}

#[test]
fn an_acl_is_judged_by_its_flows_and_allowing_everything_loses() {
    let a = acl();
    let sim = Sim::Acl(a.clone());
    let (order, values) = acl::solution(&a);
    assert!(is_full(acl::score(&a, &order, &values).score()));
    // As it opens: blank rows match nothing, so only the denies pass.
    assert_eq!(score(&sim, None).score(), 0.5);
    // Right values, wrong order: the broad allow first lets RDP through.
    let scored = acl::score(&a, &[2, 1, 0], &values);
    assert!((scored.score() - 0.5).abs() < 1e-9, "{}", scored.score());
    // The cheat: every blank "allow"/"any".
    let cheat = acl::score(&a, &a.start, &[Some("any".into()), Some("allow".into())]);
    assert!(!is_full(cheat.score()));
    let cheat = acl::score(&a, &[0, 1, 2], &[Some("any".into()), Some("allow".into())]);
    assert!(!is_full(cheat.score()));
    // Values not offered, and forged orders, never match.
    let forged = acl::score(&a, &[0, 0, 0], &[Some("8443".into()), Some("allow".into())]);
    assert!(!is_full(forged.score()));
}

#[test]
fn checks_call_the_engine_for_solvability_and_cheats() {
    use crate::content::check::sim::{best_placement, check};
    use crate::content::finding::Reporter;
    use crate::content::path::JsonPath;
    let run = |sim: &Sim| {
        let mut report = Reporter::new("sims.json", "{}");
        let ok = check(sim, &JsonPath::root(), &mut report);
        (ok, report.finish())
    };
    for sim in [
        Sim::Terminal(terminal()),
        Sim::Form(form()),
        Sim::Place(place()),
        Sim::Acl(acl()),
    ] {
        let (ok, findings) = run(&sim);
        assert!(ok, "{findings:?}");
    }
    assert_eq!(
        best_placement(&place()),
        Some(vec![Some(0), Some(1), Some(2)])
    );
    // A step naming a command the terminal lacks; no avoid.
    let mut t = terminal();
    t.steps[0].run = vec!["ipconfig /displaydns".into()];
    t.avoid.clear();
    let (ok, findings) = run(&Sim::Terminal(t));
    assert!(!ok);
    let text = format!("{findings:?}");
    assert!(
        text.contains("\\\"ipconfig /displaydns\\\" is not a command"),
        "{text}"
    );
    assert!(text.contains("at least one \\\"avoid\\\""), "{text}");
    // A rule on a missing field; a form whose every field set to one value wins.
    let mut f = form();
    f.rules[1].field = "password".into();
    let (ok, findings) = run(&Sim::Form(f));
    assert!(!ok);
    assert!(format!("{findings:?}").contains("does not have"));
    let cheatable: Form = serde_json::from_str(
        r#"{"title": "t", "fields": [
        {"id": "a", "label": "A", "value": "x"}, {"id": "b", "label": "B", "value": "x"}],
        "rules": [{"text": "a", "field": "a", "check": {"one_of": ["on"]}, "why": "w"},
                  {"text": "b", "field": "b", "check": {"one_of": ["on"]}, "why": "w"}]}"#,
    )
    .unwrap();
    let (ok, findings) = run(&Sim::Form(cheatable));
    assert!(!ok);
    assert!(format!("{findings:?}").contains("into every field"));
    // A slot accepting a piece that does not exist; two slots one piece.
    let mut p = place();
    p.slots[2].accepts = vec!["router".into()];
    assert!(!run(&Sim::Place(p)).0);
    let mut p = place();
    p.slots[2].accepts = vec!["fw".into()];
    let (ok, findings) = run(&Sim::Place(p));
    assert!(!ok);
    assert!(format!("{findings:?}").contains("no placement"));
    // A table whose rows as written fail a flow; a malformed network.
    let mut a = acl();
    a.rows.swap(0, 2);
    let (ok, findings) = run(&Sim::Acl(a));
    assert!(!ok);
    assert!(format!("{findings:?}").contains("as written"));
    let mut a = acl();
    a.rows[1].source = "10.0.20.0/33".into();
    assert!(!run(&Sim::Acl(a)).0);
}
