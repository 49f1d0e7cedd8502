//! A test-wise learner against the bundled content: the cheats a learner
//! tries first (press 1 every turn, always pick the longest text, always
//! pick the longest option) must lose. The figures are printed so a run
//! shows how far they fall short (`cargo test -p firstline-core --test
//! cheats -- --nocapture`).

use std::path::{Path, PathBuf};

use firstline_core::content::library::{Library, Source};
use firstline_core::content::question::{Choice, Question, Task};
use firstline_core::content::scenario::Scenario;
use firstline_core::scenario::debrief::debrief;
use firstline_core::scenario::evidence;
use firstline_core::scenario::play::Play;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, out: &mut Vec<Source>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    firstline_core::sort::natural(&mut entries);
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("readable content file");
            let name = path
                .strip_prefix(root())
                .unwrap_or(&path)
                .display()
                .to_string();
            out.push(Source::new(name, text));
        }
    }
}

fn library() -> Library {
    let mut all = Vec::new();
    sources(&root().join("questions"), &mut all);
    sources(&root().join("scenarios"), &mut all);
    Library::load(all).library
}

/// A good technician's note for whatever the play learnt: every fact's
/// first phrase, in sentences. The cheats get the best note they could
/// write, so only their choices are judged.
fn honest_note(s: &Scenario) -> String {
    s.notes
        .facts
        .iter()
        .map(|f| {
            format!(
                "I recorded that the {} was noted on this call.",
                f.phrases[0]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn play_with(s: &Scenario, seed: u64, pick: impl FnMut(&Play) -> Option<String>) -> u32 {
    play_checking(s, seed, false, pick)
}

/// As `play_with`; with `checks`, the player opens the evidence a good
/// technician checks and each tool a choice needs, as the best play does.
fn play_checking(
    s: &Scenario,
    seed: u64,
    checks: bool,
    mut pick: impl FnMut(&Play) -> Option<String>,
) -> u32 {
    let mut play = Play::start(s, seed);
    let wanted = evidence::worth_opening(s);
    for _ in 0..200 {
        if checks {
            evidence::open_checks(s, &mut play, &wanted);
        }
        if play.is_over() {
            break;
        }
        let Some(id) = pick(&play) else { break };
        if checks {
            if let Some(c) = s.nodes.iter().flat_map(|n| &n.choices).find(|c| c.id == id) {
                evidence::open_for(s, &mut play, c);
            }
        }
        if play.choose(s, &id).is_err() {
            break;
        }
    }
    play.set_priority(s.ticket.impact, s.ticket.urgency);
    let note = honest_note(s);
    debrief(s, &play, &note, &note).overall
}

#[test]
fn pressing_one_every_turn_or_picking_the_longest_text_loses_every_scenario() {
    let lib = library();
    assert!(lib.scenarios.len() >= 10, "the bundled scenarios load");
    let mut press_one_total = 0;
    let mut longest_total = 0;
    for s in &lib.scenarios {
        let seeds = 0..30u64;
        let n = seeds.clone().count() as u32;
        let press_one: u32 = seeds
            .clone()
            .map(|seed| play_with(s, seed, |p| p.shown(s).first().map(|c| c.id.clone())))
            .sum::<u32>()
            / n;
        let longest: u32 = seeds
            .map(|seed| {
                play_with(s, seed, |p| {
                    p.offered(s)
                        .into_iter()
                        .max_by_key(|c| c.text.chars().count())
                        .map(|c| c.id.clone())
                })
            })
            .sum::<u32>()
            / n;
        // The same harness playing the best path must score full marks, or
        // the cheats' low scores would prove nothing.
        let mut step = 0;
        let best = play_checking(s, 1, true, |_| {
            step += 1;
            s.best_path.get(step - 1).cloned()
        });
        println!(
            "{:<28} best path {best:>3}   press-1 average {press_one:>3}   longest-text average {longest:>3}",
            s.id
        );
        assert!(best >= 95, "{}: the best path scores {best}", s.id);
        assert!(press_one < 60, "{}: pressing 1 averages {press_one}", s.id);
        assert!(
            longest < 70,
            "{}: the longest text averages {longest}",
            s.id
        );
        press_one_total += press_one;
        longest_total += longest;
    }
    let count = lib.scenarios.len() as u32;
    println!(
        "all scenarios: press-1 average {}, longest-text average {}",
        press_one_total / count,
        longest_total / count
    );
    assert!(longest_total / count < 50);
}

/// Whether picking the longest option gets each single-answer task right
/// (PBQ items included), as (right, tasks).
fn longest_option_correct(q: &Question) -> (usize, usize) {
    let pick = |options: &[Choice], answer: usize| {
        let longest = options
            .iter()
            .enumerate()
            .max_by_key(|(_, o)| o.text.trim().chars().count())
            .map(|(i, _)| i);
        usize::from(longest == Some(answer))
    };
    q.tasks()
        .into_iter()
        .fold((0, 0), |(r, t), task| match task {
            Task::Single { options, answer } => (r + pick(options, *answer), t + 1),
            _ => (r, t),
        })
}

#[test]
fn always_picking_the_longest_option_scores_near_chance() {
    let lib = library();
    for exam in ["220-1201", "220-1202", "N10-009"] {
        let (right, total) = lib
            .questions
            .iter()
            .filter(|q| q.exam == exam)
            .map(longest_option_correct)
            .fold((0, 0), |(r, t), (c, n)| (r + c, t + n));
        let share = right as f64 / total.max(1) as f64;
        println!("{exam}: the longest option is right in {right} of {total} single-answer questions ({:.0}%)", share * 100.0);
        assert!(total > 50, "{exam} loads");
        assert!(
            share <= 0.30,
            "{exam}: picking the longest option scores {:.0}%",
            share * 100.0
        );
    }
}

/// Every bundled simulation against the cheat its kind invites: typing
/// every command (terminal), one value in every field (form), one piece in
/// every slot (place), and every blank cell "allow" or "any" as the table
/// opens and in written order (acl). None may earn full marks.
#[test]
fn every_simulation_resists_its_kinds_cheat() {
    use firstline_core::content::model::sim::Sim;
    use firstline_core::quiz::score::is_full;
    use firstline_core::sim::{score, SimAnswer};
    let lib = library();
    let mut seen = 0;
    for q in &lib.questions {
        for task in q.tasks() {
            let Task::Sim(sim) = task else { continue };
            seen += 1;
            let cheats: Vec<SimAnswer> = match sim.as_ref() {
                Sim::Terminal(t) => vec![SimAnswer::Terminal(
                    t.commands
                        .iter()
                        .flat_map(|c| std::iter::once(c.input.clone()).chain(c.aliases.clone()))
                        .collect(),
                )],
                Sim::Form(f) => {
                    let mut values: Vec<String> =
                        f.fields.iter().flat_map(|x| x.options.clone()).collect();
                    values.extend(["on".into(), "off".into(), "192.168.1.100".into()]);
                    values
                        .into_iter()
                        .map(|v| SimAnswer::Form(vec![v; f.fields.len()]))
                        .collect()
                }
                Sim::Place(p) => (0..p.pieces.len())
                    .map(|i| SimAnswer::Place(vec![Some(i); p.slots.len()]))
                    .collect(),
                Sim::Acl(a) => {
                    let fill = |c: firstline_core::content::model::sim::Column| {
                        Some(if c.name() == "action" { "allow" } else { "any" }.to_owned())
                    };
                    let values: Vec<Option<String>> =
                        a.blanks().into_iter().map(|(_, c)| fill(c)).collect();
                    vec![
                        SimAnswer::Acl {
                            order: a.start.clone(),
                            values: values.clone(),
                        },
                        SimAnswer::Acl {
                            order: (0..a.rows.len()).collect(),
                            values,
                        },
                    ]
                }
            };
            for cheat in cheats {
                let got = score(sim, Some(&cheat)).score();
                assert!(!is_full(got), "{}: the cheat {cheat:?} scores {got}", q.id);
            }
        }
    }
    assert!(
        seen >= 4,
        "the bank has a simulation of each kind, found {seen}"
    );
}
