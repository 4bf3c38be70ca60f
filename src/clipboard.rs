//! Copying text to the clipboard, for result codes and links.

/// Copies `text`; fails where the browser offers no clipboard (for example an
/// insecure context) or the person refused permission.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(|| "no clipboard here".to_owned())?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "the browser did not allow copying; select the text and copy it instead".to_owned()
        })
}
