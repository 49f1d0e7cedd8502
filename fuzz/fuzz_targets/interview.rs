//! Any text scored against a bundled interview question (the first byte
//! picks it), as a technical and as a STAR answer: scores 0-100, every
//! highlight and key point inside the answer. Seeds: the bundled examples.

#![no_main]

use firstline_fuzz::{seeds, targets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    seeds::write_if_asked(seeds::interview_answers);
    targets::interview(data);
});
