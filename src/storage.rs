//! What Tandem keeps in this browser's `localStorage`: a respondent's
//! progress and a facilitator's workshop, each under a key of its question
//! bank, and a consultant's configuration opened from a link or a file.
//!
//! Answers to Tandem's standard questions live under `tandem.progress` and
//! `tandem.workshop`, as they always have; answers to any other bank (another
//! bank, or the standard one with fewer dimensions) under the same names
//! followed by the bank's fingerprint. So a configuration with other
//! questions never reads, mixes with or overwrites answers to the standard
//! ones, and they are there again when the configuration is gone.
//!
//! Every call here can fail in ordinary use: storage may be full, switched off,
//! or (inside a third-party frame) throw on mere access. Each failure comes back
//! as a value the app can explain; none is allowed to stop the app.

use crate::assessment::saved::{self, SavedError, WorkshopRecord};
use crate::assessment::{Bank, Progress};
use wasm_bindgen::JsCast;

/// The respondent's progress (followed by a bank's fingerprint for any bank
/// but the standard one).
const PROGRESS: &str = "tandem.progress";
/// The facilitator's workshop (likewise).
const WORKSHOP: &str = "tandem.workshop";
/// The configuration last opened from a link or a file, as its JSON text.
const CONFIG: &str = "tandem.config";

/// The key `base` takes for answers to `bank`.
fn key_for(base: &str, bank: &Bank) -> String {
    if bank.fingerprint() == Bank::standard().fingerprint() {
        base.to_owned()
    } else {
        format!("{base}.{:08x}", bank.fingerprint())
    }
}

thread_local! {
    /// The revision of saved progress this page last read or wrote (0 for
    /// none): see [`save_progress`].
    static SEEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Why nothing is written once Tandem has failed (see `recovery`).
const STOPPED: &str = "Tandem stopped after an error, so it saves nothing more";

/// The text saved under each of Tandem's keys (every bank's progress and
/// workshop, copies of unreadable progress, the configuration), as it is:
/// for the copy the recovery screen and the notices offer. `None` for a key
/// that cannot be read.
pub fn saved_text() -> Vec<(String, Option<String>)> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with("tandem."))
        .map(|key| {
            let text = storage.get_item(&key).ok().flatten();
            (key, text)
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
            Err(e) => Loaded::Unreadable(e.to_string()),
        },
        Err(_) => Loaded::Unavailable,
    }
}

fn save(key: &str, text: &str) -> Result<(), String> {
    if crate::recovery::stopped() {
        return Err(STOPPED.to_owned());
    }
    let storage = local_storage().ok_or_else(unavailable)?;
    storage.set_item(key, text).map_err(explain)
}

fn forget(key: &str) -> Result<(), String> {
    if crate::recovery::stopped() {
        return Err(STOPPED.to_owned());
    }
    let storage = local_storage().ok_or_else(unavailable)?;
    storage.remove_item(key).map_err(explain)
}

/// Reads saved progress, and remembers its revision for the next save.
pub fn load_progress(bank: &Bank) -> Loaded<Progress> {
    load(&key_for(PROGRESS, bank), |text| {
        let progress = saved::decode(bank, text)?;
        SEEN.set(saved::revision_of(text).unwrap_or(0));
        Ok(progress)
    })
}

/// Whether this browser keeps progress on another set of questions than
/// `bank`, which stays untouched while `bank` is asked.
pub fn progress_kept_for_other_questions(bank: &Bank) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    let own = key_for(PROGRESS, bank);
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .any(|key| {
            key != own
                && !key.contains(UNREADABLE)
                && (key == PROGRESS
                    || key
                        .strip_prefix(PROGRESS)
                        .is_some_and(|rest| rest.starts_with('.')))
        })
}

/// Why progress was not saved.
pub enum SaveFailure {
    /// Another tab or window saved progress since this page last read or
    /// wrote it; saving now would replace answers this page has not seen.
    Conflict,
    /// The browser refused, for the reason given.
    Refused(String),
}

