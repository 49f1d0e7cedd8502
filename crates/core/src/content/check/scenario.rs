//! Checks a scenario file: every link leads somewhere, every node can be
//! reached, every path ends, the ticket can be resolved, the best path is a
//! real path with no mistake, and every fact can be learnt. The graph rules
//! and scoring are the engine's (`crate::scenario`); this module only
//! reports where a file breaks them. The playthrough analyser runs for
//! authors (`check_scores`), not at start-up.

use std::collections::{BTreeSet, HashMap};
use std::ops::RangeInclusive;

use crate::content::finding::Finding;
use crate::content::finding::Reporter;
use crate::content::library::Source;
use crate::content::path::JsonPath;
use crate::content::scenario::{Behaviour, Outcome, Scenario};
use crate::scenario::analyse::{analyse, Analysis, Truncation, EXPLORE_LIMIT, PATH_LIMIT};
use crate::scenario::cues::{length_cue, length_cue_over};
use crate::scenario::debrief::is_mistake;
use crate::scenario::graph::{apply_flags, flags_allow, target, Target};
use crate::scenario::reach::reach;

/// Checks a scenario; returns false when it cannot be played.
pub fn check(s: &Scenario, report: &mut Reporter) -> bool {
    let root = JsonPath::root();
    let before = report.error_count();
    let node_path = |i: usize| root.key("nodes").index(i);

    super::require_text(
        report,
        &root,
        &[("id", &s.id), ("title", &s.title), ("summary", &s.summary)],
    );
    super::id_without_spaces(report, &root, "scenario", &s.id);
    if s.duties.is_empty() {
        report.error(
            &root.key("duties"),
            "list at least one duty this scenario practises",
        );
    }
    check_persona(s, report);
    check_numbers(s, report);
    check_article(s, report);
    if s.ticket.report.trim().is_empty() {
        report.error(
            &root.key("ticket").key("report"),
            "write the user's first report in their own words",
        );
    }

    // Ids: unique across nodes and endings; choice ids unique in the scenario.
    let mut ids: HashMap<String, JsonPath> = HashMap::new();
    let mut unique = |report: &mut Reporter, id: &str, path: JsonPath, what: &str| {
        if let Some(first) = ids.get(id) {
            let first = report.where_is(first);
            report.error(
                &path,
                format!("duplicate {what} id \"{id}\"; first used at {first}"),
            );
        } else {
            ids.insert(id.to_owned(), path);
        }
    };
    for (i, node) in s.nodes.iter().enumerate() {
        unique(report, &node.id, node_path(i).key("id"), "node");
    }
    for (i, ending) in s.endings.iter().enumerate() {
        unique(
            report,
            &ending.id,
            root.key("endings").index(i).key("id"),
            "ending",
        );
    }
    let mut choice_ids: HashMap<&str, JsonPath> = HashMap::new();
    for (i, node) in s.nodes.iter().enumerate() {
        for (j, choice) in node.choices.iter().enumerate() {
            let path = node_path(i).key("choices").index(j);
            if let Some(first) = choice_ids.get(choice.id.as_str()) {
                let first = report.where_is(first);
                report.error(
                    &path.key("id"),
                    format!(
                        "duplicate choice id \"{}\" in node \"{}\"; first used at {first}",
                        choice.id, node.id
                    ),
                );
            } else {
                choice_ids.insert(&choice.id, path.key("id"));
            }
        }
    }

    // Links.
    if !matches!(target(s, &s.start), Some(Target::Node(_))) {
        report.error(
            &root.key("start"),
            format!("start \"{}\" is not a node id", s.start),
        );
    }
    for (field, wanted) in [
        ("on_give_up", Outcome::GaveUp),
        ("on_deadline", Outcome::DeadlineMissed),
    ] {
        let id = if field == "on_give_up" {
            &s.on_give_up
        } else {
            &s.on_deadline
        };
        match s.endings.iter().find(|e| &e.id == id) {
            Some(e) if e.outcome == wanted => {}
            Some(e) => report.error(
                &root.key(field),
                format!(
                    "{field} names ending \"{id}\" whose outcome is {}, not {}",
                    e.outcome.label(),
                    wanted.label()
                ),
            ),
            None => report.error(
                &root.key(field),
                format!("{field} names \"{id}\", which is not an ending id"),
            ),
        }
    }
    for (i, node) in s.nodes.iter().enumerate() {
        let path = node_path(i);
        let u = &node.user;
        if u.calm.is_none() && u.annoyed.is_none() && u.angry.is_none() {
            report.error(&path.key("user"), format!("node \"{}\" gives the user nothing to say: add \"calm\", \"annoyed\" or \"angry\"", node.id));
        }
        if node.choices.is_empty() {
            report.error(&path.key("choices"), format!("node \"{}\" is a dead end: it has no choices; add a choice or link to an ending instead", node.id));
        }
        for (j, choice) in node.choices.iter().enumerate() {
            let cpath = path.key("choices").index(j);
            if target(s, &choice.next).is_none() {
                report.error(&cpath.key("next"), format!("choice \"{}\" in node \"{}\" leads to \"{}\", which is neither a node nor an ending (a dangling link)", choice.id, node.id, choice.next));
            }
            if choice.text.trim().is_empty() {
                report.error(&cpath.key("text"), "write what the technician says or does");
            }
            if choice.feedback.trim().is_empty() {
                report.error(
                    &cpath.key("feedback"),
                    format!(
                        "choice \"{}\" needs feedback naming the behaviour it shows",
                        choice.id
                    ),
                );
            }
            let exposes = choice.behaviours.iter().any(|b| {
                matches!(
                    b,
                    Behaviour::SkippedVerification | Behaviour::SharedConfidentialData
                )
            });
            if exposes && choice.critical.is_none() {
                report.error(&cpath.key("critical"), format!("choice \"{}\" skips verification or shares confidential data, so it is a critical mistake: add \"critical\" with one of the ids in docs/content-format.md (for example \"unverified-change\" or \"data-exposed\")", choice.id));
            }
            if let (Some(min), Some(max)) = (
                choice.requires.min_frustration,
                choice.requires.max_frustration,
            ) {
                if min > max {
                    report.error(&cpath.key("requires"), format!("choice \"{}\" can never be offered: min_frustration {min} is above max_frustration {max}", choice.id));
                }
            }
        }
    }
    for (i, ending) in s.endings.iter().enumerate() {
        let path = root.key("endings").index(i);
        if ending.outcome == Outcome::Escalated && !matches!(ending.tier, Some(2 | 3)) {
            report.error(
                &path.key("tier"),
                format!(
                    "escalated ending \"{}\" must name the tier it goes to: \"tier\": 2 or 3",
                    ending.id
                ),
            );
        }
        if ending.text.trim().is_empty() {
            report.error(&path.key("text"), "describe what happens at this ending");
        }
    }
    super::evidence::check_tools(s, report);
    if report.error_count() > before {
        return false;
    }

    check_graph(s, report);
    super::evidence::check_evidence_paths(s, report);
    check_best_path(s, report);
    check_notes(s, report);
    report.error_count() == before
}

