use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::content::use_content;

/// Tells the user when some content files could not be loaded, and where to
/// see the details. The good files still load.
#[component]
pub fn ContentBanner() -> impl IntoView {
    let content = use_content();
    move || {
        let report = content.get()?;
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
        })
    }
}
