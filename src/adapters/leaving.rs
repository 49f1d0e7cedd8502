//! Asking before the page goes while work exists only in it. The browser
//! shows its own "Leave site?" prompt (it allows no text of ours); it does
//! so only once the learner has used the page, which is the only time
//! there is work to lose.

use leptos::prelude::*;

/// While the calling owner lives, a reload, a closed tab or an address
/// typed asks first whenever `unsaved` says work would be lost.
pub fn ask_before_leaving(unsaved: impl Fn() -> bool + 'static) {
    let listener = window_event_listener(leptos::ev::beforeunload, move |event| {
        if unsaved() {
            event.prevent_default();
            // Older browsers ask only when this is set.
            event.set_return_value("");
        }
    });
    on_cleanup(move || listener.remove());
}
