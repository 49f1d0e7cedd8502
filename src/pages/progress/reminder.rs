//! The weekly "back up your progress" reminder on the Progress page.

use firstline_core::progress::reminder::{due, work_times};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::clock::{format_day, now_ms};
use crate::state::progress::{
    use_backup_log, use_exam_log, use_interview_log, use_progress, use_scenario_log,
};

#[component]
pub fn BackupReminder() -> impl IntoView {
    let (progress, exams, scenarios, interview, log) = (
        use_progress(),
        use_exam_log(),
        use_scenario_log(),
        use_interview_log(),
        use_backup_log(),
    );
    let (p, e, s, i, l) = (
        progress.read(),
        exams.read(),
        scenarios.read(),
        interview.read(),
        log.read(),
    );
    let reminder = Memo::new(move |_| {
        let times = p.with(|p| e.with(|e| s.with(|s| i.with(|i| work_times(p, e, s, i)))));
        l.with(|log| due(log, &times, now_ms()))
    });
    move || {
        reminder.get().map(|r| {
            view! {
                <div class="notice info" role="region" aria-label="Backup reminder">
                    <p>{format!(
                        "You have {} answer(s) and result(s) since {} that exist only in this browser. Save a backup so a cleared browser cannot take them.",
                        r.items,
                        format_day(r.since)
                    )}</p>
                    <A href="/progress/backup" attr:class="button">"Back up now"</A>
                    <button type="button" class="secondary" on:click=move |_| log.update(|l| l.snooze(now_ms()))>"Remind me in a week"</button>
                </div>
            }
        })
    }
}
