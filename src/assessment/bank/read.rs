//! Reading a bank file: every field by its own rule, each problem noted with
//! its location, so that a bank that reads is one the rest of Tandem can use
//! as it is.

use super::localized;
use super::*;
use crate::assessment::language::{Key, Language};
use crate::assessment::untrusted::{self, At, Problems, TextRule, Why};
use serde_json::Value;
use std::collections::HashSet;

/// Whether a bank's texts may come in several languages: a consultant's
/// bank may carry its translations, Tandem's own questions are translated
/// by the language files (and the first screen, which reads them, carries
/// no code for a translated field).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Texts {
    InLanguages,
    Own,
}

/// Reads and checks a whole bank file; `mark` gives the bank its
/// fingerprint and short mark.
pub(super) fn read_file(
    json: &str,
    mark: fn(Bank) -> Bank,
    texts: Texts,
) -> Result<Bank, BankError> {
    let value = untrusted::read_json(json, MAX_BANK_BYTES).map_err(|problem| BankError {
        problems: vec![problem],
    })?;
    let mut problems = Problems::default();
    match read_unmarked(&mut problems, &At::File, &value, texts) {
        Some(bank) => Ok(mark(bank)),
        None => Err(BankError {
            problems: problems.into_list(),
        }),
    }
}

/// Notes a bank from outside that calls itself by the standard bank's id:
/// saved answers are kept under a bank's id, so a reworded copy of the
/// standard bank must be told apart from it.
pub(crate) fn check_own_id(problems: &mut Problems, at: &At, bank: &Bank) {
    if bank.id != STANDARD_ID {
        return;
    }
    if bank.fingerprint != Bank::standard().fingerprint {
        problems.add(at.field("id"), Key::PROBLEM_BANK_STANDARD_ID);
    } else if !bank.translations.is_empty() {
        // Tandem's own questions read in the words of its language files.
        problems.add(at.field("id"), Key::PROBLEM_BANK_STANDARD_TRANSLATED);
    }
}

const BANK_FIELDS: &[&str] = &["id", "version", "title", "levels", "dimensions"];
const LEVEL_FIELDS: &[&str] = &["name", "summary"];
const DIMENSION_FIELDS: &[&str] = &[
    "id",
    "name",
    "summary",
    "core",
    "owner",
    "statements",
    "guidance",
];
const STATEMENT_FIELDS: &[&str] = &["id", "text", "reverse", "not_applicable", "weight"];
const GUIDANCE_FIELDS: &[&str] = &["level", "next", "practices"];
const PRACTICE_FIELDS: &[&str] = &["text", "owner"];
/// The owners' names in a bank, in [`Owner::ALL`] order.
const OWNER_NAMES: &[&str] = &["hr", "learning-and-development", "joint", "leaders"];

const NAME: TextRule = TextRule {
    max: MAX_NAME,
    multiline: false,
};
const TEXT: TextRule = TextRule {
    max: MAX_TEXT,
    multiline: false,
};

/// Reads a bank at `at` (the whole file, or a field of a configuration),
/// noting every problem; `None` when there was any.
pub(crate) fn read_bank(problems: &mut Problems, at: &At, value: &Value) -> Option<Bank> {
    read_unmarked(problems, at, value, Texts::InLanguages).map(Bank::marked)
}

/// [`read_bank`], without working out the bank's marks.
fn read_unmarked(problems: &mut Problems, at: &At, value: &Value, texts: Texts) -> Option<Bank> {
    let before = problems.count();
    match texts {
        Texts::Own => read_content(problems, at, value, before),
        Texts::InLanguages => read_in_languages(problems, at, value, before),
    }
}

/// [`read_content`] of a bank whose texts may be given in several
/// languages. Out of line, so that the first screen, which reads only
/// Tandem's own questions, does not carry it (tools/wasm-split moves whole
/// functions).
#[inline(never)]
fn read_in_languages(
    problems: &mut Problems,
    at: &At,
    value: &Value,
    before: usize,
) -> Option<Bank> {
    let (value, found) = localized::split(problems, at, value, rule);
    let bank = read_content(problems, at, &value, before)?;
    Some(bank.with_translations(translations(found)))
}

