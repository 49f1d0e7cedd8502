//! Choosing questions: by the blueprint's domain weights for an exam, or
//! from a filtered pool for practice. Deterministic for a given seed.

use crate::content::exam::Exam;
use crate::content::question::{Question, QuestionType};

/// How many questions each domain gets out of `total`, by weight, using the
/// largest-remainder method. Domains without enough questions give their
/// shortfall to the others, largest weight first. Returns (domain id, count)
/// in blueprint order.
pub fn allocate(
    exam: &Exam,
    available: &dyn Fn(&str) -> usize,
    total: usize,
) -> Vec<(String, usize)> {
    // Summed in u64: weights come from a file, and a u32 sum wrapped
    // (4294967295 + 101 passed as 100 and drew thousands of questions).
    let weight_sum: u64 = exam
        .domains
        .iter()
        .map(|d| u64::from(d.weight))
        .sum::<u64>()
        .max(1);
    let quotas: Vec<f64> = exam
        .domains
        .iter()
        .map(|d| f64::from(d.weight) * total as f64 / weight_sum as f64)
        .collect();
    let mut counts: Vec<usize> = quotas.iter().map(|q| q.floor() as usize).collect();
    let mut by_remainder: Vec<usize> = (0..quotas.len()).collect();
    crate::sort::by(&mut by_remainder, |&a, &b| {
        let (ra, rb) = (quotas[a] - quotas[a].floor(), quotas[b] - quotas[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut left = total.saturating_sub(counts.iter().sum());
    for &i in by_remainder.iter().cycle().take(quotas.len() * 2) {
        if left == 0 {
            break;
        }
        counts[i] += 1;
        left -= 1;
    }
    // Cap by what exists, then hand the shortfall to domains with spare.
    let caps: Vec<usize> = exam.domains.iter().map(|d| available(&d.id)).collect();
    let mut shortfall = 0;
    for (count, &cap) in counts.iter_mut().zip(&caps) {
        if *count > cap {
            shortfall += *count - cap;
            *count = cap;
        }
    }
    let mut by_weight: Vec<usize> = (0..counts.len()).collect();
    crate::sort::by(&mut by_weight, |&a, &b| {
        exam.domains[b]
            .weight
            .cmp(&exam.domains[a].weight)
            .then(a.cmp(&b))
    });
    while shortfall > 0 {
        let Some(&i) = by_weight.iter().find(|&&i| counts[i] < caps[i]) else {
            break;
        };
        counts[i] += 1;
        shortfall -= 1;
    }
    exam.domains
        .iter()
        .map(|d| d.id.clone())
        .zip(counts)
        .collect()
}

/// Draws an exam: questions per domain by weight, performance-based
/// questions first (as on the real exam), the rest mixed. Returns ids.
pub fn draw_exam(exam: &Exam, pool: &[&Question], total: usize, seed: u64) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let in_domain = |domain: &str| -> Vec<&Question> {
        pool.iter()
            .copied()
            .filter(|q| q.exam == exam.id && q.domain == domain)
            .collect()
    };
    let plan = allocate(exam, &|d| in_domain(d).len(), total);
    let mut picked: Vec<&Question> = Vec::new();
    for (domain, count) in plan {
        let mut candidates = in_domain(&domain);
        rng.shuffle(&mut candidates);
        picked.extend(candidates.into_iter().take(count));
    }
    rng.shuffle(&mut picked);
    crate::sort::by_key(&mut picked, |q| {
        !matches!(q.kind(), QuestionType::Pbq | QuestionType::Sim)
    });
    picked.into_iter().map(|q| q.id.clone()).collect()
}

/// What a practice session draws from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PracticeFilter {
    pub exam: Option<String>,
    /// Empty means every domain.
    pub domains: Vec<String>,
    /// Empty means every objective (of the chosen domains).
    pub objectives: Vec<String>,
}

/// What a practice draw looks at: a question in full, or the manifest's
/// tag for it (so the setup page can count and draw without the bank).
pub trait Tagged {
    fn id(&self) -> &str;
    fn exam(&self) -> &str;
    fn domain(&self) -> &str;
    fn objective(&self) -> &str;
}

impl Tagged for Question {
    fn id(&self) -> &str {
        &self.id
    }
    fn exam(&self) -> &str {
        &self.exam
    }
    fn domain(&self) -> &str {
        &self.domain
    }
    fn objective(&self) -> &str {
        &self.objective
    }
}

impl PracticeFilter {
    pub fn accepts(&self, q: &impl Tagged) -> bool {
        let listed = |list: &[String], id: &str| list.is_empty() || list.iter().any(|x| x == id);
        self.exam.as_deref().is_none_or(|e| q.exam() == e)
            && listed(&self.domains, q.domain())
            && listed(&self.objectives, q.objective())
    }
}

/// Draws up to `count` practice questions matching the filter, preferring
/// ones the learner has not answered yet (`seen`), in random order.
pub fn draw_practice<Q: Tagged>(
    pool: &[&Q],
    filter: &PracticeFilter,
    count: usize,
    seen: &dyn Fn(&str) -> bool,
    seed: u64,
) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut candidates: Vec<&Q> = pool
        .iter()
        .copied()
        .filter(|q| filter.accepts(*q))
        .collect();
    rng.shuffle(&mut candidates);
    crate::sort::by_key(&mut candidates, |q| seen(q.id()));
    candidates.truncate(count);
    rng.shuffle(&mut candidates);
    candidates.into_iter().map(|q| q.id().to_owned()).collect()
}
