//! The order a learner sees options in, fixed by a seed so an exam resumed
//! after a reload shows exactly what it showed before.

use serde::{Deserialize, Serialize};

use crate::content::question::{Question, Task};

/// For each task, the display order as written (canonical) indices: the
/// options of a choice task, the starting order of an ordering task, the
/// right-hand choices of a matching task; empty for fill and sim (a
/// sim opens as written, so the same table or page every time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    pub tasks: Vec<Vec<usize>>,
}

/// A seed for one question, derived from a session seed and the question id
/// so each question shuffles independently.
pub fn question_seed(seed: u64, question_id: &str) -> u64 {
    question_id
        .bytes()
        .fold(seed ^ 0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

pub fn present(question: &Question, seed: u64) -> Presentation {
    let mut rng = fastrand::Rng::with_seed(question_seed(seed, &question.id));
    let tasks = question
        .tasks()
        .into_iter()
        .map(|task| match task {
            Task::Single { options, .. } | Task::Multiple { options, .. } => {
                let pinned: Vec<bool> = options.iter().map(|o| o.pinned).collect();
                if question.shuffle {
                    shuffle_unpinned(&pinned, &mut rng)
                } else {
                    (0..options.len()).collect()
                }
            }
            Task::Ordering { steps } => scrambled(steps.len(), &mut rng),
            Task::Matching { .. } => {
                let n = task.matching_choices().len();
                if question.shuffle {
                    shuffled(n, &mut rng)
                } else {
                    (0..n).collect()
                }
            }
            Task::Fill { .. } | Task::Sim(_) => Vec::new(),
        })
        .collect();
    Presentation { tasks }
}

fn shuffled(n: usize, rng: &mut fastrand::Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    order
}

/// Shuffles the unpinned positions among themselves; pinned ones stay put.
fn shuffle_unpinned(pinned: &[bool], rng: &mut fastrand::Rng) -> Vec<usize> {
    let mut free: Vec<usize> = (0..pinned.len()).filter(|&i| !pinned[i]).collect();
    rng.shuffle(&mut free);
    let mut free = free.into_iter();
    (0..pinned.len())
        .map(|i| {
            if pinned[i] {
                i
            } else {
                free.next().unwrap_or(i)
            }
        })
        .collect()
}

/// A starting order for an ordering task that is never already solved.
fn scrambled(n: usize, rng: &mut fastrand::Rng) -> Vec<usize> {
    let mut order = shuffled(n, rng);
    if n > 1 && order.windows(2).all(|w| w[0] < w[1]) {
        order.rotate_left(1);
    }
    order
}
