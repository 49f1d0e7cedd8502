//! Words too general to show that a learner knows a specific fact. Every
//! help-desk answer says "user", "ticket" or "escalate", so a key point such
//! as "rotates the BitLocker key" must not be earned by "ticket" alone. The
//! words are compared by key (stem with synonyms), so "callers" and
//! "escalation" are general too.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{prose, tokens, Token};

/// General help-desk and everyday words. Each synonym group needs only one
/// member here ("user" covers "caller", "customer").
const GENERIC: &[&str] = &[
    "user",
    "ticket",
    "escalate",
    "problem",
    "fix",
    "check",
    "computer",
    "team",
    "help",
    "support",
    "call",
    "contact",
    "work",
    "thing",
    "stuff",
    "time",
    "system",
    "service",
    "desk",
    "people",
    "person",
    "question",
    "answer",
    "step",
    "process",
    "way",
    "make",
    "sure",
    "get",
    "do",
    "use",
    "need",
    "try",
    "look",
    "see",
    "know",
    "think",
    "say",
    "tell",
    "ask",
    "good",
    "right",
    "first",
    "then",
    "also",
    "just",
    "really",
    "very",
    "thing",
    "job",
    "task",
    "IT",
    "technical",
    "tech",
    "it",
];

fn table() -> &'static HashSet<String> {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        GENERIC
            .iter()
            .flat_map(|w| tokens(w))
            .map(|t| t.key)
            .collect()
    })
}

/// Whether a token is too general to carry a key point: a general word or
/// a function word ("the", "with").
pub fn is_generic(token: &Token) -> bool {
    table().contains(&token.key) || prose::is_function_word(&token.word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_words_and_their_synonyms_are_generic() {
        for t in tokens("Escalated the tickets to the callers; escalation, case") {
            assert!(is_generic(&t), "{}", t.word);
        }
        for t in tokens("BitLocker rotated ESD strap nslookup") {
            assert!(!is_generic(&t), "{}", t.word);
        }
    }
}