fn check_persona(s: &Scenario, report: &mut Reporter) {
    let p = &s.persona;
    let path = JsonPath::root().key("persona");
    if p.frustration > 100 {
        report.error(&path.key("frustration"), "frustration runs from 0 to 100");
    }
    if p.patience == 0 || p.patience > 100 {
        report.error(
            &path.key("patience"),
            "patience (the frustration at which the user gives up) runs from 1 to 100",
        );
    }
    if p.time_pressure > 10 {
        report.error(
            &path.key("time_pressure"),
            "time_pressure runs from 0 to 10 frustration points per minute",
        );
    }
    if p.mood_spread > 30 {
        report.error(&path.key("mood_spread"), "mood_spread runs from 0 to 30");
    }
    if u16::from(p.frustration) + u16::from(p.mood_spread) >= u16::from(p.patience) {
        report.error(
            &path.key("patience"),
            format!(
                "the user could give up before the first word: starting frustration {} (plus spread {}) reaches patience {}",
                p.frustration, p.mood_spread, p.patience
            ),
        );
    }
}

/// The user's deadline in simulated minutes: a week at most.
pub const DEADLINE_MINUTES: RangeInclusive<u32> = 1..=10_080;
/// Simulated minutes one choice takes: a working day at most.
pub const CHOICE_MINUTES: RangeInclusive<u32> = 0..=480;
/// A choice's change in frustration, on the 0-100 scale.
pub const FRUSTRATION_CHANGE: RangeInclusive<i32> = -100..=100;
/// Technical, service and process points of a choice or an ending.
pub const POINTS: RangeInclusive<i32> = -100..=100;
/// Frustration thresholds in `requires`.
pub const FRUSTRATION: RangeInclusive<u8> = 0..=100;

