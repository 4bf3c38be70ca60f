//! Copying text to the clipboard, for result codes and links.

use crate::assessment::language::Key;
use crate::assessment::untrusted::Why;

/// Copies `text`; fails where the browser offers no clipboard (for example an
/// insecure context) or the person refused permission.
pub async fn copy(text: &str) -> Result<(), Why> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(|| Why::new(Key::PROBLEM_CLIPBOARD_NONE))?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| Why::new(Key::PROBLEM_CLIPBOARD_REFUSED))
}
