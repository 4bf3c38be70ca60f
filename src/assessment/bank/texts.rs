//! A bank's texts by [`Field`]: every one in the bank's order, the bank in
//! another language's words, what a language leaves untranslated, and the
//! bank written out with its translations.
//!
//! A translation changes words only. The bank it gives keeps the
//! fingerprint of the bank it translates, so that saved progress, result
//! codes and exports made in one language open in every other with the same
//! scores.

use super::{Bank, BankText, Field, Language};
use serde_json::{Map, Value};

impl Bank {
    /// Every text of the bank with its field, in the order a person reads
    /// them: the title, the levels, then each dimension's name, summary,
    /// statements and guidance.
    pub fn fields(&self) -> Vec<(Field, &str)> {
        let mut fields = vec![(Field::Title, self.title.as_str())];
        for (level, info) in (1..).zip(&self.levels) {
            fields.push((Field::LevelName(level), info.name.as_str()));
            fields.push((Field::LevelSummary(level), info.summary.as_str()));
        }
        for dimension in &self.dimensions {
            let id = dimension.id.as_str();
            fields.push((Field::DimensionName(id.to_owned()), dimension.name.as_str()));
            fields.push((
                Field::DimensionSummary(id.to_owned()),
                dimension.summary.as_str(),
            ));
            for statement in &dimension.statements {
                let field = Field::Statement(statement.id.as_str().to_owned());
                fields.push((field, statement.text.as_str()));
            }
            for guidance in &dimension.guidance {
                let level = guidance.level;
                fields.push((Field::Next(id.to_owned(), level), guidance.next.as_str()));
                for (n, practice) in (1..).zip(&guidance.practices) {
                    let field = Field::Practice(id.to_owned(), level, n);
                    fields.push((field, practice.text.as_str()));
                }
            }
        }
        fields
    }

    /// The bank with `text` laid over its own words, under the same marks.
    pub fn in_text(&self, text: &BankText) -> Bank {
        let mut translated = self.clone();
        if let Some(title) = text.get(&Field::Title) {
            title.clone_into(&mut translated.title);
        }
        for (level, info) in (1..).zip(&mut translated.levels) {
            if let Some(name) = text.get(&Field::LevelName(level)) {
                name.clone_into(&mut info.name);
            }
            if let Some(summary) = text.get(&Field::LevelSummary(level)) {
                summary.clone_into(&mut info.summary);
            }
        }
        for dimension in &mut translated.dimensions {
            let id = dimension.id.as_str().to_owned();
            if let Some(name) = text.get(&Field::DimensionName(id.clone())) {
                name.clone_into(&mut dimension.name);
            }
            if let Some(summary) = text.get(&Field::DimensionSummary(id.clone())) {
                summary.clone_into(&mut dimension.summary);
            }
            for statement in &mut dimension.statements {
                let field = Field::Statement(statement.id.as_str().to_owned());
                if let Some(given) = text.get(&field) {
                    given.clone_into(&mut statement.text);
                }
            }
            for guidance in &mut dimension.guidance {
                let level = guidance.level;
                if let Some(next) = text.get(&Field::Next(id.clone(), level)) {
                    next.clone_into(&mut guidance.next);
                }
                for (n, practice) in (1..).zip(&mut guidance.practices) {
                    if let Some(given) = text.get(&Field::Practice(id.clone(), level, n)) {
                        given.clone_into(&mut practice.text);
                    }
                }
            }
        }
        translated
    }

    /// The fields of this bank that `text` does not translate, in the
    /// bank's order.
    pub fn untranslated(&self, text: &BankText) -> Vec<Field> {
        self.fields()
            .into_iter()
            .filter(|(field, _)| text.get(field).is_none())
            .map(|(field, _)| field)
            .collect()
    }

    /// The bank's own text in `language`, as its file gives it; `None` for a
    /// language it gives no text in.
    pub fn translation(&self, language: Language) -> Option<&BankText> {
        self.translations
            .iter()
            .find(|(given, _)| *given == language)
            .map(|(_, text)| text)
    }

