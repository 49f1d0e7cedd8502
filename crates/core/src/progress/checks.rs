//! The evidence side of a saved play: which of the scenario's expected
//! checks the trainee made or missed, and how many practice hints they
//! took. The debrief shows these in full; the record keeps enough for the
//! progress page to say "Checks 1 of 2 (missed: …); 1 hint" without
//! loading the scenario again.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::ScenarioRecord;
use crate::scenario::debrief::Debrief;
use crate::scenario::play::PlayMode;

/// One of the scenario's expected checks, as saved with a play.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// The tool's id in the scenario.
    pub tool: String,
    /// Its title as the play showed it (names filled in), so the record
    /// reads without the scenario file, which may since have changed.
    pub title: String,
    /// Whether the play opened it.
    pub done: bool,
}

impl CheckRecord {
    /// The debrief's expected checks. Other tools the trainee opened are
    /// left out: the play is not measured on them.
    pub fn expected_of(d: &Debrief) -> Vec<CheckRecord> {
        d.checks
            .iter()
            .filter(|c| c.expected)
            .map(|c| CheckRecord {
                tool: c.tool.clone(),
                title: c.title.clone(),
                done: c.done,
            })
            .collect()
    }
}

impl ScenarioRecord {
    /// How many of the expected checks the play made.
    pub fn checks_done(&self) -> usize {
        self.checks.iter().filter(|c| c.done).count()
    }

    /// The expected checks the play missed.
    pub fn checks_missed(&self) -> impl Iterator<Item = &CheckRecord> {
        self.checks.iter().filter(|c| !c.done)
    }

    /// "Checks 1 of 2 (missed: Ticket history); 1 hint": the evidence a
    /// play gathered, in one line for the progress page. None when the
    /// scenario expected no checks and no hint was taken, so plays without
    /// evidence (and records saved before it was kept) add nothing.
    pub fn evidence_line(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.checks.is_empty() {
            let missed: Vec<&str> = self.checks_missed().map(|c| c.title.as_str()).collect();
            let mut checks = format!("Checks {} of {}", self.checks_done(), self.checks.len());
            if !missed.is_empty() {
                checks.push_str(&format!(" (missed: {})", missed.join(", ")));
            }
            parts.push(checks);
        }
        match self.hints {
            0 => {}
            1 => parts.push("1 hint".to_owned()),
            n => parts.push(format!("{n} hints")),
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// Brings a play's evidence read from storage or a backup back to what a
/// play can produce. A hint is counted once per point of the call (the
/// number of choices made when it was asked), so a practice play takes at
/// most one per choice made or taken back, plus one before its first
/// choice; an assessed play offers none. A check is listed once.
pub(super) fn repair(play: &mut ScenarioRecord) {
    let most = match play.mode {
        PlayMode::Assessed => 0,
        PlayMode::Practice => u32::try_from(play.choices.len())
            .unwrap_or(u32::MAX)
            .saturating_add(play.undone)
            .saturating_add(1),
    };
    play.hints = play.hints.min(most);
    let mut seen = BTreeSet::new();
    play.checks.retain(|c| seen.insert(c.tool.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::library::{Library, Source};
    use crate::content::scenario::Scenario;
    use crate::progress::backup::{read_backup, Everything};
    use crate::progress::ScenarioLog;
    use crate::scenario::debrief::debrief;
    use crate::scenario::play::Play;
    use crate::store::{load, save, Document, MemoryStore};

    /// The bundled scenario with evidence: the directory account panel is
    /// its one expected check, the ticket history a tool it does not expect.
    fn payroll() -> Scenario {
        let text = include_str!("../../../../scenarios/account-locked-payroll.json");
        let report = Library::load(vec![Source::new("scenarios/a.json", text.to_owned())]);
        let mut scenarios = report.library.scenarios;
        assert_eq!(scenarios.len(), 1, "{:#?}", report.findings);
        scenarios.remove(0)
    }

    const PATH: [&str; 5] = [
        "acknowledge-verify",
        "ask-password-change",
        "explain-plain",
        "walk-phone",
        "close-properly",
    ];

    /// A finished play of `mode`: `hint` asks for a hint at the start,
    /// `panel` opens the directory panel first; the ticket history is
    /// opened in every play (evidence, but not an expected check).
    fn record(mode: PlayMode, hint: bool, panel: bool, at: u64) -> ScenarioRecord {
        let s = payroll();
        let mut play = Play::start(&s, 7).in_mode(mode);
        if hint {
            play.hint(&s).unwrap();
        }
        play.open_tool(&s, "ticket-history").unwrap();
        if panel {
            play.open_tool(&s, "ad-account").unwrap();
        }
        for id in PATH {
            // Not every path offers every step; stop where the call ended.
            if play.is_over() || play.choose(&s, id).is_err() {
                break;
            }
        }
        play.set_priority(s.ticket.impact, s.ticket.urgency);
        let d = debrief(&s, &play, "", "");
        ScenarioRecord::of(&play, &d, at)
    }

    #[test]
    fn a_finished_play_keeps_its_expected_checks_and_hints() {
        let missed = record(PlayMode::Practice, true, false, 1);
        assert_eq!(missed.hints, 1);
        assert_eq!(
            missed.checks,
            vec![CheckRecord {
                tool: "ad-account".into(),
                title: "Directory account panel".into(),
                done: false,
            }],
            "only expected checks are kept, not the ticket history"
        );
        assert_eq!(
            missed.evidence_line().as_deref(),
            Some("Checks 0 of 1 (missed: Directory account panel); 1 hint")
        );
        let made = record(PlayMode::Assessed, false, true, 2);
        assert_eq!((made.hints, made.checks_done()), (0, 1));
        assert_eq!(made.evidence_line().as_deref(), Some("Checks 1 of 1"));
    }

    #[test]
    fn records_saved_before_checks_were_kept_load_without_them() {
        // A record as saved before hints and checks were kept.
        let text = r#"{"plays": [{"scenario": "s", "seed": 7, "caller": "Ana", "outcome": "resolved",
            "ending": "end", "overall": 80, "dimensions": [["technical", 90]], "critical": 0,
            "minutes": 12, "choices": ["a", "b"], "notes_share": 0.5, "at": 3, "scoring": 2,
            "mistakes": 1, "harm": [], "priority": null, "mode": "practice", "undone": 1}]}"#;
        let store = MemoryStore::new();
        let mut log: ScenarioLog = serde_json::from_str(text).unwrap();
        let play = &log.plays[0];
        assert_eq!((play.hints, play.checks.len()), (0, 0));
        assert_eq!(play.evidence_line(), None);
        // And it saves and loads through the store as it was.
        log.repair();
        save(&store, &log, 10).unwrap();
        let loaded = load::<ScenarioLog>(&store, 11);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.doc, log);
    }

    #[test]
    fn checks_and_hints_survive_save_load_merge_repair_and_backup() {
        let store = MemoryStore::new();
        let practice = record(PlayMode::Practice, true, false, 1);
        let assessed = record(PlayMode::Assessed, false, true, 2);
        let mut log = ScenarioLog {
            plays: vec![practice.clone()],
            ..ScenarioLog::default()
        };
        save(&store, &log, 10).unwrap();
        let loaded = load::<ScenarioLog>(&store, 11);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.doc, log);

        // Another tab's play merges in; both keep their evidence, and
        // merging again changes nothing.
        let theirs = ScenarioLog {
            plays: vec![assessed.clone(), practice.clone()],
            ..ScenarioLog::default()
        };
        log.merge(theirs.clone());
        log.merge(theirs);
        assert_eq!(log.plays, vec![practice.clone(), assessed.clone()]);

        // Repair leaves what a play produced alone.
        let before = log.clone();
        log.repair();
        assert_eq!(log, before);

        // A backup file carries them to another browser.
        let all = Everything {
            scenarios: log.clone(),
            ..Everything::default()
        };
        let text = all.export(12).unwrap();
        let back = read_backup(&text).unwrap();
        assert_eq!(back.data.scenarios, log);
        let mut elsewhere = Everything::default();
        elsewhere.merge(back.data);
        assert_eq!(elsewhere.scenarios.plays[0].hints, 1);
        assert_eq!(elsewhere.scenarios.plays[1].checks_done(), 1);
    }

