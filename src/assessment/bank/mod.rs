//! The question bank: what is asked, and what to do about each answer.
//!
//! A bank is JSON (the standard one is `standard.json` beside this file,
//! embedded at compile time). [`Bank::parse`] is the only way to get a [`Bank`],
//! and it checks every rule the rest of the app relies on, so a screen never has
//! to wonder whether a dimension has guidance for level 3.
//!
//! - `read`: reading a bank file, every field by its own rule;
//! - `localized`: a field given in several languages, `{"default": …, "de": …}`;
//! - `field`: a bank's texts by what they are, and a bank's text in one
//!   language;
//! - `texts`: a bank's texts, in its own words or another language's;
//! - `spreadsheet`: a bank's text as CSV, for translators, and back;
//! - `fingerprint`: what names a bank in the results written for it.

mod field;
mod fingerprint;
mod localized;
mod read;
mod spreadsheet;
mod texts;

pub use field::{BankText, Field};
pub use fingerprint::{Fingerprint, Mark, Recognised};
pub(crate) use localized::take_languages;

use super::answer::{variant_index, Mode};
use super::language::Language;
use super::scoring::Level;
use super::untrusted::{self, At, Problem, Problems};
use fingerprint::short_mark;
pub(crate) use read::{check_own_id, read_bank};
use read::{read_file, Texts};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The bank Tandem ships with: eight dimensions, the first four being the core.
/// It is src/assessment/standard.json, compiled in without its indentation
/// (build.rs).
const STANDARD_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/standard.json"));
/// The standard bank's fingerprint and short mark, as [`Bank::marked`] works
/// them out from its canonical JSON. After a change to standard.json, the
/// test `the_standard_marks_are_those_of_the_standard_bank` fails and prints
/// the new ones.
const STANDARD_MARKS: (u64, u32) = (0x43d9_15ae_eadf_a151, 0xd2b0_5dc3);
/// The standard bank's id, which no other bank may take.
const STANDARD_ID: &str = "tandem-standard";

/// Largest bank file accepted, in bytes: several times the standard bank
/// (about 29 KB), and small enough that reading a hostile file is quick.
pub const MAX_BANK_BYTES: usize = 250_000;
/// Longest text accepted in a statement, a summary, guidance or a practice,
/// in characters: generous for a statement or a practice, and it keeps a
/// hostile bank from filling the page.
pub const MAX_TEXT: usize = 600;
/// Longest name of a level or a dimension, in characters: names label the
/// radar chart's axes and the tables' rows.
pub const MAX_NAME: usize = 80;
/// Most dimensions a bank may hold; the radar chart stays readable up to here.
pub const MAX_DIMENSIONS: usize = 12;
/// Most statements one dimension may hold; longer sections tire respondents.
pub const MAX_STATEMENTS: usize = 12;
/// Most practices per guidance entry.
pub const MAX_PRACTICES: usize = 3;
/// Highest weight a statement may carry.
pub const MAX_WEIGHT: u8 = 5;
/// Highest version number a bank may give itself.
const MAX_VERSION: u32 = 1_000_000;

/// Identifies a dimension within a bank (`communication`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DimensionId(String);

/// Identifies a statement within a bank (`communication.monthly-review`).
///
/// Shared rather than copied: every answer is keyed by one, and a workshop
/// holds thousands of answer sets, so a clone must not allocate.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StatementId(Arc<str>);

impl DimensionId {
    /// The id as written in the bank.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl StatementId {
    /// The id as written in the bank.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DimensionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for StatementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for StatementId {
    fn from(id: &str) -> Self {
        StatementId(Arc::from(id))
    }
}

impl From<&str> for DimensionId {
    fn from(id: &str) -> Self {
        DimensionId(id.to_owned())
    }
}

/// A validated question bank.
/// `Eq` lets `Rc<Bank>` compare by pointer first, which keeps props cheap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bank {
    id: String,
    version: u32,
    fingerprint: Fingerprint,
    /// FNV-1a of the canonical JSON: the 32-bit mark that format-1 result
    /// codes and version-1 exports carry ([`Bank::recognises`]).
    short_mark: u32,
    title: String,
    levels: Vec<LevelInfo>,
    dimensions: Vec<Dimension>,
    /// Every statement's position in bank order (dimension by dimension),
    /// listed in id order: answers are kept in id order, and a decoder that
    /// reads them in bank order builds that map without comparing ids.
    id_order: Vec<usize>,
    /// The bank's text in other languages, as its own file gives it (a
    /// consultant's bank; Tandem's own questions are translated by the
    /// language files). Words only: no mark depends on them.
    translations: Vec<(Language, BankText)>,
}

