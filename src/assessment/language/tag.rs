//! The languages Tandem speaks, by their codes and their own names: what
//! everything else that names a language (a bank's translated text, a
//! configuration, the address) refers to.

use super::Key;
use crate::assessment::untrusted::Why;

/// A language Tandem speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    German,
    French,
    Spanish,
    Arabic,
}

impl Language {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Arabic,
    ];

    /// Its BCP 47 code, as `<html lang>` and `lang=` in an address write it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Arabic => "ar",
        }
    }

    /// Its name in itself, as the switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::French => "Français",
            Language::Spanish => "Español",
            Language::Arabic => "العربية",
        }
    }

    /// Every language's code, as a problem lists them: `en, de, fr, es, ar`.
    pub fn codes() -> String {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        codes.join(", ")
    }

    /// Why a code that names no language Tandem speaks is refused.
    pub fn unknown() -> Why {
        Why::new(Key::PROBLEM_LANGUAGE).text("codes", Language::codes())
    }

    /// Written from right to left.
    pub fn right_to_left(self) -> bool {
        self == Language::Arabic
    }

    /// The language whose code is exactly `code` (`de`), as a file's field
    /// names it.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// The language a tag such as `de`, `de-AT` or `pt_BR` asks for, by its
    /// first part in any case; `None` for one Tandem does not speak.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(primary))
    }

    /// The file its words are in, beside the app; `None` for English, which
    /// is compiled in.
    pub fn file(self) -> Option<String> {
        (self != Language::English).then(|| format!("lang/{}.json", self.code()))
    }
}
