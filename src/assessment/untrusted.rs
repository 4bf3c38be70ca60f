//! Reading JSON that people write by hand: question banks and consultants'
//! configurations.
//!
//! Such a file is untrusted and often half finished, so reading it never stops
//! at the first mistake: [`Problems`] notes every problem with where it is
//! (`dimensions[2].statements[4].text`) and a plain reason, and the person
//! fixes them all in one go.
//!
//! The file is first read into a [`serde_json::Value`], then walked by the
//! readers below. Typed deserialising would stop at the first wrong type or
//! unknown key and could only say "line 12, column 7"; walking the tree reports
//! each of them at its path. `Value` is already in the app (importing a result
//! reads one), so this costs no new parser.
//!
//! serde_json refuses JSON nested more than 128 brackets deep before it could
//! exhaust the stack; that is reported as a plain problem too.

use serde_json::{Map, Value};
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

/// One problem in a file: where it is and what is wrong, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A path such as `dimensions[2].statements[0].text`; `file` for the
    /// file as a whole; `line 3, column 14` when it is not JSON at all.
    pub location: String,
    /// What is wrong and, where it is not obvious, how to put it right.
    pub reason: String,
}

/// Writes problems one a line, as "location: reason".
pub(crate) fn write_problems(f: &mut fmt::Formatter<'_>, problems: &[Problem]) -> fmt::Result {
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{}: {}", problem.location, problem.reason)?;
    }
    Ok(())
}

/// Most problems listed for one file. A hostile file can hold thousands of
/// mistakes; after this many, one last line says how many more there are.
const MAX_LISTED: usize = 100;

/// Longest id of a bank, a dimension or a statement, in characters.
pub(crate) const MAX_ID: usize = 64;

