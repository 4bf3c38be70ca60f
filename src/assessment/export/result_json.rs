//! The respondent's JSON export, in the shape the module above documents,
//! and importing it again: every check, from the cheapest to the most
//! specific, with a message a respondent understands.

use crate::assessment::bank::{Bank, Fingerprint, Mark, Recognised};
use crate::assessment::language::Key;
use crate::assessment::progress::Progress;
use crate::assessment::scoring::Overall;
use crate::assessment::untrusted::{unusable, Place, Problem, Why};
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

/// Why a file could not be imported. Each message ([`ImportError::words`],
/// in the reader's language; `Display` in English) says what is wrong and
/// what to do about it, in words a respondent understands.
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
        /// What is wrong, and where.
        reason: Problem,
    },
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
            return Err(damaged(Problem::new(
                Place::Path("version".into()),
                Why::new(Key::PROBLEM_VERSION),
            )))
        }
        // A version too large for u32 is still newer than this one.
        Some(version) => u32::try_from(version).unwrap_or(u32::MAX),
    };
    if version > VERSION {
        return Err(ImportError::Newer { version });
    }

    let record = value
        .get("bank")
        .ok_or_else(|| damaged(Problem::new(bank_place(), Key::PROBLEM_MISSING.into())))?;
    let record =
        BankRecord::deserialize(record).map_err(|e| damaged(unusable(&e, bank_place())))?;
    if record.id != bank.id() {
        return Err(ImportError::OtherBank {
            id: shorten(&record.id),
        });
    }
    let mark = if version == SHORT_MARK_VERSION {
        Mark::parse_short(&record.fingerprint).ok_or_else(|| fingerprint(8))?
    } else {
        Mark::Full(Fingerprint::parse(&record.fingerprint).ok_or_else(|| fingerprint(16))?)
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
    let body: Body = serde_json::from_str(text).map_err(|e| damaged(unusable(&e, Place::File)))?;
    Ok(body.progress.fitted_to(bank))
}

fn damaged(reason: Problem) -> ImportError {
    ImportError::Damaged { reason }
}

/// Where the record of the export's question bank is.
fn bank_place() -> Place {
    Place::Path("bank".into())
}

/// The bank's fingerprint is not the `digits` hexadecimal digits it must be.
fn fingerprint(digits: usize) -> ImportError {
    damaged(Problem::new(
        Place::Path("bank.fingerprint".into()),
        Why::new(Key::PROBLEM_FINGERPRINT).number("digits", digits),
    ))
}

/// Text from the file, fit to quote in a message: no control characters and
/// at most [`MAX_QUOTED`] characters.
fn shorten(text: &str) -> String {
    crate::assessment::typed::quoted(text, MAX_QUOTED)
}
