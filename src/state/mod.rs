//! App-wide state, provided through context: the loaded content, the
//! learner's progress and the notices shown to the user.

pub mod content;
pub mod damaged;
pub mod history;
pub mod keeper;
pub mod notices;
pub mod progress;
pub mod saved;
