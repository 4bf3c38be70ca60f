//! Exporting a result as JSON or CSV, and importing a JSON export again.
//!
//! A JSON export ([`to_json`]) is the respondent's file: everything needed to
//! restore the result and the action plan on another device or after clearing
//! the browser. Its shape (format [`VERSION`] 2):
//!
//! ```json
//! {
//!   "format": "tandem-result",
//!   "version": 2,
//!   "bank": { "id": "tandem-standard", "version": 1, "fingerprint": "1a2b3c4d5e6f7a8b" },
//!   "progress": { "mode": "quick", "role": "hr", "team": "", "answers": {...}, "stage": "results", ... },
//!   "scores": [
//!     { "dimension": "communication", "name": "Communication", "score": 63,
//!       "level": 4, "level_name": "Collaborating", "counted": 4, "total": 4 },
//!     { "dimension": "mutual-recognition", "name": "Mutual recognition", "score": null,
//!       "level": null, "level_name": null, "counted": 1, "total": 4 }
//!   ],
//!   "overall": { "score": 58, "level": 3, "level_name": "Cooperating" }
//! }
//! ```
//!
//! - `bank` names the question bank the answers belong to; `fingerprint` is
//!   [`Bank::fingerprint`] as 16 lowercase hex digits, so answers are never
//!   read against a bank whose content differs, even one with the same id.
//!   Version 1 carried the bank's 32-bit [`Mark`] as 8 hex digits instead;
//!   such a file still imports for the standard bank, or some of its
//!   dimensions ([`Bank::recognises`]).
//! - `progress` is [`Progress`] exactly as serde writes it (mode, role, team
//!   label, answers, stage, and the plan), so whatever `Progress` gains is
//!   exported without touching this module.
//! - `scores` (one entry per dimension asked; `score`, `level` and
//!   `level_name` are `null` when there were not enough answers) and `overall`
//!   (`null` when not enough dimensions were scored) are for people reading the
//!   file. [`from_json`] ignores them and scores the answers again, so an
//!   edited score can never pass for a real one.
//!
//! An imported file is untrusted: [`from_json`] never panics, and says in
//! plain words what is wrong and what to do ([`ImportError`]).
//!
//! A CSV export ([`to_csv`]) is for spreadsheets and is not read back. Every
//! cell goes through [`csv_field`], which stops a spreadsheet from running a
//! team label or a custom bank's text as a formula.

use super::bank::{Bank, DimensionId, Fingerprint, Mark, Recognised};
use super::plan::{ActionPlan, Horizon, Owner};
use super::progress::Progress;
use super::scoring::{DimensionResult, Level, Overall};
use super::workshop::{Group, Mean, TeamView};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// Format name written in every export.
pub const FORMAT: &str = "tandem-result";

/// Version of the export format; raise it when the shape changes, and teach
/// [`from_json`] to read the older shapes.
pub const VERSION: u32 = 2;
/// The last version whose `bank.fingerprint` is a short [`Mark`].
const SHORT_MARK_VERSION: u32 = 1;

/// Largest file [`from_json`] accepts: real exports are a few KB, so anything
/// near this is not one, and refusing it early keeps a stray video or database
/// dump from freezing the page. The app can compare a file's size with this
/// before reading it at all.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// Longest piece of the file's own text (a bank id, a parser's complaint)
/// repeated in an error message; a hostile file must not flood the page.
const MAX_QUOTED: usize = 160;

/// The whole export as written.
#[derive(Serialize)]
struct ExportRef<'a> {
    format: &'static str,
    version: u32,
    bank: BankRecord,
    progress: &'a Progress,
    scores: Vec<ScoreRecord<'a>>,
    overall: Option<OverallRecord<'a>>,
}

/// Which bank the answers belong to.
#[derive(Serialize, Deserialize)]
struct BankRecord {
    id: String,
    version: u32,
    /// [`Bank::fingerprint`] as 16 hex digits (a short [`Mark`] as 8 in
    /// version 1): a JSON number would invite spreadsheets and editors to
    /// reformat it.
    fingerprint: String,
}

