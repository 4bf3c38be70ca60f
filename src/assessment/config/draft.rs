//! The builder's draft: a configuration as the person is typing it, written
//! out as a file that [`Config::parse`] then checks like any other.

use super::colours::COLOUR_FIELDS;
use super::file::HOST_MESSAGE_NAMES;
use super::languages::{written, OwnText};
use super::{Colour, Config, ConfigError, HostMessages, Logo, FORMAT_VERSION};
use crate::assessment::bank::{self, Bank};
use crate::assessment::language::Language;
use crate::assessment::link::Link;
use crate::assessment::untrusted::{self, Place, Problem};
use serde_json::Value;

/// A configuration being written in the builder: every field as the person
/// typed it, so nothing they type is lost while it is still wrong. It becomes
/// a configuration file with [`Draft::to_json`], which [`Config::parse`]
/// checks like any other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The client organisation's name; left out when blank.
    pub organisation: String,
    /// The assessment's title; left out when blank.
    pub title: String,
    /// The logo's path; left out when blank.
    pub logo: String,
    /// `accent`, `accent_text`, `background` and `text`, each left out when
    /// blank.
    pub colours: [String; 4],
    /// The intro, paragraphs separated by a blank line; left out when blank.
    pub intro: String,
    /// The closing text, as the intro.
    pub closing: String,
    /// The title, intro and closing in other languages, as typed; one left
    /// blank is left out.
    pub translated: Vec<(OwnText, Language, String)>,
    /// The contact link; left out when blank.
    pub contact: String,
    /// The anonymity threshold.
    pub anonymity_threshold: usize,
    /// What an embed may tell its host.
    pub host_messages: HostMessages,
    /// The dimensions to ask, by id; all when `None`.
    pub dimensions: Option<Vec<String>>,
    /// A question bank of the consultant's own, as JSON; the standard bank
    /// when blank.
    pub bank: String,
}

impl Draft {
    /// A draft holding `config`, to change it. The bank is written out only
    /// when it is not `default_bank`.
    pub fn of(config: &Config, default_bank: &Bank) -> Draft {
        let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
        let colour = |colour: Option<Colour>| colour.map(|c| c.to_string()).unwrap_or_default();
        let colours = config.colours();
        let asked: Vec<String> = config
            .bank()
            .dimensions()
            .iter()
            .map(|d| d.id.to_string())
            .collect();
        let whole = config.own_bank.as_ref().unwrap_or(default_bank);
        let everything = asked.len() == whole.dimensions().len();
        Draft {
            organisation: text(config.organisation()),
            title: text(config.title.as_deref()),
            logo: text(config.logo().map(Logo::as_str)),
            colours: [
                colour(colours.accent),
                colour(colours.accent_text),
                colour(colours.background),
                colour(colours.text),
            ],
            intro: config.intro().join("\n\n"),
            closing: config.closing().join("\n\n"),
            translated: config.translations().texts(),
            contact: text(config.contact().map(Link::as_str)),
            anonymity_threshold: config.anonymity_threshold(),
            host_messages: config.host_messages(),
            dimensions: (!everything).then_some(asked),
            bank: config
                .own_bank
                .as_ref()
                .map(pretty_bank)
                .unwrap_or_default(),
        }
    }

    /// The configuration file this draft describes, laid out for people to
    /// read. Only a bank that is not JSON at all stops it from being
    /// written; that is reported like a problem in the file, at `bank`.
    pub fn to_json(&self) -> Result<String, ConfigError> {
        // A map of plain values: writing it cannot fail.
        self.to_value()
            .map(|value| serde_json::to_string_pretty(&value).unwrap_or_default())
    }

    /// The same configuration as compact JSON, the shortest for a link.
    pub fn to_compact_json(&self) -> Result<String, ConfigError> {
        self.to_value().map(|value| value.to_string())
    }

    /// The text of `own` in `language` as typed; empty when none is.
    pub fn translated(&self, own: OwnText, language: Language) -> &str {
        self.translated
            .iter()
            .find(|(field, l, _)| *field == own && *l == language)
            .map_or("", |(_, _, text)| text)
    }

    /// The text of `own` in `language`, to type into.
    pub fn translated_mut(&mut self, own: OwnText, language: Language) -> &mut String {
        let at = match self
            .translated
            .iter()
            .position(|(field, l, _)| *field == own && *l == language)
        {
            Some(at) => at,
            None => {
                self.translated.push((own, language, String::new()));
                self.translated.len() - 1
            }
        };
        &mut self.translated[at].2
    }

    fn to_value(&self) -> Result<Value, ConfigError> {
        let mut map = serde_json::Map::new();
        map.insert("version".to_owned(), Value::from(FORMAT_VERSION));
        // A field left blank is left out.
        let text = |map: &mut serde_json::Map<String, Value>, key: &str, value: &str| {
            if !value.trim().is_empty() {
                map.insert(key.to_owned(), Value::from(value));
            }
        };
        // One of the configuration's own texts, with its languages: left
        // out when all of it is blank. Languages without their default are
        // written with it empty, so that the check says it is missing
        // rather than the languages disappearing.
        let own = |map: &mut serde_json::Map<String, Value>, own: OwnText, value: &str| {
            let texts: Vec<(Language, &str)> = self
                .translated
                .iter()
                .filter(|(field, _, _)| *field == own)
                .map(|(_, language, text)| (*language, text.as_str()))
                .collect();
            let any = texts.iter().any(|(_, text)| !text.trim().is_empty());
            if any || !value.trim().is_empty() {
                map.insert(own.key().to_owned(), written(value, &texts));
            }
        };
        text(&mut map, "organisation", &self.organisation);
        own(&mut map, OwnText::Title, &self.title);
        text(&mut map, "logo", self.logo.trim());
        let mut colours = serde_json::Map::new();
        for (key, value) in COLOUR_FIELDS.iter().zip(&self.colours) {
            if !value.trim().is_empty() {
                colours.insert((*key).to_owned(), Value::from(value.trim()));
            }
        }
        if !colours.is_empty() {
            map.insert("colours".to_owned(), Value::Object(colours));
        }
        own(&mut map, OwnText::Intro, &self.intro);
        own(&mut map, OwnText::Closing, &self.closing);
        text(&mut map, "contact", self.contact.trim());
        map.insert(
            "anonymity_threshold".to_owned(),
            Value::from(self.anonymity_threshold),
        );
        map.insert(
            "host_messages".to_owned(),
            Value::from(HOST_MESSAGE_NAMES[self.host_messages as usize]),
        );
        if !self.bank.trim().is_empty() {
            let bank =
                untrusted::read_json(&self.bank, bank::MAX_BANK_BYTES).map_err(|problem| {
                    ConfigError {
                        problems: vec![Problem::new(
                            Place::Bank(Box::new(problem.location)),
                            problem.reason,
                        )],
                    }
                })?;
            map.insert("bank".to_owned(), bank);
        }
        if let Some(dimensions) = &self.dimensions {
            map.insert("dimensions".to_owned(), Value::from(dimensions.clone()));
        }
        Ok(Value::Object(map))
    }
}

/// A bank as the builder shows it for editing: its JSON with its
/// translations ([`Bank::to_json_value`]), indented.
pub fn pretty_bank(bank: &Bank) -> String {
    serde_json::to_string_pretty(&bank.to_json_value()).unwrap_or_default()
}
