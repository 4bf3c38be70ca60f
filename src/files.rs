//! Files the person saves and opens: downloads made on the device from text,
//! and the text of a file they choose. Nothing goes over the network.

use crate::assessment::language::Key;
use crate::assessment::untrusted::Why;
use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), Why> {
    let refused = || Why::new(Key::PROBLEM_FILE_SAVE).text("file", name);
    let url = object_url(mime, contents).map_err(|()| refused())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(refused)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| refused())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A `blob:` URL for `contents`, made on the device; `Err` if the browser
/// refuses.
pub fn object_url(mime: &str, contents: &str) -> Result<String, ()> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(drop)?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(drop)
}

/// The first file chosen in a file input, if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// Every file chosen in a file input that allows several.
pub fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads a chosen file as text, refusing files larger than `max_bytes`
/// before reading them.
pub async fn read_text(file: &web_sys::File, max_bytes: usize) -> Result<String, Why> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(Why::new(Key::PROBLEM_FILE_EXPORT_TOO_LARGE)
            .text("file", file.name())
            .number("kb", kilobytes(size)));
    }
    read_all(file).await
}

/// Reads a chosen configuration file as text, refusing files larger than
/// `max_bytes` before reading them.
pub async fn read_config(file: &web_sys::File, max_bytes: usize) -> Result<String, Why> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(Why::new(Key::PROBLEM_FILE_CONFIG_TOO_LARGE)
            .number("kb", kilobytes(size))
            .number("max", max_bytes / 1024));
    }
    read_all(file).await
}

/// A size in bytes as whole kilobytes, rounded up: a file just over the
/// limit never reads as the limit itself.
fn kilobytes(bytes: f64) -> usize {
    (bytes / 1024.0).ceil() as usize
}

async fn read_all(file: &web_sys::File) -> Result<String, Why> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| Why::new(Key::PROBLEM_FILE_UNREADABLE).text("file", file.name()))?;
    text.as_string()
        .ok_or_else(|| Why::new(Key::PROBLEM_FILE_NOT_TEXT).text("file", file.name()))
}

/// Reads a chosen file's bytes, refusing files larger than `max_bytes`
/// before reading them: `Err` holds the file's size then, or `None` when it
/// could not be read.
pub async fn read_bytes(file: &web_sys::File, max_bytes: usize) -> Result<Vec<u8>, Option<usize>> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(Some(size as usize));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| None)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
