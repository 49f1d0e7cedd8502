//! Anki notes exported as text, in: `front<TAB>back[<TAB>tags]`, with
//! header lines such as `#separator:tab` and `#html:true`. A flashcard has
//! no distractors, so a card becomes a fill question (the back is the
//! accepted answer) only when its back is short plain text; any other card
//! is one finding, and no distractors are invented.

use crate::content::question::{QuestionType, RawQuestion};

use super::{
    missing_texts, numbered_lines, too_many, ImportSettings, Imported, Level, Note, MAX_ITEMS,
};

/// The longest back taken as a typed answer, in characters and words.
const MAX_ANSWER_CHARS: usize = 60;
const MAX_ANSWER_WORDS: usize = 6;

pub(super) fn import(text: &str, settings: &ImportSettings) -> (Vec<Imported>, Vec<Note>) {
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut separator = '\t';
    let mut html = true;
    let mut tags_column: Option<usize> = None;
    let mut tagged = 0usize;
    let mut first_tagged = 0usize;
    // Header lines come before the first card.
    let mut cards_seen = false;
    let lines: Vec<(usize, &str)> = numbered_lines(text).collect();
    let mut at = 0;
    while at < lines.len() {
        let (number, line) = lines[at];
        at += 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('#').filter(|_| !cards_seen) {
            if let Some((key, value)) = header.split_once(':') {
                let value = value.trim();
                match key.trim() {
                    "separator" => match separator_named(value) {
                        Some(c) => separator = c,
                        None => {
                            notes.push(Note::at(number, Level::Skipped, format!("the separator \"{value}\" is not one this import reads (tab, comma, semicolon, pipe, space); export the notes as tab-separated text")));
                            return (items, notes);
                        }
                    },
                    "html" => html = value.eq_ignore_ascii_case("true"),
                    "tags column" => tags_column = value.parse().ok(),
                    _ => notes.push(Note::at(
                        number,
                        Level::Note,
                        format!("the header \"#{}\" was not used", header.trim()),
                    )),
                }
                continue;
            }
        }
        cards_seen = true;
        if items.len() >= MAX_ITEMS {
            notes.push(too_many(number));
            return (items, notes);
        }
        // A quoted field may run over several lines.
        let mut record = line.to_owned();
        while quotes_open(&record, separator) && at < lines.len() {
            record.push('\n');
            record.push_str(lines[at].1);
            at += 1;
        }
        let fields = split_record(&record, separator);
        let tag_field = tags_column
            .and_then(|c| c.checked_sub(1))
            .or((fields.len() > 2).then_some(2));
        if tag_field.is_some_and(|c| fields.get(c).is_some_and(|t| !t.trim().is_empty())) {
            tagged += 1;
            if first_tagged == 0 {
                first_tagged = number;
            }
        }
        let content: Vec<&String> = fields
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != tag_field)
            .map(|(_, f)| f)
            .collect();
        match card(&content, html, settings) {
            Ok(question) => {
                notes.extend(missing_texts(&question, number, "a flashcard has none"));
                items.push(Imported {
                    question,
                    name: None,
                    line: number,
                });
            }
            Err(message) => notes.push(Note::at(number, Level::Skipped, message)),
        }
    }
    if tagged > 0 {
        notes.push(Note::at(first_tagged, Level::Note, format!("the tags of {tagged} card(s) were not kept: FirstLine files questions by exam and objective")));
    }
    (items, notes)
}

fn separator_named(name: &str) -> Option<char> {
    match name.to_ascii_lowercase().as_str() {
        "tab" | "\t" => Some('\t'),
        "comma" | "," => Some(','),
        "semicolon" | ";" => Some(';'),
        "pipe" | "|" => Some('|'),
        "space" | " " => Some(' '),
        _ => None,
    }
}

