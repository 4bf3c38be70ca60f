//! The question bank: what is asked, and what to do about each answer.
//!
//! A bank is JSON (the standard one is `standard.json` beside this file,
//! embedded at compile time). [`Bank::parse`] is the only way to get a [`Bank`],
//! and it checks every rule the rest of the app relies on, so a screen never has
//! to wonder whether a dimension has guidance for level 3.

use super::answer::Mode;
use super::plan::Owner;
use super::scoring::Level;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The bank Tandem ships with: eight dimensions, the first four being the core.
const STANDARD_JSON: &str = include_str!("standard.json");

/// Longest text accepted in any field, in characters. Generous for a
/// statement or a practice, and it keeps a hostile bank from filling the page.
const MAX_TEXT: usize = 600;
/// Most statements one dimension may hold; longer sections tire respondents.
const MAX_STATEMENTS: usize = 12;
/// Most practices per guidance entry.
const MAX_PRACTICES: usize = 3;

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
    fingerprint: u32,
    title: String,
    levels: Vec<LevelInfo>,
    dimensions: Vec<Dimension>,
    /// Every statement's position in bank order (dimension by dimension),
    /// listed in id order: answers are kept in id order, and a decoder that
    /// reads them in bank order builds that map without comparing ids.
    id_order: Vec<usize>,
}

/// The name and description of one maturity level, shared by all dimensions.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    /// Short name, such as "Cooperating".
    pub name: String,
    /// What a partnership at this level looks like.
    pub summary: String,
}

/// One area of the partnership, scored on its own.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(default)]
    pub owner: Owner,
    /// The statements respondents rate, in the order they are asked.
    pub statements: Vec<Statement>,
    /// One entry per level, 1 to 5: what the next level looks like from there.
    pub guidance: Vec<Guidance>,
}

/// One statement a respondent agrees or disagrees with.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Stable identifier, unique in the bank; answers are saved under it.
    pub id: StatementId,
    /// The statement as shown.
    pub text: String,
    /// Negatively worded: agreeing with it means a weaker partnership.
    #[serde(default)]
    pub reverse: bool,
    /// "Not applicable" is offered as an answer.
    #[serde(default)]
    pub not_applicable: bool,
}

/// Advice for a dimension at one level.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    /// The level this advice is for (1 to 5).
    pub level: u8,
    /// What the next level looks like; at the top level, how to stay there.
    pub next: String,
    /// Two or three concrete practices that lead there.
    pub practices: Vec<String>,
}

/// The bank as written in JSON, before any rule is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    id: String,
    version: u32,
    title: String,
    levels: Vec<LevelInfo>,
    dimensions: Vec<Dimension>,
}

/// Why a bank was refused: every problem found, each with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankError {
    /// The problems, in the order they appear in the file.
    pub problems: Vec<BankProblem>,
}

/// One problem in a bank: where it is (a path such as
/// `dimensions[2].statements[0].text`) and what is wrong, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankProblem {
    pub location: String,
    pub reason: String,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}: {}", problem.location, problem.reason)?;
        }
        Ok(())
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
        STANDARD.get_or_init(|| match Bank::parse(STANDARD_JSON) {
            Ok(bank) => bank,
            Err(error) => panic!("the embedded standard bank is invalid: {error}"),
        })
    }

    /// Reads a bank from JSON and checks every rule; reports all problems at once.
    pub fn parse(json: &str) -> Result<Bank, BankError> {
        let raw: RawBank = serde_json::from_str(json).map_err(|e| BankError {
            problems: vec![BankProblem {
                location: format!("line {}, column {}", e.line(), e.column()),
                reason: e.to_string(),
            }],
        })?;
        let problems = check(&raw);
        if !problems.is_empty() {
            return Err(BankError { problems });
        }
        let fingerprint = fingerprint(json);
        let statements: Vec<&StatementId> = raw
            .dimensions
            .iter()
            .flat_map(|d| d.statements.iter().map(|s| &s.id))
            .collect();
        let mut id_order: Vec<usize> = (0..statements.len()).collect();
        super::sort_short_by(&mut id_order, |&a, &b| statements[a].cmp(statements[b]));
        Ok(Bank {
            id: raw.id,
            version: raw.version,
            fingerprint,
            title: raw.title,
            levels: raw.levels,
            dimensions: raw.dimensions,
            id_order,
        })
    }

    /// The bank's identifier; saved progress and result codes carry it.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A fingerprint of the bank's whole content. Result codes and exports
    /// carry it, so answers to one bank are never scored against another,
    /// even one with the same id.
    pub fn fingerprint(&self) -> u32 {
        self.fingerprint
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

/// FNV-1a over the bank's JSON with white space outside strings removed, so
/// re-indenting a file keeps its identity while any change of content does not.
fn fingerprint(json: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut in_string = false;
    let mut escaped = false;
    for byte in json.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
        } else if byte == b'"' {
            in_string = true;
        } else if byte.is_ascii_whitespace() {
            continue;
        }
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// Collects the problems found while checking a bank.
#[derive(Default)]
struct Problems(Vec<BankProblem>);

impl Problems {
    fn add(&mut self, location: impl Into<String>, reason: &str) {
        self.0.push(BankProblem {
            location: location.into(),
            reason: reason.to_owned(),
        });
    }

    /// Every text in a bank is shown to people: it must say something, and not
    /// so much that a hostile bank could flood the page.
    fn text(&mut self, location: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.add(location, "is empty");
        } else if value.chars().count() > MAX_TEXT {
            self.add(location, "is too long (at most 600 characters)");
        }
    }
}

