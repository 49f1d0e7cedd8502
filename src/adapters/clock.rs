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

/// A day in the reader's own format ("3 Dec 2026" or "12/3/2026").
pub fn format_day(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED))
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
    if to <= from {
        return "now".into();
    }
    let minutes = (to - from) / 60_000;
    match minutes {
        // Not "now": it is not due yet.
        0 => "in under a minute".into(),
        1..=89 => format!("in {minutes} minute{}", if minutes == 1 { "" } else { "s" }),
        90..=2159 => format!("in {} hours", (minutes + 30) / 60),
        _ => format!("in {} days", (minutes + 720) / 1440),
    }
}

/// Milliseconds from the browser's clock, for measuring short spans.
fn now_f64() -> f64 {
    js_sys::Date::now()
}

/// A span of work on the main thread that should give way to the browser
/// (painting, input) once it has run for `limit_ms`.
pub struct Slice {
    started: f64,
    limit_ms: f64,
}

impl Slice {
    /// Long enough to get work done, short enough that on a phone (about
    /// four times slower than a laptop) no task passes the 50 ms that
    /// counts as blocking.
    pub const DEFAULT_MS: f64 = 10.0;

    pub fn start(limit_ms: f64) -> Self {
        Slice {
            started: now_f64(),
            limit_ms,
        }
    }

    /// Gives way to the browser if this slice is spent, then starts the
    /// next one.
    pub async fn maybe_yield(&mut self) {
        if now_f64() - self.started >= self.limit_ms {
            next_task().await;
            self.started = now_f64();
        }
    }
}

/// Resumes in a later task, after the browser has had its turn.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(scheduled, Some(Ok(_))) {
            // No timer to wait for: carry on at once rather than never.
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    // The promise only ever resolves.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The browser's local time's offset from UTC at `at`, in minutes east
/// (what the core's day counting takes). `getTimezoneOffset` counts the
/// other way, minutes west.
pub fn utc_offset_minutes(at: u64) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let west = date.get_timezone_offset();
    if west.is_finite() {
        // Real offsets are within ±14 hours; `as` saturates anything else.
        -(west.round() as i32)
    } else {
        0
    }
}

/// The UTC day of a time as "2026-11-22", for file names: they sort by it
/// and read the same in every locale.
pub fn iso_day(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    date.to_iso_string()
        .as_string()
        .and_then(|text| text.get(..10).map(str::to_owned))
        .unwrap_or_else(|| ms.to_string())
}
