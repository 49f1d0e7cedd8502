//! One part of an answer as the scorer reads it: its words and clauses,
//! and which of them read as sentences. Under the prose rule only words in
//! sentences count, so a list of keywords, or "I" and numbers strung
//! together, earns nothing however many of the right words it holds.

use crate::text::prose::{clause_at, clauses, Clause, MIN_PROSE_WORDS};
use crate::text::{tokens, Span, Token};

use super::rules::Rules;
use super::Part;

pub struct Reading<'a> {
    pub part: Part,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub clauses: Vec<Clause>,
    /// Whether the prose rule applies.
    prose_rule: bool,
}

impl<'a> Reading<'a> {
    pub fn new(part: Part, text: &'a str, rules: Rules) -> Self {
        Reading {
            part,
            text,
            tokens: tokens(text),
            clauses: clauses(text),
            prose_rule: rules.prose,
        }
    }

    /// Whether words at `span` can earn credit: they sit in a clause that
    /// reads as a sentence.
    pub fn counts(&self, span: Span) -> bool {
        !self.prose_rule || clause_at(&self.clauses, span.start).is_some_and(|c| c.prose)
    }

    /// The clause around `span`, as a span (the whole text when none).
    pub fn clause_of(&self, span: Span) -> Span {
        clause_at(&self.clauses, span.start).map_or(
            Span {
                start: 0,
                end: self.text.len(),
            },
            |c| Span {
                start: c.start,
                end: c.end,
            },
        )
    }

    /// All words of the part.
    pub fn words(&self) -> usize {
        self.tokens.len()
    }

    /// Words that count: those in sentences.
    pub fn prose_words(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| {
                self.counts(Span {
                    start: t.start,
                    end: t.end,
                })
            })
            .count()
    }

    /// Clauses long enough to judge that read as lists, not sentences.
    pub fn lists(&self) -> Vec<Span> {
        if !self.prose_rule {
            return Vec::new();
        }
        self.clauses
            .iter()
            .filter(|c| !c.prose && c.words >= MIN_PROSE_WORDS)
            .map(|c| Span {
                start: c.start,
                end: c.end,
            })
            .collect()
    }

    /// Keeps the spans that count.
    pub fn keep(&self, spans: Vec<Span>) -> Vec<Span> {
        spans.into_iter().filter(|s| self.counts(*s)).collect()
    }
}
