//! Whether the learner states a fact or denies it. "It is definitely not
//! DNS", "instead of checking the cable", "no need to verify the caller":
//! the key words are there, but the statement says the opposite, so it must
//! not earn the point (and the learner should be told which statement
//! contradicted it).
//!
//! The rule is local and cheap: within the clause, count the negating words
//! before the match since the last break (a comma, "but", "and", "so",
//! ...). An odd count with the nearest one at most [`REACH`] words before
//! the match denies it ("I never reset a password without verifying" has
//! two, so it affirms). A dismissal right after the match ("DNS is not the
//! cause", "checking the cable was unnecessary") denies it too.

use super::{Span, Token};

/// How many words may sit between a negating word and what it denies
/// ("not *even the* cable").
pub const REACH: usize = 6;

/// Negating words and runs of words, matched on the lower-cased word.
const NEGATORS: &[&[&str]] = &[
    &["no", "need", "to"],
    &["no", "need", "for"],
    &["instead", "of"],
    &["rather", "than"],
    &["not"],
    &["no"],
    &["never"],
    &["nor"],
    &["neither"],
    &["without"],
    &["nothing"],
    &["cannot"],
    &["skip"],
    &["skipped"],
    &["skipping"],
    &["skips"],
];

/// Words that end the reach of a negation: "I didn't panic *and* checked
/// the cable" checks the cable.
const BREAKS: &[&str] = &[
    "and", "but", "so", "then", "because", "which", "although", "though", "while", "yet",
    "however", "until", "once", "after", "before", "since", "when", "if",
];

/// Words that, after "not", weaken rather than deny: "not just DNS".
const NOT_DENIALS: &[&str] = &["only", "just", "merely", "always"];

/// Words that, after a negation that follows the match, dismiss it: "DNS
/// is not the cause", "checking the cable isn't needed".
const DISMISSALS: &[&str] = &[
    "needed",
    "necessary",
    "required",
    "matter",
    "matters",
    "relevant",
    "important",
    "cause",
    "problem",
    "issue",
    "culprit",
    "involved",
    "it",
];

/// Words that dismiss what comes before them on their own.
const DISMISSIVE: &[&str] = &[
    "unnecessary",
    "pointless",
    "irrelevant",
    "useless",
    "needless",
];

/// Whether the statement around `span` denies it. `tokens` are the tokens
/// of `text`; `clause` is the byte range of the clause holding the span
/// (negation never reaches across a sentence).
pub fn negated(text: &str, tokens: &[Token], clause: Span, span: Span) -> bool {
    let before: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.start >= clause.start && t.end <= span.start)
        .collect();
    let after: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.start >= span.end && t.end <= clause.end)
        .collect();
    denied_before(text, &before) || dismissed_after(text, span, &after)
}

fn denied_before(text: &str, before: &[&Token]) -> bool {
    let mut count = 0;
    // Words between the last negation and the match.
    let mut since: Option<usize> = None;
    let mut i = 0;
    while i < before.len() {
        if i > 0 && punctuation_between(text, before[i - 1], before[i]) {
            count = 0;
            since = None;
        }
        let word = before[i].word.as_str();
        if BREAKS.contains(&word) {
            count = 0;
            since = None;
            i += 1;
            continue;
        }
        // "no need to run nslookup *or* look at the servers": each item of
        // a list joined by "or" is denied as closely as the first.
        if word == "or" && count % 2 == 1 {
            since = Some(0);
            i += 1;
            continue;
        }
        if let Some(len) = negator_at(&before[i..]) {
            count += 1;
            since = Some(0);
            i += len;
            continue;
        }
        since = since.map(|n| n + 1);
        i += 1;
    }
    count % 2 == 1 && since.is_some_and(|n| n <= REACH)
}

/// How many words the negator starting at `words[0]` spans, if one does.
fn negator_at(words: &[&Token]) -> Option<usize> {
    let first = words.first()?.word.as_str();
    if first.ends_with("n't") {
        return Some(1);
    }
    if first == "not"
        && words
            .get(1)
            .is_some_and(|n| NOT_DENIALS.contains(&n.word.as_str()))
    {
        return None;
    }
    NEGATORS
        .iter()
        .find(|run| run.len() <= words.len() && run.iter().zip(words).all(|(w, t)| t.word == *w))
        .map(|run| run.len())
}

fn dismissed_after(text: &str, span: Span, after: &[&Token]) -> bool {
    let mut prev_end = span.end;
    for (i, t) in after.iter().take(REACH).enumerate() {
        if text[prev_end..t.start].contains([',', ':', '(', '\u{2014}', '\u{2013}'])
            || BREAKS.contains(&t.word.as_str())
        {
            return false;
        }
        prev_end = t.end;
        if DISMISSIVE.contains(&t.word.as_str()) {
            return true;
        }
        if negator_at(&after[i..]).is_some() {
            // "not the cause", "isn't needed", "was never the problem".
            return after[i + 1..]
                .iter()
                .take(3)
                .any(|n| DISMISSALS.contains(&n.word.as_str()));
        }
    }
    false
}

fn punctuation_between(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.contains([',', ':', '(', ')', '\u{2014}', '\u{2013}']))
}

#[cfg(test)]
mod tests {
    use super::super::{find_phrase, tokens};
    use super::*;

    /// Whether `phrase` is denied where it first occurs in `text` (taken as
    /// one clause).
    fn denies(text: &str, phrase: &str) -> bool {
        let toks = tokens(text);
        let span = find_phrase(&toks, phrase).unwrap_or(Span { start: 0, end: 0 });
        let clause = Span {
            start: 0,
            end: text.len(),
        };
        negated(text, &toks, clause, span)
    }

    #[test]
    fn denials_before_the_match() {
        assert!(denies("It is definitely not DNS", "dns"));
        assert!(denies(
            "just reinstall Windows instead of checking the cable",
            "cable"
        ));
        assert!(denies("there is no need to verify the caller", "verify"));
        assert!(denies("I never verify the caller", "verify"));
        assert!(denies("do it rather than escalating to Tier 2", "tier 2"));
        assert!(denies("you can skip the ESD strap", "esd strap"));
        assert!(denies("I didn't check the cable", "cable"));
        assert!(denies("It has nothing to do with DNS", "dns"));
        assert!(denies(
            "no need to run nslookup or look at the DNS servers",
            "dns servers"
        ));
    }

    #[test]
    fn denials_after_the_match() {
        assert!(denies("DNS is not the cause", "dns"));
        assert!(denies("checking the cable isn't needed", "cable"));
        assert!(denies("the ESD strap is unnecessary", "esd strap"));
    }

    #[test]
    fn affirmations_stay_affirmed() {
        assert!(!denies(
            "I never reset a password without verifying the caller",
            "verify"
        ));
        assert!(!denies("I didn't skip the cable check", "cable"));
        assert!(!denies("It is not just DNS; check DHCP", "dns"));
        assert!(!denies("I didn't panic and checked the cable", "cable"));
        assert!(!denies(
            "It was not working, so I checked the cable",
            "cable"
        ));
        assert!(!denies("the DNS record was not updated", "dns"));
        assert!(!denies("If it fails, I escalate to Tier 2", "tier 2"));
        assert!(!denies(
            "not a word in the world would stop me from checking the cable here",
            "cable"
        ));
    }
}
