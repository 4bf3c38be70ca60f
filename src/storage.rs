//! What Tandem keeps in this browser's `localStorage`: a respondent's
//! progress and a facilitator's workshop, each under a key of its question
//! bank, and a consultant's configuration opened from a link or a file.
//!
//! # Keys
//!
//! Every key belongs to the folder Tandem is served from (the page's path up
//! to its last `/`), written after a `#`, which no path holds: so two copies
//! of Tandem on one host (`/tandem-a/` and `/tandem-b/`) never read or write
//! each other's progress, workshops or configurations.
//!
//! - `tandem.progress#/tandem-a/`: progress on Tandem's standard questions;
//!   `tandem.progress.1a2b3c4d5e6f7a8b#/tandem-a/` on any other bank (another
//!   bank, or the standard one with fewer dimensions), named by its
//!   fingerprint. So a configuration with other questions never reads, mixes
//!   with or overwrites answers to the standard ones, and they are there
//!   again when the configuration is gone.
//! - `tandem.workshop…`, likewise for a facilitator's workshop.
//! - `tandem.config#/tandem-a/`: the configuration last opened from a link or
//!   a file.
//! - `tandem.language#/tandem-a/`: the language the person chose with the
//!   switcher (its code, such as `de`).
//! - `KEY.unreadable.N` and `KEY.replaced.N`: copies kept of saved data that
//!   could not be read, and of another tab's save that this page's replaced.
//!
//! Keys written before keys had a folder (`tandem.progress`, and a custom
//! bank's `tandem.progress.1a2b3c4d`) are moved to their new key the first
//! time a copy of Tandem on that host looks for it.
//!
//! # Revisions
//!
//! Progress and a workshop are saved the same way ([`Kind`]): each save
//! carries a revision one higher than the one it replaces, and a page saves
//! only over the revision it last read or wrote, so two tabs never save over
//! each other unawares ([`SaveFailure::Conflict`]). Saved text this Tandem
//! cannot use is copied aside before anything replaces it.
//!
//! Every call here can fail in ordinary use: storage may be full, switched off,
//! or (inside a third-party frame) throw on mere access. Each failure comes back
//! as a value the app can explain; none is allowed to stop the app.

use crate::assessment::language::{Key, Words};
use crate::assessment::saved::{self, SavedError, WorkshopRecord};
use crate::assessment::untrusted::Why;
use crate::assessment::{Bank, Progress};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;

static STOPPED_WRITING: AtomicBool = AtomicBool::new(false);

/// Stops every further write to storage, for good: called when Tandem has
/// failed (`recovery`), so that a broken state can never overwrite what was
/// saved before.
pub fn stop_writing() {
    STOPPED_WRITING.store(true, Ordering::Relaxed);
}

fn stopped() -> bool {
    STOPPED_WRITING.load(Ordering::Relaxed)
}

/// What is saved with revisions: a respondent's progress or a workshop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Progress,
    Workshop,
}

impl Kind {
    /// The start of its keys.
    fn base(self) -> &'static str {
        match self {
            Kind::Progress => "tandem.progress",
            Kind::Workshop => "tandem.workshop",
        }
    }

    /// The revision of this kind's saved text that this page last read or
    /// wrote (0 for none): see [`save`].
    fn seen(self) -> &'static std::thread::LocalKey<Cell<u64>> {
        match self {
            Kind::Progress => &SEEN_PROGRESS,
            Kind::Workshop => &SEEN_WORKSHOP,
        }
    }

    /// Whether `text` is saved data of this kind that Tandem can use.
    fn readable(self, bank: &Bank, text: &str) -> bool {
        match self {
            Kind::Progress => saved::decode(bank, text).is_ok(),
            Kind::Workshop => saved::workshop_is_readable(bank, text),
        }
    }
}

thread_local! {
    static SEEN_PROGRESS: Cell<u64> = const { Cell::new(0) };
    static SEEN_WORKSHOP: Cell<u64> = const { Cell::new(0) };
}

/// The configuration last opened from a link or a file, as its JSON text.
const CONFIG: &str = "tandem.config";
/// The language chosen with the switcher.
const LANGUAGE: &str = "tandem.language";
/// Between a key and the number of a copy of unreadable data it held.
const UNREADABLE: &str = ".unreadable.";
/// Between a key and the number of a copy of another tab's save.
const REPLACED: &str = ".replaced.";
/// How many copies of each sort are kept at most.
const MAX_KEPT: u32 = 5;

/// The folder Tandem is served from, as its keys end: `#` and the page's
/// path up to its last `/`.
fn folder() -> String {
    let path = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default();
    let folder = path.rfind('/').map_or("/", |end| &path[..=end]);
    format!("#{folder}")
}

