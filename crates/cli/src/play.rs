//! `firstline play`: the playthrough analyser's report. Every path of each
//! scenario is played (or a seeded sample, when there are too many) and
//! scored as the debrief would with a perfect note and the right priority:
//! the best path, the highest and lowest scores, each ending's range, and
//! with `--paths` every path with its score per dimension.

use std::collections::BTreeMap;
use std::process::ExitCode;

use firstline_core::content::shift::Shift;
use firstline_core::scenario::analyse::{Analysis, PathScore};
use firstline_core::shift::rules::{arrival_order_play, missed_targets, reference_play};
use firstline_core::shift::score::report;

use crate::check::load_dirs;
use crate::usage::UsageError;

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let every_path = args.iter().any(|a| a == "--paths");
    let dirs: Vec<String> = args.iter().filter(|a| *a != "--paths").cloned().collect();
    let loaded = load_dirs(&dirs)?;
    if loaded.report.analyses.is_empty() {
        eprintln!("no scenario loaded: run `firstline check` to see why");
        return Ok(ExitCode::from(1));
    }
    let mut problems = 0;
    for (id, a) in &loaded.report.analyses {
        println!("{}", summary(id, a));
        if let Some(best) = &a.best {
            println!("  best path:   {}", line(best));
        }
        if let Some(high) = &a.highest {
            println!("  highest:     {}", line(high));
        }
        if let Some(low) = &a.lowest {
            println!("  lowest:      {}", line(low));
        }
        let mut endings: BTreeMap<&str, (usize, u32, u32)> = BTreeMap::new();
        for p in &a.scores {
            let e = endings.entry(p.ending.as_str()).or_insert((0, u32::MAX, 0));
            e.0 += 1;
            e.1 = e.1.min(p.overall);
            e.2 = e.2.max(p.overall);
        }
        for (ending, (count, low, high)) in endings {
            println!("  ending {ending:<26} {count:>6} path(s), overall {low}..{high}");
        }
        for problem in &a.problems {
            println!("  error: {}", problem.message);
        }
        problems += a.problems.len();
        if every_path {
            for p in &a.scores {
                println!("    {}", line(p));
            }
        }
    }
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One line per scenario: the best path's score, the range, the paths.
pub fn summary(id: &str, a: &Analysis) -> String {
    let overall =
        |p: &Option<PathScore>| p.as_ref().map_or("-".to_owned(), |p| p.overall.to_string());
    let with_mistake = a
        .scores
        .iter()
        .filter(|p| p.mistakes > 0)
        .map(|p| p.overall)
        .max()
        .map_or("-".to_owned(), |m| m.to_string());
    format!(
        "scenario {id}: best path {}, highest {}, lowest {}, best with a mistake {with_mistake} over {} path(s){}; {} of {} choices played",
        overall(&a.best),
        overall(&a.highest),
        overall(&a.lowest),
        a.paths,
        if a.exhaustive { "" } else { " (sampled)" },
        a.covered,
        a.choices,
    )
}

/// One line per shift: the reference play's score (most urgent first,
/// every decision right) and what taking tickets as they come misses.
pub fn shift_summary(shift: &Shift) -> String {
    let reference = report(shift, &reference_play(shift));
    let arrival = arrival_order_play(shift);
    let missed = missed_targets(shift, &arrival);
    format!(
        "shift {}: {} ticket(s); reference play {} ({} min); taken as they arrive, {} and misses {}",
        shift.id,
        shift.tickets.len(),
        reference.overall,
        reference.minutes,
        report(shift, &arrival).overall,
        if missed.is_empty() {
            "no target".to_owned()
        } else {
            format!("the targets of {}", missed.join(", "))
        },
    )
}

/// "64 | technical 80 service 45 ... | 2 mistake(s) | end-x | a > b > c"
fn line(p: &PathScore) -> String {
    let dims: Vec<String> = p
        .scores
        .iter()
        .map(|(d, s)| {
            format!(
                "{} {s}",
                d.label()
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
            )
        })
        .collect();
    format!(
        "{:>3} | {} | {} mistake(s){} | {} | {}",
        p.overall,
        dims.join(" "),
        p.mistakes,
        if p.critical { ", critical" } else { "" },
        p.ending,
        p.choices.join(" > ")
    )
}
