//! Role-play scenarios: the list, a play, and its debrief.

pub mod chart;
pub mod conversation;
pub mod debrief;
pub mod list;
pub mod play;
