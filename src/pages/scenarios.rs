use leptos::prelude::*;

use crate::adapters::dom::set_title;

#[component]
pub fn Scenarios() -> impl IntoView {
    set_title("Scenarios");
    view! {
        <h1>"Role-play scenarios"</h1>
        <p>"Simulated users with real problems are on their way. Meanwhile, practise the questions on the Practice page."</p>
    }
}

lazy_page!(ScenariosRoute, Scenarios);
