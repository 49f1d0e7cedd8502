//! A list built from a file the build writes (a catalog) that could not be
//! had: say so, with "Try again", instead of showing an empty list.

use leptos::prelude::*;

use super::retry_alert::RetryAlert;
use crate::state::content::retry_downloads;

/// Shows the problem while `problem` returns one; nothing otherwise.
#[component]
pub fn GeneratedProblem(problem: Signal<Option<String>>) -> impl IntoView {
    move || {
        problem.get().map(|e| {
            view! {
                <RetryAlert
                    message=format!("Could not load {e}. Check your connection, then try again.")
                    on_retry=Callback::new(move |()| retry_downloads())
                />
            }
        })
    }
}
