use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::content::{use_content, UNREACHABLE};

/// Tells the user when some content files could not be loaded, and where to
/// see the details. The good files still load.
#[component]
pub fn ContentBanner() -> impl IntoView {
    let content = use_content();
    move || {
        let report = content.get()?;
        let unreachable = report
            .findings
            .iter()
            .filter(|f| f.path == UNREACHABLE)
            .count();
        if unreachable > 0 {
            // Offline or the server failing: say so plainly and let the
            // learner try again without losing the page they are on.
            return Some(
                view! {
                    <div class="notice warning" role="alert">
                        <p>
                            <strong>"Some training content could not be downloaded. "</strong>
                            {format!("{unreachable} file(s) did not arrive; check your connection, then try again. Your saved progress is safe.")}
                        </p>
                        <button type="button" on:click=move |_| content.refetch()>"Try again"</button>
                    </div>
                }
                .into_any(),
            );
        }
        let errors = report.error_count();
        (errors > 0).then(|| {
            let files = report.findings.iter().filter(|f| f.is_error()).map(|f| f.file.as_str()).collect::<std::collections::BTreeSet<_>>().len();
            view! {
                <div class="notice warning" role="alert">
                    <p>
                        <strong>"Content problem: "</strong>
                        {format!("{errors} problem(s) in {files} content file(s); everything else loaded. ")}
                        <A href="/author">"See the details on the Author page"</A>
                        "."
                    </p>
                </div>
            }
            .into_any()
        })
    }
}
