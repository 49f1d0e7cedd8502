//! A shift: tickets arriving in a queue over simulated minutes. The page
//! (`play.rs`) shows the queue (`queue.rs`), the ticket taken
//! (`ticket_form.rs`) and, once every ticket is handled, the report
//! (`report.rs`, scored and recorded by the `scoring.rs` chunk); the rules
//! and scores are the core's (`firstline_core::shift`).

pub mod play;
mod queue;
mod report;
mod scoring;
mod ticket_form;
