//! The sentence each reason for an unusable input gives a person: a result
//! code that does not read ([`CodeError`]), an export that does not import
//! ([`ImportError`]), saved data that cannot be used ([`SavedError`],
//! [`RestoreError`]), and any of the first two as a screen keeps it
//! ([`Reason`]), and a problem in a file or a link a person wrote
//! ([`Problem`]: its [`Place`] and its [`Why`]). The types say what went
//! wrong; their words live here, beside the messages, and their English
//! ([`fmt::Display`]) is the same words in English, so that each sentence
//! is written once, in `en.json`.

use super::{plain_number, Key, Words};
use crate::assessment::code::{self, CodeError};
use crate::assessment::export::{self, ImportError};
use crate::assessment::reason::Reason;
use crate::assessment::saved::{self, SavedError};
use crate::assessment::untrusted::{Arg, Place, Problem, Why};
use crate::assessment::wording;
use crate::assessment::workshop::{self, PasteTooLong, RestoreError};
use std::fmt;

/// English with numbers as Rust writes them, as [`fmt::Display`] gives it.
fn english() -> Words {
    Words::english(plain_number)
}

impl CodeError {
    /// The message of its sentence.
    pub fn key(&self) -> Key {
        match self {
            CodeError::Empty => Key::CODE_ERROR_EMPTY,
            CodeError::TooLong => Key::CODE_ERROR_TOO_LONG,
            CodeError::NotTandem => Key::CODE_ERROR_NOT_TANDEM,
            CodeError::NewerVersion { .. } => Key::CODE_ERROR_NEWER,
            CodeError::BadCharacter { .. } => Key::CODE_ERROR_CHARACTER,
            CodeError::Incomplete => Key::CODE_ERROR_INCOMPLETE,
            CodeError::Checksum => Key::CODE_ERROR_CHECKSUM,
            CodeError::Damaged => Key::CODE_ERROR_DAMAGED,
            CodeError::OtherBank { .. } => Key::CODE_ERROR_OTHER_BANK,
            CodeError::Earlier => Key::CODE_ERROR_EARLIER,
        }
    }

    /// What is wrong and what to do, in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        let key = self.key();
        match self {
            CodeError::NewerVersion { version } => words.fill(
                key,
                &[
                    ("version", &version.to_string()),
                    ("supported", &code::VERSION.to_string()),
                ],
            ),
            CodeError::BadCharacter {
                character,
                position,
            } => words.fill(
                key,
                &[
                    // Counted from 1, as people do.
                    ("position", &words.number(position.saturating_add(1) as f64)),
                    ("character", &character.escape_debug().to_string()),
                ],
            ),
            CodeError::OtherBank { mark } => {
                words.fill(key, &[("bank", &mark.to_string().to_ascii_uppercase())])
            }
            _ => words.get(key).to_owned(),
        }
    }
}

impl ImportError {
    /// The message of its sentence.
    pub fn key(&self) -> Key {
        match self {
            ImportError::TooLarge { .. } => Key::IMPORT_ERROR_TOO_LARGE,
            ImportError::NotJson { .. } => Key::IMPORT_ERROR_NOT_JSON,
            ImportError::NotTandem => Key::IMPORT_ERROR_NOT_TANDEM,
            ImportError::Newer { .. } => Key::IMPORT_ERROR_NEWER,
            ImportError::OtherBank { .. } => Key::IMPORT_ERROR_OTHER_BANK,
            ImportError::Earlier => Key::IMPORT_ERROR_EARLIER,
            ImportError::Damaged { .. } => Key::IMPORT_ERROR_DAMAGED,
        }
    }

    /// What is wrong and what to do, in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        let key = self.key();
        match self {
            ImportError::TooLarge { bytes } => {
                words.fill(key, &[("kb", &words.number(bytes.div_ceil(1024) as f64))])
            }
            ImportError::NotJson { line, column } => words.fill(
                key,
                &[
                    ("line", &words.number(*line as f64)),
                    ("column", &words.number(*column as f64)),
                ],
            ),
            ImportError::Newer { version } => words.fill(
                key,
                &[
                    ("version", &version.to_string()),
                    ("supported", &export::VERSION.to_string()),
                ],
            ),
            ImportError::OtherBank { id } => words.fill(key, &[("bank", id)]),
            ImportError::Damaged { reason } => words.fill(key, &[("reason", &reason.words(words))]),
            ImportError::NotTandem | ImportError::Earlier => words.get(key).to_owned(),
        }
    }
}

