//! Keyboard shortcuts for questions: number keys pick options, Enter
//! submits or moves on, F flags. Keys typed into a text field, a select or
//! with a modifier are left alone.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Number(usize),
    Enter,
    Flag,
}

/// Calls `handle` for each shortcut pressed while the calling component
/// is mounted. `handle` returns true when it used the key.
pub fn use_shortcuts(handle: impl Fn(Shortcut) -> bool + 'static) {
    let listener = window_event_listener(ev::keydown, move |event| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // Tag names are ASCII: the Unicode lowercasing (and its tables)
        // would be a few KB of every page with shortcuts for nothing.
        let tag = target
            .as_ref()
            .map(|t| t.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        let typing = matches!(tag.as_str(), "textarea" | "select")
            || (tag == "input"
                && target
                    .as_ref()
                    .and_then(|t| t.get_attribute("type"))
                    .is_some_and(|ty| ty == "text" || ty == "number"));
        let on_control = matches!(tag.as_str(), "button" | "a" | "summary");
        // A control inside `data-own-enter` (a simulation's command line)
        // submits its own form with Enter.
        let own_enter = target
            .as_ref()
            .and_then(|t| t.closest("[data-own-enter]").ok().flatten())
            .is_some();
        let key = event.key();
        let shortcut = match key.as_str() {
            "Enter" if !on_control && !own_enter && tag != "textarea" => Some(Shortcut::Enter),
            "f" | "F" if !typing => Some(Shortcut::Flag),
            k if !typing && k.len() == 1 => k
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=9).contains(n))
                .map(Shortcut::Number),
            _ => None,
        };
        if let Some(shortcut) = shortcut {
            if handle(shortcut) {
                event.prevent_default();
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// The visible list of shortcuts.
#[component]
pub fn ShortcutLegend(#[prop(optional)] flag: bool) -> impl IntoView {
    view! {
        <details class="shortcuts">
            <summary>"Keyboard shortcuts"</summary>
            <dl>
                <dt><kbd>"1"</kbd>"\u{2013}"<kbd>"9"</kbd></dt><dd>"pick an option (single and multiple answer)"</dd>
                <dt><kbd>"Enter"</kbd></dt><dd>"check the answer, or go to the next question"</dd>
                {flag.then(|| view! { <dt><kbd>"F"</kbd></dt><dd>"flag the question for review"</dd> })}
                <dt><kbd>"Tab"</kbd></dt><dd>"move between controls; arrow keys move within a group"</dd>
            </dl>
        </details>
    }
}
