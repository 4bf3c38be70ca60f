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

use super::language::Key;
use serde_json::{Map, Value};
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

/// One problem in a file: where it is and what is wrong, kept as what
/// went wrong so that each screen words it in its reader's language
/// (`Problem::words`); its English is its [`fmt::Display`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub location: Place,
    /// What is wrong and, where it is not obvious, how to put it right.
    pub reason: Why,
}

impl Problem {
    /// A problem at `location`.
    pub fn new(location: Place, reason: Why) -> Problem {
        Problem { location, reason }
    }
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A configuration link as a whole.
    Link,
    /// A path in the file such as `dimensions[2].statements[0].text`, which
    /// reads the same in every language.
    Path(String),
    /// A place in text that is not JSON at all, counted from 1.
    Line { line: usize, column: usize },
    /// A row of a spreadsheet, counted as the spreadsheet counts it.
    Row(usize),
    /// A cell of a spreadsheet: its row and column (from 1) and the heading
    /// of its column.
    Cell {
        row: usize,
        column: usize,
        heading: String,
    },
    /// A place in the question bank file inside a configuration.
    Bank(Box<Place>),
}

impl Place {
    /// The path of a field, as the file names it.
    pub fn path(&self) -> Option<&str> {
        match self {
            Place::Path(path) => Some(path),
            _ => None,
        }
    }
}

impl From<&At<'_>> for Place {
    fn from(at: &At<'_>) -> Place {
        match at {
            At::File => Place::File,
            at => Place::Path(at.to_string()),
        }
    }
}

impl From<At<'_>> for Place {
    fn from(at: At<'_>) -> Place {
        Place::from(&at)
    }
}

/// What is wrong: one of Tandem's messages (`problem.*` in `en.json`) and
/// what fills it, worded where it is shown (`Why::words`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A message, the number it counts (for its plural form), and its
    /// placeholders' values.
    Message {
        key: Key,
        count: Option<usize>,
        args: Vec<(&'static str, Arg)>,
    },
    /// A problem in a language file that Tandem ships, for Tandem's
    /// developers, in English: the build refuses such a file, so no one
    /// else meets it.
    Shipped(String),
}

/// What fills a placeholder of a [`Why`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text as it is: an id, a field's name, a code, from the file or from
    /// Tandem's format.
    Text(String),
    /// A whole number, written the reader's way.
    Number(usize),
    /// A number of tenths (45 is 4.5), written the reader's way.
    Tenths(usize),
    /// Another message's words, such as the kind of value expected.
    Said(Box<Why>),
    /// Names as they are, joined as the reader's language joins a list
    /// ("questions and threshold").
    List(Vec<String>),
}

impl Why {
    /// The message `key`, to be filled with [`Why::text`] and the like.
    pub fn new(key: Key) -> Why {
        Why::Message {
            key,
            count: None,
            args: Vec::new(),
        }
    }

    /// The message `key` in the form for `count`, which fills `{count}`.
    pub fn counting(key: Key, count: usize) -> Why {
        Why::Message {
            key,
            count: Some(count),
            args: Vec::new(),
        }
    }

    /// Fills `{name}` with `arg`.
    fn with(mut self, name: &'static str, arg: Arg) -> Why {
        if let Why::Message { args, .. } = &mut self {
            args.push((name, arg));
        }
        self
    }

    /// Fills `{name}` with `text` as it is.
    pub fn text(self, name: &'static str, text: impl Into<String>) -> Why {
        self.with(name, Arg::Text(text.into()))
    }

    /// Fills `{name}` with the number `n`.
    pub fn number(self, name: &'static str, n: usize) -> Why {
        self.with(name, Arg::Number(n))
    }

    /// Fills `{name}` with `names`, as a list.
    pub fn list(self, name: &'static str, names: Vec<String>) -> Why {
        self.with(name, Arg::List(names))
    }

    /// Fills `{name}` with `tenths` tenths.
    pub fn tenths(self, name: &'static str, tenths: usize) -> Why {
        self.with(name, Arg::Tenths(tenths))
    }

    /// Fills `{name}` with the words of another message, such as `key`.
    pub fn said(self, name: &'static str, said: impl Into<Why>) -> Why {
        self.with(name, Arg::Said(Box::new(said.into())))
    }

    /// The message, if it is one of Tandem's.
    pub fn key(&self) -> Option<Key> {
        match self {
            Why::Message { key, .. } => Some(*key),
            Why::Shipped(_) => None,
        }
    }
}

