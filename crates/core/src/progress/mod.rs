//! The learner's progress: every attempt and result, saved in the browser.

use serde::{Deserialize, Serialize};

use crate::store::Document;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub attempts: Vec<Attempt>,
}

impl Document for Progress {
    const KEY: &'static str = "firstline.progress";
    const FORMAT: &'static str = "firstline-progress";
    const VERSION: u32 = 1;
}

/// One answered question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub question: String,
    pub exam: String,
    pub domain: String,
    pub objective: String,
    /// 0.0 to 1.0; partial credit is possible.
    pub score: f64,
    /// When it was answered, in milliseconds since the Unix epoch.
    pub at: u64,
}

impl Attempt {
    pub fn correct(&self) -> bool {
        self.score >= 1.0
    }
}

impl Progress {
    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.push(attempt);
    }

    /// Attempts, newest first.
    pub fn recent(&self) -> impl Iterator<Item = &Attempt> {
        self.attempts.iter().rev()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{load, save, MemoryStore};

    #[test]
    fn attempts_survive_a_save_and_load() {
        let store = MemoryStore::new();
        let mut progress = Progress::default();
        progress.record(Attempt {
            question: "q1".into(),
            exam: "220-1201".into(),
            domain: "2.0".into(),
            objective: "2.1".into(),
            score: 1.0,
            at: 10,
        });
        save(&store, &progress, 11).unwrap();
        let loaded = load::<Progress>(&store, 12);
        assert_eq!(loaded.doc, progress);
        assert!(loaded.doc.attempts[0].correct());
    }
}
