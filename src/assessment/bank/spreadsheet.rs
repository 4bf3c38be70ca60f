//! A bank's text as a spreadsheet, for a translator who works in one rather
//! than in JSON: one row per text, by its key ([`Field`]), with the bank's
//! own words and a column for each language Tandem speaks.
//!
//! ```text
//! field,default,en,de,fr,es,ar
//! title,HR and L&D partnership,,Zusammenarbeit von HR und Personalentwicklung,,,
//! statements.communication.monthly-review,We meet every month.,,Wir treffen uns monatlich.,,,
//! ```
//!
//! Reading it back adds to what the bank has and is all or nothing: every
//! problem is named by its row and column, and a sheet with any problem
//! changes nothing.

use super::localized::translated;
use super::read::rule;
use super::{Bank, BankText, Field, Language};
use crate::assessment::csv::{self, cell_text, push_row};
use crate::assessment::language::Key;
use crate::assessment::untrusted::{shown, At, Place, Problem, Problems, Why};
use serde_json::Value;

/// The first two columns' headings.
const FIELD: &str = "field";
const DEFAULT: &str = "default";
/// Most columns read: the two above, a column per language, and room for a
/// translator's notes, which are left as they are.
const MOST_COLUMNS: usize = 32;

impl Bank {
    /// The bank's text as CSV: UTF-8 with a byte order mark, so that a
    /// spreadsheet reads its accents, every cell written so that a
    /// spreadsheet never runs it ([`csv::csv_field`]), each language's
    /// column holding the bank's translations so far.
    pub fn text_sheet(&self) -> String {
        let mut sheet = String::from("\u{feff}");
        let mut heading = vec![FIELD, DEFAULT];
        heading.extend(Language::ALL.iter().map(|l| l.code()));
        push_row(&mut sheet, &heading);
        for (field, own) in self.fields() {
            let key = field.to_string();
            let mut row = vec![key.as_str(), own];
            for language in Language::ALL {
                let given = self.translation(language).and_then(|t| t.get(&field));
                row.push(given.unwrap_or_default());
            }
            push_row(&mut sheet, &row);
        }
        sheet
    }

    /// The bank with the translations a sheet gives: each filled cell of a
    /// language's column gives that language's text of its row's field; an
    /// empty cell, a row left out and a language with no column leave what
    /// the bank had, so that a sheet never loses a translation. Every
    /// problem is named by row and column.
    pub fn with_text_sheet(&self, bytes: &[u8]) -> Result<Bank, Vec<Problem>> {
        let fields = self.fields();
        let refused = |reason: Why| vec![Problem::new(Place::File, reason)];
        let rows = csv::read_rows(bytes, fields.len() + 100, MOST_COLUMNS)
            .map_err(|error| refused(error.into()))?;
        let Some((heading, rows)) = rows.split_first() else {
            return Err(refused(Why::new(Key::PROBLEM_SHEET_NO_HEADINGS)));
        };
        let mut problems = Problems::default();
        let (heading_row, heading) = heading;
        let columns = Columns::read(*heading_row, heading, &mut problems);
        // What the bank has, which the sheet adds to: a text the sheet
        // leaves empty, or has no row for, stays as it was.
        let mut texts: Vec<(Language, BankText)> = columns
            .languages
            .iter()
            .map(|(language, _)| {
                let had = self.translation(*language).cloned().unwrap_or_default();
                (*language, had)
            })
            .collect();
        // The row each field was given in, to name a second one.
        let mut seen: Vec<(Field, usize)> = Vec::new();
        for (row, cells) in rows {
            let row = *row;
            let cell = |column: usize| cells.get(column).map_or("", |c| cell_text(c));
            let key = cell(columns.field).trim();
            if key.is_empty() {
                if cells.iter().any(|c| !c.trim().is_empty()) {
                    problems.add(
                        place(row, columns.field, FIELD),
                        Key::PROBLEM_SHEET_KEY_EMPTY,
                    );
                }
                continue;
            }
            let known = Field::parse(key).and_then(|field| {
                let own = fields.iter().find(|(f, _)| *f == field)?.1;
                Some((field, own))
            });
            let Some((field, own)) = known else {
                problems.add(
                    place(row, columns.field, FIELD),
                    Why::new(Key::PROBLEM_SHEET_KEY_UNKNOWN).text("key", shown(key)),
                );
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(f, _)| *f == field) {
                problems.add(
                    place(row, columns.field, FIELD),
                    Why::new(Key::PROBLEM_SHEET_KEY_AGAIN)
                        .text("key", shown(key))
                        .number("row", *first),
                );
                continue;
            }
            seen.push((field.clone(), row));
            if let Some(default) = columns.default {
                if normalised(cell(default)) != normalised(own) {
                    problems.add(
                        place(row, default, DEFAULT),
                        Key::PROBLEM_SHEET_DEFAULT_CHANGED,
                    );
                }
            }
            for ((language, column), (_, text)) in columns.languages.iter().zip(&mut texts) {
                let given = cell(*column);
                if given.trim().is_empty() {
                    continue;
                }
                // The cell's text by the field's rule, its problems named
                // at the cell.
                let mut found = Problems::default();
                let value = Value::from(given);
                if let Some(given) = translated(&mut found, &At::File, &value, rule(&field)) {
                    text.set(field.clone(), given);
                }
                for problem in found.into_list() {
                    problems.add(place(row, *column, language.code()), problem.reason);
                }
            }
        }
        if problems.count() > 0 {
            return Err(problems.into_list());
        }
        let mut translations: Vec<(Language, BankText)> = Language::ALL
            .into_iter()
            .filter(|language| !columns.languages.iter().any(|(l, _)| l == language))
            .filter_map(|language| Some((language, self.translation(language)?.clone())))
            .collect();
        translations.extend(texts);
        Ok(self.with_translations(translations))
    }
}

