//! The typed readers a load uses, by kind of file.
//!
//! Why a table of functions: the code that deserializes each kind is most
//! of the content reader (the question and simulation model alone is a
//! third of it), and a page shows one kind. The web app fetches the
//! readers for the kinds of the files it is about to read, each kind's in
//! its own wasm chunk, and hands them to the shared reading code
//! (`Loading`, `chunked`), which reaches them only through this table: a
//! scenario's page never downloads the question model's reader. The CLI,
//! the build and the Author page read everything (`Readers::all`).

use serde::de::DeserializeOwned;

use std::ops::Range;

use crate::content::check;
use crate::content::exam::Exam;
use crate::content::file::{self, ContentFile};
use crate::content::finding::{Finding, Reporter};
use crate::content::interview::{InterviewQuestion, InterviewSet};
use crate::content::no_sim::NoSim;
use crate::content::question::{Question, QuestionSet, RawQuestion};
use crate::content::scenario::Scenario;
use crate::content::shift::Shift;

/// Reads a whole file (its name, its text) as one kind.
pub type ReadWhole<T> = fn(&str, &str) -> Result<T, Finding>;
/// Reads one piece of a file (a set's own members, or one item); `None`
/// when it does not read, and the file is then read whole for its finding.
pub type ReadPiece<T> = fn(&str) -> Option<T>;

/// Checks questions `range` of a set against its exam's blueprint and
/// turns the sound ones into the quiz's (`check::question::check_questions`):
/// a question is written for authors and becomes the one the quiz runs as
/// it is checked, so even a load that trusts the build runs it.
pub type CheckQuestions =
    fn(&QuestionSet, Option<&Exam>, Range<usize>, &mut Reporter) -> Vec<(usize, Question)>;

/// A set's readers: the whole file, its own members, one item.
pub struct SetReaders<S, I> {
    pub whole: ReadWhole<S>,
    pub own: ReadPiece<S>,
    pub item: ReadPiece<I>,
}

// By hand: derived, they would ask the set and item types to be `Copy`.
impl<S, I> Clone for SetReaders<S, I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, I> Copy for SetReaders<S, I> {}

/// The readers a load has, one per kind; a kind without one is reported,
/// not read, so a page asks for the kinds its files hold
/// (`manifest::Manifest::kinds`).
#[derive(Clone, Copy, Default)]
pub struct Readers {
    pub(super) exam: Option<ReadWhole<Exam>>,
    pub(super) question_set: Option<SetReaders<QuestionSet, RawQuestion>>,
    /// Whether `question_set` reads sims (`Readers::questions`), rather
    /// than refusing them (`Readers::questions_without_sims`).
    pub(super) sims: bool,
    pub(super) check_questions: Option<CheckQuestions>,
    pub(super) scenario: Option<ReadWhole<Scenario>>,
    pub(super) shift: Option<ReadWhole<Shift>>,
    pub(super) interview_set: Option<SetReaders<InterviewSet, InterviewQuestion>>,
}

/// Which groups of readers reading some files takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds {
    /// Exams and question sets: they are read together, a question set
    /// being checked against its exam's blueprint.
    pub questions: bool,
    /// Question sets holding sims: their readers take the sim model's
    /// code, which the others leave out (`content::no_sim`).
    pub sims: bool,
    pub scenarios: bool,
    pub shifts: bool,
    pub interview: bool,
}

impl Kinds {
    pub const ALL: Kinds = Kinds {
        questions: true,
        sims: true,
        scenarios: true,
        shifts: true,
        interview: true,
    };

    /// Exams and question sets without sims, and nothing else: what a
    /// practice run reads.
    pub const QUESTIONS_WITHOUT_SIMS: Kinds = Kinds {
        questions: true,
        sims: false,
        scenarios: false,
        shifts: false,
        interview: false,
    };

    /// Whether no reader is needed.
    pub fn is_empty(self) -> bool {
        self == Kinds::default()
    }

    /// Both sets of kinds.
    pub fn with(self, other: Kinds) -> Kinds {
        Kinds {
            questions: self.questions || other.questions,
            sims: self.sims || other.sims,
            scenarios: self.scenarios || other.scenarios,
            shifts: self.shifts || other.shifts,
            interview: self.interview || other.interview,
        }
    }
}

impl Readers {
    /// Every kind: the CLI, the build, authoring and the tests.
    pub fn all() -> Readers {
        Readers::questions()
            .with(Readers::scenarios())
            .with(Readers::shifts())
            .with(Readers::interview())
    }

    /// The readers of `kinds`, from one place (the CLI and the tests; the
    /// web app fetches each group from its own chunk instead).
    pub fn of(kinds: Kinds) -> Readers {
        let groups = [
            (kinds.questions, Readers::questions as fn() -> Readers),
            (kinds.scenarios, Readers::scenarios),
            (kinds.shifts, Readers::shifts),
            (kinds.interview, Readers::interview),
        ];
        groups
            .into_iter()
            .filter(|(wanted, _)| *wanted)
            .fold(Readers::default(), |readers, (_, group)| {
                readers.with(group())
            })
    }

