//! The app shell: context providers, navigation and routes.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::adapters::dom::start_loading_shell;
use crate::components::content_banner::ContentBanner;
use crate::components::nav::Nav;
use crate::components::notice_list::NoticeList;
use crate::components::skip_link::SkipLink;
use crate::pages::author::map::route::MapRoute;
use crate::pages::author::preview::play::YoursRoute;
use crate::pages::interview::{
    answer::AnswerRoute,
    home::InterviewRoute,
    mock::{MockRoute, ReportRoute},
    stories::StoriesRoute,
};
use crate::pages::practice::{
    exam::ExamRoute, results::ResultsRoute, review::ReviewRoute, session::SessionRoute,
    setup::PracticeRoute,
};
use crate::pages::progress::backup::BackupRoute;
use crate::pages::scenarios::{list::ScenariosRoute, play::ScenarioPlayRoute};
use crate::pages::shifts::play::ShiftRoute;
use crate::pages::{author::AuthorRoute, home::Home, not_found::NotFound, progress::ProgressRoute};
use crate::state::content::provide_content;
use crate::state::notices::Notices;
use crate::state::progress;

/// Starts the app in the task after the main module's own: that task also
/// holds the browser's work of instantiating the module (20-25 ms
/// unthrottled in Lighthouse's traces), and building the app's state and
/// router in it too made it the longest task of every page's start (40 ms,
/// 160 ms at Lighthouse's 4x slower CPU). See `DrawInStages` for the rest.
pub fn start() {
    after_a_task(|| leptos::mount::mount_to_body(App));
}

#[component]
pub fn App() -> impl IntoView {
    Notices::provide();
    progress::provide();
    provide_content();
    let main = NodeRef::<leptos::html::Main>::new();

    view! {
        <Router>
            <main id="main" tabindex="-1" node_ref=main></main>
            <footer class="site-footer">
                <p>"FirstLine trains help-desk technicians. Scores are estimates for practice, not official results."</p>
            </footer>
            <DrawInStages main=main/>
        </Router>
    }
}

/// The header, navigation and notices, drawn before `<main>`.
fn header() -> impl IntoView {
    view! {
        <SkipLink/>
        <Nav/>
        <NoticeList/>
        <ContentBanner/>
    }
}

/// The page the address names, drawn in `<main>`.
fn pages() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=Home/>
            <Route path=path!("/practice") view=PracticeRoute/>
            <Route path=path!("/practice/session") view=SessionRoute/>
            <Route path=path!("/practice/exam") view=ExamRoute/>
            <Route path=path!("/practice/review") view=ReviewRoute/>
            <Route path=path!("/practice/results/:n") view=ResultsRoute/>
            <Route path=path!("/scenarios") view=ScenariosRoute/>
            <Route path=path!("/scenarios/:id") view=ScenarioPlayRoute/>
            <Route path=path!("/shifts/:id") view=ShiftRoute/>
            <Route path=path!("/interview") view=InterviewRoute/>
            <Route path=path!("/interview/q/:id") view=AnswerRoute/>
            <Route path=path!("/interview/stories") view=StoriesRoute/>
            <Route path=path!("/interview/mock") view=MockRoute/>
            <Route path=path!("/interview/report/:n") view=ReportRoute/>
            <Route path=path!("/progress") view=ProgressRoute/>
            <Route path=path!("/progress/backup") view=BackupRoute/>
            <Route path=path!("/author") view=AuthorRoute/>
            <Route path=path!("/author/map/:id") view=MapRoute/>
            <Route path=path!("/author/yours") view=YoursRoute/>
        </Routes>
    }
}

/// Draws the app in three tasks, not one: the app's state, the router
/// and an empty `<main>` (`App`, started by `start`), then the header and
/// notices, then the page, after which index.html's frame goes. On a
/// phone, one task doing all three was each page's long task (about 200 ms
/// at Lighthouse's 4x slower CPU), and input waits for a task to end. The
/// app stays hidden behind index.html's frame until then (style/main.css),
/// so no stage is ever seen half done. The stages are built and mounted
/// once, by hand, as `mount_to_body` mounts the app: a reactive switch
/// would also compile the code that redraws them, which is never needed
/// (about 4 KB more of the main module for every first visit).
#[component]
fn DrawInStages(main: NodeRef<leptos::html::Main>) -> impl IntoView {
    // Under the router: the stages find it, and the app's state, here.
    let owner = Owner::current();
    after_a_task(move || {
        let (Some(owner), Some(main)) = (owner, main.get_untracked()) else {
            return;
        };
        let Some(body) = main.parent_element() else {
            return;
        };
        mount_under(&owner, header, &body, Some(&main));
        after_a_task(move || {
            mount_under(&owner, pages, &main, None);
            start_loading_shell();
        });
    });
}

/// Builds `view` under `owner` and mounts it in `parent` before `marker`
/// (at the end without one). Like the app, it stays for the page's whole
/// life: its state is never dropped, so it is never unmounted.
fn mount_under<V: IntoView>(
    owner: &Owner,
    view: impl FnOnce() -> V,
    parent: &web_sys::Element,
    marker: Option<&web_sys::Node>,
) {
    owner.with(|| {
        let mut state = view().into_view().build();
        state.mount(parent, marker);
        std::mem::forget(state);
    });
}

/// Runs `f` in a task of its own, after what the browser has waiting.
fn after_a_task(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::ZERO);
}
