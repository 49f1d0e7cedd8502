//! Any text as a scenario file: read and checked as authors do (with the
//! playthrough analyser), then played along a few paths and debriefed.
//! Seeds: the bundled scenarios.

#![no_main]

use firstline_fuzz::{seeds, targets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    seeds::write_if_asked(seeds::scenario_files);
    if let Ok(text) = std::str::from_utf8(data) {
        targets::scenario_file(text);
    }
});