/// Every number a scenario file gives, within its documented bounds
/// (docs/content-format.md, "Numbers"). The engine's arithmetic saturates
/// anyway; the bounds keep scores and clocks meaningful and name the typo.
fn check_numbers(s: &Scenario, report: &mut Reporter) {
    let root = JsonPath::root();
    let out =
        |report: &mut Reporter, path: &JsonPath, field: &str, value: String, range: String| {
            report.error(path, format!("{field} {value} is outside {range}"));
        };
    let deadline = s.ticket.deadline_minutes;
    if !DEADLINE_MINUTES.contains(&deadline) {
        out(
            report,
            &root.key("ticket").key("deadline_minutes"),
            "deadline_minutes",
            deadline.to_string(),
            format!(
                "{}-{} (simulated minutes)",
                DEADLINE_MINUTES.start(),
                DEADLINE_MINUTES.end()
            ),
        );
    }
    let points = format!("{} to {}", POINTS.start(), POINTS.end());
    for (i, node) in s.nodes.iter().enumerate() {
        for (j, choice) in node.choices.iter().enumerate() {
            let cpath = root.key("nodes").index(i).key("choices").index(j);
            let epath = cpath.key("effects");
            let e = &choice.effects;
            if !FRUSTRATION_CHANGE.contains(&e.frustration) {
                out(
                    report,
                    &epath.key("frustration"),
                    "frustration",
                    e.frustration.to_string(),
                    format!(
                        "{} to {}",
                        FRUSTRATION_CHANGE.start(),
                        FRUSTRATION_CHANGE.end()
                    ),
                );
            }
            if let Some(minutes) = e.minutes.filter(|m| !CHOICE_MINUTES.contains(m)) {
                out(
                    report,
                    &epath.key("minutes"),
                    "minutes",
                    minutes.to_string(),
                    format!("{}-{}", CHOICE_MINUTES.start(), CHOICE_MINUTES.end()),
                );
            }
            for (field, value) in [
                ("technical", e.technical),
                ("service", e.service),
                ("process", e.process),
            ] {
                if !POINTS.contains(&value) {
                    out(
                        report,
                        &epath.key(field),
                        field,
                        value.to_string(),
                        points.clone(),
                    );
                }
            }
            for (field, value) in [
                ("max_frustration", choice.requires.max_frustration),
                ("min_frustration", choice.requires.min_frustration),
            ] {
                if let Some(v) = value.filter(|v| !FRUSTRATION.contains(v)) {
                    out(
                        report,
                        &cpath.key("requires").key(field),
                        field,
                        v.to_string(),
                        format!("{}-{}", FRUSTRATION.start(), FRUSTRATION.end()),
                    );
                }
            }
        }
    }
    for (i, ending) in s.endings.iter().enumerate() {
        let path = root.key("endings").index(i);
        for (field, value) in [
            ("technical", ending.technical),
            ("service", ending.service),
            ("process", ending.process),
        ] {
            if !POINTS.contains(&value) {
                out(
                    report,
                    &path.key(field),
                    field,
                    value.to_string(),
                    points.clone(),
                );
            }
        }
    }
}

