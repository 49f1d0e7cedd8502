//! A command line: a typed line matched to an authored command (ignoring
//! case and repeated spaces), else to a known program, else the
//! terminal's error for unknown commands.

use super::{capped, same_text, SimScore, StepResult, MAX_COMMANDS, MAX_COMMAND_CHARS};
use crate::content::model::sim::Terminal;

/// The authored command a line runs, by index.
pub fn find(terminal: &Terminal, line: &str) -> Option<usize> {
    terminal
        .commands
        .iter()
        .position(|c| same_text(&c.input, line) || c.aliases.iter().any(|a| same_text(a, line)))
}

/// What the terminal prints for a line.
pub fn respond(terminal: &Terminal, line: &str) -> String {
    let line = capped(line.trim(), MAX_COMMAND_CHARS);
    if line.is_empty() {
        return String::new();
    }
    if let Some(i) = find(terminal, &line) {
        return terminal
            .commands
            .get(i)
            .map(|c| c.output.clone())
            .unwrap_or_default();
    }
    let (first, args) = match line.split_once(char::is_whitespace) {
        Some((f, a)) => (f, a.trim()),
        None => (line.as_str(), ""),
    };
    if let Some(program) = terminal.programs.iter().find(|p| same_text(&p.name, first)) {
        return program.output.replace("{args}", args);
    }
    terminal.unknown.replace("{command}", first)
}

/// Adds a typed line to the log, trimmed and capped. Returns false (and
/// keeps nothing) when the line is empty or the log is full.
pub fn run(log: &mut Vec<String>, line: &str) -> bool {
    let line = capped(line.trim(), MAX_COMMAND_CHARS);
    if line.is_empty() || log.len() >= MAX_COMMANDS {
        return false;
    }
    log.push(line);
    true
}

/// A mark per step done, less one per `avoid` command run. Only the first
/// `MAX_COMMANDS` lines count, whatever a stored answer holds.
pub fn score(terminal: &Terminal, lines: &[String]) -> SimScore {
    let ran: Vec<usize> = lines
        .iter()
        .take(MAX_COMMANDS)
        .filter_map(|l| find(terminal, &capped(l, MAX_COMMAND_CHARS)))
        .collect();
    let was_run = |command: &str| find(terminal, command).is_some_and(|i| ran.contains(&i));
    let steps: Vec<StepResult> = terminal
        .steps
        .iter()
        .map(|s| StepResult {
            text: s.text.clone(),
            done: s.run.iter().any(|c| was_run(c)),
            why: s.why.clone(),
        })
        .collect();
    let penalties: Vec<StepResult> = terminal
        .avoid
        .iter()
        .filter(|a| was_run(&a.run))
        .map(|a| StepResult {
            text: format!("Ran {}", a.run),
            done: true,
            why: a.why.clone(),
        })
        .collect();
    let wrong = penalties.iter().map(|p| p.text.clone()).collect();
    SimScore {
        steps,
        penalties,
        wrong,
    }
}
