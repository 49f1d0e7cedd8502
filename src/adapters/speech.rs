//! The Web Speech API, where the browser has it: dictation (speech
//! recognition) and reading aloud (speech synthesis). Recognition is not in
//! web-sys's stable API, so it is reached through `js_sys::Reflect`. Every
//! call fails soft: no support means the app offers typing instead.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn recognition_constructor() -> Option<Function> {
    let w = window()?;
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .iter()
        .find_map(|name| {
            Reflect::get(&w, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.dyn_into::<Function>().ok())
        })
}

/// Whether dictation may work here (Chromium-based browsers; not Firefox).
pub fn can_dictate() -> bool {
    recognition_constructor().is_some()
}

/// Whether questions can be read aloud.
pub fn can_speak() -> bool {
    window().and_then(|w| w.speech_synthesis().ok()).is_some()
}

/// Reads text aloud, replacing anything being read.
pub fn speak(text: &str) {
    let Some(synth) = window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang("en");
        synth.speak(&utterance);
    }
}

/// A running dictation. Dropping it stops listening.
pub struct Dictation {
    recognition: JsValue,
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl Dictation {
    /// Starts listening. `on_text` gets each final phrase; `on_end` gets
    /// an error message when recognition fails (no microphone, blocked,
    /// no network) or None when it simply stops.
    pub fn start(
        on_text: impl Fn(String) + 'static,
        on_end: impl Fn(Option<String>) + 'static,
    ) -> Result<Dictation, String> {
        let constructor = recognition_constructor().ok_or("this browser cannot take dictation")?;
        let recognition = Reflect::construct(&constructor, &js_sys::Array::new())
            .map_err(|_| "dictation could not start".to_string())?;
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&recognition, &JsValue::from_str(key), &value);
        };
        set("continuous", JsValue::TRUE);
        set("interimResults", JsValue::FALSE);
        set("lang", JsValue::from_str("en-US"));

        let on_result = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let results = Reflect::get(&event, &"results".into()).unwrap_or(JsValue::UNDEFINED);
            let first = Reflect::get(&event, &"resultIndex".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32;
            let length = Reflect::get(&results, &"length".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32;
            for i in first..length {
                let result =
                    Reflect::get(&results, &JsValue::from(i)).unwrap_or(JsValue::UNDEFINED);
                let alternative =
                    Reflect::get(&result, &JsValue::from(0)).unwrap_or(JsValue::UNDEFINED);
                if let Some(text) = Reflect::get(&alternative, &"transcript".into())
                    .ok()
                    .and_then(|t| t.as_string())
                {
                    on_text(text.trim().to_owned());
                }
            }
        });
        let ended = Rc::new(RefCell::new(false));
        let on_end = Rc::new(on_end);
        let (end_once, end_handler) = (ended.clone(), on_end.clone());
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let code = Reflect::get(&event, &"error".into())
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_default();
            *end_once.borrow_mut() = true;
            end_handler(Some(match code.as_str() {
                "not-allowed" | "service-not-allowed" => {
                    "the microphone is blocked for this site".to_string()
                }
                "no-speech" => "no speech was heard".to_string(),
                "audio-capture" => "no microphone was found".to_string(),
                "network" => "the speech service could not be reached".to_string(),
                other => format!("dictation stopped ({other})"),
            }));
        });
        let on_stop = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if !*ended.borrow() {
                on_end(None);
            }
        });
        set("onresult", on_result.as_ref().clone());
        set("onerror", on_error.as_ref().clone());
        set("onend", on_stop.as_ref().clone());
        let start = Reflect::get(&recognition, &"start".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("dictation could not start")?;
        start
            .call0(&recognition)
            .map_err(|_| "dictation could not start".to_string())?;
        Ok(Dictation {
            recognition,
            _handlers: vec![on_result, on_error, on_stop],
        })
    }

    pub fn stop(&self) {
        if let Some(stop) = Reflect::get(&self.recognition, &"stop".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            let _ = stop.call0(&self.recognition);
        }
    }
}

impl Drop for Dictation {
    fn drop(&mut self) {
        self.stop();
        for key in ["onresult", "onerror", "onend"] {
            let _ = Reflect::set(&self.recognition, &JsValue::from_str(key), &JsValue::NULL);
        }
    }
}
