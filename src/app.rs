//! The app shell: context providers, navigation and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::content_banner::ContentBanner;
use crate::components::nav::Nav;
use crate::components::notice_list::NoticeList;
use crate::components::skip_link::SkipLink;
use crate::pages::{
    author::Author, home::Home, interview::Interview, not_found::NotFound, practice::Practice,
    progress::ProgressPage, scenarios::Scenarios,
};
use crate::state::content::provide_content;
use crate::state::notices::Notices;
use crate::state::progress::ProgressState;

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::provide();
    ProgressState::provide(notices);
    provide_content();

    view! {
        <Router>
            <SkipLink/>
            <Nav/>
            <NoticeList/>
            <ContentBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/practice") view=Practice/>
                    <Route path=path!("/scenarios") view=Scenarios/>
                    <Route path=path!("/interview") view=Interview/>
                    <Route path=path!("/progress") view=ProgressPage/>
                    <Route path=path!("/author") view=Author/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"FirstLine trains help-desk technicians. Scores are estimates for practice, not official results."</p>
            </footer>
        </Router>
    }
}
