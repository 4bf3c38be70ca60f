//! How answers become scores, levels and an overall result.
//!
//! The rules, which the results page also states in plain words:
//! 1. Each agreement answer counts 0, 25, 50, 75 or 100 points (strongly
//!    disagree to strongly agree); a negatively worded ("reverse") statement
//!    counts the other way round.
//! 2. "Don't know" and "Not applicable" count nothing either way: they are left
//!    out of the mean and reported as coverage ("based on 3 of 4 statements").
//! 3. A dimension's score is the mean of its counted answers, rounded to a whole
//!    number from 0 to 100. A bank may give a statement a weight (1 to 5, 1
//!    unless it says otherwise): its answer then counts that many times in the
//!    mean. A dimension needs answers to at least half of its statements
//!    (counted as statements, whatever their weight); with fewer it shows "not
//!    enough answers" instead of a number.
//! 4. Levels are bands of the score: 0-19 level 1, 20-39 level 2, 40-59 level 3,
//!    60-79 level 4, 80-100 level 5.
//! 5. The overall score is the mean of the scored dimensions, and needs at least
//!    half of the dimensions to be scored. Its level follows the same bands, but
//!    a partnership is only as strong as its weakest area: the overall level is
//!    never more than one level above the lowest dimension's level.
//!
//! Rules 1 to 4 are applied in one place, `DimensionCount`, to a person's
//! report and to each participant a team view counts alike. The scale they
//! count on (a [`Score`] rounded half up, and the [`Level`] bands of rule 4)
//! is `scale`, which the question bank shares: it names the levels.

mod scale;

pub use scale::{Level, Score};

use crate::assessment::answer::{Answer, Mode};
use crate::assessment::bank::{Bank, Statement, StatementId};
use crate::assessment::language::{Key, Words};
use std::collections::BTreeMap;

/// Rules 1 and 3 in whole numbers: `steps` is the weighted sum of the
/// counted answers' steps on the scale (0 to 4 each, after reverse scoring)
/// and `weights` the sum of their weights. Each step is worth 25 points, so
/// the score is 25 × steps / weights, rounded half up; `None` for no answers.
fn weighted_score(steps: u32, weights: u32) -> Option<Score> {
    Score::of_ratio(25 * u64::from(steps), u64::from(weights))
}

/// How many of a dimension's statements carry an opinion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Statements answered on the agreement scale.
    pub counted: usize,
    /// Statements in the dimension.
    pub total: usize,
}

impl Coverage {
    /// Rule 3: at least half of the statements answered, and at least one.
    pub fn is_enough(self) -> bool {
        self.counted > 0 && self.counted * 2 >= self.total
    }
}

/// The result for one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionResult {
    /// Position of the dimension in the bank.
    pub index: usize,
    /// Score and level, or `None` when there were not enough answers.
    pub scored: Option<(Score, Level)>,
    /// Which share of the statements counted.
    pub coverage: Coverage,
    /// Statements answered "Don't know".
    pub dont_know: usize,
    /// Statements answered "Not applicable".
    pub not_applicable: usize,
}

impl DimensionResult {
    /// The score, when there were enough answers.
    pub fn score(&self) -> Option<Score> {
        self.scored.map(|(score, _)| score)
    }

    /// The level, when there were enough answers.
    pub fn level(&self) -> Option<Level> {
        self.scored.map(|(_, level)| level)
    }
}

/// The overall result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overall {
    /// Fewer than half of the dimensions have enough answers.
    NotEnoughAnswers,
    /// Enough dimensions were scored.
    Scored {
        /// Mean of the scored dimensions.
        score: Score,
        /// The level after the weakest-area limit (rule 5).
        level: Level,
        /// The level the score alone would give; higher than `level` when the
        /// weakest-area limit applied.
        uncapped: Level,
    },
}

/// A respondent's whole result.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// One entry per dimension asked, in bank order.
    pub dimensions: Vec<DimensionResult>,
    /// The overall score and level.
    pub overall: Overall,
}

/// What a result rests on (rule 6): the dimensions scored and the
/// statements answered on the agreement scale, of those asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basis {
    /// Dimensions with a score.
    pub scored: usize,
    /// Dimensions asked.
    pub dimensions: usize,
    /// Statements answered on the agreement scale.
    pub counted: usize,
    /// Statements asked.
    pub statements: usize,
}

impl Basis {
    /// Rule 6: some dimension has no score, or fewer than three quarters of
    /// the statements carry an opinion.
    pub fn is_tentative(self) -> bool {
        self.scored < self.dimensions || self.counted * 4 < self.statements * 3
    }
}

/// How many strengths a report names at most.
const MAX_STRENGTHS: usize = 3;
/// The lowest level a strength is at: the functions collaborate there. A
/// threshold, not a rank: a result with no dimension this high has no
/// strengths to name, however its dimensions compare.
pub const STRENGTH_FROM: Level = Level::COLLABORATING;
/// How many priorities a report names at most.
const MAX_PRIORITIES: usize = 3;
/// The level a priority is below: the functions do not yet cooperate.
pub const PRIORITY_BELOW: Level = Level::COOPERATING;

impl Report {
    /// Scores the answers given to the dimensions that `mode` asks about.
    /// Answers to other statements are ignored.
    pub fn score(bank: &Bank, mode: Mode, answers: &BTreeMap<StatementId, Answer>) -> Report {
        let dimensions: Vec<DimensionResult> = bank
            .dimensions()
            .iter()
            .enumerate()
            .filter(|(_, d)| mode == Mode::Full || d.core)
            .map(|(index, dimension)| {
                let mut count = DimensionCount::default();
                for statement in &dimension.statements {
                    count.add(statement, answers.get(&statement.id).copied());
                }
                count.result(index)
            })
            .collect();
        Report::from_dimensions(dimensions)
    }

