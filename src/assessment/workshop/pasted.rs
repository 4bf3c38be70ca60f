//! Reading pasted text: the entries in it, codes people split with spaces,
//! and the lines that hold no code.
//!
//! Pasted text may hold many codes and links separated by anything: line
//! breaks, commas, semicolons, `|`, spaces or tabs. Each word that starts like
//! a code (`T1…`, or `T` followed by code symbols with a digit among them, so
//! a code from a newer Tandem is named as such) or that is a link with `r=` in
//! its fragment is read as one entry; other words ("thanks", names) are
//! skipped. A code that people split with spaces (`T1 ABCDE FGHIJ …`) is
//! joined back with the words that follow it on the same line, but only when
//! the first part alone does not read and the joined text passes the code's
//! checksum. A line in which there is neither a code nor a result link is
//! reported, so that nothing the facilitator pasted is silently dropped.
//!
//! Reading takes time in proportion to the text: joining split codes has a
//! fixed allowance of work per byte, and a paste longer than
//! [`MAX_PASTE_BYTES`] is refused whole.

use crate::assessment::bank::Bank;
use crate::assessment::code::{self, CodeError, Decoded};
use crate::assessment::typed;
use std::borrow::Cow;

/// Longest piece of a refused entry repeated in a message, in characters:
/// enough to recognise a code, short enough for a list on a phone.
const MAX_SHOWN: usize = 32;

/// Largest paste read at once, in bytes: about 65,000 codes, one a line.
/// Reading takes time in proportion to the text, so a paste this long is
/// read in a fraction of a second; past it the paste is refused whole, with
/// a message, and nothing gathered changes.
pub const MAX_PASTE_BYTES: usize = 2_000_000;

/// Most words joined back onto a code that was split by spaces: a full
/// standard code is eight groups, a long team label adds a few more.
const MAX_JOINED_WORDS: usize = 16;

/// How many times over joining split codes may look at a paste's bytes. A
/// paste of split codes needs about three; past the allowance, words are
/// read one by one, and a code still split is refused, not lost.
const JOIN_EFFORT: usize = 4;

/// About how many codes [`MAX_PASTE_BYTES`] holds, one a line.
pub const MAX_PASTE_CODES: usize = 65_000;

/// A paste refused whole, for being longer than [`MAX_PASTE_BYTES`]; its
/// sentence is worded where it is shown (`language/reasons.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PasteTooLong {
    /// How long the paste was, in bytes.
    pub bytes: usize,
}

/// Why a paste is refused whole: it is longer than [`MAX_PASTE_BYTES`].
/// `None` when it may be read.
pub(super) fn too_long(text: &str) -> Option<PasteTooLong> {
    (text.len() > MAX_PASTE_BYTES).then_some(PasteTooLong { bytes: text.len() })
}

/// One entry found in pasted text.
pub(super) struct Entry<'t> {
    /// The text that was decoded (a word, a link's code, or a code joined
    /// back from words); shown, shortened, if it is refused.
    pub(super) text: Cow<'t, str>,
    /// What it holds, with its canonical spelling.
    pub(super) result: Result<(Decoded, String), CodeError>,
}

/// Every code and result link in `text`, read for `bank`, and the lines
/// (not blank) in which there was neither.
pub(super) fn entries<'t>(bank: &Bank, text: &'t str) -> (Vec<Entry<'t>>, Vec<&'t str>) {
    let mut found = Vec::new();
    let mut without_code = Vec::new();
    // Joining words back into split codes may look at each byte of the
    // paste a few times over, no more: a paste of nothing but words that
    // start like codes would otherwise try sixteen joins for each.
    let mut join_budget = JOIN_EFFORT * text.len() + 10_000;
    for line in split_at_ascii(text, |b| b == b'\n') {
        let before = found.len();
        entries_in_line(bank, line, &mut found, &mut join_budget);
        if found.len() == before && !line.trim().is_empty() {
            without_code.push(line);
        }
    }
    (found, without_code)
}

