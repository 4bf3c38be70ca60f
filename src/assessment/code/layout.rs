//! The layout of a code: which of its bits mean what, written down once as
//! the numbers that [`encode`](super::encode) writes and the reading side
//! checks (the format versions, the frame's sizes, the values of roles and
//! answers).
//!
//! A code is a sequence of symbols, 5 bits each, written most significant bit
//! first:
//!
//! | symbols     | content                                                      |
//! |-------------|--------------------------------------------------------------|
//! | 1           | `T`, marks a Tandem code                                     |
//! | 1           | format version: 1 for Tandem's own bank, 2 for any other     |
//! | ⌈P / 5⌉     | the payload, P bits, padded with zero bits to a whole symbol |
//! | 4           | 4 bits: the number of symbols in the code (`T` included) modulo 16; then 16 bits: the checksum |
//!
//! The frame (the `T`, the version symbol and the last four symbols) stays the
//! same in every future version, so that this version can tell a code from a
//! newer Tandem ([`CodeError::NewerVersion`](super::CodeError::NewerVersion))
//! from a typo ([`CodeError::Checksum`](super::CodeError::Checksum)).
//!
//! The payload, in order:
//!
//! | bits     | content                                                           |
//! |----------|-------------------------------------------------------------------|
//! | 32 or 64 | the bank's [`Mark`](crate::assessment::Mark): in format 1 the standard bank's 32-bit mark, in format 2 the bank's 64-bit [`Fingerprint`](crate::assessment::Fingerprint) |
//! | 1        | mode: 0 quick, 1 full                                             |
//! | 3        | role: 0 none, 1 HR, 2 L&D, 3 leadership, 4 line manager, 5 other  |
//! | 3 each   | one answer per statement the mode asks, in bank order: 0 not answered, 1 to 5 the agreement scale ([`Answer::agreement`]), 6 don't know, 7 not applicable |
//! | 1        | 1 when a team label follows, 0 when there is none                 |
//! | 8        | (only with a label) its length in UTF-8 bytes, 1 to 240           |
//! | 8 each   | (only with a label) its UTF-8 bytes                               |
//!
//! The two formats differ only in the mark, and each bank has one of them
//! ([`Bank::mark`](crate::assessment::Bank::mark)): codes of the standard
//! bank (or some of its dimensions) stay short and read as they always have,
//! and codes of a custom bank carry a fingerprint that another bank would
//! take a deliberate search of about 2^32 SHA-256 evaluations to share. A
//! format-1 code made for a custom bank by an earlier Tandem is refused as
//! [`CodeError::Earlier`](super::CodeError::Earlier).
//!
//! An empty label costs one bit, since most codes have none. There is exactly
//! one code for each result: a code that is well formed but spelled differently
//! (non-zero padding, a label Tandem would have cleaned, a value out of range)
//! is refused as [`CodeError::Damaged`](super::CodeError::Damaged).

use crate::assessment::answer::{Answer, Role};
use crate::assessment::progress::MAX_TEAM_LABEL;

/// The newest format version this Tandem reads and writes.
pub const VERSION: u8 = 2;
/// The format of codes that carry a bank's short mark
/// ([`Mark::Short`](crate::assessment::Mark::Short)).
pub(super) const SHORT_MARK_VERSION: u8 = 1;

/// Bits per symbol.
pub(super) const SYMBOL_BITS: usize = 5;
/// The last symbols: 4 bits of length and 16 of checksum.
pub(super) const TAIL_SYMBOLS: usize = 4;
/// Bits of the length field in the tail.
pub(super) const LENGTH_BITS: usize = 4;
/// Bits of the checksum.
pub(super) const CHECKSUM_BITS: usize = 16;
/// Longest team label in UTF-8 bytes: every character takes at most four.
pub(super) const MAX_TEAM_BYTES: usize = MAX_TEAM_LABEL * 4;

/// The role's number in a code; fixed here rather than taken from the order
/// roles are offered in, so reordering the screen never changes old codes.
pub(super) fn role_value(role: Role) -> u32 {
    match role {
        Role::Hr => 1,
        Role::LearningAndDevelopment => 2,
        Role::Leadership => 3,
        Role::LineManager => 4,
        Role::Other => 5,
    }
}

/// The role a code's number stands for; `None` for a number no role has.
pub(super) fn role_from(value: u32) -> Option<Role> {
    Some(match value {
        1 => Role::Hr,
        2 => Role::LearningAndDevelopment,
        3 => Role::Leadership,
        4 => Role::LineManager,
        5 => Role::Other,
        _ => return None,
    })
}

/// An answer's number in a code; 0 is left for "not answered".
pub(super) fn answer_value(answer: Answer) -> u32 {
    match answer {
        Answer::DontKnow => 6,
        Answer::NotApplicable => 7,
        scale => scale.agreement().map_or(0, u32::from),
    }
}

/// The answer a code's number stands for; `None` for 0 (not answered) and
/// for a number no answer has.
pub(super) fn answer_from(value: u32) -> Option<Answer> {
    match value {
        6 => Some(Answer::DontKnow),
        7 => Some(Answer::NotApplicable),
        // The scale in order, so its place gives its agreement (1 to 5).
        scale => Answer::AGREEMENT
            .get(scale.checked_sub(1)? as usize)
            .copied(),
    }
}