/// Reachability, dead ends, endless loops and the endings paths reach,
/// over (node, flags) states (the engine's search, `scenario::reach`).
fn check_graph(s: &Scenario, report: &mut Reporter) {
    let root = JsonPath::root();
    let Some(found) = reach(s) else {
        return;
    };
    if found.truncated {
        report.warning(
            &root.key("nodes"),
            "too many flag combinations to check every path; simplify the flags",
        );
        return;
    }
    let node_path = |i: usize| root.key("nodes").index(i);
    let reached = &found.nodes;
    for (i, node) in s.nodes.iter().enumerate() {
        if !reached.contains(&i) {
            report.error(
                &node_path(i).key("id"),
                format!(
                    "node \"{}\" can never be reached from start \"{}\"; link to it or remove it",
                    node.id, s.start
                ),
            );
        }
    }
    for (node, flags) in &found.dead_ends {
        report.error(
            &node_path(*node).key("choices"),
            format!("node \"{}\" is a dead end when the flags are [{}]: no choice is offered; add a choice without conditions", s.nodes[*node].id, flags.join(", ")),
        );
    }
    for &node in &found.endless {
        report.error(&node_path(node).key("choices"), format!("from node \"{}\" no path ever reaches an ending (an endless loop); give it a way out", s.nodes[node].id));
    }
    // Outcomes.
    if !found.outcomes.contains(&Outcome::Resolved) {
        report.error(&root.key("endings"), "no path resolves the ticket: at least one path must reach an ending with \"outcome\": \"resolved\"");
    }
    let good: BTreeSet<&str> = s
        .endings
        .iter()
        .filter(|e| e.outcome.is_good())
        .filter(|e| {
            s.nodes
                .iter()
                .enumerate()
                .any(|(i, n)| reached.contains(&i) && n.choices.iter().any(|c| c.next == e.id))
        })
        .map(|e| e.id.as_str())
        .collect();
    if good.len() < 2 {
        report.error(&root.key("endings"), format!("a scenario needs at least two distinct good or partial endings (resolved or escalated) that paths reach; found {}", good.len()));
    }
}

fn check_best_path(s: &Scenario, report: &mut Reporter) {
    let path = JsonPath::root().key("best_path");
    let Some(Target::Node(mut node)) = target(s, &s.start) else {
        return;
    };
    let mut flags = BTreeSet::new();
    if s.best_path.is_empty() {
        report.error(&path, "list the ids of the choices along the best path");
        return;
    }
    for (i, id) in s.best_path.iter().enumerate() {
        let Some(choice) = s.nodes[node].choices.iter().find(|c| &c.id == id) else {
            report.error(
                &path.index(i),
                format!(
                    "best_path step {} is \"{id}\", which is not a choice of node \"{}\"",
                    i + 1,
                    s.nodes[node].id
                ),
            );
            return;
        };
        if !flags_allow(choice, &flags) {
            report.error(&path.index(i), format!("best_path step {} (\"{id}\") is not offered there: its flag conditions do not hold", i + 1));
            return;
        }
        if is_mistake(choice) {
            report.error(&path.index(i), format!("best_path step {} (\"{id}\") is a mistake (a negative point, a behaviour that loses credit, or a critical mistake); the best path must have none", i + 1));
        }
        apply_flags(choice, &mut flags);
        match target(s, &choice.next) {
            Some(Target::Node(n)) => node = n,
            Some(Target::Ending(ending)) => {
                if i + 1 != s.best_path.len() {
                    report.error(
                        &path.index(i + 1),
                        format!(
                            "best_path continues after reaching ending \"{}\"",
                            ending.id
                        ),
                    );
                } else if ending.outcome != Outcome::Resolved
                    && ending.outcome != Outcome::Escalated
                {
                    report.error(&path.index(i), format!("best_path ends at \"{}\", which loses the user; it must end resolved or escalated", ending.id));
                }
                return;
            }
            None => return,
        }
    }
    report.error(
        &path,
        format!(
            "best_path stops at node \"{}\" without reaching an ending",
            s.nodes[node].id
        ),
    );
}

fn check_notes(s: &Scenario, report: &mut Reporter) {
    let path = JsonPath::root().key("notes");
    let choice_ids: BTreeSet<&str> = s
        .nodes
        .iter()
        .flat_map(|n| &n.choices)
        .map(|c| c.id.as_str())
        .collect();
    if s.notes.facts.is_empty() {
        report.error(
            &path.key("facts"),
            "list the key facts a good ticket must contain",
        );
    }
    for (i, fact) in s.notes.facts.iter().enumerate() {
        let fpath = path.key("facts").index(i);
        if s.notes.facts[..i].iter().any(|f| f.id == fact.id) {
            report.error(
                &fpath.key("id"),
                format!("duplicate fact id \"{}\"", fact.id),
            );
        }
        for (j, id) in fact.learnt_by.iter().enumerate() {
            if !choice_ids.contains(id.as_str()) {
                report.error(
                    &fpath.key("learnt_by").index(j),
                    format!(
                        "fact \"{}\" is learnt by \"{id}\", which is not a choice id",
                        fact.id
                    ),
                );
            }
        }
        if fact.section == crate::content::scenario::NoteSection::Notes
            && !fact.learnt_by.is_empty()
            && !fact.learnt_by.iter().any(|id| s.best_path.contains(id))
        {
            report.error(
                &fpath.key("learnt_by"),
                format!("fact \"{}\" cannot be learnt on the best path, so a perfect play could not document it: add a best-path choice to learnt_by", fact.id),
            );
        }
        if fact.phrases.iter().all(|p| p.trim().is_empty()) {
            report.error(
                &fpath.key("phrases"),
                format!("fact \"{}\" needs at least one phrase to look for", fact.id),
            );
        }
    }
}

