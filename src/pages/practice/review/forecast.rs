//! "Due in the next two weeks": reviews per day as a table (the accessible
//! form, and the exact figures) and as a bar chart summarised in its label.

use firstline_core::quiz::review::forecast::{Day, Forecast};
use leptos::prelude::*;

const SLOT: usize = 40;
const BAR: usize = 26;
const TOP: usize = 18;
const PLOT: usize = 110;
const BOTTOM: usize = 22;

fn day_name(day: &Day) -> String {
    match day.offset {
        0 => "Today".into(),
        1 => "Tomorrow".into(),
        _ => day.date.short(),
    }
}

fn reviews(n: usize) -> String {
    format!("{n} review{}", if n == 1 { "" } else { "s" })
}

/// What the chart shows, in a sentence.
fn summary(forecast: &Forecast) -> String {
    let days = forecast.days.len();
    match forecast.busiest() {
        None => format!("No reviews due in the next {days} days."),
        Some(busiest) => {
            let name = match busiest.offset {
                0 => "today".into(),
                1 => "tomorrow".into(),
                _ => busiest.date.short(),
            };
            format!(
                "{} due in the next {days} days; the busiest day is {name}, with {}.",
                reviews(forecast.total()),
                busiest.due
            )
        }
    }
}

/// One bar per day, its count above it and the day of the month below;
/// the caption, also its label, says what it shows.
#[component]
fn Chart(forecast: Forecast, label: String) -> impl IntoView {
    let width = SLOT * forecast.days.len().max(1);
    let height = TOP + PLOT + BOTTOM;
    let most = forecast
        .days
        .iter()
        .map(|d| d.due)
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = forecast
        .days
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let bar_height = day.due * PLOT / most;
            let x = i * SLOT + (SLOT - BAR) / 2;
            let middle = i * SLOT + SLOT / 2;
            let base = TOP + PLOT;
            view! {
                <rect x=x y=base - bar_height width=BAR height=bar_height fill="currentColor" opacity="0.75"/>
                <text x=middle y=base - bar_height - 4 text-anchor="middle" font-size="12" fill="currentColor">
                    {(day.due > 0).then(|| day.due.to_string())}
                </text>
                <text x=middle y=height - 6 text-anchor="middle" font-size="11" fill="currentColor">
                    {day.date.day.to_string()}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure>
            <svg
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-label=label.clone()
                class="forecast-chart"
            >
                {bars}
                <line x1="0" y1=TOP + PLOT x2=width y2=TOP + PLOT stroke="currentColor" stroke-width="1"/>
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}

#[component]
pub fn ForecastView(forecast: Forecast) -> impl IntoView {
    let label = summary(&forecast);
    let rows = forecast
        .days
        .iter()
        .map(|day| {
            let name = match day.offset {
                0 | 1 => format!("{}, {}", day_name(day), day.date.short()),
                _ => day_name(day),
            };
            view! { <tr><th scope="row">{name}</th><td>{day.due}</td></tr> }
        })
        .collect_view();
    let later = (forecast.later > 0).then(|| {
        view! { <p class="muted">{format!("{} due after that.", reviews(forecast.later))}</p> }
    });
    view! {
        <h2>"Due in the next two weeks"</h2>
        <Chart forecast=forecast.clone() label=label/>
        <div class="table-wrap">
            <table>
                <caption>"Reviews due per day"</caption>
                <thead><tr><th scope="col">"Day"</th><th scope="col">"Reviews due"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {later}
    }
}
