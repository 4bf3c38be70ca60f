//! What the host put beside the app: a consultant's `tandem.config.json`,
//! and the build's language files (`lang/de.json`).
//!
//! It is fetched from the app's own folder by a relative URL, so it comes
//! from the same origin as the app and needs no other host. Most sites have
//! no such file; a 404 is the ordinary answer, not an error.

use crate::assessment::language::Key;
use crate::assessment::untrusted::Why;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The configuration file a host may put beside `index.html`, fetched by this
/// relative URL.
pub const CONFIG_FILE: &str = "tandem.config.json";

/// Where the loader leaves its early request for the file.
const EARLY: &str = "tandemConfigFile";

/// The configuration file's text, `None` when the site has none (404), or
/// why it could not be fetched.
///
/// The loader asks for the file before the app starts, in parallel with the
/// wasm download (`window.tandemConfigFile`, see tools/external-loader.mjs);
/// the first call takes that answer, and asks again only without one.
pub async fn config_file() -> Result<Option<String>, Why> {
    let unreachable = || Why::new(Key::PROBLEM_FETCH_UNREACHABLE);
    let unreadable = || Why::new(Key::PROBLEM_FETCH_UNREADABLE);
    let window = web_sys::window().ok_or_else(unreachable)?;
    let early = js_sys::Reflect::get(&window, &EARLY.into())
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
    let request = match early {
        Some(promise) => {
            let _ = js_sys::Reflect::delete_property(&window, &EARLY.into());
            promise
        }
        None => window.fetch_with_str(CONFIG_FILE),
    };
    // The early request answers `null` where fetching failed.
    let response = JsFuture::from(request)
        .await
        .ok()
        .filter(|response| !response.is_null())
        .ok_or_else(unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable())?;
    match response.status() {
        200 => {}
        // No file: the site runs Tandem as shipped. (A `file:` page, which
        // cannot fetch at all, ends in the error above.)
        404 | 410 => return Ok(None),
        status => {
            return Err(Why::new(Key::PROBLEM_FETCH_STATUS).text("status", status.to_string()))
        }
    }
    let text = response.text().map_err(|_| unreadable())?;
    let text = JsFuture::from(text).await.map_err(|_| unreadable())?;
    text.as_string().map(Some).ok_or_else(unreadable)
}

/// The bytes of one of the build's language files, fetched from beside the
/// app (and kept by the service worker for offline use), or why they could
/// not be.
pub async fn language_file(path: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or_else(|| "no window to fetch from".to_owned())?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "it could not be fetched".to_owned())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the browser gave no response".to_owned())?;
    if response.status() != 200 {
        return Err(format!(
            "the site answered with HTTP status {}",
            response.status()
        ));
    }
    let unreadable = || "it could not be read".to_owned();
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| unreadable())?)
        .await
        .map_err(|_| unreadable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
