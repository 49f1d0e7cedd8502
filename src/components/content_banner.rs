use leptos::prelude::*;
use leptos_router::components::A;

use std::collections::BTreeSet;

use crate::state::content::{retry_downloads, use_all_loads, UNREACHABLE};

/// Tells the user when some content files could not be loaded, and where to
/// see the details. The good files still load.
#[component]
pub fn ContentBanner() -> impl IntoView {
    let loads = use_all_loads();
    move || {
        let reports = loads.get();
        // Pages share files (blueprints, say): count each problem once.
        let mut seen = BTreeSet::new();
        let findings: Vec<_> = reports
            .iter()
            .flat_map(|r| r.findings.iter())
            .filter(|f| seen.insert((&f.file, f.line, f.column, &f.message)))
            .collect();
        let unreachable = findings.iter().filter(|f| f.path == UNREACHABLE).count();
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
                        <button type="button" on:click=move |_| retry_downloads()>"Try again"</button>
                    </div>
                }
                .into_any(),
            );
        }
        let errors = findings.iter().filter(|f| f.is_error()).count();
        (errors > 0).then(|| {
            let files = findings.iter().filter(|f| f.is_error()).map(|f| f.file.as_str()).collect::<BTreeSet<_>>().len();
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
