/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// A date and time in the reader's locale, such as "22 Nov 2026, 14:05".
pub fn format_date(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// A duration as "m:ss", or "h:mm:ss" from an hour up.
pub fn format_clock(ms: u64) -> String {
    let total = ms / 1000;
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A time from now in words: "now", "in 8 minutes", "in 3 hours", "in 2 days".
pub fn format_until(from: u64, to: u64) -> String {
    let minutes = to.saturating_sub(from) / 60_000;
    match minutes {
        0 => "now".into(),
        1..=89 => format!("in {minutes} minute{}", if minutes == 1 { "" } else { "s" }),
        90..=2159 => format!("in {} hours", (minutes + 30) / 60),
        _ => format!("in {} days", (minutes + 720) / 1440),
    }
}
