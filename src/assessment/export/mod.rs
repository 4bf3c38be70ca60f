//! Exporting a result as JSON or CSV, importing a JSON export again, and a
//! workshop's team report.
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
//!
//! A workshop's team report ([`team_json`], [`team_csv`]) holds only the
//! figures the team view shows and the team plan.
//!
//! One file per export: `result_json` (the respondent's file, and importing
//! it), `result_csv` (the respondent's spreadsheet, and how every CSV row
//! Tandem writes is escaped) and `team_report`.
//!
//! [`Bank::fingerprint`]: crate::assessment::Bank::fingerprint
//! [`Bank::recognises`]: crate::assessment::Bank::recognises
//! [`Mark`]: crate::assessment::Mark
//! [`Progress`]: crate::assessment::Progress

mod result_csv;
mod result_json;
mod team_report;

pub use result_csv::{csv_field, to_csv};
pub use result_json::{from_json, to_json, ImportError, FORMAT, MAX_IMPORT_BYTES, VERSION};
pub use team_report::{dimension_row, team_csv, team_json, TEAM_FORMAT};