/// The entries of one line, added to `found`.
fn entries_in_line<'t>(
    bank: &Bank,
    line: &'t str,
    found: &mut Vec<Entry<'t>>,
    join_budget: &mut usize,
) {
    let mut words: Vec<&str> = Vec::new();
    // Line breaks and list punctuation always end an entry; spaces and tabs
    // do too, except inside a code that people split into groups.
    for line in split_at_ascii(line, |b| matches!(b, b'\r' | b',' | b';' | b'|')) {
        words.clear();
        // Byte by byte where that gives the same words (no vertical tab,
        // which only the Unicode rule counts as space); a pasted room is
        // thousands of lines.
        if line.bytes().all(|b| b.is_ascii() && b != 0x0B) {
            words.extend(
                line.split_ascii_whitespace()
                    .map(trim_word)
                    .filter(|w| !w.is_empty()),
            );
        } else {
            words.extend(
                line.split_whitespace()
                    .map(trim_word)
                    .filter(|w| !w.is_empty()),
            );
        }
        let mut next = 0;
        while next < words.len() {
            let word = words[next];
            next += 1;
            if word.contains('#') {
                let code = trim_word(code::find_code(word));
                // Without `r=` in its fragment it is some other link.
                if code.len() < word.len() {
                    found.push(Entry {
                        text: Cow::Borrowed(code),
                        result: code::read_spelled(bank, code),
                    });
                }
                continue;
            }
            if !looks_like_code(word) {
                continue;
            }
            let result = code::read_spelled(bank, word);
            if matches!(result, Err(CodeError::Incomplete | CodeError::Checksum)) {
                // The first part alone does not read: the code may have been
                // split into groups (the checksum makes a chance match
                // practically impossible).
                if let Some((used, joined, read)) =
                    code::read_split(bank, &words[next - 1..], MAX_JOINED_WORDS, join_budget)
                {
                    next += used - 1;
                    found.push(Entry {
                        text: Cow::Owned(joined),
                        result: Ok(read),
                    });
                    continue;
                }
            }
            found.push(Entry {
                text: Cow::Borrowed(word),
                result,
            });
        }
    }
}

/// The parts of `text` between the bytes `is_separator` picks, which must be
/// ASCII, so every part is whole characters.
fn split_at_ascii(text: &str, is_separator: impl Fn(u8) -> bool) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut bytes = text.bytes().enumerate();
    std::iter::from_fn(move || {
        if start > text.len() {
            return None;
        }
        let end = bytes
            .by_ref()
            .find(|&(_, b)| is_separator(b))
            .map_or(text.len(), |(i, _)| i);
        let part = &text[start..end];
        start = end + 1;
        Some(part)
    })
}

/// A word without the punctuation around it (quotes, brackets, a full stop).
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `T` and the number of a format this Tandem reads (`T1…`, `T2…`), or a `T`
/// followed by at least five code symbols with a digit among them (so `T3-…`
/// from a newer Tandem is read and named, while words such as "Thanks" or
/// "Team" are not).
fn looks_like_code(word: &str) -> bool {
    let mut chars = word.chars();
    if !matches!(chars.next(), Some('t' | 'T')) {
        return false;
    }
    let format = chars.as_str().chars().next().and_then(|c| c.to_digit(10));
    if format.is_some_and(|format| (1..=u32::from(code::VERSION)).contains(&format)) {
        return true;
    }
    let rest = chars.as_str();
    rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().filter(|&c| c != '-').count() >= 5
}

/// At most [`MAX_SHOWN`] characters, without control characters, with "…"
/// when cut: an entry refused, as listed. Looks at no more of `text` than that, however long it is.
pub(super) fn shorten(text: &str) -> String {
    typed::quoted(text, MAX_SHOWN)
}

/// A line without a code as listed: up to twice as long as an entry, since
/// a line is what the person recognises.
pub(super) fn shorten_line(line: &str) -> String {
    typed::quoted(line.trim(), 2 * MAX_SHOWN)
}
