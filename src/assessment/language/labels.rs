//! The message of each name the domain shows a person: answers, roles,
//! modes, owners, horizons and the room's agreement. The domain's types know nothing of
//! languages; what they are called lives here, beside the messages.

use super::Key;
use crate::assessment::bank::Owner;
use crate::assessment::plan::Horizon;
use crate::assessment::workshop::Agreement;
use crate::assessment::{Answer, Mode, Role};
use std::fmt;

impl Answer {
    /// The message of its label.
    pub fn key(self) -> Key {
        match self {
            Answer::StronglyDisagree => Key::ANSWER_STRONGLY_DISAGREE,
            Answer::Disagree => Key::ANSWER_DISAGREE,
            Answer::Neutral => Key::ANSWER_NEUTRAL,
            Answer::Agree => Key::ANSWER_AGREE,
            Answer::StronglyAgree => Key::ANSWER_STRONGLY_AGREE,
            Answer::DontKnow => Key::ANSWER_DONT_KNOW,
            Answer::NotApplicable => Key::ANSWER_NOT_APPLICABLE,
        }
    }

    /// The label a respondent sees, in English.
    pub fn label(self) -> &'static str {
        self.key().in_english()
    }
}

impl Role {
    /// The message of its label.
    pub fn key(self) -> Key {
        match self {
            Role::Hr => Key::ROLE_HR,
            Role::LearningAndDevelopment => Key::ROLE_LD,
            Role::Leadership => Key::ROLE_LEADERSHIP,
            Role::LineManager => Key::ROLE_LINE_MANAGER,
            Role::Other => Key::ROLE_OTHER,
        }
    }

    /// The label a respondent sees, in English.
    pub fn label(self) -> &'static str {
        self.key().in_english()
    }
}

impl Mode {
    /// The message of its name.
    pub fn key(self) -> Key {
        match self {
            Mode::Quick => Key::MODE_QUICK,
            Mode::Full => Key::MODE_FULL,
        }
    }

    /// The message of the landing page's button that starts it.
    pub fn start_key(self) -> Key {
        match self {
            Mode::Quick => Key::MODE_QUICK_START,
            Mode::Full => Key::MODE_FULL_START,
        }
    }

    /// The name a respondent sees, in English.
    pub fn label(self) -> &'static str {
        self.key().in_english()
    }
}

impl Owner {
    /// The message of its label.
    pub fn key(self) -> Key {
        match self {
            Owner::Hr => Key::OWNER_HR,
            Owner::LearningAndDevelopment => Key::OWNER_LD,
            Owner::Joint => Key::OWNER_JOINT,
            Owner::Leaders => Key::OWNER_LEADERS,
        }
    }

    /// The label a person sees, in English.
    pub fn label(self) -> &'static str {
        self.key().in_english()
    }
}

impl Horizon {
    /// The message of its label.
    pub fn key(self) -> Key {
        match self {
            Horizon::Days30 => Key::HORIZON_30,
            Horizon::Days60 => Key::HORIZON_60,
            Horizon::Days90 => Key::HORIZON_90,
        }
    }

    /// The label a person sees, in English.
    pub fn label(self) -> &'static str {
        self.key().in_english()
    }
}

impl Agreement {
    /// The message of its label.
    pub fn key(self) -> Key {
        match self {
            Agreement::Agreed => Key::AGREEMENT_AGREED,
            Agreement::Mixed => Key::AGREEMENT_MIXED,
            Agreement::Split => Key::AGREEMENT_SPLIT,
        }
    }

    /// The message of what the label means, for the screen's legend.
    pub fn meaning_key(self) -> Key {
        match self {
            Agreement::Agreed => Key::AGREEMENT_AGREED_MEANING,
            Agreement::Mixed => Key::AGREEMENT_MIXED_MEANING,
            Agreement::Split => Key::AGREEMENT_SPLIT_MEANING,
        }
    }

    /// The label the facilitator sees, in English.
    pub fn label(self) -> &'static str {
        self.key().in_english()
    }

    /// What the label means, in English.
    pub fn meaning(self) -> &'static str {
        self.meaning_key().in_english()
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
