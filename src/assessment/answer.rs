//! The answer scale, the respondent's role and the two lengths of assessment.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One answer to one statement: a five-point agreement scale, plus two answers
/// that say "I cannot judge this" and so never count as a low score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    StronglyDisagree,
    Disagree,
    Neutral,
    Agree,
    StronglyAgree,
    /// The respondent does not know; excluded from the score, shown as coverage.
    DontKnow,
    /// The statement does not apply to this organisation; only offered on
    /// statements whose bank entry allows it. Excluded like [`Answer::DontKnow`].
    NotApplicable,
}

impl Answer {
    /// The agreement scale in the order it is shown, most negative first.
    pub const AGREEMENT: [Answer; 5] = [
        Answer::StronglyDisagree,
        Answer::Disagree,
        Answer::Neutral,
        Answer::Agree,
        Answer::StronglyAgree,
    ];

    /// Every answer, the scale first, then the two that are not an opinion.
    pub const ALL: [Answer; 7] = [
        Answer::StronglyDisagree,
        Answer::Disagree,
        Answer::Neutral,
        Answer::Agree,
        Answer::StronglyAgree,
        Answer::DontKnow,
        Answer::NotApplicable,
    ];

    /// Position on the agreement scale, 1 (strongly disagree) to 5 (strongly
    /// agree); `None` for the answers that are not an opinion.
    pub fn agreement(self) -> Option<u8> {
        match self {
            Answer::StronglyDisagree => Some(1),
            Answer::Disagree => Some(2),
            Answer::Neutral => Some(3),
            Answer::Agree => Some(4),
            Answer::StronglyAgree => Some(5),
            Answer::DontKnow | Answer::NotApplicable => None,
        }
    }

    /// The label a respondent sees.
    pub fn label(self) -> &'static str {
        match self {
            Answer::StronglyDisagree => "Strongly disagree",
            Answer::Disagree => "Disagree",
            Answer::Neutral => "Neither agree nor disagree",
            Answer::Agree => "Agree",
            Answer::StronglyAgree => "Strongly agree",
            Answer::DontKnow => "Don't know",
            Answer::NotApplicable => "Not applicable",
        }
    }

    /// A short, stable token for element ids.
    pub fn token(self) -> &'static str {
        match self {
            Answer::StronglyDisagree => "sd",
            Answer::Disagree => "d",
            Answer::Neutral => "n",
            Answer::Agree => "a",
            Answer::StronglyAgree => "sa",
            Answer::DontKnow => "dk",
            Answer::NotApplicable => "na",
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where the respondent sits, asked first so that a workshop can compare how
/// HR and L&D see the same partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Hr,
    LearningAndDevelopment,
    Leadership,
    LineManager,
    Other,
}

impl Role {
    /// Every role, in the order they are offered.
    pub const ALL: [Role; 5] = [
        Role::Hr,
        Role::LearningAndDevelopment,
        Role::Leadership,
        Role::LineManager,
        Role::Other,
    ];

    /// The label a respondent sees.
    pub fn label(self) -> &'static str {
        match self {
            Role::Hr => "HR",
            Role::LearningAndDevelopment => "Learning & Development (L&D)",
            Role::Leadership => "HR or L&D leadership",
            Role::LineManager => "Line manager or business leader",
            Role::Other => "Other",
        }
    }

    /// A short, stable token for element ids.
    pub fn token(self) -> &'static str {
        match self {
            Role::Hr => "hr",
            Role::LearningAndDevelopment => "ld",
            Role::Leadership => "leadership",
            Role::LineManager => "line-manager",
            Role::Other => "other",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How much of the bank the respondent answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// The core dimensions only.
    Quick,
    /// Every dimension.
    Full,
}

impl Mode {
    /// The name a respondent sees.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Quick => "Quick assessment",
            Mode::Full => "Full assessment",
        }
    }
}
