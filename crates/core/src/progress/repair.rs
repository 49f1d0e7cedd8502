//! Saved numbers brought back into range. Progress comes from browser
//! storage and from backup files a person may have edited, so a score of 7
//! or a scaled score of 90,000 must not reach a chart, an average or the
//! readiness estimate. Each value is clamped to its scale (a value that is
//! not a number at all cannot come from JSON).

use super::{Attempt, ExamLog, InterviewLog, Progress, ScenarioLog};
use crate::content::exam::{SCALE_MAX, SCALE_MIN};
use crate::quiz::review::{DAY_MS, MAX_INTERVAL_DAYS};

fn share(value: &mut f64) {
    *value = if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    };
}

/// The most fillers a minute a spoken answer is read with: far above any
/// real answer, even a second-long one.
const MAX_FILLERS_PER_MINUTE: f64 = 1e6;

fn hundred(value: &mut u32) {
    *value = (*value).min(100);
}

pub(super) fn progress(p: &mut Progress) {
    p.attempts.iter_mut().for_each(attempt);
    // A card is never due later than the longest wait after its last
    // answer: the earlier scheduler's overflow left cards due for ever, and
    // such a card would never come back. Stability and difficulty are
    // checked as the card is read (`StoredCard`).
    let longest = MAX_INTERVAL_DAYS.saturating_mul(DAY_MS);
    for card in p.review.cards.values_mut() {
        card.due = card.due.min(card.last_reviewed.saturating_add(longest));
    }
}

pub(super) fn attempt(a: &mut Attempt) {
    share(&mut a.score);
}

pub(super) fn exams(log: &mut ExamLog) {
    for record in &mut log.records {
        record.scaled = record.scaled.clamp(SCALE_MIN, SCALE_MAX);
        record.passing_score = record.passing_score.clamp(SCALE_MIN, SCALE_MAX);
        record.elapsed_ms = record.elapsed_ms.min(record.limit_ms);
        for item in &mut record.items {
            share(&mut item.score);
        }
    }
}

pub(super) fn scenarios(log: &mut ScenarioLog) {
    for play in &mut log.plays {
        hundred(&mut play.overall);
        for (_, score) in &mut play.dimensions {
            hundred(score);
        }
        share(&mut play.notes_share);
        super::checks::repair(play);
    }
    for article in &mut log.articles {
        hundred(&mut article.score);
    }
    for shift in &mut log.shifts {
        for score in [
            &mut shift.overall,
            &mut shift.triage,
            &mut shift.targets,
            &mut shift.notes,
        ] {
            hundred(score);
        }
    }
}

pub(super) fn interview(log: &mut InterviewLog) {
    for answer in &mut log.answers {
        hundred(&mut answer.score);
        if let Some((_, fillers)) = answer.spoken.as_mut() {
            *fillers = fillers.clamp(0.0, MAX_FILLERS_PER_MINUTE);
        }
        for (_, score) in &mut answer.criteria {
            hundred(score);
        }
    }
    for mock in &mut log.mocks {
        for item in &mut mock.items {
            if let Some(score) = item.score.as_mut() {
                hundred(score);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::progress::backup::Everything;
    use crate::store::Document;

    #[test]
    fn out_of_range_numbers_from_a_file_are_brought_into_range() {
        let text = r#"{
            "progress": {"attempts": [{"question": "q", "exam": "e", "domain": "1.0", "objective": "1.1",
                "score": 7.5, "at": 1, "mode": "practice"}]},
            "exams": {"records": [{"exam": "e", "started_at": 0, "finished_at": 1, "reason": "learner",
                "elapsed_ms": 5, "limit_ms": 10, "items": [{"question": "q", "domain": "1.0", "objective": "1.1",
                "score": -3, "response": []}], "scaled": 90000, "passing_score": 5}]},
            "interview": {"answers": [{"question": "q", "score": 4000, "words": 3, "at": 1}]}
        }"#;
        let mut all: Everything = serde_json::from_str(text).unwrap();
        all.progress.repair();
        all.exams.repair();
        all.interview.repair();
        assert_eq!(all.progress.attempts[0].score, 1.0);
        let record = &all.exams.records[0];
        assert_eq!((record.scaled, record.passing_score), (900, 100));
        assert_eq!(record.items[0].score, 0.0);
        assert_eq!(all.interview.answers[0].score, 100);
    }

    /// A fillers-per-minute rate is range-checked like every saved number.
    /// The store fuzzer found one of 2.3333333333333334e32 that read back as
    /// ...38e32 after a save: serde_json's default parser is a unit in the
    /// last place off for some numbers of that size, which no real answer
    /// has.
    #[test]
    fn a_fillers_rate_out_of_range_is_brought_into_range_and_reads_back() {
        use crate::progress::InterviewLog;
        use crate::store::{load, save, KeyValueStore, Loaded, MemoryStore};
        let store = MemoryStore::new();
        let text = r#"{"format": "firstline-interview", "version": 1, "saved_at": 1, "data": {"answers": [
            {"question": "q", "score": 50, "words": 3, "spoken": [130, 2.3333333333333334e+32], "at": 1},
            {"question": "r", "score": 50, "words": 3, "spoken": [130, -4], "at": 1},
            {"question": "s", "score": 50, "words": 3, "spoken": [130, 2.5], "at": 1}]}}"#;
        store.set(InterviewLog::KEY, text).unwrap();
        let first: Loaded<InterviewLog> = load(&store, 2);
        let rates: Vec<f64> = first
            .doc
            .answers
            .iter()
            .filter_map(|a| a.spoken.map(|(_, fillers)| fillers))
            .collect();
        assert_eq!(rates, [1e6, 0.0, 2.5]);
        save(&store, &first.doc, 3).unwrap();
        let again: Loaded<InterviewLog> = load(&store, 4);
        assert_eq!(again.doc, first.doc);
    }

    #[test]
    fn a_card_due_for_ever_comes_back_within_the_longest_wait() {
        use crate::progress::Progress;
        use crate::quiz::review::{DAY_MS, MAX_INTERVAL_DAYS};
        let text = r#"{"attempts": [], "review": {"cards": {
            "q": {"due": 18446744073709551615, "last_reviewed": 1000, "stability": 1e308, "difficulty": 5},
            "r": {"due": 5000, "last_reviewed": 1000, "stability": null, "difficulty": null}
        }}}"#;
        let mut p: Progress = serde_json::from_str(text).unwrap();
        p.repair();
        let q = &p.review.cards["q"];
        assert_eq!(q.due, 1000 + MAX_INTERVAL_DAYS * DAY_MS);
        assert!(q.stability.is_finite());
        let r = &p.review.cards["r"];
        assert_eq!(r.due, 5000);
        assert!(r.stability.is_finite() && r.difficulty.is_finite());
        // And it is written as it was read.
        let back: Progress = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }
}
