//! One module per route.
//!
//! Every page but the not-found page is a lazy route: its code is split
//! into its own wasm chunk (by `cargo xtask wasm`) and fetched the first
//! time the page is visited, which keeps the first download small.

/// Declares `$route`, a lazy route that renders the page component `$page`.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> leptos::prelude::AnyView {
                use leptos::prelude::*;
                view! { <$page/> }.into_any()
            }
        }
    };
}

pub mod author;
pub mod home;
pub mod interview;
pub mod not_found;
pub mod practice;
pub mod progress;
pub mod scenarios;
