//! FirstLine's browser app: pages and components over `firstline-core`.

mod adapters;
mod app;
mod components;
mod pages;
mod state;

fn main() {
    console_error_panic_hook::set_once();
    app::start();
}
