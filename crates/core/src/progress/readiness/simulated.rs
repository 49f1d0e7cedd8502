//! Simulated learners: each has a known true skill per objective and
//! answers questions drawn across the blueprint by domain weight, right
//! with probability equal to that skill. Since the truth is known, so is
//! the score the learner would expect on the real exam, and the band can
//! be checked against it. A fixed-seed generator keeps the test repeatable.

use crate::content::exam::Exam;
use crate::progress::{Attempt, Mode};
use crate::quiz::results::estimate_scaled;

use super::readiness;
use super::tests::{answer, blueprint, MINUTE};

/// SplitMix64: tiny, well mixed, and enough for a test.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }
}

/// The A+ Core 1 blueprint's shape: its weights, objectives per domain and
/// pass line.
fn core_one() -> Exam {
    blueprint(
        "220-1201",
        675,
        &[
            ("1.0", 13, &["1.1", "1.2", "1.3"]),
            (
                "2.0",
                23,
                &["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8"],
            ),
            (
                "3.0",
                25,
                &["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"],
            ),
            ("4.0", 11, &["4.1", "4.2"]),
            (
                "5.0",
                28,
                &["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"],
            ),
        ],
    )
}

const LEARNERS: usize = 300;
const ANSWERS: usize = 400;
/// One answer every two hours: 400 answers span a month, so recency
/// decay is at work.
const GAP: u64 = 120 * MINUTE;

struct Learner {
    /// True skill per objective, in blueprint order.
    skills: Vec<f64>,
    attempts: Vec<Attempt>,
}

/// A learner with a general level somewhere from weak to strong and each
/// objective scattered around it. Every `exam_every`-th answer is given in
/// a timed exam, the rest in practice.
fn learner(exam: &Exam, rng: &mut SplitMix, exam_every: usize) -> Learner {
    let level = rng.between(0.3, 0.95);
    let skills: Vec<f64> = exam
        .domains
        .iter()
        .flat_map(|d| &d.objectives)
        .map(|_| (level + rng.between(-0.25, 0.25)).clamp(0.02, 0.99))
        .collect();
    let ids: Vec<&str> = exam
        .domains
        .iter()
        .flat_map(|d| &d.objectives)
        .map(|o| o.id.as_str())
        .collect();
    let mut attempts = Vec::with_capacity(ANSWERS);
    for i in 0..ANSWERS {
        let o = draw(exam, rng);
        let score = if rng.unit() < skills[o] { 1.0 } else { 0.0 };
        let mode = if (i + 1) % exam_every == 0 {
            Mode::Exam
        } else {
            Mode::Practice
        };
        attempts.push(answer(&exam.id, ids[o], score, i as u64 * GAP, mode));
    }
    Learner { skills, attempts }
}

/// A domain by weight, then one of its objectives evenly; returns the
/// objective's place in blueprint order.
fn draw(exam: &Exam, rng: &mut SplitMix) -> usize {
    let total: u32 = exam.domains.iter().map(|d| d.weight).sum();
    let mut pick = rng.unit() * f64::from(total);
    let mut offset = 0;
    for (i, d) in exam.domains.iter().enumerate() {
        // The last domain also takes what rounding leaves over.
        if pick < f64::from(d.weight) || i + 1 == exam.domains.len() {
            let n = d.objectives.len();
            return offset + ((rng.unit() * n as f64) as usize).min(n - 1);
        }
        pick -= f64::from(d.weight);
        offset += d.objectives.len();
    }
    0
}

/// The score the learner expects on the real exam: domains by weight,
/// objectives within a domain equally, mapped like exam results.
fn true_score(exam: &Exam, skills: &[f64]) -> u32 {
    let mut share = 0.0;
    let mut at = 0;
    for d in &exam.domains {
        let n = d.objectives.len();
        let mean = skills[at..at + n].iter().sum::<f64>() / n as f64;
        share += f64::from(d.weight) / 100.0 * mean;
        at += n;
    }
    estimate_scaled(share)
}

const CHECKPOINTS: [usize; 3] = [100, 200, 400];

/// What the band did for a population, at each checkpoint.
struct Figures {
    /// Share of learners whose true score lies inside the band.
    inside: [f64; 3],
    /// Mean band width in scaled points.
    width: [f64; 3],
}

fn population(exam: &Exam, seed: u64, exam_every: usize) -> Figures {
    let mut rng = SplitMix(seed);
    let mut widths = [0u64; 3];
    let mut inside = [0usize; 3];
    for _ in 0..LEARNERS {
        let l = learner(exam, &mut rng, exam_every);
        let truth = true_score(exam, &l.skills);
        for (c, &n) in CHECKPOINTS.iter().enumerate() {
            // Asked just after the n-th answer.
            let now = (n as u64 - 1) * GAP;
            let r = readiness(exam, &l.attempts[..n], &[], now);
            widths[c] += u64::from(r.high - r.low);
            inside[c] += usize::from(r.low <= truth && truth <= r.high);
        }
    }
    let learners = LEARNERS as f64;
    Figures {
        inside: inside.map(|x| x as f64 / learners),
        width: widths.map(|x| x as f64 / learners),
    }
}

fn print(label: &str, f: &Figures) {
    eprintln!(
        "{label}: inside the band {:.3} / {:.3} / {:.3}, mean width {:.1} / {:.1} / {:.1} after {:?} answers",
        f.inside[0], f.inside[1], f.inside[2], f.width[0], f.width[1], f.width[2], CHECKPOINTS
    );
}

#[test]
fn the_band_holds_the_true_score_and_narrows_with_answers() {
    let exam = core_one();
    // Practice mostly, every fifth answer in a timed exam.
    let f = population(&exam, 0x5eed_f157_11e0, 5);
    print("mixed", &f);
    assert!(f.inside[1] >= 0.85, "after 200 answers: {}", f.inside[1]);
    assert!(f.width[2] < f.width[1] && f.width[1] < f.width[0]);
}

#[test]
fn the_band_is_not_overconfident_when_every_answer_counts_in_full() {
    // Exam answers carry full weight, so nothing makes the band wider than
    // the model says: an 80% band should hold the truth about 80% of the
    // time, not much less (300 learners: one standard error is 2.3%).
    let exam = core_one();
    let f = population(&exam, 0x0dd_ba11, 1);
    print("exam only", &f);
    assert!(f.inside.iter().all(|&x| x >= 0.75), "{:?}", f.inside);
}
