//! Moodle GIFT, in and out.
//!
//! Read: multiple choice `{=right ~wrong}` (single), weighted answers
//! `{~%50%a ~%50%b ~%-100%c}` (multiple), true/false `{T}` (single with the
//! options True and False), short answer `{=a =b}` (fill), matching
//! `{=a -> 1 =b -> 2}`, titles `::title::` (the id), `//` comments,
//! escapes `\~ \= \# \{ \} \: \\ \n`, feedback `#...` (the option's "why")
//! and general feedback `####...` (the explanation). Numeric `{#...}`,
//! essay `{}`, missing-word questions (text after the answers), and
//! descriptions (no answers) have no FirstLine type: each is one finding.
//!
//! Written: single, multiple, matching and fill; ordering and pbq
//! questions are skipped with a finding each.

use crate::content::question::{
    AnswerKey, QuestionSet, QuestionType, RawOption, RawPair, RawQuestion,
};

use super::{
    missing_texts, numbered_lines, too_many, ImportSettings, Imported, Level, Note, MAX_ITEMS,
};

const ESCAPED: &[char] = &['~', '=', '#', '{', '}', ':', '\\'];

// ---------------------------------------------------------------- reading

/// One question's text: its lines joined, and the line it starts on.
struct Chunk {
    line: usize,
    text: String,
}

pub(super) fn import(text: &str, settings: &ImportSettings) -> (Vec<Imported>, Vec<Note>) {
    let mut notes = Vec::new();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut current: Option<Chunk> = None;
    for (number, line) in numbered_lines(text) {
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.is_empty() {
            chunks.extend(current.take());
            continue;
        }
        if let Some(category) = trimmed.strip_prefix("$CATEGORY:") {
            chunks.extend(current.take());
            notes.push(Note::at(
                number,
                Level::Note,
                format!(
                    "the category \"{}\" was not kept: FirstLine files questions by exam and objective (--exam, --objective)",
                    category.trim()
                ),
            ));
            continue;
        }
        match &mut current {
            Some(chunk) => {
                chunk.text.push('\n');
                chunk.text.push_str(line);
            }
            None => {
                current = Some(Chunk {
                    line: number,
                    text: line.to_owned(),
                })
            }
        }
    }
    chunks.extend(current);
    let mut items = Vec::new();
    for chunk in chunks {
        if items.len() >= MAX_ITEMS {
            notes.push(too_many(chunk.line));
            break;
        }
        match question(&chunk, settings, &mut notes) {
            Ok(item) => {
                notes.extend(missing_texts(
                    &item.question,
                    chunk.line,
                    "GIFT general feedback \"####\" was absent",
                ));
                items.push(item);
            }
            Err(message) => notes.push(Note::at(chunk.line, Level::Skipped, message)),
        }
    }
    (items, notes)
}