/// The bank in `value`, every text of it plain text; `None` if there was any
/// problem since `before`.
fn read_content(problems: &mut Problems, at: &At, value: &Value, before: usize) -> Option<Bank> {
    let map = problems.object(at, value, BANK_FIELDS)?;
    let id = problems.field(at, map, "id", |p, at, v| p.identifier(at, v, false));
    let version = problems.field(at, map, "version", |p, at, v| {
        p.whole(at, v, 1..=MAX_VERSION)
    });
    let title = problems.field(at, map, "title", |p, at, v| p.text(at, v, TEXT));
    let levels = problems.field(at, map, "levels", read_levels);
    let dimensions = problems.field(at, map, "dimensions", read_dimensions);
    if problems.count() > before {
        return None;
    }
    Some(Bank::unmarked(id?, version?, title?, levels?, dimensions?))
}

/// The translated texts found, each under its field, by language.
fn translations(found: Vec<localized::Found>) -> Vec<(Language, BankText)> {
    let mut translations: Vec<(Language, BankText)> = Vec::new();
    for localized::Found {
        field,
        language,
        text,
    } in found
    {
        match translations.iter_mut().find(|(l, _)| *l == language) {
            Some((_, given)) => given.set(field, text),
            None => {
                let mut given = BankText::default();
                given.set(field, text);
                translations.push((language, given));
            }
        }
    }
    translations
}

/// The rule a field's text is held to, in the bank's own words or any
/// other language's: names are short, since they label charts and tables.
pub(super) fn rule(field: &Field) -> TextRule {
    match field {
        Field::LevelName(_) | Field::DimensionName(_) => NAME,
        _ => TEXT,
    }
}

/// Reads every item of a list with `read`; `None` if any item failed.
fn read_items<'v, T>(
    problems: &mut Problems,
    at: &At,
    items: &'v [Value],
    mut read: impl FnMut(&mut Problems, &At, &'v Value) -> Option<T>,
) -> Option<Vec<T>> {
    let read: Vec<Option<T>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| read(problems, &at.item(i), item))
        .collect();
    read.into_iter().collect()
}

fn read_levels(problems: &mut Problems, at: &At, value: &Value) -> Option<Vec<LevelInfo>> {
    let items = problems.list(at, value)?;
    if items.len() != Level::COUNT {
        problems.add(
            at,
            Why::new(Key::PROBLEM_BANK_LEVELS).number("count", Level::COUNT),
        );
    }
    read_items(problems, at, items, |problems, at, item| {
        let map = problems.object(at, item, LEVEL_FIELDS)?;
        let name = problems.field(at, map, "name", |p, at, v| p.text(at, v, NAME));
        let summary = problems.field(at, map, "summary", |p, at, v| p.text(at, v, TEXT));
        Some(LevelInfo {
            name: name?,
            summary: summary?,
        })
    })
}

fn read_dimensions(problems: &mut Problems, at: &At, value: &Value) -> Option<Vec<Dimension>> {
    let items = problems.list(at, value)?;
    if items.is_empty() {
        problems.add(at, Key::PROBLEM_BANK_NO_DIMENSIONS);
    } else if items.len() > MAX_DIMENSIONS {
        problems.add(
            at,
            Why::new(Key::PROBLEM_BANK_TOO_MANY_DIMENSIONS).number("max", MAX_DIMENSIONS),
        );
    } else if !items
        .iter()
        .any(|d| d.get("core") == Some(&Value::Bool(true)))
    {
        problems.add(at, Key::PROBLEM_BANK_NO_CORE);
    }
    // Ids seen so far, to report each later use of one.
    let mut dimension_ids = HashSet::new();
    let mut statement_ids = HashSet::new();
    read_items(problems, at, items, |problems, at, item| {
        let map = problems.object(at, item, DIMENSION_FIELDS)?;
        let id = problems.field(at, map, "id", |p, at, v| {
            let id = p.identifier(at, v, false)?;
            if !dimension_ids.insert(id.clone()) {
                p.add(at, Key::PROBLEM_BANK_DIMENSION_ID_USED);
                return None;
            }
            Some(DimensionId(id))
        });
        let name = problems.field(at, map, "name", |p, at, v| p.text(at, v, NAME));
        let summary = problems.field(at, map, "summary", |p, at, v| p.text(at, v, TEXT));
        let core = problems.field(at, map, "core", Problems::flag);
        let owner = problems.optional_field(at, map, "owner", Owner::default(), |p, at, v| {
            p.choice(at, v, OWNER_NAMES).map(|i| Owner::ALL[i])
        });
        let statements = problems.field(at, map, "statements", |p, at, v| {
            read_statements(p, at, v, &mut statement_ids)
        });
        let guidance = problems.field(at, map, "guidance", read_guidance);
        Some(Dimension {
            id: id?,
            name: name?,
            summary: summary?,
            core: core?,
            owner: owner?,
            statements: statements?,
            guidance: guidance?,
        })
    })
}

