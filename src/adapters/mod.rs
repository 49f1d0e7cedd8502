//! Thin wrappers over browser APIs, so pages and state never touch web-sys
//! directly.

pub mod clock;
pub mod dom;
pub mod fetch;
pub mod files;
pub mod leaving;
pub mod records;
pub mod speech;
pub mod storage;
