use firstline_core::content::scenario::{Scenario, Tool};
use firstline_core::scenario::play::Play;
use leptos::prelude::*;

use crate::adapters::dom::focus_id;

/// The evidence a scenario offers: a button per tool that can be opened
/// here (with the minutes it takes) or was opened already, and the chosen
/// tool's evidence under a heading that takes the focus when it opens.
#[component]
pub fn ToolsPanel(
    scenario: StoredValue<Scenario>,
    play: RwSignal<Option<Play>>,
    announce: RwSignal<String>,
) -> impl IntoView {
    let has_tools = scenario.with_value(|s| !s.tools.is_empty());
    let shown = RwSignal::new(None::<String>);
    // (id, title, minutes, opened) for the tools to list now.
    let listed = move || -> Vec<(String, String, u32, bool)> {
        play.with(|p| {
            let Some(p) = p.as_ref() else {
                return Vec::new();
            };
            scenario.with_value(|s| {
                s.tools
                    .iter()
                    .filter(|t| p.has_seen(&t.id) || (!p.is_over() && t.available_at(&p.node)))
                    .map(|t| {
                        (
                            t.id.clone(),
                            p.fill(&t.title),
                            t.minutes(),
                            p.has_seen(&t.id),
                        )
                    })
                    .collect()
            })
        })
    };
    let open = move |id: String| {
        let result = play
            .try_update(|p| {
                p.as_mut()
                    .map(|p| scenario.with_value(|s| p.open_tool(s, &id)))
            })
            .flatten();
        let title = play.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| scenario.with_value(|s| tool_of(s, &id).map(|t| p.fill(&t.title))))
                .unwrap_or_default()
        });
        match result {
            Some(Ok(true)) => {
                let minutes = play.with_untracked(|p| p.as_ref().map_or(0, |p| p.minutes));
                announce.set(format!(
                    "Opened {title}. The clock is at {minutes} minutes."
                ));
            }
            Some(Ok(false)) => announce.set(format!("Showing {title} again.")),
            Some(Err(e)) => {
                announce.set(format!("Could not open {title}: {e}."));
                return;
            }
            None => return,
        }
        shown.set(Some(id));
        request_animation_frame(|| focus_id("evidence-heading"));
    };
    let evidence = move || {
        let id = shown.get()?;
        let p = play.get()?;
        if !p.has_seen(&id) {
            return None;
        }
        let t = scenario.with_value(|s| tool_of(s, &id).cloned())?;
        Some(view! { <Evidence tool=t play=p/> })
    };
    has_tools.then(|| {
        view! {
            <section class="tools" aria-labelledby="tools-heading">
                <h2 id="tools-heading">"Check the evidence"</h2>
                <p class="muted">"Opening a tool takes simulated minutes while the user waits; looking again is free."</p>
                <ul class="tool-list">
                    {move || listed().into_iter().map(|(id, title, minutes, opened)| {
                        let label = if opened { format!("Show {title}") } else { format!("Open {title}") };
                        let cost = if opened {
                            "(opened)".to_string()
                        } else if minutes == 1 {
                            "(1 minute)".to_string()
                        } else {
                            format!("({minutes} minutes)")
                        };
                        let class = if opened { "secondary tool" } else { "tool" };
                        view! {
                            <li>
                                <button type="button" class=class on:click=move |_| open(id.clone())>
                                    {label}" "<span class="cost">{cost}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {evidence}
            </section>
        }
    })
}

fn tool_of<'a>(s: &'a Scenario, id: &str) -> Option<&'a Tool> {
    s.tools.iter().find(|t| t.id == id)
}

/// One tool's evidence: labelled rows, then a command and its output.
#[component]
fn Evidence(tool: Tool, play: Play) -> impl IntoView {
    let rows = tool
        .content
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let value = play.fill(&r.value);
            let label = r.label.as_ref().map(|l| play.fill(l));
            let class = if label.is_some() {
                ""
            } else {
                "visually-hidden"
            };
            let label = label.unwrap_or_else(|| format!("Entry {}", i + 1));
            view! {
                <div class="row"><dt class=class>{label}</dt><dd>{value}</dd></div>
            }
        })
        .collect_view();
    let has_rows = !tool.content.rows.is_empty();
    let command = tool
        .content
        .command
        .as_ref()
        .map(|c| view! { <p><strong>"Command: "</strong><code>{play.fill(c)}</code></p> });
    let output = tool.content.output.as_ref().map(|o| {
        view! { <pre aria-label=format!("Output of {}", play.fill(&tool.title))>{play.fill(o)}</pre> }
    });
    view! {
        <section class="evidence" aria-labelledby="evidence-heading">
            <h3 id="evidence-heading" tabindex="-1">{play.fill(&tool.title)}</h3>
            <p class="muted">{format!("{} \u{b7} {}", capitalised(tool.kind.label()), play.name)}</p>
            {has_rows.then(|| view! { <dl class="evidence-rows">{rows}</dl> })}
            {command}
            {output}
        </section>
    }
}

fn capitalised(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
