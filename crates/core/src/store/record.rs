//! One item of a log kept as separate records (the answer history in
//! IndexedDB) rather than inside one document. Each record travels in the
//! same versioned envelope as a whole document, so it is recognised,
//! upgraded and repaired by the same rules, and one damaged record can be
//! kept aside without touching the others.

use super::document::{decode, encode, Document};
use super::StoreError;

/// The stored text of one record.
pub fn encode_record<D: Document>(item: &D, now: u64) -> Result<String, StoreError> {
    encode(item, now)
}

/// Reads one record's text; the error says what is wrong with it.
pub fn decode_record<D: Document>(text: &str) -> Result<D, String> {
    decode(text).map(|(item, _)| item)
}
