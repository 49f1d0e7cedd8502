//! Item analysis: cues in certification questions that let a test-wise
//! learner find the key from the form of the options rather than from
//! skill (see `docs/content-format.md#item-writing`).
//!
//! `analyse` is pure and works on the loaded library, so the CLI (through
//! `Library::load_for_authoring`, as located findings) and the Author page
//! (on demand) share one result. The browser's start-up `Library::load`
//! does not run it.
//!
//! The rules (documented in `docs/content-format.md#item-writing`):
//! 1. per exam, the key is strictly the longest option in at most 30% of
//!    single-answer items (an error above that);
//! 2. per item, the key is not 1.4 times the longest distractor and 8 or
//!    more characters longer (a warning);
//! 3. per item, the key does not alone repeat a content word of the prompt
//!    (a warning);
//! 4. a matching question offers a spare right-hand choice, or repeats one
//!    (a warning);
//! 5. no two prompts share half or more of their content words (a warning);
//! 6. a simulation does not open with half its marks earned, leave its last
//!    piece to elimination, or name a step's command in its prompt (a
//!    warning).

mod cue;
mod duplicates;
mod echo;
mod findings;
mod length;
mod matching;
mod share;
mod sim;
mod single;
#[cfg(test)]
mod tests;
mod words;

pub use cue::{Cue, CueKind};
pub use duplicates::{DuplicateScan, COMPARISON_BUDGET};
pub use findings::findings;
pub use share::LongestShare;
pub use sim::{SimCue, OPENING_MARKS_LIMIT_PERCENT};

use crate::content::library::Library;
use single::single_items;
use words::Words;

/// Where every item-analysis message points for the reasoning and the fix.
pub const DOCS: &str = "docs/content-format.md#item-writing";

/// Rule 1's limit: above this share of single-answer items with the key
/// strictly longest, picking the longest option pays off.
pub const KEY_LONGEST_LIMIT_PERCENT: u32 = 30;

/// Everything item analysis found in a library.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAnalysis {
    /// One entry per exam blueprint, in library order.
    pub exams: Vec<ExamShare>,
    // Scenario choices ("best choice strictly longest", its own limit)
    // belong beside `exams` as their own list of `LongestShare`s; they are
    // not analysed yet.
    /// Per-question cues (warnings), in library order.
    pub cues: Vec<Cue>,
    /// How much of the near-duplicate search ran.
    pub duplicates: DuplicateScan,
}

/// Rule 1 for one exam.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamShare {
    pub exam: String,
    pub name: String,
    pub keys: LongestShare,
}

impl ExamShare {
    /// The error message when the share is over the limit.
    pub fn message(&self) -> String {
        format!(
            "exam {}: the key is strictly the longest option in {} of {} single-answer items ({:.0}%), above the {}% limit, so picking the longest option pays off; shorten keys or give distractors their own qualifiers; see {DOCS}",
            self.exam,
            self.keys.longest,
            self.keys.items,
            self.keys.percent(),
            self.keys.limit_percent
        )
    }
}

/// Runs every rule over the library's questions.
pub fn analyse(library: &Library) -> ItemAnalysis {
    let words = Words::default();
    let mut cues = Vec::new();
    let mut exams: Vec<ExamShare> = library
        .exams
        .iter()
        .map(|e| ExamShare {
            exam: e.id.clone(),
            name: e.name.clone(),
            keys: LongestShare::new(KEY_LONGEST_LIMIT_PERCENT),
        })
        .collect();
    for question in &library.questions {
        let share = exams.iter_mut().find(|e| e.exam == question.exam);
        let mut counted = LongestShare::new(KEY_LONGEST_LIMIT_PERCENT);
        for item in single_items(question) {
            if let Some(lengths) = length::KeyLength::of(&item) {
                counted.count(lengths.strictly_longest());
                if lengths.stands_out() {
                    cues.push(Cue::new(
                        &item,
                        CueKind::LongKey {
                            answer: item.answer,
                            key: lengths.key,
                            longest_distractor: lengths.longest_distractor,
                        },
                    ));
                }
            }
            if let Some(echoed) = echo::echoed_words(&item, &words) {
                cues.push(Cue::new(
                    &item,
                    CueKind::Echo {
                        answer: item.answer,
                        words: echoed,
                    },
                ));
            }
        }
        if let Some(share) = share {
            share.keys.add(&counted);
        }
        for cue in sim::sim_cues(question) {
            cues.push(Cue::whole(question, CueKind::Sim(cue)));
        }
        if matching::no_spare_choice(question) {
            cues.push(Cue::whole(question, CueKind::NoSpareChoice));
        }
    }
    let (pairs, scan) = duplicates::near_duplicates(&library.questions, &words);
    for pair in pairs {
        let (Some(later), Some(earlier)) = (
            library.questions.get(pair.later),
            library.questions.get(pair.earlier),
        ) else {
            continue;
        };
        cues.push(Cue::whole(
            later,
            CueKind::NearDuplicate {
                other: earlier.id.clone(),
                other_file: earlier.file.clone(),
                shared: pair.shared,
                union: pair.union,
            },
        ));
    }
    ItemAnalysis {
        exams,
        cues,
        duplicates: scan,
    }
}

impl ItemAnalysis {
    /// The exams over rule 1's limit.
    pub fn exams_over_limit(&self) -> impl Iterator<Item = &ExamShare> {
        self.exams.iter().filter(|e| e.keys.over_limit())
    }
}
