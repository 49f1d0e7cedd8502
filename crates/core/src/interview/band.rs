//! Score bands: what a score means in words. The lowest band is where
//! cheats land (a keyword list, the prompt echoed back, word salad, a
//! confidently wrong answer), so it says "not yet an answer" rather than
//! grading the attempt.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// 0-39: does not yet answer the question.
    NotYet,
    /// 40-59: answers it in part.
    Developing,
    /// 60-79: a sound answer with gaps.
    Good,
    /// 80-100: ready for an interview.
    Strong,
}

impl Band {
    /// The lowest score of each band above the first.
    pub const DEVELOPING: u32 = 40;
    pub const GOOD: u32 = 60;
    pub const STRONG: u32 = 80;

    pub fn of(score: u32) -> Band {
        if score >= Band::STRONG {
            Band::Strong
        } else if score >= Band::GOOD {
            Band::Good
        } else if score >= Band::DEVELOPING {
            Band::Developing
        } else {
            Band::NotYet
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::NotYet => "Not yet an answer",
            Band::Developing => "Developing",
            Band::Good => "Good",
            Band::Strong => "Strong",
        }
    }

    pub fn range(self) -> &'static str {
        match self {
            Band::NotYet => "0-39",
            Band::Developing => "40-59",
            Band::Good => "60-79",
            Band::Strong => "80-100",
        }
    }
}
