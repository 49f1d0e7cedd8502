//! The role-play engine. It owns what a scenario means: the graph rules
//! (`graph`), a play through it (`play`, with the shown order in `order`),
//! the priority matrix, the shared critical mistakes, scoring (`notes`,
//! `debrief`) and the playthrough analyser. The content validator calls
//! these; nothing here depends on how a file was read.

pub mod analyse;
pub mod article;
pub mod critical;
pub mod cues;
pub mod debrief;
pub mod draft;
pub mod evidence;
pub mod graph;
pub mod map;
pub mod notes;
pub mod order;
pub mod play;
pub mod priority;
pub mod reach;

#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod tests;
