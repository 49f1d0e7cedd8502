//! Certification practice: answers and scoring, shuffling, drawing
//! questions, the timed exam, results, the review schedule and insights.

pub mod answer;
pub mod draw;
pub mod insights;
pub mod present;
pub mod results;
pub mod review;
pub mod run;
pub mod score;
pub mod session;

#[cfg(test)]
mod tests;
