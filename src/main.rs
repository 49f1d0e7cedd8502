//! FirstLine's browser app: pages and components over `firstline-core`.

mod adapters;
mod app;
mod components;
mod pages;
mod state;

fn main() {
    // Release builds stop at a panic with no message (see xtask's
    // wasm.rs); debug builds print it to the console.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    app::start();
}