/// One dimension's result, for people reading the file.
#[derive(Serialize)]
struct ScoreRecord<'a> {
    dimension: &'a str,
    name: &'a str,
    score: Option<u8>,
    level: Option<u8>,
    level_name: Option<&'a str>,
    counted: usize,
    total: usize,
}

/// The overall result, for people reading the file.
#[derive(Serialize)]
struct OverallRecord<'a> {
    score: u8,
    level: u8,
    level_name: &'a str,
}

/// The part of an export that import reads once the format, version and bank
/// are known to be right. Other fields (`scores`, `overall`) are ignored.
#[derive(Deserialize)]
struct Body {
    progress: Progress,
}

/// Why a file could not be imported. Each message says what is wrong and what
/// to do about it, in words a respondent understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]: certainly not an export.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Not JSON at all, or JSON that was cut short or damaged.
    NotJson {
        /// Where reading stopped, from 1.
        line: usize,
        /// Where reading stopped, from 1 (0 for an empty line).
        column: usize,
    },
    /// Valid JSON, but not a Tandem export (no `format`, or another one).
    NotTandem,
    /// Written by a newer version of Tandem, in a format this one cannot read.
    Newer {
        /// The file's format version.
        version: u32,
    },
    /// Answers to a different question bank, or to another version of it.
    OtherBank {
        /// The id of the bank the file was exported from, shortened if long.
        id: String,
    },
    /// Exported by an earlier Tandem for this custom question bank, with a
    /// mark too short to trust ([`Recognised::Earlier`]).
    Earlier,
    /// A Tandem export whose content is wrong: fields missing or ill-typed.
    Damaged {
        /// What is wrong, as the JSON reader said it, shortened if long.
        reason: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} KB; a Tandem export is a few KB. \
                 Choose the .json file Tandem exported.",
                bytes.div_ceil(1024)
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "This file is damaged or is not a JSON file (reading stopped at line {line}, \
                 column {column}). Choose the .json file Tandem exported, or export it again."
            ),
            ImportError::NotTandem => f.write_str(
                "This file is JSON but not a Tandem export. \
                 Choose the .json file Tandem exported with \"Export JSON\".",
            ),
            ImportError::Newer { version } => write!(
                f,
                "This file was made by a newer version of Tandem (export format {version}; \
                 this copy reads up to {VERSION}). Update this copy of Tandem, or export \
                 again from the newer one."
            ),
            ImportError::OtherBank { id } => write!(
                f,
                "This file holds answers to a different set of questions (\"{id}\", or another \
                 version of it) from the one loaded here. Open it where those questions are \
                 loaded, or take the assessment again here."
            ),
            ImportError::Earlier => f.write_str(
                "This file was exported by an earlier version of Tandem for these questions, \
                 in a form that can no longer be checked. Open the result where it was taken \
                 and export it again.",
            ),
            ImportError::Damaged { reason } => write!(
                f,
                "This Tandem export is damaged ({reason}). Export it again from Tandem, \
                 or choose another copy of the file."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Everything needed to restore the result and the plan: pretty-printed JSON
/// in the shape the module documentation describes, ending with a newline.
pub fn to_json(bank: &Bank, progress: &Progress) -> String {
    let report = progress.report(bank);
    let scores = report
        .dimensions
        .iter()
        .filter_map(|result| {
            let dimension = bank.dimensions().get(result.index)?;
            Some(ScoreRecord {
                dimension: dimension.id.as_str(),
                name: &dimension.name,
                score: result.score().map(|s| s.value()),
                level: result.level().map(|l| l.number()),
                level_name: result.level().map(|l| bank.level(l).name.as_str()),
                counted: result.coverage.counted,
                total: result.coverage.total,
            })
        })
        .collect();
    let overall = match report.overall {
        Overall::NotEnoughAnswers => None,
        Overall::Scored { score, level, .. } => Some(OverallRecord {
            score: score.value(),
            level: level.number(),
            level_name: &bank.level(level).name,
        }),
    };
    let export = ExportRef {
        format: FORMAT,
        version: VERSION,
        bank: BankRecord {
            id: bank.id().to_owned(),
            version: bank.version(),
            fingerprint: bank.fingerprint().to_string(),
        },
        progress,
        scores,
        overall,
    };
    // Serialising plain data with string keys cannot fail.
    let mut json = serde_json::to_string_pretty(&export).unwrap_or_default();
    json.push('\n');
    json
}

/// Reads an export back into progress that fits `bank`
/// ([`Progress::fitted_to`]).
///
/// The checks run from the cheapest and most general to the most specific, so
/// the message names the first thing that is wrong: size, JSON syntax, format
/// and version, bank, and only then the progress itself.
pub fn from_json(bank: &Bank, text: &str) -> Result<Progress, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    // Some editors save with a byte-order mark, which JSON does not allow;
    // the file is still the export, so read past it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;

    // Only the format and version are read first, and loosely, so that a file
    // from a newer Tandem is recognised as such whatever the rest of its shape.
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotTandem);
    }
    let version = match value.get("version").and_then(Value::as_u64) {
        Some(0) | None => {
            return Err(damaged(
                "the format version is missing or not a whole number from 1",
            ))
        }
        // A version too large for u32 is still newer than this one.
        Some(version) => u32::try_from(version).unwrap_or(u32::MAX),
    };
    if version > VERSION {
        return Err(ImportError::Newer { version });
    }

    let record = value
        .get("bank")
        .ok_or_else(|| damaged("the question bank it belongs to is missing"))?;
    let record = BankRecord::deserialize(record)
        .map_err(|e| damaged(&format!("the question bank record: {e}")))?;
    if record.id != bank.id() {
        return Err(ImportError::OtherBank {
            id: shorten(&record.id),
        });
    }
    let mark = if version == SHORT_MARK_VERSION {
        Mark::parse_short(&record.fingerprint)
            .ok_or_else(|| damaged("the question bank fingerprint is not 8 hexadecimal digits"))?
    } else {
        Mark::Full(
            Fingerprint::parse(&record.fingerprint).ok_or_else(|| {
                damaged("the question bank fingerprint is not 16 hexadecimal digits")
            })?,
        )
    };
    match bank.recognises(mark) {
        Recognised::Yes => {}
        Recognised::No => {
            return Err(ImportError::OtherBank {
                id: shorten(&record.id),
            })
        }
        Recognised::Earlier => return Err(ImportError::Earlier),
    }

    // Read from the text rather than the parsed value so that the reason
    // carries the line and column of the problem.
    let body: Body = serde_json::from_str(text)
        .map_err(|e| damaged(&format!("the answers cannot be read: {e}")))?;
    Ok(body.progress.fitted_to(bank))
}