/// The name and description of one maturity level, shared by all dimensions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelInfo {
    /// Short name, such as "Cooperating".
    pub name: String,
    /// What a partnership at this level looks like.
    pub summary: String,
}

/// One area of the partnership, scored on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dimension {
    /// Stable identifier, unique in the bank.
    pub id: DimensionId,
    /// Name shown to respondents.
    pub name: String,
    /// One sentence on what the dimension covers.
    pub summary: String,
    /// Part of the quick assessment as well as the full one.
    pub core: bool,
    /// Who usually carries this dimension's actions in a drafted plan.
    pub owner: Owner,
    /// The statements respondents rate, in the order they are asked.
    pub statements: Vec<Statement>,
    /// One entry per level, 1 to 5: what the next level looks like from there.
    pub guidance: Vec<Guidance>,
}

/// One statement a respondent agrees or disagrees with.
///
/// Fields holding their default are left out of [`Bank::to_json`], so a bank
/// written before a field existed keeps its fingerprint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// Stable identifier, unique in the bank; answers are saved under it.
    pub id: StatementId,
    /// The statement as shown.
    pub text: String,
    /// Negatively worded: agreeing with it means a weaker partnership.
    #[serde(skip_serializing_if = "is_false")]
    pub reverse: bool,
    /// "Not applicable" is offered as an answer.
    #[serde(skip_serializing_if = "is_false")]
    pub not_applicable: bool,
    /// How many times the answer counts in its dimension's score, 1 to
    /// [`MAX_WEIGHT`]; 1 unless the bank says otherwise.
    #[serde(skip_serializing_if = "is_one")]
    pub weight: u8,
}

fn is_false(flag: &bool) -> bool {
    !flag
}

fn is_one(weight: &u8) -> bool {
    *weight == 1
}

/// Advice for a dimension at one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guidance {
    /// The level this advice is for (1 to 5).
    pub level: u8,
    /// What the next level looks like; at the top level, how to stay there.
    pub next: String,
    /// Two or three concrete practices that lead there.
    pub practices: Vec<Practice>,
}

/// One concrete practice: what to do, and who usually does it.
///
/// Written as its text alone when the bank names no owner, so that a bank
/// written before owners keeps its fingerprint; and who does a practice is
/// left out of the fingerprint altogether ([`Bank::marked`]), since it
/// changes no score and saved answers and result codes hold to the same
/// bank when only owners change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Practice {
    /// What to do, as shown.
    pub text: String,
    /// Who usually does it; the dimension's [`Dimension::owner`] when the
    /// bank names nobody.
    pub owner: Option<Owner>,
}

impl Serialize for Practice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self.owner {
            None => serializer.serialize_str(&self.text),
            Some(owner) => {
                let mut practice = serializer.serialize_struct("Practice", 2)?;
                practice.serialize_field("text", &self.text)?;
                practice.serialize_field("owner", &owner)?;
                practice.end()
            }
        }
    }
}

/// The content of a bank, in the order [`Bank::to_json`] writes it.
#[derive(Serialize)]
struct Content<'a> {
    id: &'a str,
    version: u32,
    title: &'a str,
    levels: &'a [LevelInfo],
    dimensions: &'a [Dimension],
}

/// Why a bank was refused: every problem found, each with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankError {
    /// The problems, in the order of the bank's documented format.
    pub problems: Vec<Problem>,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        untrusted::write_problems(f, &self.problems)
    }
}

impl std::error::Error for BankError {}