    /// Exams and question sets, sims and all.
    pub fn questions() -> Readers {
        Readers {
            exam: Some(file::typed::<Exam>),
            question_set: Some(SetReaders {
                whole: file::typed::<QuestionSet>,
                own: piece::<QuestionSet>,
                item: piece::<RawQuestion>,
            }),
            sims: true,
            check_questions: Some(check::question::check_questions),
            ..Readers::default()
        }
    }

    /// Exams and question sets without sims: the sim model's code is left
    /// out, and a sim is an error where it stands (`content::no_sim`). The
    /// web app reads question files the manifest says hold no sim so.
    pub fn questions_without_sims() -> Readers {
        Readers {
            question_set: Some(SetReaders {
                whole: |file, text| {
                    file::typed::<QuestionSet<NoSim>>(file, text).map(QuestionSet::from)
                },
                own: |piece| self::piece::<QuestionSet<NoSim>>(piece).map(QuestionSet::from),
                item: |piece| self::piece::<RawQuestion<NoSim>>(piece).map(RawQuestion::from),
            }),
            sims: false,
            check_questions: Some(check::question::check_questions_without_sims),
            ..Readers::questions()
        }
    }

    pub fn scenarios() -> Readers {
        Readers {
            scenario: Some(file::typed::<Scenario>),
            ..Readers::default()
        }
    }

    pub fn shifts() -> Readers {
        Readers {
            shift: Some(file::typed::<Shift>),
            ..Readers::default()
        }
    }

    pub fn interview() -> Readers {
        Readers {
            interview_set: Some(SetReaders {
                whole: file::typed::<InterviewSet>,
                own: piece::<InterviewSet>,
                item: piece::<InterviewQuestion>,
            }),
            ..Readers::default()
        }
    }

    /// The readers of both.
    pub fn with(self, other: Readers) -> Readers {
        Readers {
            exam: self.exam.or(other.exam),
            // The question readers that read sims, when either has them.
            question_set: if other.sims && !self.sims {
                other.question_set.or(self.question_set)
            } else {
                self.question_set.or(other.question_set)
            },
            sims: self.sims || other.sims,
            check_questions: self.check_questions.or(other.check_questions),
            scenario: self.scenario.or(other.scenario),
            shift: self.shift.or(other.shift),
            interview_set: self.interview_set.or(other.interview_set),
        }
    }

    /// The kinds these readers read.
    pub fn kinds(&self) -> Kinds {
        Kinds {
            questions: self.exam.is_some()
                && self.question_set.is_some()
                && self.check_questions.is_some(),
            sims: self.sims && self.question_set.is_some(),
            scenarios: self.scenario.is_some(),
            shifts: self.shift.is_some(),
            interview: self.interview_set.is_some(),
        }
    }

    /// Parses one file with these readers; see `file::parse`.
    pub fn parse(&self, file: &str, text: &str) -> Result<ContentFile, Finding> {
        file::parse_with(self, file, text)
    }

    /// Reads a file of `kind`; `None` when these readers have none for it.
    pub(super) fn read(
        &self,
        kind: &str,
        file: &str,
        text: &str,
    ) -> Option<Result<ContentFile, Finding>> {
        let read = match kind {
            "exam" => (self.exam?)(file, text).map(ContentFile::Exam),
            "question-set" => (self.question_set?.whole)(file, text).map(ContentFile::QuestionSet),
            "scenario" => (self.scenario?)(file, text).map(|s| ContentFile::Scenario(Box::new(s))),
            "interview-set" => {
                (self.interview_set?.whole)(file, text).map(ContentFile::InterviewSet)
            }
            "shift" => (self.shift?)(file, text).map(|s| ContentFile::Shift(Box::new(s))),
            _ => return None,
        };
        Some(read)
    }
}