/// Every rule a parsed bank must meet, as a list of problems.
fn check(raw: &RawBank) -> Vec<BankProblem> {
    let mut problems = Problems::default();
    problems.text("id", &raw.id);
    problems.text("title", &raw.title);
    if raw.levels.len() != Level::COUNT {
        problems.add("levels", "must list exactly 5 levels");
    }
    for (i, level) in raw.levels.iter().enumerate() {
        problems.text(format!("levels[{i}].name"), &level.name);
        problems.text(format!("levels[{i}].summary"), &level.summary);
    }
    if raw.dimensions.is_empty() {
        problems.add("dimensions", "must list at least one dimension");
    } else if !raw.dimensions.iter().any(|d| d.core) {
        problems.add(
            "dimensions",
            "at least one dimension must be core (the quick assessment asks the core ones)",
        );
    }

    let mut dimension_ids = HashSet::new();
    let mut statement_ids = HashSet::new();
    for (d, dimension) in raw.dimensions.iter().enumerate() {
        let at = format!("dimensions[{d}]");
        if !is_identifier(dimension.id.as_str()) {
            problems.add(
                format!("{at}.id"),
                "must be lowercase letters, digits and hyphens",
            );
        }
        if !dimension_ids.insert(dimension.id.as_str()) {
            problems.add(format!("{at}.id"), "is used by another dimension");
        }
        problems.text(format!("{at}.name"), &dimension.name);
        problems.text(format!("{at}.summary"), &dimension.summary);
        if dimension.statements.is_empty() {
            problems.add(
                format!("{at}.statements"),
                "must list at least one statement",
            );
        } else if dimension.statements.len() > MAX_STATEMENTS {
            problems.add(
                format!("{at}.statements"),
                "has too many statements (at most 12)",
            );
        }
        for (s, statement) in dimension.statements.iter().enumerate() {
            let at = format!("{at}.statements[{s}]");
            let id = statement.id.as_str();
            if !id.split('.').all(is_identifier) {
                problems.add(
                    format!("{at}.id"),
                    "must be lowercase letters, digits, hyphens and dots",
                );
            }
            if !statement_ids.insert(id) {
                problems.add(format!("{at}.id"), "is used by another statement");
            }
            problems.text(format!("{at}.text"), &statement.text);
        }
        if dimension.guidance.len() != Level::COUNT {
            problems.add(
                format!("{at}.guidance"),
                "must have exactly 5 entries, one per level",
            );
        }
        for (g, guidance) in dimension.guidance.iter().enumerate() {
            let at = format!("{at}.guidance[{g}]");
            if usize::from(guidance.level) != g + 1 {
                problems.add(
                    format!("{at}.level"),
                    "levels must run 1, 2, 3, 4, 5 in order",
                );
            }
            problems.text(format!("{at}.next"), &guidance.next);
            if guidance.practices.is_empty() || guidance.practices.len() > MAX_PRACTICES {
                problems.add(format!("{at}.practices"), "must list 1 to 3 practices");
            }
            for (p, practice) in guidance.practices.iter().enumerate() {
                problems.text(format!("{at}.practices[{p}]"), practice);
            }
        }
    }
    problems.0
}

/// Lowercase ASCII letters, digits and inner hyphens: safe in element ids and
/// stable across languages.
fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