/// A practice: its text, or an object with its `text` and its `owner`.
fn read_practice(problems: &mut Problems, at: &At, value: &Value) -> Option<Practice> {
    if value.is_string() {
        let text = problems.text(at, value, TEXT)?;
        return Some(Practice { text, owner: None });
    }
    let map = problems.object(at, value, PRACTICE_FIELDS)?;
    let text = problems.field(at, map, "text", |p, at, v| p.text(at, v, TEXT));
    let owner = problems.optional_field(at, map, "owner", None, |p, at, v| {
        p.choice(at, v, OWNER_NAMES).map(|i| Some(Owner::ALL[i]))
    });
    Some(Practice {
        text: text?,
        owner: owner?,
    })
}

fn read_statements(
    problems: &mut Problems,
    at: &At,
    value: &Value,
    ids: &mut HashSet<String>,
) -> Option<Vec<Statement>> {
    let items = problems.list(at, value)?;
    if items.is_empty() {
        problems.add(at, Key::PROBLEM_BANK_NO_STATEMENTS);
    } else if items.len() > MAX_STATEMENTS {
        problems.add(
            at,
            Why::new(Key::PROBLEM_BANK_TOO_MANY_STATEMENTS).number("max", MAX_STATEMENTS),
        );
    }
    read_items(problems, at, items, |problems, at, item| {
        let map = problems.object(at, item, STATEMENT_FIELDS)?;
        let id = problems.field(at, map, "id", |p, at, v| {
            let id = p.identifier(at, v, true)?;
            if !ids.insert(id.clone()) {
                p.add(at, Key::PROBLEM_BANK_STATEMENT_ID_USED);
                return None;
            }
            Some(StatementId::from(id.as_str()))
        });
        let text = problems.field(at, map, "text", |p, at, v| p.text(at, v, TEXT));
        let reverse = problems.optional_field(at, map, "reverse", false, Problems::flag);
        let not_applicable =
            problems.optional_field(at, map, "not_applicable", false, Problems::flag);
        let weight = problems.optional_field(at, map, "weight", 1, |p, at, v| {
            p.whole(at, v, 1..=u32::from(MAX_WEIGHT)).map(|w| w as u8)
        });
        Some(Statement {
            id: id?,
            text: text?,
            reverse: reverse?,
            not_applicable: not_applicable?,
            weight: weight?,
        })
    })
}

fn read_guidance(problems: &mut Problems, at: &At, value: &Value) -> Option<Vec<Guidance>> {
    let items = problems.list(at, value)?;
    if items.len() != Level::COUNT {
        problems.add(
            at,
            Why::new(Key::PROBLEM_BANK_GUIDANCE_COUNT).number("count", Level::COUNT),
        );
    }
    let mut expected = 0u8;
    read_items(problems, at, items, |problems, at, item| {
        expected += 1;
        let map = problems.object(at, item, GUIDANCE_FIELDS)?;
        let level = problems.field(at, map, "level", |p, at, v| {
            let level = p.whole(at, v, 1..=Level::COUNT as u32)? as u8;
            if level != expected {
                p.add(
                    at,
                    Why::new(Key::PROBLEM_BANK_GUIDANCE_ORDER).number("count", Level::COUNT),
                );
                return None;
            }
            Some(level)
        });
        let next = problems.field(at, map, "next", |p, at, v| p.text(at, v, TEXT));
        let practices = problems.field(at, map, "practices", |p, at, v| {
            let items = p.list(at, v)?;
            if items.is_empty() || items.len() > MAX_PRACTICES {
                p.add(
                    at,
                    Why::new(Key::PROBLEM_BANK_PRACTICES).number("max", MAX_PRACTICES),
                );
            }
            read_items(p, at, items, read_practice)
        });
        Some(Guidance {
            level: level?,
            next: next?,
            practices: practices?,
        })
    })
}
