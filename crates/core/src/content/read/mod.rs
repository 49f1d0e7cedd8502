//! Reading content: one file (`file`), a library of them with every
//! finding (`library`, read in steps by `loading`, each step at most a
//! `budget` of items: `chunked` parses a file and `set_check` checks a
//! set a few items at a time; `gate` decides what is kept: every check, or
//! the build's verdict; `passed` reads files the build passed whole,
//! without the checks, for a practice run; `readers` are the typed readers of each kind, which
//! the web app fetches only for the kinds a page reads), and the list of files
//! the app fetches (`manifest`; `names` makes their web addresses and
//! warns about names a host would change), what the list pages show of
//! the bank (`catalog`; `question_files`, which file holds each
//! question, for a run), and what the build's check found
//! (`build_report`).

pub mod budget;
pub mod build_report;
pub mod catalog;
mod chunked;
pub mod file;
pub mod gate;
#[cfg(test)]
mod large_file;
pub mod library;
pub mod loading;
pub mod manifest;
pub mod names;
pub mod passed;
pub mod question_files;
pub mod readers;
mod robustness;
mod set_check;
#[cfg(test)]
pub(crate) mod test_sources;
