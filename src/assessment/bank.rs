//! The question bank: what is asked, and what to do about each answer.
//!
//! A bank is JSON (the standard one is `standard.json` beside this file,
//! embedded at compile time). [`Bank::parse`] is the only way to get a [`Bank`],
//! and it checks every rule the rest of the app relies on, so a screen never has
//! to wonder whether a dimension has guidance for level 3.

use super::answer::Mode;
use super::plan::Owner;
use super::scoring::Level;
use super::untrusted::{self, At, Problem, Problems, TextRule};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The bank Tandem ships with: eight dimensions, the first four being the core.
/// It is src/assessment/standard.json, compiled in without its indentation
/// (build.rs).
const STANDARD_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/standard.json"));
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
    pub practices: Vec<String>,
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
        STANDARD.get_or_init(|| match read_file(STANDARD_JSON) {
            Ok(bank) => bank,
            Err(error) => panic!("the embedded standard bank is invalid: {error}"),
        })
    }

    /// Reads a bank from JSON, such as one a consultant wrote, and checks
    /// every rule; reports all problems at once, each with its location.
    /// Never panics, whatever the text. The format is described in
    /// `docs/configuration.md`.
    pub fn parse(json: &str) -> Result<Bank, BankError> {
        let bank = read_file(json)?;
        let mut problems = Problems::default();
        check_own_id(&mut problems, &At::File, &bank);
        match problems.count() {
            0 => Ok(bank),
            _ => Err(BankError {
                problems: problems.into_list(),
            }),
        }
    }

    /// A bank from checked parts: works out the id order and the fingerprint.
    fn new(
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
        let mut bank = Bank {
            id,
            version,
            fingerprint: Fingerprint(0),
            short_mark: 0,
            title,
            levels,
            dimensions,
            id_order,
        };
        let canonical = bank.to_json();
        bank.fingerprint = Fingerprint::of(&canonical);
        bank.short_mark = short_mark(&canonical);
        bank
    }

    /// The same bank with only the dimensions in `keep`, in the bank's order.
    /// Its content differs, and so does its fingerprint: results from the
    /// shorter bank never mix with results from the whole one.
    pub(crate) fn with_dimensions(&self, keep: &[DimensionId]) -> Bank {
        Bank::new(
            self.id.clone(),
            self.version,
            self.title.clone(),
            self.levels.clone(),
            self.dimensions
                .iter()
                .filter(|d| keep.contains(&d.id))
                .cloned()
                .collect(),
        )
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

/// A bank's fingerprint: the first 64 bits of SHA-256 over its canonical
/// JSON ([`Bank::to_json`]). The same content gives the same fingerprint
/// however the file was laid out or spelled (white space, field order,
/// `"reverse": false` written or left out), and finding two banks that share
/// one takes about 2^32 SHA-256 evaluations of a deliberate search, where the
/// 32-bit FNV hash it replaces could be matched in a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    /// The first 64 bits of SHA-256 over `canonical`.
    pub(crate) fn of(canonical: &str) -> Fingerprint {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(canonical.as_bytes());
        let mut first = [0; 8];
        first.copy_from_slice(&digest[..8]);
        Fingerprint(u64::from_be_bytes(first))
    }

    /// Exactly 16 hex digits, as [`fmt::Display`] writes them (either case).
    pub fn parse(text: &str) -> Option<Fingerprint> {
        parse_hex(text, 16).map(Fingerprint)
    }
}

impl fmt::Display for Fingerprint {
    /// 16 lower-case hex digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// How a result names the bank it was written for ([`Bank::mark`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The 32-bit mark of format-1 codes and version-1 exports.
    Short(u32),
    /// The bank's [`Fingerprint`].
    Full(Fingerprint),
}

impl Mark {
    /// A short mark from exactly 8 hex digits (either case).
    pub fn parse_short(text: &str) -> Option<Mark> {
        parse_hex(text, 8).map(|value| Mark::Short(value as u32))
    }
}

impl fmt::Display for Mark {
    /// Hex digits: 8 for a short mark, 16 for a fingerprint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mark::Short(short) => write!(f, "{short:08x}"),
            Mark::Full(fingerprint) => fingerprint.fmt(f),
        }
    }
}

/// Whether a result's [`Mark`] names a bank ([`Bank::recognises`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recognised {
    /// It was written for this bank.
    Yes,
    /// It was written for another bank.
    No,
    /// It carries the short mark an earlier Tandem wrote for a custom bank,
    /// and the mark matches this one: too short to trust.
    Earlier,
}

