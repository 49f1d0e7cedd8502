//! Knowledge-base articles: after a resolved ticket the trainee may write
//! one, in five parts (title, environment, cause, resolution, how to
//! verify), scored against the scenario's `article` rubric with the same
//! matching as ticket notes, so every point is explainable: each part
//! shows the words that earned it, or names what it is missing.
//!
//! | part | points | earned when |
//! |---|---|---|
//! | title | 20 | it names the symptom as a user would search for it |
//! | environment | 15 | a sentence states where it happens |
//! | cause | 20 | a sentence states the cause |
//! | resolution | 30 | shared among the steps, each stated in a sentence |
//! | verify | 15 | a sentence says how to confirm the fix |
//!
//! A title is a short line, so it needs only the words; the other parts
//! need them in a sentence (a keyword list earns nothing). A sentence
//! repeated in more than one part counts in none of them: pasting the
//! same paragraph into every box earns nothing either.

use crate::content::scenario::ArticleRubric;
use crate::text::{find_any, tokens};

use super::notes::find_in_sentences;

/// The longest part kept: an article is read, not a dump.
pub const MAX_PART_CHARS: usize = 3_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleText {
    pub title: String,
    pub environment: String,
    pub cause: String,
    pub resolution: String,
    pub verify: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Environment,
    Cause,
    Resolution,
    Verify,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Title,
        Part::Environment,
        Part::Cause,
        Part::Resolution,
        Part::Verify,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Part::Title => "Title (the symptom, as a user would search for it)",
            Part::Environment => "Environment (where it happens)",
            Part::Cause => "Cause",
            Part::Resolution => "Resolution steps",
            Part::Verify => "How to verify",
        }
    }

    pub fn points(self) -> u32 {
        match self {
            Part::Title | Part::Cause => 20,
            Part::Environment | Part::Verify => 15,
            Part::Resolution => 30,
        }
    }

    fn text(self, a: &ArticleText) -> &str {
        match self {
            Part::Title => &a.title,
            Part::Environment => &a.environment,
            Part::Cause => &a.cause,
            Part::Resolution => &a.resolution,
            Part::Verify => &a.verify,
        }
    }

    /// What the part should state, for "missing" messages.
    fn wanted(self) -> &'static str {
        match self {
            Part::Title => "the symptom a user would search for",
            Part::Environment => "where it happens",
            Part::Cause => "the cause",
            Part::Resolution => "a step of the fix",
            Part::Verify => "how to confirm the fix worked",
        }
    }
}

/// One thing a part had to state: found (with the byte range to
/// highlight in that part's text) or missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What it had to state; for a step, the step's first phrase.
    pub wanted: String,
    pub found: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartScore {
    pub part: Part,
    pub checks: Vec<Check>,
    pub points: u32,
    /// The part repeats a sentence of another part, so it earns nothing.
    pub repeated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleScore {
    pub parts: Vec<PartScore>,
    /// 0-100.
    pub total: u32,
}

/// The sentences of a part, normalised for comparing across parts.
fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '!', '?', '\n'])
        .map(|s| {
            tokens(s)
                .into_iter()
                .map(|t| t.key)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| s.split(' ').count() >= 4)
        .collect()
}

