//! Text services that the domain borrows from the platform it runs on. In
//! the browser they are the browser's own, so the app carries no tables of
//! its own for them; natively (tests, benchmarks, fuzzing) they are Rust's,
//! which follow the same Unicode rules.

/// `text` in lower case, by Unicode's case mapping: how the workshop tells
/// team labels apart whatever their case. Rust's mapping would bring its
/// tables (11 KB, 4 KB gzip) into the module a first visit downloads.
#[cfg(target_arch = "wasm32")]
pub fn lowercase(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// `text` in lower case, by Unicode's case mapping.
#[cfg(not(target_arch = "wasm32"))]
pub fn lowercase(text: &str) -> String {
    text.to_lowercase()
}
