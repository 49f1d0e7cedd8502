//! The content formats: what an instructor writes, as typed models.

pub mod exam;
pub mod interview;
pub mod no_sim;
pub mod normalise;
pub mod question;
pub mod scenario;
pub mod shift;
pub mod sim;
pub mod written;
