//! One module per route.
//!
//! Every page but home and not-found is in the wasm chunk of its area
//! (practice, scenarios, interview, progress, author), split off by `cargo
//! xtask wasm` and fetched the first time a page of that area is visited:
//! a first visit downloads one area, in a few requests, not every page.

/// Declares `$route`, the route component for the page `$page`, whose code
/// goes in the `$area` chunk. Until the chunk arrives the route shows
/// `$title` as its heading; if it cannot arrive, a message and a retry.
macro_rules! area_page {
    ($route:ident, $page:ident, $area:ident, $title:literal) => {
        #[allow(non_snake_case)]
        pub fn $route() -> impl leptos::prelude::IntoView {
            use crate::components::page_code::{PageCode, PageView};
            use leptos::wasm_split::SplitLoaderError;

            #[leptos::wasm_split::wasm_split($area, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $route() -> Result<PageView, SplitLoaderError> {
                Ok(|| leptos::prelude::IntoAny::into_any(leptos::prelude::view! { <$page/> }))
            }

            fn load() -> std::pin::Pin<
                Box<dyn std::future::Future<Output = Result<PageView, SplitLoaderError>>>,
            > {
                Box::pin($route())
            }

            leptos::prelude::view! { <PageCode load=load title=$title/> }
        }
    };
}

/// Declares `$load`, for `LazyPart`: it fetches the wasm chunk `$split`
/// and hands back a builder of `$view`, whose code is in that chunk (a
/// part of a page fetched when it is first shown: the Progress dashboard,
/// the exam runner). `$inner` names the split function, which must be
/// unique in its split.
macro_rules! part_code {
    ($load:ident, $inner:ident, $split:ident, $view:expr) => {
        fn $load() -> std::pin::Pin<
            Box<
                dyn std::future::Future<
                    Output = Result<
                        crate::components::page_code::PageView,
                        leptos::wasm_split::SplitLoaderError,
                    >,
                >,
            >,
        > {
            #[leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $inner() -> Result<
                crate::components::page_code::PageView,
                leptos::wasm_split::SplitLoaderError,
            > {
                Ok(|| $view)
            }
            Box::pin($inner())
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
pub mod shifts;
