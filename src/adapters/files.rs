//! Saving a file to the learner's device and reading one they chose.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest file read: a backup of years of daily practice is a few
/// megabytes; anything far bigger is not one.
pub const MAX_READ_BYTES: f64 = 20_000_000.0;

/// Offers `text` as a download named `name` (a JSON file).
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the browser would not {what}");
    let window = web_sys::window().ok_or_else(|| fail("give access to the page"))?;
    let document = window
        .document()
        .ok_or_else(|| fail("give access to the page"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("make the file"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("make the file"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("make a link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the file chosen in `input`, if any.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Result<Option<String>, String> {
    let Some(file) = input.files().and_then(|list| list.get(0)) else {
        return Ok(None);
    };
    if file.size() > MAX_READ_BYTES {
        return Err(format!(
            "\"{}\" is {:.0} MB, too big to be a FirstLine backup",
            file.name(),
            file.size() / 1_000_000.0
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("\"{}\" could not be read", file.name()))?;
    text.as_string()
        .map(Some)
        .ok_or_else(|| format!("\"{}\" is not a text file", file.name()))
}
