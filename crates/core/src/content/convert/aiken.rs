//! Aiken, in: a question line (or several), options `A. text` or
//! `A) text`, then `ANSWER: B`. Every Aiken question has one right answer
//! and no feedback, so each becomes a single question whose explanation
//! and "why" texts the author still writes (one to-do finding each).

use crate::content::question::{AnswerKey, QuestionType, RawOption, RawQuestion};

use super::{
    missing_texts, numbered_lines, too_many, ImportSettings, Imported, Level, Note, MAX_ITEMS,
};

/// A question being read.
struct Draft {
    line: usize,
    stem: Vec<String>,
    /// Each option's letter and text.
    options: Vec<(char, String)>,
}

pub(super) fn import(text: &str, settings: &ImportSettings) -> (Vec<Imported>, Vec<Note>) {
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut draft: Option<Draft> = None;
    for (number, line) in numbered_lines(text) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if items.len() >= MAX_ITEMS {
            notes.push(too_many(number));
            return (items, notes);
        }
        if let Some(letter) = answer_line(trimmed) {
            match draft.take() {
                Some(d) if !d.options.is_empty() => {
                    match finish(d, letter, settings) {
                        Ok(item) => {
                            notes.extend(missing_texts(
                                &item.question,
                                item.line,
                                "Aiken has no feedback",
                            ));
                            items.push(item);
                        }
                        Err((line, message)) => notes.push(Note::at(line, Level::Skipped, message)),
                    }
                }
                Some(d) => notes.push(Note::at(d.line, Level::Skipped, format!("the question has no options \"A.\", \"B.\" before its ANSWER line (line {number}); add them"))),
                None => notes.push(Note::at(number, Level::Skipped, "an ANSWER line with no question before it; remove it or write the question")),
            }
            continue;
        }
        if let Some((letter, option)) = option_line(trimmed) {
            if let Some(d) = &mut draft {
                if !d.stem.is_empty() {
                    d.options.push((letter, option.to_owned()));
                    continue;
                }
            }
        }
        match &mut draft {
            Some(d) if d.options.is_empty() => d.stem.push(trimmed.to_owned()),
            Some(d) => {
                notes.push(Note::at(d.line, Level::Skipped, format!("the question has no \"ANSWER: X\" line after its options (line {number} starts something else); add the answer line")));
                draft = Some(Draft {
                    line: number,
                    stem: vec![trimmed.to_owned()],
                    options: Vec::new(),
                });
            }
            None => {
                draft = Some(Draft {
                    line: number,
                    stem: vec![trimmed.to_owned()],
                    options: Vec::new(),
                })
            }
        }
    }
    if let Some(d) = draft {
        notes.push(Note::at(
            d.line,
            Level::Skipped,
            "the question has no \"ANSWER: X\" line before the end of the file; add it",
        ));
    }
    (items, notes)
}

/// `ANSWER: B` gives `B`.
fn answer_line(line: &str) -> Option<char> {
    let rest = line.strip_prefix("ANSWER:")?.trim();
    let mut chars = rest.chars();
    let letter = chars.next()?;
    (chars.next().is_none() && letter.is_ascii_alphabetic()).then_some(letter.to_ascii_uppercase())
}

/// `A. text` or `A) text` gives `('A', "text")`.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    let mark = chars.next()?;
    if !letter.is_ascii_uppercase() || !matches!(mark, '.' | ')') {
        return None;
    }
    let rest = &line[2..];
    (rest.starts_with(' ') || rest.starts_with('\t')).then(|| (letter, rest.trim()))
}

fn finish(
    draft: Draft,
    letter: char,
    settings: &ImportSettings,
) -> Result<Imported, (usize, String)> {
    let Some(index) = draft.options.iter().position(|(l, _)| *l == letter) else {
        let letters: Vec<String> = draft.options.iter().map(|(l, _)| l.to_string()).collect();
        return Err((
            draft.line,
            format!(
                "the answer {letter} is not one of the options ({}); correct the ANSWER line",
                letters.join(", ")
            ),
        ));
    };
    let question = RawQuestion {
        id: String::new(),
        objective: settings.objective.clone(),
        difficulty: settings.difficulty,
        kind: QuestionType::Single,
        prompt: draft.stem.join("\n"),
        exhibit: None,
        explanation: String::new(),
        shuffle: true,
        options: draft
            .options
            .into_iter()
            .map(|(_, text)| RawOption {
                text,
                why: String::new(),
                pinned: false,
            })
            .collect(),
        answer: Some(AnswerKey(vec![index])),
        pairs: Vec::new(),
        distractors: Vec::new(),
        steps: Vec::new(),
        accept: Vec::new(),
        items: Vec::new(),
        sim: None,
    };
    Ok(Imported {
        question,
        name: None,
        line: draft.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_option_and_answer_lines() {
        assert_eq!(option_line("A. DNS"), Some(('A', "DNS")));
        assert_eq!(option_line("B) DHCP"), Some(('B', "DHCP")));
        assert_eq!(option_line("A.B. testing"), None);
        assert_eq!(answer_line("ANSWER: c"), Some('C'));
        assert_eq!(answer_line("ANSWER: CD"), None);
    }
}
