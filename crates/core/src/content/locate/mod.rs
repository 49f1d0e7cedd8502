//! Where a problem is: JSON paths, their line:column in the file, and
//! findings that carry both.

pub mod finding;
mod locator;
pub mod path;
mod position;

pub use locator::{locate, path_at, Locator, LocatorMemory};
pub use position::{offset_of, LineIndex, LineTable, Position};