/// Scores `article` against `rubric`; see the module notes.
pub fn score(rubric: &ArticleRubric, article: &ArticleText) -> ArticleScore {
    let clipped = |s: &str| -> String { s.chars().take(MAX_PART_CHARS).collect() };
    let article = ArticleText {
        title: clipped(&article.title),
        environment: clipped(&article.environment),
        cause: clipped(&article.cause),
        resolution: clipped(&article.resolution),
        verify: clipped(&article.verify),
    };
    let per_part: Vec<Vec<String>> = Part::ALL
        .iter()
        .map(|p| sentences(p.text(&article)))
        .collect();
    let repeated = |i: usize| {
        per_part[i].iter().any(|s| {
            per_part
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.contains(s))
        })
    };
    let mut parts = Vec::new();
    for (i, part) in Part::ALL.into_iter().enumerate() {
        let text = part.text(&article);
        let single = |phrases: &[String]| Check {
            wanted: phrases
                .first()
                .cloned()
                .unwrap_or_else(|| part.wanted().into()),
            found: if part == Part::Title {
                find_any(&tokens(text), phrases).map(|(_, span)| (span.start, span.end))
            } else {
                find_in_sentences(text, phrases)
            },
        };
        let checks = match part {
            Part::Title => vec![single(&rubric.symptom)],
            Part::Environment => vec![single(&rubric.environment)],
            Part::Cause => vec![single(&rubric.cause)],
            Part::Verify => vec![single(&rubric.verify)],
            Part::Resolution => rubric.steps.iter().map(|step| single(step)).collect(),
        };
        let repeated = part != Part::Title && repeated(i);
        let found = u32::try_from(checks.iter().filter(|c| c.found.is_some()).count()).unwrap_or(0);
        let total = u32::try_from(checks.len()).unwrap_or(u32::MAX);
        let points = if repeated {
            0
        } else {
            part.points()
                .saturating_mul(found)
                .checked_div(total)
                .unwrap_or(0)
        };
        parts.push(PartScore {
            part,
            checks,
            points,
            repeated,
        });
    }
    let total = parts.iter().map(|p| p.points).sum::<u32>().min(100);
    ArticleScore { parts, total }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rubric() -> ArticleRubric {
        let v = |xs: &[&str]| xs.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        ArticleRubric {
            symptom: v(&["account keeps locking", "locked out"]),
            environment: v(&["phone mail app", "mobile mail"]),
            cause: v(&["old password", "stale password"]),
            steps: vec![
                v(&["unlock the account", "unlocked the account"]),
                v(&[
                    "update the password on the phone",
                    "new password on the phone",
                ]),
            ],
            verify: v(&["sign in", "signs in"]),
        }
    }

    fn good() -> ArticleText {
        ArticleText {
            title: "Account keeps locking after a password change".into(),
            environment: "This happens to staff whose phone mail app still holds their work account."
                .into(),
            cause: "After a password change the phone keeps trying the old password until the account locks."
                .into(),
            resolution: "Verify the caller, then unlock the account in the directory. Ask them to enter the new password on the phone in the mail app settings."
                .into(),
            verify: "Ask the user to sign in to Windows and check that mail arrives on the phone."
                .into(),
        }
    }

    #[test]
    fn a_complete_article_scores_100_and_shows_what_earned_each_part() {
        let s = score(&rubric(), &good());
        assert_eq!(s.total, 100);
        let title = &s.parts[0];
        let (a, b) = title.checks[0].found.unwrap();
        assert_eq!(&good().title[a..b], "Account keeps locking");
    }

    #[test]
    fn a_missing_step_and_a_missing_part_are_named() {
        let mut a = good();
        a.resolution =
            "Verify the caller, then unlock the account in the directory for them today.".into();
        a.verify = String::new();
        let s = score(&rubric(), &a);
        let resolution = s.parts.iter().find(|p| p.part == Part::Resolution).unwrap();
        assert_eq!(resolution.points, 15);
        let missing: Vec<&str> = resolution
            .checks
            .iter()
            .filter(|c| c.found.is_none())
            .map(|c| c.wanted.as_str())
            .collect();
        assert_eq!(missing, ["update the password on the phone"]);
        assert_eq!(
            s.parts
                .iter()
                .find(|p| p.part == Part::Verify)
                .unwrap()
                .points,
            0
        );
        assert_eq!(s.total, 70);
    }

    #[test]
    fn keywords_in_every_box_earn_only_the_title() {
        let keywords = "locked out phone mail app old password unlock the account new password on the phone sign in";
        let a = ArticleText {
            title: keywords.into(),
            environment: keywords.into(),
            cause: keywords.into(),
            resolution: keywords.into(),
            verify: keywords.into(),
        };
        let s = score(&rubric(), &a);
        assert_eq!(s.total, 20, "{s:#?}");
    }

    #[test]
    fn the_same_paragraph_pasted_into_every_part_earns_nothing_there() {
        let all = format!(
            "{} {} {} {}",
            good().environment,
            good().cause,
            good().resolution,
            good().verify
        );
        let a = ArticleText {
            title: good().title,
            environment: all.clone(),
            cause: all.clone(),
            resolution: all.clone(),
            verify: all,
        };
        let s = score(&rubric(), &a);
        assert_eq!(s.total, 20);
        assert!(s.parts[1..].iter().all(|p| p.repeated));
    }

    #[test]
    fn an_empty_article_scores_zero_and_a_huge_one_is_clipped() {
        assert_eq!(score(&rubric(), &ArticleText::default()).total, 0);
        let mut a = good();
        a.cause = format!("{} {}", "word ".repeat(5_000), a.cause);
        let s = score(&rubric(), &a);
        assert_eq!(
            s.parts
                .iter()
                .find(|p| p.part == Part::Cause)
                .unwrap()
                .points,
            0
        );
    }
}
