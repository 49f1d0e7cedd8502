//! One module per route.

pub mod author;
pub mod home;
pub mod interview;
pub mod not_found;
pub mod practice;
pub mod progress;
pub mod scenarios;
