//! The standard questions' text in a language file: what a respondent
//! reads, laid over the bank ([`Bank::in_text`]) without touching what its
//! answers are kept and scored by.
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
use super::Key;
use crate::assessment::bank::{Bank, BankText, Field};
use crate::assessment::untrusted::{At, Problems, Why};
use serde_json::Value;

/// Reads the text at `at` against `bank`: every id must be the bank's,
/// every list no longer than the bank's, every text one a message could be
/// ([`refuse_text`]).
pub(super) fn read(bank: &Bank, at: &At, value: &Value, problems: &mut Problems) -> BankText {
    let mut text = BankText::default();
    let Some(map) = problems.object(at, value, &["title", "levels", "dimensions"]) else {
        return text;
    };
    if let Some(title) = map.get("title") {
        put(&mut text, Field::Title, &at.field("title"), title, problems);
    }
    if let Some(levels) = map.get("levels") {
        let at = at.field("levels");
        if let Some(list) = problems.list(&at, levels) {
            if list.len() > bank.levels().len() {
                problems.add(
                    at,
                    Why::Shipped(format!("the bank has {} levels", bank.levels().len())),
                );
            }
            for ((i, level), number) in list.iter().take(bank.levels().len()).enumerate().zip(1..) {
                let at = at.item(i);
                if let Some(map) = problems.object(&at, level, &["name", "summary"]) {
                    if let Some(name) = map.get("name") {
                        put(
                            &mut text,
                            Field::LevelName(number),
                            &at.field("name"),
                            name,
                            problems,
                        );
                    }
                    if let Some(summary) = map.get("summary") {
                        let field = Field::LevelSummary(number);
                        put(&mut text, field, &at.field("summary"), summary, problems);
                    }
                }
            }
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
                            read_dimension(dimension, &at, value, &mut text, problems)
                        }
                        None => problems.add(
                            at,
                            Why::Shipped("the bank has no dimension of this id".to_owned()),
                        ),
                    }
                }
            }
            other => problems.wrong_type(&at, Key::PROBLEM_KIND_OBJECT, other),
        }
    }
    text
}

fn read_dimension(
    dimension: &crate::assessment::Dimension,
    at: &At,
    value: &Value,
    text: &mut BankText,
    problems: &mut Problems,
) {
    let fields = &["name", "summary", "statements", "guidance"];
    let Some(map) = problems.object(at, value, fields) else {
        return;
    };
    let id = dimension.id.as_str();
    if let Some(name) = map.get("name") {
        let field = Field::DimensionName(id.to_owned());
        put(text, field, &at.field("name"), name, problems);
    }
    if let Some(summary) = map.get("summary") {
        let field = Field::DimensionSummary(id.to_owned());
        put(text, field, &at.field("summary"), summary, problems);
    }
    if let Some(statements) = map.get("statements") {
        let at = at.field("statements");
        match statements {
            Value::Object(given) => {
                for (statement, value) in given {
                    let at = at.field(statement);
                    if dimension
                        .statements
                        .iter()
                        .any(|s| s.id.as_str() == statement)
                    {
                        put(
                            text,
                            Field::Statement(statement.clone()),
                            &at,
                            value,
                            problems,
                        );
                    } else {
                        problems.add(
                            at,
                            Why::Shipped("the dimension has no statement of this id".to_owned()),
                        );
                    }
                }
            }
            other => problems.wrong_type(&at, Key::PROBLEM_KIND_OBJECT, other),
        }
    }
    let Some(guidance) = map.get("guidance") else {
        return;
    };
    let at = at.field("guidance");
    let Some(list) = problems.list(&at, guidance) else {
        return;
    };
    if list.len() > dimension.guidance.len() {
        problems.add(
            at,
            Why::Shipped(format!(
                "the dimension has guidance for {} levels",
                dimension.guidance.len()
            )),
        );
    }
    for (i, (value, guidance)) in list.iter().zip(&dimension.guidance).enumerate() {
        let at = at.item(i);
        let level = guidance.level;
        let Some(map) = problems.object(&at, value, &["next", "practices"]) else {
            continue;
        };
        if let Some(next) = map.get("next") {
            let field = Field::Next(id.to_owned(), level);
            put(text, field, &at.field("next"), next, problems);
        }
        let Some(practices) = map.get("practices") else {
            continue;
        };
        let at = at.field("practices");
        let Some(given) = problems.list(&at, practices) else {
            continue;
        };
        let most = guidance.practices.len();
        if given.len() > most {
            problems.add(at, Why::Shipped(format!("this level has {most} practices")));
        }
        for ((p, value), n) in given.iter().take(most).enumerate().zip(1..) {
            let field = Field::Practice(id.to_owned(), level, n);
            put(text, field, &at.item(p), value, problems);
        }
    }
}

/// Gives `field` the translated text `value`, or notes the problem with it.
fn put(text: &mut BankText, field: Field, at: &At, value: &Value, problems: &mut Problems) {
    let Value::String(given) = value else {
        problems.wrong_type(at, Key::PROBLEM_KIND_TEXT, value);
        return;
    };
    match refuse_text(given) {
        None => text.set(field, given.clone()),
        Some(reason) => problems.add(at, Why::Shipped(reason)),
    }
}
