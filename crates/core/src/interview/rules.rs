//! The rules that keep the score about meaning rather than form. All are on
//! in the app; tests switch one off at a time to show that each cheat is
//! stopped by its own rule and not by accident.

/// Which anti-cheat rules scoring applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Words of the question's prompt do not earn key points.
    pub prompt_words: bool,
    /// General words ("ticket", "user", "escalate") do not earn key points
    /// on their own.
    pub generic_words: bool,
    /// A key point stated in denied form earns nothing and is flagged.
    pub negation: bool,
    /// Only clauses that read as sentences earn anything: key points,
    /// words, numbers, "I" and specific details.
    pub prose: bool,
}

impl Rules {
    pub const ALL: Rules = Rules {
        prompt_words: true,
        generic_words: true,
        negation: true,
        prose: true,
    };
}

impl Default for Rules {
    fn default() -> Self {
        Rules::ALL
    }
}
