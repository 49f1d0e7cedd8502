use firstline_core::scenario::play::{ANGRY_AT, ANNOYED_AT};
use leptos::prelude::*;

const WIDTH: u32 = 600;
const HEIGHT: u32 = 200;
const PAD: u32 = 28;

/// The user's frustration over the conversation as an SVG line, with the
/// annoyed and angry thresholds and the give-up limit. The summary in its
/// label makes it readable without sight.
#[component]
pub fn MoodChart(history: Vec<u8>, patience: u8) -> impl IntoView {
    let n = history.len().max(2) - 1;
    let x = move |i: usize| PAD + (i as u32) * (WIDTH - 2 * PAD) / n as u32;
    let y = move |v: u8| PAD + (100 - u32::from(v.min(100))) * (HEIGHT - 2 * PAD) / 100;
    let points: Vec<String> = history
        .iter()
        .enumerate()
        .map(|(i, &v)| format!("{},{}", x(i), y(v)))
        .collect();
    let first = history.first().copied().unwrap_or(0);
    let last = history.last().copied().unwrap_or(0);
    let peak = history.iter().copied().max().unwrap_or(0);
    let label = format!(
        "Frustration over {} turns: started at {first}, peaked at {peak}, ended at {last} (annoyed from {ANNOYED_AT}, angry from {ANGRY_AT}, gives up at {patience}).",
        history.len().saturating_sub(1)
    );
    let line = |value: u8, class: &'static str, text: &'static str| {
        view! {
            <line x1=PAD y1=y(value) x2=WIDTH - PAD y2=y(value) class=class/>
            <text x=WIDTH - PAD + 2 y=y(value) + 4 class="chart-label">{text}</text>
        }
    };
    let dots = history
        .iter()
        .enumerate()
        .map(|(i, &v)| view! { <circle cx=x(i) cy=y(v) r="4" class="chart-dot"/> })
        .collect_view();
    view! {
        <figure class="mood-chart">
            <svg viewBox=format!("0 0 {} {HEIGHT}", WIDTH + 40) role="img" aria-label=label.clone()>
                <rect x=PAD y=PAD width=WIDTH - 2 * PAD height=HEIGHT - 2 * PAD class="chart-frame"/>
                {line(ANNOYED_AT, "chart-threshold", "annoyed")}
                {line(ANGRY_AT, "chart-threshold", "angry")}
                {line(patience, "chart-limit", "gives up")}
                <polyline points=points.join(" ") class="chart-line"/>
                {dots}
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}
