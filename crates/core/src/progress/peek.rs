//! How many answers are saved, read without reading them. The home page
//! shows the count; reading the whole progress document there would put
//! its code (answers, the review schedule and its upgrades) into the first
//! download of every visit.

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::Progress;
use crate::store::Document;

#[derive(Deserialize)]
struct Envelope {
    format: String,
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    attempts: Vec<IgnoredAny>,
    /// Answers kept in IndexedDB (`history`).
    #[serde(default)]
    kept_apart: usize,
}

/// The number of saved answers in the stored text of the progress
/// document, or `None` when it is not one (the Progress page explains).
pub fn answers_saved(stored: &str) -> Option<usize> {
    let envelope: Envelope = serde_json::from_str(stored).ok()?;
    (envelope.format == Progress::FORMAT)
        .then_some(envelope.data.attempts.len().max(envelope.data.kept_apart))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Attempt;
    use crate::store::{save, KeyValueStore, MemoryStore};

    #[test]
    fn counts_what_the_full_read_finds() {
        let store = MemoryStore::new();
        let mut progress = Progress::default();
        for i in 0..3 {
            progress.record(Attempt {
                question: format!("q{i}"),
                exam: "220-1201".into(),
                domain: "2.0".into(),
                objective: "2.1".into(),
                score: 1.0,
                at: i,
                mode: crate::progress::Mode::Practice,
                confidence: None,
                wrong_picks: vec![],
            });
        }
        save(&store, &progress, 9).unwrap();
        let text = store.get(Progress::KEY).unwrap().unwrap();
        assert_eq!(answers_saved(&text), Some(3));
        assert_eq!(
            answers_saved("{\"format\":\"firstline-exams\",\"data\":{}}"),
            None
        );
        assert_eq!(answers_saved("garbage"), None);
    }
}