    #[test]
    fn hints_out_of_range_are_clamped_and_repeated_checks_dropped() {
        let check = |tool: &str, done: bool| CheckRecord {
            tool: tool.into(),
            title: tool.to_uppercase(),
            done,
        };
        let mut practice = record(PlayMode::Practice, false, false, 1);
        practice.choices = vec!["a".into(), "b".into(), "c".into()];
        practice.undone = 1;
        practice.hints = 4000;
        practice.checks = vec![check("x", true), check("y", false), check("x", false)];
        let mut assessed = record(PlayMode::Assessed, false, false, 2);
        assessed.hints = 2;
        let mut huge = record(PlayMode::Practice, false, false, 3);
        huge.undone = u32::MAX;
        huge.hints = u32::MAX;
        let mut log = ScenarioLog {
            plays: vec![practice, assessed, huge],
            ..ScenarioLog::default()
        };
        // As a hand-edited file would bring them in.
        let text = serde_json::to_string(&log).unwrap();
        log = serde_json::from_str(&text).unwrap();
        log.repair();
        // Three choices, one taken back, and the start: 5 points to ask at.
        assert_eq!(log.plays[0].hints, 5);
        assert_eq!(
            log.plays[0].checks,
            vec![check("x", true), check("y", false)]
        );
        assert_eq!(
            log.plays[0].evidence_line().as_deref(),
            Some("Checks 1 of 2 (missed: Y); 5 hints")
        );
        assert_eq!(log.plays[1].hints, 0, "an assessed play takes no hints");
        assert_eq!(log.plays[2].hints, u32::MAX, "the bound saturates");
    }
}
