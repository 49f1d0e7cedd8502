//! Reading content: one file (`file`), a library of them with every
//! finding (`library`), and the list of files the app fetches (`manifest`).

pub mod file;
pub mod library;
pub mod manifest;
mod robustness;