fn damaged(reason: &str) -> ImportError {
    ImportError::Damaged {
        reason: shorten(reason),
    }
}

/// Text from the file, fit to quote in a message: no control characters and
/// at most [`MAX_QUOTED`] characters.
fn shorten(text: &str) -> String {
    super::typed::quoted(text, MAX_QUOTED)
}

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
            format!("{} {}", level, bank.level(level).name),
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
            format!("{} {}", level, bank.level(level).name),
        ),
        None => (NOT_ENOUGH.to_owned(), String::new()),
    }
}

/// Appends one CSV record, each field escaped, ending in CRLF.
fn push_row(csv: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        csv.push_str(&csv_field(field));
    }
    csv.push_str("\r\n");
}

/// One CSV cell, safe to open in a spreadsheet.
///
/// 1. Formula neutralisation: a value starting with `=`, `+`, `-`, `@`, tab or
///    carriage return is one a spreadsheet may run as a formula (and a
///    formula can fetch URLs or run commands), so it gets a leading `'`, which
///    spreadsheets read as "this is text". Team labels and custom banks are
///    untrusted, so this applies to every cell.
/// 2. RFC 4180 quoting: a value containing a comma, a double quote, CR or LF
///    is wrapped in double quotes, with each double quote inside doubled.
pub fn csv_field(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
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

/// Format name of a workshop's team report.
pub const TEAM_FORMAT: &str = "tandem-team-report";

/// A workshop's team report as JSON: the figures the team view shows and the
/// team plan. Only aggregates: no participant's code or answers, and no
/// figures for groups below the anonymity threshold.
pub fn team_json(bank: &Bank, name: &str, view: &TeamView, plan: &ActionPlan) -> String {
    let dimension = |index: usize| &bank.dimensions()[index];
    let mean = |m: &Mean| MeanRecord {
        mean: m.value,
        of: m.of,
    };
    let groups = |groups: &[Group]| -> Vec<GroupRecord> {
        groups
            .iter()
            .map(|g| GroupRecord {
                figures: g.figures.as_ref().map(|f| GroupFiguresRecord {
                    means: f.means.iter().map(|m| m.map(|m| m.value)).collect(),
                    members: f.members,
                }),
                group: g.label.to_string(),
            })
            .collect()
    };
    let report = TeamReport {
        anonymity_threshold: view.threshold,
        bank: TeamBankRecord {
            fingerprint: bank.fingerprint().to_string(),
            id: bank.id(),
            version: bank.version(),
        },
        by_role: view
            .by_role
            .iter()
            .map(|&(role, count)| RoleCount {
                count,
                role: role.label(),
            })
            .collect(),
        by_role_groups: groups(&view.roles),
        by_team_groups: groups(&view.teams),
        dimensions: view
            .dimensions
            .iter()
            .map(|d| TeamDimensionRecord {
                asked: d.asked,
                dimension: dimension(d.index).id.as_str(),
                dont_know: d.dont_know.map(|rate| RateRecord {
                    count: rate.count,
                    of: rate.of,
                }),
                figures: d.spread.as_ref().map(|s| SpreadRecord {
                    agreement: s.agreement.map(|a| a.label()),
                    level: Level::of(s.mean.score).number(),
                    max: s.max.value(),
                    mean: s.mean.value,
                    median: s.median,
                    min: s.min.value(),
                    std_dev: s.std_dev,
                }),
                name: &dimension(d.index).name,
                scored: d.scored,
            })
            .collect(),
        format: TEAM_FORMAT,
        hr_ld_gaps: view
            .gaps
            .iter()
            .map(|g| GapRecord {
                dimension: dimension(g.index).id.as_str(),
                gap: g.gap,
                hr: mean(&g.hr),
                ld: mean(&g.ld),
            })
            .collect(),
        participants: view.participants,
        plan: TeamPlanRecord {
            actions: plan
                .actions
                .iter()
                .map(|a| TeamActionRecord {
                    dimension: a.dimension.as_str(),
                    horizon: a.horizon,
                    id: a.id,
                    owner: a.owner,
                    text: &a.text,
                })
                .collect(),
            drafted: plan.drafted,
            edited: plan.edited,
            targets: &plan.targets,
        },
        version: VERSION,
        workshop: name,
    };
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

// The team report as written. Every object lists its fields in alphabetical
// order, as the report has always had them (it used to be built as a
// `serde_json::Value`, whose objects sort their keys); plain structs write the
// same file without the `Value` tree, its `json!` building code and the
// `Debug` formatting its `unwrap`s brought into the release build.

#[derive(Serialize)]
struct TeamReport<'a> {
    anonymity_threshold: usize,
    bank: TeamBankRecord<'a>,
    by_role: Vec<RoleCount>,
    by_role_groups: Vec<GroupRecord>,
    by_team_groups: Vec<GroupRecord>,
    dimensions: Vec<TeamDimensionRecord<'a>>,
    format: &'static str,
    hr_ld_gaps: Vec<GapRecord<'a>>,
    participants: usize,
    plan: TeamPlanRecord<'a>,
    version: u32,
    workshop: &'a str,
}

#[derive(Serialize)]
struct TeamBankRecord<'a> {
    fingerprint: String,
    id: &'a str,
    version: u32,
}

