//! A configuration's own words in other languages: its title, intro and
//! closing may each be written as `{"default": "…", "de": "…"}`, the way a
//! bank's texts are (`bank::take_languages`). A reader gets the words of
//! their language where the configuration gives them, and its default words
//! where not, field by field.

use crate::assessment::language::Language;
use serde_json::Value;

/// One of a configuration's own texts that come in several languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnText {
    Title,
    Intro,
    Closing,
}

impl OwnText {
    pub const ALL: [OwnText; 3] = [OwnText::Title, OwnText::Intro, OwnText::Closing];

    /// Its field in a configuration file.
    pub fn key(self) -> &'static str {
        match self {
            OwnText::Title => "title",
            OwnText::Intro => "intro",
            OwnText::Closing => "closing",
        }
    }
}

/// The title, intro and closing in the languages a configuration gives
/// beside its default words; paragraphs as the intro and closing have them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Translations {
    pub(super) title: Vec<(Language, String)>,
    pub(super) intro: Vec<(Language, Vec<String>)>,
    pub(super) closing: Vec<(Language, Vec<String>)>,
}

/// The entry for `language` in `list`, if there is one.
pub(super) fn find<T>(list: &[(Language, T)], language: Language) -> Option<&T> {
    list.iter()
        .find(|(other, _)| *other == language)
        .map(|(_, value)| value)
}

impl Translations {
    /// Whether no field has a language beside its default.
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.intro.is_empty() && self.closing.is_empty()
    }

    /// The languages any field is given in, in the switcher's order.
    pub fn languages(&self) -> Vec<Language> {
        Language::ALL
            .into_iter()
            .filter(|language| {
                find(&self.title, *language).is_some()
                    || find(&self.intro, *language).is_some()
                    || find(&self.closing, *language).is_some()
            })
            .collect()
    }

    /// Every text given, as a file writes it: paragraphs joined by a blank
    /// line.
    pub fn texts(&self) -> Vec<(OwnText, Language, String)> {
        let joined = |own: OwnText, list: &[(Language, Vec<String>)]| {
            list.iter()
                .map(|(language, paragraphs)| (own, *language, paragraphs.join("\n\n")))
                .collect::<Vec<_>>()
        };
        let mut texts: Vec<(OwnText, Language, String)> = self
            .title
            .iter()
            .map(|(language, title)| (OwnText::Title, *language, title.clone()))
            .collect();
        texts.extend(joined(OwnText::Intro, &self.intro));
        texts.extend(joined(OwnText::Closing, &self.closing));
        texts
    }
}

/// `default` as a file writes a text of its own: plain text alone, or with
/// the languages of `texts` that are not blank as `{"default": …, "de": …}`,
/// in the switcher's order.
pub(super) fn written(default: &str, texts: &[(Language, &str)]) -> Value {
    let given: Vec<&(Language, &str)> = Language::ALL
        .iter()
        .filter_map(|language| {
            texts
                .iter()
                .find(|(l, text)| l == language && !text.trim().is_empty())
        })
        .collect();
    if given.is_empty() {
        return Value::from(default);
    }
    let mut map = serde_json::Map::new();
    map.insert("default".to_owned(), Value::from(default));
    for (language, text) in given {
        map.insert(language.code().to_owned(), Value::from(*text));
    }
    Value::Object(map)
}
