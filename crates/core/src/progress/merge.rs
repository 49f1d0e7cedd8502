//! Merging what two tabs saved. Each tab keeps its own copy of a document
//! and, before writing, merges in what another tab wrote since
//! (`store::save_merged`); it also merges when the browser reports that
//! another tab wrote. A merge is a union: it never drops an attempt, a
//! result or a story, and merging the same data again changes nothing.

use std::collections::HashSet;
use std::hash::Hash;

use super::{Attempt, ExamLog, InterviewLog, Progress, ScenarioLog};
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
    crate::sort::by_key(ours, |item| at(item));
}

/// Every answer from both, in time order (an answer is its question and
/// time); the review schedule is what replaying them all would make, as if
/// one tab had recorded them all.
pub(super) fn progress(ours: &mut Progress, theirs: Progress) {
    let mut new = unseen(&ours.attempts, theirs.attempts);
    if new.is_empty() {
        return;
    }
    // Stable, as the union of the other documents: equal times keep their
    // order, ours first.
    crate::sort::by_key(&mut new, |a| a.at);
    // The usual merge (another tab's newest answers) only adds answers
    // from our last one on. Sorting all would then leave ours in place with
    // the new ones after, and replaying would rebuild the same cards before
    // recording the new answers: record just those instead.
    let appends = match (ours.attempts.last(), new.first()) {
        (Some(last), Some(first)) => {
            first.at >= last.at && ours.attempts.windows(2).all(|w| w[0].at <= w[1].at)
        }
        _ => true,
    };
    let before = ours.attempts.len();
    ours.attempts.extend(new);
    if appends {
        for a in &ours.attempts[before..] {
            ours.review.record(&a.question, a.score, a.confidence, a.at);
        }
    } else {
        crate::sort::by_key(&mut ours.attempts, |a| a.at);
        ours.review = replay(&ours.attempts);
    }
}

/// Their answers that ours lacks, each once, in their order. Only our
/// answers from their earliest time on can match one of theirs, and keys
/// are borrowed, so a few answers from another tab are checked without
/// hashing (or copying the names of) all of ours: that took 15 ms for
/// 20,000 answers natively, for each answer another tab announced.
fn unseen(ours: &[Attempt], theirs: Vec<Attempt>) -> Vec<Attempt> {
    let Some(earliest) = theirs.iter().map(|a| a.at).min() else {
        return theirs;
    };
    let keep: Vec<bool> = {
        let mut known: HashSet<(&str, u64)> = ours
            .iter()
            .filter(|a| a.at >= earliest)
            .map(|a| (a.question.as_str(), a.at))
            .collect();
        theirs
            .iter()
            .map(|a| known.insert((a.question.as_str(), a.at)))
            .collect()
    };
    theirs
        .into_iter()
        .zip(keep)
        .filter_map(|(a, keep)| keep.then_some(a))
        .collect()
}

/// The review schedule the answers make, in the order given (time order).
pub(super) fn replay(attempts: &[Attempt]) -> ReviewDeck {
    ReviewDeck::replay(
        attempts
            .iter()
            .map(|a| (a.question.as_str(), a.score, a.confidence, a.at)),
    )
}

