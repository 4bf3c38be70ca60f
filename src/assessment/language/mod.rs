//! The languages Tandem speaks, which one a person gets, and the words of
//! each.
//!
//! English is written in `en.json` beside this file and compiled in: every
//! message has a [`Key`], generated from that file by `build.rs`, so that a
//! screen names a message the compiler knows. Every other language is a
//! file of its own (`locales/<code>.json`), fetched only when it is chosen:
//!
//! ```json
//! { "messages": { "nav.next": "Weiter", "section.missing": { "one": "…", "other": "…" } },
//!   "bank": { … the standard questions' text, see BankText … } }
//! ```
//!
//! A message that counts something has a form for each of its language's
//! plural categories ([`rules::plural_forms`]); `{name}` marks what Tandem
//! fills in. The build reads every shipped file by the same rules the app
//! reads a fetched one with ([`rules::read_messages`]), and stops at a
//! missing or broken message; the app also checks a fetched file against
//! the SHA-256 the build recorded, and shows English when it does not match.
//!
//! What a language changes is words only: answers are kept and scored by
//! ids, and a translated bank keeps its fingerprint ([`Bank::in_text`]), so that
//! a result made in one language opens in every other with the same scores.

mod bank_text;
mod key;
mod labels;
mod reasons;
pub mod rules;
mod tag;

pub use key::Key;
pub use tag::Language;

use crate::assessment::bank::{Bank, BankText};
use crate::assessment::untrusted::{read_json, At, Place, Problems, Why};
use crate::assessment::Problem;
use std::rc::Rc;

impl Language {
    /// The SHA-256 (hex) the build recorded for its file.
    fn file_sha256(self) -> Option<&'static str> {
        key::file_sha256(self.code())
    }
}

/// Everything that may name a language, in the order it counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Preferences<'a> {
    /// What the person chose with the switcher, kept on this device.
    pub chosen: Option<&'a str>,
    /// `lang=` in the address: a consultant's link, an embed.
    pub address: Option<&'a str>,
    /// The configuration's `language`.
    pub configured: Option<&'a str>,
    /// The browser's languages, most wanted first (`navigator.languages`).
    pub browser: &'a [String],
}

impl Preferences<'_> {
    /// The first language Tandem speaks among them, or English.
    pub fn choose(&self) -> Language {
        [self.chosen, self.address, self.configured]
            .into_iter()
            .flatten()
            .chain(self.browser.iter().map(String::as_str))
            .find_map(Language::from_tag)
            .unwrap_or(Language::English)
    }
}

/// A shipped message's forms: its text alone (`other`), or its text per
/// plural form.
fn shipped_forms(value: &serde_json::Value) -> rules::Forms {
    match value {
        serde_json::Value::Object(forms) => forms
            .iter()
            .filter_map(|(form, text)| {
                let form = rules::PLURAL_FORMS.iter().find(|f| **f == form.as_str())?;
                Some((*form, text.as_str()?.to_owned()))
            })
            .collect(),
        value => vec![("other", value.as_str().unwrap_or_default().to_owned())],
    }
}

/// Largest language file Tandem reads, in bytes (a shipped one is about a
/// tenth of it).
pub const MAX_LANGUAGE_FILE: usize = 512 * 1024;

/// One language's words, read from its file.
#[derive(Debug, PartialEq)]
pub struct Translation {
    language: Language,
    /// Each message's forms, by [`Key`].
    messages: Vec<rules::Forms>,
    /// The standard questions' text.
    bank: BankText,
}

impl Translation {
    /// Reads a language file: every message Tandem has, by the rules of
    /// [`rules::read_messages`], and the standard questions' text
    /// ([`BankText`]). Every problem is listed with its place.
    pub fn read(language: Language, text: &str) -> Result<Translation, Vec<Problem>> {
        let value = read_json(text, MAX_LANGUAGE_FILE).map_err(|p| vec![p])?;
        let mut problems = Problems::default();
        let at = At::File;
        let Some(map) = problems.object(&at, &value, &["messages", "bank"]) else {
            return Err(problems.into_list());
        };
        let english: Vec<(&str, Vec<(&str, &str)>)> = Key::all()
            .map(|key| (key.name(), key.english().to_vec()))
            .collect();
        let (messages, found) = match map.get("messages") {
            Some(messages) => rules::read_messages(language.code(), messages, &english),
            None => {
                problems.add(at.field("messages"), Key::PROBLEM_MISSING);
                (Vec::new(), Vec::new())
            }
        };
        for (place, reason) in found {
            problems.add(
                Place::Path(format!("messages.{place}")),
                Why::Shipped(reason),
            );
        }
        let bank = match map.get("bank") {
            Some(value) => {
                bank_text::read(Bank::standard(), &at.field("bank"), value, &mut problems)
            }
            None => BankText::default(),
        };
        if problems.count() > 0 {
            return Err(problems.into_list());
        }
        Ok(Translation {
            language,
            messages: messages
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect(),
            bank,
        })
    }

