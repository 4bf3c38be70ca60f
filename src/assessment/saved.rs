//! The format progress is saved in, and how saved text is read back.
//!
//! Saved data is untrusted: another version of Tandem, another bank, a browser
//! extension or a person may have written it. [`decode`] turns it into
//! [`Progress`] that fits the bank, or says plainly why it cannot, so the app
//! can leave it untouched instead of overwriting it.

use super::bank::Bank;
use super::progress::Progress;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Version of the saved format. Raise it when the shape changes, and teach
/// [`decode`] to read the older shapes.
pub const SCHEMA: u32 = 1;

/// Saved text larger than this is refused before parsing; real progress is a
/// few kilobytes.
const MAX_SAVED_BYTES: usize = 256 * 1024;

#[derive(Serialize)]
struct SavedRef<'a> {
    schema: u32,
    bank: &'a str,
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

/// Why saved progress could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Written by a newer version of Tandem than this one.
    Newer { schema: u32 },
    /// Answers to a different question bank.
    OtherBank { bank: String },
    /// Not something Tandem wrote, or damaged.
    Damaged { reason: String },
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SavedError::Newer { schema } => write!(
                f,
                "they were saved by a newer version of Tandem (format {schema}, this one reads up to {SCHEMA})"
            ),
            SavedError::OtherBank { bank } => {
                write!(f, "they belong to a different set of questions (\"{bank}\")")
            }
            SavedError::Damaged { reason } => write!(f, "the saved data is damaged ({reason})"),
        }
    }
}

/// Saves progress as text.
pub fn encode(bank: &Bank, progress: &Progress) -> String {
    let saved = SavedRef {
        schema: SCHEMA,
        bank: bank.id(),
        progress,
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads saved text back into progress that fits `bank`.
pub fn decode(bank: &Bank, text: &str) -> Result<Progress, SavedError> {
    if text.len() > MAX_SAVED_BYTES {
        return Err(SavedError::Damaged {
            reason: format!("{} bytes is more than Tandem ever saves", text.len()),
        });
    }
    let damaged = |e: serde_json::Error| SavedError::Damaged {
        reason: e.to_string(),
    };
    let Versioned { schema } = serde_json::from_str(text).map_err(damaged)?;
    if schema > SCHEMA {
        return Err(SavedError::Newer { schema });
    }
    let saved: Saved = serde_json::from_str(text).map_err(damaged)?;
    if saved.bank != bank.id() {
        return Err(SavedError::OtherBank { bank: saved.bank });
    }
    Ok(saved.progress.fitted_to(bank))
}
