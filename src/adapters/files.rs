//! Saving a file to the learner's device and reading one they chose.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest file read: a backup of years of daily practice is a few
/// megabytes; anything far bigger is not one.
pub const MAX_READ_BYTES: f64 = 20_000_000.0;

/// Offers `text` as a download named `name` (a JSON file).
pub fn download(name: &str, text: &str) -> Result<(), String> {
    download_as(name, text, "application/json")
}

/// Offers `text` as a download named `name`, of the media type `mime`
/// (such as "text/csv;charset=utf-8").
pub fn download_as(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the browser would not {what}");
    let window = web_sys::window().ok_or_else(|| fail("give access to the page"))?;
    let document = window
        .document()
        .ok_or_else(|| fail("give access to the page"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
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

/// The files chosen in a file input, taken out of it at once: clearing the
/// input (so the same file can be chosen again) empties its list.
pub fn chosen(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    input.files().map(files_of).unwrap_or_default()
}

/// The files dropped on the page (a dropped folder is not a file: folders
/// are chosen with a folder input).
pub fn dropped(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    event
        .data_transfer()
        .and_then(|d| d.files())
        .map(files_of)
        .unwrap_or_default()
}

fn files_of(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// How much `read_list` reads: at most `files` files, each up to `each`
/// bytes and together up to `total`, a bound on the memory a mistaken
/// choice takes. `advice` ends the message for a file over `each`.
#[derive(Clone, Copy)]
pub struct ReadLimits {
    pub files: usize,
    pub each: f64,
    pub total: f64,
    pub advice: &'static str,
}

/// Reads `list` a file at a time, giving way to the browser between files
/// so a large choice never freezes the page: each file's name (its path
/// within the folder, for a folder) and text, or why it was not read. Only
/// names ending in `.json` are read from a folder.
pub async fn read_list(
    list: Vec<web_sys::File>,
    limits: ReadLimits,
) -> Vec<(String, Result<String, String>)> {
    let mut out = Vec::new();
    let mut total = 0.0;
    for file in list {
        // Where the file sits in a chosen folder (empty otherwise); not in
        // web-sys, so read as a property.
        let folder_path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let name = if folder_path.is_empty() {
            file.name()
        } else if !folder_path.ends_with(".json") {
            // A folder holds other files too (notes, images): skip them.
            continue;
        } else {
            folder_path
        };
        let size = file.size();
        let text = if out.len() >= limits.files {
            Err(format!(
                "not read: at most {} files are read at once",
                limits.files
            ))
        } else if size > limits.each {
            Err(format!(
                "not read: it is {:.1} MB, and a file is read up to {:.0} MB here; {}",
                size / 1_000_000.0,
                limits.each / 1_000_000.0,
                limits.advice
            ))
        } else if total + size > limits.total {
            Err(format!(
                "not read: the files come to more than {:.0} MB together; add this one on its own",
                limits.total / 1_000_000.0
            ))
        } else {
            total += size;
            JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .ok_or_else(|| "the browser could not read it as text".to_owned())
        };
        out.push((name, text));
        super::clock::next_task().await;
    }
    out
}