/// Which column holds what, from the row of headings.
struct Columns {
    field: usize,
    default: Option<usize>,
    languages: Vec<(Language, usize)>,
}

impl Columns {
    fn read(row: usize, heading: &[String], problems: &mut Problems) -> Columns {
        let mut columns = Columns {
            field: 0,
            default: None,
            languages: Vec::new(),
        };
        let mut has_field = false;
        for (column, name) in heading.iter().enumerate() {
            let name = cell_text(name).trim().to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            if (name == FIELD && has_field) || (name == DEFAULT && columns.default.is_some()) {
                problems.add(
                    place(row, column, &name),
                    Why::new(Key::PROBLEM_SHEET_COLUMN_AGAIN).text("name", shown(&name)),
                );
            } else if name == FIELD {
                (columns.field, has_field) = (column, true);
            } else if name == DEFAULT {
                columns.default = Some(column);
            } else if let Some(language) = Language::from_tag(&name) {
                if columns.languages.iter().any(|(l, _)| *l == language) {
                    problems.add(place(row, column, &name), Key::PROBLEM_SHEET_LANGUAGE_AGAIN);
                } else {
                    columns.languages.push((language, column));
                }
            } else if looks_like_a_language(&name) {
                problems.add(place(row, column, &name), Language::unknown());
            }
            // Any other heading is a translator's own column, such as notes.
        }
        if !has_field {
            problems.add(
                Place::Row(row),
                Why::new(Key::PROBLEM_SHEET_NO_FIELD).text("field", FIELD),
            );
        }
        if columns.languages.is_empty() {
            problems.add(
                Place::Row(row),
                Why::new(Key::PROBLEM_SHEET_NO_LANGUAGE).text("codes", Language::codes()),
            );
        }
        columns
    }
}

/// A heading such as `it` or `pt-br`: a language's code, where a column
/// of notes would have a word.
fn looks_like_a_language(heading: &str) -> bool {
    let primary = heading.split(['-', '_']).next().unwrap_or_default();
    primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())
}

/// A cell's place: `row 5, column 3 (de)`, columns counted from 1.
fn place(row: usize, column: usize, heading: &str) -> Place {
    Place::Cell {
        row,
        column: column + 1,
        heading: shown(heading),
    }
}

/// Text as a spreadsheet may give it back: its line endings and its spaces
/// at either end are not the text's own.
fn normalised(text: &str) -> String {
    text.trim().replace("\r\n", "\n")
}
