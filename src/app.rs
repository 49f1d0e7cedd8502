//! The app shell: context providers, navigation and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use leptos_router::Lazy;

use crate::components::content_banner::ContentBanner;
use crate::components::nav::Nav;
use crate::components::notice_list::NoticeList;
use crate::components::skip_link::SkipLink;
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
use crate::pages::scenarios::{list::ScenariosRoute, play::ScenarioPlayRoute};
use crate::pages::{
    author::AuthorRoute, home::HomeRoute, not_found::NotFound, progress::ProgressRoute,
};
use crate::state::content::provide_content;
use crate::state::notices::Notices;
use crate::state::progress;

#[component]
pub fn App() -> impl IntoView {
    Notices::provide();
    progress::provide();
    provide_content();

    view! {
        <Router>
            <SkipLink/>
            <Nav/>
            <NoticeList/>
            <ContentBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view={Lazy::<HomeRoute>::new()}/>
                    <Route path=path!("/practice") view={Lazy::<PracticeRoute>::new()}/>
                    <Route path=path!("/practice/session") view={Lazy::<SessionRoute>::new()}/>
                    <Route path=path!("/practice/exam") view={Lazy::<ExamRoute>::new()}/>
                    <Route path=path!("/practice/review") view={Lazy::<ReviewRoute>::new()}/>
                    <Route path=path!("/practice/results/:n") view={Lazy::<ResultsRoute>::new()}/>
                    <Route path=path!("/scenarios") view={Lazy::<ScenariosRoute>::new()}/>
                    <Route path=path!("/scenarios/:id") view={Lazy::<ScenarioPlayRoute>::new()}/>
                    <Route path=path!("/interview") view={Lazy::<InterviewRoute>::new()}/>
                    <Route path=path!("/interview/q/:id") view={Lazy::<AnswerRoute>::new()}/>
                    <Route path=path!("/interview/stories") view={Lazy::<StoriesRoute>::new()}/>
                    <Route path=path!("/interview/mock") view={Lazy::<MockRoute>::new()}/>
                    <Route path=path!("/interview/report/:n") view={Lazy::<ReportRoute>::new()}/>
                    <Route path=path!("/progress") view={Lazy::<ProgressRoute>::new()}/>
                    <Route path=path!("/author") view={Lazy::<AuthorRoute>::new()}/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"FirstLine trains help-desk technicians. Scores are estimates for practice, not official results."</p>
            </footer>
        </Router>
    }
}
