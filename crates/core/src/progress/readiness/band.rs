//! From objectives to the exam: the blueprint's weights, the estimate with
//! its band, and the objectives worth most.
//!
//! The exam share is the weighted mean of objective masteries: domains by
//! their blueprint weight, the objectives within a domain equally (the
//! blueprint says nothing finer). Its variance has two parts: the shared
//! uncertainty about the learner's general level, weighted by how much the
//! objectives lean on it, and each objective's own, which is independent.
//! The band is the normal approximation, mean ± z·sd, clipped to 0..1 and
//! mapped to the scale with `estimate_scaled`, as exam results are.

use crate::content::exam::{Domain, Exam, Objective, SCALE_MAX, SCALE_MIN};
use crate::quiz::results::estimate_scaled;

use super::mastery::{Level, Posterior};
use super::Focus;

/// The two-sided normal quantile for `CONFIDENCE_PERCENT` (80%).
pub(super) const Z: f64 = 1.281_551_565_544_600_5;

/// How many focus objectives to name.
const FOCUS: usize = 3;

/// A blueprint objective and its share of the exam.
pub(super) struct Slot<'a> {
    pub domain: &'a Domain,
    pub objective: &'a Objective,
    /// Fraction of the exam, 0..1; the slots add up to 1.
    pub share: f64,
}

/// The blueprint's objectives in order, each with its share. Weights are
/// normalised over the domains that have objectives, so a blueprint whose
/// weights do not add up to 100 (or are all zero) still adds up to 1.
pub(super) fn objectives(exam: &Exam) -> Vec<Slot<'_>> {
    let used: Vec<&Domain> = exam
        .domains
        .iter()
        .filter(|d| !d.objectives.is_empty())
        .collect();
    let total: f64 = used.iter().map(|d| f64::from(d.weight)).sum();
    let domain_share = |d: &Domain| {
        if total > 0.0 {
            f64::from(d.weight) / total
        } else {
            1.0 / used.len() as f64
        }
    };
    used.iter()
        .flat_map(|&d| {
            let each = domain_share(d) / d.objectives.len() as f64;
            d.objectives.iter().map(move |o| Slot {
                domain: d,
                objective: o,
                share: each,
            })
        })
        .collect()
}

/// The exam share's posterior mean and variance.
pub(super) struct Combined {
    pub mean: f64,
    pub var: f64,
}

pub(super) fn combine(slots: &[Slot], posteriors: &[Posterior], level: &Level) -> Combined {
    if slots.is_empty() {
        // No objectives: all that is known is the general level.
        return Combined {
            mean: level.mean,
            var: level.var,
        };
    }
    let (mut mean, mut lean, mut own) = (0.0, 0.0, 0.0);
    for (slot, p) in slots.iter().zip(posteriors) {
        mean += slot.share * p.mean;
        lean += slot.share * p.lean;
        own += slot.share * slot.share * p.own_var;
    }
    Combined {
        mean: mean.clamp(0.0, 1.0),
        var: lean * lean * level.var + own,
    }
}

impl Combined {
    pub fn scaled(&self) -> u32 {
        estimate_scaled(self.mean)
    }

    /// The band's ends on the 100-900 scale.
    pub fn band(&self) -> (u32, u32) {
        let half = Z * self.var.max(0.0).sqrt();
        (
            estimate_scaled(self.mean - half),
            estimate_scaled(self.mean + half),
        )
    }
}

/// The objectives whose full mastery would add most to the estimate: an
/// objective's gain is its share × (1 − mastery), in scaled points. Ties
/// keep blueprint order; objectives with nothing to gain are left out.
pub(super) fn focus(slots: &[Slot], posteriors: &[Posterior]) -> Vec<Focus> {
    let span = f64::from(SCALE_MAX - SCALE_MIN);
    let mut gains: Vec<(&Slot, &Posterior, f64)> = slots
        .iter()
        .zip(posteriors)
        .map(|(s, p)| (s, p, s.share * (1.0 - p.mean) * span))
        .filter(|&(_, _, points)| points >= 0.5)
        .collect();
    // Stable, so equal gains stay in blueprint order.
    crate::sort::by(&mut gains, |a, b| b.2.total_cmp(&a.2));
    gains
        .into_iter()
        .take(FOCUS)
        .map(|(slot, p, points)| Focus {
            objective: slot.objective.id.clone(),
            title: slot.objective.title.clone(),
            domain: slot.domain.id.clone(),
            mastery: p.mean,
            points: points.round() as u32,
        })
        .collect()
}
