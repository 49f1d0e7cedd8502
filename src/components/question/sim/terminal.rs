use firstline_core::content::model::sim::Terminal;
use firstline_core::sim::{terminal, SimAnswer, MAX_COMMANDS, MAX_COMMAND_CHARS};
use leptos::prelude::*;

use super::TaskCtx;

/// A command line: a labelled input, and the session so far in a log
/// region that screen readers announce as it grows.
#[component]
pub fn TerminalSim(terminal: Terminal, ctx: TaskCtx) -> impl IntoView {
    let id = ctx.id("command");
    let terminal = StoredValue::new(terminal);
    let typed = RwSignal::new(String::new());
    let lines = move || match ctx.sim_answer() {
        Some(SimAnswer::Terminal(lines)) => lines,
        _ => Vec::new(),
    };
    let full = move || lines().len() >= MAX_COMMANDS;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut log = lines();
        if terminal::run(&mut log, &typed.get_untracked()) {
            ctx.set_sim(SimAnswer::Terminal(log));
        }
        typed.set(String::new());
    };
    let prompt = terminal.with_value(|t| t.prompt.clone());
    let shown_prompt = prompt.clone();
    let log = move || {
        let prompt = shown_prompt.clone();
        lines()
            .into_iter()
            .map(|line| {
                let output = terminal.with_value(|t| terminal::respond(t, &line));
                view! {
                    <pre class="terminal-entry"><span class="terminal-prompt">{prompt.clone()}</span>{line}{"\n"}{output}</pre>
                }
            })
            .collect_view()
    };
    view! {
        <div class="terminal">
            <p class="muted hint">{format!("Type a command and press Enter. Up to {MAX_COMMANDS} commands; Reset starts a fresh session.")}</p>
            <div class="terminal-screen" role="log" aria-label="Terminal session" aria-live="polite" tabindex="0">
                {log}
                {move || full().then(|| view! { <p>"The session is full. Reset to start again."</p> })}
            </div>
            <form class="terminal-input" data-own-enter="" on:submit=submit>
                <label for=id.clone()>"Command"</label>
                <span class="terminal-prompt" aria-hidden="true">{prompt}</span>
                <input
                    type="text"
                    id=id
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    maxlength=MAX_COMMAND_CHARS.to_string()
                    prop:value=move || typed.get()
                    disabled=move || ctx.reveal.get() || full()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" class="secondary small" disabled=move || ctx.reveal.get() || full()>"Run"</button>
            </form>
        </div>
    }
}
