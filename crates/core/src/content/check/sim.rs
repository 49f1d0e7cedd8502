//! Where a simulation breaks a rule (docs/content-format.md#simulations):
//! references that point nowhere (a step's command, a rule's field, a
//! slot's piece), commands without output, malformed addresses and ports,
//! and, through the engine, sims that open already solved, cannot be
//! solved as written, or that a cheat wins.

use crate::content::finding::Reporter;
use crate::content::model::sim::{Acl, Check, Column, Form, Input, Place, Protocol, Sim, Terminal};
use crate::content::path::JsonPath;
use crate::sim::{self, acl, form, ipv4, terminal, MAX_COMMAND_CHARS, MAX_VALUE_CHARS};

/// Most commands, fields, rules, pieces, slots, rows or flows a sim has:
/// enough for an exam's PBQ, few enough to work through in minutes.
pub const MAX_PARTS: usize = 40;
/// Most steps a terminal scores, rules a form checks, slots or flows.
pub const MAX_STEPS: usize = 12;

/// Reports every problem of one sim at `at` (its `sim` object); true when
/// there was none.
pub fn check(sim: &Sim, at: &JsonPath, report: &mut Reporter) -> bool {
    let before = report.error_count();
    match sim {
        Sim::Terminal(t) => check_terminal(t, at, report),
        Sim::Form(f) => check_form(f, at, report),
        Sim::Place(p) => check_place(p, at, report),
        Sim::Acl(a) => check_acl(a, at, report),
    }
    report.error_count() == before
}

fn text(report: &mut Reporter, at: &JsonPath, value: &str, what: &str) {
    if value.trim().is_empty() {
        report.error(at, format!("{what} is empty; write the {what}"));
    }
}

