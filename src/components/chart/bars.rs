use leptos::prelude::*;

use super::{place, px};

const WIDTH: f64 = 200.0;
const HEIGHT: f64 = 18.0;

/// One bar: a share (0-1) with an optional likely range.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: f64,
    pub range: Option<(f64, f64)>,
    /// Words for the last column ("12 answers").
    pub note: String,
}

/// Shares against a line (mastery against the pass line) as a table whose
/// last column draws each row: the figures are the table, the bars only
/// repeat them, so they are hidden from screen readers.
#[component]
pub fn MasteryBars(
    caption: String,
    /// The first column's heading ("Domain").
    what: &'static str,
    rows: Vec<BarRow>,
    /// The share to reach, drawn on every bar.
    #[prop(optional)]
    line: Option<f64>,
) -> impl IntoView {
    let x = |v: f64| px(place(v, 0.0, 1.0, WIDTH));
    let percent = |v: f64| format!("{}%", (v.clamp(0.0, 1.0) * 100.0).round() as i64);
    let (w, h) = (px(WIDTH), px(HEIGHT));
    let body = rows
        .into_iter()
        .map(|row| {
            let above = line.is_none_or(|l| row.value >= l);
            let range = row.range.map(|(lo, hi)| {
                view! { <line x1=x(lo) y1=h / 2 x2=x(hi) y2=h / 2 class="bar-range"/> }
            });
            let mark = line.map(|l| view! { <line x1=x(l) y1="0" x2=x(l) y2=h class="bar-line"/> });
            view! {
                <tr>
                    <th scope="row">{row.label.clone()}</th>
                    <td>{percent(row.value)}</td>
                    <td>{row.range.map_or_else(|| "\u{2014}".to_string(), |(lo, hi)| format!("{}\u{2013}{}", percent(lo), percent(hi)))}</td>
                    <td>{row.note.clone()}</td>
                    <td class="bar-cell">
                        <svg viewBox=format!("0 0 {w} {h}") aria-hidden="true" focusable="false" preserveAspectRatio="none">
                            <rect x="0" y="3" width=w height=h - 6 class="bar-track"/>
                            <rect x="0" y="3" width=x(row.value) height=h - 6 class=if above { "bar above" } else { "bar below" }/>
                            {range}
                            {mark}
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="mastery">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{what}</th>
                        <th scope="col">"Mastery"</th>
                        <th scope="col">"Likely range"</th>
                        <th scope="col">"Evidence"</th>
                        <th scope="col"><span class="visually-hidden">"Bar"</span></th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
