//! A bundled scenario played by any script of choices, then debriefed
//! with any notes: mood, clock and scores in range, the draft replays into
//! the same play, the record saves and reads back. Seeds: the best paths.

#![no_main]

use firstline_fuzz::{seeds, targets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    seeds::write_if_asked(seeds::scenario_scripts);
    targets::scenario_play(data);
});
