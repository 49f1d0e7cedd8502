//! Rule 4: a matching question whose right-hand choices are used exactly
//! once each gives its last pair away by elimination.

use crate::content::question::{Body, Question, Task};

/// True for a (top-level) matching question with no distractors and no
/// repeated right-hand value. Matching items inside performance-based
/// questions are left alone, as the reference lint does.
pub fn no_spare_choice(question: &Question) -> bool {
    let Body::Task(Task::Matching { pairs, distractors }) = &question.body else {
        return false;
    };
    if !distractors.is_empty() {
        return false;
    }
    let mut rights: Vec<&str> = pairs.iter().map(|p| p.right.as_str()).collect();
    crate::sort::natural(&mut rights);
    rights.windows(2).all(|w| w[0] != w[1])
}
