//! The answer history kept as one record per answer (in the browser,
//! IndexedDB) instead of inside the progress document.
//!
//! Why: with the history inside the document, every saved answer rewrote
//! the whole history (20,000 answers: about 140 ms of a phone's main thread
//! per answer, and megabytes of localStorage's 5 MB). As records, saving
//! one answer writes one record, and two tabs adding answers never write
//! over each other: records are keyed by the answer, so the store is their
//! union. The progress document keeps the review schedule and the count of
//! answers kept here (for the home page), and the schedule is always a
//! replay of the answers (`Progress::merge`), so it cannot disagree with
//! them for long.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{merge, repair, Attempt, Progress};
use crate::store::{decode_record, encode_record, Document, StoreError};

/// One saved answer as a record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredAnswer(pub Attempt);

impl Document for StoredAnswer {
    /// Names the IndexedDB object store; not a localStorage key.
    const KEY: &'static str = "answers";
    const FORMAT: &'static str = "firstline-answer";
    const VERSION: u32 = 1;

    fn repair(&mut self) {
        repair::attempt(&mut self.0);
    }
}

/// The record key of an answer: its time (zero-padded, so keys sort by
/// time) and question. It is the identity merges use, so the same answer
/// saved from two tabs or restored from a backup is one record.
pub fn key(answer: &Attempt) -> String {
    format!("{:020}|{}", answer.at, answer.question)
}

/// The stored text of an answer.
pub fn encode(answer: &Attempt, now: u64) -> Result<String, StoreError> {
    encode_record(&StoredAnswer(answer.clone()), now)
}

/// What reading the stored records found.
#[derive(Debug, Default, PartialEq)]
pub struct Read {
    pub answers: Vec<Attempt>,
    /// Records that could not be read: key, and what is wrong, to keep
    /// aside and report (never to drop).
    pub damaged: Vec<(String, String)>,
}

/// Reads records (key, text). A record whose text does not match its key
/// is read anyway (the key is only an index) but counts under its own key.
pub fn read(records: impl IntoIterator<Item = (String, String)>) -> Read {
    let mut out = Read::default();
    for (record_key, text) in records {
        match decode_record::<StoredAnswer>(&text) {
            Ok(StoredAnswer(answer)) => out.answers.push(answer),
            Err(problem) => out.damaged.push((record_key, problem)),
        }
    }
    out
}

/// The answers in `attempts` not yet among the stored keys, with their
/// keys, in order. It runs on every save, so it looks from the newest back
/// and stops once it has found as many as are missing: every stored key is
/// an answer's in `attempts` (the history is read into the document, and
/// what another tab stored is merged in), so the count missing is the
/// difference in size. A new answer costs one key, not 20,000.
pub fn unsaved<'a>(
    attempts: &'a [Attempt],
    stored: &HashSet<String>,
) -> Vec<(String, &'a Attempt)> {
    let missing = attempts.len().saturating_sub(stored.len());
    let mut found = Vec::with_capacity(missing);
    for answer in attempts.iter().rev() {
        if found.len() == missing {
            break;
        }
        let k = key(answer);
        if !stored.contains(&k) {
            found.push((k, answer));
        }
    }
    found.reverse();
    found
}

impl Progress {
    /// Takes the answers out, to write the rest of the document on its
    /// own; remembers how many there were for the home page's count.
    pub fn detach_history(&mut self) -> Vec<Attempt> {
        let answers = std::mem::take(&mut self.attempts);
        self.kept_apart = answers.len();
        answers
    }

