use std::time::Duration;

use leptos::prelude::*;

use crate::adapters::clock::format_clock;

/// An answer timer: counts up, and shows the 1-2 minute guidance (or counts
/// down from a limit in a mock interview).
#[component]
pub fn AnswerTimer(
    running: RwSignal<bool>,
    seconds: RwSignal<u32>,
    /// Seconds allowed (0 for none); the timer then shows the time left.
    #[prop(optional)]
    limit: u32,
) -> impl IntoView {
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if running.get_untracked() {
                seconds.update(|s| *s += 1);
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    let text = move || {
        let s = seconds.get();
        match limit {
            l if l > 0 && s >= l => "Time is up: finish your sentence.".to_string(),
            l if l > 0 => format!("{} left", format_clock(u64::from(l - s) * 1000)),
            _ => {
                let note = match s {
                    0..=59 => "aim for one to two minutes",
                    60..=120 => "a good length",
                    _ => "over two minutes: time to wrap up",
                };
                format!("{} \u{2014} {note}", format_clock(u64::from(s) * 1000))
            }
        }
    };
    view! {
        <div class="answer-timer">
            <span role="timer" aria-label="Answer time">{text}</span>
            <button type="button" class="secondary small" on:click=move |_| running.update(|r| *r = !*r)>
                {move || if running.get() { "Pause timer" } else if seconds.get() == 0 { "Start timer" } else { "Resume timer" }}
            </button>
        </div>
    }
}
