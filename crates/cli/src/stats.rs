//! `firstline stats`: how many questions each exam has, per domain (against
//! the blueprint's weight), per type and per difficulty, and how often the
//! key is the longest option (item analysis).

use firstline_core::scenario::cues::{length_cue, length_cue_over};
use std::process::ExitCode;

use firstline_core::content::item_analysis::{self, LongestShare};
use firstline_core::content::stats::{exam_stats, objective_coverage, MIN_PER_OBJECTIVE};

use crate::check::load_dirs;
use crate::usage::UsageError;

pub fn run(args: &[String]) -> Result<ExitCode, UsageError> {
    let loaded = load_dirs(args)?;
    let stats = exam_stats(&loaded.report.library);
    let items = item_analysis::analyse(&loaded.report.library);
    if stats.is_empty() {
        println!("no exam blueprints found");
    }
    for exam in stats {
        println!("{} {}: {} questions", exam.exam, exam.name, exam.total);
        for d in &exam.domains {
            let share = d.share(exam.total);
            let off = share - f64::from(d.weight);
            let flag = if off.abs() > 5.0 {
                "  <- more than 5 points from the blueprint"
            } else {
                ""
            };
            println!(
                "  {:<5} {:<40} {:>4}  {:>5.1}% (blueprint {:>2}%){flag}",
                d.id, d.name, d.count, share, d.weight
            );
        }
        let types: Vec<String> = exam
            .types
            .iter()
            .map(|(t, n)| format!("{} {n}", t.name()))
            .collect();
        println!("  types: {}", types.join(", "));
        let levels: Vec<String> = exam
            .difficulties
            .iter()
            .map(|(d, n)| format!("{} {n}", d.label()))
            .collect();
        println!("  difficulty: {}", levels.join(", "));
        if let Some(share) = items.exams.iter().find(|e| e.exam == exam.exam) {
            print_share("key strictly longest", &share.keys, "single-answer items");
        }
        print_coverage(&loaded.report.library, &exam.exam);
    }
    let scenarios = &loaded.report.library.scenarios;
    if !scenarios.is_empty() {
        println!("scenarios: {}", scenarios.len());
        print_share(
            "best choice strictly longest",
            &length_cue_over(scenarios.iter()),
            "best-path decisions",
        );
        for s in scenarios {
            let duties: Vec<&str> = s.duties.iter().map(|d| d.label()).collect();
            let cue = length_cue(s);
            println!(
                "  {:<28} {:<6} start frustration {:>3}  {} node(s)  best choice longest {}/{}  duties: {}",
                s.id,
                s.ticket.channel.label(),
                s.persona.frustration,
                s.nodes.len(),
                cue.longest,
                cue.items,
                duties.join(", ")
            );
        }
    }
    // Item analysis adds one error per exam over its limit; those leave no
    // question out, so they are not counted here.
    let errors = (loaded.report.error_count() + loaded.unreadable.len())
        .saturating_sub(items.exams_over_limit().count());
    if errors > 0 {
        eprintln!("note: {errors} content error(s) left some questions out; run `firstline check`");
    }
    Ok(ExitCode::SUCCESS)
}

/// Questions per objective, several to a line, then every objective under
/// the floor by name.
fn print_coverage(library: &firstline_core::content::Library, exam: &str) {
    let coverage = objective_coverage(library, exam);
    println!("  questions per objective:");
    for row in coverage.chunks(6) {
        let cells: Vec<String> = row
            .iter()
            .map(|o| format!("{:<5} {:>3}", o.id, o.count))
            .collect();
        println!("    {}", cells.join("   "));
    }
    let thin: Vec<_> = coverage.iter().filter(|o| o.is_thin()).collect();
    if thin.is_empty() {
        println!("  every objective has {MIN_PER_OBJECTIVE} or more questions");
    }
    for o in thin {
        println!(
            "  objective {} {} has {} question(s), under {MIN_PER_OBJECTIVE}  <- write more",
            o.id, o.title, o.count
        );
    }
}

/// One item-analysis share line, such as "key strictly longest: 3 of 12
/// single-answer items (25%), limit 30%", flagged when over the limit.
fn print_share(what: &str, share: &LongestShare, items: &str) {
    let flag = if share.over_limit() {
        "  <- over the limit; see `firstline check`"
    } else {
        ""
    };
    println!(
        "  {what}: {} of {} {items} ({:.0}%), limit {}%{flag}",
        share.longest,
        share.items,
        share.percent(),
        share.limit_percent
    );
}
