//! Small SVG charts for the dashboard. Each draws from plain numbers and
//! always comes with its words: a summary as the picture's accessible name
//! and the figures as a table, so nothing is only visible as a shape.

mod bars;
mod line;

pub use bars::{BarRow, MasteryBars};
pub use line::{LineChart, LineSeries};

/// A value's position on an axis `[from, to]` drawn over `length` units,
/// clamped so a stray value stays on the chart.
fn place(value: f64, from: f64, to: f64, length: f64) -> f64 {
    if !value.is_finite() || to <= from {
        return 0.0;
    }
    ((value - from) / (to - from)).clamp(0.0, 1.0) * length
}

/// A coordinate as a whole number: the charts never format an `f64`, so
/// the float formatting code stays out of the download, and a unit of a
/// 600-wide view box is finer than a phone's pixel.
fn px(value: f64) -> i32 {
    value.round() as i32
}
