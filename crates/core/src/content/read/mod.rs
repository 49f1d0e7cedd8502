//! Reading content: one file (`file`), a library of them with every
//! finding (`library`, read in steps by `loading`), and the list of files
//! the app fetches (`manifest`; `names` makes their web addresses and
//! warns about names a host would change), what the list pages show of
//! the bank (`catalog`), and what the build's check found
//! (`build_report`).

pub mod build_report;
pub mod catalog;
pub mod file;
pub mod library;
pub mod loading;
pub mod manifest;
pub mod names;
mod robustness;
#[cfg(test)]
pub(crate) mod test_sources;
