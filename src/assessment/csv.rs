//! CSV, the one format every spreadsheet and forms tool reads and writes:
//! cells written so that a spreadsheet never runs them, and rows read from
//! a file a person chose, whatever the tool that saved it.
//!
//! Reading is `csv-core`'s (RFC 4180 quoting, any line ending, a byte order
//! mark skipped). The separator is the one the header uses: a comma, or the
//! semicolon that spreadsheets write where a comma is the decimal point, or a
//! tab.

use super::language::Key;
use super::untrusted::Why;

/// Appends one CSV record, each field escaped, ending in CRLF.
pub fn push_row(csv: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        csv.push_str(&csv_field(field));
    }
    csv.push_str("\r\n");
}

/// What a cell may start with that a spreadsheet could run as a formula
/// (and a formula can fetch URLs or run commands).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `value` is one [`csv_field`] writes with a leading `'`: it
/// starts like a formula, or it is `'`s followed by such a start (so that
/// reading takes exactly one `'` off again, [`cell_text`]).
fn guarded(value: &str) -> bool {
    value.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// One CSV cell, safe to open in a spreadsheet.
///
/// 1. Formula neutralisation: a value starting with `=`, `+`, `-`, `@`, tab or
///    carriage return is one a spreadsheet may run as a formula (and a
///    formula can fetch URLs or run commands), so it gets a leading `'`, which
///    spreadsheets read as "this is text". Team labels and custom banks are
///    untrusted, so this applies to every cell. A value that is `'`s before
///    such a start gets one more, so that [`cell_text`] gives it back whole.
/// 2. RFC 4180 quoting: a value containing a comma, a double quote, CR or LF
///    is wrapped in double quotes, with each double quote inside doubled.
pub fn csv_field(value: &str) -> String {
    let neutral = if guarded(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// A cell's text as it was before [`csv_field`] wrote it: the `'` that
/// stops a formula is taken off again, and so is a byte order mark that a
/// file joined from two kept inside it.
pub fn cell_text(cell: &str) -> &str {
    let cell = cell.trim_start_matches('\u{feff}');
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(rest) => rest,
        _ => cell,
    }
}

/// Why a CSV file could not be read into rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// More rows than the caller takes.
    TooManyRows { most: usize },
    /// A row with more cells than the caller takes.
    TooManyCells { row: usize, most: usize },
    /// A cell that is not UTF-8 text.
    NotText { row: usize, column: usize },
}

impl From<CsvError> for Why {
    fn from(error: CsvError) -> Why {
        match error {
            CsvError::TooManyRows { most } => {
                Why::new(Key::PROBLEM_SHEET_ROWS).number("most", most)
            }
            CsvError::TooManyCells { row, most } => Why::new(Key::PROBLEM_SHEET_CELLS)
                .number("row", row)
                .number("most", most),
            CsvError::NotText { row, column } => Why::new(Key::PROBLEM_SHEET_NOT_TEXT)
                .number("row", row)
                .number("column", column),
        }
    }
}

/// A row of a CSV file: its line in the file, as a spreadsheet numbers its
/// rows (from 1, blank lines counted), and its cells.
pub type Row = (usize, Vec<String>);

/// The rows of a CSV file, each with its line and its cells; rows and
/// columns count from 1 in errors. Blank lines are skipped. At most
/// `most_rows` rows of at most `most_cells` cells are read; a file of more
/// is refused.
pub fn read_rows(bytes: &[u8], most_rows: usize, most_cells: usize) -> Result<Vec<Row>, CsvError> {
    let mut reader = csv_core::ReaderBuilder::new()
        .delimiter(separator(bytes))
        .build();
    let mut rows = Vec::new();
    let mut input = bytes;
    // The output grows when a field is longer than it: a cell is never cut.
    let mut output = vec![0; 4096];
    let mut ends = vec![0; 64];
    let (mut out_at, mut ends_at) = (0, 0);
    let mut lines = Lines::new(bytes);
    // Where the record being read starts in `bytes`.
    let mut record_start = 0;
    loop {
        let (result, read, written, ended) =
            reader.read_record(input, &mut output[out_at..], &mut ends[ends_at..]);
        input = &input[read..];
        out_at += written;
        ends_at += ended;
        match result {
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => {
                if ends.len() > most_cells {
                    return Err(CsvError::TooManyCells {
                        row: lines.of_record_at(record_start),
                        most: most_cells,
                    });
                }
                ends.resize(ends.len() * 2, 0);
            }
            csv_core::ReadRecordResult::Record => {
                let row = lines.of_record_at(record_start);
                record_start = bytes.len() - input.len();
                let mut cells = Vec::with_capacity(ends_at);
                let mut start = 0;
                for (column, &end) in (1..).zip(&ends[..ends_at]) {
                    let cell = std::str::from_utf8(&output[start..end])
                        .map_err(|_| CsvError::NotText { row, column })?;
                    cells.push(cell.to_owned());
                    start = end;
                }
                if cells.len() > most_cells {
                    return Err(CsvError::TooManyCells {
                        row,
                        most: most_cells,
                    });
                }
                // A row of empty cells only (`,,,`) holds nothing.
                if cells.iter().any(|cell| !cell.is_empty()) {
                    if rows.len() == most_rows {
                        return Err(CsvError::TooManyRows { most: most_rows });
                    }
                    rows.push((row, cells));
                }
                (out_at, ends_at) = (0, 0);
            }
            csv_core::ReadRecordResult::End => return Ok(rows),
        }
    }
}

/// Counts a file's lines up to where each record starts, once over the
/// file: the reader skips blank lines without a record, and a quoted cell
/// may hold a line break, so a record's place is not its count.
struct Lines<'a> {
    bytes: &'a [u8],
    /// What ends a line: `\n`, or `\r` in a file that has no `\n`.
    newline: u8,
    counted_to: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Lines<'a> {
        let newline = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
        Lines {
            bytes,
            newline,
            counted_to: 0,
            line: 1,
        }
    }

    /// The line of the first character of the record that starts at
    /// `start`, after any blank lines.
    fn of_record_at(&mut self, start: usize) -> usize {
        let rest = &self.bytes[start.min(self.bytes.len())..];
        let first = start
            + rest
                .iter()
                .position(|b| !matches!(b, b'\r' | b'\n'))
                .unwrap_or(0);
        let first = first.max(self.counted_to);
        let newline = self.newline;
        self.line += self.bytes[self.counted_to..first]
            .iter()
            .filter(|&&b| b == newline)
            .count();
        self.counted_to = first;
        self.line
    }
}

/// The separator the first line uses most, outside quotes: a comma, a
/// semicolon or a tab.
fn separator(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = bytes.iter().position(|b| !matches!(b, b'\r' | b'\n'));
    for &byte in &bytes[first.unwrap_or(bytes.len())..] {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let most = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    [b',', b';', b'\t'][most]
}
