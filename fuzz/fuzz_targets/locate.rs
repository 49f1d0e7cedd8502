//! The JSON locator on any text: positions inside the file, offsets on
//! character boundaries; on valid JSON every path leads to its value and
//! back. Seeds: the bundled content.

#![no_main]

use firstline_fuzz::{seeds, targets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    seeds::write_if_asked(seeds::content_files);
    if let Ok(text) = std::str::from_utf8(data) {
        targets::locate_in(text);
    }
});