/// Whether a record ends inside a quoted field.
fn quotes_open(record: &str, separator: char) -> bool {
    let mut open = false;
    let mut at_start = true;
    for c in record.chars() {
        if open {
            if c == '"' {
                open = false;
            }
        } else if c == '"' && at_start {
            open = true;
        }
        at_start = c == separator;
    }
    open
}

/// Splits a record into fields; a field starting with `"` runs to its
/// closing quote, with `""` standing for one quote.
fn split_record(record: &str, separator: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = record.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        if c == '"' && at_start {
            quoted = true;
            at_start = false;
            continue;
        }
        if c == separator {
            fields.push(std::mem::take(&mut field));
            at_start = true;
            continue;
        }
        at_start = false;
        field.push(c);
    }
    fields.push(field);
    fields
}

fn card(fields: &[&String], html: bool, settings: &ImportSettings) -> Result<RawQuestion, String> {
    let (Some(front), Some(back)) = (fields.first(), fields.get(1)) else {
        return Err(
            "the card has no back (no separator on the line); write it as front and back".into(),
        );
    };
    if fields.len() > 2 {
        return Err(format!("the card has {} fields, more than front, back and tags; FirstLine reads front and back only: export the note type Basic", fields.len()));
    }
    let front = plain(front, html).ok_or("the front holds HTML markup beyond line breaks (such as images or formatting); write it as plain text")?;
    let back = plain(back, html).ok_or("the back holds HTML markup (such as images, lists or formatting), which cannot be a typed answer; a flashcard has no distractors, so write this as a single-answer question by hand")?;
    if front.trim().is_empty() || back.trim().is_empty() {
        return Err("the card's front or back is empty".into());
    }
    let back = back.trim();
    if back.contains('\n')
        || back.chars().count() > MAX_ANSWER_CHARS
        || back.split_whitespace().count() > MAX_ANSWER_WORDS
    {
        return Err(format!("the back is not a short answer to type (more than {MAX_ANSWER_WORDS} words, {MAX_ANSWER_CHARS} characters or one line); a flashcard has no distractors, so write this as a single-answer question by hand"));
    }
    Ok(RawQuestion {
        id: String::new(),
        objective: settings.objective.clone(),
        difficulty: settings.difficulty,
        kind: QuestionType::Fill,
        prompt: front.trim().to_owned(),
        exhibit: None,
        explanation: String::new(),
        shuffle: true,
        options: Vec::new(),
        answer: None,
        pairs: Vec::new(),
        distractors: Vec::new(),
        steps: Vec::new(),
        accept: vec![back.to_owned()],
        items: Vec::new(),
        sim: None,
    })
}

/// The text of a field: with `#html:true`, line breaks and the common
/// entities are resolved; any other markup gives `None`.
fn plain(field: &str, html: bool) -> Option<String> {
    if !html {
        return Some(field.to_owned());
    }
    let mut text = field.to_owned();
    for (tag, with) in [
        ("<br>", "\n"),
        ("<br/>", "\n"),
        ("<br />", "\n"),
        ("<div>", "\n"),
        ("</div>", ""),
    ] {
        text = text.replace(tag, with).replace(&tag.to_uppercase(), with);
    }
    if text.contains('<') {
        return None;
    }
    for (entity, with) in [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ] {
        text = text.replace(entity, with);
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_separators_and_quotes() {
        let fields = split_record("\"a\tb \"\"c\"\"\"\tback", '\t');
        assert_eq!(fields, vec!["a\tb \"c\"".to_owned(), "back".to_owned()]);
        assert!(quotes_open("\"open\nfield", '\t'));
        assert!(!quotes_open("plain\tback", '\t'));
    }

    #[test]
    fn html_is_plain_only_for_breaks_and_entities() {
        assert_eq!(plain("a<br>b &amp; c", true).as_deref(), Some("a\nb & c"));
        assert_eq!(plain("<b>bold</b>", true), None);
        assert_eq!(plain("<b>bold</b>", false).as_deref(), Some("<b>bold</b>"));
    }
}
