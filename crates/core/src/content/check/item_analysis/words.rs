//! The words item analysis compares: content words (lower-case runs of
//! ASCII letters and digits, four or more long, not on the stop list)
//! reduced to their Snowball English stems, and option lengths, as
//! `docs/content-format.md#item-writing` defines them.

use std::collections::{BTreeMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

/// Words too common to be a cue, copied from the reference lint. Words
/// shorter than four letters never count anyway; they stay listed so the
/// two lists can be compared line by line.
const STOP: &str = "\
a an the and or but if then than that this these those of to in on at by for with from as is are was were be been being it its
into out over under about after before which what who whom whose when where why how most best first next should would could can will may
might must do does did not no yes you your their there they them he she his her we our i me my one two three any all each every some such
other another more less only also just so very user users technician technicians following question asks asked";

/// The shortest word that counts as a content word.
const MIN_WORD: usize = 4;

/// Stems text into content-word stems; one stemmer serves many texts.
pub struct Words {
    stemmer: Stemmer,
    stop: HashSet<&'static str>,
}

impl Default for Words {
    fn default() -> Self {
        Words {
            stemmer: Stemmer::create(Algorithm::English),
            stop: STOP.split_whitespace().collect(),
        }
    }
}

impl Words {
    /// Each content stem of `text`, with the first word (lower-cased, as
    /// written) that produced it, so messages can quote the writer's word.
    pub fn stems(&self, text: &str) -> BTreeMap<String, String> {
        let lower = text.to_lowercase();
        let mut out = BTreeMap::new();
        // Only ASCII letters and digits make words, as in the reference
        // lint; anything else (accents included) separates them.
        for word in lower.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit())) {
            if word.len() < MIN_WORD || self.stop.contains(word) {
                continue;
            }
            let stem = self.stemmer.stem(word).into_owned();
            out.entry(stem).or_insert_with(|| word.to_owned());
        }
        out
    }
}

/// An option's length as the learner sees it: characters, not bytes, of
/// the trimmed text.
pub fn length(text: &str) -> usize {
    text.trim().chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_are_long_ascii_runs_off_the_stop_list() {
        let stems = Words::default().stems("Which USER reports the printers' jams, on 802.11ax?");
        let keys: Vec<&str> = stems.keys().map(String::as_str).collect();
        // "802" is too short; "11ax" is long enough.
        assert_eq!(keys, vec!["11ax", "jam", "printer", "report"]);
        assert_eq!(stems["printer"], "printers");
    }

    #[test]
    fn stems_join_word_forms() {
        let words = Words::default();
        assert_eq!(
            words.stems("encrypting").keys().collect::<Vec<_>>(),
            words.stems("encrypted").keys().collect::<Vec<_>>()
        );
    }

    #[test]
    fn length_counts_characters_of_the_trimmed_text() {
        assert_eq!(length("  café \n"), 4);
    }
}