/// Reads one question, or says why it cannot be converted.
fn question(
    chunk: &Chunk,
    settings: &ImportSettings,
    notes: &mut Vec<Note>,
) -> Result<Imported, String> {
    let mut text = chunk.text.trim();
    let mut name = None;
    if let Some(rest) = text.strip_prefix("::") {
        let Some(end) = find_unescaped(rest, "::") else {
            return Err("the title \"::\" is not closed with \"::\"; close it or remove it".into());
        };
        name = Some(unescape(&rest[..end]).trim().to_owned());
        text = rest[end + 2..].trim_start();
    }
    if text.starts_with("[html]") {
        notes.push(Note::at(chunk.line, Level::Note, "the text is marked [html]; it was kept as written, and FirstLine shows it as plain text: remove any tags such as <p>"));
    }
    let text = strip_format(text);
    let Some(open) = find_unescaped(text, "{") else {
        return Err(
            "a description (no answers in braces) is not a question; FirstLine has no place for it"
                .into(),
        );
    };
    let Some(close_rel) = find_unescaped(&text[open + 1..], "}") else {
        return Err("the answers' \"{\" is never closed with \"}\"; close it".into());
    };
    let close = open + 1 + close_rel;
    let stem = unescape(strip_format(text[..open].trim()));
    let after = text[close + 1..].trim();
    let inner = &text[open + 1..close];
    let title = name.clone().unwrap_or_default();
    let label = if title.is_empty() {
        String::new()
    } else {
        format!("\"{title}\" ")
    };
    if !after.is_empty() {
        return Err(format!("question {label}is a missing-word question (text follows the answers), which FirstLine cannot show: write the sentence as the prompt with the gap shown as \"____\" and answers after it"));
    }
    if stem.trim().is_empty() {
        return Err(format!(
            "question {label}has no text before its answers; write the question"
        ));
    }
    let (inner, general) = match find_unescaped(inner, "####") {
        Some(at) => (
            &inner[..at],
            Some(unescape(&inner[at + 4..]).trim().to_owned()),
        ),
        None => (inner, None),
    };
    let body = inner.trim();
    if body.is_empty() {
        return Err(format!("question {label}is an essay question (empty braces \"{{}}\"); FirstLine has no free-text question type"));
    }
    if body.starts_with('#') {
        return Err(format!("question {label}is a numeric question (\"{{#...}}\", with a tolerance or range), which FirstLine cannot express; rewrite it as a fill question listing the accepted values"));
    }
    let mut q = RawQuestion {
        id: String::new(),
        objective: settings.objective.clone(),
        difficulty: settings.difficulty,
        kind: QuestionType::Single,
        prompt: stem.trim().to_owned(),
        exhibit: None,
        explanation: general.unwrap_or_default(),
        shuffle: true,
        options: Vec::new(),
        answer: None,
        pairs: Vec::new(),
        distractors: Vec::new(),
        steps: Vec::new(),
        accept: Vec::new(),
        items: Vec::new(),
        sim: None,
    };
    if let Some(tf) = true_false(body) {
        let (truth, wrong_feedback, right_feedback) = tf;
        let (true_why, false_why) = if truth {
            (right_feedback, wrong_feedback)
        } else {
            (wrong_feedback, right_feedback)
        };
        q.options = vec![option("True", true_why), option("False", false_why)];
        q.answer = Some(AnswerKey(vec![usize::from(!truth)]));
        return Ok(Imported {
            question: q,
            name,
            line: chunk.line,
        });
    }
    let answers = answers(body).map_err(|e| format!("question {label}{e}"))?;
    let line = chunk.line;
    // Matching when every answer is a pair; an arrow inside a choice or an
    // accepted answer is just text.
    let pairs = answers.iter().filter(|a| a.text.contains("->")).count();
    if pairs > 0 && answers.iter().all(|a| a.marker == '=') && pairs == answers.len() {
        matching(&mut q, &answers).map_err(|e| format!("question {label}{e}"))?;
    } else if answers.iter().any(|a| a.marker == '~') {
        choice(&mut q, &answers, line, notes).map_err(|e| format!("question {label}{e}"))?;
    } else {
        short_answer(&mut q, &answers, line, notes);
        if q.accept.is_empty() {
            return Err(format!(
                "question {label}has no answer worth full marks, so nothing can be accepted"
            ));
        }
    }
    Ok(Imported {
        question: q,
        name,
        line,
    })
}

fn option(text: &str, why: String) -> RawOption {
    RawOption {
        text: text.to_owned(),
        why,
        pinned: false,
    }
}

/// `T`, `TRUE`, `F` or `FALSE`, with the feedback for a wrong and then a
/// right answer.
fn true_false(body: &str) -> Option<(bool, String, String)> {
    let parts = split_unescaped(body, &['#']);
    let first = parts.first()?.1.trim().to_ascii_uppercase();
    let truth = match first.as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    let feedback = |i: usize| {
        parts
            .get(i)
            .map(|(_, t)| unescape(t).trim().to_owned())
            .unwrap_or_default()
    };
    Some((truth, feedback(1), feedback(2)))
}

/// One answer of a block: its marker (`=` or `~`), weight, text and feedback.
struct Answer {
    marker: char,
    weight: Option<f64>,
    text: String,
    feedback: String,
}