/// Exactly `digits` hex digits (at most 16), either case.
fn parse_hex(text: &str, digits: usize) -> Option<u64> {
    if text.len() == digits && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        u64::from_str_radix(text, 16).ok()
    } else {
        None
    }
}

/// FNV-1a over the bank's canonical JSON: the 32-bit mark result codes
/// carried before fingerprints. The standard bank's file is already in
/// canonical form apart from white space, so its mark is the one its result
/// codes have always carried.
fn short_mark(canonical: &str) -> u32 {
    canonical.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Reads and checks a whole bank file.
fn read_file(json: &str) -> Result<Bank, BankError> {
    let value =
        untrusted::read_json(json, MAX_BANK_BYTES, "a question bank").map_err(|problem| {
            BankError {
                problems: vec![problem],
            }
        })?;
    let mut problems = Problems::default();
    match read(&mut problems, &At::File, &value) {
        Some(bank) => Ok(bank),
        None => Err(BankError {
            problems: problems.into_list(),
        }),
    }
}

/// Notes a bank from outside that calls itself by the standard bank's id:
/// saved answers are kept under a bank's id, so a reworded copy of the
/// standard bank must be told apart from it.
pub(crate) fn check_own_id(problems: &mut Problems, at: &At, bank: &Bank) {
    if bank.id == STANDARD_ID && bank.fingerprint != Bank::standard().fingerprint {
        problems.add(
            at.field("id"),
            "is the id of Tandem's own question bank; give your bank an id of its own, such as `acme-partnership`",
        );
    }
}

const BANK_FIELDS: &[&str] = &["id", "version", "title", "levels", "dimensions"];
const LEVEL_FIELDS: &[&str] = &["name", "summary"];
const DIMENSION_FIELDS: &[&str] = &[
    "id",
    "name",
    "summary",
    "core",
    "owner",
    "statements",
    "guidance",
];
const STATEMENT_FIELDS: &[&str] = &["id", "text", "reverse", "not_applicable", "weight"];
const GUIDANCE_FIELDS: &[&str] = &["level", "next", "practices"];
/// The owners' names in a bank, in [`Owner::ALL`] order.
const OWNER_NAMES: &[&str] = &["hr", "learning-and-development", "joint", "leaders"];

const NAME: TextRule = TextRule {
    max: MAX_NAME,
    multiline: false,
};
const TEXT: TextRule = TextRule {
    max: MAX_TEXT,
    multiline: false,
};

/// Reads a bank at `at` (the whole file, or a field of a configuration),
/// noting every problem; `None` when there was any.
pub(crate) fn read(problems: &mut Problems, at: &At, value: &Value) -> Option<Bank> {
    let before = problems.count();
    let map = problems.object(at, value, "a question bank", BANK_FIELDS)?;
    let id = problems.field(at, map, "id", |p, at, v| p.identifier(at, v, false));
    let version = problems.field(at, map, "version", |p, at, v| {
        p.whole(at, v, 1..=MAX_VERSION)
    });
    let title = problems.field(at, map, "title", |p, at, v| p.text(at, v, TEXT));
    let levels = problems.field(at, map, "levels", read_levels);
    let dimensions = problems.field(at, map, "dimensions", read_dimensions);
    if problems.count() > before {
        return None;
    }
    Some(Bank::new(id?, version?, title?, levels?, dimensions?))
}

/// Reads every item of a list with `read`; `None` if any item failed.
fn read_items<'v, T>(
    problems: &mut Problems,
    at: &At,
    items: &'v [Value],
    mut read: impl FnMut(&mut Problems, &At, &'v Value) -> Option<T>,
) -> Option<Vec<T>> {
    let read: Vec<Option<T>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| read(problems, &at.item(i), item))
        .collect();
    read.into_iter().collect()
}

fn read_levels(problems: &mut Problems, at: &At, value: &Value) -> Option<Vec<LevelInfo>> {
    let items = problems.list(at, value)?;
    if items.len() != Level::COUNT {
        problems.add(at, "must list exactly 5 levels");
    }
    read_items(problems, at, items, |problems, at, item| {
        let map = problems.object(at, item, "a level", LEVEL_FIELDS)?;
        let name = problems.field(at, map, "name", |p, at, v| p.text(at, v, NAME));
        let summary = problems.field(at, map, "summary", |p, at, v| p.text(at, v, TEXT));
        Some(LevelInfo {
            name: name?,
            summary: summary?,
        })
    })
}