    /// A report from dimension results worked out elsewhere, such as a
    /// team's mean scores; the overall result follows rule 5 as for a person.
    pub fn from_dimensions(dimensions: Vec<DimensionResult>) -> Report {
        let overall = overall(&dimensions);
        Report {
            dimensions,
            overall,
        }
    }

    /// What the result rests on (rule 6).
    pub fn basis(&self) -> Basis {
        Basis {
            scored: self
                .dimensions
                .iter()
                .filter(|d| d.scored.is_some())
                .count(),
            dimensions: self.dimensions.len(),
            counted: self.dimensions.iter().map(|d| d.coverage.counted).sum(),
            statements: self.dimensions.iter().map(|d| d.coverage.total).sum(),
        }
    }

    /// The best-scoring dimensions at [`STRENGTH_FROM`] or above, best
    /// first: what the partnership can build on.
    pub fn strengths(&self) -> Vec<&DimensionResult> {
        let mut scored: Vec<_> = self
            .dimensions
            .iter()
            .filter(|d| d.level().is_some_and(|l| l >= STRENGTH_FROM))
            .collect();
        // Stable sort: ties keep bank order.
        super::sort_short_by(&mut scored, |a, b| b.score().cmp(&a.score()));
        scored.truncate(MAX_STRENGTHS);
        scored
    }

    /// The lowest-scoring dimensions below [`PRIORITY_BELOW`], lowest
    /// first: where to act first.
    pub fn priorities(&self) -> Vec<&DimensionResult> {
        let mut weakest: Vec<_> = self
            .dimensions
            .iter()
            .filter(|d| d.level().is_some_and(|l| l < PRIORITY_BELOW))
            .collect();
        super::sort_short_by(&mut weakest, |a, b| a.score().cmp(&b.score()));
        weakest.truncate(MAX_PRIORITIES);
        weakest
    }
}

/// Rules 1 to 4 for one dimension, statement by statement: the one place
/// they are applied, to a person's report ([`Report::score`]) and to each
/// participant a team view counts alike. Add every statement of the
/// dimension once, answered or not, then read the [`result`](Self::result).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DimensionCount {
    /// Weighted sum of the counted answers' steps.
    steps: u32,
    /// Sum of the counted answers' weights.
    weights: u32,
    /// Answers on the agreement scale.
    counted: usize,
    /// Statements added.
    total: usize,
    dont_know: usize,
    not_applicable: usize,
}

impl DimensionCount {
    /// Counts one statement and the answer to it, if any, and returns the
    /// step the answer counts on the scale: 0 (strongly disagree) to 4
    /// (strongly agree), the other way round for a reverse statement, each
    /// step worth 25 points (rule 1). `None` for no answer, "Don't know" and
    /// "Not applicable", which count nothing either way (rule 2).
    pub(crate) fn add(&mut self, statement: &Statement, answer: Option<Answer>) -> Option<u8> {
        self.total += 1;
        let answer = answer?;
        let Some(agreement) = answer.agreement() else {
            if answer == Answer::DontKnow {
                self.dont_know += 1;
            } else {
                self.not_applicable += 1;
            }
            return None;
        };
        let step = agreement - 1;
        let step = if statement.reverse { 4 - step } else { step };
        let weight = u32::from(statement.weight);
        self.steps += weight * u32::from(step);
        self.weights += weight;
        self.counted += 1;
        Some(step)
    }

    /// The result of the dimension at `index` (rules 3 and 4): the weighted
    /// mean and its level when at least half of the statements added were
    /// answered on the scale.
    pub(crate) fn result(self, index: usize) -> DimensionResult {
        let coverage = Coverage {
            counted: self.counted,
            total: self.total,
        };
        let scored = if coverage.is_enough() {
            weighted_score(self.steps, self.weights).map(|score| (score, Level::of(score)))
        } else {
            None
        };
        DimensionResult {
            index,
            scored,
            coverage,
            dont_know: self.dont_know,
            not_applicable: self.not_applicable,
        }
    }
}

/// Rule 5.
fn overall(dimensions: &[DimensionResult]) -> Overall {
    let scored: Vec<(Score, Level)> = dimensions.iter().filter_map(|d| d.scored).collect();
    if scored.is_empty() || scored.len() * 2 < dimensions.len() {
        return Overall::NotEnoughAnswers;
    }
    let Some(score) = Score::mean(scored.iter().map(|(s, _)| *s)) else {
        return Overall::NotEnoughAnswers;
    };
    let uncapped = Level::of(score);
    let lowest = scored
        .iter()
        .map(|(_, l)| *l)
        .min()
        .unwrap_or(Level::LOWEST);
    let ceiling = lowest.next().unwrap_or(Level::HIGHEST);
    Overall::Scored {
        score,
        level: uncapped.min(ceiling),
        uncapped,
    }
}

/// The overall rule in plain words, with the bank's level names, for the
/// results page.
pub fn overall_rule(words: &Words, bank: &Bank) -> String {
    let bands: Vec<String> = Level::all()
        .map(|level| {
            words.fill(
                Key::RULE_BAND,
                &[
                    ("lowest", &words.number(level.lowest_score().value().into())),
                    (
                        "highest",
                        &words.number(level.highest_score().value().into()),
                    ),
                    ("name", &bank.level(level).name),
                ],
            )
        })
        .collect();
    let bands = bands.join(words.get(Key::LIST_COMMA));
    let mut sentences = vec![words.get(Key::RULE_SCORES).to_owned()];
    if bank.is_weighted() {
        sentences.push(words.get(Key::RULE_WEIGHTED).to_owned());
    }
    sentences.push(words.fill(Key::RULE_LEVELS, &[("bands", &bands)]));
    sentences.join(" ")
}