/// The key of `kind` for answers to `bank`, and the key it had before keys
/// had a folder.
fn keys(kind: Kind, bank: &Bank) -> (String, String) {
    let base = kind.base();
    let (key, earlier) = if bank.is_standard() {
        (base.to_owned(), base.to_owned())
    } else {
        (
            format!("{base}.{}", bank.fingerprint()),
            format!("{base}.{:08x}", bank.short_mark()),
        )
    };
    (key + &folder(), earlier)
}

/// Whether `key` is one of this copy of Tandem's: in its folder, whether
/// a key of its own or a copy kept beside one; or written before keys had
/// a folder and not moved yet, which may be any copy's.
fn ours(key: &str, folder: &str) -> bool {
    let key = [UNREADABLE, REPLACED]
        .iter()
        .find_map(|infix| {
            let (key, number) = key.rsplit_once(infix)?;
            number.bytes().all(|b| b.is_ascii_digit()).then_some(key)
        })
        .unwrap_or(key);
    key.starts_with("tandem.")
        && match key.matches('#').count() {
            0 => true,
            1 => key.ends_with(folder),
            _ => false,
        }
}

/// The key of `kind` for `bank`, after moving there what the key it had
/// before keys had a folder holds, if it holds anything and the new one
/// nothing.
fn key_for(storage: &web_sys::Storage, kind: Kind, bank: &Bank) -> String {
    let (key, earlier) = keys(kind, bank);
    move_earlier(storage, &key, &earlier);
    key
}

/// Moves what `earlier` holds to `key`, unless `key` holds something.
fn move_earlier(storage: &web_sys::Storage, key: &str, earlier: &str) {
    if stopped() || !matches!(storage.get_item(key), Ok(None)) {
        return;
    }
    if let Ok(Some(text)) = storage.get_item(earlier) {
        // Removed only once copied, so a full storage loses nothing.
        if storage.set_item(key, &text).is_ok() {
            let _ = storage.remove_item(earlier);
        }
    }
}

/// Why nothing is written once Tandem has failed (see `recovery`).
/// The text saved under each of this copy of Tandem's keys (every bank's
/// progress and workshop, the copies kept, the configuration), as it is: for
/// the copy the recovery screen and the notices offer. `None` for a key that
/// cannot be read.
pub fn saved_text() -> Vec<(String, Option<String>)> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let folder = folder();
    keys_in(&storage)
        .filter(|key| ours(key, &folder))
        .map(|key| {
            let text = storage.get_item(&key).ok().flatten();
            (key, text)
        })
        .collect()
}

/// Every key in `storage`.
fn keys_in(storage: &web_sys::Storage) -> impl Iterator<Item = String> + '_ {
    let count = storage.length().unwrap_or(0);
    (0..count).filter_map(|i| storage.key(i).ok().flatten())
}

/// What was found in storage when the app started.
pub enum Loaded<T> {
    /// Nothing saved.
    Nothing,
    /// Saved data, read and fitted to the bank.
    Found(T),
    /// Something is saved but cannot be used; it must not be overwritten
    /// without telling the person why.
    Unreadable(Unreadable),
    /// Storage cannot be used at all in this browser or frame.
    Unavailable,
}

/// Why saved data cannot be used; the screen words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// It does not read as this Tandem's.
    Saved(SavedError),
    /// It is still where an earlier Tandem saved it, and could not be moved
    /// to its new key (the browser's storage for the page may be full).
    NotMoved,
}

