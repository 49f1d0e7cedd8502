//! Matching what a learner wrote against what a scenario or question looks
//! for: words compared by stem ("rebooted" finds "reboot"), common synonyms
//! treated as one ("restart" finds "reboot"), whole phrases matched as runs
//! of words, and every match reported with its place in the learner's own
//! text so the app can highlight it.
//!
//! Around the matching, the judgement of what a match is worth: `prose`
//! (does the text read as sentences or as a keyword list), `negation` (is
//! the matched fact stated or denied) and `generic` (words too general to
//! show a specific fact).

pub mod generic;
pub mod negation;
pub mod prose;
mod synonyms;

use rust_stemmers::{Algorithm, Stemmer};

/// A word of the learner's text, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased word as written.
    pub word: String,
    /// Its stem, with synonyms mapped to one form.
    pub key: String,
}

/// A span of the learner's text, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Splits text into words (letters and digits; apostrophes inside words
/// kept) with their stems.
pub fn tokens(text: &str) -> Vec<Token> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = (c == '\'' || c == '\u{2019}')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(token(text, s, i, &stemmer));
        }
    }
    if let Some(s) = start {
        out.push(token(text, s, text.len(), &stemmer));
    }
    out
}

fn token(text: &str, start: usize, end: usize, stemmer: &Stemmer) -> Token {
    let word = text[start..end].to_lowercase().replace('\u{2019}', "'");
    let base = word.trim_end_matches("'s").to_owned();
    let stem = stemmer.stem(&base).into_owned();
    Token {
        start,
        end,
        key: synonyms::canonical(&stem).unwrap_or(stem),
        word,
    }
}

/// Finds `phrase` in `text_tokens` as a run of words with the same keys.
pub fn find_phrase(text_tokens: &[Token], phrase: &str) -> Option<Span> {
    let wanted: Vec<String> = tokens(phrase).into_iter().map(|t| t.key).collect();
    if wanted.is_empty() || wanted.len() > text_tokens.len() {
        return None;
    }
    text_tokens.windows(wanted.len()).find_map(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|(t, w)| &t.key == w)
            .then(|| Span {
                start: window[0].start,
                end: window[window.len() - 1].end,
            })
    })
}

/// Every place `phrase` occurs in `text_tokens`, in order. A learner may
/// deny a fact in one sentence and state it in another, so callers that
/// judge each occurrence need them all, not just the first.
pub fn find_all(text_tokens: &[Token], phrase: &str) -> Vec<Span> {
    let wanted: Vec<String> = tokens(phrase).into_iter().map(|t| t.key).collect();
    if wanted.is_empty() || wanted.len() > text_tokens.len() {
        return Vec::new();
    }
    text_tokens
        .windows(wanted.len())
        .filter(|window| window.iter().zip(&wanted).all(|(t, w)| &t.key == w))
        .map(|window| Span {
            start: window[0].start,
            end: window[window.len() - 1].end,
        })
        .collect()
}

/// The first of `phrases` found in the text, with its span.
pub fn find_any(text_tokens: &[Token], phrases: &[String]) -> Option<(usize, Span)> {
    phrases
        .iter()
        .enumerate()
        .find_map(|(i, p)| find_phrase(text_tokens, p).map(|span| (i, span)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_keeps_offsets() {
        let text = "User's VPN (error 809) dropped.";
        let t = tokens(text);
        let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, vec!["user's", "vpn", "error", "809", "dropped"]);
        assert_eq!(&text[t[3].start..t[3].end], "809");
    }

    #[test]
    fn matches_by_stem() {
        let t = tokens("I verified the caller and unlocked the account");
        assert!(find_phrase(&t, "verify").is_some());
        assert!(
            find_phrase(&t, "unlock account").is_none(),
            "words must be adjacent"
        );
        assert!(find_phrase(&t, "unlocked the account").is_some());
    }

    #[test]
    fn matches_synonyms() {
        let t = tokens("Asked her to restart the laptop");
        let span = find_phrase(&t, "reboot computer");
        assert!(span.is_none(), "not adjacent: 'the' sits between");
        let span = find_phrase(&t, "reboot").unwrap();
        assert_eq!(
            &"Asked her to restart the laptop"[span.start..span.end],
            "restart"
        );
        assert!(find_phrase(&t, "pc").is_some());
    }

    #[test]
    fn reports_which_phrase_matched() {
        let t = tokens("Phone was still using the old password.");
        let phrases = vec!["mailbox".to_string(), "old password".to_string()];
        let (i, span) = find_any(&t, &phrases).unwrap();
        assert_eq!(i, 1);
        assert_eq!(span.end - span.start, "old password".len());
    }

    #[test]
    fn finds_every_occurrence() {
        let text = "Not DNS. Then DNS again, and dns.";
        let found = find_all(&tokens(text), "dns");
        assert_eq!(found.len(), 3);
        assert_eq!(&text[found[2].start..found[2].end], "dns");
        assert!(find_all(&tokens(text), "").is_empty());
    }

    #[test]
    fn empty_and_odd_text_is_safe() {
        assert!(tokens("").is_empty());
        assert!(tokens("  --  ").is_empty());
        assert!(find_phrase(&tokens("abc"), "").is_none());
        assert_eq!(tokens("é’ß'").len(), 1);
    }
}
