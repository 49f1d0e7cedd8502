//! Word-level features of an answer: counts, numbers, pronouns, fillers and
//! specific details, each with where it is in the text.

use crate::text::{tokens, Span, Token};

/// Words that weaken an answer: fillers and hedges. Multi-word ones are
/// matched as runs.
pub const FILLERS: &[&str] = &[
    "um",
    "uh",
    "er",
    "erm",
    "hmm",
    "kind of",
    "sort of",
    "basically",
    "actually",
    "literally",
    "i guess",
    "i suppose",
    "maybe",
    "probably",
    "stuff",
    "and so on",
    "or something",
];

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "half",
    "twice",
    "double",
    "doubled",
    "halved",
    "triple",
    "tripled",
    "percent",
    "per cent",
];

const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "morning",
    "afternoon",
    "evening",
    "overnight",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
];

pub fn word_count(text: &str) -> usize {
    tokens(text).len()
}

/// Numbers and number words (the signs of a quantified result).
pub fn numbers(text: &str) -> Vec<Span> {
    tokens(text)
        .iter()
        .filter(|t| {
            t.word.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&t.word.as_str())
        })
        .map(span)
        .collect()
}

/// First-person singular and plural pronouns.
pub fn pronouns(text: &str) -> (Vec<Span>, Vec<Span>) {
    let mut mine = Vec::new();
    let mut ours = Vec::new();
    for t in tokens(text) {
        match t.word.as_str() {
            "i" | "me" | "my" | "myself" | "i'm" | "i'd" | "i've" | "i'll" | "mine" => {
                mine.push(span(&t))
            }
            "we" | "us" | "our" | "ourselves" | "we're" | "we'd" | "we've" | "we'll" | "ours" => {
                ours.push(span(&t))
            }
            _ => {}
        }
    }
    (mine, ours)
}

/// Fillers and hedges, with their spans. "like" and "you know" count only
/// where set off by a comma ("it was, like, slow"; "fine, you know"), which
/// is filler use, not "I like Linux" or "something you know".
pub fn fillers(text: &str) -> Vec<Span> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut matched = 0;
        for filler in FILLERS {
            let parts: Vec<&str> = filler.split(' ').collect();
            if toks.len() - i >= parts.len()
                && parts.iter().zip(&toks[i..]).all(|(p, t)| t.word == *p)
            {
                matched = parts.len();
                break;
            }
        }
        if matched == 0 && toks[i].word == "like" && comma_around(text, &toks[i], &toks[i]) {
            matched = 1;
        }
        if matched == 0
            && toks[i].word == "you"
            && toks.get(i + 1).is_some_and(|t| t.word == "know")
            && comma_around(text, &toks[i], &toks[i + 1])
        {
            matched = 2;
        }
        if matched > 0 {
            out.push(Span {
                start: toks[i].start,
                end: toks[i + matched - 1].end,
            });
            i += matched;
        } else {
            i += 1;
        }
    }
    out
}

fn comma_around(text: &str, first: &Token, last: &Token) -> bool {
    let before = text[..first.start].trim_end().ends_with(',');
    let after = text[last.end..].trim_start().starts_with(',');
    before || after
}

/// Specific details: numbers, names of systems or tools (capitalised words
/// that do not start a sentence, or words with capitals or digits inside,
/// like "ServiceNow", "VPN", "Windows 11"), and times.
pub fn specifics(text: &str) -> Vec<Span> {
    let toks = tokens(text);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let original = &text[t.start..t.end];
        let sentence_start = i == 0
            || text[..t.start]
                .trim_end()
                .ends_with(['.', '!', '?', ':', '\n']);
        let has_digit = original.chars().any(|c| c.is_ascii_digit());
        let inner_caps = original.chars().skip(1).any(char::is_uppercase);
        let capitalised = original.chars().next().is_some_and(char::is_uppercase)
            && !sentence_start
            && original != "I"
            && !original.starts_with("I'");
        let time = TIME_WORDS.contains(&t.word.as_str()) && t.word != "may";
        if has_digit || inner_caps || capitalised || time {
            out.push(span(t));
        }
    }
    out
}

fn span(t: &Token) -> Span {
    Span {
        start: t.start,
        end: t.end,
    }
}
