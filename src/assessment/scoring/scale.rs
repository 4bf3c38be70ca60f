//! The scale a result is told on: a [`Score`] from 0 to 100, rounded half up,
//! and the five [`Level`]s its bands make (rules 3 and 4 of
//! [`scoring`](super)). The question bank names the levels and gives
//! guidance for each, so this is what both it and the scoring share.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A score from 0 to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    /// The highest score.
    pub const MAX: Score = Score(100);

    /// A score, or `None` above 100.
    pub fn new(value: u8) -> Option<Score> {
        (value <= 100).then_some(Score(value))
    }

    /// The score as a number from 0 to 100.
    pub fn value(self) -> u8 {
        self.0
    }

    /// The mean of some scores, rounded half up; `None` for no scores.
    pub(crate) fn mean(scores: impl IntoIterator<Item = Score>) -> Option<Score> {
        let (sum, count) = scores
            .into_iter()
            .fold((0u64, 0u64), |(sum, n), s| (sum + u64::from(s.0), n + 1));
        Score::rounded_mean(sum, count)
    }

    /// The mean of `count` scores that add up to `sum`, rounded half up as a
    /// dimension's score is (rule 3): a team's mean is rounded by the same
    /// rule as one person's answers. `None` for no scores.
    pub(crate) fn rounded_mean(sum: u64, count: u64) -> Option<Score> {
        Score::of_ratio(sum, count)
    }

    /// `numerator / denominator` as a score, rounded half up (rule 3) and
    /// at most 100; `None` when dividing by zero.
    pub(crate) fn of_ratio(numerator: u64, denominator: u64) -> Option<Score> {
        rounded_ratio(numerator, denominator).map(|value| Score(value.min(100) as u8))
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `numerator / denominator` rounded half up, or `None` when dividing by zero.
fn rounded_ratio(numerator: u64, denominator: u64) -> Option<u64> {
    (denominator > 0).then(|| (2 * numerator + denominator) / (2 * denominator))
}

/// A maturity level, 1 (lowest) to 5 (highest). Names and descriptions come
/// from the bank; the number is what scoring works with. Saved as its number,
/// and a number outside 1 to 5 is refused when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl TryFrom<u8> for Level {
    type Error = String;

    fn try_from(number: u8) -> Result<Level, String> {
        Level::new(number).ok_or_else(|| format!("level {number} is not between 1 and 5"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl Level {
    /// How many levels there are.
    pub const COUNT: usize = 5;
    /// The lowest level.
    pub const LOWEST: Level = Level(1);
    /// The highest level.
    pub const HIGHEST: Level = Level(5);
    /// Level 3: the functions cooperate reliably.
    pub const COOPERATING: Level = Level(3);
    /// Level 4: the functions plan and deliver much of their work together.
    pub const COLLABORATING: Level = Level(4);
    /// Width of each level's score band.
    const BAND: u8 = 20;

    /// Every level, lowest first.
    pub fn all() -> impl Iterator<Item = Level> {
        (1..=5).map(Level)
    }

    /// The level with this number, or `None` outside 1 to 5.
    pub fn new(number: u8) -> Option<Level> {
        (1..=5).contains(&number).then_some(Level(number))
    }

    /// The band a score falls in (rule 4).
    pub fn of(score: Score) -> Level {
        Level((score.0 / Self::BAND + 1).min(5))
    }

    /// The level's number, 1 to 5.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The lowest score in this level's band.
    pub fn lowest_score(self) -> Score {
        Score((self.0 - 1) * Self::BAND)
    }

    /// The highest score in this level's band.
    pub fn highest_score(self) -> Score {
        if self == Self::HIGHEST {
            Score::MAX
        } else {
            Score(self.0 * Self::BAND - 1)
        }
    }

    /// The level above, or `None` at the top.
    pub fn next(self) -> Option<Level> {
        Level::new(self.0 + 1)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