    /// Puts answers back after `detach_history`, or brings in the stored
    /// history on start. Answers already in the document (added by a merge
    /// meanwhile, or left from before the history moved) join them: a
    /// union. The review schedule is kept when it already reflects every
    /// answer, and replayed otherwise:
    /// - the document held no answers: its schedule was written knowing
    ///   `kept_apart` answers; if the store holds another number, another
    ///   tab's answers are missing from it;
    /// - the document held answers: only answers it lacked change the
    ///   schedule (a migration, where the store is empty or holds the same
    ///   answers, keeps the schedule exactly as saved).
    pub fn attach_history(&mut self, answers: Vec<Attempt>) {
        let known = std::mem::take(&mut self.kept_apart);
        let held = std::mem::take(&mut self.attempts);
        if held.is_empty() {
            self.attempts = answers;
            if self.attempts.len() != known {
                self.review = merge::replay(&self.attempts);
            }
            return;
        }
        let have: HashSet<(&str, u64)> = held.iter().map(|a| (a.question.as_str(), a.at)).collect();
        let new: Vec<Attempt> = answers
            .into_iter()
            .filter(|a| !have.contains(&(a.question.as_str(), a.at)))
            .collect();
        drop(have);
        self.attempts = held;
        if !new.is_empty() {
            self.merge(Progress {
                attempts: new,
                ..Progress::default()
            });
        }
    }

    /// The number of answers saved, whether in the document or apart.
    pub fn answers_saved(&self) -> usize {
        self.attempts.len().max(self.kept_apart)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::testing::attempt as answer;
    use crate::store::{load, save, KeyValueStore, MemoryStore};

    fn history(n: u64) -> Progress {
        let mut p = Progress::default();
        for i in 0..n {
            p.record(answer(&format!("q{}", i % 7), 1_000 + i, (i % 2) as f64));
        }
        p
    }

    #[test]
    fn a_record_reads_back_as_the_answer_it_was() {
        let a = answer("q1", 42, 0.5);
        let text = encode(&a, 99).unwrap();
        let read = read([(key(&a), text)]);
        assert_eq!(read.answers, vec![a]);
        assert!(read.damaged.is_empty());
    }

    #[test]
    fn damaged_records_are_named_and_the_others_still_read() {
        let good = answer("q1", 1, 1.0);
        let records = vec![
            ("k1".to_owned(), "not json".to_owned()),
            (key(&good), encode(&good, 5).unwrap()),
            (
                "k3".to_owned(),
                r#"{"format":"firstline-exams","version":1,"saved_at":1,"data":{}}"#.to_owned(),
            ),
            (
                "k4".to_owned(),
                r#"{"format":"firstline-answer","version":9,"saved_at":1,"data":{}}"#.to_owned(),
            ),
        ];
        let read = read(records);
        assert_eq!(read.answers, vec![good]);
        let keys: Vec<&str> = read.damaged.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["k1", "k3", "k4"]);
        assert!(
            read.damaged[2].1.contains("newer FirstLine"),
            "{:?}",
            read.damaged
        );
    }

    #[test]
    fn a_score_out_of_range_is_repaired_when_read() {
        let text = encode(&answer("q1", 1, 1.0), 5)
            .unwrap()
            .replace("\"score\":1.0", "\"score\":7.0");
        let read = read([("k".to_owned(), text)]);
        assert_eq!(read.answers[0].score, 1.0);
    }

    #[test]
    fn keys_sort_by_time_and_tell_answers_apart() {
        let early = key(&answer("q9", 9, 1.0));
        let late = key(&answer("q1", 10, 1.0));
        assert!(early < late);
        assert_ne!(key(&answer("q1", 10, 1.0)), key(&answer("q2", 10, 1.0)));
    }

    /// A backup restored in the middle of the history is found too, not
    /// only answers at the end.
    #[test]
    fn unsaved_answers_anywhere_are_found() {
        let p = history(10);
        let stored: HashSet<String> = p
            .attempts
            .iter()
            .enumerate()
            .filter(|(i, _)| ![2, 5].contains(i))
            .map(|(_, a)| key(a))
            .collect();
        let todo: Vec<&Attempt> = unsaved(&p.attempts, &stored)
            .into_iter()
            .map(|(_, a)| a)
            .collect();
        assert_eq!(todo, vec![&p.attempts[2], &p.attempts[5]]);
        let all: HashSet<String> = p.attempts.iter().map(key).collect();
        assert!(unsaved(&p.attempts, &all).is_empty());
    }

