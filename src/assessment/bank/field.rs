//! A bank's texts named by what they are, never by where they sit in the
//! file, and a bank's text in one language ([`BankText`]).
//!
//! Each text has a key that a translator's spreadsheet and the builder show:
//!
//! | text | key |
//! | --- | --- |
//! | the bank's title | `title` |
//! | level 2's name, its summary | `levels.2.name`, `levels.2.summary` |
//! | a dimension's name, its summary | `dimensions.communication.name`, `….summary` |
//! | a statement | `statements.communication.monthly-review` |
//! | a dimension's guidance at level 3 | `dimensions.communication.guidance.3.next` |
//! | its second practice | `dimensions.communication.guidance.3.practices.2` |
//!
//! Levels and practices count from 1, as people do. Dimension ids hold no
//! dots; statement ids are unique in the whole bank, so they need no
//! dimension.

use std::collections::BTreeMap;
use std::fmt;

/// One text of a bank, by the ids and levels that name it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    /// A level's name; levels count 1 to 5.
    LevelName(u8),
    LevelSummary(u8),
    /// A dimension's name, by the dimension's id.
    DimensionName(String),
    DimensionSummary(String),
    /// A statement, by its id.
    Statement(String),
    /// What the next level looks like, for a dimension at a level (1 to 5).
    Next(String, u8),
    /// A practice of a dimension at a level, counted from 1.
    Practice(String, u8, u8),
}

impl Field {
    /// The field a key names (see the module's table); `None` for anything
    /// else. Whether the bank has it is for the bank to say.
    pub fn parse(key: &str) -> Option<Field> {
        let number = |text: &str| text.parse::<u8>().ok().filter(|n| *n >= 1);
        if key == "title" {
            return Some(Field::Title);
        }
        if let Some(id) = key.strip_prefix("statements.") {
            return (!id.is_empty()).then(|| Field::Statement(id.to_owned()));
        }
        let parts: Vec<&str> = key.split('.').collect();
        match parts.as_slice() {
            ["levels", level, "name"] => number(level).map(Field::LevelName),
            ["levels", level, "summary"] => number(level).map(Field::LevelSummary),
            ["dimensions", id, "name"] if !id.is_empty() => {
                Some(Field::DimensionName((*id).to_owned()))
            }
            ["dimensions", id, "summary"] if !id.is_empty() => {
                Some(Field::DimensionSummary((*id).to_owned()))
            }
            ["dimensions", id, "guidance", level, "next"] if !id.is_empty() => {
                number(level).map(|level| Field::Next((*id).to_owned(), level))
            }
            ["dimensions", id, "guidance", level, "practices", n] if !id.is_empty() => Some(
                Field::Practice((*id).to_owned(), number(level)?, number(n)?),
            ),
            _ => None,
        }
    }
}

impl fmt::Display for Field {
    /// The field's key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Title => f.write_str("title"),
            Field::LevelName(level) => write!(f, "levels.{level}.name"),
            Field::LevelSummary(level) => write!(f, "levels.{level}.summary"),
            Field::DimensionName(id) => write!(f, "dimensions.{id}.name"),
            Field::DimensionSummary(id) => write!(f, "dimensions.{id}.summary"),
            Field::Statement(id) => write!(f, "statements.{id}"),
            Field::Next(id, level) => write!(f, "dimensions.{id}.guidance.{level}.next"),
            Field::Practice(id, level, n) => {
                write!(f, "dimensions.{id}.guidance.{level}.practices.{n}")
            }
        }
    }
}

/// A bank's text in one language: the translation of each field it gives.
/// Whatever it leaves out is read in the bank's own words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BankText(BTreeMap<Field, String>);

impl BankText {
    /// The translation of `field`, if this text gives one.
    pub fn get(&self, field: &Field) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Gives `field` its translation.
    pub fn set(&mut self, field: Field, text: String) {
        self.0.insert(field, text);
    }

    /// How many fields it translates.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// It translates nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every field it translates, with its text, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Field, &str)> {
        self.0.iter().map(|(field, text)| (field, text.as_str()))
    }
}