fn answers(body: &str) -> Result<Vec<Answer>, String> {
    let parts = split_unescaped(body, &['=', '~']);
    let mut out = Vec::new();
    for (marker, part) in parts {
        let Some(marker) = marker else {
            if part.trim().is_empty() {
                continue;
            }
            return Err(format!(
                "has text \"{}\" before its first answer (answers start with \"=\" or \"~\")",
                part.trim()
            ));
        };
        let mut rest = part;
        let mut weight = None;
        if let Some(after) = rest.trim_start().strip_prefix('%') {
            let Some(end) = after.find('%') else {
                return Err("has a weight \"%...\" without its closing \"%\"".into());
            };
            let value: f64 = after[..end].trim().parse().map_err(|_| {
                format!("has a weight \"%{}%\" that is not a number", &after[..end])
            })?;
            weight = Some(value);
            rest = &after[end + 1..];
        }
        let (text, feedback) = match find_unescaped(rest, "#") {
            Some(at) => (&rest[..at], unescape(&rest[at + 1..]).trim().to_owned()),
            None => (rest, String::new()),
        };
        out.push(Answer {
            marker,
            weight,
            text: text.to_owned(),
            feedback,
        });
    }
    Ok(out)
}

fn choice(
    q: &mut RawQuestion,
    answers: &[Answer],
    line: usize,
    notes: &mut Vec<Note>,
) -> Result<(), String> {
    let equals = answers.iter().filter(|a| a.marker == '=').count();
    if equals > 1 {
        return Err("marks several answers right with \"=\", each worth full marks on its own, which a single-answer question cannot hold: keep one \"=\", or give the answers that must all be picked weights such as \"~%50%\"".into());
    }
    let mut key = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        let text = unescape(&a.text).trim().to_owned();
        let right = match (a.marker, a.weight) {
            ('=', w) => w.is_none_or(|w| w > 0.0),
            (_, Some(w)) if equals == 0 => w > 0.0,
            (_, Some(w)) if w > 0.0 => {
                notes.push(Note::at(line, Level::Note, format!("option \"{text}\" gives partial credit ({w}%), which FirstLine has no equivalent for; it was imported as a wrong option")));
                false
            }
            _ => false,
        };
        if right {
            key.push(i);
        }
        q.options.push(option(&text, a.feedback.clone()));
    }
    match key.len() {
        0 => return Err("has no right answer (no \"=\" and no positive weight)".into()),
        1 => q.kind = QuestionType::Single,
        n => {
            q.kind = QuestionType::Multiple;
            let weights: Vec<f64> = key.iter().filter_map(|&i| answers[i].weight).collect();
            if weights.iter().any(|w| (w - weights[0]).abs() > 0.01) {
                notes.push(Note::at(line, Level::Note, "the right options had different weights; in FirstLine each right option picked earns an equal share"));
            }
            let word = number_word(n);
            let lower = q.prompt.to_lowercase();
            if !lower.contains(&format!("choose {word}"))
                && !lower.contains(&format!("select {word}"))
                && !lower.contains(&format!("choose {n}"))
                && !lower.contains(&format!("select {n}"))
            {
                q.prompt = format!("{} (Choose {word}.)", q.prompt);
                notes.push(Note::at(line, Level::Note, format!("added \"(Choose {word}.)\" to the prompt: a FirstLine multiple question says how many to pick")));
            }
        }
    }
    q.answer = Some(AnswerKey(key));
    Ok(())
}

fn short_answer(q: &mut RawQuestion, answers: &[Answer], line: usize, notes: &mut Vec<Note>) {
    q.kind = QuestionType::Fill;
    let mut feedback = false;
    for a in answers {
        let text = unescape(&a.text).trim().to_owned();
        feedback |= !a.feedback.is_empty();
        match a.weight {
            Some(w) if w < 100.0 => notes.push(Note::at(line, Level::Note, format!("the answer \"{text}\" gives partial credit ({w}%), which FirstLine has no equivalent for; it was not accepted"))),
            _ => q.accept.push(text),
        }
    }
    if feedback {
        notes.push(Note::at(
            line,
            Level::Note,
            "the feedback on accepted answers was not kept: a fill question has one explanation",
        ));
    }
}

fn matching(q: &mut RawQuestion, answers: &[Answer]) -> Result<(), String> {
    q.kind = QuestionType::Matching;
    for a in answers {
        if a.marker != '=' {
            return Err(
                "mixes \"~\" answers into a matching question; every pair starts with \"=\"".into(),
            );
        }
        let Some(at) = a.text.find("->") else {
            return Err(format!(
                "has the answer \"{}\" without \"->\" in a matching question",
                unescape(&a.text).trim()
            ));
        };
        let left = unescape(&a.text[..at]).trim().to_owned();
        let right = unescape(&a.text[at + 2..]).trim().to_owned();
        if left.is_empty() {
            q.distractors.push(right);
        } else {
            q.pairs.push(RawPair {
                left,
                right,
                why: a.feedback.clone(),
            });
        }
    }
    Ok(())
}