    #[test]
    fn only_answers_not_yet_stored_are_written() {
        let p = history(5);
        let stored: HashSet<String> = p.attempts[..3].iter().map(key).collect();
        let todo = unsaved(&p.attempts, &stored);
        assert_eq!(todo.len(), 2);
        assert_eq!(todo[0].1, &p.attempts[3]);
        assert_eq!(todo[0].0, key(&p.attempts[3]));
    }

    /// The document written without its answers keeps its schedule and
    /// count, and is small; putting the answers back restores it exactly.
    #[test]
    fn detaching_and_attaching_round_trips() {
        let mut p = history(50);
        let before = p.clone();
        let answers = p.detach_history();
        assert_eq!(answers.len(), 50);
        assert_eq!(p.answers_saved(), 50);
        let store = MemoryStore::new();
        save(&store, &p, 1).unwrap();
        let text = store.get(Progress::KEY).unwrap().unwrap();
        assert_eq!(crate::progress::peek::answers_saved(&text), Some(50));
        let loaded = load::<Progress>(&store, 2).doc;
        assert!(loaded.attempts.is_empty());
        p.attach_history(answers);
        assert_eq!(p, before);
    }

    /// On start the stored history meets what the document still holds
    /// (answers saved before the history moved, or by a tab that could not
    /// use IndexedDB): every answer from both survives once, and the
    /// schedule is the replay of them all.
    #[test]
    fn attaching_unions_with_answers_already_in_the_document() {
        let all = history(20);
        let mut doc = Progress::default();
        for a in all.attempts[10..].iter().cloned() {
            doc.record(a);
        }
        doc.attach_history(all.attempts[..15].to_vec());
        assert_eq!(doc.attempts, all.attempts);
        assert_eq!(doc.review, all.review);
        assert_eq!(doc.answers_saved(), 20);
    }

    /// Moving a saved document's answers into an empty store keeps its
    /// schedule exactly, even a card no answer explains (kept by the
    /// version 1 upgrade).
    #[test]
    fn migrating_keeps_the_schedule_as_saved() {
        let mut doc = history(6);
        let orphan = doc.review.cards.values().next().cloned().unwrap();
        doc.review.cards.insert("orphan".into(), orphan);
        let before = doc.clone();
        doc.attach_history(vec![]);
        assert_eq!(doc, before);
        let mut again = before.clone();
        again.attach_history(before.attempts.clone());
        assert_eq!(again, before);
    }

    /// A schedule written without another tab's answer (the count says so)
    /// is replayed from every answer on start.
    #[test]
    fn a_schedule_missing_answers_is_replayed() {
        let all = history(8);
        let mut stored = all.clone();
        let answers = stored.detach_history();
        // Written by a tab that knew 7 of the 8.
        stored.kept_apart = 7;
        stored.review = merge::replay(&answers[..7]);
        stored.attach_history(answers);
        assert_eq!(stored.review, all.review);
    }

    /// Two tabs each add answers and write only their own records: the
    /// store (a map by key) ends with every answer, in any interleaving.
    #[test]
    fn two_writers_lose_no_answer() {
        let all = history(30);
        for split in 0..30 {
            let mut store = std::collections::BTreeMap::new();
            let (a, b) = all.attempts.split_at(split);
            // Interleave the two tabs' writes one record at a time.
            let mut ia = a.iter();
            let mut ib = b.iter();
            loop {
                let (x, y) = (ia.next(), ib.next());
                if x.is_none() && y.is_none() {
                    break;
                }
                for answer in x.into_iter().chain(y) {
                    store.insert(key(answer), encode(answer, 1).unwrap());
                }
            }
            let read = read(store);
            let mut fresh = Progress::default();
            fresh.attach_history(read.answers);
            assert_eq!(fresh.attempts, all.attempts, "split {split}");
        }
    }
}