impl From<std::convert::Infallible> for Why {
    fn from(never: std::convert::Infallible) -> Why {
        match never {}
    }
}

impl From<Key> for Why {
    fn from(key: Key) -> Why {
        Why::new(key)
    }
}

/// Writes problems one a line, as "location: reason".
pub(crate) fn write_problems(f: &mut fmt::Formatter<'_>, problems: &[Problem]) -> fmt::Result {
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{problem}")?;
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
    pub(crate) fn add(&mut self, at: impl Into<Place>, reason: impl Into<Why>) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(Problem::new(at.into(), reason.into()));
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
            self.listed.push(Problem::new(
                Place::File,
                Why::counting(Key::PROBLEM_MORE, self.unlisted),
            ));
        }
        self.listed
    }

    /// Notes that `value` is not the kind of value expected here.
    pub(crate) fn wrong_type(&mut self, at: &At, expected: impl Into<Why>, value: &Value) {
        let found = match value {
            Value::Null => Key::PROBLEM_KIND_NULL,
            Value::Bool(_) => Key::PROBLEM_KIND_FLAG,
            Value::Number(_) => Key::PROBLEM_KIND_NUMBER,
            Value::String(_) => Key::PROBLEM_KIND_TEXT,
            Value::Array(_) => Key::PROBLEM_KIND_LIST,
            Value::Object(_) => Key::PROBLEM_KIND_OBJECT,
        };
        self.add(
            at,
            Why::new(Key::PROBLEM_WRONG_TYPE)
                .said("expected", expected)
                .said("found", found),
        );
    }

    /// An object with no field outside `fields`; each unknown key is noted
    /// with the fields there may be.
    pub(crate) fn object<'v>(
        &mut self,
        at: &At,
        value: &'v Value,
        fields: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(at, Key::PROBLEM_KIND_OBJECT, value);
            return None;
        };
        for key in map.keys().filter(|key| !fields.contains(&key.as_str())) {
            self.add(
                at.field(key),
                Why::new(Key::PROBLEM_UNKNOWN_FIELD).text("fields", fields.join(", ")),
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
                self.add(at, Key::PROBLEM_MISSING);
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
                self.wrong_type(at, Key::PROBLEM_KIND_LIST, value);
                None
            }
        }
    }

    /// `true` or `false`.
    pub(crate) fn flag(&mut self, at: &At, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            _ => {
                self.wrong_type(at, Key::PROBLEM_KIND_FLAG, value);
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
        let of = |key| {
            Why::new(key)
                .number("min", *range.start() as usize)
                .number("max", *range.end() as usize)
        };
        let Value::Number(number) = value else {
            self.wrong_type(at, of(Key::PROBLEM_KIND_WHOLE), value);
            return None;
        };
        let whole = number
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| range.contains(n));
        if whole.is_none() {
            self.add(at, of(Key::PROBLEM_WHOLE));
        }
        whole
    }

    /// One of `names`, returned as its index.
    pub(crate) fn choice(&mut self, at: &At, value: &Value, names: &[&str]) -> Option<usize> {
        let Value::String(text) = value else {
            self.wrong_type(at, Key::PROBLEM_KIND_TEXT, value);
            return None;
        };
        let index = names.iter().position(|name| name == text);
        if index.is_none() {
            self.add(
                at,
                Why::new(Key::PROBLEM_ONE_OF).text("names", names.join(", ")),
            );
        }
        index
    }

    /// Plain text that is not empty, not longer than the rule allows and free
    /// of control characters. Line breaks are allowed only in multi-line text,
    /// where `\r\n` and `\r` are read as `\n`.
    pub(crate) fn text(&mut self, at: &At, value: &Value, rule: TextRule) -> Option<String> {
        let Value::String(text) = value else {
            self.wrong_type(at, Key::PROBLEM_KIND_TEXT, value);
            return None;
        };
        let text = if rule.multiline && text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.clone()
        };
        if text.trim().is_empty() {
            self.add(at, Key::PROBLEM_EMPTY);
            return None;
        }
        if text.chars().count() > rule.max {
            self.add(at, Why::new(Key::PROBLEM_TOO_LONG).number("max", rule.max));
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
                    Why::new(Key::PROBLEM_LINE_BREAK).number("at", position + 1),
                );
                None
            }
            Some((position, c)) => {
                self.add(
                    at,
                    Why::new(Key::PROBLEM_CONTROL)
                        .text("code", code_point(c))
                        .number("at", position + 1),
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
            self.add(at, Key::PROBLEM_ID_DOTTED);
            None
        } else if !dotted && !is_identifier(&id) {
            self.add(at, Key::PROBLEM_ID);
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
pub(crate) fn read_json(text: &str, max_bytes: usize) -> Result<Value, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > max_bytes {
        return Err(Problem::new(
            Place::File,
            Why::new(Key::PROBLEM_TOO_LARGE)
                .number("bytes", text.len())
                .number("max", max_bytes),
        ));
    }
    serde_json::from_str(text).map_err(|error| {
        Problem::new(
            Place::Line {
                line: error.line(),
                column: error.column(),
            },
            not_json(&error),
        )
    })
}

/// What a person can do about JSON that does not read. serde_json says
/// what it expected in English; the commonest slips are named in the
/// reader's language, the rest point at the place.
fn not_json(error: &serde_json::Error) -> Why {
    if error.is_eof() {
        return Why::new(Key::PROBLEM_JSON_ENDS);
    }
    let said = error.to_string();
    let key = match without_position(&said) {
        "recursion limit exceeded" => {
            return Why::new(Key::PROBLEM_JSON_DEEP).number("depth", MAX_JSON_DEPTH)
        }
        "expected `:`" => Key::PROBLEM_JSON_COLON,
        "expected `,` or `]`" | "expected `,` or `}`" => Key::PROBLEM_JSON_COMMA,
        "trailing comma" => Key::PROBLEM_JSON_TRAILING_COMMA,
        "key must be a string" => Key::PROBLEM_JSON_KEY,
        "trailing characters" => Key::PROBLEM_JSON_AFTER,
        said if said.starts_with("control character") => Key::PROBLEM_JSON_CONTROL,
        _ => Key::PROBLEM_JSON_SYNTAX,
    };
    Why::new(key)
}

/// What a JSON reader found wrong with a file's content, as a problem: at
/// the line and column where the reader has them, at `place` where it read
/// a value already parsed. The reader's English is only classified, never
/// shown, so the problem reads in every language; a value or field it
/// names is quoted as the file has it.
pub(crate) fn unusable(error: &serde_json::Error, place: Place) -> Problem {
    let location = match (error.line(), error.column()) {
        (0, _) => place,
        (line, column) => Place::Line { line, column },
    };
    if !error.is_data() {
        return Problem::new(location, not_json(error));
    }
    let said = error.to_string();
    let said = without_position(&said);
    // serde names a field or a variant between backticks.
    let named = || shown(said.split('`').nth(1).unwrap_or_default());
    let reason = if said.starts_with("missing field") {
        Why::new(Key::PROBLEM_DATA_MISSING).text("field", named())
    } else if said.starts_with("unknown field") {
        Why::new(Key::PROBLEM_DATA_UNKNOWN).text("field", named())
    } else if said.starts_with("duplicate field") {
        Why::new(Key::PROBLEM_DATA_AGAIN).text("field", named())
    } else if said.starts_with("unknown variant") {
        Why::new(Key::PROBLEM_DATA_VALUE).text("value", named())
    } else if said.starts_with("invalid type") {
        Why::new(Key::PROBLEM_DATA_KIND)
    } else if said.starts_with("invalid length") {
        Why::new(Key::PROBLEM_DATA_COUNT)
    } else {
        Why::new(Key::PROBLEM_DATA_OTHER)
    };
    Problem::new(location, reason)
}

/// What serde_json said, without the position it ends with (" at line 3
/// column 14"), which a problem gives as its place.
fn without_position(said: &str) -> &str {
    said.rsplit_once(" at line ").map_or(said, |(said, _)| said)
}

/// How deep serde_json lets JSON nest before it refuses it, so that no file
/// can exhaust the stack.
const MAX_JSON_DEPTH: usize = 128;

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

/// How Unicode names a character: `U+200F`.
pub(crate) fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Text read through `T`'s own rules, its refusal noted as the reason.
pub(crate) fn parsed<T: FromStr>(problems: &mut Problems, at: &At, value: &Value) -> Option<T>
where
    T::Err: Into<Why>,
{
    let Value::String(text) = value else {
        problems.wrong_type(at, Key::PROBLEM_KIND_TEXT, value);
        return None;
    };
    text.parse()
        .map_err(|error: T::Err| problems.add(at, error))
        .ok()
}