fn count(report: &mut Reporter, at: &JsonPath, found: usize, min: usize, max: usize, what: &str) {
    if found < min || found > max {
        report.error(
            at,
            format!("a sim needs {min} to {max} {what}, found {found}"),
        );
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn known(list: &[String]) -> String {
    list.iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_terminal(t: &Terminal, at: &JsonPath, report: &mut Reporter) {
    text(report, &at.key("prompt"), &t.prompt, "prompt");
    text(
        report,
        &at.key("unknown"),
        &t.unknown,
        "error for unknown commands (\"unknown\", with {command} for the word typed)",
    );
    count(
        report,
        &at.key("commands"),
        t.commands.len(),
        1,
        MAX_PARTS,
        "commands",
    );
    let mut spellings: Vec<String> = Vec::new();
    for (i, c) in t.commands.iter().enumerate() {
        let cp = at.key("commands").index(i);
        text(report, &cp.key("input"), &c.input, "command input");
        if c.output.trim().is_empty() {
            report.error(
                &cp.key("output"),
                format!(
                    "command \"{}\" has no output; write what it prints, or the error it gives",
                    c.input
                ),
            );
        }
        for (j, spelling) in std::iter::once(&c.input).chain(&c.aliases).enumerate() {
            let sp = if j == 0 {
                cp.key("input")
            } else {
                cp.key("aliases").index(j - 1)
            };
            if spelling.chars().count() > MAX_COMMAND_CHARS {
                report.error(
                    &sp,
                    format!("a command is at most {MAX_COMMAND_CHARS} characters; shorten it"),
                );
            }
            let squashed = sim::squash(spelling);
            if spellings.contains(&squashed) {
                report.error(
                    &sp,
                    format!(
                        "\"{spelling}\" is defined twice (case and spaces are ignored); keep one"
                    ),
                );
            }
            spellings.push(squashed);
        }
    }
    for (i, p) in t.programs.iter().enumerate() {
        let pp = at.key("programs").index(i);
        if p.name.trim().is_empty() || p.name.trim().contains(char::is_whitespace) {
            report.error(
                &pp.key("name"),
                "a program's name is one word, such as \"ping\"",
            );
        }
        text(report, &pp.key("output"), &p.output, "program output");
    }
    let inputs: Vec<String> = t.commands.iter().map(|c| c.input.clone()).collect();
    let refers = |report: &mut Reporter, path: &JsonPath, command: &str| {
        if terminal::find(t, command).is_none() {
            report.error(
                path,
                format!(
                    "\"{command}\" is not a command of this terminal; add it to \"commands\" or use one of {}",
                    known(&inputs)
                ),
            );
        }
    };
    count(
        report,
        &at.key("steps"),
        t.steps.len(),
        1,
        MAX_STEPS,
        "steps",
    );
    for (i, s) in t.steps.iter().enumerate() {
        let sp = at.key("steps").index(i);
        text(report, &sp.key("text"), &s.text, "step text");
        text(report, &sp.key("why"), &s.why, "step's why");
        if s.run.is_empty() {
            report.error(
                &sp.key("run"),
                "a step needs \"run\": the commands that complete it",
            );
        }
        for (j, c) in s.run.iter().enumerate() {
            refers(report, &sp.key("run").index(j), c);
        }
    }
    if t.avoid.is_empty() {
        report.error(
            &at.key("avoid"),
            "a terminal needs at least one \"avoid\" command (a wrong fix or a disruptive command), or typing every command would earn every mark",
        );
    }
    for (i, a) in t.avoid.iter().enumerate() {
        let ap = at.key("avoid").index(i);
        refers(report, &ap.key("run"), &a.run);
        text(report, &ap.key("why"), &a.why, "avoid's why");
        let target = terminal::find(t, &a.run);
        if target.is_some()
            && t.steps
                .iter()
                .flat_map(|s| &s.run)
                .any(|c| terminal::find(t, c) == target)
        {
            report.error(
                &ap.key("run"),
                format!(
                    "\"{}\" both completes a step and costs one; remove it from one of them",
                    a.run
                ),
            );
        }
    }
}

fn check_form(f: &Form, at: &JsonPath, report: &mut Reporter) {
    text(report, &at.key("title"), &f.title, "title");
    count(
        report,
        &at.key("fields"),
        f.fields.len(),
        1,
        MAX_PARTS,
        "fields",
    );
    let ids: Vec<String> = f.fields.iter().map(|x| x.id.clone()).collect();
    for (i, field) in f.fields.iter().enumerate() {
        let fp = at.key("fields").index(i);
        if !is_id(&field.id) {
            report.error(
                &fp.key("id"),
                format!(
                    "field id \"{}\" must be letters, digits, dashes or underscores",
                    field.id
                ),
            );
        }
        if ids[..i].contains(&field.id) {
            report.error(
                &fp.key("id"),
                format!("field id \"{}\" is used twice", field.id),
            );
        }
        text(report, &fp.key("label"), &field.label, "label");
        if field.value.chars().count() > MAX_VALUE_CHARS {
            report.error(
                &fp.key("value"),
                format!("a value is at most {MAX_VALUE_CHARS} characters"),
            );
        }
        match field.input {
            Input::Text => {
                if !field.options.is_empty() {
                    report.error(
                        &fp.key("options"),
                        "\"options\" belong to a select; remove them or set \"input\": \"select\"",
                    );
                }
            }
            Input::Select => {
                if field.options.len() < 2 || field.options.len() > MAX_PARTS {
                    report.error(
                        &fp.key("options"),
                        format!(
                            "a select needs 2 to {MAX_PARTS} options, found {}",
                            field.options.len()
                        ),
                    );
                }
                if !field.options.contains(&field.value) {
                    report.error(
                        &fp.key("value"),
                        format!(
                            "a select opens on one of its options; \"{}\" is not one of {}",
                            field.value,
                            known(&field.options)
                        ),
                    );
                }
            }
            Input::Checkbox => {
                if field.value != "on" && field.value != "off" {
                    report.error(&fp.key("value"), "a checkbox's value is \"on\" or \"off\"");
                }
            }
        }
    }
    count(
        report,
        &at.key("rules"),
        f.rules.len(),
        1,
        MAX_STEPS,
        "rules",
    );
    let field = |id: &str| f.fields.iter().find(|x| x.id == id);
    for (i, rule) in f.rules.iter().enumerate() {
        let rp = at.key("rules").index(i);
        text(report, &rp.key("text"), &rule.text, "rule text");
        text(report, &rp.key("why"), &rule.why, "rule's why");
        let Some(target) = field(&rule.field) else {
            report.error(
                &rp.key("field"),
                format!(
                    "rule checks field \"{}\", which this form does not have; use one of {}",
                    rule.field,
                    known(&ids)
                ),
            );
            continue;
        };
        let cp = rp.key("check");
        let text_only = |report: &mut Reporter, what: &str| {
            if target.input != Input::Text {
                report.error(
                    &cp,
                    format!(
                        "{what} checks a text field; \"{}\" is a {:?} field",
                        target.id, target.input
                    )
                    .to_lowercase(),
                );
            }
        };
        match &rule.check {
            Check::OneOf(values) | Check::NoneOf(values) => {
                if values.is_empty() {
                    report.error(&cp, "list at least one value");
                }
                for (j, v) in values.iter().enumerate() {
                    let offered = match target.input {
                        Input::Text => true,
                        Input::Select => target.options.iter().any(|o| sim::same_text(o, v)),
                        Input::Checkbox => v == "on" || v == "off",
                    };
                    if !offered {
                        report.error(&cp.index(j), format!("\"{v}\" can never be the value of field \"{}\"; use one of its options {}", target.id, if target.input == Input::Checkbox { "\"on\", \"off\"".to_owned() } else { known(&target.options) }));
                    }
                }
            }
            Check::MinLength(n) => {
                text_only(report, "min_length");
                if *n == 0 || *n > MAX_VALUE_CHARS {
                    report.error(&cp, format!("min_length is 1 to {MAX_VALUE_CHARS}"));
                }
            }
            Check::Ipv4Between(bounds) => {
                text_only(report, "ipv4_between");
                let parsed: Vec<Option<u32>> = bounds.iter().map(|b| ipv4::parse(b)).collect();
                match parsed.as_slice() {
                    [Some(low), Some(high)] if low <= high => {}
                    _ => report.error(&cp, "ipv4_between takes two IPv4 addresses, lowest first, such as [\"192.168.1.100\", \"192.168.1.199\"]"),
                }
            }
            Check::RangeExcludes { end, address } => {
                text_only(report, "range_excludes");
                match field(end) {
                    Some(e) if e.input == Input::Text => {}
                    Some(_) => {
                        report.error(&cp.key("end"), format!("\"{end}\" must be a text field"))
                    }
                    None => report.error(
                        &cp.key("end"),
                        format!(
                            "\"{end}\" is not a field of this form; use one of {}",
                            known(&ids)
                        ),
                    ),
                }
                if ipv4::parse(address).is_none() {
                    report.error(
                        &cp.key("address"),
                        format!("\"{address}\" is not an IPv4 address"),
                    );
                }
            }
        }
    }
    if report.error_count() > 0 {
        return;
    }
    if is_full(&form::score(f, &form::start(f))) {
        report.error(&at.key("rules"), "the page already meets every rule as it opens; change a starting value so there is something to fix");
    }
    // The cheat: one value in every field. Every value a rule or a select
    // names is tried.
    let mut candidates: Vec<String> = f.fields.iter().flat_map(|x| x.options.clone()).collect();
    for rule in &f.rules {
        if let Check::OneOf(values) = &rule.check {
            candidates.extend(values.iter().cloned());
        }
    }
    crate::sort::natural(&mut candidates);
    candidates.dedup();
    for value in candidates.iter().take(4 * MAX_PARTS) {
        let values = vec![value.clone(); f.fields.len()];
        if is_full(&form::score(f, &values)) {
            report.error(&at.key("rules"), format!("typing \"{value}\" into every field meets every rule; add a rule a single value cannot meet"));
            break;
        }
    }
}

fn is_full(score: &sim::SimScore) -> bool {
    crate::quiz::score::is_full(score.score())
}

fn check_place(p: &Place, at: &JsonPath, report: &mut Reporter) {
    count(
        report,
        &at.key("pieces"),
        p.pieces.len(),
        2,
        MAX_STEPS,
        "pieces",
    );
    count(
        report,
        &at.key("slots"),
        p.slots.len(),
        1,
        MAX_STEPS,
        "slots",
    );
    let ids: Vec<String> = p.pieces.iter().map(|x| x.id.clone()).collect();
    for (i, piece) in p.pieces.iter().enumerate() {
        let pp = at.key("pieces").index(i);
        if !is_id(&piece.id) {
            report.error(
                &pp.key("id"),
                format!(
                    "piece id \"{}\" must be letters, digits, dashes or underscores",
                    piece.id
                ),
            );
        }
        if ids[..i].contains(&piece.id) {
            report.error(
                &pp.key("id"),
                format!("piece id \"{}\" is used twice", piece.id),
            );
        }
        text(report, &pp.key("label"), &piece.label, "label");
    }
    let slot_ids: Vec<&str> = p.slots.iter().map(|s| s.id.as_str()).collect();
    for (i, slot) in p.slots.iter().enumerate() {
        let sp = at.key("slots").index(i);
        if !is_id(&slot.id) {
            report.error(
                &sp.key("id"),
                format!(
                    "slot id \"{}\" must be letters, digits, dashes or underscores",
                    slot.id
                ),
            );
        }
        if slot_ids[..i].contains(&slot.id.as_str()) {
            report.error(
                &sp.key("id"),
                format!("slot id \"{}\" is used twice", slot.id),
            );
        }
        text(report, &sp.key("label"), &slot.label, "label");
        text(report, &sp.key("why"), &slot.why, "slot's why");
        if slot.accepts.is_empty() {
            report.error(
                &sp.key("accepts"),
                "a slot needs \"accepts\": the pieces judged right there",
            );
        }
        for (j, a) in slot.accepts.iter().enumerate() {
            if !ids.contains(a) {
                report.error(
                    &sp.key("accepts").index(j),
                    format!(
                        "slot accepts \"{a}\", which is not a piece; use one of {}",
                        known(&ids)
                    ),
                );
            }
        }
    }
    if report.error_count() > 0 {
        return;
    }
    if p.reuse {
        for piece in &p.pieces {
            let right = p
                .slots
                .iter()
                .filter(|s| s.accepts.contains(&piece.id))
                .count();
            if right * 2 > p.slots.len() {
                report.error(&at.key("slots"), format!("piece \"{}\" is right in {right} of {} slots, so putting it everywhere earns most marks; add slots that need other pieces", piece.id, p.slots.len()));
            }
        }
    } else if best_placement(p).is_none() {
        report.error(&at.key("slots"), "no placement of distinct pieces fills every slot right; let a slot accept another piece, add pieces, or set \"reuse\": true");
    }
}

/// A placement of distinct pieces that fills every slot right, if there
/// is one (augmenting paths; at most `MAX_STEPS` slots and pieces).
pub fn best_placement(p: &Place) -> Option<Vec<Option<usize>>> {
    fn augment(p: &Place, slot: usize, owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
        let Some(s) = p.slots.get(slot) else {
            return false;
        };
        for (piece, x) in p.pieces.iter().enumerate() {
            if !s.accepts.contains(&x.id) || seen[piece] {
                continue;
            }
            seen[piece] = true;
            let free = match owner[piece] {
                None => true,
                Some(other) => augment(p, other, owner, seen),
            };
            if free {
                owner[piece] = Some(slot);
                return true;
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; p.pieces.len()];
    for slot in 0..p.slots.len() {
        let mut seen = vec![false; p.pieces.len()];
        if !augment(p, slot, &mut owner, &mut seen) {
            return None;
        }
    }
    let mut placed = vec![None; p.slots.len()];
    for (piece, slot) in owner.iter().enumerate() {
        if let Some(s) = slot {
            if let Some(x) = placed.get_mut(*s) {
                *x = Some(piece);
            }
        }
    }
    Some(placed)
}

fn check_acl(a: &Acl, at: &JsonPath, report: &mut Reporter) {
    count(report, &at.key("rows"), a.rows.len(), 2, MAX_STEPS, "rows");
    let choice_lists = [
        ("source", &a.choices.source),
        ("destination", &a.choices.destination),
        ("port", &a.choices.port),
    ];
    for (name, list) in choice_lists {
        for (i, v) in list.iter().enumerate() {
            let ok = if name == "port" {
                acl::parse_port(v).is_some()
            } else {
                ipv4::Net::parse(v).is_some()
            };
            if !ok {
                report.error(
                    &at.key("choices").key(name).index(i),
                    format!(
                        "\"{v}\" is not a valid {name}; use \"any\", {}",
                        if name == "port" {
                            "or a port from 1 to 65535"
                        } else {
                            "an address or a network such as 10.0.20.0/24"
                        }
                    ),
                );
            }
            if list[..i].contains(v) {
                report.error(
                    &at.key("choices").key(name).index(i),
                    format!("\"{v}\" is offered twice"),
                );
            }
        }
    }
    for (i, row) in a.rows.iter().enumerate() {
        let rp = at.key("rows").index(i);
        for (name, v) in [("source", &row.source), ("destination", &row.destination)] {
            match ipv4::Net::parse(v) {
                None => report.error(
                    &rp.key(name),
                    format!("\"{v}\" is not \"any\", an address or a network such as 10.0.20.0/24"),
                ),
                Some(net) if net.has_host_bits() => report.error(
                    &rp.key(name),
                    format!("\"{v}\" has host bits set; write the network address"),
                ),
                Some(_) => {}
            }
        }
        match acl::parse_port(&row.port) {
            None => report.error(
                &rp.key("port"),
                format!(
                    "port \"{}\" is not \"any\" or a number from 1 to 65535",
                    row.port
                ),
            ),
            Some(Some(_)) if matches!(row.protocol, Protocol::Icmp | Protocol::Any) => report
                .error(
                    &rp.key("port"),
                    format!("a {} rule has no port; write \"any\"", row.protocol.name()),
                ),
            _ => {}
        }
        for (j, column) in row.blank.iter().enumerate() {
            let bp = rp.key("blank").index(j);
            if row.blank[..j].contains(column) {
                report.error(&bp, format!("\"{}\" is blank twice", column.name()));
            }
            let options = a.options(*column);
            if !options.contains(&row.value(*column)) {
                report.error(&bp, format!("the row's {} \"{}\" is not offered for a blank {} cell; add it to \"choices\".\"{}\"", column.name(), row.value(*column), column.name(), column.name()));
            }
            if matches!(column, Column::Source | Column::Destination | Column::Port)
                && options.len() < 2
            {
                report.error(
                    &at.key("choices").key(column.name()),
                    format!("a blank {} cell needs at least 2 choices", column.name()),
                );
            }
        }
    }
    let mut sorted = a.start.clone();
    crate::sort::natural(&mut sorted);
    if sorted != (0..a.rows.len()).collect::<Vec<_>>() {
        report.error(
            &at.key("start"),
            format!(
                "\"start\" lists each row once, as indices 0 to {}",
                a.rows.len().saturating_sub(1)
            ),
        );
    }
    count(
        report,
        &at.key("flows"),
        a.flows.len(),
        2,
        MAX_STEPS,
        "flows",
    );
    for (i, flow) in a.flows.iter().enumerate() {
        let fp = at.key("flows").index(i);
        text(report, &fp.key("text"), &flow.text, "flow text");
        text(report, &fp.key("why"), &flow.why, "flow's why");
        for (name, v) in [("source", &flow.source), ("destination", &flow.destination)] {
            if ipv4::parse(v).is_none() {
                report.error(
                    &fp.key(name),
                    format!("a flow's {name} is one IPv4 address; \"{v}\" is not"),
                );
            }
        }
        match (flow.protocol, flow.port) {
            (Protocol::Any, _) => report.error(&fp.key("protocol"), "a flow is tcp, udp or icmp"),
            (Protocol::Tcp | Protocol::Udp, None | Some(0)) => report.error(
                &fp.key("port"),
                "a tcp or udp flow needs its destination \"port\" (1 to 65535)",
            ),
            (Protocol::Icmp, Some(_)) => {
                report.error(&fp.key("port"), "an icmp flow has no port; remove it")
            }
            _ => {}
        }
    }
    let expects = |action| a.flows.iter().any(|f| f.expect == action);
    if !expects(crate::content::model::sim::Action::Allow)
        || !expects(crate::content::model::sim::Action::Deny)
    {
        report.error(&at.key("flows"), "the flows need at least one that expects allow and one that expects deny, or allowing (or denying) everything wins");
    }
    if report.error_count() > 0 {
        return;
    }
    let (order, values) = acl::solution(a);
    for (i, flow) in a.flows.iter().enumerate() {
        let (action, _) = acl::decide(a, &order, &values, flow);
        if action != flow.expect {
            report.error(
                &at.key("flows").index(i),
                format!(
                    "the rows as written {} \"{}\", which expects {}; fix the rows or the flow",
                    action.name(),
                    flow.text,
                    flow.expect.name()
                ),
            );
        }
    }
    if is_full(&acl::score(a, &a.start, &[])) {
        report.error(&at.key("start"), "the table already passes every flow as it opens; change \"start\" or blank a cell so there is something to do");
    }
}

/// A placement that earns every mark, for tests and the analysis.
pub fn place_solution(p: &Place) -> Option<Vec<Option<usize>>> {
    if p.reuse {
        let pieces: Vec<Option<usize>> = p
            .slots
            .iter()
            .map(|s| {
                s.accepts
                    .first()
                    .and_then(|a| p.pieces.iter().position(|x| &x.id == a))
            })
            .collect();
        return Some(pieces);
    }
    best_placement(p)
}