/// Plays every path and reports where the scores break the analyser's
/// rules (authoring only: it plays thousands of paths). Returns the
/// analysis so callers can print it without playing again.
pub fn check_scores(s: &Scenario, report: &mut Reporter) -> Analysis {
    let analysis = analyse(s);
    let at = JsonPath::root().key("best_path");
    for problem in &analysis.problems {
        report.error(&at, format!("scenario \"{}\": {}", s.id, problem.message));
    }
    if let Some(why) = analysis.sampled_because {
        let cause = match why {
            Truncation::Paths => format!(
                "it has more than {PATH_LIMIT} finished paths"
            ),
            Truncation::Work => format!(
                "its paths loop more than they finish (the search stopped after {EXPLORE_LIMIT} states)"
            ),
        };
        report.warning(
            &JsonPath::root().key("nodes"),
            format!(
                "scenario \"{}\" cannot be played exhaustively: {cause}, so its scores were checked on {} sampled paths covering {} of {} choices; to check every path, give loops a way out that does not need a second lap (a flag set on the first lap and required by the loop-back choice), or split long chains of interchangeable choices",
                s.id, analysis.paths, analysis.covered, analysis.choices
            ),
        );
    }
    analysis
}

/// Across all scenarios, the best choice must not be the longest too often
/// (a test-wise learner picks the longest). Over the limit, one error names
/// the share and sits at the best path of the scenario that leans on length
/// most.
pub fn check_length_cue(scenarios: &[Scenario], sources: &[Source]) -> Vec<Finding> {
    let total = length_cue_over(scenarios);
    if !total.over_limit() {
        return Vec::new();
    }
    let Some(worst) = scenarios.iter().max_by_key(|s| length_cue(s).longest) else {
        return Vec::new();
    };
    let Some(source) = sources.iter().find(|src| {
        matches!(crate::content::file::parse(&src.name, &src.text), Ok(crate::content::file::ContentFile::Scenario(s)) if s.id == worst.id)
    }) else {
        return Vec::new();
    };
    let mine = length_cue(worst);
    let mut reporter = Reporter::new(&source.name, &source.text);
    reporter.error(
        &JsonPath::root().key("best_path"),
        format!(
            "across all scenarios the best choice is strictly the longest at {} of {} best-path decisions ({:.0}%, limit {}%); this scenario has {} of {}: shorten best choices or give wrong ones their own reasons (see docs/content-format.md, \"Choices that measure judgement\")",
            total.longest, total.items, total.percent(), total.limit_percent, mine.longest, mine.items
        ),
    );
    reporter.finish()
}

/// An article rubric names at least one phrase for every part and every
/// step, or a part could never be earned.
fn check_article(s: &Scenario, report: &mut Reporter) {
    let Some(article) = &s.article else { return };
    let at = JsonPath::root().key("article");
    let blank = |phrases: &[String]| phrases.iter().all(|p| p.trim().is_empty());
    for (field, phrases) in [
        ("symptom", &article.symptom),
        ("environment", &article.environment),
        ("cause", &article.cause),
        ("verify", &article.verify),
    ] {
        if blank(phrases) {
            report.error(
                &at.key(field),
                format!("give at least one phrase an article's {field} part could state"),
            );
        }
    }
    if article.steps.is_empty() {
        report.error(
            &at.key("steps"),
            "list the resolution's steps, each as a list of phrases",
        );
    }
    for (i, step) in article.steps.iter().enumerate() {
        if blank(step) {
            report.error(
                &at.key("steps").index(i),
                "this step has no phrase: give at least one a resolution could state it with",
            );
        }
    }
}
