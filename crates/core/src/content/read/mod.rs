//! Reading content: one file (`file`), a library of them with every
//! finding (`library`, read in steps by `loading`), and the list of files
//! the app fetches (`manifest`), what the list pages show of the bank
//! (`catalog`), and what the build's check found (`build_report`).

pub mod build_report;
pub mod catalog;
pub mod file;
pub mod library;
pub mod loading;
pub mod manifest;
mod robustness;
#[cfg(test)]
pub(crate) mod test_sources;
