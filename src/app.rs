//! The app shell: context providers, navigation and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

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
            </main>
            <footer class="site-footer">
                <p>"FirstLine trains help-desk technicians. Scores are estimates for practice, not official results."</p>
            </footer>
        </Router>
    }
}
