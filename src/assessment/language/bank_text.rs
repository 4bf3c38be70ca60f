//! A question bank's text in another language: what a respondent reads,
//! laid over the bank without touching what its answers are kept and scored
//! by. A translated bank keeps the fingerprint of the bank it translates,
//! so that saved progress, result codes and exports made in one language
//! open in every other with the same scores.
//!
//! The text comes by ids, never by position where an id exists:
//!
//! ```json
//! { "title": "…",
//!   "levels": [{ "name": "…", "summary": "…" }, …],
//!   "dimensions": { "communication": {
//!       "name": "…", "summary": "…",
//!       "statements": { "communication.monthly-review": "…" },
//!       "guidance": [{ "next": "…", "practices": ["…", …] }, …] } } }
//! ```
//!
//! Whatever it leaves out stays in the bank's own language.

use super::rules::refuse_text;
use crate::assessment::bank::Bank;
use crate::assessment::untrusted::{At, Problems};
use serde_json::Value;
use std::collections::HashMap;

/// A bank's text in one language, each field the translation of the same
/// field of the bank; `None` where it is not translated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BankText {
    title: Option<String>,
    levels: Vec<Pair>,
    dimensions: HashMap<String, DimensionText>,
}

/// A name and its summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Pair {
    name: Option<String>,
    summary: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct DimensionText {
    about: Pair,
    statements: HashMap<String, String>,
    guidance: Vec<GuidanceText>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct GuidanceText {
    next: Option<String>,
    practices: Vec<Option<String>>,
}

impl BankText {
    /// Reads the text at `at` against `bank`: every id must be the bank's,
    /// every list no longer than the bank's, every text one a message could
    /// be ([`refuse_text`]).
    pub(crate) fn read(bank: &Bank, at: &At, value: &Value, problems: &mut Problems) -> BankText {
        let mut text = BankText::default();
        let Some(map) = problems.object(
            at,
            value,
            "a bank's translation",
            &["title", "levels", "dimensions"],
        ) else {
            return text;
        };
        text.title = map
            .get("title")
            .and_then(|v| translation(&at.field("title"), v, problems));
        if let Some(levels) = map.get("levels") {
            let at = at.field("levels");
            if let Some(list) = problems.list(&at, levels) {
                if list.len() > bank.levels().len() {
                    problems.add(
                        at,
                        format_args!("the bank has {} levels", bank.levels().len()),
                    );
                }
                text.levels = list
                    .iter()
                    .take(bank.levels().len())
                    .enumerate()
                    .map(|(i, level)| pair(&at.item(i), level, "a level", problems))
                    .collect();
            }
        }
        if let Some(dimensions) = map.get("dimensions") {
            let at = at.field("dimensions");
            match dimensions {
                Value::Object(map) => {
                    for (id, value) in map {
                        let at = at.field(id);
                        match bank.dimensions().iter().find(|d| d.id.as_str() == id) {
                            Some(dimension) => {
                                let read = DimensionText::read(dimension, &at, value, problems);
                                text.dimensions.insert(id.clone(), read);
                            }
                            None => problems.add(at, "the bank has no dimension of this id"),
                        }
                    }
                }
                other => problems.wrong_type(&at, "an object { … } of dimensions by id", other),
            }
        }
        text
    }

    /// `bank` with this text laid over it, under the same fingerprint.
    pub fn over(&self, bank: &Bank) -> Bank {
        let mut translated = bank.clone();
        let (title, levels, dimensions) = translated.texts_mut();
        if let Some(given) = &self.title {
            title.clone_from(given);
        }
        for (level, given) in levels.iter_mut().zip(&self.levels) {
            given.over(&mut level.name, &mut level.summary);
        }
        for dimension in dimensions.iter_mut() {
            let Some(given) = self.dimensions.get(dimension.id.as_str()) else {
                continue;
            };
            given
                .about
                .over(&mut dimension.name, &mut dimension.summary);
            for statement in &mut dimension.statements {
                if let Some(text) = given.statements.get(statement.id.as_str()) {
                    statement.text.clone_from(text);
                }
            }
            for (guidance, given) in dimension.guidance.iter_mut().zip(&given.guidance) {
                if let Some(next) = &given.next {
                    guidance.next.clone_from(next);
                }
                for (practice, given) in guidance.practices.iter_mut().zip(&given.practices) {
                    if let Some(text) = given {
                        practice.text.clone_from(text);
                    }
                }
            }
        }
        translated
    }

    /// Where this text leaves a field of `bank` untranslated, as paths such
    /// as `dimensions.communication.statements.communication.monthly-review`.
    pub fn missing(&self, bank: &Bank) -> Vec<String> {
        let mut missing = Vec::new();
        if self.title.is_none() {
            missing.push("title".to_owned());
        }
        for i in 0..bank.levels().len() {
            let level = self.levels.get(i).cloned().unwrap_or_default();
            level.missing(&format!("levels[{i}]"), &mut missing);
        }
        for dimension in bank.dimensions() {
            let at = format!("dimensions.{}", dimension.id.as_str());
            let Some(given) = self.dimensions.get(dimension.id.as_str()) else {
                missing.push(at);
                continue;
            };
            given.about.missing(&at, &mut missing);
            for statement in &dimension.statements {
                if !given.statements.contains_key(statement.id.as_str()) {
                    missing.push(format!("{at}.statements.{}", statement.id.as_str()));
                }
            }
            for (g, guidance) in dimension.guidance.iter().enumerate() {
                let given = given.guidance.get(g).cloned().unwrap_or_default();
                if given.next.is_none() {
                    missing.push(format!("{at}.guidance[{g}].next"));
                }
                for p in 0..guidance.practices.len() {
                    if given.practices.get(p).is_none_or(Option::is_none) {
                        missing.push(format!("{at}.guidance[{g}].practices[{p}]"));
                    }
                }
            }
        }
        missing
    }
}

impl Pair {
    fn over(&self, name: &mut String, summary: &mut String) {
        if let Some(given) = &self.name {
            name.clone_from(given);
        }
        if let Some(given) = &self.summary {
            summary.clone_from(given);
        }
    }

    fn missing(&self, at: &str, missing: &mut Vec<String>) {
        if self.name.is_none() {
            missing.push(format!("{at}.name"));
        }
        if self.summary.is_none() {
            missing.push(format!("{at}.summary"));
        }
    }
}

impl DimensionText {
    fn read(
        dimension: &crate::assessment::Dimension,
        at: &At,
        value: &Value,
        problems: &mut Problems,
    ) -> DimensionText {
        let mut text = DimensionText {
            about: pair(at, value, "a dimension's translation", problems),
            ..DimensionText::default()
        };
        let Value::Object(map) = value else {
            return text;
        };
        if let Some(statements) = map.get("statements") {
            let at = at.field("statements");
            match statements {
                Value::Object(given) => {
                    for (id, value) in given {
                        let at = at.field(id);
                        if dimension.statements.iter().any(|s| s.id.as_str() == id) {
                            if let Some(t) = translation(&at, value, problems) {
                                text.statements.insert(id.clone(), t);
                            }
                        } else {
                            problems.add(at, "the dimension has no statement of this id");
                        }
                    }
                }
                other => problems.wrong_type(&at, "an object { … } of statements by id", other),
            }
        }
        if let Some(guidance) = map.get("guidance") {
            let at = at.field("guidance");
            if let Some(list) = problems.list(&at, guidance) {
                if list.len() > dimension.guidance.len() {
                    problems.add(
                        at,
                        format_args!(
                            "the dimension has guidance for {} levels",
                            dimension.guidance.len()
                        ),
                    );
                }
                text.guidance = list
                    .iter()
                    .zip(&dimension.guidance)
                    .enumerate()
                    .map(|(i, (value, guidance))| {
                        GuidanceText::read(guidance.practices.len(), &at.item(i), value, problems)
                    })
                    .collect();
            }
        }
        text
    }
}

impl GuidanceText {
    fn read(practices: usize, at: &At, value: &Value, problems: &mut Problems) -> GuidanceText {
        let mut text = GuidanceText::default();
        let Some(map) = problems.object(at, value, "a level's guidance", &["next", "practices"])
        else {
            return text;
        };
        text.next = map
            .get("next")
            .and_then(|v| translation(&at.field("next"), v, problems));
        if let Some(list) = map.get("practices") {
            let at = at.field("practices");
            if let Some(list) = problems.list(&at, list) {
                if list.len() > practices {
                    problems.add(at, format_args!("this level has {practices} practices"));
                }
                text.practices = list
                    .iter()
                    .take(practices)
                    .enumerate()
                    .map(|(i, v)| translation(&at.item(i), v, problems))
                    .collect();
            }
        }
        text
    }
}

/// A name and a summary, either of which may be left out.
fn pair(at: &At, value: &Value, what: &str, problems: &mut Problems) -> Pair {
    let fields: &[&str] = if what == "a level" {
        &["name", "summary"]
    } else {
        &["name", "summary", "statements", "guidance"]
    };
    let Some(map) = problems.object(at, value, what, fields) else {
        return Pair::default();
    };
    Pair {
        name: map
            .get("name")
            .and_then(|v| translation(&at.field("name"), v, problems)),
        summary: map
            .get("summary")
            .and_then(|v| translation(&at.field("summary"), v, problems)),
    }
}

/// One translated text, or the problem with it.
fn translation(at: &At, value: &Value, problems: &mut Problems) -> Option<String> {
    let Value::String(text) = value else {
        problems.wrong_type(at, "text", value);
        return None;
    };
    match refuse_text(text) {
        None => Some(text.clone()),
        Some(reason) => {
            problems.add(at, reason);
            None
        }
    }
}
