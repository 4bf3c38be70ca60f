//! The assessment itself, free of any framework or browser code.
//!
//! Everything a respondent's result depends on lives here, so that it can be
//! tested natively and reused by every screen:
//! - [`bank`]: the question bank (dimensions, statements, guidance), loaded from
//!   JSON and validated once, so the rest of the app only sees a sound bank;
//! - [`answer`]: the answer scale, the respondent's role and the assessment mode;
//! - [`scoring`]: how answers become dimension scores, levels and the overall
//!   result, with the rules written down where they are applied;
//! - [`progress`]: one respondent's way through the questionnaire;
//! - [`plan`]: targets per dimension and the action plan drafted from them;
//! - [`code`]: the compact result code that a link or QR code carries;
//! - [`export`]: JSON and CSV exports, and importing a JSON export;
//! - [`language`]: the languages Tandem speaks, which one a person gets,
//!   and the words of each (a bank's text in another language included);
//! - [`workshop`]: gathering a workshop's result codes, and the team view
//!   (statistics, HR vs L&D gaps, anonymity threshold) computed from them;
//! - [`disclosure`]: which group figures the team view may show, so that no
//!   combination of them gives away a group smaller than the threshold;
//! - [`saved`]: the versioned format progress is saved in;
//! - [`reason`]: why a code or a file a person brought could not be used,
//!   kept as what went wrong so that each screen words it;
//! - [`config`]: a consultant's configuration (branding, dimensions asked,
//!   anonymity threshold, what an embed may tell its host, a bank of their own);
//! - [`link`]: the allowlist every link from a file passes (https and mailto);
//! - [`untrusted`]: reading JSON people write, every problem with its location;
//! - [`wording`]: how the screens, exports and end-to-end fixtures write
//!   the figures, each phrase once;
//! - `typed`: what a clean label, name or quotation is, written once.

pub mod answer;
pub mod bank;
pub mod code;
pub mod config;
pub mod csv;
pub mod disclosure;
pub mod export;
pub mod language;
pub mod link;
pub mod plan;
pub mod progress;
pub mod reason;
pub mod saved;
pub mod scoring;
mod typed;
pub mod untrusted;
pub mod wording;
pub mod workshop;

pub use answer::{Answer, Mode, Role};
pub use bank::{
    Bank, BankError, BankText, Dimension, DimensionId, Field, Fingerprint, Guidance, LevelInfo,
    Mark, Practice, Recognised, Statement, StatementId,
};
pub use config::{Colour, Colours, Config, ConfigError, Draft, HostMessages, Logo};
pub use link::{Link, LinkError};
pub use progress::{Progress, Stage, Unanswered};
pub use reason::Reason;
pub use scoring::{overall_rule, Basis, Coverage, DimensionResult, Level, Overall, Report, Score};
pub use untrusted::Problem;

use std::cmp::Ordering;

/// Sorts a short list by `order`, keeping equal items in the order they came
/// (a stable sort), by insertion.
///
/// Every list the domain sorts is bounded by the bank (its dimensions, or its
/// statements: a few dozen), where insertion is as quick as any sort. The
/// standard `sort_by` brings about 4 KB of wasm (1 KB gzipped) for each
/// element type and comparison it is used with, none of it needed at these
/// lengths.
pub(crate) fn sort_short_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && order(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}