fn read_dimensions(problems: &mut Problems, at: &At, value: &Value) -> Option<Vec<Dimension>> {
    let items = problems.list(at, value)?;
    if items.is_empty() {
        problems.add(at, "must list at least one dimension");
    } else if items.len() > MAX_DIMENSIONS {
        problems.add(
            at,
            format_args!("has too many dimensions (at most {MAX_DIMENSIONS})"),
        );
    } else if !items
        .iter()
        .any(|d| d.get("core") == Some(&Value::Bool(true)))
    {
        problems.add(
            at,
            "at least one dimension must be core (the quick assessment asks the core ones)",
        );
    }
    // Ids seen so far, to report each later use of one.
    let mut dimension_ids = HashSet::new();
    let mut statement_ids = HashSet::new();
    read_items(problems, at, items, |problems, at, item| {
        let map = problems.object(at, item, "a dimension", DIMENSION_FIELDS)?;
        let id = problems.field(at, map, "id", |p, at, v| {
            let id = p.identifier(at, v, false)?;
            if !dimension_ids.insert(id.clone()) {
                p.add(at, "is used by another dimension");
                return None;
            }
            Some(DimensionId(id))
        });
        let name = problems.field(at, map, "name", |p, at, v| p.text(at, v, NAME));
        let summary = problems.field(at, map, "summary", |p, at, v| p.text(at, v, TEXT));
        let core = problems.field(at, map, "core", Problems::flag);
        let owner = problems.optional_field(at, map, "owner", Owner::default(), |p, at, v| {
            p.choice(at, v, OWNER_NAMES).map(|i| Owner::ALL[i])
        });
        let statements = problems.field(at, map, "statements", |p, at, v| {
            read_statements(p, at, v, &mut statement_ids)
        });
        let guidance = problems.field(at, map, "guidance", read_guidance);
        Some(Dimension {
            id: id?,
            name: name?,
            summary: summary?,
            core: core?,
            owner: owner?,
            statements: statements?,
            guidance: guidance?,
        })
    })
}

fn read_statements(
    problems: &mut Problems,
    at: &At,
    value: &Value,
    ids: &mut HashSet<String>,
) -> Option<Vec<Statement>> {
    let items = problems.list(at, value)?;
    if items.is_empty() {
        problems.add(at, "must list at least one statement");
    } else if items.len() > MAX_STATEMENTS {
        problems.add(
            at,
            format_args!("has too many statements (at most {MAX_STATEMENTS})"),
        );
    }
    read_items(problems, at, items, |problems, at, item| {
        let map = problems.object(at, item, "a statement", STATEMENT_FIELDS)?;
        let id = problems.field(at, map, "id", |p, at, v| {
            let id = p.identifier(at, v, true)?;
            if !ids.insert(id.clone()) {
                p.add(at, "is used by another statement");
                return None;
            }
            Some(StatementId::from(id.as_str()))
        });
        let text = problems.field(at, map, "text", |p, at, v| p.text(at, v, TEXT));
        let reverse = problems.optional_field(at, map, "reverse", false, Problems::flag);
        let not_applicable =
            problems.optional_field(at, map, "not_applicable", false, Problems::flag);
        let weight = problems.optional_field(at, map, "weight", 1, |p, at, v| {
            p.whole(at, v, 1..=u32::from(MAX_WEIGHT)).map(|w| w as u8)
        });
        Some(Statement {
            id: id?,
            text: text?,
            reverse: reverse?,
            not_applicable: not_applicable?,
            weight: weight?,
        })
    })
}

fn read_guidance(problems: &mut Problems, at: &At, value: &Value) -> Option<Vec<Guidance>> {
    let items = problems.list(at, value)?;
    if items.len() != Level::COUNT {
        problems.add(at, "must have exactly 5 entries, one per level");
    }
    let mut expected = 0u8;
    read_items(problems, at, items, |problems, at, item| {
        expected += 1;
        let map = problems.object(at, item, "a guidance entry", GUIDANCE_FIELDS)?;
        let level = problems.field(at, map, "level", |p, at, v| {
            let level = p.whole(at, v, 1..=Level::COUNT as u32)? as u8;
            if level != expected {
                p.add(at, "levels must run 1, 2, 3, 4, 5 in order");
                return None;
            }
            Some(level)
        });
        let next = problems.field(at, map, "next", |p, at, v| p.text(at, v, TEXT));
        let practices = problems.field(at, map, "practices", |p, at, v| {
            let items = p.list(at, v)?;
            if items.is_empty() || items.len() > MAX_PRACTICES {
                p.add(at, format_args!("must list 1 to {MAX_PRACTICES} practices"));
            }
            read_items(p, at, items, |p, at, item| p.text(at, item, TEXT))
        });
        Some(Guidance {
            level: level?,
            next: next?,
            practices: practices?,
        })
    })
}
