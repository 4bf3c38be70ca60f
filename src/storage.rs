//! Progress kept in this browser's `localStorage`, and nothing else.
//!
//! Every call here can fail in ordinary use: storage may be full, switched off,
//! or (inside a third-party frame) throw on mere access. Each failure comes back
//! as a value the app can explain; none is allowed to stop the assessment.

use crate::assessment::{saved, Bank, Progress};
use wasm_bindgen::JsCast;

/// The one key Tandem writes.
const KEY: &str = "tandem.progress";

/// What was found in storage when the app started.
pub enum Loaded {
    /// No saved progress.
    Nothing,
    /// Saved progress, fitted to the bank.
    Progress(Progress),
    /// Something is saved but cannot be used; it must not be overwritten
    /// without telling the person.
    Unreadable(String),
    /// Storage cannot be used at all in this browser or frame.
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads saved progress.
pub fn load(bank: &Bank) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    match storage.get_item(KEY) {
        Ok(None) => Loaded::Nothing,
        Ok(Some(text)) => match saved::decode(bank, &text) {
            Ok(progress) => Loaded::Progress(progress),
            Err(e) => Loaded::Unreadable(e.to_string()),
        },
        Err(_) => Loaded::Unavailable,
    }
}

/// Saves progress, replacing what was saved before.
pub fn save(bank: &Bank, progress: &Progress) -> Result<(), String> {
    let storage = local_storage().ok_or_else(unavailable)?;
    storage
        .set_item(KEY, &saved::encode(bank, progress))
        .map_err(explain)
}

/// Forgets saved progress.
pub fn forget() -> Result<(), String> {
    let storage = local_storage().ok_or_else(unavailable)?;
    storage.remove_item(KEY).map_err(explain)
}

fn unavailable() -> String {
    "this browser is not letting Tandem store anything".to_owned()
}

fn explain(error: wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => {
            "this browser's storage for the page is full".to_owned()
        }
        Some(e) => format!("the browser refused ({})", e.name()),
        None => "the browser refused".to_owned(),
    }
}
