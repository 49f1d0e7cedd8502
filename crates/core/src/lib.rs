//! FirstLine's pure logic: the content model and its validation, the
//! training engines, scoring and the progress model.
//!
//! Nothing here touches the browser, the file system or the clock: callers
//! pass text in and the current time as milliseconds, so every function is
//! deterministic and tested natively.

pub mod content;
pub mod interview;
pub mod progress;
pub mod quiz;
pub mod scenario;
pub mod shift;
pub mod sim;
pub mod store;
pub mod text;
