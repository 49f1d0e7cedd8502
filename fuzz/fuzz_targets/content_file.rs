//! One to four content files (any kind, separated by NUL) read as the app
//! and the CLI read them: every finding inside its file, the typed model
//! written back reads the same, no panic. Seeds: the bundled content.

#![no_main]

use firstline_fuzz::{seeds, targets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    seeds::write_if_asked(seeds::content_files);
    if let Ok(text) = std::str::from_utf8(data) {
        targets::content_file(text);
    }
});
