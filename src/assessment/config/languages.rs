//! A configuration's own words in other languages: its title, intro and
//! closing may each be written as `{"default": "…", "de": "…"}`, the way a
//! bank's texts are (`bank::take_languages`). A reader gets the words of
//! their language where the configuration gives them, and its default words
//! where not, field by field.

use crate::assessment::language::Language;
use serde_json::Value;

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

    /// The field `key` (`title`, `intro` or `closing`) as a file writes it:
    /// `default` alone as plain text, or with its languages as
    /// `{"default": …, "de": …}`; paragraphs are joined by a blank line.
    pub(super) fn written(&self, key: &str, default: &str) -> Value {
        let texts: Vec<(Language, String)> = match key {
            "title" => self.title.clone(),
            "intro" => joined(&self.intro),
            "closing" => joined(&self.closing),
            _ => Vec::new(),
        };
        if texts.is_empty() {
            return Value::from(default);
        }
        let mut map = serde_json::Map::new();
        map.insert("default".to_owned(), Value::from(default));
        for (language, text) in texts {
            map.insert(language.code().to_owned(), Value::from(text));
        }
        Value::Object(map)
    }
}

fn joined(list: &[(Language, Vec<String>)]) -> Vec<(Language, String)> {
    list.iter()
        .map(|(language, paragraphs)| (*language, paragraphs.join("\n\n")))
        .collect()
}
