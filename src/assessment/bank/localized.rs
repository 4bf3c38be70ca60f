//! A bank's text given in several languages, field by field, the way
//! SurveyJS and Formbricks write it:
//!
//! ```json
//! "text": { "default": "We review our plans together.", "de": "Wir planen gemeinsam." }
//! ```
//!
//! `default` is the bank's own words, what every language without its own
//! text reads; each other key is the code of a language Tandem speaks. A
//! field written as plain text, as every bank before translations was, has
//! its default alone. Reading takes each such field apart before the bank is
//! read, so the bank's own rules see its default text as they always did.

use super::Field;
use crate::assessment::language::{rules, Key, Language};
use crate::assessment::untrusted::{self, At, Problems, TextRule, Why};
use serde_json::Value;

/// One field's text in one language.
pub(super) struct Found {
    pub(super) field: Field,
    pub(super) language: Language,
    pub(super) text: String,
}

/// The bank's `value` with every field given in several languages replaced
/// by its default text, and the other languages' texts, each checked by its
/// field's `rule`. A field that is neither text nor such an object is left
/// for the bank's reader to name, and so is a missing or broken id: a text
/// whose dimension or statement has none is not kept.
pub(super) fn split(
    problems: &mut Problems,
    at: &At,
    value: &Value,
    rule: fn(&Field) -> TextRule,
) -> (Value, Vec<Found>) {
    let mut plain = value.clone();
    let mut found = Vec::new();
    let mut take = |slot: Option<&mut Value>, at: &At, field: Option<Field>| {
        if let (Some(slot), Some(field)) = (slot, field) {
            take_apart(problems, at, slot, field, rule, &mut found);
        }
    };
    let id = |value: &Value| value.get("id").and_then(Value::as_str).map(str::to_owned);
    take(
        plain.get_mut("title"),
        &at.field("title"),
        Some(Field::Title),
    );
    if let Some(Value::Array(levels)) = plain.get_mut("levels") {
        let at = at.field("levels");
        for (i, level) in levels.iter_mut().enumerate() {
            let at = at.item(i);
            let name = counted(i).map(Field::LevelName);
            take(level.get_mut("name"), &at.field("name"), name);
            let summary = counted(i).map(Field::LevelSummary);
            take(level.get_mut("summary"), &at.field("summary"), summary);
        }
    }
    let Some(Value::Array(dimensions)) = plain.get_mut("dimensions") else {
        return (plain, found);
    };
    let at = at.field("dimensions");
    for (d, dimension) in dimensions.iter_mut().enumerate() {
        let at = at.item(d);
        let dimension_id = id(dimension);
        let name = dimension_id.clone().map(Field::DimensionName);
        take(dimension.get_mut("name"), &at.field("name"), name);
        let summary = dimension_id.clone().map(Field::DimensionSummary);
        take(dimension.get_mut("summary"), &at.field("summary"), summary);
        if let Some(Value::Array(statements)) = dimension.get_mut("statements") {
            let at = at.field("statements");
            for (s, statement) in statements.iter_mut().enumerate() {
                let at = at.item(s);
                let field = id(statement).map(Field::Statement);
                take(statement.get_mut("text"), &at.field("text"), field);
            }
        }
        let Some(Value::Array(guidance)) = dimension.get_mut("guidance") else {
            continue;
        };
        let at = at.field("guidance");
        // The bank's reader holds the entries to levels 1 to 5 in order.
        for (g, entry) in guidance.iter_mut().enumerate() {
            let at = at.item(g);
            let level = counted(g);
            let next = dimension_id
                .clone()
                .zip(level)
                .map(|(id, level)| Field::Next(id, level));
            take(entry.get_mut("next"), &at.field("next"), next);
            let Some(Value::Array(practices)) = entry.get_mut("practices") else {
                continue;
            };
            let at = at.field("practices");
            for (p, practice) in practices.iter_mut().enumerate() {
                let at = at.item(p);
                let field = match (dimension_id.clone(), level, counted(p)) {
                    (Some(id), Some(level), Some(n)) => Some(Field::Practice(id, level, n)),
                    _ => None,
                };
                // A practice is its text, or an object with its text and owner.
                if practice.get("text").is_some() {
                    take(practice.get_mut("text"), &at.field("text"), field);
                } else {
                    take(Some(practice), &at, field);
                }
            }
        }
    }
    (plain, found)
}

/// The number of item `index` of a list, counting from 1, as a field names
/// it; `None` past 255 (far more than a bank's reader lets through, so such
/// a list is refused there).
fn counted(index: usize) -> Option<u8> {
    u8::try_from(index + 1).ok()
}

/// Replaces a field given in several languages by its default, keeping the
/// others' texts; plain text and anything else stay as they are.
fn take_apart(
    problems: &mut Problems,
    at: &At,
    slot: &mut Value,
    field: Field,
    rule: fn(&Field) -> TextRule,
    found: &mut Vec<Found>,
) {
    let Value::Object(map) = slot else {
        return;
    };
    // A practice written as its text and owner is not a text in languages.
    if map.contains_key("owner") {
        return;
    }
    for (language, text) in take_languages(problems, at, slot, rule(&field)) {
        found.push(Found {
            field: field.clone(),
            language,
            text,
        });
    }
}

/// A translation at `at`, checked by its field's `rule` and, since it is a
/// translation, for direction controls too, as a shipped language's
/// messages are. Refused in translations alone: new with them, so no file
/// written before them has one.
pub(super) fn translated(
    problems: &mut Problems,
    at: &At,
    value: &Value,
    rule: TextRule,
) -> Option<String> {
    let text = problems.text(at, value, rule)?;
    match rules::direction_control(&text) {
        Some((position, c)) => {
            problems.add(
                at,
                Why::new(Key::PROBLEM_TRANSLATION_DIRECTION)
                    .number("at", position)
                    .text("code", untrusted::code_point(c)),
            );
            None
        }
        None => Some(text),
    }
}

/// A text given in several languages (`{"default": …, "de": …}`) at `slot`:
/// `slot` becomes its default text, and its other languages' texts are
/// returned, each checked by `rule`. Plain text, or anything that is not an
/// object, is left as it is, for the field's own reader to check.
pub(crate) fn take_languages(
    problems: &mut Problems,
    at: &At,
    slot: &mut Value,
    rule: TextRule,
) -> Vec<(Language, String)> {
    let Value::Object(map) = slot else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut default = None;
    for (key, value) in map.iter() {
        let at = at.field(key);
        if key == "default" {
            default = Some(value.clone());
            continue;
        }
        let Some(language) = Language::from_code(key) else {
            problems.add(
                at,
                Why::new(Key::PROBLEM_TRANSLATION_LANGUAGE).text("codes", Language::codes()),
            );
            continue;
        };
        if let Some(text) = translated(problems, &at, value, rule) {
            found.push((language, text));
        }
    }
    match default {
        Some(Value::String(default)) => *slot = Value::String(default),
        Some(other) => {
            problems.wrong_type(&at.field("default"), Key::PROBLEM_KIND_TEXT, &other);
            *slot = Value::from("?");
        }
        None => {
            problems.add(at, Key::PROBLEM_TRANSLATION_NO_DEFAULT);
            // Text that passes the field's rule, so that the field's reader
            // does not name it again; the file is refused anyway.
            *slot = Value::from("?");
        }
    }
    found
}