/// Version 1 of the progress document saved cards of the SM-2 style
/// scheduler; version 2 saves FSRS-6 cards. The deck is rebuilt by
/// replaying the saved answers through FSRS, exactly as a merge does, so a
/// migrated deck is the one FSRS would have made all along. A card with no
/// saved answer behind it (none is expected: every card was made by an
/// answer) keeps its fields, converted when read (`review::StoredCard`),
/// rather than being dropped.
pub(super) fn upgrade_v1(data: &str) -> Result<String, String> {
    let mut progress: Progress = serde_json::from_str(data).map_err(|e| e.to_string())?;
    let old = std::mem::take(&mut progress.review);
    progress.review = replay(&progress.attempts);
    for (question, card) in old.cards {
        progress.review.cards.entry(question).or_insert(card);
    }
    serde_json::to_string(&progress).map_err(|e| e.to_string())
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
    union(
        &mut ours.shifts,
        theirs.shifts,
        |s| (s.shift.clone(), s.at),
        |s| s.at,
    );
    union(
        &mut ours.articles,
        theirs.articles,
        |a| (a.scenario.clone(), a.at),
        |a| a.at,
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
    for (id, at) in theirs.deleted_stories {
        match ours.deleted_stories.iter_mut().find(|(d, _)| *d == id) {
            Some((_, mine)) => *mine = (*mine).max(at),
            None => ours.deleted_stories.push((id, at)),
        }
    }
    let deleted = &ours.deleted_stories;
    ours.stories.retain(|s| {
        !deleted
            .iter()
            .any(|(id, at)| *id == s.id && s.updated_at <= *at)
    });
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
    use super::super::{Attempt, Story};
    use super::*;
    use crate::interview::StarAnswer;
    use crate::progress::testing::attempt;
    use crate::store::{load, merge_text, save_merged, Document, KeyValueStore, MemoryStore};

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
                    .map(|(q, c)| (q.clone(), c.due, c.reps, c.lapses, c.last_reviewed))
                    .collect()
            };
            assert_eq!(cards(&saved.review), cards(&single.review), "seed {seed}");
            for (q, card) in &saved.review.cards {
                let other = &single.review.cards[q];
                let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
                assert!(near(card.stability, other.stability), "seed {seed}");
                assert!(near(card.difficulty, other.difficulty), "seed {seed}");
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

    /// What a merge must equal whichever way it is computed: every answer
    /// once, in time order (ours first on equal times), and the schedule a
    /// single tab recording them in that order would have.
    fn merged_by_replay(ours: &Progress, theirs: &Progress) -> Progress {
        let mut all = ours.attempts.clone();
        for a in &theirs.attempts {
            if !all.iter().any(|b| b.question == a.question && b.at == a.at) {
                all.push(a.clone());
            }
        }
        all.sort_by_key(|a| a.at);
        let mut expected = Progress::default();
        for a in all {
            expected.record(a);
        }
        expected
    }

    #[test]
    fn merging_answers_from_after_ours_or_among_them_gives_the_replayed_schedule() {
        let questions = ["q1", "q2", "q3"];
        let mut ours = Progress::default();
        for i in 0..30u64 {
            ours.record(attempt(
                questions[(i % 3) as usize],
                100 + i * 10,
                (i % 2) as f64,
            ));
        }
        let last = 100 + 29 * 10;
        let cases: Vec<Vec<Attempt>> = vec![
            // Another tab's newest answers, the fast path: later, at the
            // same time as our last (kept after it), and out of order.
            vec![attempt("q2", last + 5, 0.0)],
            vec![attempt("q1", last, 0.0), attempt("q3", last + 1, 1.0)],
            vec![attempt("q3", last + 9, 0.0), attempt("q1", last + 2, 0.0)],
            // Answers among ours, one already known, one repeated: replayed.
            vec![attempt("q2", 155, 0.0), attempt("q1", 100, 0.0)],
            vec![attempt("q3", last + 3, 0.0), attempt("q3", last + 3, 0.0)],
            vec![attempt("q1", 5, 1.0), attempt("q2", last + 1, 0.0)],
        ];
        for theirs in cases {
            let theirs = Progress {
                attempts: theirs,
                ..Progress::default()
            };
            let mut merged = ours.clone();
            merged.merge(theirs.clone());
            let expected = merged_by_replay(&ours, &theirs);
            assert_eq!(merged.attempts, expected.attempts, "{:?}", theirs.attempts);
            assert_eq!(merged.review, expected.review, "{:?}", theirs.attempts);
        }
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

    /// A progress document as FirstLine saved it before FSRS: version 1,
    /// with SM-2 style review cards. q1 was missed (sure) and then answered
    /// right (unsure) 11 minutes later, q2 answered right while guessing,
    /// q3 right and sure (not scheduled); q9's card has no answers behind
    /// it.
    const SM2_SAVE: &str = r#"{"format":"firstline-progress","version":1,"saved_at":1767604300000,"data":{"attempts":[{"question":"q1","exam":"220-1201","domain":"2.0","objective":"2.1","score":0.0,"at":1767603600000,"mode":"practice","confidence":"sure","wrong_picks":["80"]},{"question":"q2","exam":"220-1201","domain":"2.0","objective":"2.1","score":1.0,"at":1767603600000,"mode":"practice","confidence":"guessing","wrong_picks":[]},{"question":"q3","exam":"220-1201","domain":"2.0","objective":"2.1","score":1.0,"at":1767603600000,"mode":"practice","confidence":"sure","wrong_picks":[]},{"question":"q1","exam":"220-1201","domain":"2.0","objective":"2.1","score":1.0,"at":1767604260000,"mode":"review","confidence":"unsure","wrong_picks":[]}],"review":{"cards":{"q1":{"due":1767690660000,"interval_days":1.0,"ease":2.3,"streak":1,"lapses":1,"last_reviewed":1767604260000},"q2":{"due":1767690000000,"interval_days":1.0,"ease":2.35,"streak":1,"lapses":0,"last_reviewed":1767603600000},"q9":{"due":1768035600000,"interval_days":6.0,"ease":2.5,"streak":2,"lapses":0,"last_reviewed":1767517200000}}}}}"#;

    #[test]
    fn a_deck_saved_by_the_sm2_scheduler_loads_as_fsrs_cards_replayed_from_the_answers() {
        use crate::quiz::answer::Confidence;
        use crate::quiz::review::{Card, Grade, DAY_MS, MINUTE_MS};
        use crate::store::Notice;

        let store = MemoryStore::new();
        store.set(Progress::KEY, SM2_SAVE).unwrap();
        let loaded = load::<Progress>(&store, 5);
        assert_eq!(
            loaded.notice,
            Some(Notice::Upgraded {
                from: 1,
                to: 2,
                backup_key: "firstline.progress.v1".into()
            })
        );
        assert_eq!(
            store.get("firstline.progress.v1").unwrap().as_deref(),
            Some(SM2_SAVE),
            "the original is kept"
        );
        let progress = loaded.doc;
        assert_eq!(progress.attempts.len(), 4);
        let review = &progress.review;
        let cards: Vec<&str> = review.cards.keys().map(String::as_str).collect();
        assert_eq!(cards, ["q1", "q2", "q9"]);

        // q1 and q2 are what FSRS makes of their answers.
        let t0 = 1_767_603_600_000;
        let mut q1 = Card::first(Grade::Again, t0);
        q1.review(Grade::Good, t0 + 11 * MINUTE_MS);
        assert_eq!(review.cards["q1"], q1);
        assert_eq!((q1.reps, q1.lapses), (2, 1));
        assert!((q1.stability - 0.2467).abs() < 1e-4, "{q1:?}");
        assert_eq!(review.cards["q2"], Card::first(Grade::Hard, t0));
        assert_eq!(review.cards["q2"].stability, 1.2931);
        let mut replayed = Progress::default();
        for a in &progress.attempts {
            replayed.record(a.clone());
        }
        for q in ["q1", "q2"] {
            assert_eq!(review.cards[q], replayed.review.cards[q]);
        }

        // q9 had no answers: converted from its SM-2 fields, kept as due.
        let q9 = &review.cards["q9"];
        assert_eq!(
            (q9.due, q9.last_reviewed),
            (1_768_035_600_000, 1_767_517_200_000)
        );
        assert!((q9.stability - 6.0).abs() < 1e-9);
        assert!((1.0..=10.0).contains(&q9.difficulty));

        // Saved again, it is a version 2 document that loads as it was.
        save_merged(&store, &mut progress.clone(), loaded.raw.as_deref(), 6).unwrap();
        let stored = store.get(Progress::KEY).unwrap().unwrap_or_default();
        assert!(stored.contains(r#""version":2"#), "{stored}");
        assert!(!stored.contains("ease"), "{stored}");
        let again = load::<Progress>(&store, 7);
        assert!(again.notice.is_none(), "{:?}", again.notice);
        assert_eq!(again.doc, progress);

        // And it goes on scheduling: q2 answered right and unsure when due.
        let mut progress = again.doc;
        let mut late = attempt("q2", t0 + DAY_MS, 1.0);
        late.confidence = Some(Confidence::Unsure);
        progress.record(late);
        assert!(progress.review.cards["q2"].due > t0 + 2 * DAY_MS);
    }

    #[test]
    fn old_progress_without_a_document_version_still_reads() {
        // A backup file carries progress data with no document version of
        // its own: old cards are converted as they are read, and a merge
        // that brings new answers replays the deck.
        // The envelope's `data`, without the envelope's closing brace.
        let data = SM2_SAVE
            .split_once(r#""data":"#)
            .and_then(|(_, d)| d.strip_suffix('}'))
            .unwrap_or_default();
        let theirs: Progress = serde_json::from_str(data).unwrap();
        assert_eq!(theirs.review.cards.len(), 3);
        assert!(theirs.review.cards.values().all(|c| c.stability > 0.0));
        let mut ours = Progress::default();
        ours.merge(theirs.clone());
        assert_eq!(ours.attempts, theirs.attempts);
        let cards: Vec<&str> = ours.review.cards.keys().map(String::as_str).collect();
        assert_eq!(cards, ["q1", "q2"], "replayed from the answers");
    }

    #[test]
    fn a_deleted_story_stays_deleted_when_another_copy_still_has_it() {
        let story = Story {
            id: "s1".into(),
            title: "Locked out".into(),
            competencies: vec![],
            answer: StarAnswer::default(),
            updated_at: 10,
        };
        let mut ours = InterviewLog {
            stories: vec![story.clone()],
            ..InterviewLog::default()
        };
        let backup = ours.clone();
        ours.delete_story("s1", 20);
        ours.merge(backup.clone());
        assert!(
            ours.stories.is_empty(),
            "the old copy does not bring it back"
        );
        // The other side merging our deletion in loses it too.
        let mut other = backup;
        other.merge(ours.clone());
        assert!(other.stories.is_empty());
        // An edit made after the deletion wins.
        let mut edited = story;
        edited.updated_at = 30;
        ours.merge(InterviewLog {
            stories: vec![edited],
            ..InterviewLog::default()
        });
        assert_eq!(ours.stories.len(), 1);
    }
}
