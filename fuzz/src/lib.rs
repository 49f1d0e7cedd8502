//! Shared by the fuzz targets in `fuzz_targets/`: the bundled content they
//! play with, the invariants they assert, a reader for structured inputs,
//! and the seed corpora (`cargo xtask fuzz` asks each target to write its
//! own, from the repository's content, before the run).
//!
//! Each target's logic is a plain function here (`targets`), so a crash
//! input can be replayed in a debugger or a test without libFuzzer.

pub mod bundled;
pub mod check;
pub mod input;
pub mod seeds;
pub mod targets;
