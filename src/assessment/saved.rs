//! The formats progress and a facilitator's workshop are saved in, and how
//! saved text is read back.
//!
//! Saved data is untrusted: another version of Tandem, another bank, a browser
//! extension or a person may have written it. [`decode`] turns it into
//! [`Progress`] that fits the bank, or says plainly why it cannot, so the app
//! can leave it untouched instead of overwriting it.

use super::bank::Bank;
/// The largest anonymity threshold, which a restored workshop keeps within;
/// a configuration's limit, also named here where the room reads it.
pub use super::config::MAX_THRESHOLD;
use super::language::Key;
use super::plan::ActionPlan;
use super::progress::Progress;
use super::untrusted::{unusable, Place, Problem, Why};
use super::workshop::{RestoreError, SavedWorkshop, Workshop, DEFAULT_ANONYMITY_THRESHOLD};
use serde::{Deserialize, Serialize};

/// Version of the saved format. Raise it when the shape changes, and teach
/// [`decode`] to read the older shapes.
///
/// - 1: the bank's id and the progress (a workshop: the codes, the threshold
///   and the plan).
/// - 2: saved progress and workshops also carry their revision, so two tabs
///   never save over each other unawares ([`revision_of`]). Format 1, and a
///   workshop saved before workshops had revisions, reads as revision 0.
pub const SCHEMA: u32 = 2;

/// Saved text larger than this is refused before parsing; real progress is a
/// few kilobytes.
const MAX_SAVED_BYTES: usize = 256 * 1024;

#[derive(Serialize)]
struct SavedRef<'a> {
    schema: u32,
    bank: &'a str,
    revision: u64,
    progress: &'a Progress,
}

/// The rest of a saved record, read once its version is known to be readable.
#[derive(Deserialize)]
struct Saved {
    bank: String,
    progress: Progress,
}

/// Only the version, read first so that data from a newer Tandem is recognised
/// as such even when the rest of its shape is unknown.
#[derive(Deserialize)]
struct Versioned {
    schema: u32,
}

/// Only the revision of saved progress or a workshop; format 1 had none.
#[derive(Deserialize)]
struct Revisioned {
    schema: u32,
    #[serde(default)]
    revision: u64,
}

/// How many times the saved progress or workshop in `text` has been saved,
/// across every tab: what a tab compares with the revision it last read or wrote before
/// saving over it. `None` for text this version cannot read the revision of
/// (damaged, or from a newer Tandem), which must not be saved over.
pub fn revision_of(text: &str) -> Option<u64> {
    let saved: Revisioned = serde_json::from_str(text).ok()?;
    (saved.schema <= SCHEMA).then_some(saved.revision)
}

/// Why saved progress or a saved workshop could not be used. Its
/// [`words`](SavedError::words) say so in the reader's language, as a
/// clause the screen's sentence goes on from; `Display` in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Written by a newer version of Tandem than this one.
    // An older copy of Tandem meets these after a newer one ran on this
    // device: the newer version is what reads them, and a reload (or the
    // Reload of "A new version of Tandem is ready") brings it.
    Newer { schema: u32 },
    /// Answers to a different question bank.
    OtherBank { bank: String },
    /// Not something Tandem wrote, or damaged: what is wrong, and where.
    Damaged { reason: Problem },
    /// A saved workshop whose own shape this Tandem cannot restore.
    Workshop(RestoreError),
}

/// The checks every saved record passes, in order: a sane size, a format
/// version this Tandem reads (read first, so data from a newer Tandem is
/// recognised whatever its shape), the expected shape, and the same bank.
fn read<T: serde::de::DeserializeOwned>(
    bank: &Bank,
    text: &str,
    max_bytes: usize,
    bank_of: impl Fn(&T) -> &String,
) -> Result<T, SavedError> {
    if text.len() > max_bytes {
        return Err(SavedError::Damaged {
            reason: Problem::new(
                Place::File,
                Why::new(Key::PROBLEM_SAVED_TOO_LARGE).number("kb", text.len().div_ceil(1024)),
            ),
        });
    }
    let damaged = |e: serde_json::Error| SavedError::Damaged {
        reason: unusable(&e, Place::File),
    };
    let Versioned { schema } = serde_json::from_str(text).map_err(damaged)?;
    if schema > SCHEMA {
        return Err(SavedError::Newer { schema });
    }
    let saved: T = serde_json::from_str(text).map_err(damaged)?;
    if bank_of(&saved) != bank.id() {
        return Err(SavedError::OtherBank {
            bank: bank_of(&saved).clone(),
        });
    }
    Ok(saved)
}

