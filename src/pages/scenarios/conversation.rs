use firstline_core::content::scenario::{Channel, Scenario};
use firstline_core::scenario::play::Play;
use leptos::prelude::*;

/// One message of the conversation.
pub struct Message {
    pub from_user: bool,
    pub text: String,
}

/// The conversation so far, as messages: the user's line at each node and
/// the technician's choice, then the user's current line or the ending.
pub fn messages(s: &Scenario, play: &Play) -> Vec<Message> {
    let mut out = Vec::new();
    for turn in &play.turns {
        out.push(Message {
            from_user: true,
            text: turn.user_line.clone(),
        });
        let text = s
            .nodes
            .iter()
            .find(|n| n.id == turn.node)
            .and_then(|n| n.choices.iter().find(|c| c.id == turn.choice))
            .map(|c| play.fill(&c.text))
            .unwrap_or_default();
        out.push(Message {
            from_user: false,
            text,
        });
    }
    match play.ending(s) {
        Some(_) => out.push(Message {
            from_user: true,
            text: play.closing_text(s),
        }),
        None => out.push(Message {
            from_user: true,
            text: play.user_line(s),
        }),
    }
    out
}

/// The conversation in the form its channel takes: chat bubbles, a call
/// transcript under a call header, an email thread, or a conversation at
/// the desk.
#[component]
pub fn Conversation(scenario: StoredValue<Scenario>, play: Signal<Option<Play>>) -> impl IntoView {
    let channel = scenario.with_value(|s| s.ticket.channel);
    let subject = scenario.with_value(|s| s.ticket.subject.clone());
    let body = move || {
        let p = play.get()?;
        let name = p.name.clone();
        let msgs = scenario.with_value(|s| messages(s, &p));
        let ended = p.is_over();
        let count = msgs.len();
        let items = msgs
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let who = if m.from_user { name.clone() } else { "You".to_string() };
                let class = if m.from_user { "msg user" } else { "msg me" };
                let narration = (ended && i + 1 == count).then_some("narration");
                match channel {
                    Channel::Email => view! {
                        <li class=class>
                            <article class="mail">
                                <p class="mail-head">
                                    {format!("From: {who}")}<br/>
                                    {format!("Subject: {}{}", if i == 0 { "" } else { "Re: " }, subject)}
                                </p>
                                <p class=narration>{m.text}</p>
                            </article>
                        </li>
                    }
                    .into_any(),
                    _ => view! {
                        <li class=class>
                            <span class="who">{who}</span>
                            <p class=narration>{m.text}</p>
                        </li>
                    }
                    .into_any(),
                }
            })
            .collect_view();
        let header = match channel {
            Channel::Phone => Some(format!(
                "On a call with {} ({}, {})",
                p.name, p.role, p.department
            )),
            Channel::Chat => Some(format!(
                "Chat with {} ({}, {})",
                p.name, p.role, p.department
            )),
            Channel::Email => Some(format!(
                "Email thread with {} ({}, {})",
                p.name, p.role, p.department
            )),
            Channel::WalkUp => Some(format!(
                "{} ({}, {}) at the service desk, in person",
                p.name, p.role, p.department
            )),
        };
        Some(view! {
            <p class="conversation-head">{header}</p>
            <div role="log" aria-label="Conversation">
                <ol class=format!("conversation {}", channel.label())>{items}</ol>
            </div>
        })
    };
    view! { <section class="conversation-wrap" aria-label="Conversation with the user">{body}</section> }
}
