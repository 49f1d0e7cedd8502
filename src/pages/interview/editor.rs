use firstline_core::interview::words::word_count;
use firstline_core::interview::{Part, StarAnswer};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::adapters::clock::now_ms;
use crate::adapters::speech::{can_dictate, Dictation};
use crate::state::progress::use_story_starts;

/// What was dictated: the words and how long it took, for pace and
/// fillers per minute.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spoken {
    pub text: String,
    pub seconds: f64,
}

/// A "Dictate" button that appends what is heard through `on_text`.
/// Renders nothing where the browser cannot take dictation.
#[component]
pub fn DictateButton(
    label: String,
    on_text: Callback<String>,
    spoken: RwSignal<Spoken>,
) -> impl IntoView {
    if !can_dictate() {
        return ().into_any();
    }
    let session = StoredValue::new_local(None::<Dictation>);
    let started = StoredValue::new(0u64);
    let listening = RwSignal::new(false);
    let problem = RwSignal::new(String::new());
    let stop = move || {
        session.update_value(|s| *s = None);
        if listening.get_untracked() {
            let secs = now_ms().saturating_sub(started.get_value()) as f64 / 1000.0;
            spoken.update(|s| s.seconds += secs);
        }
        listening.set(false);
    };
    let toggle = move |_| {
        if listening.get_untracked() {
            stop();
            return;
        }
        problem.set(String::new());
        let result = Dictation::start(
            move |text| {
                spoken.update(|s| {
                    s.text.push(' ');
                    s.text.push_str(&text);
                });
                on_text.run(text);
            },
            move |error| {
                if let Some(e) = error {
                    problem.set(format!("Dictation stopped: {e}. You can keep typing."));
                }
                stop();
            },
        );
        match result {
            Ok(d) => {
                started.set_value(now_ms());
                session.set_value(Some(d));
                listening.set(true);
            }
            Err(e) => problem.set(format!(
                "Dictation is not available: {e}. Type your answer instead."
            )),
        }
    };
    on_cleanup(move || session.update_value(|s| *s = None));
    view! {
        <span class="dictate">
            <button type="button" class="secondary small" aria-pressed=move || listening.get().to_string() on:click=toggle>
                {move || if listening.get() { format!("Stop dictating {label}") } else { format!("Dictate {label}") }}
            </button>
            <span role="status" class="muted">{move || problem.get()}</span>
        </span>
    }
    .into_any()
}

fn append(signal: RwSignal<StarAnswer>, part: Part, text: &str) {
    signal.update(|a| {
        if let Some(field) = a.part_mut(part) {
            if !field.is_empty() && !field.ends_with(' ') {
                field.push(' ');
            }
            field.push_str(text);
        }
    });
}

