//! Any text stored under a document's key (the first byte picks the
//! document): loading never fails, and what was read saves and reads back
//! unchanged. Seeds: each document as the app saves it.

#![no_main]

use firstline_fuzz::{seeds, targets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    seeds::write_if_asked(seeds::stored_documents);
    targets::store(data);
});
