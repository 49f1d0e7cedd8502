use firstline_core::content::model::sim::{Acl, Column};
use firstline_core::sim::SimAnswer;
use leptos::prelude::*;

use super::TaskCtx;
use crate::adapters::dom::focus_id;

const COLUMNS: [Column; 5] = [
    Column::Action,
    Column::Protocol,
    Column::Source,
    Column::Destination,
    Column::Port,
];

/// A firewall table: Up and Down buttons order the rules, a labelled
/// select fills each blank cell. Focus follows a moved rule.
#[component]
pub fn AclSim(acl: Acl, ctx: TaskCtx) -> impl IntoView {
    let rows = acl.rows.len();
    let blanks = acl.blanks().len();
    let default = acl.default;
    let acl = StoredValue::new(acl);
    let announce = RwSignal::new(String::new());
    let current = move || match ctx.sim_answer() {
        Some(SimAnswer::Acl { order, values }) if order.len() == rows && values.len() == blanks => {
            (order, values)
        }
        _ => acl.with_value(|a| (a.start.clone(), vec![None; blanks])),
    };
    let move_row = move |from: usize, to: usize, written: usize, up: bool| {
        let (mut order, values) = current();
        if to >= order.len() || from >= order.len() {
            return;
        }
        order.swap(from, to);
        ctx.set_sim(SimAnswer::Acl { order, values });
        announce.set(format!("Rule moved to position {} of {rows}.", to + 1));
        // Keep focus on the moved rule: the same button, or the other one
        // once it reaches an end.
        let at_end = if up { to == 0 } else { to + 1 == rows };
        let button = if up != at_end { "up" } else { "down" };
        let id = ctx.id(&format!("acl-{button}-{written}"));
        request_animation_frame(move || focus_id(&id));
    };
    // The table is drawn again on every change, so focus goes back to the
    // control that made it.
    let set_value = move |blank: usize, value: String, id: String| {
        let (order, mut values) = current();
        if let Some(slot) = values.get_mut(blank) {
            *slot = (!value.is_empty()).then_some(value);
        }
        ctx.set_sim(SimAnswer::Acl { order, values });
        request_animation_frame(move || focus_id(&id));
    };
    let body = move || {
        let (order, values) = current();
        acl.with_value(|a| {
            let blank_list = a.blanks();
            order
                .iter()
                .enumerate()
                .map(|(position, &written)| {
                    let Some(row) = a.rows.get(written) else {
                        return ().into_any();
                    };
                    let cells = COLUMNS
                        .iter()
                        .map(|&column| {
                            match blank_list.iter().position(|&b| b == (written, column)) {
                                Some(blank) => {
                                    let chosen = values.get(blank).cloned().flatten().unwrap_or_default();
                                    let options = a
                                        .options(column)
                                        .into_iter()
                                        .map(|o| {
                                            let selected = o == chosen;
                                            view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                                        })
                                        .collect_view();
                                    let label = format!("Rule {} {}", position + 1, column.name());
                                    let id = ctx.id(&format!("acl-{written}-{}", column.name()));
                                    let again = id.clone();
                                    view! {
                                        <td>
                                            <select id=id aria-label=label disabled=move || ctx.reveal.get()
                                                on:change=move |ev| set_value(blank, event_target_value(&ev), again.clone())>
                                                <option value="" selected=chosen.is_empty()>"Choose\u{2026}"</option>
                                                {options}
                                            </select>
                                        </td>
                                    }
                                    .into_any()
                                }
                                None => view! { <td>{row.value(column)}</td> }.into_any(),
                            }
                        })
                        .collect_view();
                    let remark = row.remark.clone().unwrap_or_default();
                    let up_id = ctx.id(&format!("acl-up-{written}"));
                    let down_id = ctx.id(&format!("acl-down-{written}"));
                    view! {
                        <tr>
                            <th scope="row">{position + 1}</th>
                            {cells}
                            <td>{remark}</td>
                            <td class="step-buttons">
                                <button type="button" id=up_id class="secondary small"
                                    aria-label=format!("Move rule {} up", position + 1)
                                    disabled=move || ctx.reveal.get() || position == 0
                                    on:click=move |_| move_row(position, position.wrapping_sub(1), written, true)>"Up"</button>
                                <button type="button" id=down_id class="secondary small"
                                    aria-label=format!("Move rule {} down", position + 1)
                                    disabled=move || ctx.reveal.get() || position + 1 == rows
                                    on:click=move |_| move_row(position, position + 1, written, false)>"Down"</button>
                            </td>
                        </tr>
                    }
                    .into_any()
                })
                .collect_view()
        })
    };
    view! {
        <div class="acl">
            <p class="muted hint">"Rules are read from the top; the first that matches decides. Order them with Up and Down and fill each blank cell."</p>
            <div class="table-scroll" role="region" aria-label="Firewall rules table" tabindex="0">
                <table class="acl-table">
                    <caption>{format!("Firewall rules (traffic no rule matches: {})", default.name())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            <th scope="col">"Action"</th>
                            <th scope="col">"Protocol"</th>
                            <th scope="col">"Source"</th>
                            <th scope="col">"Destination"</th>
                            <th scope="col">"Port"</th>
                            <th scope="col">"Remark"</th>
                            <th scope="col">"Move"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        </div>
    }
}