    /// Reads the file the build shipped for `language`, once its bytes are
    /// the ones the build recorded; otherwise says why not in a few words.
    pub fn read_shipped(language: Language, bytes: &[u8]) -> Result<Translation, String> {
        use sha2::{Digest, Sha256};
        let expected = language
            .file_sha256()
            .ok_or_else(|| "this build ships no such language".to_owned())?;
        let digest = Sha256::digest(bytes);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        if hex != expected {
            return Err("the file is not the one this build shipped".to_owned());
        }
        let text =
            std::str::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())?;
        let unreadable = || "the file could not be read".to_owned();
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| unreadable())?;
        // The build checked this very file message by message (build.rs), so
        // its messages are read in order, which is the keys' order, without
        // the keys' names: they stay out of the module a visit downloads.
        let messages: Vec<rules::Forms> = value["messages"]
            .as_object()
            .map(|messages| messages.values().map(shipped_forms).collect())
            .unwrap_or_default();
        if messages.len() != Key::COUNT {
            return Err(unreadable());
        }
        let mut problems = Problems::default();
        let bank = bank_text::read(
            Bank::standard(),
            &At::File.field("bank"),
            &value["bank"],
            &mut problems,
        );
        if problems.count() > 0 {
            return Err(unreadable());
        }
        Ok(Translation {
            language,
            messages,
            bank,
        })
    }

    /// The standard questions' text in this language.
    pub fn bank(&self) -> &BankText {
        &self.bank
    }
}

/// A number to write, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// As it is: `57`, `1,234`.
    Plain(f64),
    /// To one decimal: `12.5`.
    Tenths(f64),
    /// A share out of 100: `45%`.
    Percent(f64),
}

/// How a number is written in a language: in the browser by its `Intl`, in
/// native code by Rust (the domain never formats a number itself).
pub type NumberFormat = fn(Language, Amount) -> String;

/// Numbers as Rust writes them (`5`, `57`, `12.5`, `45%`): what the English
/// exports and native code use, where no browser is at hand.
pub fn plain_number(_: Language, amount: Amount) -> String {
    match amount {
        Amount::Plain(n) => n.to_string(),
        Amount::Tenths(n) => format!("{n:.1}"),
        Amount::Percent(n) => format!("{n}%"),
    }
}

/// The words of one language, to show: what every screen takes its text
/// from.
#[derive(Clone, Debug)]
pub struct Words {
    language: Language,
    translation: Option<Rc<Translation>>,
    numbers: NumberFormat,
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.language == other.language
            && match (&self.translation, &other.translation) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl Words {
    /// English, with numbers written by `numbers`.
    pub fn english(numbers: NumberFormat) -> Words {
        Words {
            language: Language::English,
            translation: None,
            numbers,
        }
    }

    /// The words of a language read from its file.
    pub fn new(translation: Rc<Translation>, numbers: NumberFormat) -> Words {
        Words {
            language: translation.language,
            translation: Some(translation),
            numbers,
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// A message that counts nothing and fills nothing in.
    pub fn get(&self, key: Key) -> &str {
        self.text(key, None)
    }

    /// A message with its `{placeholders}` filled in from `args`.
    pub fn fill(&self, key: Key, args: &[(&str, &str)]) -> String {
        filled(self.get(key), args)
    }

    /// A message that counts `n` of something: the language's form for
    /// `n`, with `{count}` the number as the language writes it and the
    /// other placeholders from `args`.
    pub fn count(&self, key: Key, n: usize, args: &[(&str, &str)]) -> String {
        let count = self.number(n as f64);
        let mut all: Vec<(&str, &str)> = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        filled(self.text(key, Some(n as u64)), &all)
    }

    /// `n` as this language writes it.
    pub fn number(&self, n: f64) -> String {
        (self.numbers)(self.language, Amount::Plain(n))
    }

    /// `n` to one decimal, as this language writes it.
    pub fn tenths(&self, n: f64) -> String {
        (self.numbers)(self.language, Amount::Tenths(n))
    }

    /// `percent` out of 100, as this language writes a share ("45%",
    /// "45 %").
    pub fn percent(&self, percent: f64) -> String {
        (self.numbers)(self.language, Amount::Percent(percent))
    }

    /// `bank` in this language: Tandem's own questions in this language's
    /// file, a consultant's bank in the text its own file gives for this
    /// language, falling back field by field to its default; `None` when
    /// there is no text to lay over it.
    pub fn bank(&self, bank: &Bank) -> Option<Bank> {
        if bank.ships_with_tandem() {
            let translation = self.translation.as_ref()?;
            Some(bank.in_text(&translation.bank))
        } else {
            bank.translation(self.language)
                .map(|text| bank.in_text(text))
        }
    }

    /// The text of `key` for the number `n` (`None`: the message counts
    /// nothing): this language's, or English where it has none.
    fn text(&self, key: Key, n: Option<u64>) -> &str {
        fn pick<'a, T: AsRef<str>>(forms: &'a [(&str, T)], form: &str) -> Option<&'a str> {
            forms
                .iter()
                .find(|(f, _)| *f == form)
                .or_else(|| forms.iter().find(|(f, _)| *f == "other"))
                .map(|(_, text)| text.as_ref())
        }
        let form = |code| n.map_or("other", |n| rules::plural_form(code, n));
        self.translation
            .as_ref()
            .and_then(|t| t.messages.get(key.index()))
            .and_then(|forms| pick(forms, form(self.language.code())))
            .or_else(|| {
                let one = key.english_form("one");
                Some(if form("en") == "one" && !one.is_empty() {
                    one
                } else {
                    key.in_english()
                })
            })
            .unwrap_or_default()
    }
}

/// `text` with each `{name}` of `args` replaced by its value; anything else
/// in braces is left as it is.
fn filled(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = after.find('}');
        let value = close.and_then(|close| {
            let name = &after[1..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
