//! What Tandem keeps in this browser's `localStorage`: a respondent's
//! progress and a facilitator's workshop, each under its own key.
//!
//! Every call here can fail in ordinary use: storage may be full, switched off,
//! or (inside a third-party frame) throw on mere access. Each failure comes back
//! as a value the app can explain; none is allowed to stop the app.

use crate::assessment::saved::{self, SavedError, WorkshopRecord};
use crate::assessment::{Bank, Progress};
use wasm_bindgen::JsCast;

/// The respondent's progress.
const PROGRESS: &str = "tandem.progress";
/// The facilitator's workshop.
const WORKSHOP: &str = "tandem.workshop";

/// Why nothing is written once Tandem has failed (see `recovery`).
const STOPPED: &str = "Tandem stopped after an error, so it saves nothing more";

/// Why nothing is written over what a newer Tandem saved after this page
/// started.
const NEWER: &str = "a newer version of Tandem has saved its own data on this device since this \
     page was opened, and this older version will not write over it. Reload the page to use the \
     newer version";

/// The text saved under each of Tandem's keys, as it is: for the copy the
/// recovery screen offers. `None` for a key with nothing saved or that
/// cannot be read.
pub fn saved_text() -> Vec<(&'static str, Option<String>)> {
    let storage = local_storage();
    [PROGRESS, WORKSHOP]
        .into_iter()
        .map(|key| {
            (
                key,
                storage
                    .as_ref()
                    .and_then(|s| s.get_item(key).ok().flatten()),
            )
        })
        .collect()
}

/// What was found in storage when the app started.
pub enum Loaded<T> {
    /// Nothing saved.
    Nothing,
    /// Saved data, read and fitted to the bank.
    Found(T),
    /// Something is saved but cannot be used; it must not be overwritten
    /// without telling the person.
    Unreadable(String),
    /// Saved by a newer version of Tandem: this one must neither read it nor
    /// write over it.
    Newer(String),
    /// Storage cannot be used at all in this browser or frame.
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load<T>(key: &str, read: impl FnOnce(&str) -> Result<T, SavedError>) -> Loaded<T> {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    match storage.get_item(key) {
        Ok(None) => Loaded::Nothing,
        Ok(Some(text)) => match read(&text) {
            Ok(value) => Loaded::Found(value),
            Err(e @ SavedError::Newer { .. }) => Loaded::Newer(e.to_string()),
            Err(e) => Loaded::Unreadable(e.to_string()),
        },
        Err(_) => Loaded::Unavailable,
    }
}

/// Storage that `key` may be written to now: not after a failure, and never
/// over data in a newer format than this Tandem writes. Data read at start
/// was checked then; this catches a newer version of Tandem that saved since,
/// in another tab after an update, so the older page does not destroy it.
fn writable(key: &str) -> Result<web_sys::Storage, String> {
    if crate::recovery::stopped() {
        return Err(STOPPED.to_owned());
    }
    let storage = local_storage().ok_or_else(unavailable)?;
    let current = storage.get_item(key).ok().flatten();
    if current
        .and_then(|text| saved::schema_of(&text))
        .is_some_and(|schema| schema > saved::SCHEMA)
    {
        return Err(NEWER.to_owned());
    }
    Ok(storage)
}

fn save(key: &str, text: &str) -> Result<(), String> {
    writable(key)?.set_item(key, text).map_err(explain)
}

fn forget(key: &str) -> Result<(), String> {
    writable(key)?.remove_item(key).map_err(explain)
}

/// Reads saved progress.
pub fn load_progress(bank: &Bank) -> Loaded<Progress> {
    load(PROGRESS, |text| saved::decode(bank, text))
}

/// Saves progress, replacing what was saved before.
pub fn save_progress(bank: &Bank, progress: &Progress) -> Result<(), String> {
    save(PROGRESS, &saved::encode(bank, progress))
}

/// Forgets saved progress.
pub fn forget_progress() -> Result<(), String> {
    forget(PROGRESS)
}

/// Reads the saved workshop.
pub fn load_workshop(bank: &Bank) -> Loaded<WorkshopRecord> {
    load(WORKSHOP, |text| saved::decode_workshop(bank, text))
}

/// Saves the workshop, replacing what was saved before.
pub fn save_workshop(bank: &Bank, record: &WorkshopRecord) -> Result<(), String> {
    save(WORKSHOP, &saved::encode_workshop(bank, record))
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
