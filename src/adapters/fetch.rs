//! Fetching content files. A static server answers a missing file with the
//! app's index.html and status 200, so the status and the content type are
//! both checked.

use std::fmt;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    Network(String),
    Status(u16),
    NotJson(String),
    Body(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(e) => write!(f, "could not be fetched ({e})"),
            FetchError::Status(404) => f.write_str("was not found on the server (HTTP 404); rebuild so the manifest matches the files"),
            FetchError::Status(code) => write!(f, "could not be fetched: the server answered HTTP {code}"),
            FetchError::NotJson(kind) => write!(
                f,
                "the server sent \"{kind}\" instead of JSON; the file is probably missing from the build"
            ),
            FetchError::Body(e) => write!(f, "could not be read ({e})"),
        }
    }
}

/// Fetches a JSON file's text. `path` is relative to the document's base URL,
/// so it resolves the same from every route, and already percent-encoded
/// (`content::read::names::url_path`), so a `#` or `?` in a file name is
/// part of the name.
pub async fn fetch_json_text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| FetchError::Network(describe(&e)))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| FetchError::Network("not a response".into()))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !content_type.contains("json") {
        return Err(FetchError::NotJson(content_type));
    }
    let text = response
        .text()
        .map_err(|e| FetchError::Body(describe(&e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Body(describe(&e)))?;
    text.as_string()
        .ok_or_else(|| FetchError::Body("the body is not text".into()))
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
