//! Rule 3, word echo ("clang"): the key repeats a distinctive word of the
//! prompt that no distractor repeats, so matching words finds the answer.

use super::single::SingleItem;
use super::words::Words;

/// The key's words (as written, ordered by stem) whose stems appear in the
/// prompt and in no distractor; None when there are none.
pub fn echoed_words(item: &SingleItem, words: &Words) -> Option<Vec<String>> {
    let key = words.stems(&item.key()?.text);
    let prompt = words.stems(&item.prompt);
    let mut echoed: Vec<(&String, &String)> = key
        .iter()
        .filter(|(stem, _)| prompt.contains_key(*stem))
        .collect();
    for distractor in item.distractors() {
        if echoed.is_empty() {
            break;
        }
        let shared = words.stems(&distractor.text);
        echoed.retain(|(stem, _)| !shared.contains_key(*stem));
    }
    (!echoed.is_empty()).then(|| echoed.into_iter().map(|(_, w)| w.clone()).collect())
}
