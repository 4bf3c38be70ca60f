//! Why a code could not be read: [`CodeError`]. The sentence each reason
//! shows the person who pasted the code, in their language, is its
//! [`words`](CodeError::words) (`language/reasons.rs`).

use crate::assessment::bank::Mark;

/// Why a code could not be read. [`CodeError::words`] gives a plain sentence
/// that says what is wrong and what to do about it, ready to show to the
/// person who pasted it, and `Display` the same sentence in English.
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

impl std::error::Error for CodeError {}
