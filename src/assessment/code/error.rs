//! Why a code could not be read: [`CodeError`], and the sentence each reason
//! shows the person who pasted the code.

use super::layout::VERSION;
use crate::assessment::bank::Mark;
use std::fmt;

/// Why a code could not be read. [`fmt::Display`] gives a plain sentence that
/// says what is wrong and what to do about it, ready to show to the person who
/// pasted it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// There is nothing but spaces and hyphens.
    Empty,
    /// The text is longer than [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES);
    /// nobody's code is that long.
    TooLong,
    /// The text does not start like a Tandem code.
    NotTandem,
    /// Made by a newer version of Tandem, whose layout this one cannot read.
    NewerVersion {
        /// The format version the code states.
        version: u8,
    },
    /// A character that no code contains.
    BadCharacter {
        /// The character as it was typed.
        character: char,
        /// Where it is in the code that [`find_code`](super::find_code) found
        /// (trimmed, without any link around it), counted in characters from
        /// 0, hyphens and spaces included. The message counts from 1, as
        /// people do.
        position: usize,
    },
    /// Shorter than the smallest possible code: part of it was not copied.
    Incomplete,
    /// The checksum or the stated length does not match: a character was
    /// changed, added or left out.
    Checksum,
    /// The code passed its checks but its content does not fit the question
    /// bank or holds values out of range.
    Damaged,
    /// Made for a different question bank.
    OtherBank {
        /// The mark of the bank the code was made for.
        mark: Mark,
    },
    /// Made by an earlier Tandem for this custom question bank, with a mark
    /// too short to trust
    /// ([`Recognised::Earlier`](crate::assessment::Recognised::Earlier)).
    Earlier,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str(
                "There is no code here yet. Paste or type the result code you were given.",
            ),
            CodeError::TooLong => f.write_str(
                "This text is too long to be a result code. Paste only the code or the link that holds it.",
            ),
            CodeError::NotTandem => f.write_str(
                "This is not a Tandem result code: those start with T and a digit, such as T1. Check that you copied the right text.",
            ),
            CodeError::NewerVersion { version } => write!(
                f,
                "This code was made by a newer version of Tandem (code format {version}; this one reads format {VERSION}). Open it with that newer version.",
            ),
            CodeError::BadCharacter {
                character,
                position,
            } => write!(
                f,
                "Character {} (\u{201c}{}\u{201d}) cannot be part of a result code. Check the code against the original.",
                position.saturating_add(1),
                character.escape_debug(),
            ),
            CodeError::Incomplete => f.write_str(
                "This code is too short: part of it is missing. Copy the whole code again.",
            ),
            CodeError::Checksum => f.write_str(
                "This code has a typo: a character was changed, added or left out. Check it against the original.",
            ),
            CodeError::Damaged => f.write_str(
                "This code is damaged: its content does not fit these questions. Ask for the code again.",
            ),
            CodeError::OtherBank { mark } => write!(
                f,
                "This code is for a different set of questions (bank {}). Open it with the questionnaire it was made for.",
                mark.to_string().to_ascii_uppercase(),
            ),
            CodeError::Earlier => f.write_str(
                "This code was made by an earlier version of Tandem for these questions, in a form that can no longer be checked. Open the result where it was taken and send its new code.",
            ),
        }
    }
}

impl std::error::Error for CodeError {}