/// `piece` as a whole value of type `T`.
fn piece<T: DeserializeOwned>(piece: &str) -> Option<T> {
    serde_json::from_str(piece).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::read::test_sources::bundled_sources;

    /// Each file's kind, as the readers that read it name it.
    fn kind_of(content: &ContentFile) -> Kinds {
        let mut kinds = Kinds::default();
        match content {
            ContentFile::Exam(_) | ContentFile::QuestionSet(_) => kinds.questions = true,
            ContentFile::Scenario(_) => kinds.scenarios = true,
            ContentFile::Shift(_) => kinds.shifts = true,
            ContentFile::InterviewSet(_) => kinds.interview = true,
        }
        kinds
    }

    #[test]
    fn each_group_reads_its_kinds_as_all_do_and_names_the_others() {
        let groups = [
            Readers::questions(),
            Readers::scenarios(),
            Readers::shifts(),
            Readers::interview(),
        ];
        let mut read_by = [0usize; 4];
        for source in bundled_sources() {
            let whole = Readers::all().parse(&source.name, &source.text);
            let Ok(content) = &whole else { continue };
            let kind = kind_of(content);
            for (n, readers) in groups.iter().enumerate() {
                let got = readers.parse(&source.name, &source.text);
                if readers.kinds().with(kind) == readers.kinds() {
                    assert_eq!(got, whole, "{}", source.name);
                    read_by[n] += 1;
                } else {
                    let finding = got.expect_err(&source.name);
                    assert_eq!(finding.path, "kind", "{}", source.name);
                    assert!(
                        finding.message.contains("this page does not read"),
                        "{}: {}",
                        source.name,
                        finding.message
                    );
                }
            }
        }
        // Every group read some of the bundled files.
        assert!(read_by.iter().all(|&n| n > 0), "{read_by:?}");
    }

    #[test]
    fn questions_without_sims_read_the_other_sets_as_all_do_and_stop_at_a_sim() {
        use crate::content::no_sim::SIM_NOT_READ;
        let plain = Readers::questions_without_sims();
        let questions = Kinds {
            questions: true,
            ..Kinds::default()
        };
        assert_eq!(plain.kinds(), questions);
        let (mut same, mut stopped) = (0, 0);
        for source in bundled_sources() {
            let whole = Readers::all().parse(&source.name, &source.text);
            let Ok(ContentFile::QuestionSet(set)) = &whole else {
                continue;
            };
            let got = plain.parse(&source.name, &source.text);
            if set.questions.iter().any(|q| q.sim.is_some()) {
                let finding = got.expect_err(&source.name);
                assert!(
                    finding.message.starts_with(SIM_NOT_READ),
                    "{}",
                    finding.message
                );
                assert!(
                    finding.path.ends_with(".sim"),
                    "{}: at {}",
                    source.name,
                    finding.path
                );
                stopped += 1;
            } else {
                assert_eq!(got, whole, "{}", source.name);
                same += 1;
            }
        }
        assert!(same > 0 && stopped > 0, "{same} {stopped}");
        // Joined with the readers that read sims, those are kept, either
        // way round.
        let sims = Kinds {
            sims: true,
            ..questions
        };
        assert_eq!(plain.with(Readers::questions()).kinds(), sims);
        assert_eq!(Readers::questions().with(plain).kinds(), sims);
        let sim_file = bundled_sources()
            .into_iter()
            .find(|s| s.name.ends_with("sims.json"))
            .expect("a bundled sims file");
        assert!(plain
            .with(Readers::questions())
            .parse(&sim_file.name, &sim_file.text)
            .is_ok());
    }

    #[test]
    fn the_checks_without_sims_build_the_same_questions_from_a_set_without_sims() {
        use crate::content::check::question::{check_questions, check_questions_without_sims};
        use crate::content::no_sim::SIM_NOT_READ;
        let run = |check: CheckQuestions, set: &QuestionSet, name: &str, text: &str| {
            let mut reporter = Reporter::new(name, text);
            let kept = check(set, None, 0..set.questions.len(), &mut reporter);
            (kept, reporter.finish())
        };
        let (mut same, mut with_sims) = (0, 0);
        for source in bundled_sources() {
            let Ok(ContentFile::QuestionSet(set)) =
                Readers::all().parse(&source.name, &source.text)
            else {
                continue;
            };
            let full = run(check_questions, &set, &source.name, &source.text);
            let plain = run(
                check_questions_without_sims,
                &set,
                &source.name,
                &source.text,
            );
            if set.questions.iter().any(|q| q.sim.is_some()) {
                // Never read so (the reader stops at the sim), but if it
                // were, each sim question is refused, never kept unchecked.
                assert!(plain.0.len() < full.0.len(), "{}", source.name);
                assert!(plain.1.iter().any(|f| f.message == SIM_NOT_READ));
                with_sims += 1;
            } else {
                assert_eq!(plain, full, "{}", source.name);
                same += 1;
            }
        }
        assert!(same > 0 && with_sims > 0, "{same} {with_sims}");
    }

    #[test]
    fn all_is_every_kind_and_with_joins() {
        assert_eq!(Readers::all().kinds(), Kinds::ALL);
        assert_eq!(Readers::of(Kinds::ALL).kinds(), Kinds::ALL);
        let interview = Kinds {
            interview: true,
            ..Kinds::default()
        };
        assert_eq!(Readers::of(interview).kinds(), interview);
        assert_eq!(Readers::default().kinds(), Kinds::default());
        assert!(Kinds::default().is_empty());
        let both = Readers::scenarios().with(Readers::interview()).kinds();
        assert_eq!(
            both,
            Kinds {
                scenarios: true,
                interview: true,
                ..Kinds::default()
            }
        );
        assert_eq!(Kinds::default().with(both), both);
    }
}