    /// The languages its file gives text in, in the switcher's order.
    pub fn languages(&self) -> Vec<Language> {
        Language::ALL
            .into_iter()
            .filter(|language| self.translation(*language).is_some())
            .collect()
    }

    /// The same bank, its file giving these translations instead of its
    /// own; a language whose text is empty is left out.
    pub fn with_translations(&self, translations: Vec<(Language, BankText)>) -> Bank {
        let mut bank = self.clone();
        bank.translations = translations
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .collect();
        bank.translations.sort_by_key(|(language, _)| {
            Language::ALL
                .iter()
                .position(|l| l == language)
                .unwrap_or_default()
        });
        bank
    }

    /// The bank as its file would write it with its translations: each
    /// translated field as `{"default": …, "de": …}`, every other field as
    /// [`Bank::to_json`] writes it. [`Bank::parse`] reads it back to an
    /// equal bank.
    pub fn to_json_value(&self) -> Value {
        let mut value: Value = serde_json::from_str(&self.to_json()).unwrap_or_default();
        if self.translations.is_empty() {
            return value;
        }
        for (field, own) in self.fields() {
            let given: Vec<(Language, &str)> = self
                .translations
                .iter()
                .filter_map(|(language, text)| text.get(&field).map(|t| (*language, t)))
                .collect();
            if given.is_empty() {
                continue;
            }
            let Some(slot) = self.slot(&mut value, &field) else {
                continue;
            };
            let mut localized = Map::new();
            localized.insert("default".to_owned(), Value::from(own));
            for (language, text) in given {
                localized.insert(language.code().to_owned(), Value::from(text));
            }
            *slot = Value::Object(localized);
        }
        value
    }

    /// Where `field`'s text sits in the bank's JSON `value`.
    fn slot<'v>(&self, value: &'v mut Value, field: &Field) -> Option<&'v mut Value> {
        let dimension = |id: &str| self.dimensions.iter().position(|d| d.id.as_str() == id);
        let level = |level: &u8| usize::from(*level).checked_sub(1);
        let slot = match field {
            Field::Title => value.get_mut("title")?,
            Field::LevelName(l) => value
                .get_mut("levels")?
                .get_mut(level(l)?)?
                .get_mut("name")?,
            Field::LevelSummary(l) => value
                .get_mut("levels")?
                .get_mut(level(l)?)?
                .get_mut("summary")?,
            Field::DimensionName(id) => value
                .get_mut("dimensions")?
                .get_mut(dimension(id)?)?
                .get_mut("name")?,
            Field::DimensionSummary(id) => value
                .get_mut("dimensions")?
                .get_mut(dimension(id)?)?
                .get_mut("summary")?,
            Field::Statement(id) => {
                let (d, s) = self.dimensions.iter().enumerate().find_map(|(d, dim)| {
                    let s = dim.statements.iter().position(|s| s.id.as_str() == id)?;
                    Some((d, s))
                })?;
                value
                    .get_mut("dimensions")?
                    .get_mut(d)?
                    .get_mut("statements")?
                    .get_mut(s)?
                    .get_mut("text")?
            }
            Field::Next(id, l) => value
                .get_mut("dimensions")?
                .get_mut(dimension(id)?)?
                .get_mut("guidance")?
                .get_mut(level(l)?)?
                .get_mut("next")?,
            Field::Practice(id, l, n) => {
                let practice = value
                    .get_mut("dimensions")?
                    .get_mut(dimension(id)?)?
                    .get_mut("guidance")?
                    .get_mut(level(l)?)?
                    .get_mut("practices")?
                    .get_mut(level(n)?)?;
                // A practice is its text, or its text and its owner.
                if practice.is_string() {
                    practice
                } else {
                    practice.get_mut("text")?
                }
            }
        };
        Some(slot)
    }
}
