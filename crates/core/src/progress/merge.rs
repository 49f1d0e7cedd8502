//! Merging what two tabs saved. Each tab keeps its own copy of a document
//! and, before writing, merges in what another tab wrote since
//! (`store::save_merged`); it also merges when the browser reports that
//! another tab wrote. A merge is a union: it never drops an attempt, a
//! result or a story, and merging the same data again changes nothing.

use std::collections::HashSet;
use std::hash::Hash;

use super::{ExamLog, InterviewLog, Progress, ScenarioLog};
use crate::quiz::review::ReviewDeck;

/// Adds to `ours` every item of `theirs` whose key `ours` lacks, then
/// orders all by time (equal times keep their order).
fn union<T, K: Eq + Hash>(
    ours: &mut Vec<T>,
    theirs: Vec<T>,
    key: impl Fn(&T) -> K,
    at: impl Fn(&T) -> u64,
) {
    let mut known: HashSet<K> = ours.iter().map(&key).collect();
    for item in theirs {
        if known.insert(key(&item)) {
            ours.push(item);
        }
    }
    ours.sort_by_key(|item| at(item));
}

/// Every answer from both, in time order (an answer is its question and
/// time); the review schedule is replayed from them, as if one tab had
/// recorded them all.
pub(super) fn progress(ours: &mut Progress, theirs: Progress) {
    let before = ours.attempts.len();
    union(
        &mut ours.attempts,
        theirs.attempts,
        |a| (a.question.clone(), a.at),
        |a| a.at,
    );
    if ours.attempts.len() == before {
        return;
    }
    let mut review = ReviewDeck::default();
    for a in &ours.attempts {
        review.record(&a.question, a.score, a.confidence, a.at);
    }
    ours.review = review;
}

pub(super) fn exams(ours: &mut ExamLog, theirs: ExamLog) {
    union(
        &mut ours.records,
        theirs.records,
        |r| (r.exam.clone(), r.started_at),
        |r| r.finished_at,
    );
}

pub(super) fn scenarios(ours: &mut ScenarioLog, theirs: ScenarioLog) {
    union(
        &mut ours.plays,
        theirs.plays,
        |p| (p.scenario.clone(), p.seed, p.at),
        |p| p.at,
    );
}

/// Answers and mock interviews from both; a story edited in both keeps
/// the later edit. (A story deleted in one tab while the other still has
/// it comes back: a union cannot tell a deletion from a story not yet
/// seen.)
pub(super) fn interview(ours: &mut InterviewLog, theirs: InterviewLog) {
    for story in theirs.stories {
        match ours.stories.iter_mut().find(|s| s.id == story.id) {
            Some(mine) if mine.updated_at >= story.updated_at => {}
            Some(mine) => *mine = story,
            None => ours.stories.push(story),
        }
    }
    union(
        &mut ours.answers,
        theirs.answers,
        |a| (a.question.clone(), a.at),
        |a| a.at,
    );
    union(&mut ours.mocks, theirs.mocks, |m| m.at, |m| m.at);
}

#[cfg(test)]
mod tests {
    use super::super::{Attempt, Mode, Story};
    use super::*;
    use crate::interview::StarAnswer;
    use crate::store::{load, merge_text, save_merged, Document, KeyValueStore, MemoryStore};

    fn attempt(question: &str, at: u64, score: f64) -> Attempt {
        Attempt {
            question: question.into(),
            exam: "220-1201".into(),
            domain: "2.0".into(),
            objective: "2.1".into(),
            score,
            at,
            mode: Mode::Practice,
            confidence: None,
            wrong_picks: vec![],
        }
    }

    /// A browser tab: its own copy and the stored text it last saw.
    struct Tab {
        doc: Progress,
        last: Option<String>,
    }

    impl Tab {
        fn open(store: &MemoryStore) -> Tab {
            let loaded = load::<Progress>(store, 1);
            Tab {
                doc: loaded.doc,
                last: loaded.raw,
            }
        }
    }

