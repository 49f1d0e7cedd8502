//! Where a problem is: JSON paths, their line:column in the file, and
//! findings that carry both.

pub mod finding;
pub mod path;
mod position;

pub use position::{locate, offset_of, path_at, Position};