fn number_word(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// Drops a leading text-format marker (`[plain]`, `[html]`, ...).
fn strip_format(text: &str) -> &str {
    for marker in ["[plain]", "[moodle]", "[markdown]", "[html]"] {
        if let Some(rest) = text.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    text
}

/// The byte offset of the first `pattern` not preceded by a backslash
/// escape.
fn find_unescaped(text: &str, pattern: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
            continue;
        }
        if text[i..].starts_with(pattern) {
            return Some(i);
        }
    }
    None
}

/// Splits at unescaped separators; each part comes with the separator
/// that starts it (none for the first).
fn split_unescaped<'a>(text: &'a str, separators: &[char]) -> Vec<(Option<char>, &'a str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut marker = None;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
            continue;
        }
        if separators.contains(&c) {
            parts.push((marker, &text[start..i]));
            marker = Some(c);
            start = i + c.len_utf8();
        }
    }
    parts.push((marker, &text[start..]));
    parts
}

/// Resolves GIFT escapes: `\n` is a new line, `\~` and the like the
/// character itself; any other backslash stays.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n') => {
                chars.next();
                out.push('\n');
            }
            Some(next) if ESCAPED.contains(&next) => {
                chars.next();
                out.push(next);
            }
            _ => out.push('\\'),
        }
    }
    out
}

// ---------------------------------------------------------------- writing