/// The STAR answer editor: four labelled parts with live word counts, or
/// one text whose parts are detected; optional dictation; start from a
/// saved story.
#[component]
pub fn StarEditor(
    answer: RwSignal<StarAnswer>,
    spoken: RwSignal<Spoken>,
    #[prop(optional)] key: String,
) -> impl IntoView {
    let stories = use_story_starts();
    let one_text = RwSignal::new(false);
    let free = RwSignal::new(String::new());
    // Finding the parts of one text is fetched when that is chosen; text
    // typed before it arrives is split once it does.
    let splitter = RwSignal::new(None::<Splitter>);
    let stale = StoredValue::new(false);
    let failed = RwSignal::new(false);
    let resplit = move || match splitter.get_untracked() {
        Some(split) => answer.set(split(&free.get_untracked())),
        None => stale.set_value(true),
    };
    let fetch_splitter = move || {
        if splitter.with_untracked(Option::is_some) {
            return;
        }
        leptos::task::spawn_local(async move {
            match load_splitter().await {
                Ok(split) => {
                    splitter.set(Some(split));
                    failed.set(false);
                    if stale.get_value() {
                        stale.set_value(false);
                        answer.set(split(&free.get_untracked()));
                    }
                }
                Err(_) => failed.set(true),
            }
        });
    };
    let key = StoredValue::new(key);
    let id = move |part: &str| format!("star-{}-{part}", key.get_value());
    let hints = [
        (
            Part::Situation,
            "where you were and what was going on (a sentence or two)",
        ),
        (Part::Task, "what you had to achieve"),
        (
            Part::Action,
            "what you did, step by step: the bulk of the answer",
        ),
        (
            Part::Result,
            "what happened because of it, with a number if you can",
        ),
    ];
    let fields = move || {
        hints
        .into_iter()
        .map(|(part, hint)| {
            let field_id = id(part.label());
            let count = move || word_count(answer.with(|a| a.part(part).to_owned()).as_str());
            let on_text = Callback::new(move |t: String| append(answer, part, &t));
            view! {
                <div class="field wide star-field">
                    <label for=field_id.clone()>{format!("{} \u{2014} {hint}", part.label())}</label>
                    <textarea id=field_id rows=if part == Part::Action { "6" } else { "3" }
                        prop:value=move || answer.with(|a| a.part(part).to_owned())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            answer.update(|a| if let Some(f) = a.part_mut(part) { *f = value });
                        }></textarea>
                    <p class="muted hint">
                        {move || format!("{} words", count())}
                        " "
                        <DictateButton label=part.label().to_lowercase() on_text=on_text spoken=spoken/>
                    </p>
                </div>
            }
        })
        .collect_view()
    };
    let free_id = id("free");
    let detected = move || {
        let a = answer.get();
        (!a.is_empty()).then(|| {
            view! {
                <div class="detected" aria-live="polite">
                    <p><strong>"How FirstLine reads your answer:"</strong></p>
                    <dl>
                        {Part::STAR.iter().map(|&p| view! {
                            <dt>{p.label()}</dt>
                            <dd>{if a.part(p).is_empty() { "(not found: add it)".to_string() } else { a.part(p).to_owned() }}</dd>
                        }).collect_view()}
                    </dl>
                </div>
            }
        })
    };
    let story_id = id("story");
    view! {
        <div class="star-editor">
            <fieldset class="filters">
                <legend>"Write your answer as"</legend>
                <span class="pill">
                    <input type="radio" id=id("mode-parts") name=id("mode") prop:checked=move || !one_text.get() on:change=move |_| one_text.set(false)/>
                    <label for=id("mode-parts")>"Four STAR parts"</label>
                </span>
                <span class="pill">
                    <input type="radio" id=id("mode-free") name=id("mode") prop:checked=move || one_text.get() on:change=move |_| {
                        free.set(answer.with(|a| Part::STAR.iter().map(|p| a.part(*p)).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")));
                        one_text.set(true);
                        fetch_splitter();
                    }/>
                    <label for=id("mode-free")>"One text (parts detected)"</label>
                </span>
            </fieldset>
            <Show when=move || stories.with(|s| !s.is_empty())>
                <div class="field">
                    <label for=story_id.clone()>"Start from a saved story"</label>
                    <select id=story_id.clone() on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        if let Some(s) = stories.with(|all| all.iter().find(|s| s.id == chosen).cloned()) {
                            answer.set(s.answer);
                            free.set(String::new());
                            one_text.set(false);
                        }
                    }>
                        <option value="">"Choose a story\u{2026}"</option>
                        {move || stories.get().into_iter().map(|s| view! { <option value=s.id>{s.title}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || one_text.get() fallback=fields>
                <div class="field wide">
                    <label for=free_id.clone()>"Your answer"</label>
                    <textarea id=free_id.clone() rows="10" prop:value=move || free.get() on:input=move |ev| {
                        free.set(event_target_value(&ev));
                        resplit();
                    }></textarea>
                    <p class="muted hint">{move || format!("{} words", word_count(&free.get()))}" "
                        <DictateButton label="answer".to_string() spoken=spoken on_text=Callback::new(move |t: String| {
                            free.update(|f| { if !f.is_empty() { f.push(' '); } f.push_str(&t); });
                            resplit();
                        })/>
                    </p>
                </div>
                <Show when=move || failed.get()>
                    <div class="notice warning" role="alert">
                        <p>"Could not download the code that finds the parts of your answer. Check your connection, then try again."</p>
                        <button type="button" on:click=move |_| fetch_splitter()>"Try again"</button>
                    </div>
                </Show>
                {detected}
            </Show>
        </div>
    }
}

/// Splits one text into its STAR parts.
type Splitter = fn(&str) -> StarAnswer;

/// `detect::split` and the stemmer it uses are a wasm chunk of their own
/// (`interview_detect`): most answers are written in the four parts.
#[leptos::wasm_split::wasm_split(interview_detect, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_splitter() -> Result<Splitter, SplitLoaderError> {
    Ok(firstline_core::interview::detect::split)
}