impl Unreadable {
    /// Why, in `words`' language: a clause the screen's sentence goes on
    /// from.
    pub fn words(&self, words: &Words) -> String {
        match self {
            Unreadable::Saved(error) => error.words(words),
            Unreadable::NotMoved => words.get(Key::SAVED_ERROR_NOT_MOVED).to_owned(),
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Storage to write to: none once Tandem has failed ([`stop_writing`]), or
/// when the browser lets Tandem store nothing.
fn writable() -> Result<web_sys::Storage, Why> {
    if stopped() {
        return Err(Why::new(Key::PROBLEM_STORAGE_STOPPED));
    }
    local_storage().ok_or_else(unavailable)
}

/// Reads what is saved of `kind` for `bank`, and remembers its revision for
/// the next save.
fn load<T>(kind: Kind, bank: &Bank, read: impl FnOnce(&str) -> Result<T, SavedError>) -> Loaded<T> {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    let key = key_for(&storage, kind, bank);
    kind.seen().set(0);
    match storage.get_item(&key) {
        // What an earlier Tandem saved is still under its old key: moving
        // it failed (storage is full, say), and saving now would hide it.
        Ok(None) if matches!(storage.get_item(&keys(kind, bank).1), Ok(Some(_))) => {
            Loaded::Unreadable(Unreadable::NotMoved)
        }
        Ok(None) => Loaded::Nothing,
        Ok(Some(text)) => match read(&text) {
            Ok(value) => {
                kind.seen().set(revision(kind, bank, &text));
                Loaded::Found(value)
            }
            Err(e) => Loaded::Unreadable(Unreadable::Saved(e)),
        },
        Err(_) => Loaded::Unavailable,
    }
}

/// The revision of saved `text` of `kind` for `bank` that a save must have
/// seen to replace it: its own when it can be used, 0 when not (it is then
/// copied aside, and says nothing about this page's).
fn revision(kind: Kind, bank: &Bank, text: &str) -> u64 {
    if kind.readable(bank, text) {
        saved::revision_of(text).unwrap_or(0)
    } else {
        0
    }
}

/// Reads saved progress, and remembers its revision for the next save.
pub fn load_progress(bank: &Bank) -> Loaded<Progress> {
    load(Kind::Progress, bank, |text| saved::decode(bank, text))
}

/// Reads the saved workshop, and remembers its revision for the next save.
pub fn load_workshop(bank: &Bank) -> Loaded<WorkshopRecord> {
    load(Kind::Workshop, bank, |text| {
        saved::decode_workshop(bank, text)
    })
}

/// Why progress or a workshop was not saved.
pub enum SaveFailure {
    /// Another tab or window saved since this page last read or wrote it;
    /// saving now would replace what this page has not seen.
    Conflict,
    /// The browser refused, for the reason given.
    Refused(Why),
}

/// Saves `kind` for `bank` over what was saved before, as the text
/// `text_at` gives for the new revision, unless another tab saved since this
/// page last read or wrote it ([`SaveFailure::Conflict`]). Saved data this
/// Tandem cannot use is first kept under a key of its own, so that saving
/// never destroys it.
fn save_revised(
    kind: Kind,
    bank: &Bank,
    text_at: impl FnOnce(u64) -> String,
) -> Result<(), SaveFailure> {
    let refused = SaveFailure::Refused;
    let storage = writable().map_err(refused)?;
    let key = key_for(&storage, kind, bank);
    let current = storage.get_item(&key).map_err(|e| refused(explain(e)))?;
    // Saved text that this Tandem cannot use, whether damaged or well
    // formed but wrong (a field it does not know, another bank, a newer
    // format), is kept under a key of its own before anything replaces it;
    // its revision then says nothing about this page's.
    let revision = match current.as_deref() {
        None => 0,
        Some(text) if kind.readable(bank, text) => saved::revision_of(text).unwrap_or(0),
        Some(text) => {
            keep(&storage, &key, UNREADABLE, text).map_err(refused)?;
            0
        }
    };
    if revision != kind.seen().get() {
        return Err(SaveFailure::Conflict);
    }
    storage
        .set_item(&key, &text_at(revision + 1))
        .map_err(|e| refused(explain(e)))?;
    kind.seen().set(revision + 1);
    Ok(())
}

/// Saves progress ([`save_revised`]).
pub fn save_progress(bank: &Bank, progress: &Progress) -> Result<(), SaveFailure> {
    save_revised(Kind::Progress, bank, |revision| {
        saved::encode_revision(bank, progress, revision)
    })
}

/// Saves the workshop ([`save_revised`]).
pub fn save_workshop(bank: &Bank, record: &WorkshopRecord) -> Result<(), SaveFailure> {
    save_revised(Kind::Workshop, bank, |revision| {
        saved::encode_workshop(bank, record, revision)
    })
}

/// Lets this page's next save of `kind` replace what another tab saved: the
/// person chose to keep this page's, or the page took in the other's. What
/// the other tab saved is first kept under a key of its own.
pub fn take_over(kind: Kind, bank: &Bank) -> Result<(), Why> {
    let storage = writable()?;
    let key = key_for(&storage, kind, bank);
    let current = storage.get_item(&key).map_err(explain)?;
    if let Some(text) = &current {
        keep(&storage, &key, REPLACED, text)?;
    }
    let revision = current
        .as_deref()
        .map_or(0, |text| revision(kind, bank, text));
    kind.seen().set(revision);
    Ok(())
}

/// Copies `text` from `key` to the first free `KEY{infix}N`, where it stays
/// until the person clears the browser's data; nothing when an equal copy is
/// there already. With all [`MAX_KEPT`] taken, copies of another tab's save
/// ([`REPLACED`]) make room by dropping the oldest; copies of data that
/// could not be read are never dropped, and saving stops instead. `storage`
/// is [`writable`].
fn keep(storage: &web_sys::Storage, key: &str, infix: &str, text: &str) -> Result<(), Why> {
    let at = |n: u32| format!("{key}{infix}{n}");
    for n in 1..=MAX_KEPT {
        match storage.get_item(&at(n)) {
            Ok(None) => return storage.set_item(&at(n), text).map_err(explain),
            Ok(Some(kept)) if kept == text => return Ok(()),
            Ok(Some(_)) => continue,
            Err(e) => return Err(explain(e)),
        }
    }
    if infix != REPLACED {
        return Err(Why::new(Key::PROBLEM_STORAGE_NO_ROOM));
    }
    for n in 1..MAX_KEPT {
        if let Ok(Some(newer)) = storage.get_item(&at(n + 1)) {
            storage.set_item(&at(n), &newer).map_err(explain)?;
        }
    }
    storage.set_item(&at(MAX_KEPT), text).map_err(explain)
}

/// Forgets saved progress on `bank`.
pub fn forget_progress(bank: &Bank) -> Result<(), Why> {
    let storage = writable()?;
    storage
        .remove_item(&key_for(&storage, Kind::Progress, bank))
        .map_err(explain)?;
    Kind::Progress.seen().set(0);
    Ok(())
}

/// Whether this browser keeps progress on another set of questions than
/// `bank`, which stays untouched while `bank` is asked.
pub fn progress_kept_for_other_questions(bank: &Bank) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    let own = key_for(&storage, Kind::Progress, bank);
    let folder = folder();
    let base = Kind::Progress.base();
    let found = keys_in(&storage).any(|key| {
        key != own
            && ours(&key, &folder)
            && !key.contains(UNREADABLE)
            && !key.contains(REPLACED)
            && key
                .strip_prefix(base)
                .is_some_and(|rest| rest.starts_with(['.', '#']))
    });
    found
}

/// The configuration last opened from a link or a file, if any: its text,
/// which is as untrusted as when it arrived.
pub fn load_config() -> Option<String> {
    let storage = local_storage()?;
    let key = config_key(&storage);
    storage.get_item(&key).ok().flatten()
}

/// Keeps a configuration opened from a link or a file for the next visit.
pub fn save_config(text: &str) -> Result<(), Why> {
    let storage = writable()?;
    storage
        .set_item(&config_key(&storage), text)
        .map_err(explain)
}

/// Stops using the kept configuration.
pub fn forget_config() -> Result<(), Why> {
    let storage = writable()?;
    storage.remove_item(&config_key(&storage)).map_err(explain)
}

/// The language the person chose with the switcher, as kept: untrusted
/// text, which names a language or is passed over.
pub fn load_language() -> Option<String> {
    let storage = local_storage()?;
    storage
        .get_item(&format!("{LANGUAGE}{}", folder()))
        .ok()
        .flatten()
}

/// Keeps the language the person chose for the next visit.
pub fn save_language(code: &str) -> Result<(), Why> {
    let storage = writable()?;
    storage
        .set_item(&format!("{LANGUAGE}{}", folder()), code)
        .map_err(explain)
}

/// The configuration's key, after moving there what it had before keys had
/// a folder.
fn config_key(storage: &web_sys::Storage) -> String {
    let key = format!("{CONFIG}{}", folder());
    move_earlier(storage, &key, CONFIG);
    key
}

fn unavailable() -> Why {
    Why::new(Key::PROBLEM_STORAGE_NONE)
}

fn explain(error: wasm_bindgen::JsValue) -> Why {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => Why::new(Key::PROBLEM_STORAGE_FULL),
        // The exception's name is the browser's code for it, such as
        // `SecurityError`: the same in every language.
        Some(e) => Why::new(Key::PROBLEM_STORAGE_REFUSED_NAMED).text("name", e.name()),
        None => Why::new(Key::PROBLEM_STORAGE_REFUSED),
    }
}

#[cfg(test)]
mod tests {
    use super::ours;

    #[test]
    fn a_key_belongs_to_its_own_folder_only() {
        let a = "#/tandem-a/";
        for key in [
            "tandem.progress#/tandem-a/",
            "tandem.workshop.0123456789abcdef#/tandem-a/",
            "tandem.progress#/tandem-a/.unreadable.2",
            "tandem.progress#/tandem-a/.replaced.5",
            // Not moved yet: any copy's, so offered in every copy's download.
            "tandem.progress",
            "tandem.progress.unreadable.1",
        ] {
            assert!(ours(key, a), "{key}");
        }
        for key in [
            "tandem.progress#/",
            "tandem.progress#/tandem-a/b/",
            "tandem.progress#/x/tandem-a/",
            "tandem.progress#/tandem-b/.unreadable.1",
            "other.progress#/tandem-a/",
        ] {
            assert!(!ours(key, a), "{key}");
        }
        // A folder whose name holds what a copy's key does.
        let odd = "#/a.replaced.x/";
        assert!(ours("tandem.progress#/a.replaced.x/", odd));
        assert!(ours("tandem.progress#/a.replaced.x/.replaced.1", odd));
        assert!(!ours("tandem.progress#/a.replaced.x/", "#/a/"));
    }
}
