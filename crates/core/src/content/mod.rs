//! Training content: the JSON formats instructors write, how a file is read
//! and checked, and the library of everything that loaded.

pub mod exam;
pub mod file;
pub mod finding;
pub mod interview;
pub mod interview_check;
pub mod item_analysis;
pub mod library;
pub mod locate;
pub mod manifest;
pub mod normalise;
pub mod path;
pub mod question;
pub mod question_check;
mod robustness;
pub mod scenario;
pub mod scenario_check;
pub mod stats;

pub use finding::{Finding, Severity};
pub use library::{Library, LoadReport, Source};
