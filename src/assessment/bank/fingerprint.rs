//! What names a bank in the results written for it: its [`Fingerprint`]
//! (what codes of a custom bank and every export carry), the shorter
//! [`Mark`] of the standard bank's codes, and whether a result's mark is
//! this bank's ([`Recognised`]).

use std::fmt;

/// A bank's fingerprint: the first 64 bits of SHA-256 over its canonical
/// JSON ([`Bank::to_json`](super::Bank::to_json)). The same content gives the same fingerprint
/// however the file was laid out or spelled (white space, field order,
/// `"reverse": false` written or left out), and finding two banks that share
/// one takes about 2^32 SHA-256 evaluations of a deliberate search, where the
/// 32-bit FNV hash it replaces could be matched in a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    /// The first 64 bits of SHA-256 over `canonical`.
    pub(crate) fn of(canonical: &str) -> Fingerprint {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(canonical.as_bytes());
        let mut first = [0; 8];
        first.copy_from_slice(&digest[..8]);
        Fingerprint(u64::from_be_bytes(first))
    }

    /// Exactly 16 hex digits, as [`fmt::Display`] writes them (either case).
    pub fn parse(text: &str) -> Option<Fingerprint> {
        parse_hex(text, 16).map(Fingerprint)
    }
}

impl fmt::Display for Fingerprint {
    /// 16 lower-case hex digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// How a result names the bank it was written for ([`Bank::mark`](super::Bank::mark)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The 32-bit mark of format-1 codes and version-1 exports.
    Short(u32),
    /// The bank's [`Fingerprint`].
    Full(Fingerprint),
}

impl Mark {
    /// A short mark from exactly 8 hex digits (either case).
    pub fn parse_short(text: &str) -> Option<Mark> {
        parse_hex(text, 8).map(|value| Mark::Short(value as u32))
    }
}

impl fmt::Display for Mark {
    /// Hex digits: 8 for a short mark, 16 for a fingerprint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mark::Short(short) => write!(f, "{short:08x}"),
            Mark::Full(fingerprint) => fingerprint.fmt(f),
        }
    }
}

/// Whether a result's [`Mark`] names a bank ([`Bank::recognises`](super::Bank::recognises)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recognised {
    /// It was written for this bank.
    Yes,
    /// It was written for another bank.
    No,
    /// It carries the short mark an earlier Tandem wrote for a custom bank,
    /// and the mark matches this one: too short to trust.
    Earlier,
}

/// Exactly `digits` hex digits (at most 16), either case.
fn parse_hex(text: &str, digits: usize) -> Option<u64> {
    if text.len() == digits && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        u64::from_str_radix(text, 16).ok()
    } else {
        None
    }
}

/// FNV-1a over the bank's canonical JSON: the 32-bit mark result codes
/// carried before fingerprints. The standard bank's file is already in
/// canonical form apart from white space, so its mark is the one its result
/// codes have always carried.
pub(super) fn short_mark(canonical: &str) -> u32 {
    canonical.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}
