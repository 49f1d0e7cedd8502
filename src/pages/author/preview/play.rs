//! `/author/yours?do=play|practise|map&file=NAME`: one of the instructor's
//! own files, played or mapped, under a banner saying whose it is. The
//! file is read from this device and checked alone, so a reload finds it
//! again; its code is the preview's chunk, fetched only when this device
//! keeps files: a browser that keeps none (every first visit) is told so
//! at once, from the Author page's own code.

use std::sync::Arc;

use firstline_core::content::file::{parse, ContentFile};
use firstline_core::content::library::Loading;
use firstline_core::progress::own_files::OwnFiles;
use firstline_core::scenario::play::PlayMode;
use firstline_core::store::{Document, KeyValueStore};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::adapters::clock::Slice;
use crate::adapters::dom::set_title;
use crate::adapters::storage::BrowserStore;
use crate::components::lazy_part::LazyPart;
use crate::pages::author::map::MapView;
use crate::pages::scenarios::play::Player;
use crate::state::progress::page_document;

use super::practice::OwnPractice;

#[component]
pub fn YoursPage() -> impl IntoView {
    set_title("Your file");
    // A raw look, not a read: reading the document is the preview's code.
    let kept = BrowserStore.get(OwnFiles::KEY).ok().flatten().is_some();
    if kept {
        view! { <LazyPart load=load what="your file"/> }.into_any()
    } else {
        view! {
            <h1>"Your file"</h1>
            <p>"This device keeps none of your own files. Add them on the Author page, under \u{201c}Preview your own files\u{201d}, to play or map them here."</p>
            <p><a href="/author">"Go to the Author page"</a></p>
        }
        .into_any()
    }
}

part_code!(
    load,
    yours_view,
    author_preview,
    view! { <Yours/> }.into_any()
);

#[component]
fn Yours() -> impl IntoView {
    let query = use_query_map();
    let name = query.with_untracked(|q| q.get("file")).unwrap_or_default();
    let what = query.with_untracked(|q| q.get("do")).unwrap_or_default();
    let own = page_document::<OwnFiles>("your files");
    let text = own.with_untracked(|o| o.files.get(&name).map(|f| f.text.clone()));
    let banner = view! {
        <p class="notice info">
            "Your own file "<code>{name.clone()}</code>", from this device: plays of it are not recorded in your progress. "
            <a href="/author">"Back to your files"</a>
        </p>
    };
    let Some(text) = text else {
        return view! {
            <h1>"Your file"</h1>
            {banner}
            <p>"This file is not kept on this device any more. Add it again on the Author page."</p>
        }
        .into_any();
    };
    let body = LocalResource::new(move || {
        let (name, text) = (name.clone(), text.clone());
        async move {
            let mut loading = Loading::new(vec![firstline_core::content::Source::new(
                name.clone(),
                text.clone(),
            )]);
            let mut slice = Slice::start(Slice::DEFAULT_MS);
            while loading.step() {
                slice.maybe_yield().await;
            }
            (loading.finish(), parse(&name, &text).ok())
        }
    });
    let page = move || {
        let Some((report, parsed)) = body.get() else {
            return view! { <p role="status">"Checking your file\u{2026}"</p> }.into_any();
        };
        match (what.as_str(), parsed) {
            ("map", Some(ContentFile::Scenario(s))) => {
                let unchecked = report.library.scenario(&s.id).is_none();
                view! {
                    <h1>{format!("Map: {}", s.title)}</h1>
                    <MapView scenario=Arc::new(*s) unchecked=unchecked/>
                }
                .into_any()
            }
            ("play", Some(ContentFile::Scenario(s))) => {
                match report.library.scenario(&s.id).cloned() {
                    Some(s) => {
                        view! { <Player scenario=s seed=1 mode=PlayMode::Practice own=true/> }
                            .into_any()
                    }
                    None => not_playable("scenario"),
                }
            }
            ("practise", Some(ContentFile::QuestionSet(_)))
                if !report.library.questions.is_empty() =>
            {
                view! {
                    <h1>"Practice: your question set"</h1>
                    <OwnPractice questions=report.library.questions.clone() seed=1/>
                }
                .into_any()
            }
            _ => not_playable("file"),
        }
    };
    view! {
        {banner}
        {page}
    }
    .into_any()
}

fn not_playable(what: &str) -> AnyView {
    view! {
        <h1>"Your file"</h1>
        <p>{format!("This {what} cannot be played as it is: see its problems on the Author page.")}</p>
    }
    .into_any()
}

area_page!(YoursRoute, YoursPage, author, "Your file");