impl SavedError {
    /// The message of its reason.
    pub fn key(&self) -> Key {
        match self {
            SavedError::Newer { .. } => Key::SAVED_ERROR_NEWER,
            SavedError::OtherBank { .. } => Key::SAVED_ERROR_OTHER_BANK,
            SavedError::Damaged { .. } | SavedError::Workshop(_) => Key::SAVED_ERROR_DAMAGED,
        }
    }

    /// Why the saved data cannot be used, in `words`' language: a clause
    /// that the screen's sentence goes on from.
    pub fn words(&self, words: &Words) -> String {
        let key = self.key();
        match self {
            SavedError::Newer { schema } => words.fill(
                key,
                &[
                    ("version", &schema.to_string()),
                    ("supported", &saved::SCHEMA.to_string()),
                ],
            ),
            SavedError::OtherBank { bank } => words.fill(key, &[("bank", bank)]),
            SavedError::Damaged { reason } => words.fill(key, &[("reason", &reason.words(words))]),
            SavedError::Workshop(error) => words.fill(key, &[("reason", &error.words(words))]),
        }
    }
}

impl RestoreError {
    /// The message of its sentence.
    pub fn key(&self) -> Key {
        match self {
            RestoreError::Newer { .. } => Key::RESTORE_ERROR_NEWER,
        }
    }

    /// What is wrong and what to do, in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        match self {
            RestoreError::Newer { schema } => words.fill(
                self.key(),
                &[
                    ("version", &schema.to_string()),
                    ("supported", &workshop::SCHEMA.to_string()),
                ],
            ),
        }
    }
}

impl Reason {
    /// What is wrong and what to do, in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        match self {
            Reason::Code(error) => error.words(words),
            Reason::Import(error) => error.words(words),
            Reason::Unread(why) => why.words(words),
        }
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl PasteTooLong {
    /// What is wrong and what to do, in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        words.fill(
            Key::GATHER_TOO_LONG,
            &[
                ("bytes", &words.number(self.bytes as f64)),
                ("most", &words.number(workshop::MAX_PASTE_BYTES as f64)),
                ("codes", &words.number(workshop::MAX_PASTE_CODES as f64)),
            ],
        )
    }
}

impl fmt::Display for PasteTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl Why {
    /// What is wrong, in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        let (key, count, args) = match self {
            Why::Message { key, count, args } => (key, count, args),
            Why::Shipped(said) => return said.clone(),
        };
        let filled: Vec<(&str, String)> = args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => text.clone(),
                    Arg::Number(n) => words.number(*n as f64),
                    Arg::Tenths(n) => words.tenths(*n as f64 / 10.0),
                    Arg::Said(why) => why.words(words),
                    Arg::List(names) => wording::list(words, names),
                };
                (*name, value)
            })
            .collect();
        let filled: Vec<(&str, &str)> = filled.iter().map(|(n, v)| (*n, v.as_str())).collect();
        match count {
            Some(n) => words.count(*key, *n, &filled),
            None => words.fill(*key, &filled),
        }
    }
}

impl Place {
    /// Where it is, in `words`' language; a path in the file reads as the
    /// file has it.
    pub fn words(&self, words: &Words) -> String {
        let number = |n: usize| words.number(n as f64);
        match self {
            Place::File => words.get(Key::PROBLEM_PLACE_FILE).to_owned(),
            Place::Link => words.get(Key::PROBLEM_PLACE_LINK).to_owned(),
            Place::Path(path) => path.clone(),
            Place::Line { line, column } => words.fill(
                Key::PROBLEM_PLACE_LINE,
                &[("line", &number(*line)), ("column", &number(*column))],
            ),
            Place::Row(row) => words.fill(Key::PROBLEM_PLACE_ROW, &[("row", &number(*row))]),
            Place::Cell {
                row,
                column,
                heading,
            } => words.fill(
                Key::PROBLEM_PLACE_CELL,
                &[
                    ("row", &number(*row)),
                    ("column", &number(*column)),
                    ("heading", heading),
                ],
            ),
            Place::Bank(place) => {
                words.fill(Key::PROBLEM_PLACE_BANK, &[("place", &place.words(words))])
            }
        }
    }
}

impl Problem {
    /// "Where: what is wrong", in `words`' language.
    pub fn words(&self, words: &Words) -> String {
        format!(
            "{}: {}",
            self.location.words(words),
            self.reason.words(words)
        )
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}
