//! Exports a respondent can keep: JSON that imports again exactly, with a
//! specific message for every way an imported file can be wrong, and CSV that
//! a spreadsheet opens without ever running a cell as a formula. One test
//! binary; a file for each part, and here the respondents the exports are
//! made from and the readers that check them.

#[path = "../common/mod.rs"]
mod common;

mod csv;
mod import_errors;
mod json;
mod properties;

use common::{mini_bank, mini_bank_json, ALL_ANSWERS};
use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::assessment::export::{
    csv_field, from_json, to_csv, to_json, ImportError, FORMAT, MAX_IMPORT_BYTES, VERSION,
};
use tandem::assessment::language::Key;
use tandem::assessment::untrusted::{Place, Problem, Why};
use tandem::assessment::{Answer, Bank, Mode, Progress, Role, Stage, StatementId};

/// Progress built the way a respondent builds it: `picks[i]` answers the
/// mode's i-th statement (falling back to "Don't know" where "Not applicable"
/// is not offered), then `steps` presses of Next and `backs` of Back.
fn journey(
    bank: &Bank,
    mode: Mode,
    role: Option<Role>,
    team: &str,
    picks: &[Option<Answer>],
    steps: usize,
    backs: usize,
) -> Progress {
    let mut progress = Progress::new(mode);
    if let Some(role) = role {
        progress.choose_role(role);
    }
    progress.name_team(team);
    let ids: Vec<StatementId> = bank
        .dimensions_in(mode)
        .flat_map(|d| &d.statements)
        .map(|s| s.id.clone())
        .collect();
    for (id, pick) in ids.iter().zip(picks) {
        if let Some(answer) = *pick {
            if !progress.answer(bank, id, answer) {
                assert!(progress.answer(bank, id, Answer::DontKnow));
            }
        }
    }
    for _ in 0..steps {
        let _ = progress.next(bank);
    }
    for _ in 0..backs {
        progress.back(bank);
    }
    progress
}

/// A respondent who answered everything "Agree" and reached the results.
fn finished(bank: &Bank, mode: Mode) -> Progress {
    let picks = vec![Some(Answer::Agree); 100];
    let progress = journey(bank, mode, Some(Role::Hr), "Ops", &picks, 100, 0);
    assert_eq!(progress.stage, Stage::Results);
    progress
}

/// The export as a JSON value, to edit in tests.
fn export_value(bank: &Bank, progress: &Progress) -> Value {
    serde_json::from_str(&to_json(bank, progress)).expect("an export is JSON")
}

fn import_value(bank: &Bank, value: &Value) -> Result<Progress, ImportError> {
    from_json(bank, &value.to_string())
}

fn assert_damaged(result: Result<Progress, ImportError>, case: &str) {
    match result {
        Err(ImportError::Damaged { reason }) => assert!(!reason.to_string().is_empty(), "{case}"),
        other => panic!("{case}: expected Damaged, got {other:?}"),
    }
}

/// Reads CSV back per RFC 4180, so tests check cells rather than bytes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "rows end in CRLF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(cell.is_empty() && row.is_empty(), "last row ends in CRLF");
    rows
}

/// Reads a CSV export, which starts with a byte-order mark so that Excel
/// reads it as UTF-8.
fn parse_export(csv: &str) -> Vec<Vec<String>> {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    parse_csv(body)
}

/// What a spreadsheet may run as a formula when a cell starts with it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
