use leptos::prelude::*;

use crate::adapters::dom::set_title;

#[component]
pub fn Interview() -> impl IntoView {
    set_title("Interview");
    view! {
        <h1>"Interview practice"</h1>
        <p>"STAR answer practice with feedback is on its way."</p>
    }
}

lazy_page!(InterviewRoute, Interview);
