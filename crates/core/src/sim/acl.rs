//! A firewall table: rows in the learner's order, blank cells filled from
//! the offered values, judged by the flows: the first complete row that
//! matches a flow decides it, then the table's default.

use super::{ipv4, SimScore, StepResult};
use crate::content::model::sim::{Acl, AclRow, Action, Column, Flow, Protocol};

/// A row as the engine reads it once its blanks are filled.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Resolved {
    action: Action,
    protocol: Protocol,
    source: ipv4::Net,
    destination: ipv4::Net,
    /// `None` is any port.
    port: Option<u16>,
}

/// The order and values that solve the table as written.
pub fn solution(acl: &Acl) -> (Vec<usize>, Vec<Option<String>>) {
    let values = acl
        .blanks()
        .into_iter()
        .map(|(row, column)| acl.rows.get(row).map(|r| r.value(column)))
        .collect();
    ((0..acl.rows.len()).collect(), values)
}

/// A port cell: `any` or a number.
pub fn parse_port(text: &str) -> Option<Option<u16>> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("any") {
        return Some(None);
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u16>().ok().filter(|p| *p > 0).map(Some)
}

fn parse_action(text: &str) -> Option<Action> {
    match text {
        "allow" => Some(Action::Allow),
        "deny" => Some(Action::Deny),
        _ => None,
    }
}

fn parse_protocol(text: &str) -> Option<Protocol> {
    Protocol::ALL.into_iter().find(|p| p.name() == text)
}

/// A row with the learner's values in its blank cells; `None` while a cell
/// is empty or holds something the table does not offer, so an unfinished
/// row matches nothing.
fn resolve(acl: &Acl, row: usize, values: &[Option<String>]) -> Option<Resolved> {
    let written: &AclRow = acl.rows.get(row)?;
    let blanks = acl.blanks();
    let cell = |column: Column| -> Option<String> {
        match blanks.iter().position(|&b| b == (row, column)) {
            Some(i) => {
                let value = values.get(i).cloned().flatten()?;
                acl.options(column).contains(&value).then_some(value)
            }
            None => Some(written.value(column)),
        }
    };
    Some(Resolved {
        action: parse_action(&cell(Column::Action)?)?,
        protocol: parse_protocol(&cell(Column::Protocol)?)?,
        source: ipv4::Net::parse(&cell(Column::Source)?)?,
        destination: ipv4::Net::parse(&cell(Column::Destination)?)?,
        port: parse_port(&cell(Column::Port)?)?,
    })
}

fn matches(row: &Resolved, flow: &Flow) -> bool {
    let (Some(source), Some(destination)) =
        (ipv4::parse(&flow.source), ipv4::parse(&flow.destination))
    else {
        return false;
    };
    let protocol = row.protocol == Protocol::Any || row.protocol == flow.protocol;
    let port = match row.port {
        None => true,
        Some(p) => flow.protocol != Protocol::Icmp && flow.port == Some(p),
    };
    protocol && port && row.source.contains(source) && row.destination.contains(destination)
}

/// The rows in the learner's order, each written row at most once.
fn ordered(acl: &Acl, order: &[usize]) -> Vec<usize> {
    let mut seen = vec![false; acl.rows.len()];
    order
        .iter()
        .copied()
        .filter(|&r| match seen.get_mut(r) {
            Some(s) if !*s => {
                *s = true;
                true
            }
            _ => false,
        })
        .collect()
}

/// What the table does with a flow, and the row (written index) that
/// decided it, `None` for the default.
pub fn decide(
    acl: &Acl,
    order: &[usize],
    values: &[Option<String>],
    flow: &Flow,
) -> (Action, Option<usize>) {
    for row in ordered(acl, order) {
        if let Some(resolved) = resolve(acl, row, values) {
            if matches(&resolved, flow) {
                return (resolved.action, Some(row));
            }
        }
    }
    (acl.default, None)
}

/// A mark per flow the table treats as expected.
pub fn score(acl: &Acl, order: &[usize], values: &[Option<String>]) -> SimScore {
    let mut wrong = Vec::new();
    let steps = acl
        .flows
        .iter()
        .map(|flow| {
            let (action, _) = decide(acl, order, values, flow);
            let done = action == flow.expect;
            if !done {
                wrong.push(format!("{}: {}", flow.text, action.name()));
            }
            StepResult {
                text: format!("{} (should be {})", flow.text, flow.expect.name()),
                done,
                why: flow.why.clone(),
            }
        })
        .collect();
    SimScore {
        steps,
        penalties: Vec::new(),
        wrong,
    }
}
