//! FirstLine's pure logic: the content model and its validation, the
//! training engines, scoring and the progress model.
//!
//! Nothing here touches the browser, the file system or the clock: callers
//! pass text in and the current time as milliseconds, so every function is
//! deterministic and tested natively.

// Tests may sort with the standard library: they are not in the wasm.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod content;
pub mod interview;
pub mod progress;
pub mod quiz;
pub mod scenario;
pub mod shift;
pub mod sim;
pub mod sort;
pub mod store;
pub mod text;