/// Where a value sits in the file, built while walking it without allocating;
/// written out only when a problem is found there.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    /// The whole file.
    File,
    /// A field of an object.
    Field(&'a At<'a>, &'a str),
    /// An item of a list, counted from 0.
    Item(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    /// The field `name` of the object here.
    pub(crate) fn field(&'a self, name: &'a str) -> At<'a> {
        At::Field(self, name)
    }

    /// Item `index` of the list here.
    pub(crate) fn item(&'a self, index: usize) -> At<'a> {
        At::Item(self, index)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::File => f.write_str("file"),
            At::Field(At::File, name) => f.write_str(&shown(name)),
            At::Field(parent, name) => write!(f, "{parent}.{}", shown(name)),
            At::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Text from the file as it is quoted in a problem: at most 40 characters,
/// control characters escaped, so a hostile key cannot flood or garble the
/// list of problems.
pub(crate) fn shown(text: &str) -> String {
    super::typed::escaped(text, 40)
}

/// What a text field accepts.
#[derive(Clone, Copy)]
pub(crate) struct TextRule {
    /// Longest text, in characters.
    pub max: usize,
    /// Line breaks are allowed (paragraphs); otherwise the text is one line.
    pub multiline: bool,
}

/// The problems found so far in one file.
#[derive(Default)]
pub(crate) struct Problems {
    listed: Vec<Problem>,
    unlisted: usize,
}

impl Problems {
    /// Notes a problem.
    pub(crate) fn add(&mut self, at: impl fmt::Display, reason: impl fmt::Display) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(Problem {
                location: at.to_string(),
                reason: reason.to_string(),
            });
        } else {
            self.unlisted += 1;
        }
    }

    /// How many problems were noted; compare before and after reading a part
    /// to know whether that part was sound.
    pub(crate) fn count(&self) -> usize {
        self.listed.len() + self.unlisted
    }

    /// The problems noted, in the order they were found.
    pub(crate) fn into_list(mut self) -> Vec<Problem> {
        if self.unlisted > 0 {
            self.listed.push(Problem {
                location: "file".to_owned(),
                reason: format!(
                    "has {} more problems not listed here; fix the ones above first",
                    self.unlisted
                ),
            });
        }
        self.listed
    }

    /// Notes that `value` is not the kind of value expected here.
    pub(crate) fn wrong_type(&mut self, at: &At, expected: &str, value: &Value) {
        let found = match value {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list [ … ]",
            Value::Object(_) => "an object { … }",
        };
        self.add(
            at,
            format_args!("invalid type: expected {expected}, found {found}"),
        );
    }

    /// An object with no field outside `fields`; each unknown key is noted
    /// with the fields `what` (such as "a dimension") may have.
    pub(crate) fn object<'v>(
        &mut self,
        at: &At,
        value: &'v Value,
        what: &str,
        fields: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(at, "an object { … }", value);
            return None;
        };
        for key in map.keys().filter(|key| !fields.contains(&key.as_str())) {
            self.add(
                at.field(key),
                format_args!(
                    "unknown field `{}`; {what} has only {}",
                    shown(key),
                    fields.join(", ")
                ),
            );
        }
        Some(map)
    }

    /// The field `key` of the object at `at`, which must be there, read by
    /// `read` at its own location.
    pub(crate) fn field<'v, T>(
        &mut self,
        at: &At,
        map: &'v Map<String, Value>,
        key: &str,
        read: impl FnOnce(&mut Problems, &At, &'v Value) -> Option<T>,
    ) -> Option<T> {
        let at = at.field(key);
        match map.get(key) {
            Some(value) => read(self, &at, value),
            None => {
                self.add(at, "is missing");
                None
            }
        }
    }

    /// The field `key` of the object at `at`, which may be left out (`null`
    /// counts as left out, giving `default`), read by `read` at its own
    /// location.
    pub(crate) fn optional_field<'v, T>(
        &mut self,
        at: &At,
        map: &'v Map<String, Value>,
        key: &str,
        default: T,
        read: impl FnOnce(&mut Problems, &At, &'v Value) -> Option<T>,
    ) -> Option<T> {
        match map.get(key) {
            None | Some(Value::Null) => Some(default),
            Some(value) => read(self, &at.field(key), value),
        }
    }

    /// A list of any length; callers check the length with their own words.
    pub(crate) fn list<'v>(&mut self, at: &At, value: &'v Value) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(at, "a list [ … ]", value);
                None
            }
        }
    }

    /// `true` or `false`.
    pub(crate) fn flag(&mut self, at: &At, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            _ => {
                self.wrong_type(at, "true or false", value);
                None
            }
        }
    }

    /// A whole number in `range`.
    pub(crate) fn whole(
        &mut self,
        at: &At,
        value: &Value,
        range: RangeInclusive<u32>,
    ) -> Option<u32> {
        let expected = format!("a whole number from {} to {}", range.start(), range.end());
        let Value::Number(number) = value else {
            self.wrong_type(at, &expected, value);
            return None;
        };
        let whole = number
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| range.contains(n));
        if whole.is_none() {
            self.add(at, format_args!("must be {expected}"));
        }
        whole
    }

    /// One of `names`, returned as its index.
    pub(crate) fn choice(&mut self, at: &At, value: &Value, names: &[&str]) -> Option<usize> {
        let Value::String(text) = value else {
            self.wrong_type(at, "text", value);
            return None;
        };
        let index = names.iter().position(|name| name == text);
        if index.is_none() {
            self.add(at, format_args!("must be one of {}", names.join(", ")));
        }
        index
    }

    /// Plain text that is not empty, not longer than the rule allows and free
    /// of control characters. Line breaks are allowed only in multi-line text,
    /// where `\r\n` and `\r` are read as `\n`.
    pub(crate) fn text(&mut self, at: &At, value: &Value, rule: TextRule) -> Option<String> {
        let Value::String(text) = value else {
            self.wrong_type(at, "text", value);
            return None;
        };
        let text = if rule.multiline && text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.clone()
        };
        if text.trim().is_empty() {
            self.add(at, "is empty");
            return None;
        }
        if text.chars().count() > rule.max {
            self.add(
                at,
                format_args!("is too long (at most {} characters)", rule.max),
            );
            return None;
        }
        let control = text
            .chars()
            .enumerate()
            .find(|&(_, c)| c.is_control() && !(rule.multiline && c == '\n'));
        match control {
            None => Some(text),
            Some((position, '\n' | '\r')) => {
                self.add(
                    at,
                    format_args!(
                        "has a line break at character {}; this text must be one line",
                        position + 1
                    ),
                );
                None
            }
            Some((position, c)) => {
                self.add(
                    at,
                    format_args!(
                        "has a control character (U+{:04X}) at character {}; remove it",
                        u32::from(c),
                        position + 1
                    ),
                );
                None
            }
        }
    }

    /// An id: lowercase letters, digits and inner hyphens, in parts joined
    /// by dots when `dotted`.
    pub(crate) fn identifier(&mut self, at: &At, value: &Value, dotted: bool) -> Option<String> {
        let id = self.text(
            at,
            value,
            TextRule {
                max: MAX_ID,
                multiline: false,
            },
        )?;
        if dotted && !id.split('.').all(is_identifier) {
            self.add(at, "must be lowercase letters, digits, hyphens and dots");
            None
        } else if !dotted && !is_identifier(&id) {
            self.add(at, "must be lowercase letters, digits and hyphens");
            None
        } else {
            Some(id)
        }
    }
}

/// Reads a whole file as JSON, or says in one problem why it cannot be read:
/// too large (checked before any parsing, so the work a file can cause is
/// bounded), not JSON, or nested too deeply. A byte order mark, which some
/// editors write, is skipped.
pub(crate) fn read_json(text: &str, max_bytes: usize, what: &str) -> Result<Value, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > max_bytes {
        return Err(Problem {
            location: "file".to_owned(),
            reason: format!(
                "is too large ({} bytes; {what} may be at most {max_bytes} bytes)",
                text.len()
            ),
        });
    }
    serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        // serde_json ends its message with the position, given separately here.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(message, _)| message);
        let reason = if message.starts_with("recursion limit exceeded") {
            "is nested too deeply (more than 128 brackets inside one another); \
             a Tandem file needs fewer than 10"
                .to_owned()
        } else if error.is_eof() {
            "is not valid JSON: the text ends too early (a closing bracket, brace or quote is missing)"
                .to_owned()
        } else {
            format!("is not valid JSON: {message}")
        };
        Problem {
            location: format!("line {}, column {}", error.line(), error.column()),
            reason,
        }
    })
}

/// Lowercase ASCII letters, digits and inner hyphens: safe in element ids and
/// stable across languages.
pub(crate) fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Text read through `T`'s own rules, its refusal noted as the reason.
pub(crate) fn parsed<T: FromStr>(problems: &mut Problems, at: &At, value: &Value) -> Option<T>
where
    T::Err: fmt::Display,
{
    let Value::String(text) = value else {
        problems.wrong_type(at, "text", value);
        return None;
    };
    text.parse()
        .map_err(|error: T::Err| problems.add(at, error))
        .ok()
}