/// Escapes GIFT's special characters and writes line breaks as `\n`
/// (a blank line would end the question).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if ESCAPED.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A weight for one of `n` right answers, as Moodle writes it (`50`,
/// `33.33333`).
pub fn share(n: usize) -> String {
    let value = 100.0 / n.max(1) as f64;
    let text = format!("{value:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

pub(super) fn export(set: &QuestionSet) -> super::Conversion<String> {
    let mut out = String::new();
    let mut notes = Vec::new();
    out.push_str(&format!(
        "// FirstLine question set for exam {}\n\n",
        set.exam.replace('\n', " ")
    ));
    for (index, q) in set.questions.iter().enumerate() {
        if index >= MAX_ITEMS {
            notes.push(Note::on_question(index, Level::Skipped, format!("stopped after {MAX_ITEMS} questions; this and every later question were not written: split the set")));
            break;
        }
        // What a question loses is reported only when it is written: a
        // skipped question gets one finding, that it was skipped.
        let mut losses = Vec::new();
        match write_question(q, index, &mut losses) {
            Ok(text) => {
                out.push_str(&text);
                out.push_str("\n\n");
                notes.extend(losses);
            }
            Err(message) => notes.push(Note::on_question(
                index,
                Level::Skipped,
                format!("question \"{}\" {message}", q.id),
            )),
        }
    }
    super::Conversion { output: out, notes }
}

/// Notes shared by both exporters: what the target format cannot keep.
pub(super) fn losses(q: &RawQuestion, index: usize, format: &str, notes: &mut Vec<Note>) {
    if !q.shuffle || q.options.iter().any(|o| o.pinned) {
        notes.push(Note::on_question(index, Level::Note, format!("question \"{}\": {format} has no pinned options or fixed order; Moodle shuffles as the quiz's settings say", q.id)));
    }
}

fn write_question(q: &RawQuestion, index: usize, notes: &mut Vec<Note>) -> Result<String, String> {
    let mut prompt = q.prompt.clone();
    if let Some(exhibit) = q.exhibit.as_deref().filter(|e| !e.trim().is_empty()) {
        prompt = format!("{prompt}\n\n{exhibit}");
        notes.push(Note::on_question(index, Level::Note, format!("question \"{}\": GIFT has no exhibit panel, so the exhibit was written after the prompt", q.id)));
    }
    let mut out = format!("::{}::{} {{\n", escape(&q.id), escape(&prompt));
    let general = |out: &mut String| {
        if !q.explanation.trim().is_empty() {
            out.push_str(&format!("\t####{}\n", escape(&q.explanation)));
        }
    };
    let key = q.answer.as_ref().map(|k| k.0.clone()).unwrap_or_default();
    if matches!(q.kind, QuestionType::Single | QuestionType::Multiple)
        && key.iter().any(|&i| i >= q.options.len())
    {
        return Err("has an answer key outside its options; fix the set first".into());
    }
    match q.kind {
        QuestionType::Single if is_true_false(q) => {
            let truth = key.first() == Some(&0);
            let (right, wrong) = if truth {
                (&q.options[0].why, &q.options[1].why)
            } else {
                (&q.options[1].why, &q.options[0].why)
            };
            out = format!(
                "::{}::{} {{{}#{}#{}",
                escape(&q.id),
                escape(&prompt),
                if truth { "TRUE" } else { "FALSE" },
                escape(wrong),
                escape(right)
            );
            if !q.explanation.trim().is_empty() {
                out.push_str(&format!("####{}", escape(&q.explanation)));
            }
            out.push('}');
            losses(q, index, "GIFT", notes);
            return Ok(out);
        }
        QuestionType::Single => {
            if key.len() != 1 {
                return Err("is a single question whose key does not name one option".into());
            }
            for (i, o) in q.options.iter().enumerate() {
                let marker = if key.contains(&i) { '=' } else { '~' };
                out.push_str(&format!(
                    "\t{marker}{}{}\n",
                    escape(&o.text),
                    feedback(&o.why)
                ));
            }
        }
        QuestionType::Multiple => {
            let right = share(key.len());
            for (i, o) in q.options.iter().enumerate() {
                let weight = if key.contains(&i) {
                    right.as_str()
                } else {
                    "-100"
                };
                out.push_str(&format!(
                    "\t~%{weight}%{}{}\n",
                    escape(&o.text),
                    feedback(&o.why)
                ));
            }
        }
        QuestionType::Matching => {
            let texts = q
                .pairs
                .iter()
                .flat_map(|p| [&p.left, &p.right])
                .chain(&q.distractors);
            if texts.clone().any(|t| t.contains("->")) {
                return Err(
                    "has \"->\" inside a pair, which GIFT cannot escape in a matching question"
                        .into(),
                );
            }
            for p in &q.pairs {
                out.push_str(&format!("\t={} -> {}\n", escape(&p.left), escape(&p.right)));
            }
            for d in &q.distractors {
                out.push_str(&format!("\t= -> {}\n", escape(d)));
            }
            if q.pairs.iter().any(|p| !p.why.trim().is_empty()) {
                notes.push(Note::on_question(index, Level::Note, format!("question \"{}\": GIFT matching has no feedback per pair, so the pairs' \"why\" texts were not written", q.id)));
            }
        }
        QuestionType::Fill => {
            if q.accept.iter().all(|a| a.contains("->")) {
                return Err("accepts only answers with \"->\", which GIFT would read as a matching question".into());
            }
            for a in &q.accept {
                out.push_str(&format!("\t={}\n", escape(a)));
            }
        }
        QuestionType::Ordering => {
            return Err(
                "is an ordering question, which GIFT cannot express; it was not written".into(),
            )
        }
        QuestionType::Pbq => {
            return Err(
                "is a performance-based question, which GIFT cannot express; it was not written"
                    .into(),
            )
        }
        QuestionType::Sim => {
            return Err("is a simulation, which GIFT cannot express; it was not written".into())
        }
    }
    general(&mut out);
    out.push('}');
    losses(q, index, "GIFT", notes);
    Ok(out)
}

fn feedback(why: &str) -> String {
    if why.trim().is_empty() {
        String::new()
    } else {
        format!(" #{}", escape(why))
    }
}

/// A single question with exactly the options True and False, in that
/// order: written as GIFT's true/false.
fn is_true_false(q: &RawQuestion) -> bool {
    q.options.len() == 2
        && q.options[0].text == "True"
        && q.options[1].text == "False"
        && q.answer
            .as_ref()
            .is_some_and(|k| k.0.len() == 1 && k.0[0] < 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        let text = "a ~ b = c # d { e } f: g \\ h\nnext";
        assert_eq!(unescape(&escape(text)), text);
        assert!(!escape(text).contains('\n'));
    }

    #[test]
    fn finds_only_unescaped() {
        assert_eq!(find_unescaped(r"a \{ b { c", "{"), Some(7));
        assert_eq!(find_unescaped(r"a \:: b :: c", "::"), Some(8));
    }

    #[test]
    fn shares_are_moodle_weights() {
        assert_eq!(share(2), "50");
        assert_eq!(share(3), "33.33333");
        assert_eq!(share(8), "12.5");
    }
}