/// Saves progress over what was saved before, unless another tab saved since
/// this page last read or wrote it ([`SaveFailure::Conflict`]). Saved data
/// this Tandem cannot read is first kept under a key of its own, so that
/// saving never destroys it.
pub fn save_progress(bank: &Bank, progress: &Progress) -> Result<(), SaveFailure> {
    let storage = local_storage().ok_or_else(|| SaveFailure::Refused(unavailable()))?;
    let key = key_for(PROGRESS, bank);
    let current = storage
        .get_item(&key)
        .map_err(|e| SaveFailure::Refused(explain(e)))?;
    // Saved text that this Tandem cannot use, whether damaged or well
    // formed but wrong (a field it does not know, another bank, a newer
    // format), is kept under a key of its own before anything replaces it;
    // its revision then says nothing about this page's answers.
    let revision = match current.as_deref() {
        None => 0,
        Some(text) if saved::decode(bank, text).is_ok() => saved::revision_of(text).unwrap_or(0),
        Some(text) => {
            keep_unreadable(&storage, &key, text).map_err(SaveFailure::Refused)?;
            0
        }
    };
    if revision != SEEN.get() {
        return Err(SaveFailure::Conflict);
    }
    save(&key, &saved::encode_revision(bank, progress, revision + 1))
        .map_err(SaveFailure::Refused)?;
    SEEN.set(revision + 1);
    Ok(())
}

/// Lets this page's progress replace what another tab saved: the person
/// chose to keep the answers on this page.
pub fn take_over(bank: &Bank) {
    let current = local_storage()
        .and_then(|storage| storage.get_item(&key_for(PROGRESS, bank)).ok().flatten())
        .and_then(|text| saved::revision_of(&text));
    SEEN.set(current.unwrap_or(0));
}

/// Copies saved progress that cannot be read from `key` to the first free
/// `KEY.unreadable.N`, where it stays until the person clears the browser's
/// data.
fn keep_unreadable(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), String> {
    for n in 1..=MAX_KEPT {
        let kept_at = format!("{key}{UNREADABLE}{n}");
        match storage.get_item(&kept_at) {
            Ok(None) => return save(&kept_at, text),
            Ok(Some(kept)) if kept == text => return Ok(()),
            Ok(Some(_)) => continue,
            Err(e) => return Err(explain(e)),
        }
    }
    Err("there is no room left to keep the unreadable saved answers".to_owned())
}

/// Between a key and the number of an unreadable copy of what it held.
const UNREADABLE: &str = ".unreadable.";
/// How many unreadable copies are kept at most.
const MAX_KEPT: u32 = 5;

/// Forgets saved progress on `bank`.
pub fn forget_progress(bank: &Bank) -> Result<(), String> {
    forget(&key_for(PROGRESS, bank))?;
    SEEN.set(0);
    Ok(())
}

/// Reads the saved workshop.
pub fn load_workshop(bank: &Bank) -> Loaded<WorkshopRecord> {
    load(&key_for(WORKSHOP, bank), |text| {
        saved::decode_workshop(bank, text)
    })
}

/// Saves the workshop, replacing what was saved before.
pub fn save_workshop(bank: &Bank, record: &WorkshopRecord) -> Result<(), String> {
    save(
        &key_for(WORKSHOP, bank),
        &saved::encode_workshop(bank, record),
    )
}

/// The configuration last opened from a link or a file, if any: its text,
/// which is as untrusted as when it arrived.
pub fn load_config() -> Option<String> {
    local_storage()?.get_item(CONFIG).ok().flatten()
}

/// Keeps a configuration opened from a link or a file for the next visit.
pub fn save_config(text: &str) -> Result<(), String> {
    save(CONFIG, text)
}

/// Stops using the kept configuration.
pub fn forget_config() -> Result<(), String> {
    forget(CONFIG)
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
