//! The role-play engine: a play through a scenario (mood, clock, flags,
//! points), and the debrief that scores it.

pub mod debrief;
pub mod play;

#[cfg(test)]
mod tests;