impl Bank {
    /// The standard bank, parsed once. A test proves it is valid, so failing
    /// here would be a build defect, not something a user can cause.
    pub fn standard() -> &'static Bank {
        static STANDARD: OnceLock<Bank> = OnceLock::new();
        // `expect` would format the error with `Debug`, which brings the
        // escaping of every string and its Unicode tables into the release
        // build for a panic that cannot happen; `Display` says the same.
        STANDARD.get_or_init(
            || match read_file(STANDARD_JSON, Bank::standard_marks, Texts::Own) {
                Ok(bank) => bank,
                Err(error) => panic!("the embedded standard bank is invalid: {error}"),
            },
        )
    }

    /// Reads a bank from JSON, such as one a consultant wrote, and checks
    /// every rule; reports all problems at once, each with its location.
    /// Never panics, whatever the text. The format is described in
    /// `docs/configuration.md`.
    pub fn parse(json: &str) -> Result<Bank, BankError> {
        let bank = read_file(json, Bank::marked, Texts::InLanguages)?;
        let mut problems = Problems::default();
        check_own_id(&mut problems, &At::File, &bank);
        match problems.count() {
            0 => Ok(bank),
            _ => Err(BankError {
                problems: problems.into_list(),
            }),
        }
    }

    /// A bank from checked parts: works out the id order, then the marks.
    fn new(
        id: String,
        version: u32,
        title: String,
        levels: Vec<LevelInfo>,
        dimensions: Vec<Dimension>,
    ) -> Bank {
        Bank::unmarked(id, version, title, levels, dimensions).marked()
    }

    /// A bank from checked parts, with the id order but no marks yet.
    fn unmarked(
        id: String,
        version: u32,
        title: String,
        levels: Vec<LevelInfo>,
        dimensions: Vec<Dimension>,
    ) -> Bank {
        let statements: Vec<&StatementId> = dimensions
            .iter()
            .flat_map(|d| d.statements.iter().map(|s| &s.id))
            .collect();
        let mut id_order: Vec<usize> = (0..statements.len()).collect();
        super::sort_short_by(&mut id_order, |&a, &b| statements[a].cmp(statements[b]));
        Bank {
            id,
            version,
            fingerprint: Fingerprint(0),
            short_mark: 0,
            title,
            levels,
            dimensions,
            id_order,
            translations: Vec::new(),
        }
    }

    /// The bank with its fingerprint and short mark, worked out from its
    /// canonical JSON.
    fn marked(mut self) -> Bank {
        // Who does a practice changes no score: the marks leave it out.
        let mut unowned = self.clone();
        for guidance in unowned.dimensions.iter_mut().flat_map(|d| &mut d.guidance) {
            for practice in &mut guidance.practices {
                practice.owner = None;
            }
        }
        let canonical = unowned.to_json();
        self.fingerprint = Fingerprint::of(&canonical);
        self.short_mark = short_mark(&canonical);
        self
    }

    /// The standard bank with its marks as [`STANDARD_MARKS`] records them:
    /// the same figures [`Bank::marked`] works out (a test checks it), without
    /// hashing the bank on every start. The first screen then carries no
    /// SHA-256 and no JSON writer.
    fn standard_marks(mut self) -> Bank {
        (self.fingerprint, self.short_mark) = (Fingerprint(STANDARD_MARKS.0), STANDARD_MARKS.1);
        self
    }

    /// The same bank with only the dimensions in `keep`, in the bank's order.
    /// Its content differs, and so does its fingerprint: results from the
    /// shorter bank never mix with results from the whole one.
    pub(crate) fn with_dimensions(&self, keep: &[DimensionId]) -> Bank {
        let mut fewer = Bank::new(
            self.id.clone(),
            self.version,
            self.title.clone(),
            self.levels.clone(),
            self.dimensions
                .iter()
                .filter(|d| keep.contains(&d.id))
                .cloned()
                .collect(),
        );
        fewer.translations.clone_from(&self.translations);
        fewer
    }

    /// The bank as compact JSON in its canonical form: fields in the
    /// documented order, optional fields left out when they hold their
    /// default. [`Bank::parse`] reads it back to an equal bank.
    pub fn to_json(&self) -> String {
        let content = Content {
            id: &self.id,
            version: self.version,
            title: &self.title,
            levels: &self.levels,
            dimensions: &self.dimensions,
        };
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string(&content).unwrap_or_default()
    }

    /// The bank's identifier; saved progress and result codes carry it.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A fingerprint of the bank's whole content. Result codes and exports
    /// carry it, so answers to one bank are never scored against another,
    /// even one with the same id.
    pub fn fingerprint(&self) -> Fingerprint {
        self.fingerprint
    }

    /// The 32-bit mark results carried before fingerprints (FNV-1a of the
    /// canonical JSON): what names the bank in format-1 codes, version-1
    /// exports and the storage keys of earlier versions.
    pub fn short_mark(&self) -> u32 {
        self.short_mark
    }

    /// Whether this is the standard bank, content and all.
    pub fn is_standard(&self) -> bool {
        self.fingerprint == Bank::standard().fingerprint
    }

    /// Whether this bank's content is Tandem's own: the standard bank, or
    /// some of its dimensions (no other bank may take its id).
    pub fn ships_with_tandem(&self) -> bool {
        self.id == STANDARD_ID
    }

    /// The shortest mark that names this bank in a result code: for the
    /// standard bank (or some of its dimensions) its 32-bit mark, which
    /// every result code since the first carries; for any other bank its
    /// fingerprint.
    ///
    /// The short mark is enough for banks whose content Tandem ships: the
    /// only banks they could be confused with are custom ones, and their
    /// results never carry a short mark.
    pub fn mark(&self) -> Mark {
        if self.ships_with_tandem() {
            Mark::Short(self.short_mark)
        } else {
            Mark::Full(self.fingerprint)
        }
    }

    /// Whether a result that carries `mark` was written for this bank: its
    /// fingerprint names it, and so does the short mark of a bank Tandem
    /// ships.
    pub fn recognises(&self, mark: Mark) -> Recognised {
        match mark {
            Mark::Full(fingerprint) if fingerprint == self.fingerprint => Recognised::Yes,
            Mark::Short(short) if short == self.short_mark => {
                if self.ships_with_tandem() {
                    Recognised::Yes
                } else {
                    // Custom banks' results carried the short mark before
                    // they carried the fingerprint; 32 bits are too few to
                    // trust that it names this bank and not another that
                    // happens to share it.
                    Recognised::Earlier
                }
            }
            _ => Recognised::No,
        }
    }

    /// Every statement with its position in bank order (all dimensions, one
    /// after another), sorted by id.
    pub(crate) fn statements_by_id(&self) -> impl Iterator<Item = (usize, &Statement)> {
        let all: Vec<&Statement> = self.dimensions.iter().flat_map(|d| &d.statements).collect();
        self.id_order
            .iter()
            .map(move |&position| (position, all[position]))
    }

    /// Content version of the bank.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Title shown on the landing page and the report.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The maturity levels, lowest first.
    pub fn levels(&self) -> &[LevelInfo] {
        &self.levels
    }

    /// All dimensions, core ones first.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }

    /// The dimensions a mode asks about, in order.
    pub fn dimensions_in(&self, mode: Mode) -> impl Iterator<Item = &Dimension> {
        self.dimensions
            .iter()
            .filter(move |d| mode == Mode::Full || d.core)
    }

    /// How many statements a mode asks.
    pub fn statement_count(&self, mode: Mode) -> usize {
        self.dimensions_in(mode).map(|d| d.statements.len()).sum()
    }

    /// Whether any statement counts more than once in its dimension's score.
    pub fn is_weighted(&self) -> bool {
        self.dimensions
            .iter()
            .flat_map(|d| &d.statements)
            .any(|s| s.weight != 1)
    }

    /// The name and description of a level.
    pub fn level(&self, level: Level) -> &LevelInfo {
        &self.levels[usize::from(level.number() - 1)]
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &DimensionId) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| &d.id == id)
    }
}