    #[test]
    fn no_answer_is_lost_in_any_interleaving_of_two_tabs() {
        for seed in 0..300 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let store = MemoryStore::new();
            let mut tabs = [Tab::open(&store), Tab::open(&store)];
            let mut answered = Vec::new();
            for step in 0..30u64 {
                let t = rng.usize(0..2);
                match rng.u8(0..6) {
                    // A reload: the tab starts again from what is stored.
                    0 => tabs[t] = Tab::open(&store),
                    // The browser tells the tab the other one wrote.
                    1 => {
                        if let Some(stored) = store.get(Progress::KEY).unwrap() {
                            let tab = &mut tabs[t];
                            merge_text(&store, &mut tab.doc, &stored, step).unwrap();
                            tab.last = Some(stored);
                        }
                    }
                    // An answer, saved at once. Questions repeat so the
                    // review schedule sees several answers to one.
                    _ => {
                        let question = format!("q{}", rng.u8(0..5));
                        let at = step * 10 + t as u64;
                        let tab = &mut tabs[t];
                        tab.doc.record(attempt(&question, at, rng.f64().round()));
                        let last = tab.last.take();
                        let written = save_merged(&store, &mut tab.doc, last.as_deref(), at);
                        tab.last = Some(written.unwrap().text);
                        answered.push((question, at));
                    }
                }
            }
            let saved = load::<Progress>(&store, 999).doc;
            let mut kept: Vec<_> = saved
                .attempts
                .iter()
                .map(|a| (a.question.clone(), a.at))
                .collect();
            assert!(
                kept.windows(2).all(|w| w[0].1 <= w[1].1),
                "seed {seed}: out of time order"
            );
            kept.sort();
            answered.sort();
            assert_eq!(kept, answered, "seed {seed}");
            // The schedule is the one a single tab would have made.
            let mut single = Progress::default();
            for a in &saved.attempts {
                single.record(a.clone());
            }
            // (Within float noise: JSON does not keep the last bit.)
            let cards = |deck: &ReviewDeck| -> Vec<_> {
                deck.cards
                    .iter()
                    .map(|(q, c)| (q.clone(), c.due, c.streak, c.lapses, c.last_reviewed))
                    .collect()
            };
            assert_eq!(cards(&saved.review), cards(&single.review), "seed {seed}");
            for (q, card) in &saved.review.cards {
                let other = &single.review.cards[q];
                assert!(
                    (card.interval_days - other.interval_days).abs() < 1e-9,
                    "seed {seed}"
                );
                assert!((card.ease - other.ease).abs() < 1e-9, "seed {seed}");
            }
        }
    }

    #[test]
    fn merging_is_a_union_that_can_be_repeated_in_any_order() {
        let mut a = Progress::default();
        a.record(attempt("q1", 10, 1.0));
        a.record(attempt("q2", 30, 0.0));
        let mut b = Progress::default();
        b.record(attempt("q1", 10, 1.0));
        b.record(attempt("q3", 20, 1.0));
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b.clone();
        ba.merge(a.clone());
        assert_eq!(ab, ba);
        assert_eq!(ab.attempts.len(), 3);
        let mut again = ab.clone();
        again.merge(a);
        again.merge(b);
        assert_eq!(again, ab);
    }

    #[test]
    fn logs_keep_every_result_and_the_later_edit_of_a_story() {
        let story = |title: &str, updated_at: u64| Story {
            id: "s1".into(),
            title: title.into(),
            competencies: vec![],
            answer: StarAnswer::default(),
            updated_at,
        };
        let mut ours = InterviewLog {
            stories: vec![story("old title", 5)],
            ..InterviewLog::default()
        };
        let theirs = InterviewLog {
            stories: vec![story("new title", 9)],
            ..InterviewLog::default()
        };
        ours.merge(theirs.clone());
        assert_eq!(ours.stories.len(), 1);
        assert_eq!(ours.stories[0].title, "new title");
        // Merging an older edit back changes nothing.
        let mut newer = theirs;
        newer.merge(InterviewLog {
            stories: vec![story("old title", 5)],
            ..InterviewLog::default()
        });
        assert_eq!(newer.stories[0].title, "new title");
    }

    #[test]
    fn unreadable_text_from_another_tab_is_kept_aside_before_it_is_written_over() {
        let store = MemoryStore::new();
        store.set(Progress::KEY, "{not a save").unwrap();
        let mut doc = Progress::default();
        doc.record(attempt("q1", 10, 1.0));
        save_merged(&store, &mut doc, None, 77).unwrap();
        assert_eq!(
            store
                .get("firstline.progress.backup.77")
                .unwrap()
                .as_deref(),
            Some("{not a save")
        );
        assert_eq!(load::<Progress>(&store, 78).doc.attempts.len(), 1);
    }
}
