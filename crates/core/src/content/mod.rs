//! Training content, split by job:
//! - `model/`: the JSON formats instructors write (serde types that reject
//!   unknown fields) and the meaning of an answer (`normalise`);
//! - `check/`: the checks that report where a file breaks a rule
//!   (questions, scenarios, interview sets, and item analysis for authors);
//! - `read/`: reading one file, loading a library of them, the manifest;
//! - `locate/`: JSON paths, line:column positions and located findings;
//! - `pack`: many content files in one shareable file (`firstline pack`);
//! - `schema` (feature `schema`, for the CLI): the formats' JSON Schema.
//!
//! The model modules are re-exported here (`content::scenario::Scenario`),
//! as are the reading and locating modules other code names.

pub mod check;
pub mod convert;
pub mod locate;
pub mod model;
pub mod pack;
pub mod read;
#[cfg(feature = "schema")]
pub mod schema;
pub mod stats;

pub use check::item_analysis;
pub use locate::{finding, path};
pub use model::{exam, interview, no_sim, normalise, question, scenario, shift, sim, written};
pub use read::{build_report, catalog, file, gate, library, manifest, question_files};

pub use finding::{Finding, Severity};
pub use library::{Library, LoadReport, Source};
