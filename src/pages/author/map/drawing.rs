//! The map as SVG. Each box is focusable, in reading order (column by
//! column, top to bottom), and named by its description, so a keyboard
//! user can walk the drawing; the drawing scrolls in its own box.

use std::sync::Arc;

use firstline_core::scenario::map::{MapItem, MapLink, ScenarioMap, BOX_H, BOX_W};
use leptos::prelude::*;

/// Characters of an id that fit in a box.
const FIT: usize = 20;

#[component]
pub fn Drawing(map: Signal<Arc<ScenarioMap>>) -> impl IntoView {
    move || {
        let m = map.get();
        let links = m
            .links
            .iter()
            // The best path is drawn last, on top.
            .filter(|l| !l.best)
            .chain(m.links.iter().filter(|l| l.best))
            .filter_map(|l| arrow(&m, l))
            .collect_view();
        let boxes = m.items.iter().map(item_box).collect_view();
        view! {
            <div class="map-scroll" tabindex="-1">
                <svg class="map-svg" width=m.width height=m.height viewBox=format!("0 0 {} {}", m.width, m.height)
                    role="group" aria-label="Scenario map: nodes and endings">
                    <defs>
                        <marker id="map-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z" class="map-arrowhead"/>
                        </marker>
                    </defs>
                    <g aria-hidden="true">{links}</g>
                    {boxes}
                </svg>
            </div>
        }
    }
}

fn arrow(m: &ScenarioMap, l: &MapLink) -> Option<impl IntoView> {
    let from = m.items.get(l.from)?;
    let to = m.items.get(l.to?)?;
    let (x1, y1) = (from.x + BOX_W, from.y + BOX_H / 2);
    let (x2, y2) = (to.x, to.y + BOX_H / 2);
    // Forward links go straight across; links back (or within a column)
    // bow over the boxes so they are not hidden behind them.
    let d = if to.column > from.column {
        format!("M {x1} {y1} L {x2} {y2}")
    } else {
        let top = from.y.min(to.y).saturating_sub(6);
        format!(
            "M {} {} C {} {} {} {} {} {}",
            from.x + BOX_W / 2,
            from.y,
            from.x + BOX_W / 2,
            top,
            to.x + BOX_W / 2,
            top,
            to.x + BOX_W / 2,
            to.y
        )
    };
    let class = if l.best {
        "map-link best"
    } else if l.critical.is_some() {
        "map-link critical"
    } else {
        "map-link"
    };
    Some(view! { <path d=d class=class marker-end="url(#map-arrow)"/> })
}

fn item_box(item: &MapItem) -> impl IntoView {
    let mut class = String::from(if item.ending.is_some() {
        "map-item ending"
    } else {
        "map-item"
    });
    for (on, name) in [
        (item.best, " best"),
        (item.unreachable, " unreachable"),
        (item.dead_end || item.endless, " broken"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    let mut title: String = item.id.chars().take(FIT).collect();
    if item.id.chars().count() > FIT {
        title.push('\u{2026}');
    }
    if item.dead_end || item.endless {
        title.insert_str(0, "\u{26a0} ");
    }
    let second = match (item.ending, item.scores) {
        (Some(o), Some((low, high))) if low == high => format!("{}: {low}", o.label()),
        (Some(o), Some((low, high))) => format!("{}: {low}\u{2013}{high}", o.label()),
        (Some(o), None) => o.label().to_owned(),
        (None, _) if item.start => "start".to_owned(),
        (None, _) => String::new(),
    };
    let (x, y) = (item.x, item.y);
    view! {
        <g class=class tabindex="0" role="img" aria-label=item.describe() data-id=item.id.clone()>
            <rect x=x y=y width=BOX_W height=BOX_H rx="6"/>
            <text x=x + 8 y=y + 21 aria-hidden="true">{title}</text>
            <text x=x + 8 y=y + 41 class="map-sub" aria-hidden="true">{second}</text>
        </g>
    }
}
