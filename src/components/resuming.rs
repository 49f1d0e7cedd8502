//! The start of a page that keeps unfinished work (a call, a practice
//! run) with code fetched on demand. A raw look at the work's storage key
//! says whether this device keeps any: a first visit's browser never does,
//! so the page starts fresh at once, without the code. Otherwise the code
//! comes first and the kept work resumes; meanwhile the page says so, and
//! if the code cannot download, an alert offers to try again.

use firstline_core::store::{Document, KeyValueStore};
use leptos::prelude::*;

use super::on_demand::OnDemand;
use super::retry_alert::RetryAlert;
use crate::adapters::storage::BrowserStore;
use crate::state::saved::Saved;

/// The opened document (when opened to resume) and where to start.
type Opened<D, S> = (Option<Saved<D>>, S);

/// Draws `ready` with where to start: `fresh` when this device keeps no
/// `D`, otherwise what `resume` finds once the code is here (run under
/// this owner, which holds the app's context). `loading` and `failed` are
/// what the page says meanwhile and when the code cannot download.
pub fn resuming<T, D, S, V>(
    code: OnDemand<T>,
    fresh: S,
    resume: impl Fn(T) -> (Saved<D>, S) + Copy + Send + Sync + 'static,
    loading: &'static str,
    failed: &'static str,
    ready: impl Fn(Option<Saved<D>>, S) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
    D: Document + Send + Sync + 'static,
    S: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let kept = BrowserStore.get(D::KEY).ok().flatten().is_some();
    let opened: RwSignal<Option<Result<Opened<D, S>, ()>>> =
        RwSignal::new((!kept).then(|| Ok((None, fresh))));
    let owner = StoredValue::new(Owner::current());
    let fetch = move || {
        leptos::task::spawn_local(async move {
            let got = code.get().await.and_then(|c| {
                let (doc, start) = owner.try_get_value().flatten()?.with(|| resume(c));
                Some((Some(doc), start))
            });
            opened.try_set(Some(got.ok_or(())));
        });
    };
    if kept {
        fetch();
    }
    move || match opened.get() {
        Some(Ok((doc, start))) => ready(doc, start).into_any(),
        None => view! { <p role="status">{loading}</p> }.into_any(),
        Some(Err(())) => view! {
            <RetryAlert
                message=failed
                on_retry=Callback::new(move |()| {
                    opened.set(None);
                    fetch();
                })
            />
        }
        .into_any(),
    }
}