/// Saves progress as text, as its first revision.
pub fn encode(bank: &Bank, progress: &Progress) -> String {
    encode_revision(bank, progress, 1)
}

/// Saves progress as text, marked as its `revision`th save.
pub fn encode_revision(bank: &Bank, progress: &Progress, revision: u64) -> String {
    let saved = SavedRef {
        schema: SCHEMA,
        bank: bank.id(),
        revision,
        progress,
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads saved text back into progress that fits `bank`.
pub fn decode(bank: &Bank, text: &str) -> Result<Progress, SavedError> {
    let saved: Saved = read(bank, text, MAX_SAVED_BYTES, |s: &Saved| &s.bank)?;
    Ok(saved.progress.fitted_to(bank))
}

/// A facilitator's workshop as the app keeps it: the gathered codes, the
/// anonymity threshold and the team's action plan.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopRecord {
    pub workshop: Workshop,
    pub threshold: usize,
    pub plan: ActionPlan,
}

#[derive(Serialize)]
struct WorkshopRef<'a> {
    schema: u32,
    bank: &'a str,
    revision: u64,
    workshop: SavedWorkshop,
    threshold: usize,
    plan: &'a ActionPlan,
}

#[derive(Deserialize)]
struct SavedRecord {
    bank: String,
    workshop: SavedWorkshop,
    #[serde(default = "default_threshold")]
    threshold: usize,
    #[serde(default)]
    plan: ActionPlan,
}

fn default_threshold() -> usize {
    DEFAULT_ANONYMITY_THRESHOLD
}

/// Saves a workshop as text, marked as its `revision`th save.
pub fn encode_workshop(bank: &Bank, record: &WorkshopRecord, revision: u64) -> String {
    let saved = WorkshopRef {
        schema: SCHEMA,
        bank: bank.id(),
        revision,
        workshop: record.workshop.saved(),
        threshold: record.threshold,
        plan: &record.plan,
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads a saved workshop back. Codes that no longer read are kept in the
/// workshop (listed as unreadable) rather than dropped.
pub fn decode_workshop(bank: &Bank, text: &str) -> Result<WorkshopRecord, SavedError> {
    let saved = read_workshop(bank, text)?;
    let (workshop, _) = Workshop::restore(bank, saved.workshop).map_err(SavedError::Workshop)?;
    let threshold = saved.threshold.clamp(1, MAX_THRESHOLD);
    Ok(WorkshopRecord {
        workshop,
        threshold,
        plan: saved.plan.fitted_to(bank),
    })
}

/// Whether [`decode_workshop`] reads `text`, found without reading its
/// codes (a saving tab asks before every save, and a room may hold
/// thousands).
pub fn workshop_is_readable(bank: &Bank, text: &str) -> bool {
    read_workshop(bank, text).is_ok_and(|saved| saved.workshop.check().is_ok())
}

/// The checks of [`read`] on a saved workshop.
fn read_workshop(bank: &Bank, text: &str) -> Result<SavedRecord, SavedError> {
    read(bank, text, MAX_SAVED_WORKSHOP_BYTES, |s: &SavedRecord| {
        &s.bank
    })
}

/// A workshop of 10,000 participants saves in about 400 KB; allow room.
const MAX_SAVED_WORKSHOP_BYTES: usize = 4 * 1024 * 1024;

/// A configuration kept for the next visit: its text, the mark of the
/// site's own file it was chosen over ([`super::config::site_mark`]), and
/// whether it came from a link (or else from a file the person imported).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptConfig {
    /// The configuration's text, as untrusted as when it arrived.
    pub kept: String,
    /// The mark of the site's file it was chosen over; `None` when kept by
    /// a Tandem that did not record it.
    pub over: Option<String>,
    /// It came from a link rather than a file the person imported.
    pub link: bool,
}

impl KeptConfig {
    /// As saved.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What [`KeptConfig::encode`] wrote; text kept before the mark was (the
    /// configuration alone) comes back with no mark, as from a link.
    pub fn decode(stored: &str) -> KeptConfig {
        #[derive(Deserialize)]
        struct Stored {
            kept: String,
            over: String,
            link: bool,
        }
        match serde_json::from_str::<Stored>(stored) {
            Ok(s) => KeptConfig {
                kept: s.kept,
                over: Some(s.over),
                link: s.link,
            },
            Err(_) => KeptConfig {
                kept: stored.to_owned(),
                over: None,
                link: true,
            },
        }
    }
}