#[derive(Serialize)]
struct RoleCount {
    count: usize,
    role: &'static str,
}

#[derive(Serialize)]
struct TeamDimensionRecord<'a> {
    asked: usize,
    dimension: &'a str,
    dont_know: Option<RateRecord>,
    figures: Option<SpreadRecord>,
    name: &'a str,
    scored: usize,
}

#[derive(Serialize)]
struct RateRecord {
    count: usize,
    of: usize,
}

#[derive(Serialize)]
struct SpreadRecord {
    agreement: Option<&'static str>,
    level: u8,
    max: u8,
    mean: f64,
    median: f64,
    min: u8,
    std_dev: f64,
}

#[derive(Serialize)]
struct GapRecord<'a> {
    dimension: &'a str,
    gap: f64,
    hr: MeanRecord,
    ld: MeanRecord,
}

#[derive(Serialize)]
struct MeanRecord {
    mean: f64,
    of: usize,
}

#[derive(Serialize)]
struct GroupRecord {
    figures: Option<GroupFiguresRecord>,
    group: String,
}

#[derive(Serialize)]
struct GroupFiguresRecord {
    means: Vec<Option<f64>>,
    members: usize,
}

#[derive(Serialize)]
struct TeamPlanRecord<'a> {
    actions: Vec<TeamActionRecord<'a>>,
    drafted: bool,
    edited: bool,
    targets: &'a BTreeMap<DimensionId, Level>,
}