impl Dimension {
    /// The advice for a dimension currently at `level`.
    pub fn guidance_at(&self, level: Level) -> &Guidance {
        // Validation guarantees exactly one entry per level, in order.
        &self.guidance[usize::from(level.number() - 1)]
    }
}

/// Who usually carries a dimension's work, and so who carries an action
/// drafted for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    Hr,
    LearningAndDevelopment,
    /// HR and L&D together.
    #[default]
    Joint,
    /// Senior leaders and managers.
    Leaders,
}

impl Owner {
    /// Every owner, in the order they are offered.
    pub const ALL: [Owner; 4] = [
        Owner::Hr,
        Owner::LearningAndDevelopment,
        Owner::Joint,
        Owner::Leaders,
    ];

    /// A short, stable token for form values.
    pub fn token(self) -> &'static str {
        match self {
            Owner::Hr => "hr",
            Owner::LearningAndDevelopment => "ld",
            Owner::Joint => "joint",
            Owner::Leaders => "leaders",
        }
    }
}

impl<'de> Deserialize<'de> for Owner {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &["hr", "learning-and-development", "joint", "leaders"];
        variant_index(deserializer, "Owner", NAMES).map(|index| Owner::ALL[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_marks_are_those_of_the_standard_bank() {
        let marked = Bank::standard().clone().marked();
        assert_eq!(
            (marked.fingerprint.0, marked.short_mark),
            STANDARD_MARKS,
            "set STANDARD_MARKS in src/assessment/bank/mod.rs to ({:#018x}, {:#010x})",
            marked.fingerprint.0,
            marked.short_mark
        );
    }
}
