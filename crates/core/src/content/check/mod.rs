//! Checks on loaded content: each reports, at a JSON path, where a file
//! breaks a rule and how to fix it. The engines own the semantics (a
//! scenario's graph and scoring live in `crate::scenario`); these modules
//! only apply them to files.

pub mod evidence;
pub mod exam;
pub mod interview;
pub mod item_analysis;
pub mod question;
pub mod scenario;
pub mod shift;