#[derive(Serialize)]
struct TeamActionRecord<'a> {
    dimension: &'a str,
    horizon: Horizon,
    id: u32,
    owner: Owner,
    text: &'a str,
}

/// A workshop's team report as CSV: one row per dimension with the team's
/// figures, then one per action of the team plan. Cells are neutralised as
/// in [`to_csv`].
pub fn team_csv(bank: &Bank, view: &TeamView, plan: &ActionPlan) -> String {
    let mut csv = String::from('\u{feff}');
    push_row(
        &mut csv,
        &[
            "row",
            "dimension",
            "participants",
            "mean",
            "level",
            "median",
            "min",
            "max",
            "std_dev",
            "agreement",
            "dont_know_percent",
            "action",
            "owner",
            "when",
        ],
    );
    for d in &view.dimensions {
        let name = &bank.dimensions()[d.index].name;
        let (mean, level, median, min, max, std_dev, agreement) = match &d.spread {
            Some(s) => (
                format!("{:.1}", s.mean.value),
                format!(
                    "{} {}",
                    Level::of(s.mean.score),
                    bank.level(Level::of(s.mean.score)).name
                ),
                format!("{:.1}", s.median),
                s.min.to_string(),
                s.max.to_string(),
                format!("{:.1}", s.std_dev),
                s.agreement.map_or("", |a| a.label()).to_owned(),
            ),
            None => Default::default(),
        };
        let dont_know = d
            .dont_know
            .and_then(|rate| rate.percent())
            .map_or(String::new(), |p| p.to_string());
        push_row(
            &mut csv,
            &[
                "dimension",
                name,
                &d.scored.to_string(),
                &mean,
                &level,
                &median,
                &min,
                &max,
                &std_dev,
                &agreement,
                &dont_know,
                "",
                "",
                "",
            ],
        );
    }
    for action in &plan.actions {
        let name = bank
            .dimension(&action.dimension)
            .map_or(action.dimension.as_str(), |d| d.name.as_str());
        push_row(
            &mut csv,
            &[
                "action",
                name,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                &action.text,
                action.owner.label(),
                action.horizon.label(),
            ],
        );
    }
    csv
}
