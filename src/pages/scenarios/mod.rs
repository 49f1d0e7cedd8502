//! Role-play scenarios: the list, a play, and its debrief.

pub mod article;
pub mod chart;
pub mod choices;
pub mod conversation;
pub mod debrief;
pub mod drafting;
pub mod evidence_debrief;
pub mod hint;
pub mod keeper;
pub mod list;
pub mod notes_form;
pub mod play;
pub mod scoring;
pub mod ticket;
pub mod tools;
