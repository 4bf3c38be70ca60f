//! Tandem's messages by their keys, and their English: `build.rs` writes
//! a constant for each key of `en.json` and the English text they index.
//! A module of its own, which uses nothing else of Tandem's, so that every
//! part of the domain can name a message.

use std::ops::Range;

/// One of Tandem's messages, named by its key in `en.json` (`nav.next` is
/// `Key::NAV_NEXT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key(u16);

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl Key {
    /// How many messages there are.
    pub const COUNT: usize = ENGLISH_AT.len();

    /// Every message, in the order of its key.
    pub fn all() -> impl Iterator<Item = Key> {
        (0..Key::COUNT as u16).map(Key)
    }

    /// The key as `en.json` writes it, such as `nav.next`.
    pub fn name(self) -> &'static str {
        NAMES[usize::from(self.0)]
    }

    /// The English forms: `other` alone, or `one` and `other`.
    pub fn english(self) -> Vec<(&'static str, &'static str)> {
        let one = self.english_form("one");
        let other = self.in_english();
        if one.is_empty() {
            vec![("other", other)]
        } else {
            vec![("one", one), ("other", other)]
        }
    }

    /// Its English text in `form` (`one` or `other`); empty for a `one` it
    /// does not have.
    pub(super) fn english_form(self, form: &str) -> &'static str {
        let [start, other, end] = ENGLISH_AT[self.index()].map(usize::from);
        let range = if form == "one" {
            start..other
        } else {
            other..end
        };
        if range.end <= FIRST_SCREEN_TEXT.len() {
            FIRST_SCREEN_TEXT.get(range).unwrap_or_default()
        } else {
            // Called through a pointer the optimisers cannot see through,
            // so that it is never inlined here: the split moves it to the
            // rest with the text it reads, and calling it loads the rest
            // if it has not arrived (see `FIRST_SCREEN` in build.rs).
            let later: fn(Range<usize>) -> &'static str = later_english;
            std::hint::black_box(later)(range)
        }
    }

    /// Its English text (the `other` form), as exports write it.
    pub fn in_english(self) -> &'static str {
        self.english_form("other")
    }

    pub(super) fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// The English of a message the first screen does not show, at `range` of
/// the two texts one after the other.
#[inline(never)]
fn later_english(range: Range<usize>) -> &'static str {
    let first = FIRST_SCREEN_TEXT.len();
    LATER_ENGLISH
        .get(range.start.saturating_sub(first)..range.end.saturating_sub(first))
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// The SHA-256 (hex) the build recorded for the file of the language
/// `code`.
pub(super) fn file_sha256(code: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(file, _)| *file == code)
        .map(|(_, hex)| *hex)
}
