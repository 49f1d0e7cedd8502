use leptos::prelude::*;

use super::{place, px};
use crate::adapters::clock::format_day;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;

/// One line: `(time in ms, value)` points, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub name: String,
    pub points: Vec<(u64, f64)>,
}

/// Values over time as lines, with an optional reference line (a pass
/// line), a legend, and the same figures as a table.
#[component]
pub fn LineChart(
    /// Names the chart (its caption and the table's).
    caption: String,
    series: Vec<LineSeries>,
    /// The value axis and its labelled ticks.
    y_from: f64,
    y_to: f64,
    ticks: Vec<f64>,
    /// How a value reads in words ("{} / 100").
    #[prop(default = "")]
    unit: &'static str,
    #[prop(default = None)] reference: Option<(f64, String)>,
) -> impl IntoView {
    let times: Vec<u64> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    let first = times.iter().copied().min().unwrap_or(0);
    let last = times.iter().copied().max().unwrap_or(0);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = move |at: u64| {
        px(if last == first {
            LEFT + plot_w / 2.0
        } else {
            LEFT + place(at as f64, first as f64, last as f64, plot_w)
        })
    };
    let y = move |v: f64| px(TOP + plot_h - place(v, y_from, y_to, plot_h));
    // Whole numbers only: formatting an f64 would pull the float
    // formatting code into the page's download.
    let say = move |v: f64| format!("{}{unit}", v.round() as i64);

    let summary = {
        let mut parts: Vec<String> = series
            .iter()
            .filter_map(|s| {
                let (firstv, lastv) = (s.points.first()?.1, s.points.last()?.1);
                let best = s.points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
                Some(format!(
                    "{}: {} point{}, first {}, latest {}, best {}",
                    s.name,
                    s.points.len(),
                    if s.points.len() == 1 { "" } else { "s" },
                    say(firstv),
                    say(lastv),
                    say(best)
                ))
            })
            .collect();
        if let Some((value, label)) = &reference {
            parts.push(format!("{label} at {}", say(*value)));
        }
        format!("{caption}. {}.", parts.join("; "))
    };

    let grid = ticks
        .iter()
        .map(|&t| {
            view! {
                <line x1=px(LEFT) y1=y(t) x2=px(WIDTH - RIGHT) y2=y(t) class="chart-grid"/>
                <text x=px(LEFT - 6.0) y=y(t) + 4 class="chart-label" text-anchor="end">{(t.round() as i64).to_string()}</text>
            }
        })
        .collect_view();
    let reference_line = reference.clone().map(|(value, label)| {
        view! {
            <line x1=px(LEFT) y1=y(value) x2=px(WIDTH - RIGHT) y2=y(value) class="chart-threshold"/>
            <text x=px(WIDTH - RIGHT) y=y(value) - 4 class="chart-label" text-anchor="end">{label}</text>
        }
    });
    let lines = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let points: Vec<String> = s
                .points
                .iter()
                .map(|&(at, v)| format!("{},{}", x(at), y(v)))
                .collect();
            let dots = s
                .points
                .iter()
                .map(|&(at, v)| view! { <circle cx=x(at) cy=y(v) r="3.5"/> })
                .collect_view();
            view! {
                <g class=format!("chart-series series-{}", i % 5)>
                    <polyline points=points.join(" ")/>
                    {dots}
                </g>
            }
        })
        .collect_view();
    let dates = (!times.is_empty()).then(|| {
        view! {
            <text x=px(LEFT) y=px(HEIGHT - 8.0) class="chart-label">{format_day(first)}</text>
            <text x=px(WIDTH - RIGHT) y=px(HEIGHT - 8.0) class="chart-label" text-anchor="end">{format_day(last)}</text>
        }
    });
    let legend = (series.len() > 1).then(|| {
        series
            .iter()
            .enumerate()
            .map(|(i, s)| view! { <li><span class=format!("swatch series-{}", i % 5) aria-hidden="true"></span>{s.name.clone()}</li> })
            .collect_view()
    });

    // The table: one row per moment, one column per line.
    let mut moments = times.clone();
    firstline_core::sort::natural(&mut moments);
    moments.dedup();
    let header = series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let rows = moments
        .iter()
        .map(|&at| {
            let cells = series
                .iter()
                .map(|s| {
                    let value = s.points.iter().find(|p| p.0 == at).map(|p| say(p.1));
                    view! { <td>{value.unwrap_or_else(|| "\u{2014}".into())}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{format_day(at)}</th>{cells}</tr> }
        })
        .collect_view();

    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", px(WIDTH), px(HEIGHT)) role="img" aria-label=summary.clone()>
                <rect x=px(LEFT) y=px(TOP) width=px(plot_w) height=px(plot_h) class="chart-frame"/>
                {grid}
                {reference_line}
                {lines}
                {dates}
            </svg>
            <figcaption>
                {legend.map(|items| view! { <ul class="chart-legend" aria-label="Legend">{items}</ul> })}
                <p class="muted">{summary}</p>
            </figcaption>
            <details class="chart-figures">
                <summary>{format!("The figures: {}", caption.to_lowercase())}</summary>
                <div class="table-wrap">
                    <table>
                        <caption>{caption.clone()}</caption>
                        <thead><tr><th scope="col">"Date"</th>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
