//! The gentle reminder to back up: browser storage can be cleared (some
//! browsers do it after a week without a visit), so once a week's worth of
//! work exists only in this browser, the learner is asked to save a copy.
//! "Remind me later" waits another week.

use serde::{Deserialize, Serialize};

use super::{ExamLog, InterviewLog, Progress, ScenarioLog};
use crate::store::Document;

pub const WEEK_MS: u64 = 7 * 24 * 60 * 60 * 1000;

/// When the learner last saved a backup, and until when they asked not to
/// be reminded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupLog {
    #[serde(default)]
    pub exported_at: Option<u64>,
    #[serde(default)]
    pub snoozed_until: Option<u64>,
}

impl Document for BackupLog {
    const KEY: &'static str = "firstline.backup";
    const FORMAT: &'static str = "firstline-backup-log";
    const VERSION: u32 = 1;

    /// The later of each time: a backup made in either tab counts.
    fn merge(&mut self, theirs: Self) {
        self.exported_at = self.exported_at.max(theirs.exported_at);
        self.snoozed_until = self.snoozed_until.max(theirs.snoozed_until);
    }
}

/// Work not in any backup yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// How many answers, exams, plays and interview answers.
    pub items: usize,
    /// When the oldest of them was done.
    pub since: u64,
}

/// The times of everything the learner has done.
pub fn work_times(
    progress: &Progress,
    exams: &ExamLog,
    scenarios: &ScenarioLog,
    interview: &InterviewLog,
) -> Vec<u64> {
    let mut times: Vec<u64> = progress.attempts.iter().map(|a| a.at).collect();
    times.extend(exams.records.iter().map(|r| r.finished_at));
    times.extend(scenarios.plays.iter().map(|p| p.at));
    times.extend(interview.answers.iter().map(|a| a.at));
    times.extend(interview.mocks.iter().map(|m| m.at));
    times
}

/// Whether to remind now: the oldest work since the last backup is a week
/// old or more, and the learner has not asked to wait.
pub fn due(log: &BackupLog, times: &[u64], now: u64) -> Option<Reminder> {
    if log.snoozed_until.is_some_and(|until| now < until) {
        return None;
    }
    let after = log.exported_at.unwrap_or(0);
    let unsaved: Vec<u64> = times.iter().copied().filter(|&t| t > after).collect();
    let since = unsaved.iter().copied().min()?;
    (now.saturating_sub(since) >= WEEK_MS).then_some(Reminder {
        items: unsaved.len(),
        since,
    })
}

impl BackupLog {
    /// "Remind me later": not again for a week.
    pub fn snooze(&mut self, now: u64) {
        self.snoozed_until = Some(now.saturating_add(WEEK_MS));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u64 = WEEK_MS / 7;

    #[test]
    fn a_week_of_work_not_backed_up_brings_the_reminder() {
        let log = BackupLog::default();
        let now = 30 * DAY;
        assert_eq!(due(&log, &[], now), None, "nothing to lose");
        assert_eq!(due(&log, &[now - 6 * DAY], now), None, "under a week");
        assert_eq!(
            due(&log, &[now - 8 * DAY, now - DAY], now),
            Some(Reminder {
                items: 2,
                since: now - 8 * DAY
            })
        );
    }

    #[test]
    fn a_backup_covers_the_work_before_it() {
        let now = 30 * DAY;
        let log = BackupLog {
            exported_at: Some(now - 5 * DAY),
            snoozed_until: None,
        };
        // Old work is in the backup; the new work is under a week old.
        assert_eq!(due(&log, &[now - 20 * DAY, now - 4 * DAY], now), None);
        assert!(due(&log, &[now - 20 * DAY, now - 4 * DAY], now + 4 * DAY).is_some());
    }

    #[test]
    fn later_waits_a_week_and_merging_keeps_the_latest_times() {
        let now = 30 * DAY;
        let mut log = BackupLog::default();
        log.snooze(now);
        let times = [now - 10 * DAY];
        assert_eq!(due(&log, &times, now + 6 * DAY), None);
        assert!(due(&log, &times, now + 7 * DAY).is_some());

        let mut ours = BackupLog {
            exported_at: Some(5),
            snoozed_until: None,
        };
        ours.merge(BackupLog {
            exported_at: Some(9),
            snoozed_until: Some(3),
        });
        assert_eq!(ours.exported_at, Some(9));
        assert_eq!(ours.snoozed_until, Some(3));
    }
}
