//! The respondent's CSV export, for spreadsheets, and the one way every CSV
//! cell Tandem writes is escaped ([`csv_field`]).

use crate::assessment::bank::Bank;
pub use crate::assessment::csv::csv_field;
pub(super) use crate::assessment::csv::push_row;
use crate::assessment::language::{plain_number, Words};
use crate::assessment::progress::Progress;
use crate::assessment::scoring::{DimensionResult, Overall};
use crate::assessment::wording;

/// The CSV header. `role` and `team` repeat on every row so that exports from
/// several respondents can be pasted under each other and still be told apart.
const CSV_HEADER: [&str; 10] = [
    "row",
    "dimension",
    "statement_id",
    "statement",
    "answer",
    "score",
    "level",
    "coverage",
    "role",
    "team",
];

/// What a dimension or the overall result shows instead of a score.
const NOT_ENOUGH: &str = "not enough answers";

/// One row per dimension asked, each followed by one row per statement in it,
/// then one `overall` row; for spreadsheets.
///
/// Columns: `row` (`dimension`, `statement` or `overall`), `dimension` (the
/// dimension's name), `statement_id`, `statement` (its text), `answer` (the
/// label the respondent chose; empty when unanswered), `score` (0 to 100, or
/// "not enough answers"), `level` ("4 Collaborating"), `coverage` ("3 of 4":
/// statements counted on a dimension row, dimensions scored on the overall
/// row), `role` and `team` (the same on every row). Statement rows leave
/// score, level and coverage empty; dimension and overall rows leave the
/// statement columns empty.
///
/// The text is RFC 4180 CSV with CRLF line endings, preceded by a UTF-8
/// byte-order mark: without it, Excel reads the file in the computer's legacy
/// code page and garbles any accented team label or statement.
pub fn to_csv(bank: &Bank, progress: &Progress) -> String {
    let report = progress.report(bank);
    let role = progress.role.map(|r| r.label()).unwrap_or_default();
    let team = progress.team.as_str();
    let mut csv = String::from("\u{feff}");
    push_row(&mut csv, &CSV_HEADER);
    for result in &report.dimensions {
        let Some(dimension) = bank.dimensions().get(result.index) else {
            continue;
        };
        let (score, level) = scored_cells(bank, result);
        let coverage = format!("{} of {}", result.coverage.counted, result.coverage.total);
        push_row(
            &mut csv,
            &[
                "dimension",
                &dimension.name,
                "",
                "",
                "",
                &score,
                &level,
                &coverage,
                role,
                team,
            ],
        );
        for statement in &dimension.statements {
            let answer = progress
                .answers
                .get(&statement.id)
                .map(|a| a.label())
                .unwrap_or_default();
            push_row(
                &mut csv,
                &[
                    "statement",
                    &dimension.name,
                    statement.id.as_str(),
                    &statement.text,
                    answer,
                    "",
                    "",
                    "",
                    role,
                    team,
                ],
            );
        }
    }
    let (score, level) = match report.overall {
        Overall::NotEnoughAnswers => (NOT_ENOUGH.to_owned(), String::new()),
        Overall::Scored { score, level, .. } => (
            score.to_string(),
            wording::level_cell(&english(), bank, level),
        ),
    };
    let scored = report
        .dimensions
        .iter()
        .filter(|d| d.scored.is_some())
        .count();
    let coverage = format!("{} of {}", scored, report.dimensions.len());
    push_row(
        &mut csv,
        &[
            "overall", "", "", "", "", &score, &level, &coverage, role, team,
        ],
    );
    csv
}

/// The score and level cells of a dimension row.
fn scored_cells(bank: &Bank, result: &DimensionResult) -> (String, String) {
    match result.scored {
        Some((score, level)) => (
            score.to_string(),
            wording::level_cell(&english(), bank, level),
        ),
        None => (NOT_ENOUGH.to_owned(), String::new()),
    }
}

/// The exports are written in English, whatever language the screens are in.
fn english() -> Words {
    Words::english(plain_number)
}
